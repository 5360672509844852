import { z } from 'zod';
import { KPI_KINDS } from '../../domain/catalogue/types.ts';
import { isoDate } from '../../http/params.ts';

/** HTTP contract of KPI definitions, roll-ups and drill-downs. Money is EUR. */

const id = z.string().min(1).max(100);

export const KPI_GROUPINGS = ['workspace', 'activity', 'instrument', 'phase', 'market', 'cluster'] as const;
export type KpiGrouping = (typeof KPI_GROUPINGS)[number];

const kpiFields = {
  instrumentId: z.string().nullable().describe('null: a Hub-wide KPI of every activity'),
  instrumentKey: z.string().nullable(),
  instrumentName: z.string().nullable(),
  kpiKey: z.string(),
  label: z.string(),
  kind: z.enum(KPI_KINDS),
  unit: z.string().nullable(),
  source: z
    .enum(['derived', 'entered'])
    .describe('derived: computed from records by a rule; entered: typed by hand'),
  rule: z.string().nullable().describe('The key of the rule deriving the KPI'),
  ruleDescription: z.string().nullable().describe('How the rule makes the number'),
};

export const kpiDefinitionSchema = z.object(kpiFields).meta({ id: 'TrackedKpi' });

export const definitionsQuery = z.object({
  instrumentId: id.optional().describe('Only the Hub-wide KPIs and this instrument’s'),
});

export const definitionListSchema = z
  .object({ items: z.array(kpiDefinitionSchema) })
  .meta({ id: 'TrackedKpiList' });

const scopeFields = {
  from: isoDate.optional().describe('Activities starting on or after this day'),
  to: isoDate.optional().describe('Activities starting on or before this day'),
  planId: id.optional(),
  marketId: id.optional(),
  clusterId: id.optional().describe('Activities this cluster is responsible for'),
  instrumentId: id.optional(),
};

export const rollupQuery = z.object({
  ...scopeFields,
  groupBy: z.enum(KPI_GROUPINGS).default('workspace'),
});

const GROUPING_LIST = new RegExp(`^(${KPI_GROUPINGS.join('|')})(,(${KPI_GROUPINGS.join('|')}))*$`);

/** Several groupings of one scope at once (the dashboard's): `workspace,phase,instrument,market`. */
export const rollupsQuery = z.object({
  ...scopeFields,
  groupBy: z
    .string()
    .max(100)
    .regex(GROUPING_LIST, {
      message: `must be groupings separated by commas, each one of ${KPI_GROUPINGS.join(', ')}`,
      abort: true,
    })
    .refine((list) => new Set(list.split(',')).size === list.split(',').length, 'names a grouping twice')
    .transform((list) => list.split(',') as KpiGrouping[])
    .describe(`Groupings separated by commas, each once: ${KPI_GROUPINGS.join(', ')}`),
});

const textValueSchema = z.object({
  activityId: z.string(),
  activityTitle: z.string(),
  value: z.string(),
  recordedOn: z.string(),
});

export const rolledKpiSchema = z
  .object({
    ...kpiFields,
    target: z.number().nullable().describe('null: no target set'),
    actual: z.number().nullable().describe('null: nothing entered yet, or a text KPI'),
    progress: z.number().nullable().describe('actual / target; null without both or with a target of 0'),
    texts: z.array(textValueSchema).describe('The values of a text KPI, listed'),
  })
  .meta({ id: 'RolledKpi' });

export const kpiRollupSchema = z
  .object({
    period: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
    groupBy: z.enum(KPI_GROUPINGS),
    activities: z.number().int(),
    groups: z.array(
      z.object({
        key: z
          .string()
          .nullable()
          .describe('The group: an id, a phase, `workspace`; null: activities without a market or cluster'),
        label: z.string(),
        country: z.string().nullable().describe('Market groups: ISO 3166-1 alpha-2'),
        activities: z.number().int(),
        kpis: z.array(rolledKpiSchema),
      }),
    ),
  })
  .meta({ id: 'KpiRollup' });

export const kpiRollupListSchema = z
  .object({ items: z.array(kpiRollupSchema).describe('One roll-up per grouping, in the order asked') })
  .meta({ id: 'KpiRollupList' });

/** The null group of a roll-up (no market, no cluster) in a drill-down's query. */
export const NO_GROUP = 'none';

const cursor = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[0-9A-Za-z-]+$/, 'is not a cursor of this list (send nextCursor back as it is)');

export const recordsQuery = z.object({
  ...scopeFields,
  kpiKey: z.string().trim().min(1).max(100),
  groupBy: z.enum(KPI_GROUPINGS).default('workspace'),
  groupKey: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe(
      `The group of the roll-up (its key; \`${NO_GROUP}\` for the group without a market or cluster)`,
    ),
  cursor: cursor.optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const evidenceRecordSchema = z
  .object({
    id: z.string(),
    type: z.enum([
      'activity',
      'participant',
      'cost_line',
      'entry',
      'interaction',
      'project',
      'project_partner',
      'stage_change',
      'meeting',
      'request',
      'respondent',
      'response',
    ]),
    activityId: z.string(),
    activityTitle: z.string(),
    occurredOn: z.string(),
    description: z.string(),
    value: z.union([z.number(), z.string()]).nullable().describe('What the record adds (EUR for money)'),
    eventId: z
      .string()
      .optional()
      .describe('The B2B event of a meeting or a request (its page holds the record)'),
  })
  .meta({ id: 'EvidenceRecord' });

export const recordListSchema = z
  .object({
    kpi: kpiDefinitionSchema,
    total: z.number().int(),
    records: z.array(evidenceRecordSchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'EvidenceRecordList' });

export type KpiRollupQuery = z.input<typeof rollupQuery>;
export type KpiRollupsQuery = z.infer<typeof rollupsQuery>;
export type KpiRollupDto = z.infer<typeof kpiRollupSchema>;
export type RecordsQuery = z.infer<typeof recordsQuery>;
export type RecordListDto = z.infer<typeof recordListSchema>;
export type KpiDefinitionDto = z.infer<typeof kpiDefinitionSchema>;
