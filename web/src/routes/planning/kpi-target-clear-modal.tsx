import { Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deleteKpiTarget } from '../../api/client.ts';
import { messages } from '../../messages/en.ts';
import { ConfirmModal } from '../registry/parts.tsx';
import { workspaceKeys } from '../workspace/queries.ts';
import type { EditableTarget } from './kpi-target-form.ts';
import { planningKeys } from './queries.ts';

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
  const queryClient = useQueryClient();
  const clear = useMutation({
    mutationFn: (target: EditableTarget) => deleteKpiTarget(workspace, target.id, target.version),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: planningKeys.all(workspace) }),
        queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
      ]);
      onClose();
    },
  });
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
