import { z } from 'zod';
import { MARKET_PRIORITIES, MARKET_STATUSES } from '../../domain/planning/types.ts';
import { cursorField, sortField, totalField } from '../../http/list-params.ts';
import { countryCode, versionField, versionQueryField } from '../../http/params.ts';
import { activitySummarySchema, planSummarySchema } from '../plans/schema.ts';
import { MARKET_SORT_KEYS } from './repository.ts';

export const marketSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    country: z.string().describe('ISO 3166-1 alpha-2'),
    segments: z.array(z.string()).describe('Market segments, free text or the registry vocabulary'),
    priority: z.enum(MARKET_PRIORITIES),
    status: z.enum(MARKET_STATUSES),
    rationale: z.string(),
    findings: z.string().describe('What the partnership learnt about the market'),
    ownerClusterId: z
      .string()
      .nullable()
      .describe('The cluster that leads the market; null: the coordinators'),
    ownerClusterName: z.string().nullable(),
    planCount: z.number().int(),
    version: z.number().int().describe('Send it back with an edit; a stale one gets 409'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Market' });

/** How many interested members the dossier lists (the total is always given). */
export const DOSSIER_MEMBERS_LIMIT = 100;
/** How many activities the dossier lists (the total is always given). */
export const DOSSIER_ACTIVITIES_LIMIT = 200;

export const marketDossierSchema = marketSchema
  .extend({
    interestedMembers: z
      .object({
        items: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            country: z.string(),
            clusterId: z.string(),
            clusterShortName: z.string(),
          }),
        ),
        total: z.number().int(),
      })
      .describe(
        `Member organisations whose target-market interests include the market's country, by name (at most ${DOSSIER_MEMBERS_LIMIT})`,
      ),
    plans: z.array(planSummarySchema).describe("All the market's plans by start date"),
    activities: z
      .object({ items: z.array(activitySummarySchema), total: z.number().int() })
      .describe(`The activities of the market's plans by start date (at most ${DOSSIER_ACTIVITIES_LIMIT})`),
  })
  .meta({ id: 'MarketDossier' });

const fields = {
  name: z.string().trim().min(1).max(200),
  country: countryCode,
  segments: z
    .array(z.string().trim().min(1).max(60))
    .max(20)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((segment, index) => {
        if (seen.has(segment))
          ctx.addIssue({ code: 'custom', path: [index], message: 'is already in the list' });
        seen.add(segment);
      });
    })
    .describe('At most 20 segments of at most 60 characters, each once'),
  priority: z.enum(MARKET_PRIORITIES),
  status: z.enum(MARKET_STATUSES),
  rationale: z.string().max(5000).describe('Why the partnership goes there'),
  findings: z.string().max(20_000),
  ownerClusterId: z
    .string()
    .min(1)
    .max(100)
    .nullable()
    .describe('A cluster of the workspace; a cluster manager may only name its own'),
};

export const createMarketBody = z.strictObject({
  ...fields,
  segments: fields.segments.default([]),
  priority: fields.priority.default('medium'),
  status: fields.status.default('exploring'),
  rationale: fields.rationale.default(''),
  findings: fields.findings.default(''),
  ownerClusterId: fields.ownerClusterId.default(null),
});
export const updateMarketBody = z.strictObject({
  version: versionField,
  ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])),
} as { version: z.ZodNumber } & { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> });

export const marketParams = z.object({
  workspace: z.string().min(1).max(100),
  id: z.string().min(1).max(100),
});
export const deleteMarketQuery = z.object({ version: versionQueryField });

export const listMarketsQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Search in the name'),
  status: z.enum(MARKET_STATUSES).optional(),
  country: countryCode.optional(),
  priority: z.enum(MARKET_PRIORITIES).optional(),
  sort: sortField(MARKET_SORT_KEYS, 'createdAt'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorField,
});

export const marketListSchema = z
  .object({ items: z.array(marketSchema), nextCursor: z.string().nullable(), total: totalField })
  .meta({ id: 'MarketList' });

export type MarketDto = z.infer<typeof marketSchema>;
export type MarketDossierDto = z.infer<typeof marketDossierSchema>;
export type CreateMarketInput = z.infer<typeof createMarketBody>;
export type UpdateMarketInput = z.infer<typeof updateMarketBody>;
export type ListMarketsQuery = z.infer<typeof listMarketsQuery>;
