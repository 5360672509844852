import { z } from 'zod';
import { InvalidInputError } from '../../domain/errors.ts';

import { isIsoDate } from '../plans/dates.ts';

export { addDays } from '../plans/dates.ts';

/** Today in UTC as `YYYY-MM-DD`. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * A calendar day as the planning API writes it. The format check aborts so a malformed value gets
 * one clear message. Text compares in date order, which the SQL relies on.
 */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD', abort: true })
  .refine(isIsoDate, 'is not a calendar date')
  .describe('YYYY-MM-DD');

/** @throws InvalidInputError naming `query.to` when the range ends before it starts. */
export function checkRange(range: { from?: string | undefined; to?: string | undefined }): void {
  if (range.from !== undefined && range.to !== undefined && range.to < range.from) {
    throw new InvalidInputError(`The range ends (${range.to}) before it starts (${range.from})`, [
      { field: 'query.to', message: `must not be before from (${range.from})` },
    ]);
  }
}
