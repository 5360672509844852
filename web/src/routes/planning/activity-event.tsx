import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ButtonLink } from '../../app/links.tsx';
import { messages } from '../../messages/en.ts';
import { activityEventQuery } from '../events/queries.ts';
import { STATUS_COLORS } from '../events/setup-colors.ts';
import { B2B_INSTRUMENT_CODES, CreateEventModal } from '../events/setup-create.tsx';

const t = messages.events.section;

/**
 * The activity page's "B2B event" section (issue 22), for activities of a B2B instrument only:
 * the event's summary and a link, or, for its organisers, "Set up a B2B event".
 */
export function ActivityEvent({
  workspace,
  activity,
}: {
  workspace: string;
  activity: { id: string; instrumentCode: string };
}) {
  const eligible = B2B_INSTRUMENT_CODES.includes(activity.instrumentCode);
  const event = useQuery({ ...activityEventQuery(workspace, activity.id), enabled: eligible });
  const [creating, setCreating] = useState(false);
  if (!eligible || !event.isSuccess) return null;
  const found = event.data.event;
  if (!found && !event.data.canCreate) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="activity-event-title">
      <Stack gap="xs">
        <Title order={2} fz="lg" id="activity-event-title">
          {t.title}
        </Title>
        {found ? (
          <>
            <Group gap={6}>
              <Badge
                color={STATUS_COLORS[found.status] ?? 'gray'}
                variant="light"
                c="var(--mantine-color-text)"
              >
                {messages.events.status[found.status]}
              </Badge>
              <Badge color="gray" variant="outline">
                {messages.events.format[found.format]}
              </Badge>
            </Group>
            <Text fz="sm">{t.summary(found.counts.participants.approved ?? 0, found.counts.meetings)}</Text>
            <ButtonLink
              to="/w/$workspace/events/$eventId"
              params={{ workspace, eventId: found.id }}
              variant="light"
              w="fit-content"
              data-testid="activity-event-link"
            >
              {t.open}
            </ButtonLink>
          </>
        ) : (
          <>
            <Text fz="sm" c="dimmed">
              {t.none}
            </Text>
            <Button w="fit-content" onClick={() => setCreating(true)} data-testid="activity-event-create">
              {t.setUp}
            </Button>
          </>
        )}
      </Stack>
      {creating && (
        <CreateEventModal
          workspace={workspace}
          activityId={activity.id}
          opened
          onClose={() => setCreating(false)}
        />
      )}
    </Paper>
  );
}
