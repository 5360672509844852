import { z } from 'zod';
import { LANGUAGES } from '../../domain/i18n/types.ts';
import {
  INVITATION_PROGRESS,
  QUESTIONNAIRE_KINDS,
  WAVE_STATUSES,
  type WaveStatus,
} from '../../domain/surveys/types.ts';
import { cursorField, totalField } from '../../http/list-params.ts';
import { countryCode, versionField, versionQueryField, workspaceParams } from '../../http/params.ts';

/**
 * The HTTP contract of survey waves (issue 23 item 2, decision 0042): a questionnaire sent to a
 * chosen audience with personal links, its progress, and the public answering routes a
 * respondent's link opens (no account).
 */

const id = z.string().min(1).max(100);
const ids = (max: number) =>
  z
    .array(id)
    .max(max)
    .refine((list) => new Set(list).size === list.length, 'names an id twice');

/** Who a wave goes to (WaveAudience). Lists of one kind combine with "or", kinds with "and". */
export const audienceInput = z
  .strictObject({
    kind: z
      .enum(['members', 'network'])
      .describe('members: people of member organisations; network: people of the network (market surveys)'),
    clusterIds: ids(100).optional().describe('members: of these clusters'),
    segments: z
      .array(z.string().min(1).max(60))
      .max(30)
      .optional()
      .describe('members: of these space segments'),
    countries: z
      .array(countryCode)
      .max(60)
      .optional()
      .describe("members: interested in these target countries; network: their organisation's country"),
    organisationIds: ids(500).optional().describe('members: of these organisations'),
    networkPersonIds: ids(2000).optional().describe('network: these people'),
  })
  .superRefine((value, ctx) => {
    const wrong =
      value.kind === 'members'
        ? (['networkPersonIds'] as const)
        : (['clusterIds', 'segments', 'organisationIds'] as const);
    for (const key of wrong) {
      if (value[key] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: `is not a choice of a ${value.kind} audience` });
      }
    }
  });
export type AudienceInput = z.infer<typeof audienceInput>;

const futureOrAny = z.iso
  .datetime({ offset: true })
  .describe('ISO 8601 date and time (UTC or with an offset)');

const fields = {
  name: z.string().trim().min(1).max(200),
  audience: audienceInput,
  anonymous: z.boolean().describe('Responses are stored with no link to who gave them (decision 0040)'),
  defaultLanguage: z.enum(LANGUAGES).describe('The language of respondents without one of their own'),
  closesAt: futureOrAny.nullable().describe('Answers are accepted until then; null: until closed by hand'),
  reminderAfterDays: z
    .number()
    .int()
    .min(1)
    .max(60)
    .nullable()
    .describe('One automatic reminder this many days after the invitation (null: none)'),
  activityId: id.nullable().describe('A validation-survey (1.1.6) or market-survey (1.3.4) activity'),
  marketId: id.nullable().describe("A market survey's target market"),
  clusterId: id
    .nullable()
    .describe("The cluster that runs it (its access scope; an activity's cluster wins)"),
};

export const createWaveBody = z.strictObject({
  questionnaireId: id,
  name: fields.name,
  audience: fields.audience,
  anonymous: fields.anonymous.default(false),
  defaultLanguage: fields.defaultLanguage.default('en'),
  closesAt: fields.closesAt.default(null),
  reminderAfterDays: fields.reminderAfterDays.default(null),
  activityId: fields.activityId.default(null),
  marketId: fields.marketId.default(null),
  clusterId: fields.clusterId.default(null),
});
export type CreateWaveInput = z.infer<typeof createWaveBody>;

export const updateWaveBody = z.strictObject({
  version: versionField,
  questionnaireId: id.optional(),
  name: fields.name.optional(),
  audience: fields.audience.optional(),
  anonymous: fields.anonymous.optional(),
  defaultLanguage: fields.defaultLanguage.optional(),
  closesAt: fields.closesAt.optional(),
  reminderAfterDays: fields.reminderAfterDays.optional(),
  activityId: fields.activityId.optional(),
  marketId: fields.marketId.optional(),
  clusterId: fields.clusterId.optional(),
});
export type UpdateWaveInput = z.infer<typeof updateWaveBody>;

export const versionBody = z.strictObject({ version: versionField });
export const deleteWaveQuery = z.object({ version: versionQueryField });
export const waveParams = workspaceParams.extend({ id });

