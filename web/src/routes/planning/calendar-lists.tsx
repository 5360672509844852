import { Button, Collapse, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ActivitySummaryDto } from '../../api/types.ts';
import { messages } from '../../messages/en.ts';
import classes from './calendar.module.css';
import { agendaGroups, type DayRange } from './calendar.ts';
import { CalendarEntry, longDay } from './calendar-entry.tsx';

const t = messages.calendar;

/**
 * The activities longer than three weeks, once each, above the grid or the list: on a phone folded
 * behind a button, so the period's own events come first.
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
  const [open, { toggle }] = useDisclosure(!compact);
  if (activities.length === 0) return null;
  const list = (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm" id="calendar-ongoing-list">
      {activities.map((activity) => (
        <CalendarEntry
          key={activity.id}
          workspace={workspace}
          activity={activity}
          testId="calendar-ongoing-item"
        />
      ))}
    </SimpleGrid>
  );
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby="calendar-ongoing-title"
      data-testid="calendar-ongoing"
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" align="flex-start">
          <div>
            <Title order={2} fz="md" id="calendar-ongoing-title">
              {t.ongoingTitle} ({activities.length})
            </Title>
            <Text fz="xs" c="dimmed">
              {t.ongoingHint}
            </Text>
          </div>
          {compact && (
            <Button
              variant="light"
              size="compact-sm"
              onClick={toggle}
              aria-expanded={open}
              aria-controls="calendar-ongoing-list"
            >
              {t.ongoingToggle(activities.length, open)}
            </Button>
          )}
        </Group>
        {compact ? <Collapse in={open}>{list}</Collapse> : list}
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
