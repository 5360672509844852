import { Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, isApiError, unwrap } from '../../api/client.ts';
import type { MarketDto, MembershipDto } from '../../api/types.ts';
import { MARKET_PRIORITIES, MARKET_STATUSES, SPACE_SEGMENTS } from '../../api/vocabulary.ts';
import { countrySelectOptions } from '../../app/format.ts';
import { ownClusterOf } from '../../app/session.ts';
import { ConflictAlert, FailureAlert } from '../../components/alerts.tsx';
import { BELOW } from '../../components/form-layout.ts';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { allClustersQuery } from '../../queries/clusters.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import {
  emptyMarketForm,
  MARKET_FIELDS,
  marketBodyOf,
  marketPatchOf,
  marketValuesOf,
  validateMarket,
} from './market-form.ts';
import { FormButtons, FormDrawer } from './parts.tsx';
import { planningKeys } from './queries.ts';

const t = messages.marketForm;
const p = messages.planning;
const portal = { comboboxProps: { withinPortal: true } };

/** Adds a target market (coordinators; cluster managers for their cluster) or edits one. */
export function MarketFormDrawer({
  workspace,
  membership,
  opened,
  initial,
  onClose,
  onCreated,
}: {
  workspace: string;
  membership: MembershipDto;
  opened: boolean;
  initial: MarketDto | null;
  onClose: () => void;
  onCreated?: (market: MarketDto) => void;
}) {
  return (
    <FormDrawer opened={opened} onClose={onClose} title={initial ? t.editTitle(initial.name) : t.addTitle}>
      <MarketForm
        key={initial?.id ?? 'new'}
        workspace={workspace}
        membership={membership}
        initial={initial}
        onDone={onClose}
        {...(onCreated ? { onCreated } : {})}
      />
    </FormDrawer>
  );
}

function MarketForm({
  workspace,
  membership,
  initial,
  onDone,
  onCreated,
}: {
  workspace: string;
  membership: MembershipDto;
  initial: MarketDto | null;
  onDone: () => void;
  onCreated?: (market: MarketDto) => void;
}) {
  const queryClient = useQueryClient();
  const clusters = useQuery(allClustersQuery(workspace));
  const ownCluster = ownClusterOf(membership);
  const [base, setBase] = useState<MarketDto | null>(initial);
  const form = useFormState(
    initial ? marketValuesOf(initial) : emptyMarketForm(ownCluster),
    MARKET_FIELDS,
    'market',
  );
  const { values, set, field } = form;
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: planningKeys.all(workspace) }),
      queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
    ]);

  const save = useMutation({
    mutationFn: () =>
      base
        ? unwrap(
            api.PATCH('/api/v1/workspaces/{workspace}/markets/{id}', {
              params: { path: { workspace, id: base.id } },
              body: marketPatchOf(base, values),
            }),
          )
        : unwrap(
            api.POST('/api/v1/workspaces/{workspace}/markets', {
              params: { path: { workspace } },
              body: marketBodyOf(values),
            }),
          ),
    onSuccess: async (saved) => {
      await refresh();
      if (!base && onCreated) onCreated(saved);
      else onDone();
    },
    onError: form.showServer,
  });

  // After a 409: the fresh market replaces the one the form was opened with; edit again.
  const reload = useMutation({
    mutationFn: () =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/markets/{id}', {
          params: { path: { workspace, id: base?.id ?? '' } },
        }),
      ),
    onSuccess: (fresh) => {
      setBase(fresh);
      form.setValues(marketValuesOf(fresh));
      form.setErrors({});
      save.reset();
      void refresh();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.check(validateMarket(values, ownCluster !== null))) save.mutate();
  };

  const conflict = isApiError(save.error) && save.error.status === 409;
  const unplaced = save.isError && !conflict && !form.placed(save.error) ? save.error : null;
  const clusterOptions = (clusters.data?.items ?? [])
    .filter((c) => !ownCluster || c.id === ownCluster)
    .map((c) => ({ value: c.id, label: `${c.shortName} · ${c.name}` }));

  return (
    <form onSubmit={submit} noValidate data-testid="market-form">
      <Stack gap="md">
        {conflict && (
          <ConflictAlert
            testId="market-conflict"
            body={p.conflictBody}
            onReload={() => reload.mutate()}
            reloading={reload.isPending}
            reloadError={reload.error}
          />
        )}
        {unplaced ? <FailureAlert testId="market-save-error" title={t.saveFailed} error={unplaced} /> : null}
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
          <Select
            {...field('country')}
            {...portal}
            inputWrapperOrder={BELOW}
            label={t.country}
            required
            data={countrySelectOptions()}
            value={values.country || null}
            onChange={(value) => set('country', value ?? '')}
            allowDeselect={false}
            searchable
            nothingFoundMessage="—"
          />
          <Select
            {...field('ownerClusterId')}
            {...portal}
            inputWrapperOrder={BELOW}
            label={t.owner}
            description={ownCluster ? undefined : t.ownerHint}
            placeholder={p.coordinators}
            required={ownCluster !== null}
            data={clusterOptions}
            value={values.ownerClusterId || null}
            onChange={(value) => set('ownerClusterId', value ?? '')}
            clearable={ownCluster === null}
            searchable
            nothingFoundMessage="—"
          />
          <Select
            {...field('priority')}
            {...portal}
            label={t.priority}
            required
            data={MARKET_PRIORITIES.map((value) => ({ value, label: p.priority[value] }))}
            value={values.priority}
            onChange={(value) => value && set('priority', value as typeof values.priority)}
            allowDeselect={false}
          />
          <Select
            {...field('status')}
            {...portal}
            label={t.status}
            required
            data={MARKET_STATUSES.map((value) => ({ value, label: p.marketStatus[value] }))}
            value={values.status}
            onChange={(value) => value && set('status', value as typeof values.status)}
            allowDeselect={false}
          />
        </SimpleGrid>
        <TagsInput
          {...field('segments')}
          {...portal}
          label={t.segments}
          description={t.segmentsHint}
          inputWrapperOrder={BELOW}
          data={SPACE_SEGMENTS.map((s) => messages.registry.spaceSegment[s])}
          value={values.segments}
          onChange={(value) => set('segments', value)}
          clearable
        />
        <Textarea
          {...field('rationale')}
          label={t.rationale}
          description={t.rationaleHint}
          autosize
          minRows={3}
          maxRows={10}
          value={values.rationale}
          onChange={(event) => set('rationale', event.currentTarget.value)}
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
