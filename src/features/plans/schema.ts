import { z } from 'zod';
import { PHASES } from '../../domain/catalogue/types.ts';
import { PLAN_STATUSES } from '../../domain/planning/types.ts';
import { totalField } from '../../http/list-params.ts';
import { isoDate, versionField, versionQueryField } from '../../http/params.ts';
import { activitySummarySchema } from '../activities/schema.ts';

/** Money in EUR with cents; `null` where the caller may not see costs (members, mentors). */
const eurOrHidden = z.number().nullable();

/** The activities feature's summary: one shape of an activity in every list. */
export { activitySummarySchema };

export const planSummarySchema = z
  .object({
    id: z.string(),
    marketId: z.string(),
    marketName: z.string(),
    marketCountry: z.string().describe('ISO 3166-1 alpha-2'),
    name: z.string(),
    startsOn: z.string().describe('YYYY-MM-DD'),
    endsOn: z.string().describe('YYYY-MM-DD'),
    budgetCapEur: z.number().nullable().describe('The most the plan may spend, EUR; null: no cap'),
    status: z.enum(PLAN_STATUSES),
    activityCount: z.number().int(),
    version: z.number().int().describe('Send it back with an edit; a stale one gets 409'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PlanSummary' });

export const planInstrumentSchema = z
  .object({
    instrumentId: z.string().describe('What KPI targets of the plan name (`instrumentId`)'),
    instrumentKey: z.string(),
    code: z.string(),
    name: z.string(),
    phase: z.enum(PHASES),
    position: z.number().int().describe('Order inside the phase, from 0'),
    rationale: z.string(),
  })
  .meta({ id: 'PlanInstrument' });

export const planDetailSchema = planSummarySchema
  .extend({
    notes: z.string(),
    market: z.object({
      id: z.string(),
      name: z.string(),
      country: z.string(),
      ownerClusterId: z.string().nullable(),
    }),
    instruments: z
      .array(planInstrumentSchema)
      .describe('In D4.2 phase order (preparatory, leads, sustain), then by position'),
    activities: z
      .array(
        activitySummarySchema.extend({
          plannedEur: eurOrHidden.describe('Sum of the planned cost lines; null without budget.read'),
          actualEur: eurOrHidden.describe('Sum of the actual cost lines; null without budget.read'),
        }),
      )
      .describe("All the plan's activities by start date"),
    budget: z
      .object({
        capEur: z.number().nullable(),
        plannedEur: z.number(),
        actualEur: z.number(),
        overCap: z.boolean(),
        warnings: z.array(z.string()),
      })
      .nullable()
      .describe('null for roles that may not see costs (members, mentors)'),
  })
  .meta({ id: 'PlanDetail' });

const instrumentChoice = z.strictObject({
  instrumentKey: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe("A catalogue key or D4.2 code ('study-visits' or '1.1.3'), or a custom instrument's key"),
  rationale: z.string().max(2000).default('').describe('Why this instrument, for this market'),
});

/** At most 50 instruments, each named once (the service also refuses two names of the same one). */
const instrumentList = z
  .array(instrumentChoice)
  .max(50)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((item, index) => {
      if (seen.has(item.instrumentKey)) {
        ctx.addIssue({ code: 'custom', path: [index, 'instrumentKey'], message: 'is already in the list' });
      }
      seen.add(item.instrumentKey);
    });
  });

const budgetCapEur = z
  .number()
  .min(0)
  .max(20_000_000)
  .multipleOf(0.01)
  .nullable()
  .describe('EUR with at most 2 decimals, 0 to 20,000,000; null: no cap');

const fields = {
  marketId: z.string().min(1).max(100).describe('The target market of the plan'),
  name: z.string().trim().min(1).max(200),
  startsOn: isoDate,
  endsOn: isoDate,
  budgetCapEur,
  status: z.enum(PLAN_STATUSES),
  notes: z.string().max(5000),
  instruments: instrumentList,
};

export const createPlanBody = z
  .strictObject({
    ...fields,
    budgetCapEur: fields.budgetCapEur.default(null),
    status: fields.status.default('draft'),
    notes: fields.notes.default(''),
    instruments: fields.instruments.default([]),
  })
  .refine((plan) => plan.endsOn >= plan.startsOn, {
    path: ['endsOn'],
    message: 'must not be before startsOn',
  });

export const updatePlanBody = z.strictObject({
  version: versionField,
  ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])),
} as { version: z.ZodNumber } & { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> });

export const copyPlanBody = z.strictObject({
  marketId: fields.marketId.describe('The market the copy is for (may be the same market)'),
  name: fields.name.optional().describe("Default: the source plan's name"),
  startsOn: isoDate
    .optional()
    .describe(
      'Default: the same dates. If given, the period and every copied activity shift by as many days',
    ),
  includeActivities: z.boolean().default(true),
});

export const planParams = z.object({
  workspace: z.string().min(1).max(100),
  id: z.string().min(1).max(100),
});
export const deletePlanQuery = z.object({ version: versionQueryField });

export const listPlansQuery = z.object({
  marketId: z.string().min(1).max(100).optional(),
  status: z.enum(PLAN_STATUSES).optional(),
  instrumentKey: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('Instrument key or D4.2 code: the plans that chose it or have an activity of it'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(100).optional().describe('nextCursor of the previous page'),
});

export const planListSchema = z
  .object({ items: z.array(planSummarySchema), nextCursor: z.string().nullable(), total: totalField })
  .meta({ id: 'PlanList' });

export type ActivitySummaryDto = z.infer<typeof activitySummarySchema>;
export type PlanSummaryDto = z.infer<typeof planSummarySchema>;
export type PlanDetailDto = z.infer<typeof planDetailSchema>;
export type PlanInstrumentDto = z.infer<typeof planInstrumentSchema>;
export type CreatePlanInput = z.infer<typeof createPlanBody>;
export type UpdatePlanInput = z.infer<typeof updatePlanBody>;
export type CopyPlanInput = z.infer<typeof copyPlanBody>;
export type ListPlansQuery = z.infer<typeof listPlansQuery>;
export type InstrumentChoice = z.infer<typeof instrumentChoice>;
