import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { api, isApiError, unwrap } from '../../api/client.ts';
import type { BudgetCategory, CostLineDto, CostLineKind, FundingSource } from '../../api/types.ts';
import {
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS,
  FUNDING_SOURCE_LABELS,
  FUNDING_SOURCES,
} from '../../api/vocabulary.ts';
import { FailureAlert } from '../../components/alerts.tsx';
import { BELOW } from '../../components/form-layout.ts';
import { NumberField } from '../../components/number-field.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import {
  COST_LINE_FIELDS,
  costLineBodyOf,
  costLinePatchOf,
  costLineValuesOf,
  emptyCostLineForm,
  validateCostLine,
} from './cost-line-form.ts';
import { FormButtons, FormDrawer } from './parts.tsx';
import { planningKeys } from './queries.ts';
import { todayIso } from './search-params.ts';

const t = messages.costLines;
const portal = { comboboxProps: { withinPortal: true } };

export type CostLineDrawerState =
  | { mode: 'closed' }
  | { mode: 'create'; kind: CostLineKind }
  | { mode: 'edit'; line: CostLineDto };

/** Records an actual cost, adds a planned line, or edits a line of the activity. */
export function CostLineDrawer({
  workspace,
  activityId,
  defaultFundingSource,
  state,
  onClose,
}: {
  workspace: string;
  activityId: string;
  defaultFundingSource: FundingSource;
  state: CostLineDrawerState;
  onClose: () => void;
}) {
  const title =
    state.mode === 'edit'
      ? t.editTitle(state.line.description)
      : state.mode === 'create'
        ? state.kind === 'actual'
          ? t.addActualTitle
          : t.addPlannedTitle
        : '';
  return (
    <FormDrawer opened={state.mode !== 'closed'} onClose={onClose} title={title}>
      {state.mode !== 'closed' && (
        <CostLineForm
          workspace={workspace}
          activityId={activityId}
          kind={state.mode === 'edit' ? state.line.kind : state.kind}
          initial={state.mode === 'edit' ? state.line : null}
          defaultFundingSource={defaultFundingSource}
          onDone={onClose}
        />
      )}
    </FormDrawer>
  );
}

function CostLineForm({
  workspace,
  activityId,
  kind,
  initial,
  defaultFundingSource,
  onDone,
}: {
  workspace: string;
  activityId: string;
  kind: CostLineKind;
  initial: CostLineDto | null;
  defaultFundingSource: FundingSource;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const form = useFormState(
    initial ? costLineValuesOf(initial) : emptyCostLineForm(kind, defaultFundingSource, todayIso()),
    COST_LINE_FIELDS,
    'cost-line',
  );
  const { values, set, field } = form;
  const save = useMutation({
    mutationFn: () =>
      initial
        ? unwrap(
            api.PATCH('/api/v1/workspaces/{workspace}/cost-lines/{id}', {
              params: { path: { workspace, id: initial.id } },
              body: costLinePatchOf(initial, values),
            }),
          )
        : unwrap(
            api.POST('/api/v1/workspaces/{workspace}/activities/{id}/cost-lines', {
              params: { path: { workspace, id: activityId } },
              body: costLineBodyOf(kind, values),
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
    if (form.check(validateCostLine(kind, values))) save.mutate();
  };
  const conflict = isApiError(save.error) && save.error.status === 409;
  const unplaced = save.isError && !form.placed(save.error) ? save.error : null;

  return (
    <form onSubmit={submit} noValidate data-testid="cost-line-form">
      <Stack gap="md">
        {unplaced ? (
          <FailureAlert
            testId="cost-line-save-error"
            title={conflict ? messages.registry.conflictTitle : t.saveFailed}
            error={unplaced}
          />
        ) : null}
        <TextInput
          {...field('description')}
          label={t.description}
          required
          value={values.description}
          onChange={(event) => set('description', event.currentTarget.value)}
          autoComplete="off"
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <Select
            {...field('category')}
            {...portal}
            inputWrapperOrder={BELOW}
            label={t.category}
            required
            data={BUDGET_CATEGORIES.map((value) => ({ value, label: BUDGET_CATEGORY_LABELS[value] }))}
            value={values.category}
            onChange={(value) => value && set('category', value as BudgetCategory)}
            allowDeselect={false}
          />
          <Select
            {...field('fundingSource')}
            {...portal}
            inputWrapperOrder={BELOW}
            label={t.fundingSource}
            required
            data={FUNDING_SOURCES.map((value) => ({ value, label: FUNDING_SOURCE_LABELS[value] }))}
            value={values.fundingSource}
            onChange={(value) => value && set('fundingSource', value as FundingSource)}
            allowDeselect={false}
          />
          <NumberField
            {...field('amountEur')}
            inputWrapperOrder={BELOW}
            label={t.amount}
            required
            thousandSeparator=","
            value={values.amountEur}
            onChange={(value) => set('amountEur', value)}
          />
          <TextInput
            {...field('incurredOn')}
            inputWrapperOrder={BELOW}
            type="date"
            label={t.incurredOn}
            required={kind === 'actual'}
            value={values.incurredOn}
            onChange={(event) => set('incurredOn', event.currentTarget.value)}
          />
        </SimpleGrid>
        <FormButtons onCancel={onDone} submitLabel={initial ? t.save : t.create} pending={save.isPending} />
      </Stack>
    </form>
  );
}
