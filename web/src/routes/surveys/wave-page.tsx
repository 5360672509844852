import { Alert, Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { AnchorLink } from '../../app/links.tsx';
import { alertStyles, FailureAlert } from '../../components/alerts.tsx';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { PageSkeleton } from '../../components/skeletons.tsx';
import { NeutralBadge, WaveStatusBadge } from '../../components/status-badges.tsx';
import { messages } from '../../messages/en.ts';
import { resultsKeys } from './results-queries.ts';
import { type WaveDetailDto, waveKeys, waveQuery } from './wave-queries.ts';
import { WaveResults } from './wave-results.tsx';

const t = messages.surveyWaves;
const route = getRouteApi('/w/$workspace/surveys/waves/$waveId');

const COUNTS = ['sent', 'opened', 'started', 'completed'] as const;

/** A wave: its progress as it happens and its respondents (waves branch), its results (readiness branch). */
export function WavePage() {
  const { workspace, waveId } = route.useParams();
  const wave = useQuery(waveQuery(workspace, waveId));
  useResultsFollowProgress(workspace, waveId, wave.data?.progress.completed);
  useDocumentTitle(messages.app.documentTitle(wave.data?.name ?? t.page.loading));
  if (wave.isPending) return <PageSkeleton label={t.page.loading} />;
  if (wave.isError) return <FailureAlert title={t.page.notFound} error={wave.error} testId="wave-error" />;
  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <AnchorLink to="/w/$workspace/surveys" params={{ workspace }} fz="sm">
        {t.page.back}
      </AnchorLink>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {wave.data.name}
        </Title>
        <Group gap={6}>
          {wave.data.anonymous && <NeutralBadge>{t.anonymousBadge}</NeutralBadge>}
          <span data-testid="wave-status">
            <WaveStatusBadge status={wave.data.status} label={t.status[wave.data.status]} />
          </span>
        </Group>
      </Group>
      <Text c="dimmed" fz="sm" style={{ overflowWrap: 'anywhere' }}>
        {t.page.details.questionnaire}: {wave.data.questionnaireName}
        {wave.data.questionnaireVersion !== null
          ? ` · ${t.page.details.version} ${wave.data.questionnaireVersion}`
          : ''}
        {` · ${t.page.details.closes}: ${wave.data.closesAt ? wave.data.closesAt.slice(0, 16).replace('T', ' ') : t.noClosing}`}
      </Text>
      <WaveContext workspace={workspace} wave={wave.data} />
      <WaveActions workspace={workspace} wave={wave.data} />
      {wave.data.status !== 'draft' && <WaveProgress wave={wave.data} />}
      {wave.data.status !== 'draft' && <Respondents wave={wave.data} />}
      <WaveResults workspace={workspace} waveId={waveId} />
    </Stack>
  );
}

/**
 * The results below the progress are read again when the polled count of completed answers
 * changes, so that the page never shows "2 / 2 completed" above results of no respondent.
 */
function useResultsFollowProgress(workspace: string, waveId: string, completed: number | undefined) {
  const queryClient = useQueryClient();
  const seen = useRef(completed);
  useEffect(() => {
    if (completed === undefined) return;
    if (seen.current !== undefined && seen.current !== completed) {
      void queryClient.invalidateQueries({ queryKey: resultsKeys.wave(workspace, waveId) });
    }
    seen.current = completed;
  }, [queryClient, workspace, waveId, completed]);
}

