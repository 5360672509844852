import { Text } from '@mantine/core';
import { useMemo } from 'react';
import type { PlanDetailDto } from '../../api/types.ts';
import { LazyChart as Chart } from '../../components/lazy-chart.tsx';
import { usePhone } from '../../components/use-phone.ts';
import { messages } from '../../messages/en.ts';
import { Section } from './parts.tsx';
import { timelineChart } from './timeline.ts';

const t = messages.plan;

/** The plan's Gantt chart of its activities by phase, with its table view; titles above the bars on a phone. */
export function PlanTimeline({ plan }: { plan: PlanDetailDto }) {
  const compact = usePhone();
  const chart = useMemo(
    () =>
      timelineChart(
        plan.activities,
        plan,
        {
          phase: messages.phaseShort,
          status: (status) =>
            messages.planning.activityStatus[status as keyof typeof messages.planning.activityStatus] ??
            status,
          columns: t.timelineColumns,
        },
        { compact },
      ),
    [plan, compact],
  );
  return (
    <Section title={t.timeline}>
      {plan.activities.length === 0 ? (
        <Text fz="sm" c="dimmed" data-testid="plan-timeline-empty">
          {t.noTimeline}
        </Text>
      ) : (
        <Chart
          title={t.timelineTitle(plan.name)}
          option={chart.option}
          table={chart.table}
          height={chart.height}
          fileName="plan-timeline"
          testId="plan-timeline"
        />
      )}
    </Section>
  );
}
