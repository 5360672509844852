import {
  Alert,
  Anchor,
  Badge,
  Button,
  CopyButton,
  Drawer,
  Group,
  Image,
  Paper,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorState } from '../../app/error-state.tsx';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { usePhone } from '../../components/use-phone.ts';
import { messages } from '../../messages/en.ts';
import {
  type AgendaMeetingDto,
  type AgendaViewer,
  agendaFileUrl,
  agendaKeys,
  agendaQuery,
  downloadFile,
  feedQuery,
  revokeFeed,
  svgDataUrl,
} from './agenda-queries.ts';
import type { EventTabProps } from './viewer.ts';

const t = messages.eventAgendas;

const STATUS_COLOURS: Record<string, string> = {
  scheduled: 'blue',
  held: 'teal',
  no_show: 'orange',
  cancelled: 'red',
};

function formatDay(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/**
 * A participant's own agenda (member or portal viewer): the meetings by day with their status,
 * the counterpart's profile in a drawer, the PDF and `.ics` downloads, the calendar subscription
 * and the check-in QR code. Empty until the organisers publish the schedule.
 */
export function MyAgendaTab({ viewer }: EventTabProps) {
  if (viewer.kind === 'organiser') return null;
  if (viewer.kind === 'member' && viewer.participantId === null)
    return <EmptyState testId="agenda-not-registered" title={t.myTitle} body={t.notRegistered} />;
  return <AgendaView viewer={viewer} />;
}

function AgendaView({ viewer }: { viewer: AgendaViewer }) {
  const agenda = useQuery(agendaQuery(viewer));
  const [profile, setProfile] = useState<AgendaMeetingDto | null>(null);
  const phone = usePhone();
  if (agenda.isPending) return <Skeleton height={240} radius="md" data-testid="agenda-loading" />;
  if (agenda.isError)
    return (
      <ErrorState
        title={t.myTitle}
        error={agenda.error}
        onRetry={() => agenda.refetch()}
        retrying={agenda.isFetching}
      />
    );
  const data = agenda.data;
  const days = new Map<string, AgendaMeetingDto[]>();
  for (const meeting of data.meetings) days.set(meeting.day, [...(days.get(meeting.day) ?? []), meeting]);

  return (
    <Stack gap="lg" data-testid="my-agenda">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2}>
          <Title order={2} fz="xl">
            {t.myTitle}
          </Title>
          <Text c="dimmed" fz="sm">
            {data.participant.name} · {t.timesIn(data.event.timeZone)}
            {data.published
              ? ` · ${t.meetingCount(data.meetings.filter((m) => m.status !== 'cancelled').length)}`
              : ''}
          </Text>
        </Stack>
        {data.published && <Downloads viewer={viewer} name={data.participant.name} />}
      </Group>

      {!data.published ? (
        <EmptyState testId="agenda-empty" title={t.emptyTitle} body={t.emptyBeforePublication} />
      ) : data.meetings.length === 0 ? (
        <EmptyState testId="agenda-empty" title={t.emptyTitle} body={t.emptyNoMeeting} />
      ) : (
        [...days.entries()].map(([day, meetings]) => (
          <Stack key={day} gap="xs" component="section" aria-label={formatDay(day)}>
            <Title order={3} fz="md">
              {formatDay(day)}
            </Title>
            {meetings.map((meeting) => (
              <MeetingCard key={meeting.id} meeting={meeting} onOpen={() => setProfile(meeting)} />
            ))}
          </Stack>
        ))
      )}

      <Group align="flex-start" gap="lg" wrap={phone ? 'wrap' : 'nowrap'}>
        {data.published && <Subscribe viewer={viewer} />}
        <Paper withBorder radius="md" p="md" data-testid="agenda-check-in">
          <Stack gap="xs" align="center">
            <Title order={3} fz="md">
              {t.checkInTitle}
            </Title>
            <Image src={svgDataUrl(data.checkInQrSvg)} alt={t.checkInAlt} w={160} h={160} />
            <Text fz="sm" c="dimmed" ta="center">
              {t.checkInBody}
            </Text>
          </Stack>
        </Paper>
      </Group>

      <Drawer
        closeButtonProps={{ 'aria-label': messages.common.close }}
        opened={profile !== null}
        onClose={() => setProfile(null)}
        position="right"
        size={phone ? '100%' : 'md'}
        title={profile ? t.showProfile(profile.counterpart.name) : ''}
      >
        {profile && <CounterpartProfile meeting={profile} />}
      </Drawer>
    </Stack>
  );
}

