import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, can, requireAccess, type Scope } from '../../domain/access/policy.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { defaultReadinessQuestionnaire } from '../../domain/surveys/default-readiness.ts';
import { questionsOf, validateDefinition } from '../../domain/surveys/questionnaire.ts';
import type { QuestionnaireDefinition, QuestionnaireKind } from '../../domain/surveys/types.ts';
import { cursorPosition, pageOf, parseSort } from '../../http/list-params.ts';
import { AuditRepository, type Changes } from '../audit/repository.ts';
import { definitionOf, presentQuestionnaire, presentWaveRef } from './presenter.ts';
import { type QuestionnaireFilters, QuestionnaireRepository, type QuestionnaireRow } from './repository.ts';
import type {
  CreateQuestionnaireInput,
  ListQuestionnairesQuery,
  QuestionnaireDetailDto,
  QuestionnaireVersionDto,
  UpdateQuestionnaireInput,
} from './schema.ts';

/**
 * Questionnaires (issue 23 item 1, decision 0041): the workspace's survey definitions, edited as a
 * whole and validated whole (`validateDefinition`), frozen into numbered versions when a wave is
 * sent (by the waves feature). The partnership's staff read them (`survey.read`); coordinators and
 * every cluster manager adapt them (`survey.manage` in the manager's own cluster: a questionnaire
 * is the workspace's, as the workspace's own instruments are). Every write is audited.
 */
export class QuestionnaireService {
  constructor(private readonly db: Kysely<DB>) {}

  async list(actor: Actor, query: ListQuestionnairesQuery) {
    requireAccess(actor, 'survey.read');
    const q = query.q?.toLowerCase();
    const filters: QuestionnaireFilters = {
      ...(q ? { q } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.status ? { status: query.status } : {}),
    };
    const after = cursorPosition(query.cursor, query.sort);
    const questionnaires = new QuestionnaireRepository(this.db);
    const [rows, total, hasDefault] = await Promise.all([
      questionnaires.list(actor.workspaceId, {
        ...filters,
        limit: query.limit + 1,
        sort: parseSort(query.sort),
        ...(after ? { after } : {}),
      }),
      questionnaires.count(actor.workspaceId, filters),
      questionnaires.hasDefault(actor.workspaceId),
    ]);
    const page = pageOf(rows, query.limit, query.sort);
    return {
      items: page.rows.map(presentQuestionnaire),
      nextCursor: page.nextCursor,
      total,
      hasDefault,
      canManage: can(actor, 'survey.manage', manageScope(actor)),
    };
  }

  async get(actor: Actor, id: string): Promise<QuestionnaireDetailDto> {
    requireAccess(actor, 'survey.read');
    return this.detail(new QuestionnaireRepository(this.db), actor, id);
  }

  /** One frozen version, as a wave sent it. */
  async getVersion(actor: Actor, id: string, number: number): Promise<QuestionnaireVersionDto> {
    requireAccess(actor, 'survey.read');
    const questionnaires = new QuestionnaireRepository(this.db);
    const questionnaire = await load(questionnaires, actor, id);
    const version = await questionnaires.findVersion(questionnaire.id, number);
    if (!version) throw new NotFoundError('questionnaire version', String(number));
    const waves = await questionnaires.waves(questionnaire.id);
    return {
      questionnaireId: questionnaire.id,
      number: Number(version.number),
      createdAt: version.created_at,
      definition: definitionOf(version.definition),
      waves: waves.filter((wave) => wave.questionnaire_version_id === version.id).map(presentWaveRef),
    };
  }

