import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Progress,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, isApiError, unwrap } from '../../api/client.ts';
import { describeError, fieldErrorsOf } from '../../api/describe-error.ts';
import { formatDate } from '../../app/format.ts';
import { messages } from '../../messages/en.ts';
import { type OperatorWorkspaceDto, operatorWorkspacesQuery, settingsKeys } from './queries.ts';

const t = messages.operator;
const STATUS_COLOURS = { active: 'green', pending: 'blue', suspended: 'orange', deleting: 'red' } as const;

/** `/operator`: every workspace of the Hub with its size and coordinators; create, rename, suspend, delete. */
export function OperatorPage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const [deleting, setDeleting] = useState(false);
  const list = useQuery(operatorWorkspacesQuery(deleting));
  const items = list.data?.items ?? [];
  const anyDeleting = items.some((w) => w.status === 'deleting');
  if (anyDeleting !== deleting) setDeleting(anyDeleting);
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<OperatorWorkspaceDto | null>(null);
  const [removing, setRemoving] = useState<OperatorWorkspaceDto | null>(null);

  if (list.isError) {
    const forbidden = isApiError(list.error) && list.error.status === 403;
    return (
      <Stack maw={720}>
        <Title order={1}>{t.title}</Title>
        <Alert color={forbidden ? 'gray' : 'red'} role="alert" data-testid="operator-forbidden">
          {forbidden ? t.forbidden : describeError(list.error)}
        </Alert>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4} maw={720}>
          <Title order={1}>{t.title}</Title>
          <Text c="dimmed" fz="sm">
            {t.intro}
          </Text>
        </Stack>
        <Button onClick={() => setCreating(true)}>{t.create}</Button>
      </Group>
      {list.data && items.length === 0 && <Text>{t.none}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="sm" data-testid="operator-workspaces">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.name}</Table.Th>
                <Table.Th>{t.status}</Table.Th>
                <Table.Th>{t.created_at}</Table.Th>
                <Table.Th ta="right">{t.members}</Table.Th>
                <Table.Th ta="right">{t.organisations}</Table.Th>
                <Table.Th ta="right">{t.activities}</Table.Th>
                <Table.Th ta="right">{t.rows}</Table.Th>
                <Table.Th>{t.coordinators}</Table.Th>
                <Table.Th>{t.actions}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((w) => (
                <WorkspaceRow key={w.id} workspace={w} onRename={setRenaming} onDelete={setRemoving} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreateModal opened={creating} onClose={() => setCreating(false)} />
      {renaming && <RenameModal workspace={renaming} onClose={() => setRenaming(null)} />}
      {removing && <DeleteModal workspace={removing} onClose={() => setRemoving(null)} />}
    </Stack>
  );
}

function useOperatorMutation<T>(fn: (input: T) => Promise<unknown>, onDone?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: settingsKeys.operator });
      onDone?.();
    },
  });
}

