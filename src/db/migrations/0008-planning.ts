import { type Kysely, sql } from 'kysely';

/**
 * The planning core (issue 4): target markets, plans with their chosen instruments, activities with
 * their participants, budget lines (planned and actual) and the workspace's travel-cost table.
 * Dates are ISO `YYYY-MM-DD` text (they compare as text), money integer cents (EUR).
 * Every child row carries `workspace_id` so a roll-up reads one workspace through one index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('target_market')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    /** JSON: string[] (space segments, the registry's vocabulary, or free text). */
    .addColumn('segments', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('priority', 'text', (c) => c.notNull().check(sql`priority in ('high', 'medium', 'low')`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('exploring', 'active', 'paused', 'closed')`),
    )
    .addColumn('rationale', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('findings', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_cluster_id', 'text', (c) => c.references('cluster.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('target_market_workspace')
    .on('target_market')
    .columns(['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('plan')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    // No cascade: a market with plans is closed, not deleted, until its plans go.
    .addColumn('market_id', 'text', (c) => c.notNull().references('target_market.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('budget_cap_cents', 'integer')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'approved', 'active', 'closed')`),
    )
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('plan_period', sql`starts_on <= ends_on`)
    .execute();
  await db.schema.createIndex('plan_workspace').on('plan').columns(['workspace_id', 'id']).execute();
  await db.schema.createIndex('plan_market').on('plan').columns(['market_id', 'starts_on']).execute();

  await db.schema
    .createTable('plan_instrument')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('instrument_id', 'text', (c) => c.notNull().references('instrument.id'))
    /** Order inside the instrument's phase (phases themselves keep D4.2's order). */
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('plan_instrument_unique')
    .on('plan_instrument')
    .columns(['plan_id', 'instrument_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('activity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    // A plan with activities cannot be deleted until they move or go (service answers 409).
    .addColumn('plan_id', 'text', (c) => c.references('plan.id'))
    .addColumn('instrument_id', 'text', (c) => c.notNull().references('instrument.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('city', 'text')
    /** ISO 3166-1 alpha-2 */
    .addColumn('country', 'text')
    .addColumn('cluster_id', 'text', (c) => c.references('cluster.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('planned', 'confirmed', 'done', 'cancelled')`),
    )
    .addColumn('outcome_notes', 'text', (c) => c.notNull().defaultTo(''))
    /** JSON: EstimateParameters plus an optional day-rate override, as last used for the estimate. */
    .addColumn('estimate_parameters', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('activity_period', sql`starts_on <= ends_on`)
    .execute();
  await db.schema
    .createIndex('activity_workspace_start')
    .on('activity')
    .columns(['workspace_id', 'starts_on', 'id'])
    .execute();
  await db.schema.createIndex('activity_plan').on('activity').columns(['plan_id', 'starts_on']).execute();

  await db.schema
    .createTable('activity_participant')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activity.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.references('organisation.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('person.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('activity_participant_who', sql`organisation_id is not null or person_id is not null`)
    .execute();
  await db.schema
    .createIndex('activity_participant_activity')
    .on('activity_participant')
    .columns(['activity_id'])
    .execute();

  await db.schema
    .createTable('cost_line')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activity.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('planned', 'actual')`))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('funding_source', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('formula', 'text')
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    /** Staff effort in hundredths of a day (staff lines), else 0. */
    .addColumn('effort_centidays', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('estimate', 'manual')`))
    /** Actual lines: the day the cost was incurred. */
    .addColumn('incurred_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cost_line_activity')
    .on('cost_line')
    .columns(['activity_id', 'kind'])
    .execute();
  await db.schema
    .createIndex('cost_line_workspace')
    .on('cost_line')
    .columns(['workspace_id', 'activity_id'])
    .execute();

  await db.schema
    .createTable('travel_rate')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    /** ISO 3166-1 alpha-2 of the destination. */
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('travel_cents', 'integer', (c) => c.notNull())
    .addColumn('accommodation_per_night_cents', 'integer', (c) => c.notNull())
    .addColumn('subsistence_per_day_cents', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('travel_rate_workspace_country')
    .on('travel_rate')
    .columns(['workspace_id', 'country'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'travel_rate',
    'cost_line',
    'activity_participant',
    'activity',
    'plan_instrument',
    'plan',
    'target_market',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
