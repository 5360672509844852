import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ActivitySummaryDto } from '../../api/types.ts';
import { messages } from '../../messages/en.ts';
import classes from './calendar.module.css';
import { agendaGroups, type DayRange } from './calendar.ts';
import { CalendarEntry, longDay } from './calendar-entry.tsx';

const t = messages.calendar;

/** Ongoing activities a wide screen lists before "Show all" (two rows of three). */
const ONGOING_SHOWN = 6;

/**
 * The activities longer than three weeks, once each, above the grid or the list. A wide screen
 * lists the first six, a phone none, so the period's own events come first; "Show all" the rest.
 */
export function OngoingLane({
  workspace,
  activities,
  compact,
}: {
  workspace: string;
  activities: ActivitySummaryDto[];
  compact: boolean;
}) {
  const [open, { toggle }] = useDisclosure(false);
  if (activities.length === 0) return null;
  const limit = compact ? 0 : ONGOING_SHOWN;
  const shown = open ? activities : activities.slice(0, limit);
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby="calendar-ongoing-title"
      data-testid="calendar-ongoing"
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" align="flex-start">
          <div>
            <Title order={2} fz="md" id="calendar-ongoing-title">
              {t.ongoingTitle} ({activities.length})
            </Title>
            <Text fz="xs" c="dimmed">
              {t.ongoingHint}
            </Text>
          </div>
          {activities.length > limit && (
            <Button
              variant="light"
              size="compact-sm"
              onClick={toggle}
              aria-expanded={open}
              aria-controls="calendar-ongoing-list"
              data-testid="calendar-ongoing-toggle"
            >
              {t.ongoingToggle(activities.length, open)}
            </Button>
          )}
        </Group>
        <SimpleGrid
          cols={{ base: 1, sm: 2, lg: 3 }}
          spacing="md"
          verticalSpacing="xs"
          id="calendar-ongoing-list"
          hidden={shown.length === 0}
        >
          {shown.map((activity) => (
            <CalendarEntry
              key={activity.id}
              workspace={workspace}
              activity={activity}
              testId="calendar-ongoing-item"
              dense
            />
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

/** The period's activities (not the ongoing ones) as a list by day, each once. */
export function Agenda({
  workspace,
  activities,
  range,
  title,
  today,
  filtered,
}: {
  workspace: string;
  activities: ActivitySummaryDto[];
  /** The period's own days. */
  range: DayRange;
  title: string;
  today: string;
  filtered: boolean;
}) {
  const groups = agendaGroups(activities, range);
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby="calendar-agenda-title"
      data-testid="calendar-agenda"
    >
      <Stack gap="md">
        <Title order={2} fz="lg" id="calendar-agenda-title">
          {title}
        </Title>
        {groups.length === 0 ? (
          <Text fz="sm" c="dimmed" data-testid="calendar-empty">
            {filtered ? t.noActivitiesFiltered : t.noActivities}
          </Text>
        ) : (
          groups.map((group) => (
            <Stack key={group.date} gap={8} component="section" aria-labelledby={`agenda-${group.date}`}>
              <Title order={3} fz="sm" id={`agenda-${group.date}`}>
                <time dateTime={group.date} aria-current={group.date === today ? 'date' : undefined}>
                  {longDay(group.date)}
                </time>
              </Title>
              <ul className={classes.agendaList}>
                {group.entries.map(({ activity, continuing }) => (
                  <li key={activity.id}>
                    <CalendarEntry
                      workspace={workspace}
                      activity={activity}
                      testId="calendar-agenda-item"
                      note={continuing ? t.startedBefore : undefined}
                    />
                  </li>
                ))}
              </ul>
            </Stack>
          ))
        )}
      </Stack>
    </Paper>
  );
}
