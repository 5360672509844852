/**
 * The activity calendar's layout. Pure: a period and activities in, what to draw out. Long
 * activities (more than three weeks) go to an "ongoing" lane shown once above the grid; the others
 * become bars across the days they run, cut into one segment per week row, stacked in lanes, with
 * the days whose bars do not fit counted for a "+N more". The agenda lists each activity once.
 * Dates are `YYYY-MM-DD` strings throughout (UTC arithmetic, no time zones: activities are days).
 */

export interface CalendarActivity {
  id: string;
  title: string;
  startsOn: string;
  endsOn: string;
}

/** A period of days, both ends included. */
export interface DayRange {
  from: string;
  to: string;
}

export interface CalendarDay {
  /** `YYYY-MM-DD` */
  date: string;
  /** Inside the month (or week) asked for; the grid's other days are dimmed. */
  inMonth: boolean;
}

/** One bar of a week row: where an activity runs in that week. */
export interface BarSegment<T> {
  activity: T;
  /** The first day of the bar in the row: 0 = Monday … 6 = Sunday. */
  column: number;
  /** How many days the bar spans (1 to 7). */
  span: number;
  /** The bar's line in the row, 0 at the top; the same line holds no two bars on one day. */
  lane: number;
  /** The activity began before this row (drawn as a continuation). */
  continuesBefore: boolean;
  /** The activity goes on after this row. */
  continuesAfter: boolean;
}

export interface WeekRow<T> {
  days: CalendarDay[];
  /** Every bar of the week, laned; those in a lane at or past `maxLanes` are hidden. */
  segments: BarSegment<T>[];
  /** The bars that fit (lane below `maxLanes`). */
  visible: BarSegment<T>[];
  /** For each day (Monday first): how many of its bars are hidden, for a "+N more". */
  hiddenPerDay: number[];
  /** Lanes the row draws: min(lanes used, maxLanes). */
  laneCount: number;
}

export interface AgendaGroup<T> {
  /** The day the entries are listed under: their first day, or the period's first day if they began before. */
  date: string;
  entries: { activity: T; continuing: boolean }[];
}

/** Longer than this many days: an activity of the "ongoing" lane rather than a bar. */
export const ONGOING_AFTER_DAYS = 21;

const DAY_MS = 86_400_000;

/** How many days an activity runs, both ends included (a one-day event: 1). */
export function durationDays(activity: { startsOn: string; endsOn: string }): number {
  return Math.round((parse(activity.endsOn) - parse(activity.startsOn)) / DAY_MS) + 1;
}

/** Whether the activity is shown once in the ongoing lane: it runs for more than three weeks. */
export function isOngoing(activity: { startsOn: string; endsOn: string }): boolean {
  return durationDays(activity) > ONGOING_AFTER_DAYS;
}

/** The activities of `range` split into the ongoing lane's and the bars', each in calendar order. */
export function splitOngoing<T extends CalendarActivity>(
  activities: readonly T[],
  range: DayRange,
): { ongoing: T[]; dated: T[] } {
  const inRange = activities.filter((a) => overlaps(a, range)).sort(calendarOrder);
  return { ongoing: inRange.filter(isOngoing), dated: inRange.filter((a) => !isOngoing(a)) };
}

/** Start day, then the longer first, then title: the order of lanes, lists and popovers. */
export function calendarOrder(a: CalendarActivity, b: CalendarActivity): number {
  return (
    a.startsOn.localeCompare(b.startsOn) || b.endsOn.localeCompare(a.endsOn) || a.title.localeCompare(b.title)
  );
}

/**
 * The week rows of a grid from `range.from` (a Monday) to `range.to` (a Sunday), with the bars of
 * `activities` (those not ongoing) laned per row. `inside` marks the days not dimmed.
 */
export function weekRows<T extends CalendarActivity>(
  range: DayRange,
  activities: readonly T[],
  options: { maxLanes: number; inside: DayRange },
): WeekRow<T>[] {
  const sorted = activities.filter((a) => !isOngoing(a)).sort(calendarOrder);
  const rows: WeekRow<T>[] = [];
  for (let monday = range.from; monday <= range.to; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    const days = Array.from({ length: 7 }, (_, i) => {
      const date = addDays(monday, i);
      return { date, inMonth: date >= options.inside.from && date <= options.inside.to };
    });
    const segments = laneSegments(
      sorted.filter((a) => overlaps(a, { from: monday, to: sunday })),
      monday,
      sunday,
    );
    const visible = segments.filter((s) => s.lane < options.maxLanes);
    const hiddenPerDay = days.map(
      (_, column) =>
        segments.filter((s) => s.lane >= options.maxLanes && s.column <= column && column < s.column + s.span)
          .length,
    );
    const lanesUsed = segments.reduce((most, s) => Math.max(most, s.lane + 1), 0);
    rows.push({ days, segments, visible, hiddenPerDay, laneCount: Math.min(lanesUsed, options.maxLanes) });
  }
  return rows;
}

