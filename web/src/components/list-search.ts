/**
 * A list's address parameters as every list page treats them: what narrows the list (a filter)
 * and what only orders or pages it. Pure, so it is unit-tested.
 */

/** The address parameters every list may have. */
export interface ListSearch {
  q?: string;
  sort?: string;
  limit?: number;
}

/** Keys that order or page a list but do not narrow it. */
const NOT_FILTERS = new Set(['sort', 'limit']);

/** Whether anything but the order and page size narrows the list (the "nothing matches" state). */
export function hasFilters(search: object): boolean {
  return Object.entries(search).some(([key, value]) => !NOT_FILTERS.has(key) && value !== undefined);
}

/** The search without its filters: the order and page size stay. */
export function withoutListFilters<S extends ListSearch>(search: S): S {
  const kept: ListSearch = {};
  if (search.sort !== undefined) kept.sort = search.sort;
  if (search.limit !== undefined) kept.limit = search.limit;
  return kept as S;
}

/** `{ ...previous, ...change }` without the keys set to undefined, so the address stays short. */
export function mergeSearch<S extends object>(previous: S, change: Partial<S>): S {
  const next: Record<string, unknown> = { ...previous, ...change };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  return next as S;
}
