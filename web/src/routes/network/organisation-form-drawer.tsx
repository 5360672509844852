import {
  Button,
  Drawer,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { NETWORK_ORGANISATION_TYPES } from '../../../../src/domain/network/types.ts';
import { MELCA_FIELDS, SPACE_SEGMENTS } from '../../../../src/domain/registry/types.ts';
import { api, isApiError, unwrap } from '../../api/client.ts';
import { useAbilities } from '../../app/abilities.ts';
import { countrySelectOptions } from '../../app/format.ts';
import { ConflictAlert, FailureAlert } from '../../components/alerts.tsx';
import { BELOW } from '../../components/form-layout.ts';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { allClustersQuery } from '../../queries/clusters.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { DuplicateWarning } from './duplicate-warning.tsx';
import {
  emptyOrganisationForm,
  type NetworkOrganisationDto,
  ORGANISATION_FIELDS,
  type OrganisationField,
  type OrganisationFormValues,
  organisationBodyOf,
  organisationValuesOf,
  validateOrganisation,
} from './parts.ts';
import { networkKeys } from './queries.ts';

const t = messages.network.form;
const o = messages.network.organisations;
const d = messages.network.organisation;
const r = messages.registry;
const portal = { comboboxProps: { withinPortal: true } };

/** Adds a network organisation, or edits one; warns of a duplicate before saving. */
export function OrganisationFormDrawer({
  workspace,
  opened,
  initial,
  onClose,
  onSaved,
}: {
  workspace: string;
  opened: boolean;
  initial: NetworkOrganisationDto | null;
  onClose: () => void;
  onSaved: (organisation: NetworkOrganisationDto) => void;
}) {
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      title={initial ? t.editTitle : t.createTitle}
      position="right"
      size="lg"
      padding="lg"
      closeButtonProps={{ 'aria-label': messages.common.close }}
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {opened && (
        <OrganisationForm
          key={initial?.id ?? 'new'}
          workspace={workspace}
          initial={initial}
          onCancel={onClose}
          onSaved={onSaved}
        />
      )}
    </Drawer>
  );
}

