import { Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ActivitySummaryDto } from '../../api/types.ts';
import { AnchorLink } from '../../app/links.tsx';
import { messages } from '../../messages/en.ts';
import type { CalendarDay } from './calendar.ts';
import classes from './month-grid.module.css';
import { PHASE_HEX } from './timeline.ts';

const t = messages.calendar;
const p = messages.planning;

/** The month as a table of weeks (Monday first); each day lists the activities running on it. */
export function MonthGrid({
  workspace,
  weeks,
  caption,
  today,
}: {
  workspace: string;
  weeks: CalendarDay<ActivitySummaryDto>[][];
  caption: string;
  /** `YYYY-MM-DD`, marked in the grid. */
  today: string;
}) {
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={840} type="native">
        <Table withColumnBorders withRowBorders layout="fixed" data-testid="calendar-grid">
          <VisuallyHidden component="caption">{caption}</VisuallyHidden>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              {t.weekdaysShort.map((day, index) => (
                <Table.Th key={day} scope="col" ta="center">
                  <abbr title={t.weekdays[index]} style={{ textDecoration: 'none' }}>
                    {day}
                  </abbr>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {weeks.map((week) => (
              <Table.Tr key={week[0]?.date}>
                {week.map((day) => (
                  <Table.Td
                    key={day.date}
                    className={classes.day}
                    data-outside={day.inMonth ? undefined : true}
                    data-today={day.date === today ? true : undefined}
                    data-testid="calendar-day"
                    data-date={day.date}
                  >
                    <Stack gap={4}>
                      <Text component="span" fz="xs" fw={700} c={day.inMonth ? undefined : 'dimmed'}>
                        <time dateTime={day.date} aria-current={day.date === today ? 'date' : undefined}>
                          {Number(day.date.slice(8))}
                        </time>
                      </Text>
                      {day.activities.map((activity) => (
                        <AnchorLink
                          key={activity.id}
                          to="/w/$workspace/activities/$activityId"
                          params={{ workspace, activityId: activity.id }}
                          className={classes.chip}
                          style={{ background: PHASE_HEX[activity.phase] }}
                          data-status={activity.status}
                          title={`${activity.title} · ${activity.instrumentName} · ${p.activityStatus[activity.status]}`}
                          data-testid="calendar-activity"
                        >
                          {activity.title}
                          <span className={classes.status}> · {p.activityStatus[activity.status]}</span>
                        </AnchorLink>
                      ))}
                    </Stack>
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