  async create(actor: Actor, input: CreateQuestionnaireInput): Promise<QuestionnaireDetailDto> {
    requireAccess(actor, 'survey.manage', manageScope(actor));
    return writeTransaction(this.db, async (trx) => {
      const questionnaires = new QuestionnaireRepository(trx);
      let values: { kind: QuestionnaireKind; name: string; description: string; definition: string };
      let isDefault = 0;
      if (input.fromDefault) {
        if (await questionnaires.hasDefault(actor.workspaceId)) {
          throw new ConflictError(
            'The workspace has the default readiness questionnaire already: duplicate it to make another.',
          );
        }
        // The Hub's own questionnaire, as it is written (its tests check it against the rules).
        const fallback = defaultReadinessQuestionnaire();
        values = {
          kind: 'readiness',
          name: fallback.name,
          description: fallback.description,
          definition: JSON.stringify(fallback.definition),
        };
        isDefault = 1;
      } else {
        // The schema requires both without fromDefault.
        const kind = input.kind ?? 'general';
        const definition = input.definition ?? starterDefinition(kind);
        checkDefinition(definition, kind);
        values = {
          kind,
          name: input.name ?? '',
          description: input.description ?? '',
          definition: JSON.stringify(definition),
        };
      }
      const row = await questionnaires.create(actor.workspaceId, {
        ...values,
        is_default: isDefault,
        created_by: actor.userId,
      });
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'create',
        entityType: 'survey_questionnaire',
        entityId: row.id,
        changes: {
          kind: [null, row.kind],
          name: [null, row.name],
          ...(row.description ? { description: [null, row.description] } : {}),
          definition: [null, summary(definitionOf(row.definition))],
          ...(isDefault ? { is_default: [null, true] } : {}),
        },
      });
      return this.detail(questionnaires, actor, row.id);
    });
  }

  async update(actor: Actor, id: string, input: UpdateQuestionnaireInput): Promise<QuestionnaireDetailDto> {
    requireAccess(actor, 'survey.manage', manageScope(actor));
    return writeTransaction(this.db, async (trx) => {
      const questionnaires = new QuestionnaireRepository(trx);
      const current = await load(questionnaires, actor, id);
      const changes: Changes = {};
      const values: Partial<Pick<QuestionnaireRow, 'name' | 'description' | 'definition'>> = {};
      if (input.name !== undefined && input.name !== current.name) {
        values.name = input.name;
        changes.name = [current.name, input.name];
      }
      if (input.description !== undefined && input.description !== current.description) {
        values.description = input.description;
        changes.description = [current.description, input.description];
      }
      if (input.definition !== undefined) {
        checkDefinition(input.definition, current.kind as QuestionnaireKind);
        const json = JSON.stringify(input.definition);
        if (json !== current.definition) {
          values.definition = json;
          changes.definition = [summary(definitionOf(current.definition)), summary(input.definition)];
        }
      }
      const updated = await questionnaires.update(actor.workspaceId, id, input.version, values);
      if (!updated) throw staleVersion(current, input.version);
      if (Object.keys(changes).length > 0) {
        await new AuditRepository(trx).record({
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'update',
          entityType: 'survey_questionnaire',
          entityId: id,
          changes,
        });
      }
      return this.detail(questionnaires, actor, id);
    });
  }

  /** A copy to adapt: same kind, description and definition, never the default, no version yet. */
  async duplicate(actor: Actor, id: string, name: string | undefined): Promise<QuestionnaireDetailDto> {
    requireAccess(actor, 'survey.manage', manageScope(actor));
    return writeTransaction(this.db, async (trx) => {
      const questionnaires = new QuestionnaireRepository(trx);
      const source = await load(questionnaires, actor, id);
      const copyName = name ?? `Copy of ${source.name}`.slice(0, 200);
      const row = await questionnaires.create(actor.workspaceId, {
        kind: source.kind,
        name: copyName,
        description: source.description,
        definition: source.definition,
        is_default: 0,
        created_by: actor.userId,
      });
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'create',
        entityType: 'survey_questionnaire',
        entityId: row.id,
        changes: {
          kind: [null, row.kind],
          name: [null, row.name],
          copied_from: [null, source.name],
          definition: [null, summary(definitionOf(row.definition))],
        },
      });
      return this.detail(questionnaires, actor, row.id);
    });
  }

  /** Archived: kept with its waves and results, offered no more for new waves. */
  async setStatus(
    actor: Actor,
    id: string,
    status: 'active' | 'archived',
    version: number,
  ): Promise<QuestionnaireDetailDto> {
    requireAccess(actor, 'survey.manage', manageScope(actor));
    return writeTransaction(this.db, async (trx) => {
      const questionnaires = new QuestionnaireRepository(trx);
      const current = await load(questionnaires, actor, id);
      if (current.version !== version) throw staleVersion(current, version);
      if (current.status !== status) {
        const updated = await questionnaires.update(actor.workspaceId, id, version, { status });
        if (!updated) throw staleVersion(current, version);
        await new AuditRepository(trx).record({
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'update',
          entityType: 'survey_questionnaire',
          entityId: id,
          changes: { status: [current.status, status] },
        });
      }
      return this.detail(questionnaires, actor, id);
    });
  }

  /** Only a questionnaire no wave used: one that was sent keeps its answers' meaning (archive it). */
  async delete(actor: Actor, id: string, version: number): Promise<void> {
    requireAccess(actor, 'survey.manage', manageScope(actor));
    await writeTransaction(this.db, async (trx) => {
      const questionnaires = new QuestionnaireRepository(trx);
      const current = await load(questionnaires, actor, id);
      const waves = await questionnaires.waves(id);
      if (waves.length > 0) {
        const names = waves
          .slice(0, 3)
          .map((wave) => `"${wave.name}"`)
          .join(', ');
        const more = waves.length > 3 ? ` and ${waves.length - 3} more` : '';
        throw new ConflictError(
          `The questionnaire "${current.name}" is used by ${waves.length === 1 ? 'a wave' : `${waves.length} waves`} (${names}${more}): it cannot be deleted, archive it instead.`,
        );
      }
      if (!(await questionnaires.delete(actor.workspaceId, id, version)))
        throw staleVersion(current, version);
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'delete',
        entityType: 'survey_questionnaire',
        entityId: id,
        changes: {
          kind: [current.kind, null],
          name: [current.name, null],
          status: [current.status, null],
          definition: [summary(definitionOf(current.definition)), null],
        },
      });
    });
  }

  private async detail(
    questionnaires: QuestionnaireRepository,
    actor: Actor,
    id: string,
  ): Promise<QuestionnaireDetailDto> {
    const row = await questionnaires.findWithCounts(actor.workspaceId, id);
    if (!row) throw new NotFoundError('questionnaire', id);
    const [versions, waves] = await Promise.all([questionnaires.versions(id), questionnaires.waves(id)]);
    return {
      ...presentQuestionnaire(row),
      definition: definitionOf(row.definition),
      versions: versions.map((version) => ({
        number: Number(version.number),
        createdAt: version.created_at,
        waves: waves.filter((wave) => wave.questionnaire_version_id === version.id).map(presentWaveRef),
      })),
      canManage: can(actor, 'survey.manage', manageScope(actor)),
    };
  }
}

