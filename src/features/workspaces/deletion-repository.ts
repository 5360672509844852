import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { WorkspaceTable } from '../../db/workspace-tables.ts';

/** The column a batch of a table is chosen by: its primary key, or its first column for composite ones. */
const KEY_COLUMN: Partial<Record<string, string>> = {
  kpi_actual: 'activity_id',
  job_file: 'job_id',
  b2b_event_co_organiser: 'event_id',
};

/**
 * The only SQL of deleting a workspace: batches of the rows of one table of WORKSPACE_TABLES that
 * belong to the workspace, chosen and deleted by their key, so no statement holds a large lock.
 * `keepJobId`: the deletion job's own row (and its file), removed last with the workspace.
 */
export class DeletionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private ownedBy(entry: WorkspaceTable, workspaceId: string, keepJobId: string): RawBuilder<unknown> {
    if (entry.owner === 'workspace') {
      const keep = entry.table === 'job' ? sql` and id <> ${keepJobId}` : sql``;
      return sql`workspace_id = ${workspaceId}${keep}`;
    }
    const keep = entry.parent === 'job' ? sql` and id <> ${keepJobId}` : sql``;
    return sql`${sql.ref(entry.foreignKey)} in (select id from ${sql.table(entry.parent)} where workspace_id = ${workspaceId}${keep})`;
  }

  /** How many rows of the table the workspace owns. */
  async count(entry: WorkspaceTable, workspaceId: string, keepJobId = ''): Promise<number> {
    const result = await sql<{
      n: number | string;
    }>`select count(*) as n from ${sql.table(entry.table)} where ${this.ownedBy(entry, workspaceId, keepJobId)}`.execute(
      this.db,
    );
    return Number(result.rows[0]?.n ?? 0);
  }

  /** Deletes up to `batch` keys' rows of the table owned by the workspace. @returns the rows deleted. */
  async deleteBatch(
    entry: WorkspaceTable,
    workspaceId: string,
    keepJobId: string,
    batch: number,
  ): Promise<number> {
    const key = KEY_COLUMN[entry.table] ?? 'id';
    const owned = this.ownedBy(entry, workspaceId, keepJobId);
    const keys = await sql<{
      k: string;
    }>`select distinct ${sql.ref(key)} as k from ${sql.table(entry.table)} where ${owned} limit ${batch}`.execute(
      this.db,
    );
    if (keys.rows.length === 0) return 0;
    const list = sql.join(keys.rows.map((row) => row.k));
    const result =
      await sql`delete from ${sql.table(entry.table)} where ${sql.ref(key)} in (${list}) and ${owned}`.execute(
        this.db,
      );
    return Number(result.numAffectedRows ?? 0);
  }

  /** The last step: the workspace's set-up links, the deletion job's own row, the workspace. */
  async deleteWorkspaceRow(workspaceId: string, keepJobId: string): Promise<void> {
    await this.db.deleteFrom('workspace_setup').where('workspace_id', '=', workspaceId).execute();
    await this.db.deleteFrom('job_file').where('job_id', '=', keepJobId).execute();
    await this.db.deleteFrom('job').where('id', '=', keepJobId).execute();
    await this.db.deleteFrom('workspace').where('id', '=', workspaceId).execute();
  }
}
