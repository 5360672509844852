import { Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, isApiError, unwrap } from '../api/client.ts';
import { fieldErrorsOf } from '../api/describe-error.ts';
import type { SavedViewDto, SavedViewList } from '../api/types.ts';
import { messages } from '../messages/en.ts';
import { workspaceKeys } from '../queries/keys.ts';
import { savedViewKeys, savedViewsQuery } from '../queries/saved-views.ts';
import { FailureAlert } from './alerts.tsx';
import { sameViewQuery, viewQueryOf } from './view-query.ts';

const t = messages.lists;
const NAME_MAX = 80;

/**
 * The saved views of a list: a menu to apply one (its filters and sort replace the address's), to
 * save the current filters under a name, and to rename or delete views. Views are the user's own,
 * kept on the server, so they follow the user to any browser.
 */
export function SavedViews({
  workspace,
  list,
  search,
  onApply,
}: {
  workspace: string;
  list: SavedViewList;
  /** The list's address parameters now. */
  search: Record<string, unknown>;
  onApply: (query: Record<string, string>) => void;
}) {
  const views = useQuery(savedViewsQuery(workspace, list));
  const [saving, setSaving] = useState(false);
  const [managing, setManaging] = useState(false);
  const current = viewQueryOf(search);
  const items = views.data?.items ?? [];
  const active = items.find((view) => sameViewQuery(view.query, current));

  return (
    <>
      <Menu position="bottom-end" withinPortal shadow="md" width={280}>
        <Menu.Target>
          <Button variant="default" leftSection={<ViewsIcon />} data-testid="saved-views-button">
            {active ? t.viewNamed(active.name) : t.views}
          </Button>
        </Menu.Target>
        <Menu.Dropdown data-testid="saved-views-menu">
          <Menu.Label>{t.yourViews}</Menu.Label>
          {items.length === 0 ? (
            <Menu.Item disabled>{views.isError ? t.viewsLoadError : t.noViews}</Menu.Item>
          ) : (
            items.map((view) => (
              <Menu.Item
                key={view.id}
                onClick={() => onApply(view.query)}
                rightSection={view.id === active?.id ? <CheckIcon /> : null}
                aria-current={view.id === active?.id ? 'true' : undefined}
              >
                {view.name}
              </Menu.Item>
            ))
          )}
          <Menu.Divider />
          <Menu.Item onClick={() => setSaving(true)}>{t.saveView}</Menu.Item>
          {items.length > 0 && <Menu.Item onClick={() => setManaging(true)}>{t.manageViews}</Menu.Item>}
        </Menu.Dropdown>
      </Menu>
      <SaveViewModal
        workspace={workspace}
        list={list}
        query={current}
        opened={saving}
        onClose={() => setSaving(false)}
      />
      <ManageViewsModal
        workspace={workspace}
        list={list}
        views={items}
        opened={managing}
        onClose={() => setManaging(false)}
      />
    </>
  );
}

/** After any change: the list's views, and the audit log that records it. */
function useRefreshViews(workspace: string, list: SavedViewList) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: savedViewKeys.list(workspace, list) }),
      queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
    ]);
}

/** The name rule of the server: 1 to 80 characters once trimmed. */
function nameError(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return t.nameRequired;
  if (trimmed.length > NAME_MAX) return t.nameTooLong(NAME_MAX);
  return null;
}

function SaveViewModal({
  workspace,
  list,
  query,
  opened,
  onClose,
}: {
  workspace: string;
  list: SavedViewList;
  query: Record<string, string>;
  opened: boolean;
  onClose: () => void;
}) {
  const refresh = useRefreshViews(workspace, list);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/saved-views', {
          params: { path: { workspace } },
          body: { list, name: name.trim(), query },
        }),
      ),
    onSuccess: async () => {
      await refresh();
      close();
    },
    onError: (failure) => setError(fieldErrorsOf(failure).name ?? null),
  });
  const close = () => {
    setName('');
    setError(null);
    save.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = nameError(name);
    setError(problem);
    if (!problem) save.mutate();
  };
  const unplaced = save.isError && !(isApiError(save.error) && fieldErrorsOf(save.error).name);

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t.saveTitle}
      centered
      closeButtonProps={{ 'aria-label': messages.common.close }}
      styles={{ title: { fontWeight: 650 } }}
    >
      <form onSubmit={submit} noValidate data-testid="save-view-form">
        <Stack gap="md">
          <Text fz="sm" c="dimmed">
            {t.saveIntro}
          </Text>
          {unplaced && <FailureAlert testId="save-view-error" title={t.saveFailed} error={save.error} />}
          <TextInput
            label={t.viewName}
            placeholder={t.viewNamePlaceholder}
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={error}
            autoComplete="off"
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {messages.common.cancel}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type Editing =
  | { mode: 'list' }
  | { mode: 'rename'; view: SavedViewDto }
  | { mode: 'delete'; view: SavedViewDto };

