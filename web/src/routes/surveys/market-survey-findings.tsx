import {
  Box,
  Button,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, isApiError, unwrap } from '../../api/client.ts';
import type { MarketFindingDto, MarketFindingListDto } from '../../api/types.ts';
import { useAbilities } from '../../app/abilities.ts';
import { formatDate } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { ConflictAlert, FailureAlert } from '../../components/alerts.tsx';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { FormButtons, FormDrawer, LongText, Section } from '../planning/parts.tsx';
import { planningKeys } from '../planning/queries.ts';

const t = messages.marketSurveys;
/** The server's limits (src/features/market-findings/schema.ts). */
const TITLE_MAX = 300;
const BODY_MAX = 10_000;
const PAGE = 20;

/** Under the market's key: a change of the market refreshes its findings too. */
const findingsKey = (workspace: string, marketId: string) =>
  [...planningKeys.market(workspace, marketId), 'survey-findings'] as const;

function findingsQuery(workspace: string, marketId: string) {
  return infiniteQueryOptions({
    queryKey: findingsKey(workspace, marketId),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/markets/{marketId}/findings', {
          params: {
            path: { workspace, marketId },
            query: { limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: MarketFindingListDto) => last.nextCursor ?? undefined,
  });
}

/** The drawer's state: closed, adding, or editing one finding. */
type Editing = { kind: 'closed' } | { kind: 'add' } | { kind: 'edit'; finding: MarketFindingDto };

/**
 * A market's findings in its dossier (issue 23 item 5): what market surveys, desk research and
 * visits found, newest first, each naming the survey wave it comes from (a link to the wave for
 * those who read surveys). Its editors add, edit (with the version read) and delete (confirmed).
 */
export function MarketSurveyFindings({ workspace, marketId }: { workspace: string; marketId: string }) {
  const list = useInfiniteQuery(findingsQuery(workspace, marketId));
  const abilities = useAbilities(workspace);
  const [editing, setEditing] = useState<Editing>({ kind: 'closed' });
  const [deleting, setDeleting] = useState<MarketFindingDto | null>(null);
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: findingsKey(workspace, marketId) }),
      queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
    ]);
  const remove = useMutation({
    mutationFn: (finding: MarketFindingDto) =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspace}/markets/{marketId}/findings/{id}', {
          params: { path: { workspace, marketId, id: finding.id }, query: { version: finding.version } },
        }),
      ),
    onSuccess: async () => {
      setDeleting(null);
      await refresh();
    },
  });

  const first = list.data?.pages[0];
  const canEdit = first?.canEdit ?? false;
  const waves = first?.waves ?? [];
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const linkWaves = abilities.canSomewhere('survey.read');

  return (
    <Section
      title={t.findingsTitle}
      testId="market-survey-findings"
      action={
        canEdit ? (
          <Button variant="light" size="sm" onClick={() => setEditing({ kind: 'add' })}>
            {t.add}
          </Button>
        ) : undefined
      }
    >
      <Text fz="sm" c="dimmed">
        {t.findingsIntro}
      </Text>
      {list.isPending ? (
        <Box aria-busy="true">
          <VisuallyHidden role="status">{t.loading}</VisuallyHidden>
          <Stack gap="sm" aria-hidden="true">
            {[0, 1].map((row) => (
              <Paper key={row} withBorder radius="md" p="md">
                <Skeleton h={16} w="50%" mb="sm" />
                <Skeleton h={12} w="90%" mb={6} />
                <Skeleton h={12} w="70%" />
              </Paper>
            ))}
          </Stack>
        </Box>
      ) : list.isError ? (
        <FailureAlert testId="market-survey-findings-error" title={t.loadError} error={list.error} />
      ) : items.length === 0 ? (
        <EmptyState
          testId="market-survey-findings-empty"
          title={t.emptyTitle}
          body={canEdit ? t.emptyBodyEditor : t.emptyBodyReader}
        />
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((finding) => (
            <Paper
              key={finding.id}
              component="li"
              withBorder
              radius="md"
              p="md"
              data-testid="market-survey-finding"
            >
              <Stack gap="xs">
                <Title order={3} fz="md" style={{ overflowWrap: 'anywhere' }}>
                  {finding.title}
                </Title>
                {finding.body.trim() && <LongText text={finding.body} />}
                <Group gap="xs" fz="sm" wrap="wrap">
                  {finding.waveId && finding.waveName ? (
                    <Text fz="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {t.fromWave}{' '}
                      {linkWaves ? (
                        <AnchorLink
                          to="/w/$workspace/surveys/waves/$waveId"
                          params={{ workspace, waveId: finding.waveId }}
                          fz="sm"
                        >
                          {finding.waveName}
                        </AnchorLink>
                      ) : (
                        finding.waveName
                      )}
                    </Text>
                  ) : (
                    <Text fz="sm" c="dimmed">
                      {t.fromElsewhere}
                    </Text>
                  )}
                  <Text fz="sm" c="dimmed" aria-hidden="true">
                    ·
                  </Text>
                  <Text fz="sm" c="dimmed">
                    {finding.authorName
                      ? t.addedBy(finding.authorName, formatDate(finding.createdAt))
                      : t.added(formatDate(finding.createdAt))}
                  </Text>
                </Group>
                {canEdit && (
                  <Group gap="xs" justify="flex-end">
                    <Button
                      variant="subtle"
                      size="xs"
                      aria-label={t.edit(finding.title)}
                      onClick={() => setEditing({ kind: 'edit', finding })}
                    >
                      {t.editShort}
                    </Button>
                    <Button
                      variant="default"
                      c="red.9"
                      size="xs"
                      aria-label={t.remove(finding.title)}
                      onClick={() => setDeleting(finding)}
                    >
                      {t.removeShort}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      {list.hasNextPage && (
        <Group justify="space-between" gap="sm">
          <Text fz="sm" c="dimmed">
            {t.count(String(items.length), String(first?.total ?? items.length))}
          </Text>
          <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t.showMore}
          </Button>
        </Group>
      )}

      <FormDrawer
        opened={editing.kind !== 'closed'}
        title={editing.kind === 'add' ? t.addTitle : editing.kind === 'edit' ? t.editTitle : ''}
        onClose={() => setEditing({ kind: 'closed' })}
      >
        <FindingForm
          workspace={workspace}
          marketId={marketId}
          finding={editing.kind === 'edit' ? editing.finding : null}
          waves={waves}
          onDone={async () => {
            setEditing({ kind: 'closed' });
            await refresh();
          }}
          onCancel={() => setEditing({ kind: 'closed' })}
        />
      </FormDrawer>

      <ConfirmModal
        opened={deleting !== null}
        title={t.deleteTitle}
        confirmLabel={t.deleteConfirm}
        failedTitle={t.deleteFailed}
        errorTestId="market-survey-finding-delete-error"
        action={remove}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(null)}
      >
        <Text style={{ overflowWrap: 'anywhere' }}>{deleting ? t.deleteBody(deleting.title) : ''}</Text>
      </ConfirmModal>
    </Section>
  );
}

type FormValues = { title: string; body: string; waveId: string | null };
const FIELDS = ['title', 'body', 'waveId'] as const;

/** Adds a finding, or edits one with the version read (a 409 offers to reload it). */
function FindingForm({
  workspace,
  marketId,
  finding,
  waves,
  onDone,
  onCancel,
}: {
  workspace: string;
  marketId: string;
  finding: MarketFindingDto | null;
  waves: MarketFindingListDto['waves'];
  onDone: () => Promise<void>;
  onCancel: () => void;
}) {
  const [version, setVersion] = useState(finding?.version ?? 1);
  const form = useFormState<FormValues, (typeof FIELDS)[number]>(
    () => ({ title: finding?.title ?? '', body: finding?.body ?? '', waveId: finding?.waveId ?? null }),
    FIELDS,
    'market-finding',
  );
  const save = useMutation({
    mutationFn: (values: FormValues) =>
      finding
        ? unwrap(
            api.PATCH('/api/v1/workspaces/{workspace}/markets/{marketId}/findings/{id}', {
              params: { path: { workspace, marketId, id: finding.id } },
              body: { version, ...values },
            }),
          )
        : unwrap(
            api.POST('/api/v1/workspaces/{workspace}/markets/{marketId}/findings', {
              params: { path: { workspace, marketId } },
              body: values,
            }),
          ),
    onSuccess: () => onDone(),
    onError: (error) => form.showServer(error),
  });
  const reload = useMutation({
    mutationFn: () =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/markets/{marketId}/findings/{id}', {
          params: { path: { workspace, marketId, id: finding?.id ?? '' } },
        }),
      ),
    onSuccess: (fresh) => {
      setVersion(fresh.version);
      form.setValues({ title: fresh.title, body: fresh.body, waveId: fresh.waveId });
      save.reset();
    },
  });
  const conflict = isApiError(save.error) && save.error.status === 409;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = { ...form.values, title: form.values.title.trim() };
    const ok = form.check({
      ...(values.title === ''
        ? { title: t.titleRequired }
        : values.title.length > TITLE_MAX
          ? { title: t.tooLong(String(TITLE_MAX)) }
          : {}),
      ...(values.body.length > BODY_MAX ? { body: t.tooLong(String(BODY_MAX)) } : {}),
    });
    if (ok) save.mutate(values);
  };

  // The wave a finding names stays a choice even if the list no longer offers it.
  const options = [
    { value: '', label: t.noWave },
    ...waves.map((wave) => ({ value: wave.id, label: wave.name })),
    ...(finding?.waveId && finding.waveName && !waves.some((w) => w.id === finding.waveId)
      ? [{ value: finding.waveId, label: finding.waveName }]
      : []),
  ];

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {conflict && (
          <ConflictAlert
            testId="market-finding-conflict"
            body={t.conflictBody}
            onReload={() => reload.mutate()}
            reloading={reload.isPending}
            reloadError={reload.error}
          />
        )}
        {save.isError && !conflict && !form.placed(save.error) && (
          <FailureAlert testId="market-finding-error" title={t.saveFailed} error={save.error} />
        )}
        <TextInput
          {...form.field('title')}
          label={t.fieldTitle}
          required
          value={form.values.title}
          onChange={(event) => form.set('title', event.currentTarget.value)}
        />
        <Textarea
          {...form.field('body')}
          label={t.fieldBody}
          description={t.fieldBodyHint}
          autosize
          minRows={4}
          maxRows={14}
          value={form.values.body}
          onChange={(event) => form.set('body', event.currentTarget.value)}
        />
        <Select
          {...form.field('waveId')}
          label={t.fieldWave}
          description={waves.length === 0 ? t.noWaves : t.fieldWaveHint}
          data={options}
          value={form.values.waveId ?? ''}
          onChange={(value) => form.set('waveId', value ? value : null)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <FormButtons onCancel={onCancel} submitLabel={finding ? t.save : t.create} pending={save.isPending} />
      </Stack>
    </form>
  );
}
