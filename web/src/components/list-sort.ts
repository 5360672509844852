/**
 * A list's order in the address, as the API takes it: `sort=name` (ascending) or `sort=-name`
 * (descending); absent, the list's default order. Pure, so it is unit-tested.
 */

export type SortDirection = 'ascending' | 'descending' | 'none';

/** The address's `sort` when it names one of the list's keys (an old or edited link drops it). */
export function sortParam<K extends string>(value: unknown, keys: readonly K[]): K | `-${K}` | undefined {
  if (typeof value !== 'string') return undefined;
  const key = value.startsWith('-') ? value.slice(1) : value;
  return (keys as readonly string[]).includes(key) ? (value as K | `-${K}`) : undefined;
}

/** How a column is sorted now (`aria-sort`); `fallback` is the list's order without a `sort`. */
export function sortDirection(sort: string | undefined, key: string, fallback: string): SortDirection {
  const current = sort ?? fallback;
  if (current === key) return 'ascending';
  if (current === `-${key}`) return 'descending';
  return 'none';
}

/**
 * The order after a click on a column: a column not sorted yet sorts ascending (or descending for
 * `descendingFirst`, as dates people want newest first), a sorted one reverses. The list's default
 * order leaves the address (`undefined`), so it stays short.
 */
export function nextSort(
  sort: string | undefined,
  key: string,
  fallback: string,
  descendingFirst = false,
): string | undefined {
  const direction = sortDirection(sort, key, fallback);
  const next =
    direction === 'ascending'
      ? `-${key}`
      : direction === 'descending'
        ? key
        : descendingFirst
          ? `-${key}`
          : key;
  return next === fallback ? undefined : next;
}
