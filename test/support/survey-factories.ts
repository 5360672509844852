import { randomBytes } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { newId, nowIso } from '../../src/db/ids.ts';
import type {
  DB,
  SurveyInvitationTable,
  SurveyQuestionnaireTable,
  SurveyResponseTable,
  SurveyWaveTable,
} from '../../src/db/schema.ts';
import { scoreReadiness } from '../../src/domain/surveys/readiness.ts';
import type { Answers, QuestionnaireDefinition } from '../../src/domain/surveys/types.ts';
import { hashSecret } from '../../src/features/auth/secrets.ts';

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

/**
 * A small readiness questionnaire for tests: one scored question per CHROME dimension (a choice, a
 * scale, a matrix, a multiple choice shown on a condition), a text and a market question.
 */
export function smallReadinessDefinition(): QuestionnaireDefinition {
  const options = [
    { key: 'no', label: { en: 'No', fr: 'Non' }, points: 0 },
    { key: 'partly', label: { en: 'Partly', fr: 'En partie' }, points: 3 },
    { key: 'yes', label: { en: 'Yes', fr: 'Oui' }, points: 5 },
  ];
  return {
    languages: ['en', 'fr'],
    sections: [
      {
        key: 'company',
        title: { en: 'Your company', fr: 'Votre entreprise' },
        questions: [
          {
            key: 'plan',
            type: 'single_choice',
            label: { en: 'Is there an export plan?', fr: 'Avez-vous un plan export ?' },
            required: true,
            dimension: 'competencies',
            options,
          },
          {
            key: 'sales_abroad',
            type: 'single_choice',
            label: { en: 'Do you sell abroad?', fr: 'Vendez-vous à l’étranger ?' },
            required: true,
            dimension: 'heritage',
            options,
          },
          {
            key: 'partners',
            type: 'multiple_choice',
            label: { en: 'Where are your partners?', fr: 'Où sont vos partenaires ?' },
            required: false,
            dimension: 'relationships',
            showIf: { question: 'sales_abroad', anyOf: ['partly', 'yes'] },
            options: [
              { key: 'americas', label: { en: 'Americas', fr: 'Amériques' }, points: 3 },
              { key: 'asia', label: { en: 'Asia', fr: 'Asie' }, points: 3 },
            ],
          },
        ],
      },
      {
        key: 'means',
        title: { en: 'Means and engagement', fr: 'Moyens et engagement' },
        questions: [
          {
            key: 'offer_fit',
            type: 'scale',
            label: { en: 'Our offer fits foreign markets', fr: 'Notre offre convient aux marchés étrangers' },
            required: true,
            dimension: 'offerings',
          },
          {
            key: 'resources',
            type: 'matrix',
            label: { en: 'Resources for going abroad', fr: 'Ressources pour l’international' },
            required: true,
            dimension: 'means',
            rows: [
              { key: 'staff', label: { en: 'Staff', fr: 'Personnel' } },
              { key: 'budget', label: { en: 'Budget', fr: 'Budget' } },
            ],
          },
          {
            key: 'commitment',
            type: 'scale',
            label: { en: 'Commitment of the management', fr: 'Engagement de la direction' },
            required: true,
            dimension: 'engagement',
          },
          {
            key: 'target',
            type: 'country',
            label: { en: 'Your first target country', fr: 'Votre premier pays cible' },
            required: false,
          },
          {
            key: 'gaps',
            type: 'text',
            label: { en: 'What do you miss most?', fr: 'Que vous manque-t-il le plus ?' },
            required: false,
          },
        ],
      },
    ],
  };
}

/** Answers to `smallReadinessDefinition` at a level from 1 (not ready) to 5 (ready). */
export function readinessAnswers(level: 1 | 2 | 3 | 4 | 5): Answers {
  const choice = level <= 2 ? 'no' : level <= 4 ? 'partly' : 'yes';
  return {
    plan: choice,
    sales_abroad: choice,
    ...(choice === 'no' ? {} : { partners: level === 5 ? ['americas', 'asia'] : ['asia'] }),
    offer_fit: level,
    resources: { staff: level, budget: level },
    commitment: level,
    target: 'JP',
    gaps: level < 3 ? 'Contacts abroad' : '',
  };
}

