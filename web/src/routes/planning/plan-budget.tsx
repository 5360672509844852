import { Alert, Group, List, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { PlanDetailDto } from '../../api/types.ts';
import { formatEur } from '../../app/format.ts';
import { messages } from '../../messages/en.ts';
import { Section } from './parts.tsx';

const t = messages.plan;

/** Cap vs planned vs actual, with the server's warnings when the plan goes past its cap. */
export function PlanBudget({ budget }: { budget: NonNullable<PlanDetailDto['budget']> }) {
  const { capEur, plannedEur, actualEur, overCap, warnings } = budget;
  const percent = capEur ? Math.round((plannedEur / capEur) * 100) : null;
  return (
    <Section title={t.budget} testId="plan-budget">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
        <Figure
          label={messages.planning.cap}
          value={capEur === null ? messages.planning.noCap : formatEur(capEur)}
        />
        <Figure label={messages.planning.planned} value={formatEur(plannedEur)} testId="plan-planned" />
        <Figure label={messages.planning.actual} value={formatEur(actualEur)} testId="plan-actual" />
      </SimpleGrid>
      {capEur !== null && percent !== null && (
        <Stack gap={4}>
          <Progress
            value={Math.min(100, percent)}
            color={overCap ? 'red.9' : 'indigo'}
            size="lg"
            aria-label={t.budgetUsed(percent)}
          />
          <Text fz="sm" c="dimmed">
            {t.budgetPlanned(formatEur(plannedEur), formatEur(capEur))} ·{' '}
            {t.budgetActual(formatEur(actualEur))}
          </Text>
        </Stack>
      )}
      {capEur === null && (
        <Text fz="sm" c="dimmed">
          {t.budgetPlannedNoCap(formatEur(plannedEur))} · {t.budgetActual(formatEur(actualEur))}
        </Text>
      )}
      {(overCap || warnings.length > 0) && (
        <Alert
          color={overCap ? 'red' : 'orange'}
          variant="light"
          title={overCap ? t.overCapTitle : t.warningsTitle}
          role="alert"
          data-testid="plan-budget-warnings"
          styles={{
            root: { borderLeft: `4px solid var(--mantine-color-${overCap ? 'red' : 'orange'}-9)` },
            title: { color: 'var(--mantine-color-text)' },
          }}
        >
          <List fz="sm" spacing={2}>
            {warnings.map((warning) => (
              <List.Item key={warning}>{warning}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Section>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Group gap={4} align="baseline" wrap="nowrap" data-testid={testId}>
      <Stack gap={0}>
        <Text fz="xs" c="dimmed" tt="uppercase" fw={700} style={{ letterSpacing: 0.4 }}>
          {label}
        </Text>
        <Text fz="xl" fw={650} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {value}
        </Text>
      </Stack>
    </Group>
  );
}
