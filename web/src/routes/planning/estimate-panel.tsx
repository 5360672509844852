import { Button, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { ActivityBudgetDto, ActivityDetailDto, EstimateDto, FundingSource } from '../../api/types.ts';
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
  COUNT_PARAMETER_NAMES,
  type CountParameter,
  dayRateOf,
  ESTIMATE_FIELDS,
  estimateFieldErrors,
  estimateValuesOf,
  parametersOf,
  validateEstimate,
} from './estimate-form.ts';
import { EstimateResult } from './estimate-result.tsx';
import { Section } from './parts.tsx';
import { planningKeys } from './queries.ts';

const t = messages.estimate;

const LABELS: Record<CountParameter, string> = {
  units: t.units,
  months: t.months,
  issues: t.issues,
  entities: t.entities,
  travellers: t.travellers,
  nights: t.nights,
};

/**
 * The budget engine on this activity: parameters (prefilled from the last applied estimate),
 * "Preview" (writes nothing) and "Apply as planned budget" (replaces the estimate lines). The
 * server names each parameter the instrument's model misses; the message lands on its input.
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
  const queryClient = useQueryClient();
  const catalogue = useQuery(instrumentListQuery());
  const instrument = catalogue.data?.items.find((i) => i.key === activity.instrumentKey);
  const fundingSource: FundingSource =
    budget.lines.find((line) => line.origin === 'estimate')?.fundingSource ??
    instrument?.fundingSources[0] ??
    'cluster';
  const form = useFormState(
    estimateValuesOf(activity.estimateParameters, fundingSource),
    ESTIMATE_FIELDS,
    'estimate',
  );
  const { values, set, field } = form;
  const [result, setResult] = useState<{ estimate: EstimateDto; applied: boolean } | null>(null);

  const onError = (error: unknown) => {
    setResult(null);
    form.setErrors(estimateFieldErrors(error));
  };
  const preview = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/estimates', {
          params: { path: { workspace } },
          body: {
            instrumentKey: activity.instrumentKey,
            parameters: parametersOf(values),
            clusterId: activity.clusterId,
            ...dayRateOf(values),
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
            parameters: parametersOf(values),
            ...dayRateOf(values),
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
    if (form.check(validateEstimate(values))) action.mutate();
  };
  const failed = preview.error ?? apply.error;
  const unplaced = failed && Object.keys(estimateFieldErrors(failed)).length === 0 ? failed : null;

  return (
    <Section title={t.title} testId="estimate-panel">
      <Text fz="sm" c="dimmed">
        {t.intro}
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
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
            {COUNT_PARAMETER_NAMES.map((name) => (
              <NumberField
                key={name}
                {...field(name)}
                inputWrapperOrder={BELOW}
                label={LABELS[name]}
                description={name === 'units' ? t.unitsHint : undefined}
                value={values[name]}
                onChange={(value) => set(name, value)}
              />
            ))}
            <Select
              {...field('destination')}
              inputWrapperOrder={BELOW}
              label={t.destination}
              data={countrySelectOptions()}
              value={values.destination || null}
              onChange={(value) => set('destination', value ?? '')}
              searchable
              clearable
              nothingFoundMessage="—"
              comboboxProps={{ withinPortal: true }}
            />
            <NumberField
              {...field('dayRateEur')}
              inputWrapperOrder={BELOW}
              label={t.dayRate}
              description={t.dayRateHint}
              value={values.dayRateEur}
              onChange={(value) => set('dayRateEur', value)}
            />
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
    </Section>
  );
}
