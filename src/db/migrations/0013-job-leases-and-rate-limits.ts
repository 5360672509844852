import type { Kysely } from 'kysely';

/**
 * Several servers on one PostgreSQL (issue 19, decision 0014).
 *
 * - `job.worker_id`, `job.lease_expires_at`: the worker that runs a `running` job and until when
 *   it holds it. The worker renews the lease while it works; a job whose lease expired (its
 *   server died) is taken over by another worker. A row left `running` without a lease (by a
 *   server before this migration) counts as expired.
 * - `job.attempts`: how many times a worker started the job; after the last allowed attempt an
 *   expired job fails instead of running again.
 * - `rate_limit`: the request counters of the rate-limited routes (sign-in, password reset,
 *   accepting an invitation), shared by every server: one row per route and key (a hash), with
 *   the hits of the current window and when the window ends (UTC ISO text).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('job').addColumn('worker_id', 'text').execute();
  await db.schema.alterTable('job').addColumn('lease_expires_at', 'text').execute();
  await db.schema
    .alterTable('job')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('job_lease').on('job').columns(['status', 'lease_expires_at']).execute();

  await db.schema
    .createTable('rate_limit')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_expires').on('rate_limit').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limit').execute();
  await db.schema.dropIndex('job_lease').execute();
  await db.schema.alterTable('job').dropColumn('attempts').execute();
  await db.schema.alterTable('job').dropColumn('lease_expires_at').execute();
  await db.schema.alterTable('job').dropColumn('worker_id').execute();
}
