import type { Insertable, Kysely, Selectable } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import type { CostLineTable, DB } from '../../db/schema.ts';
import { markEvidence, markEvidenceOf } from '../../db/write-transaction.ts';

/** Rows per multi-row INSERT (well under both databases' bound-parameter limits). */
const INSERT_BATCH = 500;

export type CostLineRow = Selectable<CostLineTable>;
export type CostLineValues = Omit<
  CostLineTable,
  'id' | 'workspace_id' | 'activity_id' | 'version' | 'created_at' | 'updated_at' | 'effort_centidays'
> & { effort_centidays: number };

/** The only SQL for an activity's budget lines. Every query is bound to one workspace. */
export class CostLineRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The lines of one activity: planned first, then actual, each in creation order. */
  listForActivity(workspaceId: string, activityId: string): Promise<CostLineRow[]> {
    return this.db
      .selectFrom('cost_line')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('activity_id', '=', activityId)
      .orderBy('kind', 'desc')
      .orderBy('id')
      .execute();
  }

  find(workspaceId: string, id: string): Promise<CostLineRow | undefined> {
    return this.db
      .selectFrom('cost_line')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /**
   * The activity a line belongs to, as far as its lines need it: that it is the workspace's, and
   * its responsible cluster (the lines' access scope). Budgets read the activity they point to;
   * the activities feature reads their lines (its detail), never the other way (decision 0013).
   */
  findActivity(workspaceId: string, activityId: string) {
    return this.db
      .selectFrom('activity')
      .select(['id', 'cluster_id'])
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', activityId)
      .executeTakeFirst();
  }

  create(workspaceId: string, activityId: string, values: CostLineValues): Promise<CostLineRow> {
    const now = nowIso();
    markEvidence(this.db, [activityId]);
    return this.db
      .insertInto('cost_line')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        activity_id: activityId,
        ...values,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Several lines of one activity in one statement (an applied estimate). */
  async createMany(workspaceId: string, activityId: string, lines: CostLineValues[]): Promise<CostLineRow[]> {
    if (lines.length === 0) return [];
    const now = nowIso();
    markEvidence(this.db, [activityId]);
    const rows: Insertable<CostLineTable>[] = lines.map((values) => ({
      id: newId(),
      workspace_id: workspaceId,
      activity_id: activityId,
      ...values,
      created_at: now,
      updated_at: now,
    }));
    return this.db.insertInto('cost_line').values(rows).returningAll().execute();
  }

  /** Inserts whole cost-line rows (a copied plan's) in a few multi-row statements. */
  async insertMany(rows: Insertable<CostLineTable>[]): Promise<void> {
    markEvidence(
      this.db,
      rows.map((row) => row.activity_id),
    );
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      await this.db
        .insertInto('cost_line')
        .values(rows.slice(start, start + INSERT_BATCH))
        .execute();
    }
  }

  /** Applies the change only if the stored version is still `version`; undefined otherwise. */
  async update(workspaceId: string, id: string, version: number, values: Partial<CostLineValues>) {
    return markEvidenceOf(
      this.db,
      () =>
        this.db
          .updateTable('cost_line')
          .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: nowIso() }))
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .where('version', '=', version)
          .returningAll()
          .executeTakeFirst(),
      (row) => [row?.activity_id],
    );
  }

  async delete(workspaceId: string, id: string, version: number): Promise<boolean> {
    const deleted = await markEvidenceOf(
      this.db,
      () =>
        this.db
          .deleteFrom('cost_line')
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .where('version', '=', version)
          .returning('activity_id')
          .execute(),
      (rows) => rows.map((row) => row.activity_id),
    );
    return deleted.length > 0;
  }

  /** Removes the planned lines an earlier estimate wrote; manual lines stay. Returns the removed rows. */
  deleteEstimateLines(workspaceId: string, activityId: string): Promise<CostLineRow[]> {
    markEvidence(this.db, [activityId]);
    return this.db
      .deleteFrom('cost_line')
      .where('workspace_id', '=', workspaceId)
      .where('activity_id', '=', activityId)
      .where('kind', '=', 'planned')
      .where('origin', '=', 'estimate')
      .returningAll()
      .execute();
  }
}
