import {
  Button,
  Divider,
  Drawer,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, isApiError, unwrap } from '../../api/client.ts';
import type { MembershipDto, OrganisationDto } from '../../api/types.ts';
import {
  EXPORT_EXPERIENCE,
  MELCA_FIELDS,
  ORGANISATION_SIZES,
  ORGANISATION_TYPES,
  SPACE_SEGMENTS,
} from '../../api/vocabulary.ts';
import { useAbilities } from '../../app/abilities.ts';
import { countrySelectOptions } from '../../app/format.ts';
import { ownClusterOf } from '../../app/session.ts';
import { ConflictAlert, FailureAlert } from '../../components/alerts.tsx';
import { BELOW } from '../../components/form-layout.ts';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { allClustersQuery } from '../../queries/clusters.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import {
  emptyMemberForm,
  MEMBER_FIELDS,
  type MemberField,
  type MemberFormValues,
  memberBodyOf,
  memberPatchOf,
  memberValuesOf,
  validateMember,
} from './member-form.ts';
import { registryKeys } from './queries.ts';

const t = messages.member;
const r = messages.registry;

/** Adds a member organisation (coordinators, cluster managers) or edits one. */
export function MemberFormDrawer({
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
  initial: OrganisationDto | null;
  onClose: () => void;
  onCreated?: (organisation: OrganisationDto) => void;
}) {
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      title={initial ? t.editTitle(initial.name) : t.addTitle}
      position="right"
      size="lg"
      padding="lg"
      closeButtonProps={{ 'aria-label': messages.common.close }}
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {opened && (
        <MemberForm
          key={initial?.id ?? 'new'}
          workspace={workspace}
          membership={membership}
          initial={initial}
          onDone={onClose}
          {...(onCreated ? { onCreated } : {})}
        />
      )}
    </Drawer>
  );
}

