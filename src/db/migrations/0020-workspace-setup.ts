import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

/**
 * Workspaces for a real consortium (issue 20, item 1; decision 0021).
 *
 * - `workspace`: a `status` (`active`, `pending` until the coordinator of a workspace made by the
 *   CLI or the operator used its set-up link, `suspended` by the instance operator, `deleting`
 *   while the deletion job runs), a `version` for edits, and the settings: currency (ISO 4217),
 *   default day rate (integer cents), time zone (IANA), languages (JSON list of codes), the month
 *   the fiscal year starts (1–12) and a logo (PNG/JPEG/WebP bytes, its content type and when it
 *   changed, for caching).
 * - `app_user.is_operator` (0/1): the instance operator, set only by the CLI.
 * - `workspace_setup`: one-time set-up links. Only the SHA-256 hash of the token is stored. A
 *   `start` link (printed by `serve` on an empty database) creates a new workspace; a `workspace`
 *   link (CLI or operator) completes a pending one; a `password` link lets a new operator account
 *   choose its password. Single use (`used_at`), expiring (`expires_at`), revocable (`revoked_at`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  const columns: [string, string, (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder][] = [
    ['status', 'text', (c) => c.notNull().defaultTo('active')],
    ['version', 'integer', (c) => c.notNull().defaultTo(1)],
    ['updated_at', 'text', (c) => c],
    ['currency', 'text', (c) => c.notNull().defaultTo('EUR')],
    ['default_day_rate_cents', 'integer', (c) => c.notNull().defaultTo(45_000)],
    ['time_zone', 'text', (c) => c.notNull().defaultTo('UTC')],
    ['languages', 'text', (c) => c.notNull().defaultTo('["en"]')],
    ['fiscal_year_start_month', 'integer', (c) => c.notNull().defaultTo(1)],
    ['logo', binary, (c) => c],
    ['logo_content_type', 'text', (c) => c],
    ['logo_updated_at', 'text', (c) => c],
  ];
  for (const [name, type, build] of columns) {
    await db.schema
      .alterTable('workspace')
      .addColumn(name, type as 'text', (c) => build(c))
      .execute();
  }
  await db.schema
    .alterTable('app_user')
    .addColumn('is_operator', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('workspace_setup')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.references('workspace.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.references('app_user.id').onDelete('cascade'))
    .addColumn('email', 'text')
    .addColumn('name', 'text')
    .addColumn('created_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('workspace_setup_kind')
    .on('workspace_setup')
    .columns(['kind', 'used_at'])
    .execute();
  await db.schema
    .createIndex('workspace_setup_workspace')
    .on('workspace_setup')
    .column('workspace_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('workspace_setup').execute();
  await db.schema.alterTable('app_user').dropColumn('is_operator').execute();
  for (const name of [
    'logo_updated_at',
    'logo_content_type',
    'logo',
    'fiscal_year_start_month',
    'languages',
    'time_zone',
    'default_day_rate_cents',
    'currency',
    'updated_at',
    'version',
    'status',
  ]) {
    await db.schema.alterTable('workspace').dropColumn(name).execute();
  }
}