const STATUS_LIST = new RegExp(`^(${WAVE_STATUSES.join('|')})(,(${WAVE_STATUSES.join('|')}))*$`);
export const listWavesQuery = z.object({
  status: z
    .string()
    .max(100)
    .regex(STATUS_LIST, {
      message: `must be statuses separated by commas, each one of ${WAVE_STATUSES.join(', ')}`,
    })
    .transform((list) => [...new Set(list.split(','))] as WaveStatus[])
    .optional(),
  questionnaireId: id.optional(),
  q: z.string().trim().max(100).optional().describe('Search in the name'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorField,
});
export type ListWavesQuery = z.infer<typeof listWavesQuery>;

export const progressSchema = z
  .object({
    invited: z.number().int(),
    sent: z.number().int(),
    opened: z.number().int(),
    started: z.number().int(),
    completed: z.number().int(),
  })
  .describe('Counts of respondents, cumulative: a respondent who completed also opened and started');

export const audienceSchema = z.object({
  kind: z.enum(['members', 'network']),
  clusterIds: z.array(z.string()).optional(),
  segments: z.array(z.string()).optional(),
  countries: z.array(z.string()).optional(),
  organisationIds: z.array(z.string()).optional(),
  networkPersonIds: z.array(z.string()).optional(),
});

export const waveSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    questionnaireId: z.string(),
    questionnaireName: z.string(),
    questionnaireKind: z.enum(QUESTIONNAIRE_KINDS),
    questionnaireVersion: z.number().int().nullable().describe('The frozen version it was sent with'),
    status: z.enum(WAVE_STATUSES),
    audience: audienceSchema,
    anonymous: z.boolean(),
    defaultLanguage: z.enum(LANGUAGES),
    closesAt: z.string().nullable(),
    reminderAfterDays: z.number().int().nullable(),
    activityId: z.string().nullable(),
    activityTitle: z.string().nullable(),
    marketId: z.string().nullable(),
    marketName: z.string().nullable(),
    clusterId: z.string().nullable(),
    clusterName: z.string().nullable(),
    openedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    progress: progressSchema,
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SurveyWave' });

export const respondentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    organisationName: z.string().nullable(),
    language: z.string(),
    progress: z.enum(INVITATION_PROGRESS),
    sentAt: z.string().nullable(),
    openedAt: z.string().nullable(),
    startedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    remindedAt: z.string().nullable(),
    reminderCount: z.number().int(),
  })
  .meta({ id: 'SurveyRespondent' });

export const waveDetailSchema = waveSchema
  .extend({
    respondents: z
      .array(respondentSchema)
      .nullable()
      .describe("Each respondent's progress; null for an anonymous wave"),
    canManage: z.boolean(),
  })
  .meta({ id: 'SurveyWaveDetail' });

export const waveListSchema = z
  .object({
    items: z.array(waveSchema),
    nextCursor: z.string().nullable(),
    total: totalField,
    canCreate: z.boolean(),
  })
  .meta({ id: 'SurveyWaveList' });

export const EXCLUSION_REASONS = ['no_email', 'no_consent'] as const;

export const audiencePreviewSchema = z
  .object({
    invited: z.number().int().describe('How many would get a link'),
    excluded: z.number().int().describe('How many match but get no mail (no e-mail or no consent)'),
    people: z
      .array(
        z.object({
          personId: z.string().nullable(),
          networkPersonId: z.string().nullable(),
          name: z.string(),
          email: z.string().nullable(),
          organisationName: z.string().nullable(),
          excluded: z.enum(EXCLUSION_REASONS).nullable(),
        }),
      )
      .describe('The first 500, the invited first'),
  })
  .meta({ id: 'SurveyAudiencePreview' });

export const questionnaireOptionsSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: z.enum(QUESTIONNAIRE_KINDS),
        languages: z.array(z.enum(LANGUAGES)),
        questionCount: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'SurveyQuestionnaireOptions' });

export const remindResultSchema = z.object({ reminded: z.number().int() });

// The public side: a respondent's link.

export const tokenParams = z.object({
  token: z
    .string()
    .min(16)
    .max(100)
    // The length in the pattern too: a generator of matching strings then makes only valid ones.
    .regex(/^[A-Za-z0-9_-]{16,100}$/, 'is not a survey link'),
});

export const answersInput = z
  .record(z.string().min(1).max(60), z.unknown())
  .refine((answers) => Object.keys(answers).length <= 200, 'has too many answers')
  .describe('Question key → answer: an option key, option keys, a number, a text, or statement → 1–5');

export const draftBody = z.strictObject({
  answers: answersInput,
  language: z.enum(LANGUAGES).optional().describe('The language the respondent reads it in'),
});
export type DraftInput = z.infer<typeof draftBody>;

export const submitBody = draftBody;

export const publicSurveySchema = z
  .object({
    waveName: z.string(),
    state: z
      .enum(['open', 'completed', 'closed'])
      .describe('completed: this link has answered; closed: the wave no longer takes answers'),
    anonymous: z.boolean(),
    closesAt: z.string().nullable(),
    languages: z.array(z.enum(LANGUAGES)),
    language: z.enum(LANGUAGES).describe("The respondent's language (one of `languages`)"),
    definition: z
      .any()
      .nullable()
      .describe('The frozen questionnaire (QuestionnaireDefinition); null unless open'),
    answers: z.record(z.string(), z.unknown()).describe('The saved draft'),
    markets: z.array(z.object({ id: z.string(), name: z.string() })).describe("A market question's choices"),
  })
  .meta({ id: 'PublicSurvey' });

export const draftSavedSchema = z.object({ savedAt: z.string(), completeness: z.number() });
export const submittedSchema = z.object({ submittedAt: z.string(), completeness: z.number() });
