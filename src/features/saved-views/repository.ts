import type { Kysely, Selectable } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import type { DB, SavedViewTable } from '../../db/schema.ts';

export type SavedViewRow = Selectable<SavedViewTable>;

/** The only SQL for saved views. Every query is bound to one workspace and one user. */
export class SavedViewRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The user's views of one list, by name. */
  list(workspaceId: string, userId: string, list: string): Promise<SavedViewRow[]> {
    return this.db
      .selectFrom('saved_view')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .where('list', '=', list)
      .orderBy('name')
      .orderBy('id')
      .execute();
  }

  async count(workspaceId: string, userId: string, list: string): Promise<number> {
    const row = await this.db
      .selectFrom('saved_view')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .where('list', '=', list)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  find(workspaceId: string, userId: string, id: string): Promise<SavedViewRow | undefined> {
    return this.db
      .selectFrom('saved_view')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  findByName(workspaceId: string, userId: string, list: string, name: string) {
    return this.db
      .selectFrom('saved_view')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .where('list', '=', list)
      .where('name', '=', name)
      .executeTakeFirst();
  }

  create(
    workspaceId: string,
    userId: string,
    values: Pick<SavedViewTable, 'list' | 'name' | 'query'>,
  ): Promise<SavedViewRow> {
    const now = nowIso();
    return this.db
      .insertInto('saved_view')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        user_id: userId,
        ...values,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Applies the change only if the stored version is still `version`; undefined otherwise. */
  update(
    workspaceId: string,
    userId: string,
    id: string,
    version: number,
    values: Partial<Pick<SavedViewTable, 'name' | 'query'>>,
  ) {
    return this.db
      .updateTable('saved_view')
      .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  /** @returns whether the view at that version was deleted. */
  async delete(workspaceId: string, userId: string, id: string, version: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('saved_view')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