/** Cuts each activity to the week and puts it on the first lane free on all its days. */
function laneSegments<T extends CalendarActivity>(
  activities: readonly T[],
  monday: string,
  sunday: string,
): BarSegment<T>[] {
  /** lanes[lane][column]: taken. */
  const lanes: boolean[][] = [];
  return activities.map((activity) => {
    const first = laterDay(activity.startsOn, monday);
    const last = earlierDay(activity.endsOn, sunday);
    const column = daysBetween(monday, first);
    const span = daysBetween(first, last) + 1;
    let lane = lanes.findIndex((taken) => taken.slice(column, column + span).every((t) => !t));
    if (lane === -1) {
      lane = lanes.length;
      lanes.push(Array<boolean>(7).fill(false));
    }
    for (let c = column; c < column + span; c++) (lanes[lane] as boolean[])[c] = true;
    return {
      activity,
      column,
      span,
      lane,
      continuesBefore: activity.startsOn < monday,
      continuesAfter: activity.endsOn > sunday,
    };
  });
}

/** The activities (not ongoing) running on `date`, in lane order: a day's "+N more" popover. */
export function activitiesOn<T extends CalendarActivity>(row: WeekRow<T>, date: string): T[] {
  return row.segments
    .filter((s) => s.activity.startsOn <= date && s.activity.endsOn >= date)
    .sort((a, b) => a.lane - b.lane)
    .map((s) => s.activity);
}

/**
 * The agenda of `range`: each activity (not ongoing) once, under its first day, or under the
 * period's first day (marked continuing) when it began before; days in order.
 */
export function agendaGroups<T extends CalendarActivity>(
  activities: readonly T[],
  range: DayRange,
): AgendaGroup<T>[] {
  const groups = new Map<string, AgendaGroup<T>>();
  for (const activity of splitOngoing(activities, range).dated) {
    const continuing = activity.startsOn < range.from;
    const date = continuing ? range.from : activity.startsOn;
    const group = groups.get(date) ?? { date, entries: [] };
    group.entries.push({ activity, continuing });
    groups.set(date, group);
  }
  return [...groups.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** `2026-11` → the first and last day shown: the Monday on or before the 1st, the Sunday on or after the last day. */
export function monthRange(month: string): DayRange {
  const { from, to } = monthDays(month);
  return { from: mondayOf(from), to: addDays(mondayOf(to), 6) };
}

/** `2026-11` → its first and last day. */
export function monthDays(month: string): DayRange {
  return { from: `${month}-01`, to: addDays(`${shiftMonth(month, 1)}-01`, -1) };
}

/** The week (Monday to Sunday) holding `date`. */
export function weekRange(date: string): DayRange {
  const monday = mondayOf(date);
  return { from: monday, to: addDays(monday, 6) };
}

/** The Monday on or before `date`. */
export function mondayOf(date: string): string {
  return addDays(date, -weekdayIndex(date));
}

/** Monday 0 … Sunday 6. */
export function weekdayIndex(date: string): number {
  return (new Date(parse(date)).getUTCDay() + 6) % 7;
}

/** The month a week belongs to, as ISO 8601 counts it: its Thursday's. */
export function monthOfWeek(monday: string): string {
  return addDays(monday, 3).slice(0, 7);
}

/** `2026-11`, +1 → `2026-12`; `2026-01`, -1 → `2025-12`. */
export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `date` moved by `days` (negative: back). */
export function addDays(date: string, days: number): string {
  return new Date(parse(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to) - parse(from)) / DAY_MS);
}

/** Whether `value` is a `YYYY-MM` month. */
export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** Whether `value` is a real `YYYY-MM-DD` day (not 2027-02-30). */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** The later of two `YYYY-MM-DD` days. */
export function laterDay(a: string, b: string): string {
  return a > b ? a : b;
}

/** The earlier of two `YYYY-MM-DD` days. */
export function earlierDay(a: string, b: string): string {
  return a < b ? a : b;
}

function overlaps(activity: { startsOn: string; endsOn: string }, range: DayRange): boolean {
  return activity.startsOn <= range.to && activity.endsOn >= range.from;
}

function parse(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}
