import { z } from 'zod';
import { FIRST_DAY, isIsoDate, LAST_DAY } from '../domain/dates.ts';

/**
 * Request parameters every feature's schema shares: the workspace in the path, countries, dates.
 * One definition each, so the same input gets the same answer on every route.
 */

/** `/api/v1/workspaces/{workspace}/…`: the workspace's slug. */
export const workspaceParams = z.object({ workspace: z.string().min(1).max(100) });

/**
 * ISO 3166-1 alpha-2, checked against the region names ICU knows (no unknown "XX", and not "ZZ",
 * which ICU names "Unknown Region"). The format check aborts: `Intl.DisplayNames.of` throws on
 * anything but a region code, which would otherwise turn "Belgium" into a 500.
 */
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code in capitals, e.g. "BE"', abort: true })
  .refine((code) => code !== 'ZZ' && regionNames.of(code) !== code, 'is not an ISO 3166-1 country code');

/**
 * A calendar day `YYYY-MM-DD` between 1900 and 2199. The format check aborts so a malformed
 * value gets one clear message.
 */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD', abort: true })
  .refine(isIsoDate, 'is not a calendar date')
  .refine((text) => text >= FIRST_DAY && text <= LAST_DAY, 'must be between 1900 and 2199')
  .describe('YYYY-MM-DD');
