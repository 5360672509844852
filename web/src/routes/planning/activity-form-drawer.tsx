import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { api, isApiError, unwrap } from '../../api/client.ts';
import type { ActivityDetailDto, MembershipDto } from '../../api/types.ts';
import { ACTIVITY_STATUSES } from '../../api/vocabulary.ts';
import { countrySelectOptions } from '../../app/format.ts';
import { ownClusterOf } from '../../app/session.ts';
import { ConflictAlert, FailureAlert } from '../../components/alerts.tsx';
import { BELOW } from '../../components/form-layout.ts';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { allClustersQuery } from '../../queries/clusters.ts';
import { instrumentListQuery } from '../../queries/instruments.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import {
  ACTIVITY_FIELDS,
  activityBodyOf,
  activityInstrumentGroups,
  activityPatchOf,
  activityValuesOf,
  emptyActivityForm,
  type PlanContext,
  validateActivity,
} from './activity-form.ts';
import { FormButtons, FormDrawer } from './parts.tsx';
import { planningKeys } from './queries.ts';
import { todayIso } from './search-params.ts';

const t = messages.activityForm;
const p = messages.planning;
const portal = { comboboxProps: { withinPortal: true } };

export type ActivityDrawerState =
  | { mode: 'closed' }
  | { mode: 'create'; plan: PlanContext | null; instrumentKey?: string }
  | { mode: 'edit'; activity: ActivityDetailDto; plan: PlanContext | null };

/** Adds an activity (to a plan, or standalone) or edits one. */
export function ActivityFormDrawer({
  workspace,
  membership,
  state,
  onClose,
  onCreated,
}: {
  workspace: string;
  membership: MembershipDto;
  state: ActivityDrawerState;
  onClose: () => void;
  /** After a new activity is saved (instead of `onClose`), e.g. to open its page. */
  onCreated?: (activity: ActivityDetailDto) => void;
}) {
  const title =
    state.mode === 'edit' ? t.editTitle(state.activity.title) : state.mode === 'create' ? t.addTitle : '';
  return (
    <FormDrawer opened={state.mode !== 'closed'} onClose={onClose} title={title} size="lg">
      {state.mode !== 'closed' && (
        <ActivityForm
          key={state.mode === 'edit' ? state.activity.id : 'new'}
          workspace={workspace}
          membership={membership}
          plan={state.plan}
          initial={state.mode === 'edit' ? state.activity : null}
          {...(state.mode === 'create' && state.instrumentKey ? { instrumentKey: state.instrumentKey } : {})}
          onDone={onClose}
          {...(onCreated ? { onCreated } : {})}
        />
      )}
    </FormDrawer>
  );
}

