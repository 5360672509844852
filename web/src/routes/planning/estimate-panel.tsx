import { Button, Group, Select, SimpleGrid, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type {
  ActivityBudgetDto,
  ActivityDetailDto,
  EstimateDto,
  EstimateFormDto,
  FundingSource,
} from '../../api/types.ts';
import { FUNDING_SOURCE_LABELS, FUNDING_SOURCES } from '../../api/vocabulary.ts';
import { countrySelectOptions } from '../../app/format.ts';
import { FailureAlert } from '../../components/alerts.tsx';
import { BELOW } from '../../components/form-layout.ts';
import { NumberField } from '../../components/number-field.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { instrumentListQuery } from '../../queries/instruments.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import {
  dayRateOf,
  ESTIMATE_FIELDS,
  estimateFieldErrors,
  estimateValuesOf,
  parameterInputs,
  parametersOf,
  shownFields,
  validateEstimate,
} from './estimate-form.ts';
import { EstimateResult } from './estimate-result.tsx';
import { Section } from './parts.tsx';
import { planningKeys } from './queries.ts';

const t = messages.estimate;
const f = messages.forms.estimate;

/**
 * The budget engine on this activity: the inputs its instrument's budget model needs (the server
 * says which, `instrument.budget.estimate`), prefilled from the last applied estimate or else from
 * the activity, "Preview" (writes nothing) and "Apply as planned budget" (replaces the estimate
 * lines). A missing input is named on its field before anything is sent.
 */
export function EstimatePanel({
  workspace,
  activity,
  budget,
}: {
  workspace: string;
  activity: ActivityDetailDto;
  budget: ActivityBudgetDto;
}) {
  const catalogue = useQuery(instrumentListQuery(workspace));
  const instrument = catalogue.data?.items.find((i) => i.key === activity.instrumentKey);
  return (
    <Section title={t.title} testId="estimate-panel">
      {catalogue.isPending ? (
        <Stack aria-busy="true">
          <VisuallyHidden role="status">{f.loading}</VisuallyHidden>
          <Skeleton h={120} />
        </Stack>
      ) : catalogue.isError ? (
        <FailureAlert testId="estimate-error" title={t.failed} error={catalogue.error} />
      ) : (
        <EstimateForm
          workspace={workspace}
          activity={activity}
          budget={budget}
          form={instrument?.budget.estimate ?? { parameters: [], usesDayRate: true }}
          defaultFunding={instrument?.fundingSources[0] ?? 'cluster'}
        />
      )}
    </Section>
  );
}

function EstimateForm({
  workspace,
  activity,
  budget,
  form: model,
  defaultFunding,
}: {
  workspace: string;
  activity: ActivityDetailDto;
  budget: ActivityBudgetDto;
  form: EstimateFormDto;
  defaultFunding: FundingSource;
}) {
  const queryClient = useQueryClient();
  const fundingSource: FundingSource =
    budget.lines.find((line) => line.origin === 'estimate')?.fundingSource ?? defaultFunding;
  const form = useFormState(estimateValuesOf(activity, fundingSource), ESTIMATE_FIELDS, 'estimate');
  const { values, set, field } = form;
  const [result, setResult] = useState<{ estimate: EstimateDto; applied: boolean } | null>(null);
  const shown = shownFields(model);
  const inputs = parameterInputs(model, activity);

  const onError = (error: unknown) => {
    setResult(null);
    form.setErrors(estimateFieldErrors(error, shown));
  };
  const preview = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/estimates', {
          params: { path: { workspace } },
          body: {
            instrumentKey: activity.instrumentKey,
            parameters: parametersOf(values, model),
            clusterId: activity.clusterId,
            ...dayRateOf(values, model),
          },
        }),
      ),
    onSuccess: (estimate) => setResult({ estimate, applied: false }),
    onError,
  });
  const apply = useMutation({
    mutationFn: () =>
      // With `apply` the planned estimate lines are replaced by the answer's (manual lines stay).
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/activities/{id}/estimate', {
          params: { path: { workspace, id: activity.id } },
          body: {
            parameters: parametersOf(values, model),
            ...dayRateOf(values, model),
            fundingSource: values.fundingSource,
            apply: true,
            version: activity.version,
          },
        }),
      ),
    onSuccess: async (estimate) => {
      setResult({ estimate, applied: true });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: planningKeys.all(workspace) }),
        queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
      ]);
    },
    onError,
  });

  const run = (action: typeof preview) => {
    preview.reset();
    apply.reset();
    if (form.check(validateEstimate(values, model))) action.mutate();
  };
  const failed = preview.error ?? apply.error;
  const unplaced = failed && Object.keys(estimateFieldErrors(failed, shown)).length === 0 ? failed : null;

  return (
    <>
      <Text fz="sm" c="dimmed">
        {model.parameters.length > 0 ? f.intro : f.noFigure}
      </Text>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          run(preview);
        }}
        data-testid="estimate-form"
      >
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
            {inputs.map((input) =>
              input.name === 'destination' ? (
                <Select
                  key={input.name}
                  {...field('destination')}
                  inputWrapperOrder={BELOW}
                  label={input.label}
                  description={input.hint}
                  required
                  data={countrySelectOptions()}
                  value={values.destination || null}
                  onChange={(value) => set('destination', value ?? '')}
                  searchable
                  clearable
                  nothingFoundMessage="—"
                  comboboxProps={{ withinPortal: true }}
                />
              ) : (
                <NumberField
                  key={input.name}
                  {...field(input.name)}
                  inputWrapperOrder={BELOW}
                  label={input.label}
                  description={input.hint}
                  required
                  value={values[input.name]}
                  onChange={(value) => set(input.name, value)}
                />
              ),
            )}
            {model.usesDayRate && (
              <NumberField
                {...field('dayRateEur')}
                inputWrapperOrder={BELOW}
                label={t.dayRate}
                description={t.dayRateHint}
                value={values.dayRateEur}
                onChange={(value) => set('dayRateEur', value)}
              />
            )}
          </SimpleGrid>
          <Select
            {...field('fundingSource')}
            label={t.fundingSource}
            data={FUNDING_SOURCES.map((value) => ({ value, label: FUNDING_SOURCE_LABELS[value] }))}
            value={values.fundingSource}
            onChange={(value) => value && set('fundingSource', value as FundingSource)}
            allowDeselect={false}
            maw={320}
            comboboxProps={{ withinPortal: true }}
          />
          {unplaced ? <FailureAlert testId="estimate-error" title={t.failed} error={unplaced} /> : null}
          <Group gap="sm">
            <Button type="submit" variant="default" loading={preview.isPending}>
              {t.preview}
            </Button>
            <Button onClick={() => run(apply)} loading={apply.isPending}>
              {t.apply}
            </Button>
          </Group>
        </Stack>
      </form>
      {result && <EstimateResult estimate={result.estimate} applied={result.applied} />}
    </>
  );
}
