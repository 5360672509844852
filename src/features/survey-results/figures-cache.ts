/**
 * The computed figures of recently read waves, each kept with the stamp of the responses it was
 * computed from (decision 0046). A wave's responses are only ever added (never edited; deleted
 * only with the wave), so their count and latest submission time say whether figures are still
 * those of the responses: every read asks the database for that stamp, which keeps several Hub
 * processes, each with its own cache, exact. Least recently used waves leave first.
 */
export class FiguresCache<T> {
  private readonly entries = new Map<string, { stamp: string; value: T }>();

  constructor(private readonly capacity = 32) {}

  /** The figures of `key` if they were computed at `stamp`. */
  get(key: string, stamp: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.stamp !== stamp) return undefined;
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, stamp: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { stamp, value });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}
