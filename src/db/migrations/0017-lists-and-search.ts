import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Issue 18, lists and search.
 *
 * - `saved_view`: a user's named set of filters and sort for one list of a workspace, kept on the
 *   server so it follows the user from browser to browser. `query` is the list's address
 *   parameters as a JSON object of strings.
 * - Indexes for what the lists and the member page now ask: people by name (their sort), the
 *   activities an organisation took part in, the audit events of one record (its history).
 * - PostgreSQL only: trigram indexes on the names the global search looks into (people, markets,
 *   plans, activity titles; organisations have theirs since 0007), so a search that matches few
 *   rows reads those few. SQLite answers the same `like` from the covering indexes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('saved_view')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    /** `organisations` | `people` | `markets` | `activities` | `audit` */
    .addColumn('list', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    /** JSON: { parameter: value } as in the list's address */
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('saved_view_owner_name')
    .on('saved_view')
    .columns(['workspace_id', 'user_id', 'list', 'name'])
    .unique()
    .execute();

  await sql`create index person_workspace_name on person (workspace_id, lower(name), id)`.execute(db);
  await db.schema
    .createIndex('activity_participant_organisation')
    .on('activity_participant')
    .columns(['organisation_id', 'activity_id'])
    .execute();
  await db.schema
    .createIndex('audit_event_entity_history')
    .on('audit_event')
    .columns(['workspace_id', 'entity_id', 'id'])
    .execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // pg_trgm was created by migration 0007.
    await sql`create index person_name_trgm on person using gin (lower(name) gin_trgm_ops)`.execute(db);
    await sql`create index person_email_trgm on person using gin (email gin_trgm_ops)`.execute(db);
    await sql`create index target_market_name_trgm on target_market using gin (lower(name) gin_trgm_ops)`.execute(
      db,
    );
    await sql`create index plan_name_trgm on plan using gin (lower(name) gin_trgm_ops)`.execute(db);
    await sql`create index activity_title_trgm on activity using gin (lower(title) gin_trgm_ops)`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const name of [
      'activity_title_trgm',
      'plan_name_trgm',
      'target_market_name_trgm',
      'person_email_trgm',
      'person_name_trgm',
    ]) {
      await db.schema.dropIndex(name).ifExists().execute();
    }
  }
  await db.schema.dropIndex('audit_event_entity_history').execute();
  await db.schema.dropIndex('activity_participant_organisation').execute();
  await db.schema.dropIndex('person_workspace_name').execute();
  await db.schema.dropTable('saved_view').execute();
}
