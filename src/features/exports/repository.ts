import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** The only SQL of the export besides the list queries it reuses: names to show beside ids. */
export class ExportRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async clusterShortNames(workspaceId: string): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom('cluster')
      .select(['id', 'short_name'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    return new Map(rows.map((row) => [row.id, row.short_name]));
  }

  async organisationNames(workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('organisation')
      .select(['id', 'name'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
