import { z } from 'zod';

/**
 * Calendar dates as the planning tables store them: ISO `YYYY-MM-DD` text, which compares
 * correctly as text. Arithmetic goes through UTC midnight so no time zone moves a day.
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

/** A `YYYY-MM-DD` date between 1900 and 2199 (anything else is a typo in a plan). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD', abort: true })
  .refine(isIsoDate, 'is not a calendar date')
  .refine((text) => text >= '1900-01-01' && text <= '2199-12-31', 'must be between 1900 and 2199')
  .describe('YYYY-MM-DD');

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
