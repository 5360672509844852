import { type Kysely, type Selectable, sql } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
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

export interface MarketListOptions {
  limit: number;
  /** Id of the last market of the previous page. */
  after?: string;
  q?: string;
  status?: TargetMarketTable['status'];
  country?: string;
  priority?: TargetMarketTable['priority'];
}

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

  /** In creation order (ids are UUIDv7). */
  async list(workspaceId: string, options: MarketListOptions): Promise<MarketRow[]> {
    let query = this.rows(workspaceId);
    if (options.after) query = query.where('target_market.id', '>', options.after);
    if (options.status) query = query.where('target_market.status', '=', options.status);
    if (options.country) query = query.where('target_market.country', '=', options.country);
    if (options.priority) query = query.where('target_market.priority', '=', options.priority);
    if (options.q) {
      // Explicit ESCAPE: the same meaning on SQLite (no default escape) and PostgreSQL.
      query = query.where(
        sql<boolean>`lower(target_market.name) like ${containsPattern(options.q.toLowerCase())} escape '\\'`,
      );
    }
    const rows = await query.orderBy('target_market.id').limit(options.limit).execute();
    return rows.map(withCount);
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
