import { Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { api, isApiError, unwrap } from '../../api/client.ts';
import type { KpiKind } from '../../api/types.ts';
import { FailureAlert } from '../../components/alerts.tsx';
import { BELOW } from '../../components/form-layout.ts';
import { NumberField } from '../../components/number-field.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import {
  type EditableTarget,
  KPI_TARGET_FIELDS,
  type KpiTargetScope,
  kpiTargetBodyOf,
  kpiTargetPatchOf,
  kpiTargetValuesOf,
  validateKpiTarget,
} from './kpi-target-form.ts';
import { FormButtons, FormDrawer } from './parts.tsx';
import { planningKeys } from './queries.ts';

const t = messages.kpis;

/** The KPI a target is for, as the drawer needs it. */
export interface TargetKpi {
  kpiKey: string;
  label: string;
  kind: KpiKind;
  unit: string | null;
}

export type KpiTargetDrawerState =
  | { mode: 'closed' }
  | { mode: 'open'; kpi: TargetKpi; scope: KpiTargetScope; target: EditableTarget | null };

/** Sets a KPI's target (of an activity or of a plan) or changes the one set. */
export function KpiTargetDrawer({
  workspace,
  state,
  onClose,
}: {
  workspace: string;
  state: KpiTargetDrawerState;
  onClose: () => void;
}) {
  const title =
    state.mode === 'open'
      ? state.target
        ? t.editTargetFor(state.kpi.label)
        : t.setTargetFor(state.kpi.label)
      : '';
  return (
    <FormDrawer opened={state.mode === 'open'} onClose={onClose} title={title}>
      {state.mode === 'open' && (
        <KpiTargetForm
          workspace={workspace}
          kpi={state.kpi}
          scope={state.scope}
          target={state.target}
          onDone={onClose}
        />
      )}
    </FormDrawer>
  );
}

function KpiTargetForm({
  workspace,
  kpi,
  scope,
  target,
  onDone,
}: {
  workspace: string;
  kpi: TargetKpi;
  scope: KpiTargetScope;
  target: EditableTarget | null;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const form = useFormState(kpiTargetValuesOf(target), KPI_TARGET_FIELDS, 'kpi-target');
  const { values, set, field } = form;
  const save = useMutation({
    mutationFn: () =>
      target
        ? unwrap(
            api.PATCH('/api/v1/workspaces/{workspace}/kpi-targets/{id}', {
              params: { path: { workspace, id: target.id } },
              body: kpiTargetPatchOf(target, values),
            }),
          )
        : unwrap(
            api.POST('/api/v1/workspaces/{workspace}/kpi-targets', {
              params: { path: { workspace } },
              body: kpiTargetBodyOf(scope, kpi.kpiKey, values),
            }),
          ),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: planningKeys.all(workspace) }),
        queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
      ]);
      onDone();
    },
    onError: form.showServer,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.check(validateKpiTarget(kpi.kind, values))) save.mutate();
  };
  const conflict = isApiError(save.error) && save.error.status === 409;
  const unplaced = save.isError && !form.placed(save.error) ? save.error : null;

  return (
    <form onSubmit={submit} noValidate data-testid="kpi-target-form">
      <Stack gap="md">
        {unplaced ? (
          <FailureAlert
            testId="kpi-target-save-error"
            title={conflict ? messages.registry.conflictTitle : t.saveTargetFailed}
            error={unplaced}
          />
        ) : null}
        <Text fz="sm" c="dimmed">
          {messages.kpiKind[kpi.kind]}
          {kpi.unit ? ` · ${kpi.unit}` : ''}
        </Text>
        <NumberField
          {...field('value')}
          inputWrapperOrder={BELOW}
          label={kpi.unit ? `${t.targetValue} (${kpi.unit})` : t.targetValue}
          required
          thousandSeparator=","
          value={values.value}
          onChange={(value) => set('value', value)}
          data-autofocus
        />
        <FormButtons onCancel={onDone} submitLabel={t.saveTarget} pending={save.isPending} />
      </Stack>
    </form>
  );
}
