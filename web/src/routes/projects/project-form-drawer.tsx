import {
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import {
  FUNDING_PROGRAMMES,
  type FundingProgramme,
  PROJECT_STATUSES,
  type ProjectStatus,
} from '../../../../src/domain/network/types.ts';
import { api, isApiError, unwrap } from '../../api/client.ts';
import type { MembershipDto } from '../../api/types.ts';
import { ownClusterOf } from '../../app/session.ts';
import { ConflictAlert, FailureAlert } from '../../components/alerts.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { NumberField } from '../../components/number-field.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { allClustersQuery } from '../../queries/clusters.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { FormButtons, FormDrawer } from '../planning/parts.tsx';
import { PartnerFields } from './partner-fields.tsx';
import {
  emptyProjectForm,
  PROJECT_FIELDS,
  type ProjectFormValues,
  projectBodyOf,
  projectPatchOf,
  projectValuesOf,
  validateProject,
} from './project-form.ts';
import { type ProjectDetailDto, projectKeys } from './queries.ts';

const t = messages.projects;
const f = t.form;
const portal = { comboboxProps: { withinPortal: true } };
const CURRENCIES = Intl.supportedValuesOf('currency');

export type ProjectDrawerState =
  | { mode: 'closed' }
  | { mode: 'create'; activity?: { id: string; title: string } }
  | { mode: 'edit'; project: ProjectDetailDto };

/** The drawer that creates a project (with its partners) or edits one. */
export function ProjectFormDrawer({
  workspace,
  membership,
  state,
  onClose,
  onCreated,
}: {
  workspace: string;
  membership: MembershipDto;
  state: ProjectDrawerState;
  onClose: () => void;
  onCreated?: (project: ProjectDetailDto) => void;
}) {
  const title = state.mode === 'edit' ? f.editTitle : state.mode === 'create' ? f.createTitle : '';
  return (
    <FormDrawer opened={state.mode !== 'closed'} onClose={onClose} title={title} size="lg">
      {state.mode !== 'closed' && (
        <ProjectForm
          key={state.mode === 'edit' ? state.project.id : 'new'}
          workspace={workspace}
          membership={membership}
          initial={state.mode === 'edit' ? state.project : null}
          activity={state.mode === 'create' ? (state.activity ?? null) : null}
          onDone={onClose}
          {...(onCreated ? { onCreated } : {})}
        />
      )}
    </FormDrawer>
  );
}

function ProjectForm({
  workspace,
  membership,
  initial,
  activity,
  onDone,
  onCreated,
}: {
  workspace: string;
  membership: MembershipDto;
  initial: ProjectDetailDto | null;
  activity: { id: string; title: string } | null;
  onDone: () => void;
  onCreated?: (project: ProjectDetailDto) => void;
}) {
  const queryClient = useQueryClient();
  const clusters = useQuery(allClustersQuery(workspace));
  const ownCluster = ownClusterOf(membership);
  const [base, setBase] = useState<ProjectDetailDto | null>(initial);
  const form = useFormState<ProjectFormValues, (typeof PROJECT_FIELDS)[number]>(
    () =>
      initial
        ? projectValuesOf(initial)
        : emptyProjectForm({ clusterId: ownCluster, activityId: activity?.id ?? null }),
    PROJECT_FIELDS,
    'project',
  );
  const { values, set, field } = form;
  const nextKey = useRef(0);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: projectKeys.all(workspace) }),
      queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
      // The KPIs of the project's activity follow its writes.
      queryClient.invalidateQueries({ queryKey: workspaceKeys.all(workspace) }),
    ]);

  const save = useMutation({
    mutationFn: () =>
      base
        ? unwrap(
            api.PATCH('/api/v1/workspaces/{workspace}/network/projects/{id}', {
              params: { path: { workspace, id: base.id } },
              body: projectPatchOf(base, values),
            }),
          )
        : unwrap(
            api.POST('/api/v1/workspaces/{workspace}/network/projects', {
              params: { path: { workspace } },
              body: projectBodyOf(values),
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
        api.GET('/api/v1/workspaces/{workspace}/network/projects/{id}', {
          params: { path: { workspace, id: base?.id ?? '' } },
        }),
      ),
    onSuccess: (fresh) => {
      setBase(fresh);
      form.setValues(projectValuesOf(fresh));
      form.setErrors({});
      save.reset();
      void refresh();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.check(validateProject(values))) save.mutate();
  };

  const conflict = isApiError(save.error) && save.error.status === 409 && base !== null;
  const unplaced = save.isError && !conflict && !form.placed(save.error) ? save.error : null;
  const clusterOptions = (clusters.data?.items ?? [])
    .filter((c) => !ownCluster || c.id === ownCluster)
    .map((c) => ({ value: c.id, label: `${c.shortName} · ${c.name}` }));

  return (
    <form onSubmit={submit} noValidate data-testid="project-form">
      <Stack gap="md">
        {conflict && (
          <ConflictAlert
            testId="project-conflict"
            body={f.conflictBody}
            onReload={() => reload.mutate()}
            reloading={reload.isPending}
            reloadError={reload.error}
            reloadLabel={f.reload}
          />
        )}
        {unplaced ? <FailureAlert testId="project-save-error" title={f.saveFailed} error={unplaced} /> : null}
        <TextInput
          {...field('title')}
          label={f.title}
          required
          value={values.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          data-autofocus
        />
        <Textarea
          {...field('description')}
          label={f.description}
          autosize
          minRows={2}
          value={values.description}
          onChange={(e) => set('description', e.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            {...field('status')}
            {...portal}
            label={f.status}
            data={PROJECT_STATUSES.map((value) => ({ value, label: t.status[value] ?? value }))}
            value={values.status}
            allowDeselect={false}
            onChange={(value) => value && set('status', value as ProjectStatus)}
          />
          <Select
            {...field('clusterId')}
            {...portal}
            label={f.cluster}
            description={f.clusterHint}
            placeholder={t.coordinators}
            data={clusterOptions}
            value={values.clusterId}
            clearable={!ownCluster}
            onChange={(value) => set('clusterId', value)}
          />
          <Select
            {...field('fundingProgramme')}
            {...portal}
            label={f.programme}
            placeholder={t.none}
            data={FUNDING_PROGRAMMES.map((value) => ({ value, label: t.programme[value] ?? value }))}
            value={values.fundingProgramme}
            clearable
            onChange={(value) => set('fundingProgramme', value as FundingProgramme | null)}
          />
          <Group gap="sm" grow align="flex-start" wrap="nowrap">
            <NumberField
              {...field('amount')}
              label={f.amount}
              thousandSeparator=" "
              value={values.amount}
              onChange={(value) => set('amount', value)}
            />
            <Select
              {...field('currency')}
              {...portal}
              label={f.currency}
              data={CURRENCIES}
              value={values.currency}
              searchable
              clearable
              maw={120}
              nothingFoundMessage="—"
              onChange={(value) => set('currency', value)}
            />
          </Group>
          <TextInput
            {...field('startsOn')}
            type="date"
            label={f.startsOn}
            value={values.startsOn}
            onChange={(e) => set('startsOn', e.currentTarget.value)}
          />
          <TextInput
            {...field('endsOn')}
            type="date"
            label={f.endsOn}
            value={values.endsOn}
            onChange={(e) => set('endsOn', e.currentTarget.value)}
          />
        </SimpleGrid>
        <ActivityPicker
          workspace={workspace}
          id="project-activityId"
          error={form.errors.activityId}
          value={values.activityId}
          initialLabel={base?.activityTitle ?? activity?.title ?? null}
          onChange={(value) => set('activityId', value)}
        />
        <Checkbox
          id="project-commonLabel"
          label={f.commonLabel}
          checked={values.commonLabel}
          onChange={(e) => set('commonLabel', e.currentTarget.checked)}
        />
        <Checkbox
          id="project-internationalFunding"
          label={f.internationalFunding}
          description={f.internationalFundingHint}
          checked={values.internationalFunding}
          onChange={(e) => set('internationalFunding', e.currentTarget.checked)}
        />
        {!base && (
          <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" fw={600} fz="sm">
              {f.partners}
            </Text>
            {values.partners.map((partner, index) => (
              <Paper key={partner.key} withBorder p="sm" radius="sm" data-testid="project-partner-row">
                <Stack gap="xs">
                  <PartnerFields
                    workspace={workspace}
                    idPrefix={`project-partner-${index}`}
                    kind={partner.kind}
                    refId={partner.refId}
                    role={partner.role}
                    error={!partner.refId ? form.errors.partners : undefined}
                    onChange={(next) =>
                      set(
                        'partners',
                        values.partners.map((p) => (p.key === partner.key ? { ...p, ...next } : p)),
                      )
                    }
                  />
                  <Button
                    variant="default"
                    size="xs"
                    w="fit-content"
                    onClick={() =>
                      set(
                        'partners',
                        values.partners.filter((p) => p.key !== partner.key),
                      )
                    }
                  >
                    {t.partners.remove}
                  </Button>
                </Stack>
              </Paper>
            ))}
            <Button
              id="project-partners"
              variant="light"
              leftSection={<PlusIcon />}
              w="fit-content"
              onClick={() =>
                set('partners', [
                  ...values.partners,
                  {
                    key: `p${nextKey.current++}`,
                    kind: 'network_organisation',
                    refId: null,
                    role: 'partner',
                  },
                ])
              }
            >
              {f.addPartnerRow}
            </Button>
          </Stack>
        )}
        <FormButtons onCancel={onDone} submitLabel={base ? f.save : f.create} pending={save.isPending} />
      </Stack>
    </form>
  );
}

/** A searchable select over the workspace's activities (the list API's `q`, 300 ms after typing). */
function ActivityPicker({
  workspace,
  id,
  value,
  initialLabel,
  error,
  onChange,
}: {
  workspace: string;
  id: string;
  value: string | null;
  initialLabel: string | null;
  error: string | undefined;
  onChange: (id: string | null) => void;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const known = useRef(new Map<string, string>(value && initialLabel ? [[value, initialLabel]] : []));
  const current = value ? known.current.get(value) : undefined;
  const q = debounced.trim() && debounced !== current ? debounced.trim() : '';
  const list = useQuery({
    queryKey: [...workspaceKeys.all(workspace), 'activities', 'picker', q] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/activities', {
          params: { path: { workspace }, query: { limit: 50, sort: '-startsOn', ...(q ? { q } : {}) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const data = useMemo(() => {
    const options = (list.data?.items ?? []).map((a) => {
      const label = `${a.title} · ${a.instrumentName}`;
      known.current.set(a.id, label);
      return { value: a.id, label };
    });
    if (value && !options.some((o) => o.value === value)) {
      options.unshift({ value, label: known.current.get(value) ?? value });
    }
    return options;
  }, [list.data, value]);
  return (
    <Select
      {...portal}
      id={id}
      label={f.activity}
      description={f.activityHint}
      placeholder={f.searchActivity}
      data={data}
      value={value}
      error={error}
      onChange={onChange}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={list.isFetching ? messages.common.loading : '—'}
    />
  );
}
