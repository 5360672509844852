import { SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { api, isApiError, unwrap } from '../../api/client.ts';
import type { KpiEntryDto } from '../../api/types.ts';
import { FailureAlert } from '../../components/alerts.tsx';
import { BELOW } from '../../components/form-layout.ts';
import { NumberField } from '../../components/number-field.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import {
  emptyKpiEntryForm,
  KPI_ENTRY_FIELDS,
  kpiEntryBodyOf,
  kpiEntryPatchOf,
  kpiEntryValuesOf,
  validateKpiEntry,
} from './kpi-entry-form.ts';
import type { TargetKpi } from './kpi-target-drawer.tsx';
import { FormButtons, FormDrawer } from './parts.tsx';
import { planningKeys } from './queries.ts';
import { todayIso } from './search-params.ts';

const t = messages.kpis;

export type KpiEntryDrawerState =
  | { mode: 'closed' }
  | { mode: 'create'; kpi: TargetKpi }
  | { mode: 'edit'; kpi: TargetKpi; entry: KpiEntryDto };

/** Enters a value of a KPI no rule computes (its day and a comment), or corrects one. */
export function KpiEntryDrawer({
  workspace,
  activityId,
  state,
  onClose,
}: {
  workspace: string;
  activityId: string;
  state: KpiEntryDrawerState;
  onClose: () => void;
}) {
  const title =
    state.mode === 'create'
      ? t.addEntryFor(state.kpi.label)
      : state.mode === 'edit'
        ? t.editEntryTitle(state.kpi.label)
        : '';
  return (
    <FormDrawer opened={state.mode !== 'closed'} onClose={onClose} title={title}>
      {state.mode !== 'closed' && (
        <KpiEntryForm
          workspace={workspace}
          activityId={activityId}
          kpi={state.kpi}
          entry={state.mode === 'edit' ? state.entry : null}
          onDone={onClose}
        />
      )}
    </FormDrawer>
  );
}

function KpiEntryForm({
  workspace,
  activityId,
  kpi,
  entry,
  onDone,
}: {
  workspace: string;
  activityId: string;
  kpi: TargetKpi;
  entry: KpiEntryDto | null;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const today = todayIso();
  const form = useFormState(
    entry ? kpiEntryValuesOf(entry) : emptyKpiEntryForm(today),
    KPI_ENTRY_FIELDS,
    'kpi-entry',
  );
  const { values, set, field } = form;
  const save = useMutation({
    mutationFn: () =>
      entry
        ? unwrap(
            api.PATCH('/api/v1/workspaces/{workspace}/kpi-entries/{id}', {
              params: { path: { workspace, id: entry.id } },
              body: kpiEntryPatchOf(entry, values),
            }),
          )
        : unwrap(
            api.POST('/api/v1/workspaces/{workspace}/kpi-entries', {
              params: { path: { workspace } },
              body: kpiEntryBodyOf(activityId, kpi.kpiKey, kpi.kind, values),
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
    if (form.check(validateKpiEntry(kpi.kind, values, today))) save.mutate();
  };
  const conflict = isApiError(save.error) && save.error.status === 409;
  const unplaced = save.isError && !form.placed(save.error) ? save.error : null;
  const valueLabel = kpi.unit ? `${t.value} (${kpi.unit})` : t.value;

  return (
    <form onSubmit={submit} noValidate data-testid="kpi-entry-form">
      <Stack gap="md">
        {unplaced ? (
          <FailureAlert
            testId="kpi-entry-save-error"
            title={conflict ? messages.registry.conflictTitle : t.saveEntryFailed}
            error={unplaced}
          />
        ) : null}
        <Text fz="sm" c="dimmed">
          {messages.kpiKind[kpi.kind]}
        </Text>
        {kpi.kind === 'text' ? (
          <Textarea
            {...field('value')}
            inputWrapperOrder={BELOW}
            label={valueLabel}
            required
            autosize
            minRows={3}
            value={String(values.value)}
            onChange={(event) => set('value', event.currentTarget.value)}
            data-autofocus
          />
        ) : (
          <NumberField
            {...field('value')}
            inputWrapperOrder={BELOW}
            label={valueLabel}
            required
            thousandSeparator=","
            value={values.value}
            onChange={(value) => set('value', value)}
            data-autofocus
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput
            {...field('recordedOn')}
            inputWrapperOrder={BELOW}
            type="date"
            label={t.recordedOn}
            required
            value={values.recordedOn}
            onChange={(event) => set('recordedOn', event.currentTarget.value)}
          />
        </SimpleGrid>
        <Textarea
          {...field('comment')}
          inputWrapperOrder={BELOW}
          label={t.comment}
          description={t.commentHint}
          autosize
          minRows={2}
          value={values.comment}
          onChange={(event) => set('comment', event.currentTarget.value)}
        />
        <FormButtons
          onCancel={onDone}
          submitLabel={entry ? t.saveEntry : t.createEntry}
          pending={save.isPending}
        />
      </Stack>
    </form>
  );
}
