import {
  Alert,
  Button,
  Divider,
  Drawer,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, isApiError, unwrap } from '../../api/client.ts';
import { describeError } from '../../api/describe-error.ts';
import type { ClusterDto } from '../../api/types.ts';
import { useAbilities } from '../../app/abilities.ts';
import { countryName, isKnownCountryCode } from '../../app/format.ts';
import { ConflictAlert, FailureAlert } from '../../components/alerts.tsx';
import { BELOW } from '../../components/form-layout.ts';
import { NumberField } from '../../components/number-field.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import {
  bodyOf,
  CLUSTER_FIELDS,
  type ClusterFormValues,
  EMPTY_CLUSTER_FORM,
  patchOf,
  validateCluster,
  valuesOf,
} from './cluster-form.ts';
import { clusterQuery } from './queries.ts';

/** Whether the cluster drawer is closed, adding a cluster, or editing one. */
export type DrawerState = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; cluster: ClusterDto };

const t = messages.clusters;

/** The drawer that adds a cluster (coordinators) or edits one (coordinators, its cluster manager). */
export function ClusterFormDrawer({
  workspace,
  state,
  onClose,
}: {
  workspace: string;
  state: DrawerState;
  onClose: () => void;
}) {
  const title =
    state.mode === 'edit' ? t.editTitle(state.cluster.name) : state.mode === 'create' ? t.addTitle : '';
  return (
    <Drawer
      opened={state.mode !== 'closed'}
      onClose={onClose}
      title={title}
      position="right"
      size="md"
      padding="lg"
      closeButtonProps={{ 'aria-label': messages.common.close }}
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {state.mode !== 'closed' && (
        <ClusterForm
          key={state.mode === 'edit' ? state.cluster.id : 'new'}
          workspace={workspace}
          initial={state.mode === 'edit' ? state.cluster : null}
          onDone={onClose}
        />
      )}
    </Drawer>
  );
}

