import type { Kysely } from 'kysely';

/**
 * Sign-in lock-out per account and source (issue 19, item 9; decision 0017).
 *
 * - `sign_in_lock`: the failed sign-ins of one account from one source (a client address, an IPv6
 *   address cut to its /64), and until when that source may not sign in to that account. Another
 *   source is not affected, so nobody can lock a person out by failing on purpose. A successful
 *   sign-in from the source deletes its row; a password reset deletes every row of the account.
 * - `app_user.failed_sign_ins` and `app_user.locked_until`, the account-wide lock, are dropped:
 *   nothing reads them any more, and a lock left in them would only mislead. Locks in force when
 *   the migration runs are lifted (the per-source count starts afresh).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_in_lock')
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('last_failed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sign_in_lock_pk', ['user_id', 'source'])
    .execute();

  await db.schema.alterTable('app_user').dropColumn('failed_sign_ins').execute();
  await db.schema.alterTable('app_user').dropColumn('locked_until').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('app_user').addColumn('locked_until', 'text').execute();
  await db.schema
    .alterTable('app_user')
    .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.dropTable('sign_in_lock').execute();
}
