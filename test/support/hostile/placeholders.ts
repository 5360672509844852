/**
 * Values a generated request holds until it is sent: references to the world's records (which
 * change as the run writes), strings too big to keep in every sample, and JSON that
 * `JSON.stringify` cannot write (numbers beyond a double, `__proto__` keys).
 */

/** Which records a reference picks from: A's (the callers'), B's (another workspace's), or none. */
export type Side = 'A' | 'B' | 'unknown';

/**
 * A value of `table.column` from a record of `side`, chosen by `pick` among those there are;
 * `fallback` when there is none (else an id of nothing).
 */
export class Ref {
  constructor(
    readonly table: string,
    readonly column: string,
    readonly side: Side,
    readonly pick: number,
    readonly fallback?: string,
  ) {}
}

/** `length` characters of `unit`, materialised only when the request is sent (~1 MB strings). */
export class Huge {
  constructor(
    readonly length: number,
    readonly unit = 'a',
  ) {}
  toString(): string {
    return this.unit.repeat(Math.ceil(this.length / this.unit.length)).slice(0, this.length);
  }
}

/** The version of the request's target record, plus `offset` (0: current, -1: stale, 1: future). */
export class TargetVersion {
  constructor(readonly offset: number) {}
}

/** A JSON number written as is (`1e400`, `-0`, `123456789012345678901234567890`). */
export class RawNumber {
  constructor(readonly text: string) {}
}

/** A JSON object whose keys may include `__proto__` or `constructor` as own keys. */
export class RawObject {
  constructor(readonly entries: [string, unknown][]) {}
}

/** A path or query part sent exactly as written (no percent-encoding): `%zz`, `..`, `%2F`. */
export class Verbatim {
  constructor(readonly text: string) {}
}

/** Writes JSON like `JSON.stringify`, and the placeholders above as the text they stand for. */
export function toJson(value: unknown, resolve: (value: unknown) => unknown): string {
  const parts: string[] = [];
  const write = (v: unknown): void => {
    const resolved = resolve(v);
    if (resolved instanceof RawNumber) {
      parts.push(resolved.text);
    } else if (resolved instanceof Huge) {
      parts.push(JSON.stringify(resolved.toString()));
    } else if (resolved instanceof RawObject) {
      parts.push('{');
      resolved.entries.forEach(([k, item], i) => {
        if (i > 0) parts.push(',');
        parts.push(JSON.stringify(k), ':');
        write(item);
      });
      parts.push('}');
    } else if (Array.isArray(resolved)) {
      parts.push('[');
      resolved.forEach((item, i) => {
        if (i > 0) parts.push(',');
        write(item === undefined ? null : item);
      });
      parts.push(']');
    } else if (resolved !== null && typeof resolved === 'object') {
      parts.push('{');
      let first = true;
      for (const [k, item] of Object.entries(resolved)) {
        if (item === undefined) continue;
        if (!first) parts.push(',');
        first = false;
        parts.push(JSON.stringify(k), ':');
        write(item);
      }
      parts.push('}');
    } else {
      parts.push(JSON.stringify(resolved) ?? 'null');
    }
  };
  write(value);
  return parts.join('');
}
