import { Box, Group, Select, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ErrorState } from '../../app/error-state.tsx';
import { countryName } from '../../app/format.ts';
import { LazyChart } from '../../components/lazy-chart.tsx';
import { messages } from '../../messages/en.ts';
import { allMarketsQuery } from '../../queries/markets.ts';
import { NO_VALUE } from './colour-scale.ts';
import { DashboardSection, EmptyState, LoadingBlock } from './dashboard-parts.tsx';
import type { Period } from './period.ts';
import { kpiRollupsQuery, selectRollup } from './queries.ts';
import {
  type MapMeasure,
  type MarketGroup,
  measureOptions,
  withEveryMarket,
  worldMapChart,
} from './world-map.ts';

const t = messages.dashboard;

// The country shapes (and ECharts' map chart) load with the first map drawn, not with the page.
const prepareWorldMap = () => import('./world-geo.ts').then((module) => module.loadWorldMap());

/** d. The target markets on a world map, coloured by their activities in the period or a KPI. */
export function MapSection({
  workspace,
  period,
  marketId,
}: {
  workspace: string;
  period: Period;
  marketId: string | undefined;
}) {
  const rollup = useQuery({
    ...kpiRollupsQuery(workspace, period, marketId),
    select: selectRollup('market'),
  });
  const allMarkets = useQuery(allMarketsQuery(workspace));
  const groups = useMemo(() => {
    const known = (allMarkets.data?.items ?? []).filter((market) => !marketId || market.id === marketId);
    return withEveryMarket(rollup.data?.groups ?? [], known);
  }, [rollup.data, allMarkets.data, marketId]);
  const markets = groups.filter((group) => group.country !== null);
  return (
    <DashboardSection id="market-map" title={t.map} testId="dashboard-map">
      {rollup.isPending || allMarkets.isPending ? (
        <LoadingBlock label={t.loading} height={420} />
      ) : rollup.isError ? (
        <ErrorState
          title={t.kpiLoadError}
          error={rollup.error}
          onRetry={() => void rollup.refetch()}
          retrying={rollup.isFetching}
        />
      ) : markets.length === 0 ? (
        <EmptyState testId="dashboard-map-empty">{t.noMarkets}</EmptyState>
      ) : (
        <MarketMap groups={groups} period={period} />
      )}
    </DashboardSection>
  );
}

function MarketMap({ groups, period }: { groups: MarketGroup[]; period: Period }) {
  const options = useMemo(() => measureOptions(groups, t.mapActivities), [groups]);
  const [chosen, setChosen] = useState<MapMeasure>('activities');
  // A KPI chosen for another period may have no value in this one: back to activities.
  const measure = options.find((option) => option.value === chosen) ?? options[0];
  const measureValue = measure?.value ?? 'activities';
  const measureLabel = measure?.label ?? t.mapActivities;
  const { option, table, legend } = useMemo(
    () =>
      worldMapChart(groups, measureValue, measureLabel, {
        activities: t.mapActivities,
        columns: { market: t.mapMarket, country: t.mapCountry },
        countryName,
      }),
    [groups, measureValue, measureLabel],
  );
  return (
    <>
      <Select
        label={t.colourBy}
        data={options}
        value={measureValue}
        onChange={(value) => setChosen(value ?? 'activities')}
        allowDeselect={false}
        searchable
        w={{ base: '100%', xs: 420 }}
        comboboxProps={{ withinPortal: true }}
        data-testid="map-measure"
      />
      <LazyChart
        title={t.mapChart(measureLabel)}
        option={option}
        table={table}
        height={420}
        fileName={`markets-map-${period.from}-${period.to}`}
        testId="dashboard-map-chart"
        prepare={prepareWorldMap}
      />
      <Group gap="md" aria-label={t.mapLegend} role="list" data-testid="map-legend">
        {[...legend, { colour: NO_VALUE, label: t.mapNothing }].map((step) => (
          <Group gap={6} key={step.label} role="listitem" wrap="nowrap">
            <Box w={14} h={14} bg={step.colour} style={{ borderRadius: 3, border: '1px solid #adb5bd' }} />
            <Text fz="sm">{step.label}</Text>
          </Group>
        ))}
      </Group>
    </>
  );
}
