import { type Kysely, sql } from 'kysely';
import type { DB, MembershipTable } from '../../db/schema.ts';

/** A membership with its user's name and e-mail (a row of the members list). */
export interface MemberRow {
  id: string;
  user_id: string;
  name: string;
  email: string;
  role: MembershipTable['role'];
  cluster_id: string | null;
  organisation_id: string | null;
  version: number;
  created_at: string;
}

export type MemberScope = Pick<MemberRow, 'role' | 'cluster_id' | 'organisation_id'>;

/** The only SQL for the members (memberships) of a workspace. Every query is bound to one workspace. */
export class MemberRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private select() {
    return this.db
      .selectFrom('membership')
      .innerJoin('app_user', 'app_user.id', 'membership.user_id')
      .select([
        'membership.id',
        'membership.user_id',
        'app_user.name',
        'app_user.email',
        'membership.role',
        'membership.cluster_id',
        'membership.organisation_id',
        'membership.version',
        'membership.created_at',
      ]);
  }

  /** In joining order; `after` is the membership id of the last row of the previous page. */
  list(
    workspaceId: string,
    options: { limit: number; after?: string; q?: string; role?: MembershipTable['role'] },
  ): Promise<MemberRow[]> {
    let query = this.select().where('membership.workspace_id', '=', workspaceId);
    if (options.after) query = query.where('membership.id', '>', options.after);
    if (options.role) query = query.where('membership.role', '=', options.role);
    if (options.q) {
      const pattern = `%${options.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      // Explicit ESCAPE: the same meaning on SQLite (no default escape) and PostgreSQL.
      query = query.where(
        sql<boolean>`(lower(app_user.name) like ${pattern} escape '\\' or app_user.email like ${pattern} escape '\\')`,
      );
    }
    return query.orderBy('membership.id').limit(options.limit).execute();
  }

  find(workspaceId: string, userId: string): Promise<MemberRow | undefined> {
    return this.select()
      .where('membership.workspace_id', '=', workspaceId)
      .where('membership.user_id', '=', userId)
      .executeTakeFirst();
  }

  /**
   * Holds the workspace row until the transaction ends, so two coordinators demoting each other
   * at once count the coordinators one after the other. A no-op update locks on both databases
   * (SQLite has no `for update`).
   */
  async lockWorkspace(workspaceId: string): Promise<void> {
    await this.db
      .updateTable('workspace')
      .set((eb) => ({ name: eb.ref('name') }))
      .where('id', '=', workspaceId)
      .execute();
  }

  async countCoordinators(workspaceId: string): Promise<number> {
    const row = await this.db
      .selectFrom('membership')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('role', '=', 'coordinator')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** @returns whether the membership still had `version` (and now has the next one). */
  async update(workspaceId: string, userId: string, version: number, values: MemberScope): Promise<boolean> {
    const result = await this.db
      .updateTable('membership')
      .set({ ...values, version: version + 1 })
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** @returns whether the membership still had `version` and is gone. */
  async delete(workspaceId: string, userId: string, version: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('membership')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