function WorkspaceRow({
  workspace: w,
  onRename,
  onDelete,
}: {
  workspace: OperatorWorkspaceDto;
  onRename: (w: OperatorWorkspaceDto) => void;
  onDelete: (w: OperatorWorkspaceDto) => void;
}) {
  const status = useOperatorMutation((next: 'active' | 'suspended') =>
    unwrap(
      api.PATCH('/api/v1/operator/workspaces/{id}', {
        params: { path: { id: w.id } },
        body: { version: w.version, status: next },
      }),
    ),
  );
  const percent = Math.round((w.deletion?.progress ?? 0) * 100);
  return (
    <Table.Tr data-testid={`operator-workspace-${w.slug}`}>
      <Table.Td>
        <Text fw={600} fz="sm">
          {w.name}
        </Text>
        <Text fz="xs" c="dimmed">
          {w.slug}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge color={STATUS_COLOURS[w.status]} variant="light" tt="none" c="var(--mantine-color-text)">
          {t.statuses[w.status]}
        </Badge>
        {w.status === 'deleting' && (
          <Stack gap={2} mt={4} data-testid="deletion-progress">
            <Progress value={percent} aria-label={t.deleting(percent)} />
            <Text fz="xs">{t.deleting(percent)}</Text>
          </Stack>
        )}
      </Table.Td>
      <Table.Td>{formatDate(w.createdAt)}</Table.Td>
      <Table.Td ta="right">{w.sizes.members}</Table.Td>
      <Table.Td ta="right">{w.sizes.organisations}</Table.Td>
      <Table.Td ta="right">{w.sizes.activities}</Table.Td>
      <Table.Td ta="right">{w.sizes.rows}</Table.Td>
      <Table.Td>
        {w.coordinators.map((c) => (
          <Text key={c.email} fz="sm">
            {c.name ? `${c.name} · ` : ''}
            {c.email}
          </Text>
        ))}
      </Table.Td>
      <Table.Td>
        {w.status !== 'deleting' && (
          <Group gap={6} wrap="nowrap">
            <Button
              size="xs"
              variant="default"
              onClick={() => onRename(w)}
              aria-label={`${t.rename} ${w.name}`}
            >
              {t.rename}
            </Button>
            {w.status === 'active' && (
              <Button
                size="xs"
                variant="default"
                loading={status.isPending}
                onClick={() => status.mutate('suspended')}
                aria-label={`${t.suspend} ${w.name}`}
              >
                {t.suspend}
              </Button>
            )}
            {w.status === 'suspended' && (
              <Button
                size="xs"
                variant="default"
                loading={status.isPending}
                onClick={() => status.mutate('active')}
                aria-label={`${t.reactivate} ${w.name}`}
              >
                {t.reactivate}
              </Button>
            )}
            <Button
              size="xs"
              variant="default"
              onClick={() => onDelete(w)}
              aria-label={`${t.delete} ${w.name}`}
            >
              {t.delete}
            </Button>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function CreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [values, setValues] = useState({ slug: '', name: '', coordinatorEmail: '', coordinatorName: '' });
  const create = useOperatorMutation(() =>
    unwrap(
      api.POST('/api/v1/operator/workspaces', {
        body: {
          slug: values.slug.trim(),
          name: values.name.trim(),
          coordinatorEmail: values.coordinatorEmail.trim(),
          ...(values.coordinatorName.trim() ? { coordinatorName: values.coordinatorName.trim() } : {}),
        },
      }),
    ),
  );
  const errors = fieldErrorsOf(create.error);
  const close = () => {
    create.reset();
    setValues({ slug: '', name: '', coordinatorEmail: '', coordinatorName: '' });
    onClose();
  };
  const set = (field: keyof typeof values) => (event: { currentTarget: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.currentTarget.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(undefined);
  };
  const created = create.data as { setupUrl: string } | undefined;
  return (
    <Modal
      closeButtonProps={{ 'aria-label': messages.common.close }}
      opened={opened}
      onClose={close}
      title={t.createTitle}
    >
      {created ? (
        <Stack>
          <Text fz="sm">{t.created}</Text>
          <Text fz="sm" ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="created-setup-url">
            {created.setupUrl}
          </Text>
          <Button onClick={close}>{t.cancel}</Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {create.isError && Object.keys(errors).length === 0 && (
              <Alert color="red">{describeError(create.error)}</Alert>
            )}
            <TextInput
              label={t.name}
              required
              value={values.name}
              onChange={set('name')}
              error={errors.name}
            />
            <TextInput
              label={t.slug}
              required
              value={values.slug}
              onChange={set('slug')}
              error={errors.slug}
            />
            <TextInput
              label={t.coordinatorEmail}
              type="email"
              required
              value={values.coordinatorEmail}
              onChange={set('coordinatorEmail')}
              error={errors.coordinatorEmail}
            />
            <TextInput
              label={t.coordinatorName}
              value={values.coordinatorName}
              onChange={set('coordinatorName')}
              error={errors.coordinatorName}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t.cancel}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t.createSubmit}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function RenameModal({ workspace, onClose }: { workspace: OperatorWorkspaceDto; onClose: () => void }) {
  const [name, setName] = useState(workspace.name);
  const rename = useOperatorMutation(
    () =>
      unwrap(
        api.PATCH('/api/v1/operator/workspaces/{id}', {
          params: { path: { id: workspace.id } },
          body: { version: workspace.version, name: name.trim() },
        }),
      ),
    onClose,
  );
  const errors = fieldErrorsOf(rename.error);
  return (
    <Modal
      closeButtonProps={{ 'aria-label': messages.common.close }}
      opened
      onClose={onClose}
      title={t.renameTitle(workspace.name)}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          rename.mutate(undefined);
        }}
        noValidate
      >
        <Stack>
          {rename.isError && Object.keys(errors).length === 0 && (
            <Alert color="red">{describeError(rename.error)}</Alert>
          )}
          <TextInput
            label={t.name}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t.cancel}
            </Button>
            <Button type="submit" loading={rename.isPending}>
              {t.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function DeleteModal({ workspace, onClose }: { workspace: OperatorWorkspaceDto; onClose: () => void }) {
  const [confirmSlug, setConfirmSlug] = useState('');
  const remove = useOperatorMutation(
    () =>
      unwrap(
        api.POST('/api/v1/operator/workspaces/{id}/delete', {
          params: { path: { id: workspace.id } },
          body: { confirmSlug },
        }),
      ),
    onClose,
  );
  const errors = fieldErrorsOf(remove.error);
  return (
    <Modal
      closeButtonProps={{ 'aria-label': messages.common.close }}
      opened
      onClose={onClose}
      title={t.deleteTitle(workspace.name)}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          remove.mutate(undefined);
        }}
        noValidate
      >
        <Stack>
          <Alert color="red" variant="light">
            {t.deleteWarning}
          </Alert>
          {remove.isError && Object.keys(errors).length === 0 && (
            <Alert color="red">{describeError(remove.error)}</Alert>
          )}
          <TextInput
            label={t.confirmSlug(workspace.slug)}
            value={confirmSlug}
            onChange={(e) => setConfirmSlug(e.currentTarget.value)}
            error={errors.confirmSlug}
            autoComplete="off"
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t.cancel}
            </Button>
            <Button
              type="submit"
              color="red"
              disabled={confirmSlug !== workspace.slug}
              loading={remove.isPending}
            >
              {t.deleteSubmit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