function MemberForm({
  workspace,
  membership,
  initial,
  onDone,
  onCreated,
}: {
  workspace: string;
  membership: MembershipDto;
  initial: OrganisationDto | null;
  onDone: () => void;
  onCreated?: (organisation: OrganisationDto) => void;
}) {
  const queryClient = useQueryClient();
  const clusters = useQuery(allClustersQuery(workspace));
  const ownCluster = ownClusterOf(membership);
  const abilities = useAbilities(workspace);
  const [base, setBase] = useState<OrganisationDto | null>(initial);
  const form = useFormState(
    initial ? memberValuesOf(initial) : emptyMemberForm(ownCluster ?? ''),
    MEMBER_FIELDS,
    'member',
  );
  const { values, set, field } = form;

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: registryKeys.organisations(workspace) }),
      queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
    ]);

  const save = useMutation({
    mutationFn: (next: MemberFormValues) =>
      base
        ? unwrap(
            api.PATCH('/api/v1/workspaces/{workspace}/organisations/{id}', {
              params: { path: { workspace, id: base.id } },
              body: memberPatchOf(base, next),
            }),
          )
        : unwrap(
            api.POST('/api/v1/workspaces/{workspace}/organisations', {
              params: { path: { workspace } },
              body: memberBodyOf(next),
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
    mutationFn: () => {
      if (!base) throw new Error('nothing to reload');
      return unwrap(
        api.GET('/api/v1/workspaces/{workspace}/organisations/{id}', {
          params: { path: { workspace, id: base.id } },
        }),
      );
    },
    onSuccess: (fresh) => {
      setBase(fresh);
      form.setValues(memberValuesOf(fresh));
      form.setErrors({});
      save.reset();
      void refresh();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.check(validateMember(values))) save.mutate(values);
  };

  const conflict = isApiError(save.error) && save.error.status === 409;
  const unplaced = save.isError && !conflict && !form.placed(save.error) ? save.error : null;
  const clusterOptions = (clusters.data?.items ?? [])
    .filter((c) => !ownCluster || c.id === ownCluster)
    .map((c) => ({ value: c.id, label: `${c.shortName} · ${c.name}` }));
  const common = (name: MemberField) => ({
    ...field(name),
    inputWrapperOrder: BELOW,
  });
  const portal = { comboboxProps: { withinPortal: true } };

  return (
    <form onSubmit={submit} noValidate data-testid="member-form">
      <Stack gap="md">
        {conflict && (
          <ConflictAlert
            testId="member-conflict"
            body={t.conflictBody}
            onReload={() => reload.mutate()}
            reloading={reload.isPending}
            reloadError={reload.error}
          />
        )}
        {unplaced ? <FailureAlert testId="member-save-error" title={t.saveFailed} error={unplaced} /> : null}

        <Title order={3} fz="md">
          {t.sectionIdentity}
        </Title>
        <TextInput
          {...common('name')}
          label={messages.members.name}
          placeholder={t.namePlaceholder}
          required
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          autoComplete="off"
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <Select
            {...common('clusterId')}
            {...portal}
            label={t.cluster}
            placeholder={t.clusterPlaceholder}
            required
            data={clusterOptions}
            value={values.clusterId || null}
            onChange={(value) => set('clusterId', value ?? '')}
            searchable
            nothingFoundMessage="—"
            // A member edits its organisation's profile but cannot move it to another cluster
            // (moving is adding it there).
            disabled={!abilities.canSomewhere('organisation.create')}
          />
          <Select
            {...common('type')}
            {...portal}
            label={t.type}
            required
            data={ORGANISATION_TYPES.map((value) => ({ value, label: r.organisationType[value] }))}
            value={values.type}
            onChange={(value) => value && set('type', value as MemberFormValues['type'])}
            allowDeselect={false}
          />
          <Select
            {...common('size')}
            {...portal}
            label={t.size}
            placeholder={t.sizePlaceholder}
            data={ORGANISATION_SIZES.map((value) => ({ value, label: r.organisationSize[value] }))}
            value={values.size || null}
            onChange={(value) => set('size', (value ?? '') as MemberFormValues['size'])}
            clearable
          />
          <Select
            {...common('exportExperience')}
            {...portal}
            label={t.exportExperience}
            required
            data={EXPORT_EXPERIENCE.map((value) => ({ value, label: r.exportExperience[value] }))}
            value={values.exportExperience}
            onChange={(value) =>
              value && set('exportExperience', value as MemberFormValues['exportExperience'])
            }
            allowDeselect={false}
          />
          <Select
            {...common('country')}
            {...portal}
            label={t.country}
            description={t.countryHint}
            required
            data={countrySelectOptions()}
            value={values.country || null}
            onChange={(value) => set('country', value ?? '')}
            searchable
            nothingFoundMessage="—"
          />
          <TextInput
            {...common('city')}
            label={t.city}
            value={values.city}
            onChange={(event) => set('city', event.currentTarget.value)}
            autoComplete="off"
          />
          <TextInput
            {...common('website')}
            label={t.website}
            description={t.websiteHint}
            type="url"
            placeholder="https://"
            value={values.website}
            onChange={(event) => set('website', event.currentTarget.value)}
            autoComplete="off"
          />
          <TextInput
            {...common('registrationId')}
            label={t.registrationId}
            description={t.registrationIdHint}
            value={values.registrationId}
            onChange={(event) => set('registrationId', event.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </SimpleGrid>

        <Divider />
        <Title order={3} fz="md">
          {t.sectionSectors}
        </Title>
        <MultiSelect
          {...common('spaceSegments')}
          {...portal}
          label={t.spaceSegments}
          placeholder={values.spaceSegments.length ? undefined : t.pickSome}
          data={SPACE_SEGMENTS.map((value) => ({ value, label: r.spaceSegment[value] }))}
          value={values.spaceSegments}
          onChange={(value) => set('spaceSegments', value as MemberFormValues['spaceSegments'])}
          clearable
        />
        <MultiSelect
          {...common('melca')}
          {...portal}
          label={t.melca}
          placeholder={values.melca.length ? undefined : t.pickSome}
          data={MELCA_FIELDS.map((value) => ({ value, label: r.melca[value] }))}
          value={values.melca}
          onChange={(value) => set('melca', value as MemberFormValues['melca'])}
          clearable
        />

        <Divider />
        <Title order={3} fz="md">
          {t.sectionOffers}
        </Title>
        <Textarea
          {...common('offers')}
          label={t.offers}
          description={t.offersHint}
          autosize
          minRows={2}
          maxRows={8}
          value={values.offers}
          onChange={(event) => set('offers', event.currentTarget.value)}
        />
        <TagsInput
          {...common('offerTags')}
          {...portal}
          label={t.offerTags}
          description={t.tagsHint}
          value={values.offerTags}
          onChange={(value) => set('offerTags', value)}
          clearable
        />
        <Textarea
          {...common('requests')}
          label={t.requests}
          description={t.requestsHint}
          autosize
          minRows={2}
          maxRows={8}
          value={values.requests}
          onChange={(event) => set('requests', event.currentTarget.value)}
        />
        <TagsInput
          {...common('requestTags')}
          {...portal}
          label={t.requestTags}
          description={t.tagsHint}
          value={values.requestTags}
          onChange={(value) => set('requestTags', value)}
          clearable
        />

        <Divider />
        <Title order={3} fz="md">
          {t.sectionMarkets}
        </Title>
        <MultiSelect
          {...common('targetMarketInterests')}
          {...portal}
          label={t.targetMarkets}
          description={t.targetMarketsHint}
          placeholder={values.targetMarketInterests.length ? undefined : t.pickSome}
          data={countrySelectOptions()}
          value={values.targetMarketInterests}
          onChange={(value) => set('targetMarketInterests', value)}
          searchable
          clearable
          nothingFoundMessage="—"
        />

        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onDone}>
            {messages.common.cancel}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={conflict}>
            {base ? t.save : t.create}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
