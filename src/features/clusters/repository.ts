import { type Kysely, type Selectable, sql } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import type { ClusterTable, DB } from '../../db/schema.ts';

export type ClusterRow = Selectable<ClusterTable>;
export type ClusterValues = Pick<
  ClusterTable,
  'name' | 'short_name' | 'country' | 'city' | 'day_rate_cents' | 'website'
>;

/** The only SQL for clusters. Every query is bound to one workspace. */
export class ClusterRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** In creation order; `after` is the id of the last cluster of the previous page. */
  list(workspaceId: string, options: { limit: number; after?: string; q?: string; country?: string }) {
    let query = this.db.selectFrom('cluster').selectAll().where('workspace_id', '=', workspaceId);
    if (options.after) query = query.where('id', '>', options.after);
    if (options.country) query = query.where('country', '=', options.country);
    if (options.q) {
      const pattern = `%${options.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      // Explicit ESCAPE: the same meaning on SQLite (no default escape) and PostgreSQL.
      query = query.where(
        sql<boolean>`(lower(name) like ${pattern} escape '\\' or lower(short_name) like ${pattern} escape '\\')`,
      );
    }
    return query.orderBy('id').limit(options.limit).execute();
  }

  find(workspaceId: string, id: string): Promise<ClusterRow | undefined> {
    return this.db
      .selectFrom('cluster')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  findByShortName(workspaceId: string, shortName: string): Promise<ClusterRow | undefined> {
    return this.db
      .selectFrom('cluster')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('short_name', '=', shortName)
      .executeTakeFirst();
  }

  create(workspaceId: string, values: ClusterValues): Promise<ClusterRow> {
    const now = nowIso();
    return this.db
      .insertInto('cluster')
      .values({ id: newId(), workspace_id: workspaceId, ...values, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Applies the change only if the stored version is still `version`; undefined otherwise. */
  update(workspaceId: string, id: string, version: number, values: Partial<ClusterValues>) {
    return this.db
      .updateTable('cluster')
      .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  /** How many users manage the cluster (a cluster with managers cannot be deleted). */
  async countManagers(clusterId: string): Promise<number> {
    const row = await this.db
      .selectFrom('membership')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('cluster_id', '=', clusterId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** How many relationships of the pipeline are in the cluster's scope (they keep it from being deleted). */
  async countRelationships(clusterId: string): Promise<number> {
    const row = await this.db
      .selectFrom('relationship')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('cluster_id', '=', clusterId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** @returns whether the cluster at that version was deleted. */
  async delete(workspaceId: string, id: string, version: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('cluster')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
