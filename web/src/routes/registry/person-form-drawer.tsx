import {
  Button,
  Checkbox,
  Divider,
  Drawer,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, isApiError, unwrap } from '../../api/client.ts';
import type { PersonDto } from '../../api/types.ts';
import { useAbilities } from '../../app/abilities.ts';
import { ConflictAlert, FailureAlert } from '../../components/alerts.tsx';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { BELOW } from '../../components/form-layout.ts';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { organisationDirectoryQuery } from '../../queries/organisations.ts';
import {
  emptyPersonForm,
  PERSON_FIELDS,
  type PersonField,
  type PersonFormValues,
  personBodyOf,
  personPatchOf,
  personValuesOf,
  validatePerson,
} from './person-form.ts';
import { registryKeys } from './queries.ts';

const t = messages.people;

export type PersonDrawerState =
  | { mode: 'closed' }
  | { mode: 'create'; organisationId?: string }
  | { mode: 'edit'; person: PersonDto };

/** Adds a person, or edits and deletes one (deleting behind a confirmation). */
export function PersonFormDrawer({
  workspace,
  state,
  onClose,
}: {
  workspace: string;
  state: PersonDrawerState;
  onClose: () => void;
}) {
  return (
    <Drawer
      opened={state.mode !== 'closed'}
      onClose={onClose}
      title={state.mode === 'edit' ? t.editTitle(state.person.name) : t.addTitle}
      position="right"
      size="md"
      padding="lg"
      closeButtonProps={{ 'aria-label': messages.common.close }}
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {state.mode !== 'closed' && (
        <PersonForm
          key={state.mode === 'edit' ? state.person.id : 'new'}
          workspace={workspace}
          initial={state.mode === 'edit' ? state.person : null}
          presetOrganisation={state.mode === 'create' ? (state.organisationId ?? '') : ''}
          onDone={onClose}
        />
      )}
    </Drawer>
  );
}