function ActivityForm({
  workspace,
  membership,
  plan,
  initial,
  instrumentKey,
  onDone,
  onCreated,
}: {
  workspace: string;
  membership: MembershipDto;
  plan: PlanContext | null;
  initial: ActivityDetailDto | null;
  /** The instrument a new activity starts with (else the plan's first). */
  instrumentKey?: string;
  onDone: () => void;
  onCreated?: (activity: ActivityDetailDto) => void;
}) {
  const queryClient = useQueryClient();
  const catalogue = useQuery(instrumentListQuery(workspace));
  const clusters = useQuery(allClustersQuery(workspace));
  const ownCluster = ownClusterOf(membership);
  const [base, setBase] = useState<ActivityDetailDto | null>(initial);
  const form = useFormState(
    initial
      ? activityValuesOf(initial)
      : emptyActivityForm(plan, todayIso(), {
          ...((instrumentKey ?? plan?.instrumentKeys[0])
            ? { instrumentKey: instrumentKey ?? plan?.instrumentKeys[0] }
            : {}),
          clusterId: ownCluster ?? plan?.ownerClusterId ?? null,
          country: plan?.marketCountry ?? null,
        }),
    ACTIVITY_FIELDS,
    'activity',
  );
  const { values, set, field } = form;
  const groups = useMemo(
    () => activityInstrumentGroups(catalogue.data?.items ?? [], plan?.instrumentKeys ?? []),
    [catalogue.data, plan],
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
            api.PATCH('/api/v1/workspaces/{workspace}/activities/{id}', {
              params: { path: { workspace, id: base.id } },
              body: activityPatchOf(base, values),
            }),
          )
        : unwrap(
            api.POST('/api/v1/workspaces/{workspace}/activities', {
              params: { path: { workspace } },
              body: activityBodyOf(values, plan?.id ?? null),
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
        api.GET('/api/v1/workspaces/{workspace}/activities/{id}', {
          params: { path: { workspace, id: base?.id ?? '' } },
        }),
      ),
    onSuccess: (fresh) => {
      setBase(fresh);
      form.setValues(activityValuesOf(fresh));
      form.setErrors({});
      save.reset();
      void refresh();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.check(validateActivity(values, plan, ownCluster !== null))) save.mutate();
  };

  const conflict = isApiError(save.error) && save.error.status === 409;
  const unplaced = save.isError && !conflict && !form.placed(save.error) ? save.error : null;
  const clusterOptions = (clusters.data?.items ?? [])
    .filter((c) => !ownCluster || c.id === ownCluster)
    .map((c) => ({ value: c.id, label: `${c.shortName} · ${c.name}` }));
  const periodHint = plan ? t.periodHint(plan.startsOn, plan.endsOn) : undefined;

  return (
    <form onSubmit={submit} noValidate data-testid="activity-form">
      <Stack gap="md">
        {conflict && (
          <ConflictAlert
            testId="activity-conflict"
            body={p.conflictBody}
            onReload={() => reload.mutate()}
            reloading={reload.isPending}
            reloadError={reload.error}
          />
        )}
        {unplaced ? (
          <FailureAlert testId="activity-save-error" title={t.saveFailed} error={unplaced} />
        ) : null}
        <Select
          {...field('instrumentKey')}
          {...portal}
          label={t.instrument}
          required
          data={groups}
          value={values.instrumentKey || null}
          onChange={(value) => set('instrumentKey', value ?? '')}
          allowDeselect={false}
          searchable
          nothingFoundMessage="—"
          data-autofocus
        />
        <TextInput
          {...field('title')}
          label={t.title}
          placeholder={t.titlePlaceholder}
          required
          value={values.title}
          onChange={(event) => set('title', event.currentTarget.value)}
          autoComplete="off"
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput
            {...field('startsOn')}
            inputWrapperOrder={BELOW}
            type="date"
            label={t.startsOn}
            description={periodHint}
            required
            min={plan?.startsOn}
            max={plan?.endsOn}
            value={values.startsOn}
            onChange={(event) => set('startsOn', event.currentTarget.value)}
          />
          <TextInput
            {...field('endsOn')}
            inputWrapperOrder={BELOW}
            type="date"
            label={t.endsOn}
            description={periodHint}
            required
            min={values.startsOn || plan?.startsOn}
            max={plan?.endsOn}
            value={values.endsOn}
            onChange={(event) => set('endsOn', event.currentTarget.value)}
          />
          <TextInput
            {...field('city')}
            inputWrapperOrder={BELOW}
            label={t.city}
            value={values.city}
            onChange={(event) => set('city', event.currentTarget.value)}
            autoComplete="off"
          />
          <Select
            {...field('country')}
            {...portal}
            inputWrapperOrder={BELOW}
            label={t.country}
            data={countrySelectOptions()}
            value={values.country || null}
            onChange={(value) => set('country', value ?? '')}
            searchable
            clearable
            nothingFoundMessage="—"
          />
          <Select
            {...field('clusterId')}
            {...portal}
            inputWrapperOrder={BELOW}
            label={t.cluster}
            description={ownCluster ? undefined : t.clusterHint}
            placeholder={p.coordinators}
            required={ownCluster !== null}
            data={clusterOptions}
            value={values.clusterId || null}
            onChange={(value) => set('clusterId', value ?? '')}
            clearable={ownCluster === null}
            searchable
            nothingFoundMessage="—"
          />
          <Select
            {...field('status')}
            {...portal}
            inputWrapperOrder={BELOW}
            label={t.status}
            required
            data={ACTIVITY_STATUSES.map((value) => ({ value, label: p.activityStatus[value] }))}
            value={values.status}
            onChange={(value) => value && set('status', value as typeof values.status)}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Textarea
          {...field('outcomeNotes')}
          label={t.outcomeNotes}
          description={t.outcomeNotesHint}
          autosize
          minRows={2}
          maxRows={10}
          value={values.outcomeNotes}
          onChange={(event) => set('outcomeNotes', event.currentTarget.value)}
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
