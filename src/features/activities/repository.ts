import {
  type Insertable,
  type Kysely,
  type RawBuilder,
  type Selectable,
  type SelectQueryBuilder,
  sql,
} from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import { type KeysetAfter, type KeysetOrder, keysetPage } from '../../db/keyset.ts';
import type { ActivityParticipantTable, ActivityTable, DB } from '../../db/schema.ts';
import { markEvidence } from '../../db/write-transaction.ts';
import type { Attendance } from '../../domain/planning/types.ts';

/** Rows per multi-row INSERT (well under both databases' bound-parameter limits). */
const INSERT_BATCH = 500;

export type ActivityRow = Selectable<ActivityTable>;
export type ActivityValues = Omit<
  ActivityTable,
  'id' | 'workspace_id' | 'version' | 'created_at' | 'updated_at'
>;

export const ACTIVITY_SORT_KEYS = [
  'startsOn',
  'endsOn',
  'title',
  'instrument',
  'plan',
  'status',
  'createdAt',
  'updatedAt',
] as const;
export type ActivitySortKey = (typeof ACTIVITY_SORT_KEYS)[number];

/**
 * The SQL of each sort key (never null: standalone activities have the empty plan name). Status
 * sorts along an activity's life (planned, confirmed, done, cancelled); the instrument by its
 * D4.2 code.
 */
const SORT_KEYS: Record<ActivitySortKey, RawBuilder<unknown>> = {
  startsOn: sql`activity.starts_on`,
  endsOn: sql`activity.ends_on`,
  title: sql`lower(activity.title)`,
  instrument: sql`instrument.code`,
  plan: sql`coalesce(lower(plan.name), '')`,
  status: sql`(case activity.status when 'planned' then 0 when 'confirmed' then 1 when 'done' then 2 else 3 end)`,
  createdAt: sql`activity.id`,
  updatedAt: sql`activity.updated_at`,
};

/** `%…%` for LIKE with `\` escaping the wildcards in the searched text. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface ActivityFilters {
  /** Searched in the title (case ignored). */
  q?: string;
  planId?: string;
  marketId?: string;
  instrumentId?: string;
  status?: ActivityTable['status'];
  clusterId?: string;
  /** Activities ending on or after this day. */
  from?: string;
  /** Activities starting on or before this day. */
  to?: string;
  standalone?: boolean;
  /** Activities in which the organisation, or one of its people, takes part. */
  organisationId?: string;
}

export interface ActivityListOptions extends ActivityFilters {
  limit: number;
  sort: { key: ActivitySortKey; desc: boolean };
  /** The last activity of the previous page (its sort value and id). */
  after?: KeysetAfter;
}

