import { z } from 'zod';
import { KPI_KINDS } from '../../domain/catalogue/types.ts';
import { versionField, versionQueryField } from '../../http/params.ts';

/**
 * HTTP contract of KPI targets: a target for one KPI of one activity, or of one instrument of a
 * plan (or a Hub-wide KPI of the whole plan). Money is EUR with at most 2 decimals.
 */

const id = z.string().min(1).max(100);
const kpiKey = z.string().trim().min(1).max(100);

export const kpiTargetSchema = z
  .object({
    id: z.string(),
    activityId: z.string().nullable().describe('Set for an activity target'),
    planId: z.string().nullable().describe('Set for a plan target'),
    instrumentId: z
      .string()
      .nullable()
      .describe("The KPI's instrument; null: a Hub-wide KPI (held activities, participants, costs)"),
    kpiKey: z.string(),
    kind: z.enum(KPI_KINDS),
    value: z.number().describe('A count, a percentage, a 1–5 rating or EUR'),
    version: z.number().int().describe('Send it back with an edit; a stale one gets 409'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'KpiTarget' });

export const kpiTargetListSchema = z
  .object({ items: z.array(kpiTargetSchema) })
  .meta({ id: 'KpiTargetList' });

const targetValue = z.number().describe('A count (whole), a percentage (0–100), a rating (1–5) or EUR (≥ 0)');

/**
 * One body for both scopes, checked field by field so that a wrong one is named (a union would
 * answer "invalid input" for the whole body).
 */
export const createKpiTargetBody = z
  .strictObject({
    activityId: id.optional().describe('The activity (send either activityId or planId)'),
    planId: id.optional().describe('The plan (send either activityId or planId)'),
    instrumentId: id
      .nullable()
      .optional()
      .describe("With planId: one of the plan's instruments, or null for a Hub-wide KPI"),
    kpiKey,
    value: targetValue,
  })
  .superRefine((body, context) => {
    const hasActivity = body.activityId !== undefined;
    const hasPlan = body.planId !== undefined;
    if (hasActivity === hasPlan) {
      context.addIssue({
        code: 'custom',
        path: ['activityId'],
        message: hasActivity
          ? 'send either activityId or planId, not both'
          : 'send an activityId or a planId',
      });
    }
    if (hasPlan && body.instrumentId === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['instrumentId'],
        message: "is required with planId (one of the plan's instruments, or null for a Hub-wide KPI)",
      });
    }
    if (hasActivity && !hasPlan && body.instrumentId !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['instrumentId'],
        message: "is only for plan targets (an activity's KPIs follow its instrument)",
      });
    }
  });

export const updateKpiTargetBody = z.strictObject({
  value: targetValue,
  version: versionField,
});

export const listKpiTargetsQuery = z
  .object({ activityId: id.optional(), planId: id.optional() })
  .refine((query) => (query.activityId === undefined) !== (query.planId === undefined), {
    message: 'send either activityId or planId',
    path: ['activityId'],
  });

export const kpiTargetParams = z.object({ workspace: z.string().min(1).max(100), id });
export const deleteKpiTargetQuery = z.object({
  version: versionQueryField.optional().describe('When sent, a stale version gets 409'),
});

export type KpiTargetDto = z.infer<typeof kpiTargetSchema>;
export type CreateKpiTargetInput = z.infer<typeof createKpiTargetBody>;
export type UpdateKpiTargetInput = z.infer<typeof updateKpiTargetBody>;
export type ListKpiTargetsQuery = z.infer<typeof listKpiTargetsQuery>;
