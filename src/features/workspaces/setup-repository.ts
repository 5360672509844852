import type { Kysely, Selectable } from 'kysely';
import { newId } from '../../db/ids.ts';
import type { DB, WorkspaceSetupTable } from '../../db/schema.ts';

export type SetupRow = Selectable<WorkspaceSetupTable>;

/** The only SQL for set-up links (and the workspace rows they create or complete). */
export class SetupRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async countWorkspaces(): Promise<number> {
    const row = await this.db
      .selectFrom('workspace')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  create(values: {
    kind: SetupRow['kind'];
    tokenHash: string;
    workspaceId: string | null;
    userId: string | null;
    email: string | null;
    name: string | null;
    createdBy: string | null;
    now: string;
    expiresAt: string;
  }): Promise<SetupRow> {
    return this.db
      .insertInto('workspace_setup')
      .values({
        id: newId(),
        kind: values.kind,
        token_hash: values.tokenHash,
        workspace_id: values.workspaceId,
        user_id: values.userId,
        email: values.email,
        name: values.name,
        created_by: values.createdBy,
        created_at: values.now,
        expires_at: values.expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Revokes the open links of a kind (and of a workspace or user, when given). @returns how many. */
  async revokeOpen(
    kind: SetupRow['kind'],
    now: string,
    of: { workspaceId?: string; userId?: string } = {},
  ): Promise<number> {
    let query = this.db
      .updateTable('workspace_setup')
      .set({ revoked_at: now })
      .where('kind', '=', kind)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null);
    if (of.workspaceId) query = query.where('workspace_id', '=', of.workspaceId);
    if (of.userId) query = query.where('user_id', '=', of.userId);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  findByTokenHash(tokenHash: string): Promise<SetupRow | undefined> {
    return this.db
      .selectFrom('workspace_setup')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  /** Single use: marks the link used when it is still open. @returns whether it was. */
  async markUsed(id: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('workspace_setup')
      .set({ used_at: now })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  findWorkspace(id: string) {
    return this.db
      .selectFrom('workspace')
      .select(['id', 'slug', 'name', 'status', 'version', 'default_day_rate_cents'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  slugTaken(slug: string) {
    return this.db.selectFrom('workspace').select('id').where('slug', '=', slug).executeTakeFirst();
  }

  /** A pending workspace becomes active (optionally renamed) when its coordinator completes its set-up. */
  async activate(id: string, name: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('workspace')
      .set((eb) => ({ status: 'active', name, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async createCluster(values: {
    workspaceId: string;
    name: string;
    shortName: string;
    country: string;
    city: string;
    dayRateCents: number;
    now: string;
  }): Promise<string> {
    const id = newId();
    await this.db
      .insertInto('cluster')
      .values({
        id,
        workspace_id: values.workspaceId,
        name: values.name,
        short_name: values.shortName,
        country: values.country,
        city: values.city,
        day_rate_cents: values.dayRateCents,
        website: null,
        created_at: values.now,
        updated_at: values.now,
      })
      .execute();
    return id;
  }

  async setPassword(userId: string, passwordHash: string, name: string | null, now: string): Promise<void> {
    await this.db
      .updateTable('app_user')
      .set({ password_hash: passwordHash, updated_at: now, ...(name !== null ? { name } : {}) })
      .where('id', '=', userId)
      .execute();
  }
}
