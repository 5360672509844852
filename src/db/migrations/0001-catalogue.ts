import { type Kysely, sql } from 'kysely';

/** Workspaces (a consortium) and the instrument catalogue, global (D4.2) or workspace-owned. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('app_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('workspace')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('instrument')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.references('workspace.id').onDelete('cascade'))
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('d4.2', 'custom')`))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull().check(sql`phase in ('preparatory', 'leads', 'sustain')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('benefits', 'text', (c) => c.notNull())
    .addColumn('business_model', 'text', (c) => c.notNull())
    .addColumn('funding_sources', 'text', (c) => c.notNull())
    .addColumn('budget_text', 'text', (c) => c.notNull())
    .addColumn('budget_items', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // A key is unique among the global instruments, and within each workspace's own.
  await db.schema
    .createIndex('instrument_global_key')
    .on('instrument')
    .column('key')
    .unique()
    .where(sql.ref('workspace_id'), 'is', null)
    .execute();
  await db.schema
    .createIndex('instrument_workspace_key')
    .on('instrument')
    .columns(['workspace_id', 'key'])
    .unique()
    .where(sql.ref('workspace_id'), 'is not', null)
    .execute();

  await db.schema
    .createTable('instrument_kpi')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instrument_id', 'text', (c) => c.notNull().references('instrument.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('count', 'money', 'percent', 'rating', 'text')`),
    )
    .addColumn('unit', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('instrument_kpi_key', ['instrument_id', 'key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('instrument_kpi').execute();
  await db.schema.dropTable('instrument').execute();
  await db.schema.dropTable('workspace').execute();
  await db.schema.dropTable('app_meta').execute();
}
