import { type Expression, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';

/**
 * Keyset pagination over any sort key, the same SQL on SQLite and PostgreSQL: rows ordered by
 * (key, id), a page starting strictly after the last row of the previous one. Row values
 * (`(key, id) > (v, i)`) keep it one comparison both engines can answer from an index on
 * (…, key, id).
 */

/** How a list is ordered. */
export interface KeysetOrder {
  /** The sort expression. Never null (coalesce a nullable column): NULLs order differently per engine. */
  key: RawBuilder<unknown>;
  /** The unique tie-breaker, e.g. `sql.ref('organisation.id')`. */
  id: Expression<unknown>;
  desc: boolean;
}

/** The position a page starts after (from the cursor). */
export interface KeysetAfter {
  value: string | number;
  id: string;
}

/** Only the rows after `after` in the order (all rows without it). */
// biome-ignore lint/suspicious/noExplicitAny: any select query, whatever its tables and columns
export function afterPosition<QB extends SelectQueryBuilder<any, any, any>>(
  query: QB,
  order: KeysetOrder,
  after: KeysetAfter | undefined,
): QB {
  if (!after) return query;
  const operator = sql.raw(order.desc ? '<' : '>');
  return query.where(
    sql<boolean>`(${order.key}, ${order.id}) ${operator} (${after.value}, ${after.id})`,
  ) as QB;
}

/** ORDER BY key, id in the order's direction. */
// biome-ignore lint/suspicious/noExplicitAny: any select query, whatever its tables and columns
export function inOrder<QB extends SelectQueryBuilder<any, any, any>>(query: QB, order: KeysetOrder): QB {
  const direction = sql.raw(order.desc ? 'desc' : 'asc');
  return query.orderBy(sql`${order.key} ${direction}`).orderBy(sql`${order.id} ${direction}`) as QB;
}

/** The rows after `after`, in order: both steps of a keyset page. */
// biome-ignore lint/suspicious/noExplicitAny: any select query, whatever its tables and columns
export function keysetPage<QB extends SelectQueryBuilder<any, any, any>>(
  query: QB,
  order: KeysetOrder,
  after: KeysetAfter | undefined,
): QB {
  return inOrder(afterPosition(query, order, after), order);
}
