import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { formatDateTime } from '../../app/format.ts';
import { FailureAlert } from '../../components/alerts.tsx';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { NumberField } from '../../components/number-field.tsx';
import { PageSkeleton } from '../../components/skeletons.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { ScheduleMeetings } from './schedule-meetings.tsx';
import {
  formatSlot,
  type ScheduleOverviewDto,
  type ScheduleRunDto,
  scheduleKeys,
  scheduleOverviewQuery,
  scheduleRunQuery,
  scheduleRunsQuery,
} from './schedule-queries.ts';
import type { EventTabProps } from './viewer.ts';

const t = messages.eventSchedule;

/**
 * The organisers' scheduling tab (issue 22 item 4): the capacity check, a scheduler run with its
 * live progress, the result with reasons and breaks, the difference to apply or discard, publishing,
 * the current schedule and the run history. Other viewers see a short note.
 */
export function ScheduleTab({ viewer }: EventTabProps) {
  if (viewer.kind !== 'organiser') return <Text c="dimmed">{t.organisersOnly}</Text>;
  return <OrganiserSchedule workspace={viewer.workspace} eventId={viewer.eventId} />;
}

function OrganiserSchedule({ workspace, eventId }: { workspace: string; eventId: string }) {
  const overview = useQuery(scheduleOverviewQuery(workspace, eventId));
  const runs = useQuery(scheduleRunsQuery(workspace, eventId));
  const [shownRunId, setShownRunId] = useState<string | null>(null);
  if (overview.isPending || runs.isPending) return <PageSkeleton label={t.loading} />;
  if (overview.isError || runs.isError)
    return (
      <ErrorState
        title={t.loadFailed}
        error={overview.error ?? runs.error}
        onRetry={() => {
          void overview.refetch();
          void runs.refetch();
        }}
        retrying={overview.isFetching || runs.isFetching}
      />
    );
  const latest = runs.data.items[0];
  const runId = shownRunId ?? overview.data.activeRunId ?? latest?.id ?? null;
  return (
    <Stack gap="lg" data-testid="schedule-tab">
      <CapacityCard overview={overview.data} />
      <PublicationCard workspace={workspace} eventId={eventId} overview={overview.data} />
      <RunForm
        workspace={workspace}
        eventId={eventId}
        overview={overview.data}
        onStarted={(id) => setShownRunId(id)}
      />
      {runId && (
        <RunCard workspace={workspace} eventId={eventId} runId={runId} timeZone={overview.data.timeZone} />
      )}
      <ScheduleMeetings workspace={workspace} eventId={eventId} timeZone={overview.data.timeZone} />
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="schedule-history-title">
        <Stack gap="sm">
          <Title order={2} fz="lg" id="schedule-history-title">
            {t.history.title}
          </Title>
          {runs.data.items.length === 0 ? (
            <Text c="dimmed">{t.history.empty}</Text>
          ) : (
            <Stack gap="xs">
              {runs.data.items.map((run) => (
                <Group
                  key={run.id}
                  justify="space-between"
                  wrap="wrap"
                  gap="xs"
                  data-testid="schedule-history-row"
                >
                  <Stack gap={0} style={{ minWidth: 0, flex: '1 1 14rem' }}>
                    <Text size="sm" fw={600}>
                      {formatDateTime(run.createdAt)} · {t.run.modes[run.mode]}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t.result.runStatus[run.status]}
                      {run.resultStatus ? ` · ${t.result.status[run.resultStatus]}` : ''} ·{' '}
                      {t.result.placed(run.placed, run.requested)}
                    </Text>
                  </Stack>
                  <Button variant="subtle" size="xs" onClick={() => setShownRunId(run.id)}>
                    {t.history.open}
                  </Button>
                </Group>
              ))}
            </Stack>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

function CapacityCard({ overview }: { overview: ScheduleOverviewDto }) {
  const over = overview.overCapacity.length > 0;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="schedule-capacity-title">
      <Stack gap="xs">
        <Title order={2} fz="lg" id="schedule-capacity-title">
          {t.capacity.title}
        </Title>
        <Text>{t.capacity.requests(overview.acceptedRequests)}</Text>
        <Text>{t.capacity.room(overview.tables, overview.slots, overview.capacity)}</Text>
        <Text c="dimmed" size="sm">
          {t.capacity.participants(overview.participants)} · {t.capacity.timeZone(overview.timeZone)}
        </Text>
        {over ? (
          <Alert color="orange" variant="light" title={t.capacity.over} data-testid="schedule-over-capacity">
            <List size="sm">
              {overview.overCapacity.slice(0, 20).map((reason) => (
                <List.Item key={reason}>{reason}</List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <Text size="sm">{t.capacity.fits}</Text>
        )}
      </Stack>
    </Paper>
  );
}

function useRefresh(workspace: string, eventId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: scheduleKeys.all(workspace, eventId) });
}

function PublicationCard({
  workspace,
  eventId,
  overview,
}: {
  workspace: string;
  eventId: string;
  overview: ScheduleOverviewDto;
}) {
  const refresh = useRefresh(workspace, eventId);
  const [confirming, setConfirming] = useState(false);
  const publish = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/events/{eventId}/publish', {
          params: { path: { workspace, eventId } },
          body: { version: overview.eventVersion },
        }),
      ),
    onSuccess: async () => {
      setConfirming(false);
      await refresh();
    },
  });
  const mayPublish = overview.appliedRunId !== null && overview.stale.length === 0 && overview.meetings > 0;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="schedule-publication-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="schedule-publication-title">
          {t.publication.publish}
        </Title>
        <Text data-testid="schedule-publication">
          {overview.publishedAt
            ? t.publication.published(formatDateTime(overview.publishedAt), overview.agendaRevision)
            : t.publication.notPublished}
        </Text>
        {overview.rescheduleNeeded && (
          <Alert color="orange" variant="light" data-testid="schedule-reschedule-needed">
            {t.publication.rescheduleNeeded(overview.unscheduled, overview.cancelledSincePublication)}
          </Alert>
        )}
        {overview.stale.length > 0 && (
          <Alert color="orange" variant="light">
            {t.publication.stale(overview.stale.join(', '))}
          </Alert>
        )}
        {publish.isSuccess && <Text c="green.9">{t.publication.publishedNow}</Text>}
        <Group>
          <Button onClick={() => setConfirming(true)} disabled={!mayPublish}>
            {t.publication.publish}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t.publication.publishTitle}
        confirmLabel={t.publication.publishConfirm}
        failedTitle={t.publication.publishFailed}
        errorTestId="schedule-publish-error"
        action={publish}
        onConfirm={() => publish.mutate()}
        onClose={() => setConfirming(false)}
      >
        <Text>{t.publication.publishBody(overview.meetings)}</Text>
      </ConfirmModal>
    </Paper>
  );
}

