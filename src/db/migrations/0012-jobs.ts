import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * Background jobs (issue 5: funder reports), worked in-process. A job stores its progress so a
 * browser (or a restarted server) can read it; its output file is kept in `job_file` so it is
 * served the same on SQLite and PostgreSQL without a shared disk.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('job')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    /** 0 to 1 */
    .addColumn('progress', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    /** JSON: the job's parameters */
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('created_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('job_workspace')
    .on('job')
    .columns(['workspace_id', 'kind', 'created_at'])
    .execute();
  await db.schema.createIndex('job_status').on('job').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('job_file')
    .addColumn('job_id', 'text', (c) => c.primaryKey().references('job.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', binary as 'blob', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('job_file').execute();
  await db.schema.dropTable('job').execute();
}
