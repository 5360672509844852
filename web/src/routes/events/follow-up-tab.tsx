import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Rating,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorState } from '../../app/error-state.tsx';
import { FailureAlert } from '../../components/alerts.tsx';
import { messages } from '../../messages/en.ts';
import {
  dayKeys,
  type FollowUp,
  followUpQuery,
  giveFeedback,
  type MeetingStatus,
  type MyMeetingDto,
  selfCheckIn,
  setMeetingStatus,
  timeOf,
} from './day-queries.ts';
import type { EventTabProps, EventViewer } from './viewer.ts';

const t = messages.eventDay;
const FOLLOW_UPS: FollowUp[] = ['none', 'contact', 'meeting', 'proposal', 'partnership'];

/**
 * A participant's own day and follow-up (issue 22 items 6 and 7), for a member (workspace API)
 * or an outside participant (event portal): its check-in button on the event's days, its meetings
 * to mark held or no-show, and for each held one a rating, the follow-up expected and a comment.
 */
export function FollowUpTab({ viewer }: EventTabProps) {
  if (viewer.kind === 'organiser') return null;
  return <FollowUpList viewer={viewer} />;
}

function FollowUpList({ viewer }: { viewer: EventViewer }) {
  const client = useQueryClient();
  const query = useQuery(followUpQuery(viewer));
  const checkIn = useMutation({
    mutationFn: () => selfCheckIn(viewer),
    onSuccess: () => client.invalidateQueries({ queryKey: dayKeys.all(viewer.eventId) }),
  });
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
  if (!data) return null;
  return (
    <Stack gap="lg" data-testid="event-follow-up-tab">
      <Stack gap={4}>
        <Title order={2} fz="h3">
          {t.followUp.title}
        </Title>
        <Text c="dimmed" fz="sm">
          {t.followUp.intro}
        </Text>
      </Stack>
      <Paper withBorder radius="md" p="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600}>{t.followUp.myCheckIn}</Text>
          {data.checkedInAt ? (
            <Badge
              c="var(--mantine-color-text)"
              color="green"
              variant="light"
              data-testid="event-my-check-in"
            >
              {t.followUp.checkedInAt(timeOf(data.checkedInAt))}
            </Badge>
          ) : data.canCheckIn ? (
            <Button
              onClick={() => checkIn.mutate()}
              loading={checkIn.isPending}
              data-testid="event-self-check-in"
            >
              {t.followUp.checkInButton}
            </Button>
          ) : (
            <Text fz="sm" c="dimmed">
              {t.followUp.checkInClosed}
            </Text>
          )}
        </Group>
        {checkIn.error ? (
          <FailureAlert title={t.checkIn.failed} error={checkIn.error} testId="event-self-check-in-error" />
        ) : null}
      </Paper>
      {data.meetings.length === 0 ? <Text c="dimmed">{t.followUp.none}</Text> : null}
      {data.meetings.map((meeting) => (
        <MyMeeting key={meeting.id} meeting={meeting} viewer={viewer} />
      ))}
    </Stack>
  );
}

function MyMeeting({ meeting, viewer }: { meeting: MyMeetingDto; viewer: EventViewer }) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: dayKeys.all(viewer.eventId) });
  const [rating, setRating] = useState<number>(meeting.feedback?.rating ?? 0);
  const [followUp, setFollowUp] = useState<FollowUp>(meeting.feedback?.followUp ?? 'contact');
  const [comment, setComment] = useState(meeting.feedback?.comment ?? '');
  const status = useMutation({
    mutationFn: (next: MeetingStatus) =>
      setMeetingStatus(viewer, meeting.id, { status: next, version: meeting.version }),
    onSuccess: refresh,
  });
  const feedback = useMutation({
    mutationFn: () =>
      giveFeedback(viewer, meeting.id, { rating: rating === 0 ? null : rating, followUp, comment }),
    onSuccess: refresh,
  });
  const ratingId = `rating-${meeting.id}`;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="event-my-meeting">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {t.followUp.with(meeting.counterpartName)}
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
          {new Date(meeting.slotStartsAt).toLocaleDateString()} · {timeOf(meeting.slotStartsAt)}–
          {timeOf(meeting.slotEndsAt)} · {meeting.tableName ?? t.day.online}
        </Text>
        {!meeting.started ? (
          <Text fz="sm">{t.followUp.notStarted}</Text>
        ) : meeting.status !== 'held' ? (
          <Stack gap="xs">
            <Group gap="xs" wrap="wrap">
              <Button
                size="sm"
                color="green"
                onClick={() => status.mutate('held')}
                loading={status.isPending}
              >
                {t.followUp.markHeld}
              </Button>
              <Button
                size="sm"
                variant="light"
                color="orange"
                onClick={() => status.mutate(meeting.status === 'no_show' ? 'scheduled' : 'no_show')}
                disabled={status.isPending}
                aria-pressed={meeting.status === 'no_show'}
              >
                {t.followUp.markNoShow}
              </Button>
            </Group>
            <Text fz="sm" c="dimmed">
              {t.followUp.onlyHeld}
            </Text>
          </Stack>
        ) : (
          <Stack gap="xs">
            <Stack gap={2}>
              <Text fz="sm" fw={500} id={ratingId}>
                {t.followUp.rating}
              </Text>
              <Rating
                value={rating}
                onChange={setRating}
                size="lg"
                aria-labelledby={ratingId}
                getSymbolLabel={(index) => t.followUp.ratingLabel(index + 1)}
              />
            </Stack>
            <Select
              label={t.followUp.followUp}
              data={FOLLOW_UPS.map((value) => ({ value, label: t.followUps[value] ?? value }))}
              value={followUp}
              onChange={(value) => value && setFollowUp(value as FollowUp)}
              allowDeselect={false}
            />
            <Textarea
              label={t.followUp.comment}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group gap="xs">
              <Button
                onClick={() => feedback.mutate()}
                loading={feedback.isPending}
                data-testid="event-feedback-save"
              >
                {t.followUp.save}
              </Button>
              {feedback.isSuccess ? (
                <Alert color="green" variant="light" p={6} role="status">
                  {t.followUp.saved}
                </Alert>
              ) : null}
            </Group>
          </Stack>
        )}
        {status.error ? (
          <FailureAlert title={t.day.failed} error={status.error} testId="event-my-meeting-error" />
        ) : null}
        {feedback.error ? (
          <FailureAlert title={t.followUp.failed} error={feedback.error} testId="event-feedback-error" />
        ) : null}
      </Stack>
    </Paper>
  );
}
