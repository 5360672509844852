import type { Kysely, Selectable } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import type { ApiTokenTable, AppUserTable, DB, SignInLockTable, UserSessionTable } from '../../db/schema.ts';
import { type RateLimitCount, RateLimitRepository, rateLimitKey } from '../../http/rate-limit-repository.ts';

export type UserRow = Selectable<AppUserTable>;
export type SessionRow = Selectable<UserSessionTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type SignInLockRow = Selectable<SignInLockTable>;

/** The scope of the per-source sign-in budget's counters in the shared `rate_limit` table. */
const SOURCE_BUDGET_SCOPE = 'sign-in attempts per source';

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

  /** Sets the user's interface language (null: follow the browser). @returns false when no such user. */
  async setLanguage(userId: string, language: string | null): Promise<boolean> {
    const result = await this.db
      .updateTable('app_user')
      .set({ language, updated_at: nowIso() })
      .where('id', '=', userId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** The failed sign-ins of one account from one source, if any (`sign_in_lock`). */
  findSignInLock(userId: string, source: string): Promise<SignInLockRow | undefined> {
    return this.db
      .selectFrom('sign_in_lock')
      .selectAll()
      .where('user_id', '=', userId)
      .where('source', '=', source)
      .executeTakeFirst();
  }

  /**
   * Counts a failed sign-in of an account from a source, in one upsert (servers failing at once
   * lose no count): the count becomes 1, or one more; from `maxFailures` on, the source is locked
   * out of the account until `now + lockMs`. The account's rows whose last failure is before
   * `forgetBefore` are deleted on the way (an old failure no longer counts), so the table keeps
   * only the sources that failed lately.
   * @returns the row after the failure.
   */
  async recordFailedSignIn(values: {
    userId: string;
    source: string;
    now: Date;
    maxFailures: number;
    lockMs: number;
    forgetBefore: Date;
  }): Promise<SignInLockRow> {
    const at = values.now.toISOString();
    const lockedUntil = new Date(values.now.getTime() + values.lockMs).toISOString();
    await this.db
      .deleteFrom('sign_in_lock')
      .where('user_id', '=', values.userId)
      .where('last_failed_at', '<', values.forgetBefore.toISOString())
      .execute();
    return this.db
      .insertInto('sign_in_lock')
      .values({
        user_id: values.userId,
        source: values.source,
        failures: 1,
        locked_until: values.maxFailures <= 1 ? lockedUntil : null,
        last_failed_at: at,
      })
      .onConflict((conflict) =>
        conflict.columns(['user_id', 'source']).doUpdateSet((eb) => ({
          failures: eb('sign_in_lock.failures', '+', 1),
          locked_until: eb
            .case()
            .when(eb(eb('sign_in_lock.failures', '+', 1), '>=', values.maxFailures))
            .then(lockedUntil)
            .else(eb.ref('sign_in_lock.locked_until'))
            .end(),
          last_failed_at: at,
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Forgets the failed sign-ins of an account from one source (it signed in). */
  async clearSignInLock(userId: string, source: string): Promise<void> {
    await this.db
      .deleteFrom('sign_in_lock')
      .where('user_id', '=', userId)
      .where('source', '=', source)
      .execute();
  }

  /** Forgets the failed sign-ins of an account from every source (its password was reset). */
  async clearSignInLocksOfUser(userId: string): Promise<void> {
    await this.db.deleteFrom('sign_in_lock').where('user_id', '=', userId).execute();
  }

  /**
   * Counts a sign-in attempt against its source's budget, whatever the e-mail, in the shared
   * rate-limit counters (`rate_limit`), so every server counts the same attempts.
   * @returns the attempts in the source's current window and when that window ends.
   */
  takeSourceAttempt(source: string, windowMs: number, now: Date): Promise<RateLimitCount> {
    return new RateLimitRepository(this.db).hit(rateLimitKey(SOURCE_BUDGET_SCOPE, source), windowMs, now);
  }

  /** Gives an attempt back to its source's budget (it signed in: only failures use the budget). */
  giveBackSourceAttempt(source: string, now: Date): Promise<void> {
    return new RateLimitRepository(this.db).giveBack(rateLimitKey(SOURCE_BUDGET_SCOPE, source), now);
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
  /** Whether the account is the instance operator (`app_user.is_operator`). */
  async isOperator(userId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('app_user')
      .select('is_operator')
      .where('id', '=', userId)
      .executeTakeFirst();
    return row?.is_operator === 1;
  }

  listMemberships(userId: string) {
    return (
      this.db
        .selectFrom('membership')
        .innerJoin('workspace', 'workspace.id', 'membership.workspace_id')
        .select([
          'workspace.id as workspaceId',
          'workspace.slug as workspaceSlug',
          'workspace.name as workspaceName',
          'membership.role',
          'membership.cluster_id as clusterId',
          'membership.organisation_id as organisationId',
          'workspace.status',
        ])
        .where('membership.user_id', '=', userId)
        // A workspace pending its coordinator or being deleted is no one's yet, or any more.
        .where('workspace.status', 'in', ['active', 'suspended'])
        .orderBy('workspace.name')
        .execute()
    );
  }
}
