import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { QUESTIONNAIRE_KINDS, type QuestionnaireKind } from '../../../../src/domain/surveys/types.ts';
import { api, unwrap } from '../../api/client.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { FailureAlert } from '../../components/alerts.tsx';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { TableSkeleton } from '../../components/skeletons.tsx';
import { usePhone } from '../../components/use-phone.ts';
import { messages } from '../../messages/en.ts';
import { FormButtons, FormDrawer } from '../planning/parts.tsx';
import {
  type QuestionnaireDto,
  type QuestionnaireFilters,
  questionnaireKeys,
  questionnaireListQuery,
} from './questionnaire-queries.ts';

const t = messages.surveys;
const portal = { comboboxProps: { withinPortal: true } };

type Pending = { kind: 'archive' | 'delete'; questionnaire: QuestionnaireDto } | null;

/** The workspace's questionnaires (issue 23): list, filters, new, default, archive, restore, delete. */
export function QuestionnairesTab({ workspace }: { workspace: string }) {
  const [filters, setFilters] = useState<QuestionnaireFilters>({});
  const [q, setQ] = useState('');
  const search = useDebouncedCallback((value: string) => {
    setFilters((previous) => {
      const { q: _old, ...rest } = previous;
      return value.trim() ? { ...rest, q: value.trim() } : rest;
    });
  }, 300);
  const list = useInfiniteQuery(questionnaireListQuery(workspace, filters));
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const phone = usePhone();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: questionnaireKeys.all(workspace) });
  const open = (id: string) =>
    void navigate({
      to: '/w/$workspace/surveys/questionnaires/$questionnaireId',
      params: { workspace, questionnaireId: id },
    });

  const addDefault = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/surveys/questionnaires', {
          params: { path: { workspace } },
          body: { fromDefault: true },
        }),
      ),
    onSuccess: (created) => {
      void refresh();
      open(created.id);
    },
  });
  const setStatus = useMutation({
    mutationFn: ({
      questionnaire,
      action,
    }: {
      questionnaire: QuestionnaireDto;
      action: 'archive' | 'restore';
    }) =>
      unwrap(
        api.POST(`/api/v1/workspaces/{workspace}/surveys/questionnaires/{id}/${action}`, {
          params: { path: { workspace, id: questionnaire.id } },
          body: { version: questionnaire.version },
        }),
      ),
    onSuccess: () => {
      setPending(null);
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (questionnaire: QuestionnaireDto) =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspace}/surveys/questionnaires/{id}', {
          params: { path: { workspace, id: questionnaire.id }, query: { version: questionnaire.version } },
        }),
      ),
    onSuccess: () => {
      setPending(null);
      void refresh();
    },
  });

  const first = list.data?.pages[0];
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const canManage = first?.canManage ?? false;
  const filtered = Boolean(filters.q || filters.kind || filters.status);
  const offerDefault = canManage && first !== undefined && !first.hasDefault;

  const actions = (questionnaire: QuestionnaireDto) =>
    canManage ? (
      <Group gap={6} wrap="nowrap">
        {questionnaire.status === 'active' ? (
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => setPending({ kind: 'archive', questionnaire })}
            aria-label={`${t.list.archive}: ${questionnaire.name}`}
          >
            {t.list.archive}
          </Button>
        ) : (
          <Button
            size="compact-sm"
            variant="default"
            loading={setStatus.isPending}
            onClick={() => setStatus.mutate({ questionnaire, action: 'restore' })}
            aria-label={`${t.list.restore}: ${questionnaire.name}`}
          >
            {t.list.restore}
          </Button>
        )}
        {questionnaire.waveCount === 0 && (
          <Button
            size="compact-sm"
            variant="outline"
            color="red.9"
            onClick={() => setPending({ kind: 'delete', questionnaire })}
            aria-label={`${t.list.delete}: ${questionnaire.name}`}
            data-testid="questionnaire-delete"
          >
            {t.list.delete}
          </Button>
        )}
      </Group>
    ) : null;

  return (
    <Stack gap="md" data-testid="questionnaires-tab">
      <Group justify="space-between" align="flex-end" gap="md">
        <Text c="dimmed" maw={640}>
          {t.list.intro}
        </Text>
        {canManage && (
          <Group gap="sm">
            {offerDefault && (
              <Button
                variant="light"
                onClick={() => addDefault.mutate()}
                loading={addDefault.isPending}
                data-testid="questionnaire-add-default"
              >
                {t.list.addDefault}
              </Button>
            )}
            <Button
              leftSection={<PlusIcon />}
              onClick={() => setCreating(true)}
              data-testid="questionnaire-new"
            >
              {t.list.newQuestionnaire}
            </Button>
          </Group>
        )}
      </Group>
      {addDefault.isError && (
        <FailureAlert testId="questionnaire-default-error" title={t.form.failed} error={addDefault.error} />
      )}
      {setStatus.isError && (
        <FailureAlert
          testId="questionnaire-status-error"
          title={t.list.actionFailed}
          error={setStatus.error}
        />
      )}

      <Paper component="section" aria-label={t.list.search} withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
          <TextInput
            label={t.list.search}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              search(e.currentTarget.value);
            }}
          />
          <Select
            {...portal}
            label={t.list.kind}
            placeholder={t.list.any}
            data={QUESTIONNAIRE_KINDS.map((value) => ({ value, label: t.kinds[value] ?? value }))}
            value={filters.kind ?? null}
            onChange={(value) =>
              setFilters(({ kind: _k, ...rest }) =>
                value ? { ...rest, kind: value as QuestionnaireKind } : rest,
              )
            }
            clearable
          />
          <Select
            {...portal}
            label={t.list.status}
            placeholder={t.list.any}
            data={(['active', 'archived'] as const).map((value) => ({
              value,
              label: t.statuses[value] ?? value,
            }))}
            value={filters.status ?? null}
            onChange={(value) =>
              setFilters(({ status: _s, ...rest }) =>
                value ? { ...rest, status: value as 'active' | 'archived' } : rest,
              )
            }
            clearable
          />
        </SimpleGrid>
      </Paper>

      {list.isPending ? (
        <TableSkeleton label={t.list.loading} columns={6} />
      ) : list.isError ? (
        <ErrorState
          title={t.list.loadError}
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : items.length === 0 ? (
        <EmptyState
          testId="questionnaires-empty"
          title={filtered ? t.list.noMatchTitle : t.list.emptyTitle}
          body={filtered ? t.list.noMatchBody : t.list.emptyBody}
          action={
            !filtered && canManage ? (
              <Button variant="light" mt="sm" onClick={() => setCreating(true)}>
                {t.list.newQuestionnaire}
              </Button>
            ) : null
          }
        />
      ) : phone ? (
        <Stack gap="sm" data-testid="questionnaire-cards">
          {items.map((questionnaire) => (
            <Paper key={questionnaire.id} withBorder radius="md" p="md" data-testid="questionnaire-card">
              <Stack gap={6}>
                <QuestionnaireLink workspace={workspace} questionnaire={questionnaire} />
                <Group gap={6}>
                  <KindBadge kind={questionnaire.kind} />
                  <StatusBadge status={questionnaire.status} />
                </Group>
                <Text fz="sm" c="dimmed">
                  {[
                    versionLabel(questionnaire.currentVersion),
                    t.list.waveCount(String(questionnaire.waveCount)),
                    t.list.questionCount(String(questionnaire.questionCount)),
                  ].join(' · ')}
                </Text>
                {actions(questionnaire)}
              </Stack>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={760} type="native" tabIndex={0} aria-label={t.list.caption}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover striped="even">
              <VisuallyHidden component="caption">{t.list.caption}</VisuallyHidden>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th scope="col">{t.list.columns.name}</Table.Th>
                  <Table.Th scope="col">{t.list.columns.kind}</Table.Th>
                  <Table.Th scope="col">{t.list.columns.status}</Table.Th>
                  <Table.Th scope="col">{t.list.columns.version}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t.list.columns.waves}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t.list.columns.questions}
                  </Table.Th>
                  {canManage && <Table.Th scope="col">{t.list.columns.actions}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((questionnaire) => (
                  <Table.Tr key={questionnaire.id} data-testid="questionnaire-row">
                    <Table.Td>
                      <QuestionnaireLink workspace={workspace} questionnaire={questionnaire} />
                    </Table.Td>
                    <Table.Td>
                      <KindBadge kind={questionnaire.kind} />
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={questionnaire.status} />
                    </Table.Td>
                    <Table.Td>{versionLabel(questionnaire.currentVersion)}</Table.Td>
                    <Table.Td ta="right">{questionnaire.waveCount}</Table.Td>
                    <Table.Td ta="right">{questionnaire.questionCount}</Table.Td>
                    {canManage && <Table.Td>{actions(questionnaire)}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            {t.list.loadMore}
          </Button>
        </Group>
      )}

      <NewQuestionnaireDrawer
        workspace={workspace}
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          void refresh();
          open(id);
        }}
      />
      <ConfirmModal
        opened={pending?.kind === 'delete'}
        title={t.list.deleteTitle}
        confirmLabel={t.list.delete}
        failedTitle={t.list.deleteFailed}
        errorTestId="questionnaire-delete-error"
        action={remove}
        onConfirm={() => pending && remove.mutate(pending.questionnaire)}
        onClose={() => setPending(null)}
      >
        <Text fz="sm">{pending ? t.list.deleteBody(pending.questionnaire.name) : ''}</Text>
      </ConfirmModal>
      <ConfirmModal
        opened={pending?.kind === 'archive'}
        title={t.list.archiveTitle}
        confirmLabel={t.list.archive}
        failedTitle={t.list.actionFailed}
        errorTestId="questionnaire-archive-error"
        action={setStatus}
        onConfirm={() =>
          pending && setStatus.mutate({ questionnaire: pending.questionnaire, action: 'archive' })
        }
        onClose={() => setPending(null)}
      >
        <Text fz="sm">{pending ? t.list.archiveBody(pending.questionnaire.name) : ''}</Text>
      </ConfirmModal>
    </Stack>
  );
}

function versionLabel(version: number): string {
  return version === 0 ? t.list.neverSent : t.list.versionNumber(String(version));
}

function QuestionnaireLink({
  workspace,
  questionnaire,
}: {
  workspace: string;
  questionnaire: QuestionnaireDto;
}) {
  return (
    <AnchorLink
      to="/w/$workspace/surveys/questionnaires/$questionnaireId"
      params={{ workspace, questionnaireId: questionnaire.id }}
      fz="sm"
      fw={600}
      style={{ overflowWrap: 'anywhere' }}
    >
      {questionnaire.name}
    </AnchorLink>
  );
}

export function KindBadge({ kind }: { kind: string }) {
  return (
    <Badge variant="light" color="indigo" c="indigo.9" tt="none">
      {t.kinds[kind] ?? kind}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge variant="outline" color="gray" c="var(--mantine-color-text)" tt="none">
      {t.statuses[status] ?? status}
    </Badge>
  );
}

function NewQuestionnaireDrawer({
  workspace,
  opened,
  onClose,
  onCreated,
}: {
  workspace: string;
  opened: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<QuestionnaireKind>('general');
  const [description, setDescription] = useState('');
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/surveys/questionnaires', {
          params: { path: { workspace } },
          body: { name: name.trim(), kind, description },
        }),
      ),
    onSuccess: (created) => {
      setName('');
      setDescription('');
      onCreated(created.id);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) create.mutate();
  };
  return (
    <FormDrawer opened={opened} onClose={onClose} title={opened ? t.form.title : ''}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t.form.name}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            data-autofocus
            data-testid="questionnaire-name"
          />
          <Select
            {...portal}
            label={t.form.kind}
            description={t.form.kindHelp}
            data={QUESTIONNAIRE_KINDS.map((value) => ({ value, label: t.kinds[value] ?? value }))}
            value={kind}
            onChange={(value) => value && setKind(value as QuestionnaireKind)}
            allowDeselect={false}
            data-testid="questionnaire-kind"
          />
          <Textarea
            label={t.form.description}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          {create.isError && (
            <FailureAlert testId="questionnaire-create-error" title={t.form.failed} error={create.error} />
          )}
          <FormButtons
            onCancel={onClose}
            submitLabel={t.form.create}
            pending={create.isPending}
            disabled={!name.trim()}
          />
        </Stack>
      </form>
    </FormDrawer>
  );
}
