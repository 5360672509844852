import type { Kysely } from 'kysely';
import { newId } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { markEvidence, writeTransaction } from '../../db/write-transaction.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { isLanguage, type Language } from '../../domain/i18n/types.ts';
import { completeness, validateAnswers } from '../../domain/surveys/answers.ts';
import { scoreReadiness } from '../../domain/surveys/readiness.ts';
import type { Answers, QuestionnaireDefinition } from '../../domain/surveys/types.ts';
import { AuditRepository } from '../audit/repository.ts';
import { hashSecret } from '../auth/secrets.ts';
import { WaveRepository } from './repository.ts';
import type { DraftInput } from './schema.ts';

type Invitation = NonNullable<Awaited<ReturnType<WaveRepository['invitationByToken']>>>;

/**
 * Answering a survey by its personal link (issue 23, decision 0042): no account, the link's token
 * is the key. An unknown link is 404 revealing nothing; a spent link (answered) or a closed wave
 * 409. Opening, saving a draft and submitting mark the invitation's progress; progress marks are
 * not audited (a draft is saved every few seconds), the submitted response is.
 */
export class SurveyAnswerService {
  private readonly clock: () => Date;

  constructor(private readonly options: { db: Kysely<DB>; clock?: () => Date }) {
    this.clock = options.clock ?? (() => new Date());
  }

  private async invitation(token: string): Promise<Invitation> {
    const row = await new WaveRepository(this.options.db).invitationByToken(hashSecret(token));
    if (!row) throw new NotFoundError('survey', 'this link');
    return row;
  }

  private isClosed(row: Invitation): boolean {
    return (
      row.wave_status !== 'open' || (row.closes_at !== null && row.closes_at <= this.clock().toISOString())
    );
  }

  /** The respondent's survey: the frozen questionnaire, its languages and the saved draft. */
  async open(token: string) {
    const row = await this.invitation(token);
    const definition = JSON.parse(row.definition) as QuestionnaireDefinition;
    const state = row.completed_at ? 'completed' : this.isClosed(row) ? 'closed' : 'open';
    const waves = new WaveRepository(this.options.db);
    if (state === 'open') await waves.markOpened(row.id, this.clock().toISOString());
    const languages = (definition.languages ?? ['en']).filter(isLanguage);
    const language = languages.includes(row.language as Language)
      ? (row.language as Language)
      : (languages[0] ?? 'en');
    const hasMarketQuestion = definition.sections.some((s) => s.questions.some((q) => q.type === 'market'));
    return {
      waveName: row.wave_name,
      state: state as 'open' | 'completed' | 'closed',
      anonymous: row.anonymous === 1,
      closesAt: row.closes_at,
      languages: languages.length > 0 ? languages : (['en'] as Language[]),
      language,
      definition: state === 'open' ? definition : null,
      answers: state === 'open' && row.draft_answers ? (JSON.parse(row.draft_answers) as Answers) : {},
      markets: state === 'open' && hasMarketQuestion ? await waves.markets(row.workspace_id) : [],
    };
  }

  private async checked(token: string, input: DraftInput, mode: 'draft' | 'submit') {
    const row = await this.invitation(token);
    if (row.completed_at) {
      throw new ConflictError('This survey was already answered with this link: thank you.');
    }
    if (this.isClosed(row)) throw new ConflictError('This survey is closed: it no longer takes answers.');
    const definition = JSON.parse(row.definition) as QuestionnaireDefinition;
    const markets = new Set(
      (await new WaveRepository(this.options.db).markets(row.workspace_id)).map((m) => m.id),
    );
    const check = validateAnswers(definition, input.answers as Answers, mode, markets);
    if (check.errors.length > 0) {
      throw new InvalidInputError(
        mode === 'submit'
          ? 'Some answers are missing or do not fit their question'
          : 'Some answers do not fit their question',
        check.errors.map((e) => ({ field: `body.${e.field}`, message: e.message })),
      );
    }
    const languages = (definition.languages ?? ['en']).filter(isLanguage);
    const language =
      input.language && languages.includes(input.language)
        ? input.language
        : languages.includes(row.language as Language)
          ? row.language
          : (languages[0] ?? 'en');
    if (input.language && !languages.includes(input.language)) {
      throw new InvalidInputError('The survey is not written in that language', [
        { field: 'body.language', message: `must be one of ${languages.join(', ')}` },
      ]);
    }
    return { row, definition, answers: check.answers, language };
  }

  /** Saves partial answers (checked in draft mode: nothing required yet). */
  async saveDraft(token: string, input: DraftInput) {
    const { row, definition, answers, language } = await this.checked(token, input, 'draft');
    const now = this.clock().toISOString();
    const saved = await new WaveRepository(this.options.db).saveDraft(
      row.id,
      JSON.stringify(answers),
      language,
      now,
    );
    if (!saved) throw new ConflictError('This survey was already answered with this link: thank you.');
    return { savedAt: now, completeness: completeness(definition, answers) };
  }

  /**
   * Submits the answers: in one transaction the invitation is completed (once: a second submit
   * finds it completed, 409) and the response written with its completeness and, for a readiness
   * questionnaire, its scores and stage. An anonymous wave's response names no invitation, person
   * or organisation.
   */
  async submit(token: string, input: DraftInput) {
    const { row, definition, answers, language } = await this.checked(token, input, 'submit');
    const now = this.clock().toISOString();
    const share = completeness(definition, answers);
    await writeTransaction(this.options.db, async (trx) => {
      const waves = new WaveRepository(trx);
      if (!(await waves.complete(row.id, language, now))) {
        throw new ConflictError('This survey was already answered with this link: thank you.');
      }
      const score = row.questionnaire_kind === 'readiness' ? scoreReadiness(definition, answers) : null;
      const anonymous = row.anonymous === 1;
      const id = newId();
      await waves.insertResponse({
        id,
        workspace_id: row.workspace_id,
        wave_id: row.wave_id,
        invitation_id: anonymous ? null : row.id,
        organisation_id: anonymous ? null : row.organisation_id,
        network_organisation_id: anonymous ? null : row.network_organisation_id,
        language,
        answers: JSON.stringify(answers),
        completeness: share,
        scores: score ? JSON.stringify(score.dimensions) : null,
        readiness_score: score?.total ?? null,
        stage: score?.stage ?? null,
        submitted_at: now,
        created_at: now,
      });
      markEvidence(trx, [row.activity_id]);
      await new AuditRepository(trx).record({
        workspaceId: row.workspace_id,
        actorUserId: null,
        action: 'create',
        entityType: 'survey_response',
        entityId: id,
        // Nothing that names the respondent of an anonymous wave.
        changes: {
          wave_id: [null, row.wave_id],
          completeness: [null, share],
          ...(score ? { stage: [null, score.stage] } : {}),
        },
      });
    });
    return { submittedAt: now, completeness: share };
  }
}
