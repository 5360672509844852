import { Button, Drawer, Group, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { CONSENT_BASES } from '../../../../src/domain/network/types.ts';
import { api, isApiError, unwrap } from '../../api/client.ts';
import { ConflictAlert, FailureAlert } from '../../components/alerts.tsx';
import { BELOW } from '../../components/form-layout.ts';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { DuplicateWarning } from './duplicate-warning.tsx';
import { NetworkOrganisationPicker } from './organisation-picker.tsx';
import {
  emptyPersonForm,
  languageOptions,
  type NetworkPersonDto,
  PERSON_FIELDS,
  type PersonField,
  type PersonFormValues,
  personBodyOf,
  personValuesOf,
  validatePerson,
} from './parts.ts';
import { networkKeys } from './queries.ts';

const t = messages.network.person;
const f = messages.network.form;
const portal = { comboboxProps: { withinPortal: true } };

/** Today in the reader's calendar, YYYY-MM-DD. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Adds a network person (optionally at an organisation), or edits one; warns of a taken e-mail. */
export function PersonFormDrawer({
  workspace,
  opened,
  initial,
  organisationId = null,
  onClose,
  onSaved,
}: {
  workspace: string;
  opened: boolean;
  initial: NetworkPersonDto | null;
  organisationId?: string | null;
  onClose: () => void;
  onSaved: (person: NetworkPersonDto) => void;
}) {
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      title={initial ? t.editTitle : t.createTitle}
      position="right"
      size="md"
      padding="lg"
      closeButtonProps={{ 'aria-label': messages.common.close }}
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {opened && (
        <PersonForm
          key={initial?.id ?? 'new'}
          workspace={workspace}
          initial={initial}
          organisationId={organisationId}
          onCancel={onClose}
          onSaved={onSaved}
        />
      )}
    </Drawer>
  );
}

function PersonForm({
  workspace,
  initial,
  organisationId,
  onCancel,
  onSaved,
}: {
  workspace: string;
  initial: NetworkPersonDto | null;
  organisationId: string | null;
  onCancel: () => void;
  onSaved: (person: NetworkPersonDto) => void;
}) {
  const queryClient = useQueryClient();
  const [base, setBase] = useState(initial);
  const languages = useMemo(languageOptions, []);
  const form = useFormState<PersonFormValues, PersonField>(
    () => (initial ? personValuesOf(initial) : emptyPersonForm(organisationId)),
    PERSON_FIELDS,
    'network-person',
  );
  const { values, set, field } = form;
  const save = useMutation({
    mutationFn: () =>
      base
        ? unwrap(
            api.PATCH('/api/v1/workspaces/{workspace}/network/people/{id}', {
              params: { path: { workspace, id: base.id } },
              body: { ...personBodyOf(values), version: base.version },
            }),
          )
        : unwrap(
            api.POST('/api/v1/workspaces/{workspace}/network/people', {
              params: { path: { workspace } },
              body: personBodyOf(values),
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
        api.GET('/api/v1/workspaces/{workspace}/network/people/{id}', {
          params: { path: { workspace, id: base?.id ?? '' } },
        }),
      ),
    onSuccess: (fresh) => {
      setBase(fresh);
      form.setValues(personValuesOf(fresh));
      form.setErrors({});
      save.reset();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.check(validatePerson(values, today(), f))) save.mutate();
  };
  const conflict = isApiError(save.error) && save.error.status === 409;
  const unplaced = save.isError && !conflict && !form.placed(save.error) ? save.error : null;
  const common = (name: PersonField) => ({ ...field(name), inputWrapperOrder: BELOW });

  return (
    <form onSubmit={submit} noValidate data-testid="network-person-form">
      <Stack gap="md">
        {conflict && (
          <ConflictAlert
            testId="network-person-conflict"
            body={f.conflictBody}
            onReload={() => reload.mutate()}
            reloading={reload.isPending}
            reloadError={reload.error}
          />
        )}
        {unplaced ? (
          <FailureAlert testId="network-person-save-error" title={t.saveFailed} error={unplaced} />
        ) : null}
        <TextInput
          {...common('name')}
          label={t.name}
          required
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          autoComplete="off"
          data-autofocus
        />
        <NetworkOrganisationPicker
          {...common('organisationId')}
          workspace={workspace}
          label={t.organisation}
          value={values.organisationId}
          onChange={(id) => set('organisationId', id)}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput
            {...common('roleTitle')}
            label={t.roleTitle}
            value={values.roleTitle}
            onChange={(event) => set('roleTitle', event.currentTarget.value)}
            autoComplete="off"
          />
          <Select
            {...common('language')}
            {...portal}
            label={t.language}
            data={languages}
            value={values.language || null}
            onChange={(value) => set('language', value ?? '')}
            searchable
            clearable
            nothingFoundMessage="—"
          />
          <TextInput
            {...common('email')}
            label={t.email}
            type="email"
            value={values.email}
            onChange={(event) => set('email', event.currentTarget.value)}
            autoComplete="off"
          />
          <TextInput
            {...common('phone')}
            label={t.phone}
            type="tel"
            value={values.phone}
            onChange={(event) => set('phone', event.currentTarget.value)}
            autoComplete="off"
          />
        </SimpleGrid>
        <DuplicateWarning
          workspace={workspace}
          email={values.email}
          {...(base ? { excludeId: base.id } : {})}
        />
        <Title order={3} fz="md">
          {t.consent}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <Select
            {...common('consentBasis')}
            {...portal}
            label={t.consentBasis}
            data={CONSENT_BASES.map((value) => ({ value, label: messages.network.consentBasis[value] }))}
            value={values.consentBasis || null}
            onChange={(value) => set('consentBasis', (value ?? '') as PersonFormValues['consentBasis'])}
            clearable
          />
          <TextInput
            {...common('consentOn')}
            label={t.consentOn}
            type="date"
            max={today()}
            value={values.consentOn}
            onChange={(event) => set('consentOn', event.currentTarget.value)}
          />
        </SimpleGrid>
        <TextInput
          {...common('consentSource')}
          label={t.consentSource}
          value={values.consentSource}
          onChange={(event) => set('consentSource', event.currentTarget.value)}
          autoComplete="off"
        />
        <Textarea
          {...common('notes')}
          label={t.notes}
          autosize
          minRows={2}
          maxRows={6}
          value={values.notes}
          onChange={(event) => set('notes', event.currentTarget.value)}
        />
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {f.cancel}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={conflict}>
            {f.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
