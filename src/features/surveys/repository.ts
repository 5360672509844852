import { type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import { type KeysetAfter, type KeysetOrder, keysetPage } from '../../db/keyset.ts';
import type { DB, SurveyQuestionnaireTable } from '../../db/schema.ts';
import type { QuestionnaireKind, WaveStatus } from '../../domain/surveys/types.ts';

export type QuestionnaireRow = Selectable<SurveyQuestionnaireTable>;
export type QuestionnaireListRow = QuestionnaireRow & { wave_count: number | string };

export interface QuestionnaireValues {
  kind: QuestionnaireKind;
  name: string;
  description: string;
  /** JSON */
  definition: string;
  is_default: number;
  created_by: string | null;
}

export interface QuestionnaireFilters {
  /** Lower-cased. */
  q?: string;
  kind?: QuestionnaireKind;
  status?: 'active' | 'archived';
}

export const QUESTIONNAIRE_SORT_KEYS = ['name', 'createdAt', 'updatedAt'] as const;
export type QuestionnaireSortKey = (typeof QUESTIONNAIRE_SORT_KEYS)[number];

const SORT_KEYS: Record<QuestionnaireSortKey, RawBuilder<unknown>> = {
  name: sql`lower(survey_questionnaire.name)`,
  createdAt: sql`survey_questionnaire.id`,
  updatedAt: sql`survey_questionnaire.updated_at`,
};

function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A wave as a questionnaire's versions name it. */
export interface WaveRef {
  id: string;
  name: string;
  status: WaveStatus;
  questionnaire_version_id: string | null;
}

/** The only SQL for questionnaires and their frozen versions. Every query is bound to one workspace. */
export class QuestionnaireRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private withCounts() {
    return this.db
      .selectFrom('survey_questionnaire')
      .selectAll('survey_questionnaire')
      .select((eb) =>
        eb
          .selectFrom('survey_wave')
          .select((e) => e.fn.countAll<number | string>().as('n'))
          .whereRef('survey_wave.questionnaire_id', '=', 'survey_questionnaire.id')
          .as('wave_count'),
      );
  }

  private filtered(workspaceId: string, filters: QuestionnaireFilters) {
    let query = this.db
      .selectFrom('survey_questionnaire')
      .where('survey_questionnaire.workspace_id', '=', workspaceId);
    if (filters.kind) query = query.where('survey_questionnaire.kind', '=', filters.kind);
    if (filters.status) query = query.where('survey_questionnaire.status', '=', filters.status);
    if (filters.q) {
      query = query.where(
        sql<boolean>`lower(survey_questionnaire.name) like ${containsPattern(filters.q)} escape '\\'`,
      );
    }
    return query;
  }

  async list(
    workspaceId: string,
    options: QuestionnaireFilters & {
      limit: number;
      sort: { key: QuestionnaireSortKey; desc: boolean };
      after?: KeysetAfter;
    },
  ): Promise<(QuestionnaireListRow & { sort_value: unknown })[]> {
    const order: KeysetOrder = {
      key: SORT_KEYS[options.sort.key],
      id: sql.ref('survey_questionnaire.id'),
      desc: options.sort.desc,
    };
    const rows = await keysetPage(
      this.withCounts()
        .select(order.key.as('sort_value'))
        .where('survey_questionnaire.workspace_id', '=', workspaceId)
        .where(
          'survey_questionnaire.id',
          'in',
          this.filtered(workspaceId, options).select('survey_questionnaire.id'),
        ),
      order,
      options.after,
    )
      .limit(options.limit)
      .execute();
    return rows as (QuestionnaireListRow & { sort_value: unknown })[];
  }

  async count(workspaceId: string, filters: QuestionnaireFilters): Promise<number> {
    const row = await this.filtered(workspaceId, filters)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async hasDefault(workspaceId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('survey_questionnaire')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('is_default', '=', 1)
      .executeTakeFirst();
    return row !== undefined;
  }

  find(workspaceId: string, id: string): Promise<QuestionnaireRow | undefined> {
    return this.db
      .selectFrom('survey_questionnaire')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async findWithCounts(workspaceId: string, id: string): Promise<QuestionnaireListRow | undefined> {
    return (await this.withCounts()
      .where('survey_questionnaire.workspace_id', '=', workspaceId)
      .where('survey_questionnaire.id', '=', id)
      .executeTakeFirst()) as QuestionnaireListRow | undefined;
  }

  versions(questionnaireId: string) {
    return this.db
      .selectFrom('survey_questionnaire_version')
      .select(['id', 'number', 'created_at'])
      .where('questionnaire_id', '=', questionnaireId)
      .orderBy('number', 'desc')
      .execute();
  }

  findVersion(questionnaireId: string, number: number) {
    return this.db
      .selectFrom('survey_questionnaire_version')
      .selectAll()
      .where('questionnaire_id', '=', questionnaireId)
      .where('number', '=', number)
      .executeTakeFirst();
  }

  /** The waves of a questionnaire, in the order they were made. */
  async waves(questionnaireId: string): Promise<WaveRef[]> {
    const rows = await this.db
      .selectFrom('survey_wave')
      .select(['id', 'name', 'status', 'questionnaire_version_id'])
      .where('questionnaire_id', '=', questionnaireId)
      .orderBy('id')
      .execute();
    return rows as WaveRef[];
  }

  async create(workspaceId: string, values: QuestionnaireValues): Promise<QuestionnaireRow> {
    const now = nowIso();
    return this.db
      .insertInto('survey_questionnaire')
      .values({ id: newId(), workspace_id: workspaceId, ...values, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Applies the change only if the stored version is still `version`; undefined otherwise. */
  update(
    workspaceId: string,
    id: string,
    version: number,
    values: Partial<Pick<QuestionnaireRow, 'name' | 'description' | 'definition' | 'status'>>,
  ): Promise<QuestionnaireRow | undefined> {
    return this.db
      .updateTable('survey_questionnaire')
      .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  /** @returns whether the questionnaire at that version was deleted. */
  async delete(workspaceId: string, id: string, version: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('survey_questionnaire')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
