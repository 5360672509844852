import { Anchor, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { KpiRollupKpiDto } from '../../api/types.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { formatEur } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { messages } from '../../messages/en.ts';
import { figures } from '../../messages/en-figures.ts';
import { BURN_SECTION_ID } from './burn-section.tsx';
import { LoadingBlock } from './dashboard-parts.tsx';
import { formatKpiValue } from './kpi-figures.ts';
import type { Period } from './period.ts';
import { burnQuery, kpiRollupsQuery, selectRollup } from './queries.ts';
import { recordsSearchOf } from './records-search.ts';

const t = messages.dashboard;
const f = figures.dashboard;

/** The Hub-wide KPIs every activity has (`src/domain/kpi/hub-kpis.ts`). */
const HELD = 'held_activities';
const PRESENT = 'present_participants';
const ACTUAL_COSTS = 'actual_costs';

/** A Hub-wide KPI's value and target for the whole period (null: none). */
type HubFigure = Pick<KpiRollupKpiDto, 'kpiKey' | 'instrumentId' | 'kind' | 'actual' | 'target'>;

/**
 * a. The period in four numbers, each a link to what makes it: activities (the calendar), activities
 * held, participants present and actual costs (their records), planned costs (the burn's table).
 */
export function HeadlineFigures({
  workspace,
  period,
  marketId,
  seesBudget,
}: {
  workspace: string;
  period: Period;
  marketId: string | undefined;
  seesBudget: boolean;
}) {
  const rollup = useQuery({
    ...kpiRollupsQuery(workspace, period, marketId),
    select: selectRollup('workspace'),
  });
  const burn = useQuery({ ...burnQuery(workspace, period, marketId), enabled: seesBudget });

  if (rollup.isPending) return <LoadingBlock label={t.loading} height={96} />;
  if (rollup.isError) {
    return (
      <ErrorState
        title={t.kpiLoadError}
        error={rollup.error}
        onRetry={() => void rollup.refetch()}
        retrying={rollup.isFetching}
      />
    );
  }
  // Without activities in the period there is no group at all: the Hub's derived KPIs are then 0.
  const group = rollup.data.groups[0];
  const hub = (kpiKey: string, kind: HubFigure['kind']): HubFigure => {
    const kpi = group?.kpis.find((k) => k.instrumentId === null && k.kpiKey === kpiKey);
    // A target set on a plan (or an activity) in scope is the headline's too.
    return {
      kpiKey,
      instrumentId: null,
      kind,
      actual: group ? (kpi?.actual ?? null) : 0,
      target: kpi?.target ?? null,
    };
  };
  const drill = (kpi: HubFigure, label: string, testId: string) => (
    <DrillLink
      workspace={workspace}
      kpi={kpi}
      period={period}
      marketId={marketId}
      label={label}
      testId={testId}
    />
  );

  return (
    <SimpleGrid
      cols={{ base: 1, xs: 2, md: seesBudget ? 4 : 3 }}
      spacing="md"
      component="section"
      aria-label={t.headline}
      data-testid="dashboard-headline"
    >
      <Figure label={t.activities}>
        <AnchorLink
          to="/w/$workspace/calendar"
          params={{ workspace }}
          search={{ month: period.from.slice(0, 7), ...(marketId ? { marketId } : {}) }}
          title={t.activitiesHint}
          underline="hover"
          data-testid="headline-activities"
        >
          <BigNumber>{formatKpiValue('count', rollup.data.activities)}</BigNumber>
        </AnchorLink>
      </Figure>
      <Figure label={t.held}>
        {drill(hub(HELD, 'count'), t.held, 'headline-held')}
        <TargetLine kpi={hub(HELD, 'count')} testId="headline-held-target" />
      </Figure>
      <Figure label={t.present}>
        {drill(hub(PRESENT, 'count'), t.present, 'headline-present')}
        <TargetLine kpi={hub(PRESENT, 'count')} testId="headline-present-target" />
      </Figure>
      {seesBudget && (
        <Figure
          label={t.actualCosts}
          meaning={figures.dashboard.byActivityStart}
          meaningHint={f.byActivityStartHint}
        >
          {drill(hub(ACTUAL_COSTS, 'money'), t.actualCosts, 'headline-actual-costs')}
          <TargetLine kpi={hub(ACTUAL_COSTS, 'money')} testId="headline-actual-costs-target" />
          {burn.data && (
            <Anchor href={`#${BURN_SECTION_ID}`} fz="sm" title={t.plannedHint} data-testid="headline-planned">
              {t.plannedOf(formatEur(burn.data.totals.plannedEur))}
            </Anchor>
          )}
        </Figure>
      )}
    </SimpleGrid>
  );
}

/** A Hub-wide KPI's value for the whole period, as a link to its records page. */
function DrillLink({
  workspace,
  kpi,
  period,
  marketId,
  label,
  testId,
}: {
  workspace: string;
  kpi: HubFigure;
  period: Period;
  marketId: string | undefined;
  label: string;
  testId: string;
}) {
  if (kpi.actual === null) return <BigNumber>{t.noValue}</BigNumber>;
  return (
    <AnchorLink
      to="/w/$workspace/kpis/records"
      params={{ workspace }}
      search={recordsSearchOf({ kpi, groupBy: 'workspace', groupKey: 'workspace', period, marketId })}
      title={t.drillHint(label)}
      underline="hover"
      data-testid={testId}
    >
      <BigNumber>{formatKpiValue(kpi.kind, kpi.actual)}</BigNumber>
    </AnchorLink>
  );
}

/** "target 25" under a figure whose plans or activities have a target (nothing otherwise). */
function TargetLine({ kpi, testId }: { kpi: HubFigure; testId: string }) {
  if (kpi.target === null) return null;
  return (
    <Text fz="sm" c="dimmed" title={f.targetHint} data-testid={testId}>
      {f.target(formatKpiValue(kpi.kind, kpi.target))}
    </Text>
  );
}

/** A headline figure: its name, what it counts when that needs saying, and the number. */
function Figure({
  label,
  meaning,
  meaningHint,
  children,
}: {
  label: string;
  meaning?: string;
  meaningHint?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap={2}>
        <Text fz="xs" c="dimmed" tt="uppercase" fw={700} style={{ letterSpacing: 0.4 }}>
          {label}
          {meaning && (
            <Text
              component="span"
              fz="xs"
              c="dimmed"
              tt="none"
              fw={500}
              title={meaningHint}
              data-testid="figure-meaning"
            >
              {' · '}
              {meaning}
            </Text>
          )}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}

function BigNumber({ children }: { children: string }) {
  return (
    <Text component="span" fz={28} fw={650} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {children}
    </Text>
  );
}
