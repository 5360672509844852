import { type DialectAdapter, PostgresAdapter } from 'kysely';

/**
 * The few places where SQLite and PostgreSQL need different SQL ask here, so every query keeps one
 * code path and a difference is a named capability rather than a second copy of the query.
 */

/**
 * True when the database can lock the rows a select reads and skip rows others locked
 * (`FOR UPDATE SKIP LOCKED`, PostgreSQL). SQLite has no row locks: it serialises writers, so a
 * single conditional statement is already atomic there.
 *
 * @example
 * let query = db.selectFrom('job').select('id').where('status', '=', 'queued').limit(1);
 * if (locksRows(db)) query = query.forUpdate().skipLocked();
 */
export function locksRows(db: { getExecutor(): { readonly adapter: DialectAdapter } }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
