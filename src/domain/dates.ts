import { InvalidInputError } from './errors.ts';

/**
 * Calendar dates as the Hub stores them: ISO `YYYY-MM-DD` text, which compares correctly as
 * text (the SQL relies on it). Arithmetic goes through UTC midnight so no time zone moves a day.
 */

const DAY_MS = 86_400_000;

function parse(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** Whether `text` is a real calendar date written `YYYY-MM-DD` (no 2025-02-30). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = parse(text);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

/** The years a date may fall in; anything else is a typo in a plan (`isoDate` refuses it). */
export const FIRST_DAY = '1900-01-01';
export const LAST_DAY = '2199-12-31';

/** Today in UTC as `YYYY-MM-DD`. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** `date` moved by `days` (negative: earlier). */
export function addDays(date: string, days: number): string {
  return new Date(parse(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to) - parse(from)) / DAY_MS);
}

/**
 * Whether `to` is `years` years after `from` or later, compared by year then by month and day (so
 * it holds for any four-digit year, and 29 February ends its span on 28 February).
 */
export function spansYears(from: string, to: string, years: number): boolean {
  const limitYear = Number(from.slice(0, 4)) + years;
  const toYear = Number(to.slice(0, 4));
  return toYear > limitYear || (toYear === limitYear && to.slice(4) >= from.slice(4));
}

/** @throws InvalidInputError naming `query.to` when the range ends before it starts. */
export function checkRange(range: { from?: string | undefined; to?: string | undefined }): void {
  if (range.from !== undefined && range.to !== undefined && range.to < range.from) {
    throw new InvalidInputError(`The range ends (${range.to}) before it starts (${range.from})`, [
      { field: 'query.to', message: `must not be before from (${range.from})` },
    ]);
  }
}
