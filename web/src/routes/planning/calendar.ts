/**
 * The activity calendar's month grid. Pure: a month and activities in, weeks of days (Monday first)
 * with the activities running on each day out.
 */

export interface CalendarActivity {
  id: string;
  startsOn: string;
  endsOn: string;
}

export interface CalendarDay<T> {
  /** `YYYY-MM-DD` */
  date: string;
  inMonth: boolean;
  activities: T[];
}

/** `2026-11` → the first and last day shown: the Monday on or before the 1st, the Sunday on or after the last day. */
export function monthRange(month: string): { from: string; to: string } {
  const { first, last } = monthBounds(month);
  return { from: iso(addDays(first, -weekdayIndex(first))), to: iso(addDays(last, 6 - weekdayIndex(last))) };
}

/** Weeks (Monday to Sunday) covering `month` (`YYYY-MM`), each day with the activities overlapping it. */
export function monthGrid<T extends CalendarActivity>(
  month: string,
  activities: readonly T[],
): CalendarDay<T>[][] {
  const { from, to } = monthRange(month);
  const weeks: CalendarDay<T>[][] = [];
  const sorted = [...activities].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  for (let day = parse(from); iso(day) <= to; day = addDays(day, 1)) {
    const date = iso(day);
    if (weekdayIndex(day) === 0) weeks.push([]);
    weeks.at(-1)?.push({
      date,
      inMonth: date.startsWith(month),
      activities: sorted.filter((a) => a.startsOn <= date && a.endsOn >= date),
    });
  }
  return weeks;
}

/** `2026-11`, +1 → `2026-12`; `2026-01`, -1 → `2025-12`. */
export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Whether `value` is a `YYYY-MM` month. */
export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

function monthBounds(month: string): { first: Date; last: Date } {
  const first = parse(`${month}-01`);
  const last = addDays(parse(`${shiftMonth(month, 1)}-01`), -1);
  return { first, last };
}

function parse(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** Monday 0 … Sunday 6. */
function weekdayIndex(date: Date): number {
  return (date.getUTCDay() + 6) % 7;
}
