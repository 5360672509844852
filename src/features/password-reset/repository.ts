import type { Kysely, Selectable } from 'kysely';
import { newId } from '../../db/ids.ts';
import type { DB, PasswordResetTable } from '../../db/schema.ts';

export type PasswordResetRow = Selectable<PasswordResetTable>;

/** The only SQL for password resets (and the password change they make). */
export class PasswordResetRepository {
  constructor(private readonly db: Kysely<DB>) {}

  create(values: {
    userId: string;
    tokenHash: string;
    expiresAt: string;
    now: string;
  }): Promise<PasswordResetRow> {
    return this.db
      .insertInto('password_reset')
      .values({
        id: newId(),
        user_id: values.userId,
        token_hash: values.tokenHash,
        expires_at: values.expiresAt,
        created_at: values.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /**
   * Holds the user's row until the transaction ends, so concurrent requests count the resets one
   * after the other. A no-op update locks on both databases (SQLite has no `for update`).
   */
  async lockUser(userId: string): Promise<void> {
    await this.db
      .updateTable('app_user')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('id', '=', userId)
      .execute();
  }

  /** How many resets were asked for the user since `since` (the per-account cap). */
  async countSince(userId: string, since: string): Promise<number> {
    const row = await this.db
      .selectFrom('password_reset')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  findByTokenHash(tokenHash: string): Promise<PasswordResetRow | undefined> {
    return this.db
      .selectFrom('password_reset')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  /** Single use: marks this and every other open reset of the user used. @returns whether this one was still open. */
  async useAll(id: string, userId: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('password_reset')
      .set({ used_at: now })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await this.db
      .updateTable('password_reset')
      .set({ used_at: now })
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .execute();
    return true;
  }

  /** Sets a new password hash. */
  async setPassword(userId: string, passwordHash: string, now: string): Promise<void> {
    await this.db
      .updateTable('app_user')
      .set({ password_hash: passwordHash, updated_at: now })
      .where('id', '=', userId)
      .execute();
  }
}