function WaveProgress({ wave }: { wave: WaveDetailDto }) {
  const { invited } = wave.progress;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t.page.progress}
        </Title>
        {wave.status === 'open' && (
          <Text fz="sm" c="dimmed">
            {t.page.live}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {COUNTS.map((key) => {
            const n = wave.progress[key];
            const label = `${t.page.counts[key]}: ${t.page.countOf(String(n), String(invited))}`;
            return (
              <Stack key={key} gap={2} data-testid={`wave-progress-${key}`}>
                <Group justify="space-between">
                  <Text fz="sm">{t.page.counts[key]}</Text>
                  <Text fz="sm" fw={600}>
                    {t.page.countOf(String(n), String(invited))}
                  </Text>
                </Group>
                <Progress value={invited === 0 ? 0 : (n / invited) * 100} aria-label={label} />
              </Stack>
            );
          })}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

/** The activity the wave belongs to, its market and the cluster that runs it, as links where they go. */
function WaveContext({ workspace, wave }: { workspace: string; wave: WaveDetailDto }) {
  const f = t.form;
  return (
    <Group gap="lg" wrap="wrap" fz="sm" data-testid="wave-context">
      {wave.activityId && (
        <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
          {f.activity}:{' '}
          <AnchorLink
            to="/w/$workspace/activities/$activityId"
            params={{ workspace, activityId: wave.activityId }}
          >
            {wave.activityTitle}
          </AnchorLink>
        </Text>
      )}
      {wave.marketId && (
        <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
          {f.market}:{' '}
          <AnchorLink to="/w/$workspace/markets/$marketId" params={{ workspace, marketId: wave.marketId }}>
            {wave.marketName}
          </AnchorLink>
        </Text>
      )}
      <Text fz="sm">
        {f.cluster}: {wave.clusterName ?? f.coordinators}
      </Text>
    </Group>
  );
}

function Respondents({ wave }: { wave: WaveDetailDto }) {
  if (wave.respondents === null) {
    return (
      <Alert color="gray" variant="light" styles={alertStyles('gray')}>
        {t.page.anonymousNote}
      </Alert>
    );
  }
  if (wave.respondents.length === 0) return <Text c="dimmed">{t.page.noRespondents}</Text>;
  const c = t.page.respondentColumns;
  return (
    <Stack gap="xs">
      <Title order={2} fz="h4">
        {t.page.respondents}
      </Title>
      <Table.ScrollContainer minWidth={520} type="native" tabIndex={0} aria-label={t.page.respondents}>
        <Table verticalSpacing="xs" striped="even">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{c.name}</Table.Th>
              <Table.Th>{c.organisation}</Table.Th>
              <Table.Th>{c.progress}</Table.Th>
              <Table.Th>{c.reminders}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {wave.respondents.map((r) => (
              <Table.Tr key={r.id} data-testid="respondent-row">
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>{r.organisationName ?? ''}</Table.Td>
                <Table.Td>{t.page.progressLabels[r.progress]}</Table.Td>
                <Table.Td>{r.reminderCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

type Pending = 'send' | 'close' | 'delete' | null;

function WaveActions({ workspace, wave }: { workspace: string; wave: WaveDetailDto }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [asking, setAsking] = useState<Pending>(null);
  const [reminded, setReminded] = useState<number | null>(null);
  const path = { workspace, id: wave.id };
  const refresh = () => queryClient.invalidateQueries({ queryKey: waveKeys.all(workspace) });
  const act = useMutation({
    mutationFn: async (what: Exclude<Pending, null>) => {
      if (what === 'send')
        return unwrap(
          api.POST('/api/v1/workspaces/{workspace}/surveys/waves/{id}/send', {
            params: { path },
            body: { version: wave.version },
          }),
        );
      if (what === 'close')
        return unwrap(
          api.POST('/api/v1/workspaces/{workspace}/surveys/waves/{id}/close', {
            params: { path },
            body: { version: wave.version },
          }),
        );
      await unwrap(
        api.DELETE('/api/v1/workspaces/{workspace}/surveys/waves/{id}', {
          params: { path, query: { version: wave.version } },
        }),
      );
      return null;
    },
    onSuccess: async (_data, what) => {
      setAsking(null);
      await refresh();
      if (what === 'delete') void navigate({ to: '/w/$workspace/surveys', params: { workspace } });
    },
  });
  const remind = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/workspaces/{workspace}/surveys/waves/{id}/remind', { params: { path } })),
    onSuccess: async (result) => {
      setReminded(result.reminded);
      await refresh();
    },
  });
  if (!wave.canManage) return null;
  const confirmText = { send: t.page.sendConfirm, close: t.page.closeConfirm, delete: t.page.deleteConfirm };
  const confirmTitle = { send: t.page.send, close: t.page.close, delete: t.page.delete };
  return (
    <Stack gap="xs">
      <Group gap="sm" wrap="wrap">
        {wave.status === 'draft' && (
          <>
            <Button onClick={() => setAsking('send')} data-testid="wave-send">
              {t.page.send}
            </Button>
            <Button variant="default" color="red" onClick={() => setAsking('delete')}>
              {t.page.delete}
            </Button>
          </>
        )}
        {wave.status === 'open' && (
          <>
            <Button variant="default" onClick={() => remind.mutate()} loading={remind.isPending}>
              {t.page.remind}
            </Button>
            <Button variant="default" onClick={() => setAsking('close')}>
              {t.page.close}
            </Button>
          </>
        )}
      </Group>
      {reminded !== null && (
        <Text fz="sm" role="status">
          {t.page.reminded(String(reminded))}
        </Text>
      )}
      {remind.isError && (
        <FailureAlert title={t.page.failed} error={remind.error} testId="wave-remind-error" />
      )}
      <ConfirmModal
        opened={asking !== null}
        title={asking ? confirmTitle[asking] : ''}
        confirmLabel={asking ? confirmTitle[asking] : t.page.confirm}
        failedTitle={t.page.failed}
        errorTestId="wave-action-error"
        action={act}
        onConfirm={() => asking && act.mutate(asking)}
        onClose={() => {
          setAsking(null);
          act.reset();
        }}
      >
        <Text>{asking ? confirmText[asking] : ''}</Text>
      </ConfirmModal>
    </Stack>
  );
}
