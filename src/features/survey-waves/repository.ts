import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import { newId } from '../../db/ids.ts';
import { type KeysetAfter, keysetPage } from '../../db/keyset.ts';
import type { DB, SurveyInvitationTable, SurveyWaveTable } from '../../db/schema.ts';
import type { WaveStatus } from '../../domain/surveys/types.ts';
import { WorkspaceRepository } from '../workspaces/repository.ts';

export type WaveRow = Selectable<SurveyWaveTable>;
export type InvitationRow = Selectable<SurveyInvitationTable>;

/** A wave with the names lists show and its questionnaire. */
export type WaveListRow = WaveRow & {
  questionnaire_name: string;
  questionnaire_kind: 'readiness' | 'market' | 'general';
  version_number: number | null;
  activity_title: string | null;
  market_name: string | null;
  cluster_name: string | null;
};

export interface WaveProgressCounts {
  invited: number;
  sent: number;
  opened: number;
  started: number;
  completed: number;
}

export interface WaveFilters {
  statuses?: readonly WaveStatus[];
  questionnaireId?: string;
  /** Lower-cased. */
  q?: string;
}

/** A person a members' wave may go to: a registry person of a member organisation. */
export interface MemberCandidate {
  person_id: string;
  name: string;
  email: string | null;
  consent: number;
  organisation_id: string;
  organisation_name: string;
  cluster_id: string;
  space_segments: string;
  target_market_interests: string;
}

/** A person a network wave may go to. */
export interface NetworkCandidate {
  network_person_id: string;
  name: string;
  email: string | null;
  language: string | null;
  consent_basis: string | null;
  network_organisation_id: string | null;
  organisation_name: string | null;
  country: string | null;
}

function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The only SQL of survey waves, their invitations and responses. Every query is bound to one workspace. */
export class WaveRepository {
  /** The workspace's clusters, on the same connection or transaction. */
  readonly workspaces: WorkspaceRepository;

  constructor(private readonly db: Kysely<DB>) {
    this.workspaces = new WorkspaceRepository(db);
  }

  private withNames() {
    return this.db
      .selectFrom('survey_wave as w')
      .innerJoin('survey_questionnaire as q', 'q.id', 'w.questionnaire_id')
      .leftJoin('survey_questionnaire_version as v', 'v.id', 'w.questionnaire_version_id')
      .leftJoin('activity as a', 'a.id', 'w.activity_id')
      .leftJoin('target_market as m', 'm.id', 'w.market_id')
      .leftJoin('cluster as c', 'c.id', 'w.cluster_id')
      .selectAll('w')
      .select([
        'q.name as questionnaire_name',
        'q.kind as questionnaire_kind',
        'v.number as version_number',
        'a.title as activity_title',
        'm.name as market_name',
        'c.short_name as cluster_name',
      ]);
  }

  async list(
    workspaceId: string,
    filters: WaveFilters & { limit: number; after?: KeysetAfter },
  ): Promise<(WaveListRow & { sort_value: unknown })[]> {
    const order = { key: sql`w.id`, id: sql.ref('w.id'), desc: true };
    let query = this.withNames().select(sql`w.id`.as('sort_value')).where('w.workspace_id', '=', workspaceId);
    query = this.filter(query, filters);
    const rows = await keysetPage(query, order, filters.after).limit(filters.limit).execute();
    return rows as (WaveListRow & { sort_value: unknown })[];
  }

