/**
 * A query string as the app has always written it (`URLSearchParams`: `q=Merlin+Robotics`), with
 * empty filters left out (`?q=` would search for nothing).
 */
export function querySerializer(query: Record<string, unknown>): string {
  const entries = Object.entries(query).filter(
    ([, value]) => value !== undefined && value !== null && value !== '',
  );
  return new URLSearchParams(entries.map(([name, value]) => [name, String(value)])).toString();
}
