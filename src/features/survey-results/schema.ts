import { z } from 'zod';
import {
  QUESTION_TYPES,
  QUESTIONNAIRE_KINDS,
  READINESS_DIMENSIONS,
  READINESS_STAGES,
  WAVE_STATUSES,
} from '../../domain/surveys/types.ts';
import { workspaceParams } from '../../http/params.ts';

/**
 * The HTTP contract of survey results and readiness profiles (issue 23, decision 0043). Codes
 * (question types, stages, dimensions) stay codes; a questionnaire's own texts (question labels,
 * options) come in every language they are written in (`{ en, fr, … }`), the page picks one.
 */

const id = z.string().min(1).max(100);

export const waveResultsParams = workspaceParams.extend({ id });
export const organisationReadinessParams = workspaceParams.extend({ id });
export const marketReadinessParams = workspaceParams.extend({ id });

const translated = z.record(z.string(), z.string()).describe('A text by language code; `en` always');
const stage = z.enum(READINESS_STAGES);
const dimension = z.enum(READINESS_DIMENSIONS);

/** The most text answers a question's summary lists (the export has them all). */
export const RESULT_TEXTS_LIMIT = 500;

const questionResult = z.object({
  key: z.string(),
  section: z.string(),
  type: z.enum(QUESTION_TYPES),
  label: translated,
  dimension: dimension.nullable(),
  shown: z.number().int().describe('Respondents the question was shown to (its condition held)'),
  answered: z.number().int(),
  options: z
    .array(z.object({ key: z.string(), label: translated, count: z.number().int() }))
    .optional()
    .describe('Choice questions: every option, in order, with how many chose it'),
  histogram: z
    .array(z.number().int())
    .optional()
    .describe('Scale questions: how many answered 1, 2, 3, 4 and 5'),
  mean: z.number().nullable().optional(),
  median: z.number().nullable().optional(),
  min: z.number().nullable().optional(),
  max: z.number().nullable().optional(),
  rows: z
    .array(
      z.object({
        key: z.string(),
        label: translated,
        answered: z.number().int(),
        mean: z.number().nullable(),
      }),
    )
    .optional()
    .describe("Matrix questions: each row's mean on the 1–5 scale"),
  counts: z
    .array(z.object({ value: z.string(), label: z.string(), count: z.number().int() }))
    .optional()
    .describe(
      'Country and market questions: each value picked (country code or market id), most picked first',
    ),
  texts: z
    .array(z.string())
    .optional()
    .describe(`Text questions: the answers given, at most ${RESULT_TEXTS_LIMIT}`),
  entropy: z
    .number()
    .nullable()
    .optional()
    .describe('Normalised Shannon entropy of the answers (0: all alike, 1: evenly spread)'),
});

export const waveResultsSchema = z.object({
  wave: z.object({
    id: z.string(),
    name: z.string(),
    status: z.enum(WAVE_STATUSES),
    anonymous: z.boolean(),
    questionnaireId: z.string(),
    questionnaireName: z.string(),
    kind: z.enum(QUESTIONNAIRE_KINDS),
    versionNumber: z.number().int().nullable(),
  }),
  languages: z.array(z.string()),
  invited: z.number().int(),
  respondents: z.number().int(),
  meanCompleteness: z.number().nullable().describe('Mean share of the shown questions answered, 0–1'),
  meanEntropy: z
    .number()
    .nullable()
    .describe(
      'Mean normalised entropy of the choice and scale questions (0: everyone alike, 1: evenly spread): evidence for the "variety of answers" rating, which is entered by hand',
    ),
  questions: z.array(questionResult),
  readiness: z
    .object({
      scored: z.number().int(),
      meanTotal: z.number().nullable().describe('Out of 200'),
      stages: z.array(z.object({ stage, count: z.number().int() })),
      dimensions: z.array(z.object({ dimension, mean: z.number().nullable() })),
    })
    .nullable()
    .describe('Readiness questionnaires: the stage distribution and the mean of each dimension (0–100)'),
});
export type WaveResultsDto = z.infer<typeof waveResultsSchema>;
export type QuestionResultDto = z.infer<typeof questionResult>;

const scoredResponse = z.object({
  waveId: z.string(),
  waveName: z.string(),
  submittedAt: z.string(),
  total: z.number().describe('Out of 200'),
  stage,
  dimensions: z.array(z.object({ dimension, score: z.number().nullable().describe('0–100') })),
});

const benchmark = z.object({
  members: z.number().int().describe('Members with a scored readiness in the group (this one included)'),
  percentile: z.number().int().nullable().describe('Percentile rank of the total, ties counting half'),
  dimensions: z.array(z.object({ dimension, percentile: z.number().int().nullable() })),
});

export const readinessProfileSchema = z.object({
  organisationId: z.string(),
  organisationName: z.string(),
  latest: scoredResponse.nullable(),
  previous: scoredResponse.nullable(),
  change: z
    .object({
      total: z.number(),
      dimensions: z.array(z.object({ dimension, change: z.number().nullable() })),
    })
    .nullable()
    .describe('Latest minus previous'),
  cluster: benchmark.nullable().describe("Against the latest readiness of its cluster's members"),
  consortium: benchmark.nullable().describe("Against every member's latest readiness"),
});
export type ReadinessProfileDto = z.infer<typeof readinessProfileSchema>;

export const marketReadinessSchema = z.object({
  marketId: z.string(),
  country: z.string(),
  members: z.array(
    z.object({
      organisationId: z.string(),
      name: z.string(),
      clusterId: z.string(),
      clusterShortName: z.string(),
      stage: stage.nullable(),
      total: z.number().nullable(),
      submittedAt: z.string().nullable(),
    }),
  ),
  interested: z.number().int().nullable().describe('Members interested in the market (null for a member)'),
  stages: z
    .array(z.object({ stage, count: z.number().int() }))
    .nullable()
    .describe('How many interested members are at each stage (null for a member)'),
  notAnswered: z.number().int().nullable(),
  ownOnly: z.boolean().describe("True for a member: only its own organisation's readiness is listed"),
});
export type MarketReadinessDto = z.infer<typeof marketReadinessSchema>;

export const resultsFileSchema = z
  .string()
  .describe('The file: CSV (UTF-8 with BOM) or XLSX, as an attachment');
