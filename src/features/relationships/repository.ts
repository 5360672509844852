import { type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import { type KeysetAfter, type KeysetOrder, keysetPage } from '../../db/keyset.ts';
import type { DB, RelationshipStageChangeTable, RelationshipTable } from '../../db/schema.ts';
import { markEvidence } from '../../db/write-transaction.ts';
import { PIPELINE_STAGES, RELATIONSHIP_STAGES, type RelationshipStage } from '../../domain/network/types.ts';

export type RelationshipRow = Selectable<RelationshipTable>;
export type StageChangeRow = Selectable<RelationshipStageChangeTable>;
export type RelationshipValues = Omit<
  RelationshipTable,
  'id' | 'workspace_id' | 'version' | 'created_at' | 'updated_at' | 'last_interaction_on' | 'health_on'
>;

/** A relationship with the names a reader needs (ours, the counterpart, the market, the owner). */
export type NamedRelationshipRow = RelationshipRow & {
  our_cluster_name: string | null;
  our_organisation_name: string | null;
  network_name: string | null;
  network_country: string | null;
  member_name: string | null;
  member_country: string | null;
  market_name: string | null;
  owner_name: string | null;
};

export type NamedStageChangeRow = StageChangeRow & {
  actor_name: string | null;
  activity_title: string | null;
};

export interface RelationshipFilters {
  stages?: readonly RelationshipStage[];
  marketId?: string;
  clusterId?: string;
  ours?: string;
  networkOrganisationId?: string;
  counterpartOrganisationId?: string;
  ownerUserId?: string;
  /** Already normalised (`normaliseOrganisationName`). */
  q?: string;
  country?: string;
}

export const RELATIONSHIP_SORT_KEYS = [
  'createdAt',
  'stageChangedOn',
  'startedOn',
  'stage',
  'counterpart',
] as const;
export type RelationshipSortKey = (typeof RELATIONSHIP_SORT_KEYS)[number];

export interface RelationshipListOptions extends RelationshipFilters {
  limit: number;
  sort: { key: RelationshipSortKey; desc: boolean };
  after?: KeysetAfter;
}

/** The pipeline's order as text ('0' mapped … '6' common project, '7' dormant, '8' closed). */
const stageOrder = sql`(case r.stage ${sql.join(
  RELATIONSHIP_STAGES.map((stage, rank) => sql`when ${sql.lit(stage)} then ${sql.lit(String(rank))}`),
  sql` `,
)} else '9' end)`;

/** The counterpart's normalised name and country, whichever kind it is. */
const counterpartName = sql`coalesce((select n.normalised_name from network_organisation n where n.id = r.network_organisation_id), (select o.normalised_name from organisation o where o.id = r.counterpart_organisation_id), '')`;
const counterpartCountry = sql`coalesce((select n.country from network_organisation n where n.id = r.network_organisation_id), (select o.country from organisation o where o.id = r.counterpart_organisation_id))`;

const SORT_KEYS: Record<RelationshipSortKey, RawBuilder<unknown>> = {
  createdAt: sql`r.id`,
  stageChangedOn: sql`r.stage_changed_on`,
  startedOn: sql`r.started_on`,
  stage: stageOrder,
  counterpart: counterpartName,
};

function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The only SQL of relationships and their stage changes. Every query is bound to one workspace. */
export class RelationshipRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private named() {
    return this.db
      .selectFrom('relationship as r')
      .leftJoin('cluster as oc', 'oc.id', 'r.our_cluster_id')
      .leftJoin('organisation as oo', 'oo.id', 'r.our_organisation_id')
      .leftJoin('network_organisation as no', 'no.id', 'r.network_organisation_id')
      .leftJoin('organisation as co', 'co.id', 'r.counterpart_organisation_id')
      .leftJoin('target_market as m', 'm.id', 'r.market_id')
      .leftJoin('app_user as u', 'u.id', 'r.owner_user_id')
      .selectAll('r')
      .select([
        'oc.short_name as our_cluster_name',
        'oo.name as our_organisation_name',
        'no.name as network_name',
        'no.country as network_country',
        'co.name as member_name',
        'co.country as member_country',
        'm.name as market_name',
        'u.name as owner_name',
      ]);
  }

  private filtered(workspaceId: string, filters: RelationshipFilters) {
    let query = this.db.selectFrom('relationship as r').where('r.workspace_id', '=', workspaceId);
    if (filters.stages && filters.stages.length > 0) query = query.where('r.stage', 'in', filters.stages);
    if (filters.marketId) query = query.where('r.market_id', '=', filters.marketId);
    if (filters.clusterId) query = query.where('r.cluster_id', '=', filters.clusterId);
    if (filters.ours) {
      const ours = filters.ours;
      query = query.where((eb) =>
        eb.or([eb('r.our_cluster_id', '=', ours), eb('r.our_organisation_id', '=', ours)]),
      );
    }
    if (filters.networkOrganisationId) {
      query = query.where('r.network_organisation_id', '=', filters.networkOrganisationId);
    }
    if (filters.counterpartOrganisationId) {
      query = query.where('r.counterpart_organisation_id', '=', filters.counterpartOrganisationId);
    }
    if (filters.ownerUserId) query = query.where('r.owner_user_id', '=', filters.ownerUserId);
    if (filters.q) {
      query = query.where(sql<boolean>`${counterpartName} like ${containsPattern(filters.q)} escape '\\'`);
    }
    if (filters.country) query = query.where(sql<boolean>`${counterpartCountry} = ${filters.country}`);
    return query;
  }

  /** One page in the requested order (ties by id). */
  list(
    workspaceId: string,
    options: RelationshipListOptions,
  ): Promise<(NamedRelationshipRow & { sort_value: unknown })[]> {
    const order: KeysetOrder = {
      key: SORT_KEYS[options.sort.key],
      id: sql.ref('r.id'),
      desc: options.sort.desc,
    };
    const page = keysetPage(this.filtered(workspaceId, options).select('r.id'), order, options.after).limit(
      options.limit,
    );
    return keysetPage(
      this.named()
        .select(order.key.as('sort_value'))
        .where('r.workspace_id', '=', workspaceId)
        .where('r.id', 'in', page),
      order,
      undefined,
    ).execute();
  }

  async count(workspaceId: string, filters: RelationshipFilters): Promise<number> {
    const row = await this.filtered(workspaceId, filters)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** How many relationships are at each stage (only stages that have some). */
  async countByStage(workspaceId: string, filters: RelationshipFilters): Promise<Map<string, number>> {
    const rows = await this.filtered(workspaceId, filters)
      .select(['r.stage', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('r.stage')
      .execute();
    return new Map(rows.map((row) => [row.stage, Number(row.n)]));
  }

  /**
   * The most recently moved relationships at one stage (the board's cards), in the whole workspace,
   * a market or a cluster. Filtered on the relationship itself (not through an `id in (…)` of the
   * list's filters) so the board's indexes (migration 0031) serve the order and the limit.
   */
  latestAtStage(
    workspaceId: string,
    stage: RelationshipStage,
    filters: Pick<RelationshipFilters, 'marketId' | 'clusterId'>,
    limit: number,
  ) {
    let query = this.named().where('r.workspace_id', '=', workspaceId).where('r.stage', '=', stage);
    if (filters.marketId) query = query.where('r.market_id', '=', filters.marketId);
    if (filters.clusterId) query = query.where('r.cluster_id', '=', filters.clusterId);
    return query
      .orderBy('r.stage_changed_on', 'desc')
      .orderBy('r.id', 'desc')
      .limit(limit)
      .execute() as Promise<NamedRelationshipRow[]>;
  }

  find(workspaceId: string, id: string): Promise<RelationshipRow | undefined> {
    return this.db
      .selectFrom('relationship')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  findNamed(workspaceId: string, id: string): Promise<NamedRelationshipRow | undefined> {
    return this.named()
      .where('r.workspace_id', '=', workspaceId)
      .where('r.id', '=', id)
      .executeTakeFirst() as Promise<NamedRelationshipRow | undefined>;
  }

  /** The relationship between these two, if there is one already (one per pair). */
  findPair(workspaceId: string, ours: string, counterpart: string): Promise<RelationshipRow | undefined> {
    return this.db
      .selectFrom('relationship')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where((eb) => eb.or([eb('our_cluster_id', '=', ours), eb('our_organisation_id', '=', ours)]))
      .where((eb) =>
        eb.or([
          eb('network_organisation_id', '=', counterpart),
          eb('counterpart_organisation_id', '=', counterpart),
        ]),
      )
      .executeTakeFirst();
  }

  /** The record of another table this relationship points at, if it is of the workspace. */
  async reference(
    table: 'cluster' | 'organisation' | 'network_organisation' | 'target_market' | 'activity',
    workspaceId: string,
    id: string,
  ): Promise<{ id: string; cluster_id: string | null } | undefined> {
    const clusterColumn =
      table === 'organisation'
        ? sql<string | null>`cluster_id`
        : table === 'activity'
          ? sql<string | null>`cluster_id`
          : sql<string | null>`null`;
    return (
      this.db
        // Every one of these tables has an id and a workspace_id.
        .selectFrom(table as 'cluster')
        .select(['id', clusterColumn.as('cluster_id')])
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst()
    );
  }

  /** Whether the user is a member of the workspace (an owner must be). */
  async isWorkspaceUser(workspaceId: string, userId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('membership')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Its stage changes, oldest first, with the actor's name and the activity's title. */
  changes(workspaceId: string, relationshipId: string): Promise<NamedStageChangeRow[]> {
    return this.db
      .selectFrom('relationship_stage_change as c')
      .leftJoin('app_user as u', 'u.id', 'c.actor_user_id')
      .leftJoin('activity as a', 'a.id', 'c.activity_id')
      .selectAll('c')
      .select(['u.name as actor_name', 'a.title as activity_title'])
      .where('c.workspace_id', '=', workspaceId)
      .where('c.relationship_id', '=', relationshipId)
      .orderBy('c.changed_on')
      .orderBy('c.id')
      .execute();
  }

  /**
   * Marks the activities of every stage change of the relationship: a change anywhere in its
   * history can move which change first reached a stage, so which activity counts it (decision
   * 0026's "reached stage S at an activity").
   */
  private async markHistory(relationshipId: string): Promise<void> {
    markEvidence(this.db, []);
    const rows = await this.db
      .selectFrom('relationship_stage_change')
      .select('activity_id')
      .distinct()
      .where('relationship_id', '=', relationshipId)
      .where('activity_id', 'is not', null)
      .execute();
    markEvidence(
      this.db,
      rows.map((row) => row.activity_id),
    );
  }

  /** A new relationship and its first stage change (from nothing to `values.stage`). */
  async create(
    workspaceId: string,
    values: RelationshipValues,
    first: { actorUserId: string | null; activityId: string | null },
  ): Promise<RelationshipRow> {
    markEvidence(this.db, [first.activityId]);
    const now = nowIso();
    const row = await this.db
      .insertInto('relationship')
      .values({ id: newId(), workspace_id: workspaceId, ...values, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.db
      .insertInto('relationship_stage_change')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        relationship_id: row.id,
        from_stage: null,
        to_stage: values.stage,
        changed_on: values.started_on,
        reason: values.stage_reason,
        actor_user_id: first.actorUserId,
        activity_id: first.activityId,
        created_at: now,
      })
      .execute();
    return row;
  }

  /** Applies the change only if the stored version is still `version`; undefined otherwise. */
  update(workspaceId: string, id: string, version: number, values: Partial<RelationshipValues>) {
    return this.db
      .updateTable('relationship')
      .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  /**
   * Records a stage change and moves the relationship to it, if its version is still `version`
   * (undefined otherwise, and nothing written).
   */
  async changeStage(
    current: RelationshipRow,
    version: number,
    change: {
      toStage: RelationshipStage;
      changedOn: string;
      reason: string | null;
      actorUserId: string | null;
      activityId: string | null;
    },
  ): Promise<RelationshipRow | undefined> {
    await this.markHistory(current.id);
    markEvidence(this.db, [change.activityId]);
    const updated = await this.update(current.workspace_id, current.id, version, {
      stage: change.toStage,
      stage_reason: change.reason,
      stage_changed_on: change.changedOn,
    });
    if (!updated) return undefined;
    await this.db
      .insertInto('relationship_stage_change')
      .values({
        id: newId(),
        workspace_id: current.workspace_id,
        relationship_id: current.id,
        from_stage: current.stage,
        to_stage: change.toStage,
        changed_on: change.changedOn,
        reason: change.reason,
        actor_user_id: change.actorUserId,
        activity_id: change.activityId,
        created_at: nowIso(),
      })
      .execute();
    return updated;
  }

  findChange(
    workspaceId: string,
    relationshipId: string,
    changeId: string,
  ): Promise<StageChangeRow | undefined> {
    return this.db
      .selectFrom('relationship_stage_change')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('relationship_id', '=', relationshipId)
      .where('id', '=', changeId)
      .executeTakeFirst();
  }

  /** Sets a change's activity or reason (the relationship's version is bumped by the caller). */
  async editChange(
    relationshipId: string,
    changeId: string,
    values: { activity_id?: string | null; reason?: string | null },
  ): Promise<void> {
    await this.markHistory(relationshipId);
    markEvidence(this.db, [values.activity_id]);
    await this.db.updateTable('relationship_stage_change').set(values).where('id', '=', changeId).execute();
  }

  /** @returns whether the relationship at that version was deleted (with its stage history). */
  async delete(workspaceId: string, id: string, version: number): Promise<boolean> {
    await this.markHistory(id);
    const result = await this.db
      .deleteFrom('relationship')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}

/** The pipeline stages at `stage` or beyond (for "reached stage S"). */
export function stagesFrom(stage: (typeof PIPELINE_STAGES)[number]): readonly string[] {
  return PIPELINE_STAGES.slice(PIPELINE_STAGES.indexOf(stage));
}