/**
 * Rows of surveys straight through Kysely (issue 23), with the fewest required values, for tests
 * that need a questionnaire, a wave or responses in a given state without running the workflow.
 */
export class SurveyRows {
  constructor(private readonly db: Kysely<DB>) {}

  /** A readiness questionnaire (the small test definition unless given). */
  questionnaire(
    workspaceId: string,
    overrides: Partial<Insertable<SurveyQuestionnaireTable>> & {
      definitionValue?: QuestionnaireDefinition;
    } = {},
  ) {
    const { definitionValue, ...values } = overrides;
    const now = nowIso();
    return this.db
      .insertInto('survey_questionnaire')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        kind: 'readiness',
        name: unique('Readiness'),
        definition: JSON.stringify(definitionValue ?? smallReadinessDefinition()),
        created_by: null,
        created_at: now,
        updated_at: now,
        ...values,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** An open wave of the questionnaire, with its definition frozen as the next version. */
  async wave(
    workspaceId: string,
    questionnaireId: string,
    overrides: Partial<Insertable<SurveyWaveTable>> = {},
  ) {
    const questionnaire = await this.db
      .selectFrom('survey_questionnaire')
      .selectAll()
      .where('id', '=', questionnaireId)
      .executeTakeFirstOrThrow();
    const number = questionnaire.current_version + 1;
    const now = nowIso();
    const version = await this.db
      .insertInto('survey_questionnaire_version')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        questionnaire_id: questionnaireId,
        number,
        definition: questionnaire.definition,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.db
      .updateTable('survey_questionnaire')
      .set({ current_version: number })
      .where('id', '=', questionnaireId)
      .execute();
    return this.db
      .insertInto('survey_wave')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        questionnaire_id: questionnaireId,
        questionnaire_version_id: version.id,
        activity_id: null,
        market_id: null,
        cluster_id: null,
        name: unique('Wave'),
        status: 'open',
        opened_at: now,
        closes_at: null,
        closed_at: null,
        reminder_after_days: null,
        created_by: null,
        created_at: now,
        updated_at: now,
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** An invitation to the wave; returns the row and the token of its personal link. */
  async invitation(
    workspaceId: string,
    waveId: string,
    overrides: Partial<Insertable<SurveyInvitationTable>> = {},
  ) {
    const token = randomBytes(24).toString('base64url');
    const row = await this.db
      .insertInto('survey_invitation')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        wave_id: waveId,
        token_hash: hashSecret(token),
        person_id: null,
        network_person_id: null,
        organisation_id: null,
        network_organisation_id: null,
        email: `${unique('respondent')}@example.test`,
        name: unique('Respondent'),
        sent_at: nowIso(),
        opened_at: null,
        started_at: null,
        completed_at: null,
        reminded_at: null,
        draft_answers: null,
        draft_updated_at: null,
        created_at: nowIso(),
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { row, token };
  }

  /**
   * A submitted response to the wave, scored with `scoreReadiness` against the wave's version
   * (readiness questionnaires); `submittedAt` defaults to now.
   */
  async response(
    workspaceId: string,
    waveId: string,
    answers: Answers,
    overrides: Partial<Insertable<SurveyResponseTable>> = {},
  ) {
    const wave = await this.db
      .selectFrom('survey_wave as w')
      .innerJoin('survey_questionnaire as q', 'q.id', 'w.questionnaire_id')
      .leftJoin('survey_questionnaire_version as v', 'v.id', 'w.questionnaire_version_id')
      .select(['q.kind', 'q.definition as draft', 'v.definition as frozen'])
      .where('w.id', '=', waveId)
      .executeTakeFirstOrThrow();
    const definition = JSON.parse(wave.frozen ?? wave.draft) as QuestionnaireDefinition;
    const score = wave.kind === 'readiness' ? scoreReadiness(definition, answers) : null;
    const now = nowIso();
    return this.db
      .insertInto('survey_response')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        wave_id: waveId,
        invitation_id: null,
        organisation_id: null,
        network_organisation_id: null,
        language: 'en',
        answers: JSON.stringify(answers),
        completeness: 1,
        scores: score ? JSON.stringify(score.dimensions) : null,
        readiness_score: score?.total ?? null,
        stage: score?.stage ?? null,
        submitted_at: now,
        created_at: now,
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
