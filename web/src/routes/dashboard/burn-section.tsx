import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { BudgetBurnDto } from '../../api/types.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { formatEur } from '../../app/format.ts';
import { activeLocale } from '../../app/language.ts';
import { LazyChart } from '../../components/lazy-chart.tsx';
import { messages } from '../../messages/en.ts';
import { figures } from '../../messages/en-figures.ts';
import { burnChart } from './burn-chart.ts';
import { DashboardSection, EmptyState, LoadingBlock } from './dashboard-parts.tsx';
import type { Period } from './period.ts';
import { burnQuery } from './queries.ts';

const t = messages.dashboard;

/** The section's anchor: the headline's planned costs link here. */
export const BURN_SECTION_ID = 'budget-burn';

const monthName = new Intl.DateTimeFormat(activeLocale(), {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthLabel = (month: string) => monthName.format(new Date(`${month}-01T00:00:00Z`));

/**
 * c. The money spent on the period's activities (by activity start, as the headline and the funder
 * report), month by month as it was paid, per funding source (cumulative), planned totals as
 * reference (decision 0016).
 */
export function BurnSection({
  workspace,
  period,
  marketId,
}: {
  workspace: string;
  period: Period;
  marketId: string | undefined;
}) {
  const burn = useQuery(burnQuery(workspace, period, marketId));
  return (
    <DashboardSection id={BURN_SECTION_ID} title={t.burn} testId="dashboard-burn">
      <Text fz="sm" c="dimmed" data-testid="dashboard-burn-meaning">
        <Text component="span" fz="sm" fw={600} c="var(--mantine-color-text)">
          {figures.dashboard.byPaymentDate}
        </Text>
        {': '}
        {figures.dashboard.burnMeaning}
      </Text>
      {burn.isPending ? (
        <LoadingBlock label={t.loading} height={360} />
      ) : burn.isError ? (
        <ErrorState
          title={t.burnLoadError}
          error={burn.error}
          onRetry={() => void burn.refetch()}
          retrying={burn.isFetching}
        />
      ) : burn.data.series.length === 0 ? (
        <EmptyState testId="dashboard-burn-empty">{t.noBurn}</EmptyState>
      ) : (
        <BurnChart burn={burn.data} />
      )}
    </DashboardSection>
  );
}

function BurnChart({ burn }: { burn: BudgetBurnDto }) {
  const { option, table } = useMemo(
    () =>
      burnChart(burn, {
        month: monthLabel,
        planned: t.burnPlanned,
        columns: { month: t.burnMonth },
        plannedRow: t.burnPlannedRow,
        money: formatEur,
      }),
    [burn],
  );
  return (
    <>
      <Text fz="sm" data-testid="dashboard-burn-totals">
        {figures.dashboard.burnTotals(formatEur(burn.totals.actualEur), formatEur(burn.totals.plannedEur))}
      </Text>
      <LazyChart
        title={figures.dashboard.burnChart}
        option={option}
        table={table}
        height={360}
        fileName={`budget-burn-${burn.period.from}-${burn.period.to}`}
        testId="dashboard-burn-chart"
      />
    </>
  );
}
