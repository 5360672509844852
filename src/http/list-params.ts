import { z } from 'zod';
import { InvalidInputError } from '../domain/errors.ts';

/**
 * What every sorted, paged list shares: the `sort` parameter (`sort=name`, `sort=-updatedAt`),
 * the opaque cursor and the page it yields. The cursor carries the order it was made for, the
 * last row's sort value and its id, so the next page continues after exactly that row (keyset
 * pagination: a row added or removed meanwhile never shifts the pages).
 */

/** A sort value as the cursor keeps it (text or a count). */
export type SortValue = string | number;

/** The row a page starts after: its sort value and id (the tie-breaker). */
export interface KeysetPosition {
  value: SortValue;
  id: string;
}

/** A list's order: a key of the list and its direction. */
export interface ListOrder<K extends string = string> {
  key: K;
  desc: boolean;
}

/**
 * `?sort=`: one of the list's keys, ascending, or with a leading `-`, descending.
 *
 * @example
 * sortField(['name', 'createdAt'], 'createdAt') // accepts name, -name, createdAt, -createdAt
 */
export function sortField<const K extends string>(keys: readonly K[], fallback: K | `-${K}`) {
  type Sort = K | `-${K}`;
  const options = keys.flatMap((key) => [key, `-${key}`]) as [Sort, ...Sort[]];
  return z
    .enum(options)
    .default(fallback as never)
    .describe(
      `The order: ${keys.join(', ')}; a leading "-" reverses it (default ${fallback}). Rows with the same value follow in id order.`,
    );
}

/** `-name` → `{ key: 'name', desc: true }`. */
export function parseSort<K extends string>(sort: K | `-${K}`): ListOrder<K> {
  return sort.startsWith('-') ? { key: sort.slice(1) as K, desc: true } : { key: sort as K, desc: false };
}

/** `?cursor=`: the `nextCursor` of the previous page, sent back as it is. */
export const cursorField = z
  .string()
  .max(1000)
  .refine(
    (text) => decodeCursor(text) !== null,
    'is not a cursor of this list (send nextCursor back as it is)',
  )
  .optional()
  .describe('nextCursor of the previous page, with the same sort');

/** `total` of a list answer. */
export const totalField = z.number().int().describe('How many rows match the filters, on all pages together');

export function encodeCursor(sort: string, position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([sort, position.value, position.id])).toString('base64url');
}

/** The cursor's order and position, or null when the text is not a cursor. */
export function decodeCursor(text: string): ({ sort: string } & KeysetPosition) | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return null;
  const [sort, value, id] = parsed as unknown[];
  const validValue = typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
  if (typeof sort !== 'string' || !validValue || typeof id !== 'string' || id === '' || id.length > 100) {
    return null;
  }
  return { sort, value: value as SortValue, id };
}

/**
 * Where the page starts for `cursor` under `sort`; 400 naming `query.cursor` when the cursor was
 * made for another order (the client changed the sort but kept the old cursor).
 */
export function cursorPosition(cursor: string | undefined, sort: string): KeysetPosition | undefined {
  if (cursor === undefined) return undefined;
  const decoded = decodeCursor(cursor);
  if (!decoded) {
    throw new InvalidInputError('The cursor is not one of this list', [
      { field: 'query.cursor', message: 'is not a cursor of this list (send nextCursor back as it is)' },
    ]);
  }
  if (decoded.sort !== sort) {
    throw new InvalidInputError(
      'The cursor belongs to another order of the list: start from the first page',
      [{ field: 'query.cursor', message: `was made for sort=${decoded.sort}, not sort=${sort}` }],
    );
  }
  return { value: decoded.value, id: decoded.id };
}

/**
 * One page out of `limit + 1` rows read: the first `limit`, and the cursor after the last of
 * them when there are more.
 */
export function pageOf<R extends { id: string; sort_value: unknown }>(
  rows: R[],
  limit: number,
  sort: string,
): { rows: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor:
      rows.length > limit && last
        ? encodeCursor(sort, { value: sortValueOf(last.sort_value), id: last.id })
        : null,
  };
}

/** A sort value read from the database: counts come back as numbers or numeric text (bigint). */
function sortValueOf(value: unknown): SortValue {
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return Number(value);
  return String(value ?? '');
}
