import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';

/**
 * Every write of the Hub runs in `writeTransaction`; it is also the one place that keeps derived
 * values fresh (decision 0013).
 *
 * A repository that writes *evidence* — a record some KPI is computed from, such as a participant's
 * attendance or a cost line — calls `markEvidence(trx, activityIds)` in the same method that writes
 * it, so no use case can forget it. Before the transaction commits, `writeTransaction` hands the
 * activities marked in it to the database's evidence refresher (the KPI feature's
 * `refreshKpiActuals`, set by the composition root), once, in the same transaction: a reader never
 * sees evidence without the values derived from it.
 */

/** Recomputes what is derived from the evidence of these activities, inside `trx`. */
export type EvidenceRefresher = (trx: Kysely<DB>, activityIds: readonly string[]) => Promise<void>;

const refreshers = new WeakMap<Kysely<DB>, EvidenceRefresher>();
const marked = new WeakMap<Kysely<DB>, Set<string>>();

/** Sets what runs before commit for the evidence written through `db` (the composition root does). */
export function setEvidenceRefresher(db: Kysely<DB>, refresher: EvidenceRefresher): void {
  refreshers.set(db, refresher);
}

/**
 * Runs `work` in a transaction and, before it commits, refreshes what was derived from the
 * evidence marked in it. Called inside another `writeTransaction` (with its transaction), it
 * joins that one: the outer transaction refreshes once for both.
 *
 * @example
 * await writeTransaction(db, async (trx) => {
 *   await new CostLineRepository(trx).create(workspaceId, activityId, values); // marks the activity
 * }); // kpi_actual of that activity is recomputed before COMMIT
 */
export async function writeTransaction<T>(
  db: Kysely<DB>,
  work: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) {
    if (!marked.has(db)) throw new Error('a transaction not opened by writeTransaction cannot be joined');
    return work(db as Transaction<DB>);
  }
  return db.transaction().execute(async (trx) => {
    const activityIds = new Set<string>();
    marked.set(trx, activityIds);
    const result = await work(trx);
    if (activityIds.size > 0) {
      const refresh = refreshers.get(db);
      if (!refresh) {
        throw new Error(
          'evidence was written, but no refresher is set for this database (build it with createServices)',
        );
      }
      await refresh(trx, [...activityIds]);
    }
    marked.delete(trx);
    return result;
  });
}

/**
 * Records, in the transaction `trx`, that evidence of these activities was written (or removed).
 *
 * @throws Error when `trx` is not a `writeTransaction`: evidence written outside one would leave
 * the KPIs stale, so it is refused before anything is written.
 */
export function markEvidence(trx: Kysely<DB>, activityIds: Iterable<string | null | undefined>): void {
  const set = marked.get(trx);
  if (!set) throw new Error('evidence must be written inside writeTransaction, which keeps the KPIs fresh');
  for (const id of activityIds) if (id) set.add(id);
}

/**
 * Runs a write whose activities are known only from what it returns (an update or delete by
 * record id), and marks them: first checks that `trx` is a `writeTransaction` (nothing is written
 * outside one), then writes, then marks the activities `activityIdsOf` reads from the result.
 *
 * @example
 * const row = await markEvidenceOf(
 *   this.db,
 *   () => this.db.updateTable('cost_line').set(values).where('id', '=', id).returningAll().executeTakeFirst(),
 *   (row) => [row?.activity_id],
 * );
 */
export async function markEvidenceOf<R>(
  trx: Kysely<DB>,
  write: () => Promise<R>,
  activityIdsOf: (result: R) => Iterable<string | null | undefined>,
): Promise<R> {
  markEvidence(trx, []);
  const result = await write();
  markEvidence(trx, activityIdsOf(result));
  return result;
}
