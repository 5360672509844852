import type { Kysely } from 'kysely';
import { nowIso } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';

const WORKSPACE_COLUMNS = ['id', 'slug', 'name', 'status', 'created_at', 'version'] as const;

/**
 * The only SQL of the instance operator: workspaces' names, statuses, sizes and coordinators,
 * never their content, and the operator flag of accounts.
 */
export class OperatorRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async isOperator(userId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('app_user')
      .select('is_operator')
      .where('id', '=', userId)
      .executeTakeFirst();
    return row?.is_operator === 1;
  }

  listWorkspaces() {
    return this.db.selectFrom('workspace').select(WORKSPACE_COLUMNS).orderBy('name').orderBy('id').execute();
  }

  findWorkspace(id: string) {
    return this.db.selectFrom('workspace').select(WORKSPACE_COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  /** Rows of one table per workspace id (`workspace_id` tables only). */
  async countBy(
    table: 'membership' | 'organisation' | 'activity',
    ids: readonly string[],
  ): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom(table)
      .select(['workspace_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('workspace_id', 'in', ids)
      .groupBy('workspace_id')
      .execute();
    return new Map(rows.map((row) => [row.workspace_id, Number(row.n)]));
  }

  /** The coordinators of the workspaces: only names and e-mails. */
  coordinators(ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('membership')
      .innerJoin('app_user', 'app_user.id', 'membership.user_id')
      .select(['membership.workspace_id', 'app_user.name', 'app_user.email'])
      .where('membership.workspace_id', 'in', ids)
      .where('membership.role', '=', 'coordinator')
      .orderBy('app_user.name')
      .execute();
  }

  /** The e-mail a pending workspace's set-up link is for. */
  pendingCoordinators(ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('workspace_setup')
      .select(['workspace_id', 'email', 'name'])
      .where('workspace_id', 'in', ids)
      .where('kind', '=', 'workspace')
      .where('revoked_at', 'is', null)
      .execute();
  }

  /** The newest deletion job of each workspace. */
  deletionJobs(ids: readonly string[], kind: string) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('job')
      .select(['id', 'workspace_id', 'status', 'progress', 'message', 'created_at'])
      .where('workspace_id', 'in', ids)
      .where('kind', '=', kind)
      .orderBy('created_at', 'desc')
      .execute();
  }

  async update(
    id: string,
    version: number,
    changes: { name?: string; status?: 'active' | 'suspended' | 'deleting' },
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('workspace')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '<>', 'deleting')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Sets or clears the operator flag. @returns the account, or undefined when there is none. */
  async setOperator(userId: string, operator: boolean): Promise<void> {
    await this.db
      .updateTable('app_user')
      .set({ is_operator: operator ? 1 : 0, updated_at: nowIso() })
      .where('id', '=', userId)
      .execute();
  }
}
