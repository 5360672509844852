import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ErrorState } from '../../app/error-state.tsx';
import { countryName } from '../../app/format.ts';
import { LazyChart } from '../../components/lazy-chart.tsx';
import { TableSkeleton } from '../../components/skeletons.tsx';
import { messages } from '../../messages/en.ts';
import { worldMapChart } from '../dashboard/world-map.ts';
import { type MarketNetworkDto, marketNetworkQuery } from './queries.ts';

const t = messages.networkHealth;

// The country shapes (and ECharts' map chart) load with the first map drawn, not with the page.
const prepareWorldMap = () => import('../dashboard/world-geo.ts').then((module) => module.loadWorldMap());

/**
 * "Network in <country>" on a market's page: the network organisations of the market's country on
 * the world map (the country shaded) and by city, and the relationships by stage.
 */
export function MarketNetworkSection({ workspace, marketId }: { workspace: string; marketId: string }) {
  const summary = useQuery(marketNetworkQuery(workspace, marketId));
  const country = summary.data ? countryName(summary.data.market.country) : '…';
  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      aria-labelledby="market-network"
      data-testid="market-network"
    >
      <Stack gap="md">
        <Title order={2} fz="lg" id="market-network">
          {t.dossier.title(country)}
        </Title>
        <Text fz="sm" c="dimmed">
          {t.dossier.intro}
        </Text>
        {summary.isPending ? (
          <TableSkeleton label={t.dossier.loading} columns={2} />
        ) : summary.isError ? (
          <ErrorState
            title={t.dossier.loadError}
            error={summary.error}
            onRetry={() => void summary.refetch()}
            retrying={summary.isFetching}
          />
        ) : summary.data.organisations.total === 0 &&
          summary.data.relationshipsByStage.every((row) => row.count === 0) ? (
          <Text fz="sm" c="dimmed" data-testid="market-network-empty">
            {t.dossier.empty}
          </Text>
        ) : (
          <MarketNetwork summary={summary.data} />
        )}
      </Stack>
    </Paper>
  );
}

function MarketNetwork({ summary }: { summary: MarketNetworkDto }) {
  const country = countryName(summary.market.country);
  const label = t.dossier.organisations(summary.organisations.total);
  const { option, table } = useMemo(
    () =>
      worldMapChart(
        [
          {
            key: summary.market.id,
            label: summary.market.name,
            country: summary.market.country,
            activities: summary.organisations.total,
            kpis: [],
          },
        ],
        'activities',
        t.dossier.count,
        {
          activities: t.dossier.count,
          columns: { market: messages.dashboard.mapMarket, country: messages.dashboard.mapCountry },
          countryName,
        },
      ),
    [summary],
  );
  return (
    <Stack gap="md">
      <Text fz="sm" fw={600} data-testid="market-network-total">
        {label}
      </Text>
      <LazyChart
        title={t.dossier.map(country)}
        option={option}
        table={table}
        height={300}
        fileName={`network-${summary.market.country}`}
        testId="market-network-map"
        prepare={prepareWorldMap}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Table.ScrollContainer minWidth={260}>
          <Table withTableBorder fz="sm" data-testid="market-network-cities">
            <Table.Caption>{t.dossier.byCity}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.dossier.city}</Table.Th>
                <Table.Th ta="right">{t.dossier.count}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.organisations.byCity.map((row) => (
                <Table.Tr key={row.city ?? ''}>
                  <Table.Td>{row.city ?? t.dossier.noCity}</Table.Td>
                  <Table.Td ta="right">{row.count}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Table.ScrollContainer minWidth={260}>
          <Table withTableBorder fz="sm" data-testid="market-network-stages">
            <Table.Caption>{t.dossier.byStage}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.stage}</Table.Th>
                <Table.Th ta="right">{t.dossier.relationships}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.relationshipsByStage.map((row) => (
                <Table.Tr key={row.stage}>
                  <Table.Td>{t.stages[row.stage]}</Table.Td>
                  <Table.Td ta="right">{row.count}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </SimpleGrid>
    </Stack>
  );
}
