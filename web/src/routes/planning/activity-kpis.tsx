import { SimpleGrid, Skeleton, Stack, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ActivityDetailDto, ActivityKpiDto, KpiEntryDto } from '../../api/types.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { messages } from '../../messages/en.ts';
import { ActivityKpiCard, type KpiCardActions } from './activity-kpi-card.tsx';
import { KpiEntryDeleteModal } from './kpi-entries.tsx';
import { KpiEntryDrawer, type KpiEntryDrawerState } from './kpi-entry-drawer.tsx';
import { KpiTargetClearModal } from './kpi-target-clear-modal.tsx';
import { KpiTargetDrawer, type KpiTargetDrawerState } from './kpi-target-drawer.tsx';
import type { EditableTarget } from './kpi-target-form.ts';
import { Section } from './parts.tsx';
import { activityKpisQuery } from './queries.ts';

const t = messages.kpis;

/**
 * The activity's KPIs: the Hub's and its instrument's, each derived from records or entered by
 * hand, with actual against target. Editors set targets and enter values.
 */
export function ActivityKpis({
  workspace,
  activity,
  editable,
}: {
  workspace: string;
  activity: ActivityDetailDto;
  editable: boolean;
}) {
  const kpis = useQuery(activityKpisQuery(workspace, activity.id));
  const [targetDrawer, setTargetDrawer] = useState<KpiTargetDrawerState>({ mode: 'closed' });
  const [entryDrawer, setEntryDrawer] = useState<KpiEntryDrawerState>({ mode: 'closed' });
  const [clearing, setClearing] = useState<{ label: string; target: EditableTarget } | null>(null);
  const [deleting, setDeleting] = useState<{ label: string; entry: KpiEntryDto } | null>(null);

  const actions: KpiCardActions = {
    setTarget: (kpi) =>
      setTargetDrawer({ mode: 'open', kpi, scope: { activityId: activity.id }, target: kpi.target }),
    clearTarget: (kpi: ActivityKpiDto) => kpi.target && setClearing({ label: kpi.label, target: kpi.target }),
    addEntry: (kpi) => setEntryDrawer({ mode: 'create', kpi }),
    editEntry: (kpi, entry) => setEntryDrawer({ mode: 'edit', kpi, entry }),
    deleteEntry: (kpi, entry) => setDeleting({ label: kpi.label, entry }),
  };

  return (
    <Section title={t.title} testId="activity-kpis">
      {kpis.isPending ? (
        <Stack gap="sm" aria-busy="true">
          <VisuallyHidden role="status">{t.loading}</VisuallyHidden>
          <Skeleton h={90} />
          <Skeleton h={90} />
        </Stack>
      ) : kpis.isError ? (
        <ErrorState
          title={t.loadError}
          error={kpis.error}
          onRetry={() => void kpis.refetch()}
          retrying={kpis.isFetching}
        />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {kpis.data.items.map((kpi) => (
            <ActivityKpiCard
              key={kpi.kpiKey}
              kpi={kpi}
              editable={editable}
              actions={actions}
              records={{ workspace, activityId: activity.id }}
            />
          ))}
        </SimpleGrid>
      )}
      <KpiTargetDrawer
        workspace={workspace}
        state={targetDrawer}
        onClose={() => setTargetDrawer({ mode: 'closed' })}
      />
      <KpiEntryDrawer
        workspace={workspace}
        activityId={activity.id}
        state={entryDrawer}
        onClose={() => setEntryDrawer({ mode: 'closed' })}
      />
      <KpiTargetClearModal workspace={workspace} clearing={clearing} onClose={() => setClearing(null)} />
      <KpiEntryDeleteModal workspace={workspace} deleting={deleting} onClose={() => setDeleting(null)} />
    </Section>
  );
}
