import { z } from 'zod';
import { KPI_KINDS } from '../../domain/catalogue/types.ts';
import { kpiEntrySchema } from './entries-schema.ts';

/** HTTP contract of an activity's KPI panel: every KPI it tracks, with target, actual and entries. */

export const activityKpiSchema = z
  .object({
    instrumentId: z.string().nullable().describe('null: a Hub-wide KPI of every activity'),
    kpiKey: z.string(),
    label: z.string(),
    kind: z.enum(KPI_KINDS),
    unit: z.string().nullable(),
    source: z
      .enum(['derived', 'entered'])
      .describe('derived: computed from records by a rule; entered: values entered by hand'),
    rule: z.string().nullable().describe('The key of the rule deriving the KPI'),
    ruleDescription: z.string().nullable().describe('How the rule makes the number'),
    target: z
      .object({ id: z.string(), value: z.number(), version: z.number().int() })
      .nullable()
      .describe("The activity's target; null when none is set"),
    actual: z
      .number()
      .nullable()
      .describe(
        'Derived: the stored value of the rule. Entered: the sum of the entries (count, money) or their mean (percentage, rating). null for text KPIs and when there is no value yet. Money in EUR.',
      ),
    entries: z
      .array(kpiEntrySchema)
      .describe('Values entered by hand, by the day recorded (entered KPIs only)'),
  })
  .meta({ id: 'ActivityKpi' });

export const activityKpiListSchema = z
  .object({ items: z.array(activityKpiSchema) })
  .meta({ id: 'ActivityKpiList' });

export type ActivityKpiDto = z.infer<typeof activityKpiSchema>;
