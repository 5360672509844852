import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { KpiKind } from '../../domain/catalogue/types.ts';
import { HUB_KPIS } from '../../domain/kpi/hub-kpis.ts';
import { aggregationOf } from '../../domain/kpi/values.ts';
import { KPI_RULES, ruleFor } from './rules/index.ts';

/** SQLite's limit on bound parameters is far above this; PostgreSQL plans short IN lists best. */
const CHUNK = 500;

/**
 * Recomputes the KPI values of these activities and stores them in `kpi_actual` (decision 0011):
 * the derived ones from their records, by the registered rules; the entered numeric ones from
 * their entries (summed for counts and money, averaged for ratings and percentages; no row while
 * nothing is entered). Every use case that writes evidence or entries (participants, attendance,
 * cost lines, an activity's status or instrument, KPI entries) calls it in the same transaction,
 * so the roll-ups never read a stale value. Activities that no longer exist are simply skipped.
 */
export async function refreshKpiActuals(db: Kysely<DB>, activityIds: readonly string[]): Promise<void> {
  const unique = [...new Set(activityIds)];
  for (let start = 0; start < unique.length; start += CHUNK) {
    await refreshChunk(db, unique.slice(start, start + CHUNK));
  }
}

async function refreshChunk(db: Kysely<DB>, ids: string[]): Promise<void> {
  // Two transactions refreshing an activity at once (two cost lines sent together) would each
  // delete only the rows they can see, then insert the same keys (a unique violation on
  // PostgreSQL) or sum its evidence without the other's: holding the activities' rows until the
  // commit makes them take turns, the second reading what the first wrote. A no-op update locks
  // on both databases (SQLite has no `for update`, and runs one write at a time anyway).
  await db
    .updateTable('activity')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', 'in', [...ids].sort())
    .execute();
  const activities = await db
    .selectFrom('activity')
    .innerJoin('instrument', 'instrument.id', 'activity.instrument_id')
    .select(['activity.id', 'activity.workspace_id', 'instrument.id as instrument_id', 'instrument.key'])
    .where('activity.id', 'in', ids)
    .execute();
  await db.deleteFrom('kpi_actual').where('activity_id', 'in', ids).execute();
  if (activities.length === 0) return;

  const kpis = await db
    .selectFrom('instrument_kpi')
    .select(['instrument_id', 'key', 'kind', 'rule_key'])
    .where('instrument_id', 'in', [...new Set(activities.map((a) => a.instrument_id))])
    .execute();
  const kpiKeysOf = new Map<string, string[]>();
  for (const kpi of kpis)
    kpiKeysOf.set(kpi.instrument_id, [...(kpiKeysOf.get(kpi.instrument_id) ?? []), kpi.key]);
  const kindOf = new Map(kpis.map((kpi) => [`${kpi.instrument_id}|${kpi.key}`, kpi.kind as KpiKind]));
  const ruleKeyOf = new Map(kpis.map((kpi) => [`${kpi.instrument_id}|${kpi.key}`, kpi.rule_key]));

  // Which (activity, KPI) pairs each rule must fill.
  const wanted = new Map<string, { activityId: string; kpiKey: string }[]>();
  for (const activity of activities) {
    const pairs = [
      ...HUB_KPIS.map((k) => ({ kpiKey: k.key, rule: ruleFor(null, k.key) })),
      ...(kpiKeysOf.get(activity.instrument_id) ?? []).map((key) => ({
        kpiKey: key,
        rule: ruleFor(activity.key, key, ruleKeyOf.get(`${activity.instrument_id}|${key}`)),
      })),
    ];
    for (const { kpiKey, rule } of pairs) {
      if (rule) wanted.set(rule.key, [...(wanted.get(rule.key) ?? []), { activityId: activity.id, kpiKey }]);
    }
  }

  const workspaceOf = new Map(activities.map((a) => [a.id, a.workspace_id]));
  const rows: DB['kpi_actual'][] = [];
  for (const rule of KPI_RULES) {
    const pairs = wanted.get(rule.key);
    if (!pairs) continue;
    const values = await rule.compute(db, [...new Set(pairs.map((p) => p.activityId))]);
    for (const { activityId, kpiKey } of pairs) {
      rows.push({
        activity_id: activityId,
        kpi_key: kpiKey,
        workspace_id: workspaceOf.get(activityId) as string,
        value: values.get(activityId) ?? 0,
      });
    }
  }
  rows.push(...(await enteredValues(db, ids, activities, kindOf, ruleKeyOf)));
  // Zero values are stored too: a row per derived KPI says the rule ran for the activity.
  for (let start = 0; start < rows.length; start += CHUNK) {
    await db
      .insertInto('kpi_actual')
      .values(rows.slice(start, start + CHUNK))
      .execute();
  }
}

/** Each activity's value of its entered numeric KPIs, from the entries (derived KPIs' entries are ignored). */
async function enteredValues(
  db: Kysely<DB>,
  ids: readonly string[],
  activities: readonly { id: string; workspace_id: string; instrument_id: string; key: string }[],
  kindOf: ReadonlyMap<string, KpiKind>,
  ruleKeyOf: ReadonlyMap<string, string | null>,
): Promise<DB['kpi_actual'][]> {
  const sums = await db
    .selectFrom('kpi_entry')
    .select([
      'activity_id',
      'kpi_key',
      (eb) => eb.fn.sum<number | string>('value_number').as('total'),
      (eb) => eb.fn.count<number | string>('value_number').as('n'),
    ])
    .where('activity_id', 'in', ids)
    .where('value_number', 'is not', null)
    .groupBy(['activity_id', 'kpi_key'])
    .execute();
  const byId = new Map(activities.map((a) => [a.id, a]));
  return sums.flatMap((row) => {
    const activity = byId.get(row.activity_id);
    const kind = activity && kindOf.get(`${activity.instrument_id}|${row.kpi_key}`);
    const ruleKey = activity && ruleKeyOf.get(`${activity.instrument_id}|${row.kpi_key}`);
    if (!activity || !kind || kind === 'text' || ruleFor(activity.key, row.kpi_key, ruleKey)) return [];
    const total = Number(row.total);
    const value = aggregationOf(kind) === 'sum' ? total : total / Number(row.n);
    return [
      { activity_id: row.activity_id, kpi_key: row.kpi_key, workspace_id: activity.workspace_id, value },
    ];
  });
}
