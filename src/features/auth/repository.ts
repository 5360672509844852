import type { Kysely, Selectable } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import type { ApiTokenTable, AppUserTable, DB, UserSessionTable } from '../../db/schema.ts';

export type UserRow = Selectable<AppUserTable>;
export type SessionRow = Selectable<UserSessionTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;

/** The only SQL for users, sessions and API tokens. */
export class AuthRepository {
  constructor(private readonly db: Kysely<DB>) {}

  findUserByEmail(email: string): Promise<UserRow | undefined> {
    return this.db
      .selectFrom('app_user')
      .selectAll()
      .where('email', '=', email.toLowerCase())
      .executeTakeFirst();
  }

  findUserById(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async createUser(values: { email: string; name: string; passwordHash: string | null }): Promise<UserRow> {
    const now = nowIso();
    return this.db
      .insertInto('app_user')
      .values({
        id: newId(),
        email: values.email.toLowerCase(),
        name: values.name,
        password_hash: values.passwordHash,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async recordFailedSignIn(userId: string, lockedUntil: string | null): Promise<void> {
    await this.db
      .updateTable('app_user')
      .set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1), locked_until: lockedUntil }))
      .where('id', '=', userId)
      .execute();
  }

  async clearFailedSignIns(userId: string): Promise<void> {
    await this.db
      .updateTable('app_user')
      .set({ failed_sign_ins: 0, locked_until: null })
      .where('id', '=', userId)
      .execute();
  }

  async createSession(values: {
    tokenHash: string;
    userId: string;
    csrfToken: string;
    expiresAt: string;
  }): Promise<SessionRow> {
    const now = nowIso();
    return this.db
      .insertInto('user_session')
      .values({
        id: newId(),
        token_hash: values.tokenHash,
        user_id: values.userId,
        csrf_token: values.csrfToken,
        created_at: now,
        expires_at: values.expiresAt,
        last_seen_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  findSessionByTokenHash(tokenHash: string): Promise<SessionRow | undefined> {
    return this.db
      .selectFrom('user_session')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  async touchSession(id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
    await this.db
      .updateTable('user_session')
      .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
      .where('id', '=', id)
      .execute();
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.deleteFrom('user_session').where('id', '=', id).execute();
  }

  async deleteSessionsOfUser(userId: string): Promise<number> {
    const result = await this.db.deleteFrom('user_session').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async createApiToken(values: {
    tokenHash: string;
    userId: string;
    name: string;
    expiresAt: string | null;
  }): Promise<ApiTokenRow> {
    return this.db
      .insertInto('api_token')
      .values({
        id: newId(),
        token_hash: values.tokenHash,
        user_id: values.userId,
        name: values.name,
        created_at: nowIso(),
        expires_at: values.expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  findApiTokenByHash(tokenHash: string): Promise<ApiTokenRow | undefined> {
    return this.db.selectFrom('api_token').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  listApiTokens(userId: string): Promise<ApiTokenRow[]> {
    return this.db
      .selectFrom('api_token')
      .selectAll()
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .orderBy('id')
      .execute();
  }

  async markApiTokenUsed(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
  }

  /** @returns whether a live token of that user was revoked. */
  async revokeApiToken(userId: string, id: string): Promise<boolean> {
    const result = await this.db
      .updateTable('api_token')
      .set({ revoked_at: nowIso() })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** The user's workspaces with the role held in each. */
  listMemberships(userId: string) {
    return this.db
      .selectFrom('membership')
      .innerJoin('workspace', 'workspace.id', 'membership.workspace_id')
      .select([
        'workspace.id as workspaceId',
        'workspace.slug as workspaceSlug',
        'workspace.name as workspaceName',
        'membership.role',
        'membership.cluster_id as clusterId',
        'membership.organisation_id as organisationId',
      ])
      .where('membership.user_id', '=', userId)
      .orderBy('workspace.name')
      .execute();
  }
}
