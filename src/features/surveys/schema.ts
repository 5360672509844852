import { z } from 'zod';
import { LANGUAGES } from '../../domain/i18n/types.ts';
import {
  QUESTION_TYPES,
  QUESTIONNAIRE_KINDS,
  READINESS_DIMENSIONS,
  SURVEY_LIMITS,
  WAVE_STATUSES,
} from '../../domain/surveys/types.ts';
import { cursorField, sortField, totalField } from '../../http/list-params.ts';
import { versionField, versionQueryField } from '../../http/params.ts';
import { QUESTIONNAIRE_SORT_KEYS } from './repository.ts';

/**
 * The HTTP contract of questionnaires (issue 23 item 1, decision 0041). The definition's shape is
 * checked here; its rules (keys, conditions on earlier questions, translations, scoring) by
 * `validateDefinition` in the service, each problem named at its path under `body.definition`.
 */

const id = z.string().min(1).max(100);
const key = z.string().max(100).describe('Lower-case letters, digits and _');
const label = z.string().max(SURVEY_LIMITS.labelLength);

/** A text in English and in the questionnaire's other languages. */
export const translatedSchema = z
  .strictObject(
    Object.fromEntries(
      LANGUAGES.map((language) => [language, language === 'en' ? label : label.optional()]),
    ) as {
      en: typeof label;
    } & Record<Exclude<(typeof LANGUAGES)[number], 'en'>, z.ZodOptional<typeof label>>,
  )
  .meta({ id: 'SurveyText' });

const optionSchema = z.strictObject({
  key,
  label: translatedSchema,
  points: z.number().min(0).max(5).optional().describe('0–5: what the option scores (readiness)'),
});

const rowSchema = z.strictObject({ key, label: translatedSchema });

const conditionSchema = z.strictObject({
  question: key.describe('The key of an earlier question'),
  anyOf: z.array(key).max(SURVEY_LIMITS.options).optional().describe('Option keys of that question'),
  atLeast: z.number().min(-1e12).max(1e12).optional().describe('The lowest value of a scale or number'),
});

export const questionSchema = z
  .strictObject({
    key,
    type: z.enum(QUESTION_TYPES),
    label: translatedSchema,
    help: translatedSchema.optional(),
    required: z.boolean(),
    options: z.array(optionSchema).max(SURVEY_LIMITS.options).optional(),
    rows: z.array(rowSchema).max(SURVEY_LIMITS.matrixRows).optional(),
    min: z.number().min(-1e12).max(1e12).optional(),
    max: z.number().min(-1e12).max(1e12).optional(),
    scaleLabels: z.strictObject({ low: translatedSchema, high: translatedSchema }).optional(),
    showIf: conditionSchema.optional(),
    dimension: z.enum(READINESS_DIMENSIONS).optional(),
  })
  .meta({ id: 'SurveyQuestion' });

export const sectionSchema = z
  .strictObject({
    key,
    title: translatedSchema,
    description: translatedSchema.optional(),
    questions: z.array(questionSchema).max(SURVEY_LIMITS.questionsPerSection),
  })
  .meta({ id: 'SurveySection' });

export const definitionSchema = z
  .strictObject({
    languages: z
      .array(z.enum(LANGUAGES))
      .min(1)
      .max(LANGUAGES.length)
      .describe('The languages it is written in, English first'),
    sections: z.array(sectionSchema).max(SURVEY_LIMITS.sections),
  })
  .meta({ id: 'QuestionnaireDefinition' });

const fields = {
  name: z.string().trim().min(1).max(200),
  kind: z.enum(QUESTIONNAIRE_KINDS),
  description: z.string().max(4000),
};

/**
 * A new questionnaire (name, kind, and a definition or a first question to start from), or the
 * Hub's default readiness questionnaire (`{ fromDefault: true }`, nothing else).
 */
