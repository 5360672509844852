import type { Kysely } from 'kysely';

/**
 * Memberships become editable (role changes by coordinators): a `version` lets two coordinators
 * editing the same membership see each other's change (409) instead of overwriting it, and an
 * index on `(workspace_id, id)` serves the members list in creation order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('membership')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('membership_workspace_list')
    .on('membership')
    .columns(['workspace_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('membership_workspace_list').execute();
  await db.schema.alterTable('membership').dropColumn('version').execute();
}