/** Rename or delete views; deleting asks once more. */
function ManageViewsModal({
  workspace,
  list,
  views,
  opened,
  onClose,
}: {
  workspace: string;
  list: SavedViewList;
  views: SavedViewDto[];
  opened: boolean;
  onClose: () => void;
}) {
  const refresh = useRefreshViews(workspace, list);
  const [editing, setEditing] = useState<Editing>({ mode: 'list' });
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const back = () => {
    setEditing({ mode: 'list' });
    setError(null);
    rename.reset();
    remove.reset();
  };
  const rename = useMutation({
    mutationFn: (view: SavedViewDto) =>
      unwrap(
        api.PATCH('/api/v1/workspaces/{workspace}/saved-views/{id}', {
          params: { path: { workspace, id: view.id } },
          body: { version: view.version, name: name.trim() },
        }),
      ),
    onSuccess: async () => {
      await refresh();
      back();
    },
    onError: (failure) => setError(fieldErrorsOf(failure).name ?? null),
  });
  const remove = useMutation({
    mutationFn: (view: SavedViewDto) =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspace}/saved-views/{id}', {
          params: { path: { workspace, id: view.id }, query: { version: view.version } },
        }),
      ),
    onSuccess: async () => {
      await refresh();
      back();
    },
  });
  const close = () => {
    back();
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t.manageTitle}
      centered
      closeButtonProps={{ 'aria-label': messages.common.close }}
      styles={{ title: { fontWeight: 650 } }}
    >
      {editing.mode === 'delete' ? (
        <Stack gap="md" data-testid="delete-view-confirm">
          <Text fz="sm">{t.deleteBody(editing.view.name)}</Text>
          {remove.isError && (
            <FailureAlert testId="delete-view-error" title={t.deleteFailed} error={remove.error} />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={back}>
              {messages.common.cancel}
            </Button>
            <Button color="red.9" onClick={() => remove.mutate(editing.view)} loading={remove.isPending}>
              {t.deleteConfirm}
            </Button>
          </Group>
        </Stack>
      ) : editing.mode === 'rename' ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const problem = nameError(name);
            setError(problem);
            if (!problem) rename.mutate(editing.view);
          }}
        >
          <Stack gap="md">
            {rename.isError && !fieldErrorsOf(rename.error).name && (
              <FailureAlert testId="rename-view-error" title={t.renameFailed} error={rename.error} />
            )}
            <TextInput
              label={t.newName(editing.view.name)}
              required
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={error}
              autoComplete="off"
              data-autofocus
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={back}>
                {messages.common.cancel}
              </Button>
              <Button type="submit" loading={rename.isPending}>
                {t.rename}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {views.length === 0 && (
            <Text component="li" c="dimmed" fz="sm">
              {t.noViews}
            </Text>
          )}
          {views.map((view) => (
            <Group component="li" key={view.id} justify="space-between" gap="sm" wrap="nowrap">
              <Text fz="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {view.name}
              </Text>
              <Group gap={6} wrap="nowrap">
                <Button
                  size="xs"
                  variant="default"
                  aria-label={t.renameLabel(view.name)}
                  onClick={() => {
                    setName(view.name);
                    setEditing({ mode: 'rename', view });
                  }}
                >
                  {t.rename}
                </Button>
                <Button
                  size="xs"
                  variant="outline"
                  color="red.9"
                  aria-label={t.deleteLabel(view.name)}
                  onClick={() => setEditing({ mode: 'delete', view })}
                >
                  {t.delete}
                </Button>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Modal>
  );
}

function ViewsIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false" {...stroke}>
      <path d="M6 3h12v18l-6-4-6 4z" />
    </svg>
  );
}

function CheckIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" focusable="false" {...stroke}>
      <path d="M5 12l5 5 9-10" />
    </svg>
  );
}

const stroke = {
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;
