import { z } from 'zod';
import { PHASES } from '../../domain/catalogue/types.ts';
import { BUDGET_CATEGORIES } from '../../domain/planning/types.ts';
import { RECOMMENDATION_REASONS } from '../../domain/recommender/recommender.ts';
import { READINESS_STAGES } from '../../domain/surveys/types.ts';
import { isoDate, workspaceParams } from '../../http/params.ts';

/** The largest budget cap the recommender takes: EUR 10 million, in cents. */
export const MAX_BUDGET_CENTS = 1_000_000_000;
/** The longest period a recommendation spans: five years. */
export const MAX_PERIOD_DAYS = 5 * 366;

export const roadmapParams = workspaceParams.extend({ id: z.string().min(1).max(100) });

const budgetField = z.coerce
  .number({ message: 'must be a whole number of cents' })
  .int('must be a whole number of cents')
  .min(1, 'must be more than 0 cents: a budget cap of zero leaves nothing to recommend')
  .max(MAX_BUDGET_CENTS, `must be at most ${MAX_BUDGET_CENTS} cents (EUR 10 million)`)
  .describe('The budget cap, in euro cents');

export const recommendationQuery = z.object({
  budget: budgetField,
  from: isoDate.describe('First day of the period'),
  to: isoDate.describe('Last day of the period'),
});
export type RecommendationQuery = z.infer<typeof recommendationQuery>;

export const acceptRecommendationBody = z.object({
  budget: z
    .number({ message: 'must be a whole number of cents' })
    .int('must be a whole number of cents')
    .min(1, 'must be more than 0 cents')
    .max(MAX_BUDGET_CENTS, `must be at most ${MAX_BUDGET_CENTS} cents (EUR 10 million)`),
  from: isoDate,
  to: isoDate,
  name: z.string().trim().min(1).max(200).describe("The new plan's name"),
});
export type AcceptRecommendationInput = z.infer<typeof acceptRecommendationBody>;

const reasonSchema = z.object({
  code: z.enum(RECOMMENDATION_REASONS),
  instrumentKeys: z.array(z.string()).describe('Instruments the reason names (keys of this answer)'),
});

const kpiSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.string().nullable(),
  expected: z.number(),
});

export const recommendationSchema = z
  .object({
    marketId: z.string(),
    country: z.string(),
    budgetCents: z.number().int(),
    from: z.string(),
    to: z.string(),
    periodMonths: z.number().int(),
    empty: z.enum(['no_interested_members']).nullable().describe('Why nothing can be recommended, when so'),
    facts: z.object({
      interestedMembers: z.number().int(),
      stages: z.array(z.object({ stage: z.enum(READINESS_STAGES), members: z.number().int() })),
      membersNotReady: z.boolean(),
      contacts: z.number().int(),
      partners: z.number().int(),
      phasesDone: z.array(z.enum(PHASES)),
      dayRateCents: z.number().int(),
    }),
    chosen: z.array(
      z.object({
        instrumentKey: z.string(),
        instrumentCode: z.string(),
        instrumentName: z.string(),
        phase: z.enum(PHASES),
        quantity: z.number().int(),
        quantityUnit: z.enum(['units', 'months', 'entities']),
        unitCostCents: z.number().int(),
        costCents: z.number().int(),
        costAssumed: z.boolean().describe('true when D4.2 gives no figure and the Hub assumed staff days'),
        value: z.number(),
        valueSource: z.enum(['history', 'catalogue']),
        expectedKpis: z.array(kpiSchema),
        lines: z.array(
          z.object({
            category: z.enum(BUDGET_CATEGORIES),
            description: z.string(),
            amountCents: z.number().int(),
          }),
        ),
        reasons: z.array(reasonSchema),
      }),
    ),
    rejected: z.array(
      z.object({
        instrumentKey: z.string(),
        instrumentCode: z.string(),
        instrumentName: z.string(),
        phase: z.enum(PHASES),
        unitCostCents: z.number().int(),
        valueLostIfForced: z.number().nullable(),
        reasons: z.array(reasonSchema),
      }),
    ),
    totalCostCents: z.number().int(),
    expectedValue: z.number(),
    proof: z.object({
      status: z.enum(['optimal']),
      upperBound: z.number(),
      gap: z.number(),
      statesExplored: z.number().int(),
      milliseconds: z.number(),
    }),
  })
  .describe('The recommended roadmap of a market under a budget cap (decision 0044)');
export type RecommendationDto = z.infer<typeof recommendationSchema>;

export const acceptedSchema = z.object({
  planId: z.string(),
  activities: z.number().int(),
  costLines: z.number().int(),
  totalCostCents: z.number().int(),
});
export type AcceptedDto = z.infer<typeof acceptedSchema>;
