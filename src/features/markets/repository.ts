import { type Kysely, type RawBuilder, type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import { type KeysetAfter, type KeysetOrder, keysetPage } from '../../db/keyset.ts';
import type { DB, TargetMarketTable } from '../../db/schema.ts';

export type MarketValues = Omit<
  TargetMarketTable,
  'id' | 'workspace_id' | 'version' | 'created_at' | 'updated_at'
>;
/** A market as listed: the row with its owner cluster's name and its number of plans. */
export type MarketRow = Selectable<TargetMarketTable> & {
  owner_cluster_name: string | null;
  plan_count: number;
};

export interface MarketFilters {
  q?: string;
  status?: TargetMarketTable['status'];
  country?: string;
  priority?: TargetMarketTable['priority'];
}

export const MARKET_SORT_KEYS = [
  'createdAt',
  'updatedAt',
  'name',
  'country',
  'priority',
  'status',
  'plans',
] as const;
export type MarketSortKey = (typeof MARKET_SORT_KEYS)[number];

export interface MarketListOptions extends MarketFilters {
  limit: number;
  sort: { key: MarketSortKey; desc: boolean };
  /** The last market of the previous page (its sort value and id). */
  after?: KeysetAfter;
}

/**
 * The SQL of each sort key. Priority sorts high before low and status along a market's life
 * (exploring, active, paused, closed), not alphabetically.
 */
const SORT_KEYS: Record<MarketSortKey, RawBuilder<unknown>> = {
  createdAt: sql`target_market.id`,
  updatedAt: sql`target_market.updated_at`,
  name: sql`lower(target_market.name)`,
  country: sql`target_market.country`,
  priority: sql`(case target_market.priority when 'high' then 0 when 'medium' then 1 else 2 end)`,
  status: sql`(case target_market.status when 'exploring' then 0 when 'active' then 1 when 'paused' then 2 else 3 end)`,
  plans: sql`(select count(*) from plan where plan.market_id = target_market.id)`,
};

/** `%…%` for LIKE with `\` escaping the wildcards in the searched text. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The only SQL for target markets (and the organisations interested in one). Bound to one workspace. */
export class MarketRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private rows(workspaceId: string) {
    return this.db
      .selectFrom('target_market')
      .leftJoin('cluster', 'cluster.id', 'target_market.owner_cluster_id')
      .selectAll('target_market')
      .select('cluster.name as owner_cluster_name')
      .select((eb) =>
        eb
          .selectFrom('plan')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('plan.market_id', '=', 'target_market.id')
          .as('plan_count'),
      )
      .where('target_market.workspace_id', '=', workspaceId);
  }

  /** One page in the requested order (ties by id; creation order is id order). */
  async list(
    workspaceId: string,
    options: MarketListOptions,
  ): Promise<(MarketRow & { sort_value: unknown })[]> {
    const order: KeysetOrder = {
      key: SORT_KEYS[options.sort.key],
      id: sql.ref('target_market.id'),
      desc: options.sort.desc,
    };
    const query = this.withFilters(this.rows(workspaceId).select(order.key.as('sort_value')), options);
    const rows = await keysetPage(query, order, options.after).limit(options.limit).execute();
    return rows.map(withCount);
  }

  /** How many markets match the filters. */
  async count(workspaceId: string, filters: MarketFilters): Promise<number> {
    const query = this.db
      .selectFrom('target_market')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('target_market.workspace_id', '=', workspaceId);
    const row = await this.withFilters(query, filters).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  // biome-ignore lint/suspicious/noExplicitAny: a query over target_market, whatever it selects
  private withFilters<QB extends SelectQueryBuilder<DB, any, any>>(query: QB, filters: MarketFilters): QB {
    let filtered = query;
    if (filters.status) filtered = filtered.where('target_market.status', '=', filters.status) as QB;
    if (filters.country) filtered = filtered.where('target_market.country', '=', filters.country) as QB;
    if (filters.priority) filtered = filtered.where('target_market.priority', '=', filters.priority) as QB;
    if (filters.q) {
      // Explicit ESCAPE: the same meaning on SQLite (no default escape) and PostgreSQL.
      filtered = filtered.where(
        sql<boolean>`lower(target_market.name) like ${containsPattern(filters.q.toLowerCase())} escape '\\'`,
      ) as QB;
    }
    return filtered;
  }

  async find(workspaceId: string, id: string): Promise<MarketRow | undefined> {
    const row = await this.rows(workspaceId).where('target_market.id', '=', id).executeTakeFirst();
    return row && withCount(row);
  }

  async create(workspaceId: string, values: MarketValues): Promise<string> {
    const now = nowIso();
    const { id } = await this.db
      .insertInto('target_market')
      .values({ id: newId(), workspace_id: workspaceId, ...values, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  /** Applies the change only if the stored version is still `version`; @returns whether it did. */
  async update(workspaceId: string, id: string, version: number, values: Partial<MarketValues>) {
    const result = await this.db
      .updateTable('target_market')
      .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** @returns whether the market at that version was deleted. */
  async delete(workspaceId: string, id: string, version: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('target_market')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * Member organisations whose target-market interests hold `country`, by name, and how many
   * there are. Membership in the JSON list, portable: the list holds the code as a quoted string.
   */
  async interestedOrganisations(workspaceId: string, country: string, limit: number) {
    const holdsCountry = sql<boolean>`organisation.target_market_interests like ${containsPattern(JSON.stringify(country))} escape '\\'`;
    const [items, count] = await Promise.all([
      this.db
        .selectFrom('organisation')
        .innerJoin('cluster', 'cluster.id', 'organisation.cluster_id')
        .select([
          'organisation.id',
          'organisation.name',
          'organisation.country',
          'organisation.cluster_id',
          'cluster.short_name as cluster_short_name',
        ])
        .where('organisation.workspace_id', '=', workspaceId)
        .where(holdsCountry)
        .orderBy('organisation.name')
        .orderBy('organisation.id')
        .limit(limit)
        .execute(),
      this.db
        .selectFrom('organisation')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organisation.workspace_id', '=', workspaceId)
        .where(holdsCountry)
        .executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }
}

/** COUNT arrives as a number on both engines (pg's INT8 parser), but as a possibly-null subquery type. */
function withCount<T extends { plan_count: number | null }>(row: T): T & { plan_count: number } {
  return { ...row, plan_count: Number(row.plan_count ?? 0) };
}
