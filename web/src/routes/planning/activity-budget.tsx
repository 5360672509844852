import { Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { ActivityBudgetDto, ActivityDetailDto } from '../../api/types.ts';
import { FUNDING_SOURCE_LABELS } from '../../api/vocabulary.ts';
import { formatEur } from '../../app/format.ts';
import { LazyChart as Chart } from '../../components/lazy-chart.tsx';
import { messages } from '../../messages/en.ts';
import { fundingSourceChart } from './budget-chart.ts';
import { CostLines } from './cost-lines.tsx';
import { EstimatePanel } from './estimate-panel.tsx';
import { Section } from './parts.tsx';

const t = messages.budget;

/**
 * The activity's budget: totals, planned vs actual by funding source, the estimate (for those who
 * may change the budget) and every cost line.
 */
export function ActivityBudget({
  workspace,
  activity,
  budget,
  editable,
}: {
  workspace: string;
  activity: ActivityDetailDto;
  budget: ActivityBudgetDto;
  editable: boolean;
}) {
  const chart = useMemo(
    () =>
      fundingSourceChart(budget.byFundingSource, {
        fundingSource: (source) => FUNDING_SOURCE_LABELS[source],
        planned: t.planned,
        actual: t.actual,
        columns: { fundingSource: t.fundingSource, planned: t.plannedEur, actual: t.actualEur },
        money: formatEur,
      }),
    [budget.byFundingSource],
  );
  return (
    <Stack gap="lg" component="section" aria-labelledby="activity-budget-title">
      <Title order={2} id="activity-budget-title">
        {t.title}
      </Title>
      <Section title={t.totals} testId="activity-budget-totals">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
          <Figure label={t.planned} value={formatEur(budget.plannedEur)} testId="budget-planned" />
          <Figure label={t.actual} value={formatEur(budget.actualEur)} testId="budget-actual" />
          <Figure label={t.effortDays} value={t.days(budget.effortDays)} testId="budget-effort" />
        </SimpleGrid>
        {chart.table.rows.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t.noLines}
          </Text>
        ) : (
          <Chart
            title={t.byFundingSource}
            option={chart.option}
            table={chart.table}
            height={280}
            fileName="budget-by-funding-source"
            testId="budget-by-funding-source"
          />
        )}
      </Section>
      {editable && <EstimatePanel workspace={workspace} activity={activity} budget={budget} />}
      <CostLines workspace={workspace} activity={activity} budget={budget} editable={editable} />
    </Stack>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Stack gap={0}>
        <Text fz="xs" c="dimmed" tt="uppercase" fw={700} style={{ letterSpacing: 0.4 }}>
          {label}
        </Text>
        <Text fz="xl" fw={650} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
          {value}
        </Text>
      </Stack>
    </Group>
  );
}
