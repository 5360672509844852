import { z } from 'zod';
import { KPI_KINDS } from '../../domain/catalogue/types.ts';
import { addDays, todayIso } from '../../domain/dates.ts';
import { isoDate, versionField, versionQueryField } from '../../http/params.ts';

/**
 * HTTP contract of hand-entered KPI values: where no record can exist (sales volume,
 * satisfaction, remarks on a visited market), someone enters the value with its day and a
 * comment. Money is EUR with at most 2 decimals.
 */

const id = z.string().min(1).max(100);
export const MAX_ENTRY_COMMENT = 2_000;

export const kpiAuthorSchema = z
  .object({ id: z.string(), name: z.string() })
  .nullable()
  .describe('Who entered the value; null once their account is gone');

export const kpiEntrySchema = z
  .object({
    id: z.string(),
    activityId: z.string(),
    kpiKey: z.string(),
    kind: z.enum(KPI_KINDS),
    value: z.union([z.number(), z.string()]).describe('Text for a text KPI, else a number (money in EUR)'),
    recordedOn: z.string().describe('YYYY-MM-DD: the day the value was observed'),
    comment: z.string(),
    author: kpiAuthorSchema,
    version: z.number().int().describe('Send it back with an edit; a stale one gets 409'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'KpiEntry' });

const fields = {
  value: z
    .union([z.number(), z.string()])
    .describe(
      'A count (whole, ≥ 0), a percentage (0–100), a rating (1–5), EUR (may be negative: a fall in sales) or, for a text KPI, text of at most 2,000 characters',
    ),
  recordedOn: isoDate
    .refine((day) => day <= addDays(todayIso(), 366), 'must not be more than a year from today')
    .describe('YYYY-MM-DD, at most a year ahead'),
  comment: z.string().trim().max(MAX_ENTRY_COMMENT),
};

export const createKpiEntryBody = z.strictObject({
  activityId: id,
  kpiKey: z.string().trim().min(1).max(100),
  ...fields,
  comment: fields.comment.default(''),
});

export const updateKpiEntryBody = z.strictObject({
  value: fields.value.optional(),
  recordedOn: fields.recordedOn.optional(),
  comment: fields.comment.optional(),
  version: versionField,
});

export const kpiEntryParams = z.object({ workspace: z.string().min(1).max(100), id });
export const deleteKpiEntryQuery = z.object({
  version: versionQueryField.optional().describe('When sent, a stale version gets 409'),
});

export type KpiEntryDto = z.infer<typeof kpiEntrySchema>;
export type CreateKpiEntryInput = z.infer<typeof createKpiEntryBody>;
export type UpdateKpiEntryInput = z.infer<typeof updateKpiEntryBody>;
