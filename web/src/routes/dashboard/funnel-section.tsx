import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ErrorState } from '../../app/error-state.tsx';
import { activeLocale } from '../../app/language.ts';
import { LazyChart } from '../../components/lazy-chart.tsx';
import { messages } from '../../messages/en.ts';
import { type FunnelDto, funnelQuery } from '../network-health/queries.ts';
import { DashboardSection, EmptyState, LoadingBlock } from './dashboard-parts.tsx';
import { funnelChart } from './funnel-chart.ts';
import type { Period } from './period.ts';

const t = messages.networkHealth;
const percent = new Intl.NumberFormat(activeLocale(), { style: 'percent', maximumFractionDigits: 0 });

/**
 * e. The partnership pipeline: relationships that reached each stage in the dashboard's period
 * (and market), with the conversion from the stage before; by quarter in the table.
 */
export function FunnelSection({
  workspace,
  period,
  marketId,
}: {
  workspace: string;
  period: Period;
  marketId: string | undefined;
}) {
  const funnel = useQuery(funnelQuery(workspace, period, marketId));
  return (
    <DashboardSection id="pipeline-funnel" title={t.funnel.title} testId="dashboard-funnel">
      <Text fz="sm" c="dimmed">
        {t.funnel.meaning}
      </Text>
      {funnel.isPending ? (
        <LoadingBlock label={t.funnel.loading} height={340} />
      ) : funnel.isError ? (
        <ErrorState
          title={t.funnel.loadError}
          error={funnel.error}
          onRetry={() => void funnel.refetch()}
          retrying={funnel.isFetching}
        />
      ) : funnel.data.stages.every((stage) => stage.reached === 0) ? (
        <EmptyState testId="dashboard-funnel-empty">{t.funnel.empty}</EmptyState>
      ) : (
        <FunnelChart funnel={funnel.data} />
      )}
    </DashboardSection>
  );
}

function FunnelChart({ funnel }: { funnel: FunnelDto }) {
  const { option, table } = useMemo(
    () =>
      funnelChart(funnel, {
        stage: (stage) => t.stages[stage as keyof typeof t.stages] ?? stage,
        label: t.funnel.label,
        percent: (share) => percent.format(share),
        columns: { stage: t.funnel.stageColumn, reached: t.funnel.reached, conversion: t.funnel.conversion },
      }),
    [funnel],
  );
  return (
    <LazyChart
      title={t.funnel.chart}
      option={option}
      table={table}
      height={340}
      fileName={`pipeline-funnel-${funnel.from}-${funnel.to}`}
      testId="dashboard-funnel-chart"
    />
  );
}
