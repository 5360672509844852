import type { Kysely, Selectable } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import type { DB, KpiEntryTable } from '../../db/schema.ts';
import { markEvidence, markEvidenceOf } from '../../db/write-transaction.ts';

export type KpiEntryRow = Selectable<KpiEntryTable>;
/** An entry with its author's name (null once the account is gone). */
export type KpiEntryWithAuthor = KpiEntryRow & { author_name: string | null };
export type KpiEntryValues = Pick<
  KpiEntryTable,
  'kpi_key' | 'value_number' | 'value_text' | 'recorded_on' | 'comment'
>;

/** The only SQL for hand-entered KPI values. Every query is bound to one workspace. */
export class KpiEntryRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private withAuthor(workspaceId: string) {
    return this.db
      .selectFrom('kpi_entry')
      .leftJoin('app_user', 'app_user.id', 'kpi_entry.author_user_id')
      .selectAll('kpi_entry')
      .select('app_user.name as author_name')
      .where('kpi_entry.workspace_id', '=', workspaceId);
  }

  find(workspaceId: string, id: string): Promise<KpiEntryWithAuthor | undefined> {
    return this.withAuthor(workspaceId).where('kpi_entry.id', '=', id).executeTakeFirst();
  }

  /** An activity's entries, by the day they were recorded, then in the order they were entered. */
  listForActivity(workspaceId: string, activityId: string): Promise<KpiEntryWithAuthor[]> {
    return this.withAuthor(workspaceId)
      .where('kpi_entry.activity_id', '=', activityId)
      .orderBy('kpi_entry.recorded_on')
      .orderBy('kpi_entry.id')
      .execute();
  }

  async create(
    workspaceId: string,
    activityId: string,
    authorUserId: string,
    values: KpiEntryValues,
  ): Promise<string> {
    const now = nowIso();
    const id = newId();
    markEvidence(this.db, [activityId]);
    await this.db
      .insertInto('kpi_entry')
      .values({
        id,
        workspace_id: workspaceId,
        activity_id: activityId,
        author_user_id: authorUserId,
        ...values,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  }

  /** Applies the change only if the stored version is still `version`; @returns whether it did. */
  async update(
    workspaceId: string,
    id: string,
    version: number,
    values: Partial<KpiEntryValues>,
  ): Promise<boolean> {
    const updated = await markEvidenceOf(
      this.db,
      () =>
        this.db
          .updateTable('kpi_entry')
          .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: nowIso() }))
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .where('version', '=', version)
          .returning('activity_id')
          .execute(),
      (rows) => rows.map((row) => row.activity_id),
    );
    return updated.length > 0;
  }

  /** @returns whether the entry (at `version`, when given) was deleted. */
  async delete(workspaceId: string, id: string, version: number | undefined): Promise<boolean> {
    const deleted = await markEvidenceOf(
      this.db,
      () =>
        this.db
          .deleteFrom('kpi_entry')
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .$if(version !== undefined, (q) => q.where('version', '=', version as number))
          .returning('activity_id')
          .execute(),
      (rows) => rows.map((row) => row.activity_id),
    );
    return deleted.length > 0;
  }
}