/**
 * The scope of managing a questionnaire: the workspace's, so a cluster manager manages in its own
 * cluster's name (any cluster manager may), a coordinator anywhere.
 */
function manageScope(actor: Actor): Scope {
  return actor.clusterId ? { clusterId: actor.clusterId } : {};
}

/** A questionnaire of the actor's workspace, or 404 (also for another workspace's id). */
async function load(
  questionnaires: QuestionnaireRepository,
  actor: Actor,
  id: string,
): Promise<QuestionnaireRow> {
  const row = await questionnaires.find(actor.workspaceId, id);
  if (!row) throw new NotFoundError('questionnaire', id);
  return row;
}

/** 400 naming each problem at its place under `body.definition`, nothing written. */
function checkDefinition(definition: QuestionnaireDefinition, kind: QuestionnaireKind): void {
  const errors = validateDefinition(definition, kind);
  if (errors.length === 0) return;
  throw new InvalidInputError(
    errors.length === 1
      ? `The questionnaire cannot be saved: ${errors[0]?.path} ${errors[0]?.message}`
      : `The questionnaire cannot be saved: ${errors.length} problems`,
    errors.map((error) => ({ field: `body.definition.${dotted(error.path)}`, message: error.message })),
  );
}

/** `sections[1].questions[3].key` → `sections.1.questions.3.key`, as the other field errors read. */
export function dotted(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1');
}

/** What the audit log keeps of a definition: its size and languages, not its whole text. */
function summary(definition: QuestionnaireDefinition): string {
  const questions = questionsOf(definition).length;
  return `${definition.sections.length} sections, ${questions} questions (${definition.languages.join(', ')})`;
}

/** A new questionnaire's first content when none is given: one section, one question to start from. */
export function starterDefinition(kind: QuestionnaireKind): QuestionnaireDefinition {
  return {
    languages: ['en'],
    sections: [
      {
        key: 'section_1',
        title: { en: 'Section 1' },
        questions: [
          kind === 'readiness'
            ? {
                key: 'commitment',
                type: 'scale',
                label: { en: 'How committed is the management to going abroad?' },
                required: true,
                dimension: 'engagement',
                scaleLabels: { low: { en: 'Not at all' }, high: { en: 'Fully' } },
              }
            : {
                key: 'question_1',
                type: 'text',
                label: { en: 'Your question' },
                required: false,
              },
        ],
      },
    ],
  };
}

function staleVersion(current: QuestionnaireRow, sent: number): ConflictError {
  return new ConflictError(
    `The questionnaire "${current.name}" was changed by someone else (version ${current.version}, you sent ${sent}): reload it and apply your edit again.`,
    current.version,
  );
}
