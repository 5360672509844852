import { Button, Popover, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { ActivitySummaryDto } from '../../api/types.ts';
import { AnchorLink } from '../../app/links.tsx';
import { messages } from '../../messages/en.ts';
import classes from './calendar.module.css';
import { activitiesOn, type BarSegment, type DayRange, type WeekRow, weekRows } from './calendar.ts';
import { CalendarEntry, instrumentAndMarket, longDay, shortPeriod } from './calendar-entry.tsx';
import { PHASE_HEX } from './timeline.ts';

const t = messages.calendar;
const p = messages.planning;

/** Lanes of bars a month's week row shows before "+N more" (a phone: thin strips, more fit). */
const MONTH_LANES = { wide: 4, compact: 4 };

/**
 * The month or week as week rows (Monday first) with the activities as bars across the days they
 * run; long activities are not here (the ongoing lane shows them). `compact` (a phone): the bars
 * are coloured strips and each day is a button listing its activities.
 */
export function CalendarGrid({
  workspace,
  activities,
  range,
  inside,
  view,
  label,
  today,
  compact,
}: {
  workspace: string;
  activities: ActivitySummaryDto[];
  /** The days drawn: whole weeks. */
  range: DayRange;
  /** The period's own days; the others are dimmed. */
  inside: DayRange;
  view: 'month' | 'week';
  /** `January 2027`, for the grid's name. */
  label: string;
  today: string;
  compact: boolean;
}) {
  const maxLanes =
    view === 'week' ? Number.POSITIVE_INFINITY : compact ? MONTH_LANES.compact : MONTH_LANES.wide;
  const rows = weekRows(range, activities, { maxLanes, inside });
  return (
    <section
      className={classes.grid}
      aria-label={t.gridLabel(label)}
      data-testid="calendar-grid"
      data-view={view}
    >
      <div className={classes.weekdays} aria-hidden="true">
        {t.weekdaysShort.map((day, index) => (
          <div key={day}>
            {day}
            {view === 'week' && !compact && ` ${Number(rows[0]?.days[index]?.date.slice(8))}`}
          </div>
        ))}
      </div>
      {rows.map((row) => (
        <WeekRowView
          key={row.days[0]?.date}
          workspace={workspace}
          row={row}
          view={view}
          today={today}
          compact={compact}
        />
      ))}
    </section>
  );
}

function WeekRowView({
  workspace,
  row,
  view,
  today,
  compact,
}: {
  workspace: string;
  row: WeekRow<ActivitySummaryDto>;
  view: 'month' | 'week';
  today: string;
  compact: boolean;
}) {
  const moreRow = row.laneCount + 2;
  const hasMore = row.hiddenPerDay.some((n) => n > 0);
  return (
    <div
      className={classes.week}
      data-week={row.days[0]?.date}
      data-view={view}
      data-compact={compact || undefined}
      data-testid="calendar-week"
      style={{
        gridTemplateRows: `auto repeat(${row.laneCount}, auto) ${hasMore ? 'auto' : ''} 1fr`,
      }}
    >
      {row.days.map((day, column) => (
        <div
          key={`bg-${day.date}`}
          className={classes.dayBackground}
          style={{ gridColumn: column + 1 }}
          data-outside={day.inMonth ? undefined : true}
          data-today={day.date === today || undefined}
        />
      ))}
      {row.days.map((day, column) =>
        compact ? (
          <DayButton
            key={`day-${day.date}`}
            workspace={workspace}
            row={row}
            date={day.date}
            column={column}
            outside={!day.inMonth}
            today={day.date === today}
          />
        ) : (
          <Text
            key={`day-${day.date}`}
            component="span"
            className={classes.dayNumber}
            style={{ gridColumn: column + 1 }}
            data-outside={day.inMonth ? undefined : true}
            data-testid="calendar-day"
            data-date={day.date}
          >
            <time dateTime={day.date} aria-current={day.date === today ? 'date' : undefined}>
              <VisuallyHidden>{longDay(day.date)}</VisuallyHidden>
              <span aria-hidden="true">{Number(day.date.slice(8))}</span>
            </time>
          </Text>
        ),
      )}
      {row.visible.map((segment) =>
        compact ? (
          <Strip key={segment.activity.id} segment={segment} />
        ) : (
          <Bar key={segment.activity.id} workspace={workspace} segment={segment} />
        ),
      )}
      {!compact &&
        row.days.map((day, column) =>
          (row.hiddenPerDay[column] ?? 0) > 0 ? (
            <MorePopover
              key={`more-${day.date}`}
              workspace={workspace}
              row={row}
              date={day.date}
              hidden={row.hiddenPerDay[column] ?? 0}
              column={column}
              gridRow={moreRow}
            />
          ) : null,
        )}
    </div>
  );
}

function place(segment: BarSegment<unknown>) {
  return { gridColumn: `${segment.column + 1} / span ${segment.span}`, gridRow: segment.lane + 2 };
}

/** A bar: the activity's title, instrument and market, linked to its page; its dates for screen readers. */
function Bar({ workspace, segment }: { workspace: string; segment: BarSegment<ActivitySummaryDto> }) {
  const { activity } = segment;
  const meta = instrumentAndMarket(activity);
  const period = shortPeriod(activity.startsOn, activity.endsOn);
  const status = p.activityStatus[activity.status];
  return (
    <AnchorLink
      to="/w/$workspace/activities/$activityId"
      params={{ workspace, activityId: activity.id }}
      underline="never"
      className={classes.bar}
      style={{ ...place(segment), background: PHASE_HEX[activity.phase] }}
      title={`${activity.title} · ${meta} · ${period} · ${status}`}
      data-testid="calendar-activity"
      data-activity-id={activity.id}
      data-status={activity.status}
      data-continues-before={segment.continuesBefore || undefined}
      data-continues-after={segment.continuesAfter || undefined}
    >
      {segment.continuesBefore && <span aria-hidden="true">◂ </span>}
      <span className={classes.barTitle}>{activity.title}</span>
      <span className={classes.barMeta}>{meta}</span>
      <VisuallyHidden>
        {`, ${period}, ${status}`}
        {segment.continuesBefore ? ` (${t.continued})` : ''}
      </VisuallyHidden>
    </AnchorLink>
  );
}

/** A phone's bar: colour only; the day's button names the activities. */
function Strip({ segment }: { segment: BarSegment<ActivitySummaryDto> }) {
  return (
    <div
      aria-hidden="true"
      className={classes.strip}
      style={{ ...place(segment), background: PHASE_HEX[segment.activity.phase] }}
      data-testid="calendar-strip"
      data-activity-id={segment.activity.id}
      data-continues-before={segment.continuesBefore || undefined}
      data-continues-after={segment.continuesAfter || undefined}
    />
  );
}

/** The activities of one day in a popover: all of them, the bars shown too. */
function DayList({
  workspace,
  row,
  date,
}: {
  workspace: string;
  row: WeekRow<ActivitySummaryDto>;
  date: string;
}) {
  return (
    <Stack gap="sm" data-testid="calendar-day-list">
      <Text fw={700} fz="sm">
        {t.dayTitle(longDay(date))}
      </Text>
      {activitiesOn(row, date).map((activity) => (
        <CalendarEntry
          key={activity.id}
          workspace={workspace}
          activity={activity}
          testId="calendar-day-item"
        />
      ))}
    </Stack>
  );
}

function MorePopover({
  workspace,
  row,
  date,
  hidden,
  column,
  gridRow,
}: {
  workspace: string;
  row: WeekRow<ActivitySummaryDto>;
  date: string;
  hidden: number;
  column: number;
  gridRow: number;
}) {
  return (
    <Popover width={320} position="bottom-start" shadow="md" withinPortal trapFocus returnFocus>
      <Popover.Target>
        <Button
          variant="subtle"
          size="compact-xs"
          className={classes.more}
          style={{ gridColumn: column + 1, gridRow }}
          aria-label={t.moreLabel(hidden, longDay(date))}
          data-testid="calendar-more"
        >
          {t.more(hidden)}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <DayList workspace={workspace} row={row} date={date} />
      </Popover.Dropdown>
    </Popover>
  );
}

/** A phone's day: its number, as a button listing the day's activities when it has any. */
function DayButton({
  workspace,
  row,
  date,
  column,
  outside,
  today,
}: {
  workspace: string;
  row: WeekRow<ActivitySummaryDto>;
  date: string;
  column: number;
  outside: boolean;
  today: boolean;
}) {
  const count = activitiesOn(row, date).length;
  const number = (
    <time dateTime={date} aria-current={today ? 'date' : undefined}>
      {Number(date.slice(8))}
    </time>
  );
  if (count === 0) {
    return (
      <Text
        component="span"
        className={classes.dayNumber}
        style={{ gridColumn: column + 1 }}
        data-outside={outside || undefined}
        data-testid="calendar-day"
        data-date={date}
      >
        {number}
      </Text>
    );
  }
  return (
    <Popover width={300} position="bottom" shadow="md" withinPortal trapFocus returnFocus>
      <Popover.Target>
        <UnstyledButton
          className={classes.dayButton}
          style={{ gridColumn: column + 1 }}
          c={outside ? 'dimmed' : undefined}
          aria-label={t.dayButton(longDay(date), count)}
          data-testid="calendar-day"
          data-date={date}
        >
          {number}
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown maw="calc(100vw - 24px)">
        <DayList workspace={workspace} row={row} date={date} />
      </Popover.Dropdown>
    </Popover>
  );
}