function OrganisationForm({
  workspace,
  initial,
  onCancel,
  onSaved,
}: {
  workspace: string;
  initial: NetworkOrganisationDto | null;
  onCancel: () => void;
  onSaved: (organisation: NetworkOrganisationDto) => void;
}) {
  const queryClient = useQueryClient();
  const abilities = useAbilities(workspace);
  const clusters = useQuery(allClustersQuery(workspace));
  const [base, setBase] = useState(initial);
  // A cluster manager adds to its own cluster: the first cluster it may write in is the default.
  const writable = (clusters.data?.items ?? []).filter((c) =>
    abilities.can('network.create', { clusterId: c.id }),
  );
  const mayUnowned = abilities.can('network.create', { clusterId: null });
  const form = useFormState<OrganisationFormValues, OrganisationField>(
    () =>
      initial
        ? organisationValuesOf(initial)
        : emptyOrganisationForm(mayUnowned ? '' : (writable[0]?.id ?? '')),
    ORGANISATION_FIELDS,
    'network-organisation',
  );
  const { values, set, field } = form;

  const save = useMutation({
    mutationFn: () =>
      base
        ? unwrap(
            api.PATCH('/api/v1/workspaces/{workspace}/network/organisations/{id}', {
              params: { path: { workspace, id: base.id } },
              body: { ...organisationBodyOf(values), version: base.version },
            }),
          )
        : unwrap(
            api.POST('/api/v1/workspaces/{workspace}/network/organisations', {
              params: { path: { workspace } },
              body: organisationBodyOf(values),
            }),
          ),
    onSuccess: async (saved) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: networkKeys.all(workspace) }),
        queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
      ]);
      onSaved(saved);
    },
    onError: form.showServer,
  });
  const reload = useMutation({
    mutationFn: () =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/network/organisations/{id}', {
          params: { path: { workspace, id: base?.id ?? '' } },
        }),
      ),
    onSuccess: (fresh) => {
      setBase(fresh);
      form.setValues(organisationValuesOf(fresh));
      form.setErrors({});
      save.reset();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.check(validateOrganisation(values, t))) save.mutate();
  };
  const conflict = isApiError(save.error) && save.error.status === 409;
  const unplaced = save.isError && !conflict && !form.placed(save.error) ? save.error : null;
  const common = (name: OrganisationField) => ({ ...field(name), inputWrapperOrder: BELOW });
  const ownerOptions = [
    ...(mayUnowned ? [{ value: '', label: d.coordinators }] : []),
    ...(clusters.data?.items ?? [])
      .filter((c) => abilities.can('network.create', { clusterId: c.id }) || c.id === values.ownerClusterId)
      .map((c) => ({ value: c.id, label: `${c.shortName} · ${c.name}` })),
  ];

  return (
    <form onSubmit={submit} noValidate data-testid="network-organisation-form">
      <Stack gap="md">
        {conflict && (
          <ConflictAlert
            testId="network-organisation-conflict"
            body={t.conflictBody}
            onReload={() => reload.mutate()}
            reloading={reload.isPending}
            reloadError={reload.error}
          />
        )}
        {unplaced ? (
          <FailureAlert testId="network-organisation-save-error" title={t.saveFailed} error={unplaced} />
        ) : null}
        <TextInput
          {...common('name')}
          label={o.name}
          required
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          autoComplete="off"
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <Select
            {...common('type')}
            {...portal}
            label={o.type}
            required
            data={NETWORK_ORGANISATION_TYPES.map((value) => ({
              value,
              label: messages.network.organisationType[value],
            }))}
            value={values.type || null}
            onChange={(value) => set('type', (value ?? '') as OrganisationFormValues['type'])}
          />
          <Select
            {...common('country')}
            {...portal}
            label={o.country}
            required
            data={countrySelectOptions()}
            value={values.country || null}
            onChange={(value) => set('country', value ?? '')}
            searchable
            nothingFoundMessage="—"
          />
          <TextInput
            {...common('city')}
            label={o.city}
            value={values.city}
            onChange={(event) => set('city', event.currentTarget.value)}
            autoComplete="off"
          />
          <TextInput
            {...common('website')}
            label={d.website}
            description={t.websiteHint}
            type="url"
            placeholder="https://"
            value={values.website}
            onChange={(event) => set('website', event.currentTarget.value)}
            autoComplete="off"
          />
          <Select
            {...common('ownerClusterId')}
            {...portal}
            label={o.owner}
            data={ownerOptions}
            value={values.ownerClusterId}
            onChange={(value) => set('ownerClusterId', value ?? '')}
            allowDeselect={false}
          />
        </SimpleGrid>
        <DuplicateWarning
          workspace={workspace}
          name={values.name}
          country={values.country}
          website={values.website}
          {...(base ? { excludeId: base.id } : {})}
        />
        <MultiSelect
          {...common('spaceSegments')}
          {...portal}
          label={d.segments}
          data={SPACE_SEGMENTS.map((value) => ({ value, label: r.spaceSegment[value] }))}
          value={values.spaceSegments}
          onChange={(value) => set('spaceSegments', value as OrganisationFormValues['spaceSegments'])}
          clearable
        />
        <MultiSelect
          {...common('melca')}
          {...portal}
          label={d.melca}
          data={MELCA_FIELDS.map((value) => ({ value, label: r.melca[value] }))}
          value={values.melca}
          onChange={(value) => set('melca', value as OrganisationFormValues['melca'])}
          clearable
        />
        <TagsInput
          {...common('tags')}
          {...portal}
          label={d.tags}
          description={t.tagsHint}
          maxTags={20}
          value={values.tags}
          onChange={(value) =>
            set(
              'tags',
              value.map((tag) => tag.slice(0, 40)),
            )
          }
          clearable
        />
        <Textarea
          {...common('notes')}
          label={t.notesLabel}
          autosize
          minRows={2}
          maxRows={8}
          value={values.notes}
          onChange={(event) => set('notes', event.currentTarget.value)}
        />
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {t.cancel}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={conflict}>
            {t.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