export const createQuestionnaireBody = z
  .strictObject({
    fromDefault: z.literal(true).optional().describe("Add the Hub's default readiness questionnaire"),
    name: fields.name.optional().describe('Required unless fromDefault'),
    kind: fields.kind.optional().describe('Required unless fromDefault'),
    description: fields.description.optional(),
    definition: definitionSchema
      .optional()
      .describe('The content; left out, a first section with one question to start from'),
  })
  .superRefine((value, ctx) => {
    if (value.fromDefault) {
      for (const field of ['name', 'kind', 'description', 'definition'] as const) {
        if (value[field] !== undefined) {
          ctx.addIssue({ code: 'custom', path: [field], message: 'must be left out with fromDefault' });
        }
      }
      return;
    }
    for (const field of ['name', 'kind'] as const) {
      if (value[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'is required' });
    }
  });
export type CreateQuestionnaireInput = z.infer<typeof createQuestionnaireBody>;

export const updateQuestionnaireBody = z.strictObject({
  version: versionField,
  name: fields.name.optional(),
  description: fields.description.optional(),
  definition: definitionSchema.optional().describe('The whole definition, validated whole'),
});
export type UpdateQuestionnaireInput = z.infer<typeof updateQuestionnaireBody>;

export const versionBody = z.strictObject({ version: versionField });
export const duplicateQuestionnaireBody = z.strictObject({
  name: fields.name.optional().describe('The copy\'s name; "Copy of …" when left out'),
});

export const questionnaireParams = z.object({ workspace: z.string().min(1).max(100), id });
export const questionnaireVersionParams = questionnaireParams.extend({
  number: z.coerce.number().int().min(1).max(1_000_000),
});
export const deleteQuestionnaireQuery = z.object({ version: versionQueryField });

export const listQuestionnairesQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Search in the name'),
  kind: z.enum(QUESTIONNAIRE_KINDS).optional(),
  status: z.enum(['active', 'archived']).optional(),
  sort: sortField(QUESTIONNAIRE_SORT_KEYS, 'name'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorField,
});
export type ListQuestionnairesQuery = z.infer<typeof listQuestionnairesQuery>;

export const questionnaireSchema = z
  .object({
    id: z.string(),
    kind: z.enum(QUESTIONNAIRE_KINDS),
    name: z.string(),
    description: z.string(),
    status: z.enum(['active', 'archived']),
    isDefault: z.boolean().describe("The Hub's default readiness questionnaire"),
    currentVersion: z
      .number()
      .int()
      .describe('The number of the last version sent in a wave (0: never sent)'),
    waveCount: z.number().int().describe('Waves of this questionnaire (drafts included)'),
    questionCount: z.number().int(),
    languages: z.array(z.enum(LANGUAGES)),
    version: z.number().int().describe('Send it back with an edit; a stale one gets 409'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Questionnaire' });

const waveRefSchema = z.object({ id: z.string(), name: z.string(), status: z.enum(WAVE_STATUSES) });

export const questionnaireVersionSummarySchema = z
  .object({
    number: z.number().int(),
    createdAt: z.string(),
    waves: z.array(waveRefSchema).describe('The waves sent with this version'),
  })
  .meta({ id: 'QuestionnaireVersionSummary' });

export const questionnaireDetailSchema = questionnaireSchema
  .extend({
    definition: definitionSchema,
    versions: z.array(questionnaireVersionSummarySchema).describe('Frozen versions, latest first'),
    canManage: z.boolean().describe('Whether the reader may edit, archive or delete it'),
  })
  .meta({ id: 'QuestionnaireDetail' });

export const questionnaireVersionSchema = z
  .object({
    questionnaireId: z.string(),
    number: z.number().int(),
    createdAt: z.string(),
    definition: definitionSchema,
    waves: z.array(waveRefSchema),
  })
  .meta({ id: 'QuestionnaireVersion' });

export const questionnaireListSchema = z
  .object({
    items: z.array(questionnaireSchema),
    nextCursor: z.string().nullable(),
    total: totalField,
    hasDefault: z.boolean().describe("Whether the workspace has the Hub's default readiness questionnaire"),
    canManage: z.boolean().describe('Whether the reader may add and edit questionnaires'),
  })
  .meta({ id: 'QuestionnaireList' });

export type QuestionnaireDto = z.infer<typeof questionnaireSchema>;
export type QuestionnaireDetailDto = z.infer<typeof questionnaireDetailSchema>;
export type QuestionnaireVersionDto = z.infer<typeof questionnaireVersionSchema>;
