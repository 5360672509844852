import { z } from 'zod';
import { PIPELINE_STAGES, RELATIONSHIP_STAGES } from '../../domain/network/types.ts';
import { cursorField, sortField, totalField } from '../../http/list-params.ts';
import { countryCode, isoDate } from '../../http/params.ts';

const id = z.string().min(1).max(100);
const flag = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .optional();

export const HEALTH_SORT_KEYS = ['daysSince'] as const;

export const listHealthQuery = z.object({
  decaying: flag.describe('true: only the relationships past their stage’s decay limit'),
  stage: z
    .enum(PIPELINE_STAGES)
    .optional()
    .describe('A pipeline stage (dormant and closed are not followed)'),
  marketId: id.optional(),
  clusterId: id.optional().describe('The relationship’s cluster (its access scope)'),
  owner: z.enum(['me']).optional().describe('me: only the relationships I own'),
  sort: sortField(HEALTH_SORT_KEYS, '-daysSince'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorField,
});

const party = z.object({
  kind: z.enum(['network_organisation', 'organisation', 'cluster']),
  id: z.string(),
  name: z.string(),
});

export const healthItemSchema = z
  .object({
    relationshipId: z.string(),
    counterpart: party.extend({ country: z.string().nullable() }),
    ours: party,
    stage: z.enum(RELATIONSHIP_STAGES),
    clusterId: z.string(),
    owner: z.object({ id: z.string(), name: z.string() }).nullable(),
    market: z.object({ id: z.string(), name: z.string() }).nullable(),
    startedOn: z.string(),
    lastInteractionOn: z
      .string()
      .nullable()
      .describe('The latest interaction with the counterpart network organisation, by anyone of ours'),
    daysSince: z
      .number()
      .int()
      .describe('Days from the last interaction (or, without one, from the start) to today'),
    decayDays: z.number().int().nullable().describe('The decay limit of the stage (null: never decays)'),
    decaying: z.boolean(),
  })
  .meta({ id: 'NetworkHealthItem' });

export const healthListSchema = z
  .object({
    items: z.array(healthItemSchema),
    nextCursor: z.string().nullable(),
    total: totalField,
    today: z.string().describe('Today in the workspace’s time zone: the day days are counted to'),
  })
  .meta({ id: 'NetworkHealthList' });

export const listOrganisationHealthQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Search in the name'),
  country: countryCode.optional(),
  sort: sortField(HEALTH_SORT_KEYS, '-daysSince'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorField,
});

export const organisationHealthSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    country: z.string(),
    city: z.string().nullable(),
    type: z.string(),
    lastInteractionOn: z.string().nullable(),
    daysSince: z.number().int().nullable().describe('null: no interaction recorded yet'),
    relationshipCount: z.number().int().describe('Its relationships in the pipeline'),
  })
  .meta({ id: 'NetworkOrganisationHealth' });

export const organisationHealthListSchema = z
  .object({
    items: z.array(organisationHealthSchema),
    nextCursor: z.string().nullable(),
    total: totalField,
    today: z.string(),
  })
  .meta({ id: 'NetworkOrganisationHealthList' });

export const FUNNEL_PERIODS = ['month', 'quarter', 'year'] as const;

export const funnelQuery = z
  .object({
    marketId: id.optional(),
    clusterId: id.optional(),
    from: isoDate.optional().describe('First day (default: a year before `to`)'),
    to: isoDate.optional().describe('Last day (default: today in the workspace’s time zone)'),
    period: z.enum(FUNNEL_PERIODS).default('quarter'),
  })
  .superRefine((query, ctx) => {
    if (query.from && query.to && query.from > query.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be on or after from' });
    }
  });

const funnelStage = z.object({
  stage: z.enum(PIPELINE_STAGES),
  reached: z.number().int().describe('Relationships that first reached this stage (or beyond) in the period'),
  conversion: z
    .number()
    .nullable()
    .describe('reached ÷ the previous stage’s reached, 0–1 (null for the first stage or when that is 0)'),
});

export const funnelSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    period: z.enum(FUNNEL_PERIODS),
    stages: z.array(funnelStage),
    periods: z.array(
      z.object({ period: z.string().describe('e.g. 2026-Q3, 2026-09, 2026'), stages: z.array(funnelStage) }),
    ),
  })
  .meta({ id: 'NetworkFunnel' });

export const marketSummaryParams = z.object({ workspace: id, id });

export const marketSummarySchema = z
  .object({
    market: z.object({ id: z.string(), name: z.string(), country: z.string() }),
    organisations: z.object({
      total: z.number().int(),
      byCity: z.array(z.object({ city: z.string().nullable(), count: z.number().int() })),
    }),
    relationshipsByStage: z.array(z.object({ stage: z.enum(RELATIONSHIP_STAGES), count: z.number().int() })),
  })
  .meta({ id: 'NetworkMarketSummary' });

export type ListHealthQuery = z.infer<typeof listHealthQuery>;
export type ListOrganisationHealthQuery = z.infer<typeof listOrganisationHealthQuery>;
export type FunnelQuery = z.infer<typeof funnelQuery>;
export type HealthItemDto = z.infer<typeof healthItemSchema>;
export type FunnelDto = z.infer<typeof funnelSchema>;
export type MarketSummaryDto = z.infer<typeof marketSummarySchema>;
