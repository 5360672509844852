import { type Kysely, sql } from 'kysely';

/**
 * KPIs from evidence (issue 5).
 *
 * - `activity_participant.attendance`: the evidence of "participants present".
 * - `kpi_target`: a target for one KPI of one activity, or of one instrument in a plan (a plan
 *   target on a Hub-wide KPI has no instrument).
 * - `kpi_entry`: a value entered by hand where no record can exist (sales volume, satisfaction,
 *   remarks), with its author, day and comment.
 * - `kpi_actual`: each activity's derived KPI values, recomputed by the registered rules in the
 *   same transaction as every write to their evidence; the roll-ups read this table so a
 *   dashboard over a million evidence records stays one indexed scan of the workspace's
 *   activities (decision 0011).
 *
 * Values are `double precision` (a count, a rating, a percentage); money is in cents.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('activity_participant')
    .addColumn('attendance', 'text', (c) =>
      c.notNull().defaultTo('expected').check(sql`attendance in ('expected', 'present', 'absent')`),
    )
    .execute();

  await db.schema
    .createTable('kpi_target')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('activity_id', 'text', (c) => c.references('activity.id').onDelete('cascade'))
    .addColumn('plan_id', 'text', (c) => c.references('plan.id').onDelete('cascade'))
    .addColumn('instrument_id', 'text', (c) => c.references('instrument.id').onDelete('cascade'))
    .addColumn('kpi_key', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'kpi_target_scope',
      sql`(activity_id is not null and plan_id is null) or (activity_id is null and plan_id is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('kpi_target_activity')
    .on('kpi_target')
    .columns(['activity_id', 'kpi_key'])
    .unique()
    .where(sql.ref('activity_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('kpi_target_plan_instrument')
    .on('kpi_target')
    .columns(['plan_id', 'instrument_id', 'kpi_key'])
    .unique()
    .where(sql.ref('instrument_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('kpi_target_plan_hub')
    .on('kpi_target')
    .columns(['plan_id', 'kpi_key'])
    .unique()
    .where(sql<boolean>`plan_id is not null and instrument_id is null`)
    .execute();
  await db.schema.createIndex('kpi_target_workspace').on('kpi_target').columns(['workspace_id']).execute();

  await db.schema
    .createTable('kpi_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activity.id').onDelete('cascade'))
    .addColumn('kpi_key', 'text', (c) => c.notNull())
    .addColumn('value_number', 'double precision')
    .addColumn('value_text', 'text')
    .addColumn('recorded_on', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('author_user_id', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('kpi_entry_value', sql`(value_number is null) <> (value_text is null)`)
    .execute();
  await db.schema
    .createIndex('kpi_entry_activity')
    .on('kpi_entry')
    .columns(['activity_id', 'kpi_key'])
    .execute();
  await db.schema
    .createIndex('kpi_entry_workspace')
    .on('kpi_entry')
    .columns(['workspace_id', 'activity_id'])
    .execute();

  await db.schema
    .createTable('kpi_actual')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activity.id').onDelete('cascade'))
    .addColumn('kpi_key', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('kpi_actual_pk', ['activity_id', 'kpi_key'])
    .execute();
  await db.schema
    .createIndex('kpi_actual_workspace')
    .on('kpi_actual')
    .columns(['workspace_id', 'activity_id', 'kpi_key', 'value'])
    .execute();
  await db.schema
    .createIndex('activity_participant_attendance')
    .on('activity_participant')
    .columns(['activity_id', 'attendance'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('activity_participant_attendance').execute();
  await db.schema.dropTable('kpi_actual').execute();
  await db.schema.dropTable('kpi_entry').execute();
  await db.schema.dropTable('kpi_target').execute();
  await db.schema.alterTable('activity_participant').dropColumn('attendance').execute();
}
