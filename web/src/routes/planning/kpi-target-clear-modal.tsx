import { Text } from '@mantine/core';
import { api, unwrap } from '../../api/client.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { messages } from '../../messages/en.ts';
import type { EditableTarget } from './kpi-target-form.ts';
import { usePlanningMutation } from './use-planning-mutation.ts';

const t = messages.kpis;

/** Asks before clearing a KPI's target (of an activity or a plan). */
export function KpiTargetClearModal({
  workspace,
  clearing,
  onClose,
}: {
  workspace: string;
  clearing: { label: string; target: EditableTarget } | null;
  onClose: () => void;
}) {
  const clear = usePlanningMutation(
    workspace,
    (target: EditableTarget) =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspace}/kpi-targets/{id}', {
          params: { path: { workspace, id: target.id }, query: { version: target.version } },
        }),
      ),
    onClose,
  );
  return (
    <ConfirmModal
      opened={clearing !== null}
      title={t.clearTargetTitle(clearing?.label ?? '')}
      confirmLabel={t.clearTargetConfirm}
      failedTitle={t.clearTargetFailed}
      errorTestId="kpi-target-clear-error"
      action={clear}
      onConfirm={() => clearing && clear.mutate(clearing.target)}
      onClose={onClose}
    >
      <Text fz="sm">{t.clearTargetBody}</Text>
    </ConfirmModal>
  );
}
