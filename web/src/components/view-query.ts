/**
 * A list's address parameters as a saved view keeps them: text values only, the empty ones left
 * out. Pure, so it is unit-tested.
 */

/** `{ q: 'orbit', limit: 50, segment: undefined }` → `{ limit: '50', q: 'orbit' }`. */
export function viewQueryOf(search: Record<string, unknown>): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of Object.keys(search).sort()) {
    const value = search[key];
    if (value === undefined || value === null || value === '') continue;
    query[key] = typeof value === 'string' ? value : String(value);
  }
  return query;
}

/** Whether two saved queries hold the same parameters (in any order). */
export function sameViewQuery(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
