import { type Kysely, type RawBuilder, sql } from 'kysely';
import { type KeysetAfter, type KeysetOrder, keysetPage } from '../../db/keyset.ts';
import type { DB } from '../../db/schema.ts';
import { DECAY_DAYS, PIPELINE_STAGES, type RelationshipStage } from '../../domain/network/types.ts';

/**
 * The SQL of network health (issue 21 item 5), read straight from the foundation's tables.
 *
 * **Last interaction of a relationship**: the latest `interaction.occurred_on` with its
 * counterpart network organisation, whoever of ours recorded it (any cluster, staff or member).
 * A relationship whose counterpart is a member organisation has none (interactions are with
 * network organisations only). **Days since**: from that day to today in the workspace's time
 * zone; without any interaction, from the day the relationship began (`started_on`): a new
 * relationship is not decaying on its first day. The latest interaction is one index seek per
 * relationship (`interaction_organisation_date`).
 */

/** A relationship is followed by health when it is in the pipeline (not dormant, not closed). */
export const HEALTH_STAGES = PIPELINE_STAGES;

export interface HealthFilters {
  /** Only the relationships past their stage's decay limit. */
  decaying?: boolean;
  stage?: RelationshipStage;
  marketId?: string;
  clusterId?: string;
  ownerUserId?: string;
}

export interface HealthRow {
  id: string;
  stage: string;
  started_on: string;
  stage_changed_on: string;
  network_organisation_id: string | null;
  network_organisation_name: string | null;
  network_organisation_country: string | null;
  counterpart_organisation_id: string | null;
  counterpart_organisation_name: string | null;
  our_cluster_id: string | null;
  our_cluster_name: string | null;
  our_organisation_id: string | null;
  our_organisation_name: string | null;
  cluster_id: string;
  owner_user_id: string | null;
  owner_name: string | null;
  market_id: string | null;
  market_name: string | null;
  last_interaction_on: string | null;
  /** The day days are counted from: the last interaction, else the relationship's start. */
  sort_value: string;
}

export interface OrganisationHealthRow {
  id: string;
  name: string;
  country: string;
  city: string | null;
  type: string;
  last_interaction_on: string | null;
  relationship_count: number;
  sort_value: string;
}

