import { MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { api, isApiError, unwrap } from '../../api/client.ts';
import type { PlanDetailDto } from '../../api/types.ts';
import { PLAN_STATUSES } from '../../api/vocabulary.ts';
import { ConflictAlert, FailureAlert } from '../../components/alerts.tsx';
import { BELOW } from '../../components/form-layout.ts';
import { instrumentLabel } from '../../components/instrument-label.ts';
import { NumberField } from '../../components/number-field.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { instrumentListQuery } from '../../queries/instruments.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { FormButtons, FormDrawer } from './parts.tsx';
import {
  emptyPlanForm,
  instrumentGroups,
  PLAN_FIELDS,
  planBodyOf,
  planPatchOf,
  planValuesOf,
  validatePlan,
  withInstruments,
} from './plan-form.ts';
import { planningKeys } from './queries.ts';

const t = messages.planForm;
const p = messages.planning;
const portal = { comboboxProps: { withinPortal: true } };

export type PlanDrawerState =
  | { mode: 'closed' }
  | { mode: 'create'; market: { id: string; name: string } }
  | { mode: 'edit'; plan: PlanDetailDto };

/** Creates a plan for a market or edits one: period, cap, status and the instruments with why. */
export function PlanFormDrawer({
  workspace,
  state,
  onClose,
  onCreated,
}: {
  workspace: string;
  state: PlanDrawerState;
  onClose: () => void;
  onCreated?: (plan: PlanDetailDto) => void;
}) {
  const title =
    state.mode === 'edit'
      ? t.editTitle(state.plan.name)
      : state.mode === 'create'
        ? t.addTitle(state.market.name)
        : '';
  return (
    <FormDrawer opened={state.mode !== 'closed'} onClose={onClose} title={title} size="lg">
      {state.mode !== 'closed' && (
        <PlanForm
          key={state.mode === 'edit' ? state.plan.id : state.market.id}
          workspace={workspace}
          marketId={state.mode === 'edit' ? state.plan.marketId : state.market.id}
          initial={state.mode === 'edit' ? state.plan : null}
          onDone={onClose}
          {...(onCreated ? { onCreated } : {})}
        />
      )}
    </FormDrawer>
  );
}

function PlanForm({
  workspace,
  marketId,
  initial,
  onDone,
  onCreated,
}: {
  workspace: string;
  marketId: string;
  initial: PlanDetailDto | null;
  onDone: () => void;
  onCreated?: (plan: PlanDetailDto) => void;
}) {
  const queryClient = useQueryClient();
  const catalogue = useQuery(instrumentListQuery(workspace));
  const [base, setBase] = useState<PlanDetailDto | null>(initial);
  const form = useFormState(initial ? planValuesOf(initial) : emptyPlanForm(), PLAN_FIELDS, 'plan');
  const { values, set, field } = form;
  const instruments = catalogue.data?.items ?? [];
  const byKey = useMemo(() => new Map(instruments.map((i) => [i.key, i])), [instruments]);
  const groups = useMemo(
    () => instrumentGroups(instruments, (phase) => messages.phaseShort[phase]),
    [instruments],
  );

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: planningKeys.all(workspace) }),
      queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
    ]);

  const save = useMutation({
    mutationFn: () =>
      base
        ? unwrap(
            api.PATCH('/api/v1/workspaces/{workspace}/plans/{id}', {
              params: { path: { workspace, id: base.id } },
              body: planPatchOf(base, values),
            }),
          )
        : unwrap(
            api.POST('/api/v1/workspaces/{workspace}/plans', {
              params: { path: { workspace } },
              body: planBodyOf(values, marketId),
            }),
          ),
    onSuccess: async (saved) => {
      await refresh();
      if (!base && onCreated) onCreated(saved);
      else onDone();
    },
    onError: form.showServer,
  });

  const reload = useMutation({
    mutationFn: () =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/plans/{id}', {
          params: { path: { workspace, id: base?.id ?? '' } },
        }),
      ),
    onSuccess: (fresh) => {
      setBase(fresh);
      form.setValues(planValuesOf(fresh));
      form.setErrors({});
      save.reset();
      void refresh();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.check(validatePlan(values))) save.mutate();
  };

  const conflict = isApiError(save.error) && save.error.status === 409;
  const unplaced = save.isError && !conflict && !form.placed(save.error) ? save.error : null;
  const setRationale = (key: string, rationale: string) =>
    set(
      'instruments',
      values.instruments.map((choice) => (choice.instrumentKey === key ? { ...choice, rationale } : choice)),
    );

  return (
    <form onSubmit={submit} noValidate data-testid="plan-form">
      <Stack gap="md">
        {conflict && (
          <ConflictAlert
            testId="plan-conflict"
            body={p.conflictBody}
            onReload={() => reload.mutate()}
            reloading={reload.isPending}
            reloadError={reload.error}
          />
        )}
        {unplaced ? <FailureAlert testId="plan-save-error" title={t.saveFailed} error={unplaced} /> : null}
        <TextInput
          {...field('name')}
          label={t.name}
          placeholder={t.namePlaceholder}
          required
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          autoComplete="off"
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput
            {...field('startsOn')}
            inputWrapperOrder={BELOW}
            type="date"
            label={t.startsOn}
            required
            value={values.startsOn}
            onChange={(event) => set('startsOn', event.currentTarget.value)}
          />
          <TextInput
            {...field('endsOn')}
            inputWrapperOrder={BELOW}
            type="date"
            label={t.endsOn}
            required
            min={values.startsOn || undefined}
            value={values.endsOn}
            onChange={(event) => set('endsOn', event.currentTarget.value)}
          />
          <NumberField
            {...field('budgetCapEur')}
            inputWrapperOrder={BELOW}
            label={t.cap}
            description={t.capHint}
            thousandSeparator=","
            value={values.budgetCapEur}
            onChange={(value) => set('budgetCapEur', value)}
          />
          <Select
            {...field('status')}
            {...portal}
            inputWrapperOrder={BELOW}
            label={t.status}
            required
            data={PLAN_STATUSES.map((value) => ({ value, label: p.planStatus[value] }))}
            value={values.status}
            onChange={(value) => value && set('status', value as typeof values.status)}
            allowDeselect={false}
          />
        </SimpleGrid>
        <MultiSelect
          {...field('instruments')}
          {...portal}
          label={t.instruments}
          description={t.instrumentsHint}
          inputWrapperOrder={BELOW}
          placeholder={values.instruments.length ? undefined : t.pickInstruments}
          data={groups}
          value={values.instruments.map((choice) => choice.instrumentKey)}
          onChange={(keys) => set('instruments', withInstruments(values.instruments, keys))}
          searchable
          clearable
          nothingFoundMessage="—"
        />
        {values.instruments.map((choice) => {
          const instrument = byKey.get(choice.instrumentKey);
          const name = instrument ? instrumentLabel(instrument) : choice.instrumentKey;
          return (
            <Textarea
              key={choice.instrumentKey}
              id={`plan-rationale-${choice.instrumentKey}`}
              label={t.rationale(name)}
              description={t.rationaleHint}
              inputWrapperOrder={BELOW}
              autosize
              minRows={1}
              maxRows={5}
              value={choice.rationale}
              error={choice.rationale.length > 2000 ? p.tooLong(2000) : undefined}
              onChange={(event) => setRationale(choice.instrumentKey, event.currentTarget.value)}
            />
          );
        })}
        <Textarea
          {...field('notes')}
          label={t.notes}
          autosize
          minRows={2}
          maxRows={8}
          value={values.notes}
          onChange={(event) => set('notes', event.currentTarget.value)}
        />
        <FormButtons
          onCancel={onDone}
          submitLabel={base ? t.save : t.create}
          pending={save.isPending}
          disabled={conflict}
        />
      </Stack>
    </form>
  );
}