function ClusterForm({
  workspace,
  initial,
  onDone,
}: {
  workspace: string;
  initial: ClusterDto | null;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [base, setBase] = useState<ClusterDto | null>(initial);
  const form = useFormState(initial ? valuesOf(initial) : EMPTY_CLUSTER_FORM, CLUSTER_FIELDS, 'cluster');
  const { values, errors, set } = form;
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const abilities = useAbilities(workspace);

  const refreshLists = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: workspaceKeys.clusters(workspace) }),
      queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
    ]);

  const save = useMutation({
    mutationFn: (next: ClusterFormValues) =>
      base
        ? unwrap(
            api.PATCH('/api/v1/workspaces/{workspace}/clusters/{id}', {
              params: { path: { workspace, id: base.id } },
              body: patchOf(base, next),
            }),
          )
        : unwrap(
            api.POST('/api/v1/workspaces/{workspace}/clusters', {
              params: { path: { workspace } },
              body: bodyOf(next),
            }),
          ),
    onSuccess: async () => {
      await refreshLists();
      onDone();
    },
    onError: form.showServer,
  });

  const reload = useMutation({
    mutationFn: () => {
      if (!base) throw new Error('nothing to reload');
      return queryClient.fetchQuery(clusterQuery(workspace, base.id));
    },
    onSuccess: (fresh) => {
      setBase(fresh);
      form.setValues(valuesOf(fresh));
      form.setErrors({});
      save.reset();
      void refreshLists();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.check(validateCluster(values))) save.mutate(values);
  };

  const conflict = isApiError(save.error) && save.error.status === 409;
  const unplacedError = save.isError && !conflict && !form.placed(save.error) ? save.error : null;
  const countryLabel =
    values.country && /^[A-Z]{2}$/.test(values.country) && isKnownCountryCode(values.country)
      ? countryName(values.country)
      : messages.forms.country.hint;

  return (
    <form onSubmit={submit} noValidate data-testid="cluster-form">
      <Stack gap="md">
        {conflict && (
          <ConflictAlert
            testId="cluster-conflict"
            title={t.conflictTitle}
            body={t.conflictBody}
            reloadLabel={t.reload}
            onReload={() => reload.mutate()}
            reloading={reload.isPending}
            reloadError={reload.error}
          />
        )}
        {unplacedError ? (
          <FailureAlert testId="cluster-save-error" title={t.saveFailed} error={unplacedError} />
        ) : null}
        <TextInput
          id="cluster-name"
          label={t.name}
          required
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          error={errors.name}
          autoComplete="off"
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput
            id="cluster-shortName"
            label={t.shortName}
            description={t.shortNameHint}
            inputWrapperOrder={BELOW}
            required
            value={values.shortName}
            onChange={(event) => set('shortName', event.currentTarget.value)}
            error={errors.shortName}
            autoComplete="off"
          />
          <TextInput
            id="cluster-country"
            label={t.country}
            description={countryLabel}
            inputWrapperOrder={BELOW}
            required
            value={values.country}
            onChange={(event) => set('country', event.currentTarget.value.toUpperCase())}
            error={errors.country}
            autoComplete="off"
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: 1 } }}
          />
          <TextInput
            id="cluster-city"
            label={t.city}
            inputWrapperOrder={BELOW}
            required
            value={values.city}
            onChange={(event) => set('city', event.currentTarget.value)}
            error={errors.city}
            autoComplete="off"
          />
          <NumberField
            id="cluster-dayRateEur"
            label={t.dayRate}
            description={t.dayRateHint}
            inputWrapperOrder={BELOW}
            required
            value={values.dayRateEur}
            onChange={(value) => set('dayRateEur', value)}
            error={errors.dayRateEur}
            thousandSeparator=","
            prefix="€"
            hideControls
          />
        </SimpleGrid>
        <TextInput
          id="cluster-website"
          label={t.website}
          description={t.websiteHint}
          inputWrapperOrder={BELOW}
          type="url"
          value={values.website}
          onChange={(event) => set('website', event.currentTarget.value)}
          error={errors.website}
          autoComplete="off"
          placeholder="https://"
        />
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onDone}>
            {messages.common.cancel}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={conflict}>
            {base ? t.save : t.create}
          </Button>
        </Group>
        {base && abilities.can('cluster.delete', { clusterId: base.id }) && (
          <>
            <Divider mt="md" />
            <Group justify="space-between" gap="sm" wrap="nowrap">
              <Text fz="sm" c="dimmed">
                {t.deleteHint}
              </Text>
              <Button
                variant="outline"
                color="red.9"
                style={{ flexShrink: 0 }}
                onClick={() => setConfirmingDelete(true)}
              >
                {t.delete}
              </Button>
            </Group>
          </>
        )}
      </Stack>
      {base && (
        <DeleteClusterModal
          workspace={workspace}
          cluster={base}
          opened={confirmingDelete}
          onClose={() => setConfirmingDelete(false)}
          onDeleted={async () => {
            setConfirmingDelete(false);
            await refreshLists();
            onDone();
          }}
        />
      )}
    </form>
  );
}

function DeleteClusterModal({
  workspace,
  cluster,
  opened,
  onClose,
  onDeleted,
}: {
  workspace: string;
  cluster: ClusterDto;
  opened: boolean;
  onClose: () => void;
  onDeleted: () => Promise<void>;
}) {
  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspace}/clusters/{id}', {
          params: { path: { workspace, id: cluster.id }, query: { version: cluster.version } },
        }),
      ),
    onSuccess: onDeleted,
  });
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t.deleteTitle(cluster.name)}
      centered
      closeButtonProps={{ 'aria-label': messages.common.close }}
      styles={{ title: { fontWeight: 650 } }}
    >
      <Stack gap="md">
        <Text fz="sm">{t.deleteBody(`${cluster.name} (${cluster.shortName})`)}</Text>
        {remove.isError && (
          <Alert
            color="red"
            variant="light"
            title={t.deleteFailed}
            role="alert"
            data-testid="cluster-delete-error"
            styles={{
              root: { borderLeft: '4px solid var(--mantine-color-red-9)' },
              title: { color: 'var(--mantine-color-text)' },
            }}
          >
            <Text fz="sm">
              {isApiError(remove.error) && remove.error.status === 409
                ? remove.error.detail
                : describeError(remove.error)}
            </Text>
          </Alert>
        )}
        <Divider />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {messages.common.cancel}
          </Button>
          <Button color="red.9" onClick={() => remove.mutate()} loading={remove.isPending}>
            {t.deleteConfirm(cluster.shortName)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