const FIELDS = ['mode', 'timeLimitSeconds'] as const;

function RunForm({
  workspace,
  eventId,
  overview,
  onStarted,
}: {
  workspace: string;
  eventId: string;
  overview: ScheduleOverviewDto;
  onStarted: (runId: string) => void;
}) {
  const refresh = useRefresh(workspace, eventId);
  const form = useFormState<
    { mode: 'full' | 'reschedule'; timeLimitSeconds: number | string },
    (typeof FIELDS)[number]
  >(
    () => ({ mode: overview.publishedAt ? 'reschedule' : 'full', timeLimitSeconds: 60 }),
    FIELDS,
    'schedule-run',
  );
  const start = useMutation({
    mutationFn: (body: { mode: 'full' | 'reschedule'; timeLimitSeconds: number }) =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/events/{eventId}/schedule-runs', {
          params: { path: { workspace, eventId } },
          body,
        }),
      ),
    onSuccess: async (run) => {
      onStarted(run.id);
      await refresh();
    },
    onError: (error) => form.showServer(error),
  });
  const submit = () => {
    const limit = Number(form.values.timeLimitSeconds);
    const valid = Number.isInteger(limit) && limit >= 5 && limit <= 300;
    if (!form.check(valid ? {} : { timeLimitSeconds: t.run.timeLimitInvalid })) return;
    start.mutate({ mode: form.values.mode, timeLimitSeconds: limit });
  };
  const modes = overview.publishedAt ? (['reschedule', 'full'] as const) : (['full'] as const);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="schedule-run-title">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Title order={2} fz="lg" id="schedule-run-title">
            {t.run.title}
          </Title>
          <Group align="flex-start" wrap="wrap" gap="md">
            <Select
              {...form.field('mode')}
              label={t.run.mode}
              data={modes.map((m) => ({ value: m, label: t.run.modes[m] ?? m }))}
              value={form.values.mode}
              onChange={(v) => v && form.set('mode', v as 'full' | 'reschedule')}
              allowDeselect={false}
              style={{ flex: '1 1 16rem' }}
            />
            <NumberField
              {...form.field('timeLimitSeconds')}
              label={t.run.timeLimit}
              description={t.run.timeLimitHint}
              value={form.values.timeLimitSeconds}
              onChange={(v) => form.set('timeLimitSeconds', v)}
              style={{ flex: '1 1 12rem' }}
            />
          </Group>
          {start.isError && !form.placed(start.error) && (
            <FailureAlert testId="schedule-run-error" title={t.run.startFailed} error={start.error} />
          )}
          <Group>
            <Button type="submit" loading={start.isPending} disabled={overview.activeRunId !== null}>
              {t.run.start}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function RunCard({
  workspace,
  eventId,
  runId,
  timeZone,
}: {
  workspace: string;
  eventId: string;
  runId: string;
  timeZone: string;
}) {
  const run = useQuery(scheduleRunQuery(workspace, eventId, runId));
  const refresh = useRefresh(workspace, eventId);
  const [wasActive, setWasActive] = useState(false);
  const active = run.data?.status === 'queued' || run.data?.status === 'running';
  if (active && !wasActive) setWasActive(true);
  if (!active && wasActive && run.data) {
    setWasActive(false);
    void refresh();
  }
  if (run.isPending) return <PageSkeleton label={t.loading} />;
  if (run.isError)
    return (
      <ErrorState
        title={t.loadFailed}
        error={run.error}
        onRetry={() => void run.refetch()}
        retrying={run.isFetching}
      />
    );
  return <RunResult workspace={workspace} eventId={eventId} run={run.data} timeZone={timeZone} />;
}

