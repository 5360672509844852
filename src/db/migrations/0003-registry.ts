import { type Kysely, sql } from 'kysely';

/**
 * The member registry: member organisations of a workspace (each belongs to one partner cluster)
 * and their people; a `member` membership points at its organisation. Lists (segments, tags,
 * target markets) are JSON text (decision 0002); list filters match them by their quoted value.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    // No cascade: a cluster with members cannot be deleted until they move.
    .addColumn('cluster_id', 'text', (c) => c.notNull().references('cluster.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('normalised_name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sql`type in ('sme', 'large_company', 'rd_centre', 'university', 'other')`),
    )
    .addColumn('size', 'text', (c) => c.check(sql`size in ('micro', 'small', 'medium', 'large')`))
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('city', 'text')
    .addColumn('website', 'text')
    .addColumn('registration_id', 'text')
    .addColumn('space_segments', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('melca', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('offers', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('offer_tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('requests', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('request_tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('target_market_interests', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('export_experience', 'text', (c) =>
      c.notNull().check(sql`export_experience in ('none', 'occasional', 'regular', 'established')`),
    )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The list pages in id order inside a workspace, so each index ends with the id: a filtered page
  // is read in order and stops after `limit` rows instead of sorting the workspace. A search alone
  // (LIKE '%…%', which no index serves) walks (workspace_id, id) and stops early too.
  await db.schema
    .createIndex('organisation_workspace_id')
    .on('organisation')
    .columns(['workspace_id', 'id'])
    .execute();
  for (const [name, column] of [
    ['organisation_workspace_country', 'country'],
    ['organisation_workspace_cluster', 'cluster_id'],
  ] as const) {
    await db.schema.createIndex(name).on('organisation').columns(['workspace_id', column, 'id']).execute();
  }
  // Duplicate detection looks up the same normalised name in a country.
  await db.schema
    .createIndex('organisation_workspace_name')
    .on('organisation')
    .columns(['workspace_id', 'normalised_name', 'country'])
    .execute();
  // NULLs are distinct in a unique index on both databases: only given registration ids must differ.
  await db.schema
    .createIndex('organisation_workspace_registration')
    .on('organisation')
    .columns(['workspace_id', 'registration_id'])
    .unique()
    .where(sql.ref('registration_id'), 'is not', null)
    .execute();

  await db.schema
    .createTable('person')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.references('organisation.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('role_title', 'text')
    .addColumn('consent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consent_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('person_workspace_email')
    .on('person')
    .columns(['workspace_id', 'email'])
    .unique()
    .where(sql.ref('email'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('person_organisation')
    .on('person')
    .columns(['organisation_id', 'id'])
    .execute();
  await db.schema.createIndex('person_workspace_id').on('person').columns(['workspace_id', 'id']).execute();

  // The organisation a `member` acts for. Nullable with a reference: both databases accept the ALTER.
  await db.schema
    .alterTable('membership')
    .addColumn('organisation_id', 'text', (c) => c.references('organisation.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('membership').dropColumn('organisation_id').execute();
  await db.schema.dropTable('person').execute();
  await db.schema.dropTable('organisation').execute();
}
