import { Badge, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { ActivityKpiDto, KpiEntryDto } from '../../api/types.ts';
import { AnchorLink } from '../../app/links.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { messages } from '../../messages/en.ts';
import { KpiEntries } from './kpi-entries.tsx';
import { formatKpiValue, formatProgress, progressOf } from './kpi-values.ts';

const t = messages.kpis;

/** What the card asks its panel to open. */
export interface KpiCardActions {
  setTarget: (kpi: ActivityKpiDto) => void;
  clearTarget: (kpi: ActivityKpiDto) => void;
  addEntry: (kpi: ActivityKpiDto) => void;
  editEntry: (kpi: ActivityKpiDto, entry: KpiEntryDto) => void;
  deleteEntry: (kpi: ActivityKpiDto, entry: KpiEntryDto) => void;
}

/**
 * One KPI of an activity: where its value comes from (the rule's description, or the values
 * entered by hand), its actual against its target, and for editors the target and entry actions.
 */
export function ActivityKpiCard({
  kpi,
  editable,
  actions,
  records,
}: {
  kpi: ActivityKpiDto;
  editable: boolean;
  actions: KpiCardActions;
  /** Where the records behind a derived value are listed (the dashboard's drill-down). */
  records?: { workspace: string; activityId: string };
}) {
  const titleId = useId();
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-labelledby={titleId}
      data-testid="activity-kpi"
      data-kpi={kpi.kpiKey}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4}>
            <Title order={3} fz="md" id={titleId}>
              {kpi.label}
            </Title>
            <Group gap={6}>
              <Badge
                variant="light"
                color={kpi.source === 'derived' ? 'indigo' : 'gray'}
                c={kpi.source === 'derived' ? 'indigo.9' : 'var(--mantine-color-text)'}
                tt="none"
              >
                {t.source[kpi.source]}
              </Badge>
              {kpi.instrumentId === null && (
                <Text fz="xs" c="dimmed" title={t.hubKpiHint}>
                  {t.hubKpi}
                </Text>
              )}
            </Group>
          </Stack>
          {editable && kpi.kind !== 'text' && <TargetActions kpi={kpi} actions={actions} />}
        </Group>
        {kpi.source === 'derived' && kpi.ruleDescription && (
          <Text fz="sm" c="dimmed">
            {kpi.ruleDescription}
          </Text>
        )}
        {kpi.kind === 'text' ? (
          <Text fz="sm" c="dimmed">
            {t.textNoTarget}
          </Text>
        ) : (
          <ActualAgainstTarget kpi={kpi} />
        )}
        {records && kpi.source === 'derived' && kpi.actual !== null && (
          <AnchorLink
            to="/w/$workspace/kpis/records"
            params={{ workspace: records.workspace }}
            search={{
              kpiKey: kpi.kpiKey,
              ...(kpi.instrumentId ? { instrumentId: kpi.instrumentId } : {}),
              groupBy: 'activity',
              groupKey: records.activityId,
            }}
            fz="sm"
            data-testid="kpi-records-link"
          >
            {messages.dashboard.drillHint(kpi.label)}
          </AnchorLink>
        )}
        {kpi.source === 'entered' && (
          <>
            <KpiEntries
              kpi={kpi}
              editable={editable}
              onEdit={(entry) => actions.editEntry(kpi, entry)}
              onDelete={(entry) => actions.deleteEntry(kpi, entry)}
            />
            {editable && (
              <Button
                variant="light"
                size="xs"
                w="fit-content"
                leftSection={<PlusIcon />}
                onClick={() => actions.addEntry(kpi)}
                aria-label={t.addEntryFor(kpi.label)}
              >
                {t.addEntry}
              </Button>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function TargetActions({ kpi, actions }: { kpi: ActivityKpiDto; actions: KpiCardActions }) {
  if (!kpi.target) {
    return (
      <Button
        variant="default"
        size="xs"
        onClick={() => actions.setTarget(kpi)}
        aria-label={t.setTargetFor(kpi.label)}
      >
        {t.setTarget}
      </Button>
    );
  }
  return (
    <Group gap={6}>
      <Button
        variant="default"
        size="xs"
        onClick={() => actions.setTarget(kpi)}
        aria-label={t.editTargetFor(kpi.label)}
      >
        {t.editTarget}
      </Button>
      <Button
        variant="outline"
        color="red.9"
        size="xs"
        onClick={() => actions.clearTarget(kpi)}
        aria-label={t.clearTargetFor(kpi.label)}
      >
        {t.clearTarget}
      </Button>
    </Group>
  );
}

/** "Actual 12 · Target 40" with a bar of the progress (full at the target, the text says beyond). */
function ActualAgainstTarget({ kpi }: { kpi: ActivityKpiDto }) {
  const target = kpi.target?.value ?? null;
  const progress = progressOf(kpi.actual, target);
  return (
    <Stack gap={6}>
      <Text fz="sm" data-testid="kpi-figures">
        {t.actual}:{' '}
        <Text span fw={650} data-testid="kpi-actual">
          {kpi.actual === null ? t.noValue : formatKpiValue(kpi.kind, kpi.actual)}
        </Text>
        {' · '}
        {t.target}:{' '}
        <Text span fw={650} data-testid="kpi-target">
          {target === null ? t.noTarget : formatKpiValue(kpi.kind, target)}
        </Text>
        {progress !== null && ` · ${t.progressText(formatProgress(progress))}`}
      </Text>
      {progress !== null && (
        <Progress
          value={Math.round(Math.min(progress, 1) * 100)}
          aria-label={t.progressLabel(kpi.label)}
          color={progress >= 1 ? 'teal.8' : 'blue.8'}
          size="sm"
          radius="xl"
        />
      )}
    </Stack>
  );
}
