import type { Kysely, Selectable } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import type { DB, TravelRateTable } from '../../db/schema.ts';

export type TravelRateRow = Selectable<TravelRateTable>;
export type TravelRateValues = Pick<
  TravelRateTable,
  'travel_cents' | 'accommodation_per_night_cents' | 'subsistence_per_day_cents'
>;

/** The only SQL for the workspace's travel-cost table. Every query is bound to one workspace. */
export class TravelRateRepository {
  constructor(private readonly db: Kysely<DB>) {}

  list(workspaceId: string): Promise<TravelRateRow[]> {
    return this.db
      .selectFrom('travel_rate')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('country')
      .execute();
  }

  find(workspaceId: string, country: string): Promise<TravelRateRow | undefined> {
    return this.db
      .selectFrom('travel_rate')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('country', '=', country)
      .executeTakeFirst();
  }

  create(workspaceId: string, country: string, values: TravelRateValues): Promise<TravelRateRow> {
    const now = nowIso();
    return this.db
      .insertInto('travel_rate')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        country,
        ...values,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Applies the change only if the stored version is still `version`; undefined otherwise. */
  update(workspaceId: string, country: string, version: number, values: TravelRateValues) {
    return this.db
      .updateTable('travel_rate')
      .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('workspace_id', '=', workspaceId)
      .where('country', '=', country)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  async delete(workspaceId: string, country: string, version: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('travel_rate')
      .where('workspace_id', '=', workspaceId)
      .where('country', '=', country)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * Where a cluster's travel starts: the given cluster of the workspace (undefined when it is not
   * one), or without an id the workspace's first cluster, or Belgium when it has none.
   */
  async home(workspaceId: string, clusterId: string | null) {
    let query = this.db
      .selectFrom('cluster')
      .select(['id', 'country', 'city', 'day_rate_cents'])
      .where('workspace_id', '=', workspaceId);
    if (clusterId !== null) query = query.where('id', '=', clusterId);
    return query.orderBy('id').limit(1).executeTakeFirst();
  }
}
