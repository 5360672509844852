import type { Kysely } from 'kysely';

/**
 * Issue 20, item 2: custom instruments (decision 0022).
 *
 * - `instrument.based_on_key`: for a workspace's custom instrument copied from D4.2, the key of the
 *   D4.2 instrument it was copied from (the reference of the "differs from D4.2" view); null for
 *   the catalogue's own rows and for an instrument created from nothing.
 * - `instrument_kpi.rule_key`: for a custom instrument's KPI, the registered derived-KPI rule that
 *   computes it (`activity_held`, …); null: entered by hand. The catalogue's KPIs keep their rules
 *   from the registry (by instrument key), so this stays null on them.
 *
 * The unique keys of 0001 already fit: a key is unique among the global instruments, and within a
 * workspace's own; the service also refuses a custom key that a D4.2 instrument has.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('instrument').addColumn('based_on_key', 'text').execute();
  await db.schema.alterTable('instrument_kpi').addColumn('rule_key', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('instrument_kpi').dropColumn('rule_key').execute();
  await db.schema.alterTable('instrument').dropColumn('based_on_key').execute();
}