function PersonForm({
  workspace,
  initial,
  presetOrganisation,
  onDone,
}: {
  workspace: string;
  initial: PersonDto | null;
  presetOrganisation: string;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const directory = useQuery(organisationDirectoryQuery(workspace));
  const [base, setBase] = useState<PersonDto | null>(initial);
  const form = useFormState(
    initial ? personValuesOf(initial) : emptyPersonForm(presetOrganisation),
    PERSON_FIELDS,
    'person',
  );
  const { values, set, field } = form;
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  // The organisations the person may be placed at: a cluster manager's cluster's, a member's own.
  const abilities = useAbilities(workspace);
  const choosable = (directory.data ?? []).filter((o) =>
    abilities.can(base ? 'person.update' : 'person.create', { clusterId: o.clusterId, organisationId: o.id }),
  );
  const clusterOf = (organisationId: string | null) =>
    organisationId ? (directory.data?.find((o) => o.id === organisationId)?.clusterId ?? null) : null;
  const mayDelete = base
    ? abilities.can('person.delete', {
        clusterId: clusterOf(base.organisationId),
        organisationId: base.organisationId,
      })
    : false;

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: registryKeys.people(workspace) }),
      queryClient.invalidateQueries({ queryKey: registryKeys.organisations(workspace) }),
      queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
    ]);

  const save = useMutation({
    mutationFn: (next: PersonFormValues) =>
      base
        ? unwrap(
            api.PATCH('/api/v1/workspaces/{workspace}/people/{id}', {
              params: { path: { workspace, id: base.id } },
              body: personPatchOf(base, next),
            }),
          )
        : unwrap(
            api.POST('/api/v1/workspaces/{workspace}/people', {
              params: { path: { workspace } },
              body: personBodyOf(next),
            }),
          ),
    onSuccess: async () => {
      await refresh();
      onDone();
    },
    onError: form.showServer,
  });

  const reload = useMutation({
    mutationFn: () => {
      if (!base) throw new Error('nothing to reload');
      return unwrap(
        api.GET('/api/v1/workspaces/{workspace}/people/{id}', {
          params: { path: { workspace, id: base.id } },
        }),
      );
    },
    onSuccess: (fresh) => {
      setBase(fresh);
      form.setValues(personValuesOf(fresh));
      form.setErrors({});
      save.reset();
      void refresh();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.check(validatePerson(values))) save.mutate(values);
  };

  const conflict = isApiError(save.error) && save.error.status === 409;
  const unplaced = save.isError && !conflict && !form.placed(save.error) ? save.error : null;
  const common = (name: PersonField) => ({
    ...field(name),
    inputWrapperOrder: BELOW,
  });

  return (
    <form onSubmit={submit} noValidate data-testid="person-form">
      <Stack gap="md">
        {conflict && (
          <ConflictAlert
            testId="person-conflict"
            body={t.conflictBody}
            onReload={() => reload.mutate()}
            reloading={reload.isPending}
            reloadError={reload.error}
          />
        )}
        {unplaced ? <FailureAlert testId="person-save-error" title={t.saveFailed} error={unplaced} /> : null}
        <TextInput
          {...common('name')}
          label={t.name}
          required
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          autoComplete="off"
          data-autofocus
        />
        <Select
          {...common('organisationId')}
          label={t.organisation}
          description={t.organisationHint}
          placeholder={t.noOrganisation}
          data={choosable.map((o) => ({ value: o.id, label: `${o.name} (${o.country})` }))}
          value={values.organisationId || null}
          onChange={(value) => set('organisationId', value ?? '')}
          searchable
          clearable
          limit={50}
          nothingFoundMessage="—"
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          {...common('roleTitle')}
          label={t.roleTitle}
          value={values.roleTitle}
          onChange={(event) => set('roleTitle', event.currentTarget.value)}
          autoComplete="off"
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput
            {...common('email')}
            label={t.email}
            description={t.emailHint}
            type="email"
            value={values.email}
            onChange={(event) => set('email', event.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
          />
          <TextInput
            {...common('phone')}
            label={t.phone}
            description={t.phoneHint}
            type="tel"
            value={values.phone}
            onChange={(event) => set('phone', event.currentTarget.value)}
            autoComplete="off"
          />
        </SimpleGrid>
        <Checkbox
          id="person-consent"
          label={t.consentLabel}
          description={t.consentHint}
          checked={values.consent}
          onChange={(event) => set('consent', event.currentTarget.checked)}
          error={form.errors.consent}
        />
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onDone}>
            {messages.common.cancel}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={conflict}>
            {base ? t.save : t.create}
          </Button>
        </Group>
        {base && mayDelete && (
          <>
            <Divider mt="md" />
            <Group justify="flex-end">
              <Button variant="outline" color="red.9" onClick={() => setConfirmingDelete(true)}>
                {t.delete}
              </Button>
            </Group>
          </>
        )}
      </Stack>
      {base && (
        <DeletePersonModal
          workspace={workspace}
          person={base}
          opened={confirmingDelete}
          onClose={() => setConfirmingDelete(false)}
          onDeleted={async () => {
            setConfirmingDelete(false);
            await refresh();
            onDone();
          }}
        />
      )}
    </form>
  );
}

function DeletePersonModal({
  workspace,
  person,
  opened,
  onClose,
  onDeleted,
}: {
  workspace: string;
  person: PersonDto;
  opened: boolean;
  onClose: () => void;
  onDeleted: () => Promise<void>;
}) {
  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspace}/people/{id}', {
          params: { path: { workspace, id: person.id }, query: { version: person.version } },
        }),
      ),
    onSuccess: onDeleted,
  });
  return (
    <ConfirmModal
      opened={opened}
      title={t.deleteTitle(person.name)}
      confirmLabel={t.deleteConfirm}
      failedTitle={t.deleteFailed}
      errorTestId="person-delete-error"
      action={remove}
      onConfirm={() => remove.mutate()}
      onClose={onClose}
    >
      <Text fz="sm">{t.deleteBody(person.name)}</Text>
    </ConfirmModal>
  );
}