/** `YYYY-MM-DD` minus `days` days. */
export function dayMinus(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const lastInteraction = sql<string | null>`r.last_interaction_on`;
const referenceDay = sql<string>`r.health_on`;

/**
 * Decaying: days since ≥ the stage's limit, i.e. the reference day on or before today minus the
 * limit; a stage without a limit never decays.
 */
function decayingCondition(today: string): RawBuilder<boolean> {
  const branches = HEALTH_STAGES.flatMap((stage) => {
    const limit = DECAY_DAYS[stage];
    return limit === null ? [] : [sql`(r.stage = ${stage} and ${referenceDay} <= ${dayMinus(today, limit)})`];
  });
  return sql<boolean>`(${sql.join(branches, sql` or `)})`;
}

export class NetworkHealthRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async timeZone(workspaceId: string): Promise<string> {
    const row = await this.db
      .selectFrom('workspace')
      .select('time_zone')
      .where('id', '=', workspaceId)
      .executeTakeFirst();
    return row?.time_zone ?? 'UTC';
  }

  private relationships(workspaceId: string, today: string, filters: HealthFilters) {
    let query = this.db
      .selectFrom('relationship as r')
      .where('r.workspace_id', '=', workspaceId)
      .where('r.stage', 'in', [...HEALTH_STAGES]);
    if (filters.stage) query = query.where('r.stage', '=', filters.stage);
    if (filters.marketId) query = query.where('r.market_id', '=', filters.marketId);
    if (filters.clusterId) query = query.where('r.cluster_id', '=', filters.clusterId);
    if (filters.ownerUserId) query = query.where('r.owner_user_id', '=', filters.ownerUserId);
    if (filters.decaying) query = query.where(decayingCondition(today));
    return query;
  }

  /**
   * One page of relationships, longest silence first (`desc`) or shortest first: ordered by the
   * reference day (ascending = most days since).
   */
  async list(
    workspaceId: string,
    today: string,
    filters: HealthFilters,
    options: { mostDaysFirst: boolean; limit: number; after?: KeysetAfter },
  ): Promise<HealthRow[]> {
    const order: KeysetOrder = { key: referenceDay, id: sql.ref('r.id'), desc: !options.mostDaysFirst };
    const query = this.relationships(workspaceId, today, filters)
      .leftJoin('network_organisation as no', 'no.id', 'r.network_organisation_id')
      .leftJoin('organisation as co', 'co.id', 'r.counterpart_organisation_id')
      .leftJoin('cluster as oc', 'oc.id', 'r.our_cluster_id')
      .leftJoin('organisation as oo', 'oo.id', 'r.our_organisation_id')
      .leftJoin('app_user as u', 'u.id', 'r.owner_user_id')
      .leftJoin('target_market as m', 'm.id', 'r.market_id')
      .select([
        'r.id',
        'r.stage',
        'r.started_on',
        'r.stage_changed_on',
        'r.network_organisation_id',
        'no.name as network_organisation_name',
        'no.country as network_organisation_country',
        'r.counterpart_organisation_id',
        'co.name as counterpart_organisation_name',
        'r.our_cluster_id',
        'oc.name as our_cluster_name',
        'r.our_organisation_id',
        'oo.name as our_organisation_name',
        'r.cluster_id',
        'r.owner_user_id',
        'u.name as owner_name',
        'r.market_id',
        'm.name as market_name',
        lastInteraction.as('last_interaction_on'),
        referenceDay.as('sort_value'),
      ])
      .limit(options.limit);
    return (await keysetPage(query, order, options.after).execute()) as HealthRow[];
  }

  async count(workspaceId: string, today: string, filters: HealthFilters): Promise<number> {
    const row = await this.relationships(workspaceId, today, filters)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Network organisations by days since their last interaction (never contacted first). */
  async organisations(
    workspaceId: string,
    filters: { country?: string; q?: string },
    options: { mostDaysFirst: boolean; limit: number; after?: KeysetAfter },
  ): Promise<OrganisationHealthRow[]> {
    const last = sql<string | null>`o.last_interaction_on`;
    // Never contacted: the empty text, before every day (most days since).
    const key = sql<string>`coalesce(o.last_interaction_on, '')`;
    const order: KeysetOrder = { key, id: sql.ref('o.id'), desc: !options.mostDaysFirst };
    const query = this.organisationQuery(workspaceId, filters)
      .select([
        'o.id',
        'o.name',
        'o.country',
        'o.city',
        'o.type',
        last.as('last_interaction_on'),
        key.as('sort_value'),
      ])
      .limit(options.limit);
    const rows = await keysetPage(query, order, options.after).execute();
    const counts = await this.relationshipCounts(rows.map((row) => row.id));
    return rows.map((row) => ({ ...row, relationship_count: counts.get(row.id) ?? 0 }));
  }

  /** How many relationships in the pipeline each of these network organisations has. */
  private async relationshipCounts(organisationIds: string[]): Promise<Map<string, number>> {
    if (organisationIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('relationship')
      .where('network_organisation_id', 'in', organisationIds)
      .where('stage', 'in', [...HEALTH_STAGES])
      .select(['network_organisation_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('network_organisation_id')
      .execute();
    return new Map(rows.map((row) => [row.network_organisation_id ?? '', Number(row.n)]));
  }

  async countOrganisations(workspaceId: string, filters: { country?: string; q?: string }): Promise<number> {
    const row = await this.organisationQuery(workspaceId, filters)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private organisationQuery(workspaceId: string, filters: { country?: string; q?: string }) {
    let query = this.db.selectFrom('network_organisation as o').where('o.workspace_id', '=', workspaceId);
    if (filters.country) query = query.where('o.country', '=', filters.country);
    if (filters.q) {
      const pattern = `%${filters.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where(sql<boolean>`lower(o.name) like ${pattern} escape '\\'`);
    }
    return query;
  }

  /** The stage changes into pipeline stages up to `to`, by relationship then day (the funnel's input). */
  async stageChanges(workspaceId: string, filters: { marketId?: string; clusterId?: string; to: string }) {
    let query = this.db
      .selectFrom('relationship_stage_change as c')
      .innerJoin('relationship as r', 'r.id', 'c.relationship_id')
      .where('c.workspace_id', '=', workspaceId)
      .where('c.to_stage', 'in', [...PIPELINE_STAGES])
      .where('c.changed_on', '<=', filters.to)
      .select(['c.relationship_id', 'c.to_stage', 'c.changed_on'])
      .orderBy('c.relationship_id')
      .orderBy('c.changed_on')
      .orderBy('c.id');
    if (filters.marketId) query = query.where('r.market_id', '=', filters.marketId);
    if (filters.clusterId) query = query.where('r.cluster_id', '=', filters.clusterId);
    return query.execute();
  }

  async market(workspaceId: string, marketId: string) {
    return this.db
      .selectFrom('target_market')
      .select(['id', 'name', 'country'])
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', marketId)
      .executeTakeFirst();
  }

  /** Network organisations of a country by city (no city: null), most first. */
  async organisationsByCity(workspaceId: string, country: string) {
    const rows = await this.db
      .selectFrom('network_organisation')
      .where('workspace_id', '=', workspaceId)
      .where('country', '=', country)
      .select(['city', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('city')
      .execute();
    return rows
      .map((row) => ({ city: row.city, count: Number(row.n) }))
      .sort((a, b) => b.count - a.count || (a.city ?? '').localeCompare(b.city ?? ''));
  }

  /**
   * Relationships of a market: those filed under it, and those whose counterpart network
   * organisation is in its country; counted by stage.
   */
  async relationshipsByStage(workspaceId: string, marketId: string, country: string) {
    const rows = await this.db
      .selectFrom('relationship as r')
      .leftJoin('network_organisation as no', 'no.id', 'r.network_organisation_id')
      .where('r.workspace_id', '=', workspaceId)
      .where((eb) => eb.or([eb('r.market_id', '=', marketId), eb('no.country', '=', country)]))
      .select(['r.stage', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('r.stage')
      .execute();
    return new Map(rows.map((row) => [row.stage, Number(row.n)]));
  }

  /** The workspace's members with a role that may read the network, and their language. */
  async users(workspaceId: string, userIds: string[]) {
    if (userIds.length === 0) return [];
    return this.db
      .selectFrom('app_user as u')
      .innerJoin('membership as ms', (join) =>
        join.onRef('ms.user_id', '=', 'u.id').on('ms.workspace_id', '=', workspaceId),
      )
      .where('u.id', 'in', userIds)
      .select(['u.id', 'u.name', 'u.email', 'u.language', 'ms.role'])
      .execute();
  }
}
