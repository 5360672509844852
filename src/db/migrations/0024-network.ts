import { type Kysely, sql } from 'kysely';

/**
 * The network (issue 21, decision 0026): organisations and people outside the consortium,
 * interactions with them, relationships through the partnership pipeline with every stage change,
 * and collaborative projects with their partners.
 *
 * Network organisations and people have their own tables, apart from the member registry's
 * `organisation` and `person`: they have other types, no cluster membership, a consent basis, and
 * must never appear in a member list, an import of members or a member's account. A member
 * organisation can still be the counterpart of a relationship or a project partner: those tables
 * point at either kind, exactly one (check constraints).
 *
 * KPI evidence (docs/kpis.md): `interaction` (by `activity_id`), `relationship_stage_change` (by
 * `activity_id`), `project` (by `activity_id`) and `project_partner` (through its project).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('network_organisation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    // The cluster that looks after this organisation; null: the coordinators'.
    .addColumn('owner_cluster_id', 'text', (c) => c.references('cluster.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('normalised_name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`type in ('cluster', 'agency', 'chamber_of_commerce', 'embassy_or_consulate', 'company', 'research_or_university', 'investor', 'association', 'other')`,
        ),
    )
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('city', 'text')
    .addColumn('website', 'text')
    // Lower-case host without "www.": duplicate detection by website.
    .addColumn('website_domain', 'text')
    .addColumn('space_segments', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('melca', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('network_organisation_workspace_id')
    .on('network_organisation')
    .columns(['workspace_id', 'id'])
    .execute();
  await db.schema
    .createIndex('network_organisation_workspace_country')
    .on('network_organisation')
    .columns(['workspace_id', 'country', 'id'])
    .execute();
  // The duplicate rule "same normalised name in the same country", enforced by the database.
  await db.schema
    .createIndex('network_organisation_name_key')
    .on('network_organisation')
    .columns(['workspace_id', 'country', 'normalised_name'])
    .unique()
    .where(sql.ref('normalised_name'), '<>', '')
    .execute();
  await db.schema
    .createIndex('network_organisation_domain')
    .on('network_organisation')
    .columns(['workspace_id', 'website_domain'])
    .where(sql.ref('website_domain'), 'is not', null)
    .execute();

  await db.schema
    .createTable('network_person')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.references('network_organisation.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role_title', 'text')
    // Lower-cased; unique per workspace when present.
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    // A language code (ISO 639-1), any language, not only the Hub's six.
    .addColumn('language', 'text')
    .addColumn('consent_basis', 'text', (c) =>
      c.check(sql`consent_basis in ('consent', 'legitimate_interest', 'contract')`),
    )
    .addColumn('consent_on', 'text')
    .addColumn('consent_source', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    // Set when the person was erased (GDPR): the row stays, anonymised, so counts that rest on it hold.
    .addColumn('erased_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('network_person_workspace_email')
    .on('network_person')
    .columns(['workspace_id', 'email'])
    .unique()
    .where(sql.ref('email'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('network_person_workspace_id')
    .on('network_person')
    .columns(['workspace_id', 'id'])
    .execute();
  await db.schema
    .createIndex('network_person_organisation')
    .on('network_person')
    .columns(['organisation_id', 'id'])
    .execute();

  await db.schema
    .createTable('interaction')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`kind in ('meeting', 'call', 'email', 'visit', 'event_encounter', 'introduction')`),
    )
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    // Where it happened (optional): the KPI attribution.
    .addColumn('activity_id', 'text', (c) => c.references('activity.id').onDelete('set null'))
    // Our side: the cluster (the record's access scope), staff, a member organisation and its person.
    .addColumn('cluster_id', 'text', (c) => c.references('cluster.id').onDelete('set null'))
    .addColumn('staff_user_id', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('member_organisation_id', 'text', (c) => c.references('organisation.id').onDelete('set null'))
    .addColumn('member_person_id', 'text', (c) => c.references('person.id').onDelete('set null'))
    // Their side: the counterpart organisation and, optionally, the person met.
    .addColumn('network_organisation_id', 'text', (c) =>
      c.notNull().references('network_organisation.id').onDelete('cascade'),
    )
    .addColumn('network_person_id', 'text', (c) => c.references('network_person.id').onDelete('set null'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('next_step', 'text')
    .addColumn('next_step_due_on', 'text')
    .addColumn('next_step_owner_user_id', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('next_step_done_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('interaction_workspace_date')
    .on('interaction')
    .columns(['workspace_id', 'occurred_on', 'id'])
    .execute();
  // A timeline, and "whose first interaction" (new contacts): an organisation's interactions by date.
  await db.schema
    .createIndex('interaction_organisation_date')
    .on('interaction')
    .columns(['network_organisation_id', 'occurred_on', 'id'])
    .execute();
  await db.schema
    .createIndex('interaction_person_date')
    .on('interaction')
    .columns(['network_person_id', 'occurred_on'])
    .execute();
  await db.schema
    .createIndex('interaction_activity')
    .on('interaction')
    .columns(['activity_id', 'id'])
    .execute();
  await db.schema
    .createIndex('interaction_next_step')
    .on('interaction')
    .columns(['next_step_owner_user_id', 'next_step_due_on'])
    .where(sql.ref('next_step_done_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('relationship')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    // Ours: a cluster or a member organisation (exactly one).
    .addColumn('our_cluster_id', 'text', (c) => c.references('cluster.id').onDelete('cascade'))
    .addColumn('our_organisation_id', 'text', (c) => c.references('organisation.id').onDelete('cascade'))
    // The counterpart: a network organisation or a member organisation (exactly one).
    .addColumn('network_organisation_id', 'text', (c) =>
      c.references('network_organisation.id').onDelete('cascade'),
    )
    .addColumn('counterpart_organisation_id', 'text', (c) =>
      c.references('organisation.id').onDelete('cascade'),
    )
    // The cluster whose staff may change it (ours, or our member's cluster): the access scope.
    .addColumn('cluster_id', 'text', (c) => c.notNull().references('cluster.id'))
    .addColumn('market_id', 'text', (c) => c.references('target_market.id').onDelete('set null'))
    .addColumn('stage', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`stage in ('mapped', 'contacted', 'met', 'potential_partner', 'partner', 'collaborating', 'common_project', 'dormant', 'closed')`,
        ),
    )
    .addColumn('stage_reason', 'text')
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('stage_changed_on', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('relationship_ours', sql`(our_cluster_id is null) <> (our_organisation_id is null)`)
    .addCheckConstraint(
      'relationship_counterpart',
      sql`(network_organisation_id is null) <> (counterpart_organisation_id is null)`,
    )
    .execute();
  // One relationship per pair: ours × counterpart (a duplicate counterpart is refused).
  await db.schema
    .createIndex('relationship_pair_key')
    .on('relationship')
    .expression(
      sql`workspace_id, coalesce(our_cluster_id, our_organisation_id), coalesce(network_organisation_id, counterpart_organisation_id)`,
    )
    .unique()
    .execute();
  await db.schema
    .createIndex('relationship_workspace_stage')
    .on('relationship')
    .columns(['workspace_id', 'stage', 'id'])
    .execute();
  await db.schema
    .createIndex('relationship_workspace_market')
    .on('relationship')
    .columns(['workspace_id', 'market_id', 'stage'])
    .execute();
  await db.schema
    .createIndex('relationship_workspace_cluster')
    .on('relationship')
    .columns(['workspace_id', 'cluster_id', 'stage'])
    .execute();
  await db.schema
    .createIndex('relationship_network_organisation')
    .on('relationship')
    .columns(['network_organisation_id'])
    .execute();

  await db.schema
    .createTable('relationship_stage_change')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('relationship_id', 'text', (c) =>
      c.notNull().references('relationship.id').onDelete('cascade'),
    )
    // Null on the first row (the relationship began at `to_stage`).
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('changed_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('actor_user_id', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    // The activity the change is attributed to (KPI evidence).
    .addColumn('activity_id', 'text', (c) => c.references('activity.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('relationship_stage_change_relationship')
    .on('relationship_stage_change')
    .columns(['relationship_id', 'changed_on', 'id'])
    .execute();
  await db.schema
    .createIndex('relationship_stage_change_activity')
    .on('relationship_stage_change')
    .columns(['activity_id', 'id'])
    .execute();
  await db.schema
    .createIndex('relationship_stage_change_workspace_date')
    .on('relationship_stage_change')
    .columns(['workspace_id', 'changed_on'])
    .execute();

  await db.schema
    .createTable('project')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    // The cluster that follows the project (the access scope); null: the coordinators'.
    .addColumn('cluster_id', 'text', (c) => c.references('cluster.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('funding_programme', 'text', (c) =>
      c.check(
        sql`funding_programme in ('horizon_europe', 'esa', 'eu_other', 'national', 'regional', 'private', 'other')`,
      ),
    )
    // Minor units of `currency` (ISO 4217); 64-bit: a consortium's grant can pass 21 million.
    .addColumn('amount_minor', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('idea', 'proposal', 'funded', 'running', 'completed', 'rejected')`),
    )
    .addColumn('common_label', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('international_funding', 'integer', (c) => c.notNull().defaultTo(0))
    // Where it came from: an activity (KPI attribution) or, without one, an instrument.
    .addColumn('activity_id', 'text', (c) => c.references('activity.id').onDelete('set null'))
    .addColumn('instrument_id', 'text', (c) => c.references('instrument.id').onDelete('set null'))
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('completed_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_workspace_id').on('project').columns(['workspace_id', 'id']).execute();
  await db.schema.createIndex('project_activity').on('project').columns(['activity_id']).execute();

  await db.schema
    .createTable('project_partner')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    // Exactly one of: a cluster, a member organisation, a network organisation.
    .addColumn('cluster_id', 'text', (c) => c.references('cluster.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.references('organisation.id').onDelete('cascade'))
    .addColumn('network_organisation_id', 'text', (c) =>
      c.references('network_organisation.id').onDelete('cascade'),
    )
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('coordinator', 'partner', 'subcontractor', 'associated', 'funder')`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'project_partner_one',
      sql`(case when cluster_id is null then 0 else 1 end) + (case when organisation_id is null then 0 else 1 end) + (case when network_organisation_id is null then 0 else 1 end) = 1`,
    )
    .execute();
  await db.schema
    .createIndex('project_partner_key')
    .on('project_partner')
    .expression(sql`project_id, coalesce(cluster_id, organisation_id, network_organisation_id)`)
    .unique()
    .execute();
  await db.schema
    .createIndex('project_partner_network_organisation')
    .on('project_partner')
    .columns(['network_organisation_id'])
    .execute();

  // The weekly digest of network health: one row per owner and ISO week, so several servers send
  // it once (the unique key is the lock).
  await db.schema
    .createTable('network_digest')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    // ISO week, e.g. 2026-W49.
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('network_digest_key')
    .on('network_digest')
    .columns(['workspace_id', 'user_id', 'week'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'network_digest',
    'project_partner',
    'project',
    'relationship_stage_change',
    'relationship',
    'interaction',
    'network_person',
    'network_organisation',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
