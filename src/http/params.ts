import countries from 'i18n-iso-countries';
import { z } from 'zod';
import { FIRST_DAY, isIsoDate, LAST_DAY } from '../domain/dates.ts';

/**
 * Request parameters every feature's schema shares: the workspace in the path, countries, dates.
 * One definition each, so the same input gets the same answer on every route.
 */

/** `/api/v1/workspaces/{workspace}/…`: the workspace's slug. */
export const workspaceParams = z.object({ workspace: z.string().min(1).max(100) });

/** Codes people type for a country that ISO 3166-1 does not give them, with what to write instead. */
const NOT_COUNTRIES: Record<string, string> = {
  UK: 'is not an ISO 3166-1 code: the United Kingdom is "GB"',
  EU: 'is the European Union, not a country: give the member state',
  EL: 'is not an ISO 3166-1 code: Greece is "GR"',
};

/**
 * ISO 3166-1 alpha-2 (the standard's officially assigned codes, as `i18n-iso-countries` lists
 * them), in capitals. The one country rule of the Hub: clusters, organisations, markets, travel
 * rates and estimates all take it, so a code one of them accepts never fails in another.
 */
export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code in capitals, e.g. "BE"', abort: true })
  .superRefine((code, ctx) => {
    if (isIsoCountry(code)) return;
    ctx.addIssue({ code: 'custom', message: NOT_COUNTRIES[code] ?? 'is not an ISO 3166-1 country code' });
  });

/** Whether `code` is an assigned ISO 3166-1 alpha-2 country code. */
export function isIsoCountry(code: string): boolean {
  return countries.isValid(code) && !(code in NOT_COUNTRIES);
}

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

/**
 * The largest value a 32-bit integer column holds (PostgreSQL `integer`: versions, positions,
 * cents). A bigger number must be refused as input, not reach the database.
 */
export const INT32_MAX = 2_147_483_647;

/** `version` of an edit: the record's version as it was read (a stale one is answered 409). */
export const versionField = z.number().int().min(1).max(INT32_MAX);

/** `?version=` of a delete. */
export const versionQueryField = z.coerce.number().int().min(1).max(INT32_MAX);