function MeetingCard({ meeting, onOpen }: { meeting: AgendaMeetingDto; onOpen: () => void }) {
  const cancelled = meeting.status === 'cancelled';
  return (
    <Paper withBorder radius="md" p="sm" data-testid="agenda-meeting" data-status={meeting.status}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Text fw={700} td={cancelled ? 'line-through' : undefined}>
            {meeting.startTime}–{meeting.endTime}
          </Text>
          <UnstyledButton onClick={onOpen} aria-label={t.showProfile(meeting.counterpart.name)}>
            <Text fw={600} c="blue.9" style={{ overflowWrap: 'anywhere' }}>
              {meeting.counterpart.name}
            </Text>
          </UnstyledButton>
          <Text fz="sm" c="dimmed">
            {meeting.table ? t.table(meeting.table.number, meeting.table.name) : t.online}
          </Text>
          {meeting.videoLink && !cancelled && (
            <Anchor href={meeting.videoLink} target="_blank" rel="noopener noreferrer" fz="sm">
              {t.videoLink}
            </Anchor>
          )}
        </Stack>
        <Badge color={STATUS_COLOURS[meeting.status] ?? 'gray'} variant="light" c="dark.9">
          {t.status[meeting.status] ?? meeting.status}
        </Badge>
      </Group>
    </Paper>
  );
}

function CounterpartProfile({ meeting }: { meeting: AgendaMeetingDto }) {
  const c = meeting.counterpart;
  const field = (label: string, value: string) =>
    value ? (
      <Stack gap={2}>
        <Text fw={600} fz="sm">
          {label}
        </Text>
        <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {value}
        </Text>
      </Stack>
    ) : null;
  return (
    <Stack gap="md" data-testid="agenda-counterpart">
      <Text c="dimmed" fz="sm">
        {[c.city, c.country].filter(Boolean).join(', ')}
      </Text>
      {field(t.profile.description, c.description)}
      {field(t.profile.offers, c.offers)}
      {field(t.profile.lookingFor, c.lookingFor)}
      {field(
        t.profile.representatives,
        c.representatives.map((r) => (r.roleTitle ? `${r.name} (${r.roleTitle})` : r.name)).join('\n'),
      )}
      {field(t.profile.tags, c.tags.join(', '))}
      {c.website && (
        <Anchor href={c.website} target="_blank" rel="noopener noreferrer" fz="sm">
          {t.profile.website}
        </Anchor>
      )}
    </Stack>
  );
}

function Downloads({ viewer, name }: { viewer: AgendaViewer; name: string }) {
  const download = useMutation({
    mutationFn: ({ file }: { file: 'agenda.pdf' | 'agenda.ics' }) =>
      downloadFile(agendaFileUrl(viewer, file), `${name} ${file}`),
  });
  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="xs">
        <Button
          variant="light"
          onClick={() => download.mutate({ file: 'agenda.pdf' })}
          data-testid="agenda-pdf"
        >
          {t.downloadPdf}
        </Button>
        <Button
          variant="light"
          onClick={() => download.mutate({ file: 'agenda.ics' })}
          data-testid="agenda-ics"
        >
          {t.downloadIcs}
        </Button>
      </Group>
      {download.isError && (
        <Text c="red.9" fz="sm" role="alert">
          {t.downloadFailed}
        </Text>
      )}
    </Stack>
  );
}

function Subscribe({ viewer }: { viewer: AgendaViewer }) {
  const [shown, setShown] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const queryClient = useQueryClient();
  const feed = useQuery({ ...feedQuery(viewer), enabled: shown });
  const revoke = useMutation({
    mutationFn: () => revokeFeed(viewer),
    onSuccess: (link) => {
      queryClient.setQueryData(agendaKeys.feed(viewer), link);
      setConfirming(false);
    },
  });
  return (
    <Paper withBorder radius="md" p="md" style={{ flex: 1, minWidth: 0 }} data-testid="agenda-subscribe">
      <Stack gap="xs">
        <Title order={3} fz="md">
          {t.subscribeTitle}
        </Title>
        <Text fz="sm">{t.subscribeBody}</Text>
        {!shown ? (
          <Button variant="light" onClick={() => setShown(true)} style={{ alignSelf: 'flex-start' }}>
            {t.showFeed}
          </Button>
        ) : feed.isPending ? (
          <Skeleton height={36} />
        ) : feed.isError ? (
          <ErrorState
            title={t.subscribeTitle}
            error={feed.error}
            onRetry={() => feed.refetch()}
            retrying={feed.isFetching}
          />
        ) : (
          <Stack gap="xs">
            <TextInput label={t.feedLabel} value={feed.data.url} readOnly data-testid="agenda-feed-url" />
            <Group gap="xs">
              <CopyButton value={feed.data.url}>
                {({ copied, copy }) => (
                  <Button variant="light" onClick={copy}>
                    {copied ? t.copied : t.copy}
                  </Button>
                )}
              </CopyButton>
              <Button component="a" href={feed.data.webcalUrl} variant="subtle">
                {t.openInCalendar}
              </Button>
              <Button
                variant="subtle"
                color="red"
                onClick={() => setConfirming(true)}
                data-testid="agenda-revoke"
              >
                {t.revoke}
              </Button>
            </Group>
            {revoke.isSuccess && (
              <Alert color="teal" variant="light" role="status">
                {t.revoked}
              </Alert>
            )}
          </Stack>
        )}
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t.revokeTitle}
        confirmLabel={t.revoke}
        failedTitle={t.revokeTitle}
        errorTestId="agenda-revoke-error"
        action={revoke}
        onConfirm={() => revoke.mutate()}
        onClose={() => setConfirming(false)}
      >
        <Text>{t.revokeBody}</Text>
      </ConfirmModal>
    </Paper>
  );
}