function RunResult({
  workspace,
  eventId,
  run,
  timeZone,
}: {
  workspace: string;
  eventId: string;
  run: ScheduleRunDto;
  timeZone: string;
}) {
  const refresh = useRefresh(workspace, eventId);
  const [confirm, setConfirm] = useState<'apply' | 'discard' | null>(null);
  const path = { workspace, eventId, runId: run.id };
  const apply = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/events/{eventId}/schedule-runs/{runId}/apply', {
          params: { path },
        }),
      ),
    onSuccess: async () => {
      setConfirm(null);
      await refresh();
    },
  });
  const discard = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/events/{eventId}/schedule-runs/{runId}/discard', {
          params: { path },
        }),
      ),
    onSuccess: async () => {
      setConfirm(null);
      await refresh();
    },
  });
  const active = run.status === 'queued' || run.status === 'running';
  const found = run.resultStatus === 'optimal' || run.resultStatus === 'feasible';
  const mayApply = run.status === 'done' && found && run.stale.length === 0;
  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      aria-labelledby="schedule-result-title"
      data-testid="schedule-result"
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} fz="lg" id="schedule-result-title">
            {t.result.title}
          </Title>
          <Badge
            variant="light"
            c="var(--mantine-color-text)"
            color={run.status === 'failed' ? 'red' : 'blue'}
          >
            {t.result.runStatus[run.status]}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {formatDateTime(run.createdAt)} · {t.run.modes[run.mode]}
          {run.seconds !== null ? ` · ${t.result.seconds(run.seconds)}` : ''}
        </Text>
        {active && (
          <Stack gap={4}>
            <Progress value={Math.round(run.progress * 100)} aria-label={t.run.progress} animated />
            <Text size="sm" data-testid="schedule-progress">
              {run.progressMessage ?? (run.status === 'queued' ? t.run.queued : t.run.running)}
            </Text>
          </Stack>
        )}
        {run.resultStatus && (
          <Text fw={600} data-testid="schedule-result-status">
            {t.result.status[run.resultStatus]}
          </Text>
        )}
        {found && (
          <>
            <Text>{t.result.placed(run.placed, run.requested)}</Text>
            {run.breaks !== null && run.lowerBound !== null && (
              <Text>{t.result.breaks(run.breaks, run.lowerBound)}</Text>
            )}
            {run.waits !== null && <Text size="sm">{t.result.waits(run.waits)}</Text>}
          </>
        )}
        {run.explanation && (
          <Alert color={found ? 'orange' : 'red'} variant="light">
            {run.explanation}
          </Alert>
        )}
        {found && (
          <>
            <Title order={3} fz="md">
              {t.result.unplacedTitle}
            </Title>
            {run.unplaced.length === 0 ? (
              <Text size="sm">{t.result.unplacedNone}</Text>
            ) : (
              <List size="sm" data-testid="schedule-unplaced">
                {run.unplaced.slice(0, 50).map((u) => (
                  <List.Item key={u.requestId}>
                    {u.from.name} – {u.to.name}: {u.reason}
                  </List.Item>
                ))}
                {run.unplaced.length > 50 && <List.Item>{t.result.more(run.unplaced.length - 50)}</List.Item>}
              </List>
            )}
            <Title order={3} fz="md">
              {t.result.breaksTitle}
            </Title>
            {run.participantBreaks.every((p) => p.breaks === 0) ? (
              <Text size="sm">{t.result.breaksNone}</Text>
            ) : (
              <List size="sm">
                {run.participantBreaks
                  .filter((p) => p.breaks > 0)
                  .slice(0, 30)
                  .map((p) => (
                    <List.Item key={p.participantId}>
                      {p.name}: {p.breaks}
                    </List.Item>
                  ))}
              </List>
            )}
          </>
        )}
        {run.difference && (
          <>
            <Title order={3} fz="md">
              {t.result.differenceTitle}
            </Title>
            <Text size="sm" data-testid="schedule-difference">
              {t.result.difference(
                run.difference.added,
                run.difference.moved,
                run.difference.removed,
                run.difference.unchanged,
              )}
            </Text>
            {run.difference.items.length > 0 && (
              <Table.ScrollContainer minWidth={0} type="native">
                <Table verticalSpacing="xs" striped="even" style={{ tableLayout: 'fixed', width: '100%' }}>
                  <Table.Tbody>
                    {run.difference.items.slice(0, 100).map((item) => (
                      <Table.Tr key={item.requestId}>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>
                          <Text size="sm" fw={600}>
                            {t.result.kind[item.kind]}: {item.from.name} – {item.to.name}
                          </Text>
                          <Text size="sm" c="dimmed">
                            {item.before
                              ? `${formatSlot(item.before.slotStartsAt, timeZone)} ${item.before.tableName ?? ''}`
                              : ''}
                            {item.before && item.after ? ' → ' : ''}
                            {item.after
                              ? `${formatSlot(item.after.slotStartsAt, timeZone)} ${item.after.tableName ?? ''}`
                              : ''}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
        {run.stale.length > 0 && (
          <Alert color="orange" variant="light">
            {t.result.stale(run.stale.join(', '))}
          </Alert>
        )}
        {(run.status === 'done' || active || run.status === 'failed') && (
          <Group gap="sm">
            {run.status === 'done' && (
              <Button onClick={() => setConfirm('apply')} disabled={!mayApply}>
                {t.result.apply}
              </Button>
            )}
            <Button variant="default" onClick={() => setConfirm('discard')}>
              {t.result.discard}
            </Button>
          </Group>
        )}
      </Stack>
      <ConfirmModal
        opened={confirm === 'apply'}
        title={t.result.applyTitle}
        confirmLabel={t.result.applyConfirm}
        failedTitle={t.result.applyFailed}
        errorTestId="schedule-apply-error"
        action={apply}
        onConfirm={() => apply.mutate()}
        onClose={() => setConfirm(null)}
      >
        <Text>{t.result.applyBody}</Text>
        {run.difference && (
          <Text size="sm">
            {t.result.difference(
              run.difference.added,
              run.difference.moved,
              run.difference.removed,
              run.difference.unchanged,
            )}
          </Text>
        )}
      </ConfirmModal>
      <ConfirmModal
        opened={confirm === 'discard'}
        title={t.result.discardTitle}
        confirmLabel={t.result.discardConfirm}
        failedTitle={t.result.discardFailed}
        errorTestId="schedule-discard-error"
        action={discard}
        onConfirm={() => discard.mutate()}
        onClose={() => setConfirm(null)}
      >
        <Text>{t.result.discardBody}</Text>
      </ConfirmModal>
    </Paper>
  );
}
