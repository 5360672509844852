import { z } from 'zod';
import { DIFF_FIELDS } from '../../domain/catalogue/custom-instrument.ts';
import {
  COST_CATEGORIES,
  DERIVED_KPI_RULES,
  type DerivedKpiRuleKey,
  EFFORT_UNITS,
  FUNDING_SOURCES,
  KPI_KINDS,
  PHASES,
} from '../../domain/catalogue/types.ts';
import { ESTIMATE_PARAMETERS } from '../../domain/planning/types.ts';
import { versionField, versionQueryField } from '../../http/params.ts';

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

/* ---- A workspace's instruments (issue 20, item 2; decision 0022) ---- */

const ruleKeys = Object.keys(DERIVED_KPI_RULES) as [DerivedKpiRuleKey, ...DerivedKpiRuleKey[]];

export const customKpiSchema = kpiDefinitionSchema
  .extend({
    rule: z
      .string()
      .nullable()
      .describe(`The registered rule deriving the KPI (${ruleKeys.join(', ')}); null: entered by hand`),
  })
  .meta({ id: 'WorkspaceKpiDefinition' });

export const workspaceInstrumentSchema = instrumentSchema
  .extend({
    id: z.string(),
    basedOn: z.string().nullable().describe('A copy: the key of the D4.2 instrument it was copied from'),
    version: z.number().int().describe('Send it back with an edit; a stale one gets 409'),
    updatedAt: z.string(),
    kpis: z.array(customKpiSchema),
  })
  .meta({ id: 'WorkspaceInstrument' });
export type WorkspaceInstrumentDto = z.infer<typeof workspaceInstrumentSchema>;

export const workspaceInstrumentListSchema = z
  .object({
    items: z.array(workspaceInstrumentSchema).describe('The D4.2 catalogue, then the workspace’s own'),
    kpiRules: z
      .array(z.object({ key: z.string(), kind: z.enum(KPI_KINDS), label: z.string() }))
      .describe('The rules a KPI of a custom instrument may name, with the kind of KPI each derives'),
  })
  .meta({ id: 'WorkspaceInstrumentList' });

const text = (max: number) => z.string().trim().max(max);
const kpiInput = z.strictObject({
  key: z.string().min(1).max(60).describe('snake_case, unique within the instrument'),
  label: z.string().trim().min(1).max(200),
  kind: z.enum(KPI_KINDS),
  unit: z.string().trim().min(1).max(40).nullable().default(null),
  rule: z.string().min(1).max(60).nullable().default(null),
});

const customFields = {
  name: z.string().trim().min(1).max(200),
  phase: z.enum(PHASES),
  description: text(10_000),
  benefits: z.array(z.string().trim().min(1).max(500)).max(20),
  businessModel: text(10_000),
  fundingSources: z
    .array(z.enum(FUNDING_SOURCES))
    .max(FUNDING_SOURCES.length)
    .refine((list) => new Set(list).size === list.length, 'names a funding source twice'),
  budgetText: text(10_000).describe('The budget estimation in words'),
  budgetItems: z
    .array(budgetItemSchema)
    .max(50)
    .describe(
      'The structured items the estimate engine reads (checked by its parser: 400 naming the item field)',
    ),
  kpis: z.array(kpiInput).max(30),
};

export const createInstrumentBody = z.strictObject({
  key: z
    .string()
    .min(2)
    .max(80)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a slug: a–z, 0–9 and single hyphens')
    .describe('Unique in the workspace and not a D4.2 key'),
  ...customFields,
  description: customFields.description.default(''),
  benefits: customFields.benefits.default([]),
  businessModel: customFields.businessModel.default(''),
  fundingSources: customFields.fundingSources.default([]),
  budgetText: customFields.budgetText.default(''),
  budgetItems: customFields.budgetItems.default([]),
  kpis: customFields.kpis.default([]),
});
export type CreateInstrumentInput = z.infer<typeof createInstrumentBody>;

export const updateInstrumentBody = z.strictObject({
  version: versionField,
  name: customFields.name.optional(),
  phase: customFields.phase.optional(),
  description: customFields.description.optional(),
  benefits: customFields.benefits.optional(),
  businessModel: customFields.businessModel.optional(),
  fundingSources: customFields.fundingSources.optional(),
  budgetText: customFields.budgetText.optional(),
  budgetItems: customFields.budgetItems.optional(),
  kpis: customFields.kpis.optional(),
});
export type UpdateInstrumentInput = z.infer<typeof updateInstrumentBody>;

export const copyInstrumentBody = z.strictObject({
  key: createInstrumentBody.shape.key.optional().describe('Default: the original key with "-adapted"'),
  name: customFields.name.optional().describe('Default: the original name with "(adapted)"'),
});

export const workspaceInstrumentParams = z.object({
  workspace: z.string().min(1).max(100),
  key: z.string().min(1).max(100).describe('The instrument id, key or D4.2 code'),
});
export const deleteInstrumentQuery = z.object({ version: versionQueryField });

export const instrumentDifferenceSchema = z
  .object({
    area: z.enum(['field', 'budgetItem', 'kpi']),
    field: z.enum(DIFF_FIELDS).optional().describe('area field: which field'),
    index: z.number().int().optional().describe("area budgetItem: the item's position"),
    key: z.string().optional().describe('area kpi: the KPI key'),
    change: z.enum(['added', 'removed', 'changed']),
    reference: z.unknown().describe('The D4.2 value (null when added)'),
    custom: z.unknown().describe('The custom value (null when removed)'),
  })
  .meta({ id: 'InstrumentDifference' });

export const instrumentDiffSchema = z
  .object({
    basedOn: z.string().nullable(),
    reference: instrumentSchema.nullable().describe('The D4.2 original; null when made from nothing'),
    differences: z.array(instrumentDifferenceSchema),
  })
  .meta({ id: 'InstrumentDiff' });
export type InstrumentDiffDto = z.infer<typeof instrumentDiffSchema>;
