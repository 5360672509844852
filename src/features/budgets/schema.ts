import { z } from 'zod';
import { FUNDING_SOURCES } from '../../domain/catalogue/types.ts';
import { addDays, todayIso } from '../../domain/dates.ts';
import { BUDGET_CATEGORIES, COST_LINE_KINDS, COST_LINE_ORIGINS } from '../../domain/planning/types.ts';
import { countryCode, isoDate, versionField, versionQueryField } from '../../http/params.ts';
import { travelRateSchema } from '../travel-rates/schema.ts';

/** HTTP contract of budget lines, estimates and roll-ups. Money is EUR with at most 2 decimals. */

const id = z.string().min(1).max(100);

export const costLineSchema = z
  .object({
    id: z.string(),
    activityId: z.string(),
    kind: z.enum(COST_LINE_KINDS),
    category: z.enum(BUDGET_CATEGORIES),
    fundingSource: z.enum(FUNDING_SOURCES),
    description: z.string(),
    formula: z
      .string()
      .nullable()
      .describe('How the amount was computed, e.g. "8 days × 450 EUR = 3,600 EUR"'),
    amountEur: z.number(),
    effortDays: z.number().describe('Staff effort days the line carries (staff lines), else 0'),
    origin: z.enum(COST_LINE_ORIGINS).describe('estimate: written by applying an estimate; manual: typed'),
    incurredOn: z.string().nullable().describe('YYYY-MM-DD: when an actual cost was incurred'),
    version: z.number().int().describe('Send it back with an edit; a stale one gets 409'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CostLine' });

const sums = { plannedEur: z.number(), actualEur: z.number() };

export const budgetBlockSchema = z
  .object({
    ...sums,
    effortDays: z.number().describe('Staff effort days of the planned lines'),
    lines: z.array(costLineSchema),
    byFundingSource: z.array(z.object({ fundingSource: z.enum(FUNDING_SOURCES), ...sums })),
    byCategory: z.array(z.object({ category: z.enum(BUDGET_CATEGORIES), ...sums })),
  })
  .meta({ id: 'ActivityBudget' });

/** A positive-or-zero EUR amount with at most 2 decimals. */
const eur = (max: number) => z.number().min(0).max(max).multipleOf(0.01, 'must have at most 2 decimals');

/** The most one budget line may hold, EUR (typed, or written by an applied estimate). */
export const MAX_LINE_EUR = 10_000_000;

const lineFields = {
  kind: z.enum(COST_LINE_KINDS),
  category: z.enum(BUDGET_CATEGORIES),
  fundingSource: z.enum(FUNDING_SOURCES),
  description: z.string().trim().min(1).max(500),
  amountEur: eur(MAX_LINE_EUR).describe(
    'EUR, at most 10,000,000 with 2 decimals; an actual line must be above 0, a planned one may be 0',
  ),
  effortDays: eur(10_000).describe('Staff effort days, 0–10,000 with 2 decimals'),
  incurredOn: isoDate
    .refine((day) => day <= addDays(todayIso(), 366), 'must not be more than 366 days from today')
    .nullable()
    .describe('Required for actual lines; for planned lines the expected date (optional)'),
  formula: z.string().trim().min(1).max(500).nullable(),
};

export const createCostLineBody = z.strictObject({
  ...lineFields,
  effortDays: lineFields.effortDays.default(0),
  incurredOn: lineFields.incurredOn.default(null),
  formula: lineFields.formula.default(null),
});
export const updateCostLineBody = z.strictObject({
  version: versionField,
  ...Object.fromEntries(Object.entries(lineFields).map(([k, v]) => [k, v.optional()])),
} as { version: z.ZodNumber } & { [K in keyof typeof lineFields]: z.ZodOptional<(typeof lineFields)[K]> });

export const costLineParams = z.object({ workspace: z.string().min(1).max(100), id });
/** `/activities/{id}/…`: the activity whose lines or estimate are meant. */
export const activityIdParams = z.object({ workspace: z.string().min(1).max(100), id });
export const deleteCostLineQuery = z.object({ version: versionQueryField });
export const costLineListSchema = z.object({ items: z.array(costLineSchema) }).meta({ id: 'CostLineList' });

const count = (max: number, min = 1) => z.number().int().min(min).max(max);

/** The inputs of an estimate; which ones an instrument needs depends on its budget model. */
export const estimateParametersSchema = z
  .strictObject({
    units: count(1_000).optional().describe('Training packages, toolkits, missions, events or markets'),
    months: count(120).optional(),
    issues: count(1_000).optional().describe('Newsletter issues'),
    entities: count(10_000).optional().describe('Participating entities'),
    travellers: count(100).optional(),
    nights: count(365, 0).optional(),
    destination: countryCode.optional().describe('ISO 3166-1 alpha-2'),
  })
  .meta({ id: 'EstimateParameters' });

const dayRateEur = eur(10_000).describe("Day rate override, EUR (else the cluster's, else 450 EUR)");

export const estimateBody = z.strictObject({
  instrumentKey: z.string().trim().min(1).max(100).describe('Instrument key or D4.2 code'),
  parameters: estimateParametersSchema,
  clusterId: id.nullable().optional().describe('The cluster whose day rate and home apply'),
  dayRateEur: dayRateEur.optional(),
});

export const activityEstimateBody = z.strictObject({
  parameters: estimateParametersSchema,
  dayRateEur: dayRateEur.optional(),
  fundingSource: z.enum(FUNDING_SOURCES).describe('Who pays the lines written by `apply`'),
  apply: z
    .boolean()
    .describe("true: store the parameters and replace the activity's estimate lines, in one transaction"),
  version: versionField.describe("The activity's version (checked when applying)"),
});

export const estimateSchema = z
  .object({
    lines: z.array(
      z.object({
        category: z.enum(BUDGET_CATEGORIES),
        description: z.string(),
        formula: z.string(),
        amountEur: z.number(),
        effortDays: z.number(),
      }),
    ),
    effortDays: z.number(),
    totalEur: z.number(),
    notes: z.array(z.string()).describe('What the model names without a figure'),
    assumptions: z.object({
      dayRateEur: z.number(),
      dayRateSource: z.enum(['override', 'cluster', 'default']),
      travelRate: travelRateSchema.nullable(),
    }),
  })
  .meta({ id: 'Estimate' });

/** How a period selects activities for a budget roll-up (decision 0016). */
export const PERIOD_RULES = ['overlapping', 'starting'] as const;
export type PeriodRule = (typeof PERIOD_RULES)[number];

export const ROLLUP_DIMENSIONS = [
  'workspace',
  'market',
  'plan',
  'cluster',
  'instrument',
  'phase',
  'fundingSource',
  'category',
  'month',
] as const;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];

export const rollupQuery = z.object({
  groupBy: z.enum(ROLLUP_DIMENSIONS).default('workspace'),
  planId: id.optional(),
  marketId: id.optional(),
  clusterId: id.optional().describe('Activities this cluster is responsible for'),
  from: isoDate.optional().describe('First day of the period (see `activities`)'),
  to: isoDate.optional().describe('Last day of the period (see `activities`)'),
  activities: z
    .enum(PERIOD_RULES)
    .default('overlapping')
    .describe(
      'Which activities a period selects: `overlapping` (default) those taking place in it (ending on or after `from`, starting on or before `to`); `starting` those starting in it, as the KPI roll-up, the dashboard, the budget burn and funder reports count them',
    ),
});

export const rollupSchema = z
  .object({
    totals: z.object({
      ...sums,
      capEur: z.number().nullable().describe('Sum of the caps of the plans in scope; null if none has one'),
      effortDays: z.number(),
    }),
    groups: z.array(
      z.object({
        key: z.string().nullable().describe('The id or code of the group; null: no plan, market or cluster'),
        label: z.string(),
        ...sums,
        capEur: z.number().nullable().describe('Plan and market groups only'),
        overCap: z.boolean(),
      }),
    ),
    warnings: z.array(z.object({ planId: z.string(), planName: z.string(), message: z.string() })),
  })
  .meta({ id: 'BudgetRollup' });

export const burnQuery = z.object({
  from: isoDate
    .optional()
    .describe("First day of the period; default: 1 January of the end's year, or of this year"),
  to: isoDate
    .optional()
    .describe(
      "Last day of the period (less than 10 years after from); default: 31 December of the start's year",
    ),
  planId: id.optional(),
  marketId: id.optional(),
  clusterId: id.optional().describe('Activities this cluster is responsible for'),
});

export const burnSchema = z
  .object({
    period: z
      .object({ from: z.string(), to: z.string() })
      .describe('The period: its activities are those starting in it, both days included'),
    months: z
      .array(z.string())
      .describe(
        'Every month the period touches, YYYY-MM, in order, widened to the first and last month in which money for its activities was paid',
      ),
    series: z
      .array(
        z.object({
          fundingSource: z.enum(FUNDING_SOURCES),
          label: z.string(),
          plannedEur: z
            .number()
            .describe(
              'Planned total of this source for the activities starting in the period (not cancelled)',
            ),
          actualEur: z
            .array(z.number())
            .describe("Actual EUR paid in each month of `months` for the period's activities"),
          cumulativeEur: z
            .array(z.number())
            .describe("Actual EUR paid for the period's activities up to the end of each month of `months`"),
        }),
      )
      .describe(
        "One per funding source with planned or actual money for the period's activities, in vocabulary order",
      ),
    totals: z
      .object(sums)
      .describe(
        "The period's activities' planned (not cancelled) and actual money: the dashboard's headline and the funder report show the same actual",
      ),
  })
  .meta({ id: 'BudgetBurn' });

export type CostLineDto = z.infer<typeof costLineSchema>;
export type BudgetBlockDto = z.infer<typeof budgetBlockSchema>;
export type CreateCostLineInput = z.infer<typeof createCostLineBody>;
export type UpdateCostLineInput = z.infer<typeof updateCostLineBody>;
export type EstimateBodyInput = z.infer<typeof estimateBody>;
export type ActivityEstimateInput = z.infer<typeof activityEstimateBody>;
export type EstimateDto = z.infer<typeof estimateSchema>;
export type RollupQuery = z.infer<typeof rollupQuery>;
export type RollupDto = z.infer<typeof rollupSchema>;
export type BurnQuery = z.infer<typeof burnQuery>;
export type BurnDto = z.infer<typeof burnSchema>;
