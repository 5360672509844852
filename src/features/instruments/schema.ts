import { z } from 'zod';
import {
  COST_CATEGORIES,
  EFFORT_UNITS,
  FUNDING_SOURCES,
  KPI_KINDS,
  PHASES,
} from '../../domain/catalogue/types.ts';
import { ESTIMATE_PARAMETERS } from '../../domain/planning/types.ts';

/** HTTP contract of the instrument catalogue: what clients send and exactly what they get. */

const costCategory = z.enum(COST_CATEGORIES);
const effortUnit = z.enum(EFFORT_UNITS);

export const budgetItemSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('effort_days_per_unit'),
      days: z.number(),
      unit: effortUnit,
      source: z.string(),
    }),
    z.object({
      kind: z.literal('recurring_days_per_month'),
      days: z.number(),
      unit: effortUnit.optional(),
      source: z.string(),
    }),
    z.object({
      kind: z.literal('travellers_per_mission'),
      min: z.number().int(),
      max: z.number().int(),
      who: z.string(),
      source: z.string(),
    }),
    z.object({
      kind: z.literal('fee_per_entity'),
      amountEur: z.number(),
      includes: z.array(costCategory),
      orderOfMagnitude: z.boolean(),
      source: z.string(),
    }),
    z.object({
      kind: z.literal('min_days_per_unit'),
      days: z.number(),
      unit: effortUnit,
      source: z.string(),
    }),
    z.object({ kind: z.literal('additional_effort'), who: z.string(), when: z.string(), source: z.string() }),
    z.object({ kind: z.literal('cost_categories'), categories: z.array(costCategory), source: z.string() }),
    z.object({ kind: z.literal('depends_on'), factors: z.array(z.string()), source: z.string() }),
    z.object({ kind: z.literal('note'), text: z.string() }),
  ])
  .meta({ id: 'BudgetItem' });

export const estimateFormSchema = z
  .object({
    parameters: z
      .array(
        z.object({
          name: z.enum(ESTIMATE_PARAMETERS),
          range: z
            .object({ min: z.number().int(), max: z.number().int() })
            .nullable()
            .describe('The whole numbers accepted; null for the destination (an ISO 3166-1 alpha-2 code)'),
          unit: effortUnit
            .nullable()
            .describe('What is counted: units of `mission`, `training_package`…; months of `issue`'),
          typical: z
            .object({ min: z.number().int(), max: z.number().int(), who: z.string() })
            .nullable()
            .describe('How many D4.2 counts, where it says (travellers: 2–3 cluster representatives)'),
        }),
      )
      .describe('The parameters an estimate of this instrument needs (POST /estimates), in order'),
    usesDayRate: z.boolean().describe('true when the model counts staff days, costed at a day rate'),
  })
  .meta({ id: 'EstimateForm' });

export const kpiDefinitionSchema = z
  .object({
    key: z.string(),
    label: z.string().describe("The seed's wording"),
    kind: z.enum(KPI_KINDS),
    unit: z.string().nullable(),
  })
  .meta({ id: 'KpiDefinition' });

export const instrumentSchema = z
  .object({
    code: z.string().describe('D4.2 section number, e.g. 1.2.1'),
    key: z.string().describe('Stable slug'),
    phase: z.enum(PHASES),
    origin: z.enum(['d4.2', 'custom']),
    name: z.string(),
    description: z.string(),
    benefits: z.array(z.string()),
    businessModel: z.string(),
    fundingSources: z.array(z.enum(FUNDING_SOURCES)),
    budget: z.object({
      text: z.string().describe("The seed's budget estimation, verbatim"),
      formula: z.string().describe('The structured items as a readable formula'),
      items: z.array(budgetItemSchema),
      estimate: estimateFormSchema.describe('What an estimate form asks for this instrument'),
    }),
    kpis: z.array(kpiDefinitionSchema),
  })
  .meta({ id: 'Instrument' });

export type InstrumentDto = z.infer<typeof instrumentSchema>;

export const instrumentListSchema = z
  .object({ items: z.array(instrumentSchema) })
  .meta({ id: 'InstrumentList' });

export const listInstrumentsQuery = z.object({
  phase: z.enum(PHASES).optional().describe('Only the instruments of this phase'),
});

export const instrumentParams = z.object({
  key: z.string().min(1).max(100).describe('The instrument key (slug) or its D4.2 code'),
});
