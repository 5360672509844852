import type { Kysely } from 'kysely';

/**
 * `cost_line_activity` also holds `amount_cents`, so summing an activity's planned and actual
 * lines reads the index alone. Without it PostgreSQL preferred scanning every cost line of the
 * database (the heap rows of 2,000 lines cost more, by its estimate, than a sequential scan of
 * 50,000): the plan page's cost query took ~9 ms at 50,000 lines and grew with the workspace;
 * with it, ~2 ms whatever the size (index-only scans per activity). SQLite uses it as a
 * covering index likewise. Same name, same leading columns: every use of the old index stays.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cost_line_activity').execute();
  await db.schema
    .createIndex('cost_line_activity')
    .on('cost_line')
    .columns(['activity_id', 'kind', 'amount_cents'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cost_line_activity').execute();
  await db.schema
    .createIndex('cost_line_activity')
    .on('cost_line')
    .columns(['activity_id', 'kind'])
    .execute();
}
