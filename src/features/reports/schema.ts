import { z } from 'zod';
import { addDays, isIsoDate, spansYears } from '../../domain/dates.ts';
import { LANGUAGES } from '../../domain/i18n/types.ts';
import { isoDate } from '../../http/params.ts';

/** HTTP contract of funder reports: a period, a format and optionally a market, made by a background job. */

export const REPORT_FORMATS = ['pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The longest period a report covers: ten years. */
export const MAX_REPORT_YEARS = 10;

/** The last day of a period of `years` years starting on `from` (2026-01-01 → 2035-12-31). */
export function lastDayOfYears(from: string, years: number): string {
  const shifted = `${String(Number(from.slice(0, 4)) + years).padStart(4, '0')}${from.slice(4)}`;
  // 29 February shifted to a year without one: the period ends on 28 February.
  return isIsoDate(shifted) ? addDays(shifted, -1) : `${shifted.slice(0, 8)}28`;
}

export const reportRequestSchema = z
  .strictObject({
    from: isoDate.describe('First day of the period, YYYY-MM-DD'),
    to: isoDate.describe(`Last day of the period, YYYY-MM-DD (at most ${MAX_REPORT_YEARS} years after from)`),
    format: z.enum(REPORT_FORMATS),
    marketId: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('Only the activities of this target market’s plans (as the dashboard’s market filter)'),
    language: z
      .enum(LANGUAGES)
      .optional()
      .describe(
        'The language of the report’s own words and figures; the requesting user’s language by default',
      ),
  })
  .superRefine((period, context) => {
    if (period.to < period.from) {
      context.addIssue({ code: 'custom', path: ['to'], message: `must not be before from (${period.from})` });
    } else if (spansYears(period.from, period.to, MAX_REPORT_YEARS)) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: `must be at most ${MAX_REPORT_YEARS} years after from (${lastDayOfYears(period.from, MAX_REPORT_YEARS)} at the latest)`,
      });
    }
  })
  .meta({ id: 'ReportRequest' });

export type ReportRequest = z.infer<typeof reportRequestSchema>;
