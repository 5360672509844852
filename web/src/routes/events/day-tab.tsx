import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorState } from '../../app/error-state.tsx';
import { FailureAlert } from '../../components/alerts.tsx';
import { messages } from '../../messages/en.ts';
import {
  checkInListQuery,
  type DayMeetingDto,
  dayKeys,
  dayOverviewQuery,
  type MeetingStatus,
  setCheckIn,
  setMeetingStatus,
  timeOf,
} from './day-queries.ts';
import type { EventTabProps, EventViewer } from './viewer.ts';

const t = messages.eventDay;

/**
 * The organiser's day (issue 22 item 6), phone first: the meetings of the slot running now and of
 * the next one with held / no-show / cancel buttons, and the check-in list with its search and
 * counters. Other viewers find their part in the follow-up tab.
 */
export function DayTab({ viewer }: EventTabProps) {
  if (viewer.kind !== 'organiser') return null;
  return (
    <Stack gap="lg" data-testid="event-day-tab">
      <SlotsNow viewer={viewer} />
      <CheckInList workspace={viewer.workspace} eventId={viewer.eventId} />
    </Stack>
  );
}

function SlotsNow({ viewer }: { viewer: Extract<EventViewer, { kind: 'organiser' }> }) {
  const query = useQuery(dayOverviewQuery(viewer.workspace, viewer.eventId));
  if (query.error)
    return (
      <ErrorState
        error={query.error}
        title={t.loadFailed}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  const data = query.data;
  return (
    <Stack gap="sm">
      <Title order={2} fz="h3">
        {t.day.title}
      </Title>
      {data && !data.current && !data.next ? <Text c="dimmed">{t.day.nothing}</Text> : null}
      {data?.current ? (
        <Slot
          label={t.day.now}
          startsAt={data.current.startsAt}
          meetings={data.current.meetings}
          viewer={viewer}
        />
      ) : null}
      {data?.next ? (
        <Slot
          label={t.day.next}
          startsAt={data.next.startsAt}
          meetings={data.next.meetings}
          viewer={viewer}
        />
      ) : null}
    </Stack>
  );
}

function Slot({
  label,
  startsAt,
  meetings,
  viewer,
}: {
  label: string;
  startsAt: string;
  meetings: DayMeetingDto[];
  viewer: EventViewer;
}) {
  return (
    <Stack gap="xs" data-testid="event-day-slot">
      <Text fw={600}>
        {label} · {timeOf(startsAt)}
      </Text>
      {meetings.length === 0 ? <Text c="dimmed">{t.day.noMeetings}</Text> : null}
      {meetings.map((meeting) => (
        <MeetingCard key={meeting.id} meeting={meeting} viewer={viewer} />
      ))}
    </Stack>
  );
}

/** One meeting with its outcome buttons (for a side or an organiser; the server decides when). */
export function MeetingCard({ meeting, viewer }: { meeting: DayMeetingDto; viewer: EventViewer }) {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: (status: MeetingStatus) =>
      setMeetingStatus(viewer, meeting.id, { status, version: meeting.version }),
    onSuccess: () => client.invalidateQueries({ queryKey: dayKeys.all(viewer.eventId) }),
  });
  const button = (status: MeetingStatus, label: string, color: string) => (
    <Button
      size="compact-sm"
      variant={meeting.status === status ? 'filled' : 'light'}
      color={color}
      loading={mutation.isPending && mutation.variables === status}
      disabled={mutation.isPending}
      aria-pressed={meeting.status === status}
      onClick={() => mutation.mutate(meeting.status === status ? 'scheduled' : status)}
    >
      {label}
    </Button>
  );
  return (
    <Paper withBorder radius="md" p="sm" data-testid="event-day-meeting">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {t.day.with(meeting.fromName, meeting.toName)}
          </Text>
          <Badge
            c="var(--mantine-color-text)"
            variant="light"
            color={meeting.status === 'held' ? 'green' : meeting.status === 'scheduled' ? 'gray' : 'red'}
          >
            {t.status[meeting.status] ?? meeting.status}
          </Badge>
        </Group>
        <Text fz="sm" c="dimmed">
          {timeOf(meeting.slotStartsAt)}–{timeOf(meeting.slotEndsAt)} · {meeting.tableName ?? t.day.online}
        </Text>
        <Group gap="xs" wrap="wrap">
          {button('held', t.day.held, 'green')}
          {button('no_show', t.day.noShow, 'orange')}
          {button('cancelled', t.day.cancel, 'red')}
        </Group>
        {mutation.error ? (
          <FailureAlert title={t.day.failed} error={mutation.error} testId="event-day-meeting-error" />
        ) : null}
      </Stack>
    </Paper>
  );
}

function CheckInList({ workspace, eventId }: { workspace: string; eventId: string }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const client = useQueryClient();
  const query = useQuery(checkInListQuery(workspace, eventId, q));
  const mutation = useMutation({
    mutationFn: (input: { participantId: string; checkedIn: boolean }) =>
      setCheckIn(workspace, eventId, input.participantId, input.checkedIn),
    onSuccess: () => client.invalidateQueries({ queryKey: dayKeys.all(eventId) }),
  });
  const counts = query.data?.counts;
  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Title order={2} fz="h3">
          {t.checkIn.title}
        </Title>
        {counts ? (
          <Badge c="var(--mantine-color-text)" size="lg" variant="light" data-testid="event-check-in-counts">
            {t.checkIn.counts(counts.checkedIn, counts.approved)}
          </Badge>
        ) : null}
      </Group>
      <TextInput
        label={t.checkIn.search}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        type="search"
      />
      {query.error ? (
        <ErrorState
          error={query.error}
          title={t.loadFailed}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : null}
      {mutation.error ? (
        <FailureAlert title={t.checkIn.failed} error={mutation.error} testId="event-check-in-error" />
      ) : null}
      {query.data && query.data.participants.length === 0 ? <Text c="dimmed">{t.checkIn.empty}</Text> : null}
      {query.data?.participants.map((p) => (
        <Paper key={p.id} withBorder radius="md" p="sm" data-testid="event-check-in-row">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Stack gap={2} style={{ minWidth: 0, flex: '1 1 12rem' }}>
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {p.name}{' '}
                {p.member ? (
                  <Badge c="var(--mantine-color-text)" size="xs" variant="outline">
                    {t.checkIn.member}
                  </Badge>
                ) : null}
              </Text>
              <Text fz="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {p.representatives.join(', ')}
              </Text>
              <Text fz="sm">
                {p.checkedInAt ? `${t.checkIn.checkedIn} · ${timeOf(p.checkedInAt)}` : t.checkIn.notCheckedIn}
              </Text>
            </Stack>
            <Button
              size="sm"
              variant={p.checkedInAt ? 'default' : 'filled'}
              loading={mutation.isPending && mutation.variables?.participantId === p.id}
              onClick={() => mutation.mutate({ participantId: p.id, checkedIn: !p.checkedInAt })}
              aria-label={`${p.checkedInAt ? t.checkIn.undo : t.checkIn.checkInButton}: ${p.name}`}
            >
              {p.checkedInAt ? t.checkIn.undo : t.checkIn.checkInButton}
            </Button>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