/** The only SQL for activities and their participants. Every query is bound to one workspace. */
export class ActivityRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Activities with their plan, market, instrument and cluster names (one statement). */
  private summaries(workspaceId: string) {
    return this.db
      .selectFrom('activity')
      .innerJoin('instrument', 'instrument.id', 'activity.instrument_id')
      .leftJoin('plan', 'plan.id', 'activity.plan_id')
      .leftJoin('target_market', 'target_market.id', 'plan.market_id')
      .leftJoin('cluster', 'cluster.id', 'activity.cluster_id')
      .selectAll('activity')
      .select([
        'plan.name as plan_name',
        'plan.market_id as market_id',
        'target_market.name as market_name',
        'target_market.country as market_country',
        'instrument.key as instrument_key',
        'instrument.code as instrument_code',
        'instrument.name as instrument_name',
        'instrument.phase as phase',
        'cluster.short_name as cluster_short_name',
      ])
      .where('activity.workspace_id', '=', workspaceId);
  }

  /** One page in the requested order (ties by id); the default, by start day, is the calendar's. */
  list(workspaceId: string, options: ActivityListOptions) {
    const order: KeysetOrder = {
      key: SORT_KEYS[options.sort.key],
      id: sql.ref('activity.id'),
      desc: options.sort.desc,
    };
    const query = this.withFilters(this.summaries(workspaceId).select(order.key.as('sort_value')), options);
    return keysetPage(query, order, options.after).limit(options.limit).execute();
  }

  /** How many activities match the filters. */
  async count(workspaceId: string, filters: ActivityFilters): Promise<number> {
    const query = this.db
      .selectFrom('activity')
      .leftJoin('plan', 'plan.id', 'activity.plan_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('activity.workspace_id', '=', workspaceId);
    const row = await this.withFilters(query, filters).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The filters, over a query of `activity` joined with its `plan`. */
  // biome-ignore lint/suspicious/noExplicitAny: a query over activity and plan, whatever it selects
  private withFilters<QB extends SelectQueryBuilder<DB, any, any>>(query: QB, options: ActivityFilters): QB {
    let q = query;
    if (options.planId) q = q.where('activity.plan_id', '=', options.planId) as QB;
    if (options.marketId) q = q.where('plan.market_id', '=', options.marketId) as QB;
    if (options.instrumentId) q = q.where('activity.instrument_id', '=', options.instrumentId) as QB;
    if (options.status) q = q.where('activity.status', '=', options.status) as QB;
    if (options.clusterId) q = q.where('activity.cluster_id', '=', options.clusterId) as QB;
    if (options.from) q = q.where('activity.ends_on', '>=', options.from) as QB;
    if (options.to) q = q.where('activity.starts_on', '<=', options.to) as QB;
    if (options.standalone !== undefined) {
      q = q.where('activity.plan_id', options.standalone ? 'is' : 'is not', null) as QB;
    }
    if (options.q) {
      // Explicit ESCAPE: the same meaning on SQLite (no default escape) and PostgreSQL.
      q = q.where(
        sql<boolean>`lower(activity.title) like ${containsPattern(options.q.toLowerCase())} escape '\\'`,
      ) as QB;
    }
    if (options.organisationId) {
      const organisationId = options.organisationId;
      // Through the participant index by organisation (migration 0017), and the people's.
      q = q.where((eb) =>
        eb.or([
          eb(
            'activity.id',
            'in',
            eb
              .selectFrom('activity_participant')
              .select('activity_participant.activity_id')
              .where('activity_participant.organisation_id', '=', organisationId),
          ),
          eb(
            'activity.id',
            'in',
            eb
              .selectFrom('activity_participant')
              .innerJoin('person', 'person.id', 'activity_participant.person_id')
              .select('activity_participant.activity_id')
              .where('person.organisation_id', '=', organisationId),
          ),
        ]),
      ) as QB;
    }
    return q;
  }

  findSummary(workspaceId: string, id: string) {
    return this.summaries(workspaceId).where('activity.id', '=', id).executeTakeFirst();
  }

  find(workspaceId: string, id: string): Promise<ActivityRow | undefined> {
    return this.db
      .selectFrom('activity')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  create(workspaceId: string, values: ActivityValues): Promise<ActivityRow> {
    const now = nowIso();
    const id = newId();
    markEvidence(this.db, [id]);
    return this.db
      .insertInto('activity')
      .values({ id, workspace_id: workspaceId, ...values, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Inserts whole activity rows (a copied plan's) in a few multi-row statements. */
  async insertMany(rows: Insertable<ActivityTable>[]): Promise<void> {
    markEvidence(
      this.db,
      rows.map((row) => row.id),
    );
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      await this.db
        .insertInto('activity')
        .values(rows.slice(start, start + INSERT_BATCH))
        .execute();
    }
  }

  /** Applies the change only if the stored version is still `version`; undefined otherwise. */
  update(workspaceId: string, id: string, version: number, values: Partial<ActivityValues>) {
    markEvidence(this.db, [id]);
    return this.db
      .updateTable('activity')
      .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  /** @returns whether the activity at that version was deleted (participants and lines go with it). */
  async delete(workspaceId: string, id: string, version: number): Promise<boolean> {
    markEvidence(this.db, [id]);
    const result = await this.db
      .deleteFrom('activity')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** A plan of the workspace, with its period. */
  findPlan(workspaceId: string, planId: string) {
    return this.db
      .selectFrom('plan')
      .select(['id', 'name', 'starts_on', 'ends_on'])
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', planId)
      .executeTakeFirst();
  }

  /** A person of the workspace, with the organisation they work for. */
  findPerson(workspaceId: string, personId: string) {
    return this.db
      .selectFrom('person')
      .select(['id', 'organisation_id'])
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', personId)
      .executeTakeFirst();
  }

  /** A member organisation of the workspace (the owner a participation list is read for). */
  findOrganisation(workspaceId: string, organisationId: string) {
    return this.db
      .selectFrom('organisation')
      .select(['id', 'name'])
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', organisationId)
      .executeTakeFirst();
  }

  /**
   * How one organisation takes part in the given activities: the participants that are the
   * organisation itself or one of its people, in the order they were added.
   */
  participationsOf(organisationId: string, activityIds: string[]) {
    if (activityIds.length === 0) return Promise.resolve([]);
    return this.participantQuery()
      .where('activity_participant.activity_id', 'in', activityIds)
      .where((eb) =>
        eb.or([
          eb('activity_participant.organisation_id', '=', organisationId),
          eb('person.organisation_id', '=', organisationId),
        ]),
      )
      .orderBy('activity_participant.id')
      .execute();
  }

  /** The participants of one activity with the names of who takes part, in the order they were added. */
  participants(activityIds: string[]) {
    if (activityIds.length === 0) return Promise.resolve([]);
    return this.participantQuery()
      .where('activity_participant.activity_id', 'in', activityIds)
      .orderBy('activity_participant.id')
      .execute();
  }

  findParticipant(activityId: string, participantId: string) {
    return this.participantQuery()
      .where('activity_participant.activity_id', '=', activityId)
      .where('activity_participant.id', '=', participantId)
      .executeTakeFirst();
  }

  private participantQuery() {
    return this.db
      .selectFrom('activity_participant')
      .leftJoin('organisation', 'organisation.id', 'activity_participant.organisation_id')
      .leftJoin('person', 'person.id', 'activity_participant.person_id')
      .selectAll('activity_participant')
      .select(['organisation.name as organisation_name', 'person.name as person_name']);
  }

  /** Whether the same organisation and person (either may be absent) already take part. */
  async hasParticipant(activityId: string, organisationId: string | null, personId: string | null) {
    const row = await this.db
      .selectFrom('activity_participant')
      .select('id')
      .where('activity_id', '=', activityId)
      .where('organisation_id', organisationId === null ? 'is' : '=', organisationId)
      .where('person_id', personId === null ? 'is' : '=', personId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async addParticipant(
    activityId: string,
    values: Pick<ActivityParticipantTable, 'organisation_id' | 'person_id' | 'role'>,
  ): Promise<string> {
    const id = newId();
    markEvidence(this.db, [activityId]);
    await this.db
      .insertInto('activity_participant')
      .values({ id, activity_id: activityId, ...values, created_at: nowIso() })
      .execute();
    return id;
  }

  /** @returns whether the participant of this activity was found and marked. */
  async setAttendance(activityId: string, participantId: string, attendance: Attendance): Promise<boolean> {
    markEvidence(this.db, [activityId]);
    const result = await this.db
      .updateTable('activity_participant')
      .set({ attendance })
      .where('activity_id', '=', activityId)
      .where('id', '=', participantId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async deleteParticipant(activityId: string, participantId: string): Promise<boolean> {
    markEvidence(this.db, [activityId]);
    const result = await this.db
      .deleteFrom('activity_participant')
      .where('activity_id', '=', activityId)
      .where('id', '=', participantId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** How many participants and budget lines an activity has (what its deletion takes along). */
  async countChildren(activityId: string): Promise<{ participants: number; costLines: number }> {
    const participants = await this.db
      .selectFrom('activity_participant')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('activity_id', '=', activityId)
      .executeTakeFirstOrThrow();
    const costLines = await this.db
      .selectFrom('cost_line')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('activity_id', '=', activityId)
      .executeTakeFirstOrThrow();
    return { participants: Number(participants.n), costLines: Number(costLines.n) };
  }
}

export type ActivitySummaryRow = NonNullable<Awaited<ReturnType<ActivityRepository['findSummary']>>>;
export type ParticipantRow = NonNullable<Awaited<ReturnType<ActivityRepository['findParticipant']>>>;