  async count(workspaceId: string, filters: WaveFilters): Promise<number> {
    let query = this.db
      .selectFrom('survey_wave as w')
      .innerJoin('survey_questionnaire as q', 'q.id', 'w.questionnaire_id')
      .where('w.workspace_id', '=', workspaceId);
    query = this.filter(query, filters);
    const row = await query
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  // biome-ignore lint/suspicious/noExplicitAny: the list and the count share the filters
  private filter<Q extends { where: (...args: any[]) => any }>(query: Q, filters: WaveFilters): Q {
    let q = query;
    if (filters.statuses && filters.statuses.length > 0) q = q.where('w.status', 'in', filters.statuses);
    if (filters.questionnaireId) q = q.where('w.questionnaire_id', '=', filters.questionnaireId);
    if (filters.q) {
      q = q.where(sql<boolean>`lower(w.name) like ${containsPattern(filters.q)} escape '\\'`);
    }
    return q;
  }

  find(workspaceId: string, id: string): Promise<WaveRow | undefined> {
    return this.db
      .selectFrom('survey_wave')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  findWithNames(workspaceId: string, id: string): Promise<WaveListRow | undefined> {
    return this.withNames()
      .where('w.workspace_id', '=', workspaceId)
      .where('w.id', '=', id)
      .executeTakeFirst() as Promise<WaveListRow | undefined>;
  }

  /** Progress counts of each wave (cumulative: a completed respondent also opened and started). */
  async progress(waveIds: readonly string[]): Promise<Map<string, WaveProgressCounts>> {
    const result = new Map<string, WaveProgressCounts>();
    if (waveIds.length === 0) return result;
    const rows = await this.db
      .selectFrom('survey_invitation')
      .where('wave_id', 'in', waveIds)
      .groupBy('wave_id')
      .select([
        'wave_id',
        (eb) => eb.fn.countAll<number | string>().as('invited'),
        (eb) => eb.fn.count<number | string>('sent_at').as('sent'),
        (eb) => eb.fn.count<number | string>('opened_at').as('opened'),
        (eb) => eb.fn.count<number | string>('started_at').as('started'),
        (eb) => eb.fn.count<number | string>('completed_at').as('completed'),
      ])
      .execute();
    for (const row of rows) {
      result.set(row.wave_id, {
        invited: Number(row.invited),
        sent: Number(row.sent),
        opened: Number(row.opened),
        started: Number(row.started),
        completed: Number(row.completed),
      });
    }
    return result;
  }

  /** A wave's invitations with their organisation's name, in name order. */
  respondents(waveId: string) {
    return this.db
      .selectFrom('survey_invitation as i')
      .leftJoin('organisation as o', 'o.id', 'i.organisation_id')
      .leftJoin('network_organisation as n', 'n.id', 'i.network_organisation_id')
      .where('i.wave_id', '=', waveId)
      .select([
        'i.id',
        'i.name',
        'i.email',
        'i.language',
        'i.person_id',
        'i.network_person_id',
        'i.sent_at',
        'i.opened_at',
        'i.started_at',
        'i.completed_at',
        'i.reminded_at',
        'i.reminder_count',
        sql<string | null>`coalesce(o.name, n.name)`.as('organisation_name'),
      ])
      .orderBy(sql`lower(i.name)`)
      .orderBy('i.id')
      .execute();
  }

  async create(values: Insertable<SurveyWaveTable>): Promise<WaveRow> {
    return this.db.insertInto('survey_wave').values(values).returningAll().executeTakeFirstOrThrow();
  }

  /** Updates when `version` is current; false when stale. */
  async update(
    workspaceId: string,
    id: string,
    version: number,
    values: Updateable<SurveyWaveTable>,
    now: string,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('survey_wave')
      .set({ ...values, version: version + 1, updated_at: now })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async delete(workspaceId: string, id: string, version: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('survey_wave')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  /** The workspace's active questionnaires, by name. */
  questionnaires(workspaceId: string) {
    return this.db
      .selectFrom('survey_questionnaire')
      .where('workspace_id', '=', workspaceId)
      .where('status', '=', 'active')
      .select(['id', 'name', 'kind', 'definition'])
      .orderBy(sql`lower(name)`)
      .orderBy('id')
      .execute();
  }

  questionnaire(workspaceId: string, id: string) {
    return this.db
      .selectFrom('survey_questionnaire')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  latestVersion(questionnaireId: string) {
    return this.db
      .selectFrom('survey_questionnaire_version')
      .selectAll()
      .where('questionnaire_id', '=', questionnaireId)
      .orderBy('number', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  async freezeVersion(
    workspaceId: string,
    questionnaireId: string,
    number: number,
    definition: string,
    now: string,
  ) {
    const row = await this.db
      .insertInto('survey_questionnaire_version')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        questionnaire_id: questionnaireId,
        number,
        definition,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.db
      .updateTable('survey_questionnaire')
      .set({ current_version: number })
      .where('id', '=', questionnaireId)
      .execute();
    return row;
  }

  /** The activity a wave would run in, with its instrument's code. */
  activity(workspaceId: string, activityId: string) {
    return this.db
      .selectFrom('activity as a')
      .innerJoin('instrument as i', 'i.id', 'a.instrument_id')
      .where('a.workspace_id', '=', workspaceId)
      .where('a.id', '=', activityId)
      .select(['a.id', 'a.cluster_id', 'i.code as instrument_code', 'i.based_on_key'])
      .executeTakeFirst();
  }

  async hasMarket(workspaceId: string, marketId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('target_market')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', marketId)
      .select('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The workspace's target markets (a market question's choices). */
  markets(workspaceId: string) {
    return this.db
      .selectFrom('target_market')
      .where('workspace_id', '=', workspaceId)
      .select(['id', 'name'])
      .orderBy(sql`lower(name)`)
      .execute();
  }

  workspace(workspaceId: string) {
    return this.db
      .selectFrom('workspace')
      .where('id', '=', workspaceId)
      .select(['name'])
      .executeTakeFirstOrThrow();
  }

  /** Registry people of member organisations (the candidates of a members' wave). */
  memberCandidates(workspaceId: string): Promise<MemberCandidate[]> {
    return this.db
      .selectFrom('person as p')
      .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
      .where('p.workspace_id', '=', workspaceId)
      .select([
        'p.id as person_id',
        'p.name',
        'p.email',
        'p.consent',
        'o.id as organisation_id',
        'o.name as organisation_name',
        'o.cluster_id',
        'o.space_segments',
        'o.target_market_interests',
      ])
      .orderBy(sql`lower(p.name)`)
      .orderBy('p.id')
      .execute();
  }

  /** Network people not erased (the candidates of a network wave). */
  networkCandidates(workspaceId: string): Promise<NetworkCandidate[]> {
    return this.db
      .selectFrom('network_person as p')
      .leftJoin('network_organisation as o', 'o.id', 'p.organisation_id')
      .where('p.workspace_id', '=', workspaceId)
      .where('p.erased_at', 'is', null)
      .select([
        'p.id as network_person_id',
        'p.name',
        'p.email',
        'p.language',
        'p.consent_basis',
        'o.id as network_organisation_id',
        'o.name as organisation_name',
        'o.country',
      ])
      .orderBy(sql`lower(p.name)`)
      .orderBy('p.id')
      .execute();
  }

  async insertInvitations(rows: Insertable<SurveyInvitationTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) {
      await this.db
        .insertInto('survey_invitation')
        .values(rows.slice(i, i + 200))
        .execute();
    }
  }

  /** Invitations of the wave not completed (those a reminder goes to). */
  pendingInvitations(waveId: string) {
    return this.db
      .selectFrom('survey_invitation')
      .selectAll()
      .where('wave_id', '=', waveId)
      .where('completed_at', 'is', null)
      .execute();
  }

  /**
   * Gives the invitation a new link and counts a reminder, unless it completed or another server
   * reminded it meanwhile (`reminderCount` as read); false then.
   */
  async claimReminder(
    invitationId: string,
    reminderCount: number,
    tokenHash: string,
    now: string,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('survey_invitation')
      .set({ token_hash: tokenHash, reminded_at: now, reminder_count: reminderCount + 1 })
      .where('id', '=', invitationId)
      .where('completed_at', 'is', null)
      .where('reminder_count', '=', reminderCount)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async markSent(invitationId: string, now: string): Promise<void> {
    await this.db
      .updateTable('survey_invitation')
      .set({ sent_at: now })
      .where('id', '=', invitationId)
      .execute();
  }

  /** Open waves past their closing time. */
  dueToClose(now: string) {
    return this.db
      .selectFrom('survey_wave')
      .where('status', '=', 'open')
      .where('closes_at', 'is not', null)
      .where('closes_at', '<=', now)
      .select(['id', 'workspace_id', 'version', 'closes_at'])
      .execute();
  }

  /** Invitations of open waves due for their automatic reminder (never reminded, sent long enough ago). */
  dueForReminder(now: Date) {
    return this.db
      .selectFrom('survey_invitation as i')
      .innerJoin('survey_wave as w', 'w.id', 'i.wave_id')
      .where('w.status', '=', 'open')
      .where('w.reminder_after_days', 'is not', null)
      .where('i.completed_at', 'is', null)
      .where('i.reminder_count', '=', 0)
      .where('i.sent_at', 'is not', null)
      .where(({ eb, ref }) =>
        eb(ref('w.closes_at'), 'is', null).or(ref('w.closes_at'), '>', now.toISOString()),
      )
      .selectAll('i')
      .select(['w.reminder_after_days'])
      .execute();
  }

  // The public answering side: an invitation by its link.

  invitationByToken(tokenHash: string) {
    return this.db
      .selectFrom('survey_invitation as i')
      .innerJoin('survey_wave as w', 'w.id', 'i.wave_id')
      .innerJoin('survey_questionnaire as q', 'q.id', 'w.questionnaire_id')
      .innerJoin('survey_questionnaire_version as v', 'v.id', 'w.questionnaire_version_id')
      .where('i.token_hash', '=', tokenHash)
      .selectAll('i')
      .select([
        'w.name as wave_name',
        'w.status as wave_status',
        'w.closes_at',
        'w.anonymous',
        'w.activity_id',
        'w.default_language',
        'q.kind as questionnaire_kind',
        'v.definition',
      ])
      .executeTakeFirst();
  }

  async saveDraft(invitationId: string, answers: string, language: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('survey_invitation')
      .set((eb) => ({
        draft_answers: answers,
        draft_updated_at: now,
        language,
        started_at: eb.fn.coalesce('started_at', sql.val(now)),
        opened_at: eb.fn.coalesce('opened_at', sql.val(now)),
      }))
      .where('id', '=', invitationId)
      .where('completed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async markOpened(invitationId: string, now: string): Promise<void> {
    await this.db
      .updateTable('survey_invitation')
      .set({ opened_at: now })
      .where('id', '=', invitationId)
      .where('opened_at', 'is', null)
      .execute();
  }

  /** Completes the invitation and clears its draft, unless already completed (false then). */
  async complete(invitationId: string, language: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('survey_invitation')
      .set((eb) => ({
        completed_at: now,
        draft_answers: null,
        draft_updated_at: null,
        language,
        started_at: eb.fn.coalesce('started_at', sql.val(now)),
        opened_at: eb.fn.coalesce('opened_at', sql.val(now)),
      }))
      .where('id', '=', invitationId)
      .where('completed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async insertResponse(values: Insertable<DB['survey_response']>): Promise<void> {
    await this.db.insertInto('survey_response').values(values).execute();
  }
}
