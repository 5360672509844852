import { Huge, RawNumber, RawObject, Ref, TargetVersion, toJson, Verbatim } from './placeholders.ts';
import { JSON_TYPE, type PlannedRequest } from './requests.ts';
import type { Pools } from './targets.ts';
import type { World } from './world.ts';

/**
 * Percent-encodes any string, lone surrogates included: those are written as the bytes a lax
 * encoder would send (WTF-8), which are not UTF-8.
 */
function encodeAny(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    let out = '';
    for (const char of text) {
      const code = char.codePointAt(0) as number;
      if (code >= 0xd800 && code <= 0xdfff) {
        out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join('');
      } else {
        out += encodeURIComponent(char);
      }
    }
    return out;
  }
}

/** A request ready for `inject`, and the text of everything it sent (what an answer may echo). */
export interface Materialised {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  sent: string;
  /** The record the path names, when it names one of A's (for `version`). */
  target?: { table: string; row: Record<string, unknown> };
}

/** Resolves the plan's references against the world as it is now. */
export function materialise(plan: PlannedRequest, world: World, pools: Pools): Materialised {
  const caller = world.callers.get(plan.caller);
  const workspace =
    plan.workspace === 'A' ? world.a.slug : plan.workspace === 'B' ? world.b.slug : plan.workspace;
  let parent: { table: string; id: string; row?: Record<string, unknown> } | undefined;
  let target: Materialised['target'];
  /** The value a reference stands for now, and the record it came from (none: an id of nothing). */
  const lookUp = (ref: Ref, related = parent): { value: string; row?: Record<string, unknown> } => {
    const found =
      ref.side === 'unknown' ? undefined : pools.pick(ref.table, ref.column, ref.side, ref.pick, related);
    if (found) return found;
    const value =
      ref.fallback ??
      (ref.column === 'id'
        ? `019a0000-0000-7000-8000-${String(ref.pick % 1e12).padStart(12, '0')}`
        : `Z${ref.pick % 10}`);
    return { value };
  };
  const resolveRef = (ref: Ref): string => lookUp(ref).value;
  let url = '';
  for (const part of plan.op.path.split('/')) {
    if (part === '') continue;
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (!name) {
      url += `/${part}`;
      continue;
    }
    const value = name === 'workspace' ? workspace : plan.params[name];
    if (value instanceof Ref) {
      const found = lookUp(value);
      url += `/${encodeAny(found.value)}`;
      // The path's last record of A is the request's target; a later parameter is its child.
      target = found.row && value.side === 'A' ? { table: value.table, row: found.row } : undefined;
      parent = found.row ? { table: value.table, id: String(found.row.id), row: found.row } : undefined;
      continue;
    }
    url += `/${
      value instanceof Verbatim
        ? value.text
        : encodeAny(
            value instanceof Huge
              ? value.toString()
              : typeof value === 'string'
                ? value
                : JSON.stringify(value),
          )
    }`;
  }
  /**
   * The references of a body or query resolved, each field of an object after those before it:
   * a person after its organisation is one of that organisation's, a KPI key after an activity
   * one of its instrument's.
   */
  const bind = (value: unknown): unknown => {
    if (value instanceof Ref) return lookUp(value).value;
    if (Array.isArray(value)) return value.map(bind);
    if (value === null || typeof value !== 'object' || value.constructor !== Object) return value;
    let related = parent;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (!(item instanceof Ref)) {
        out[key] = bind(item);
        continue;
      }
      const found = lookUp(item, related);
      out[key] = found.value;
      if (found.row) related = { table: item.table, id: String(found.row.id), row: found.row };
    }
    return out;
  };
  const resolve = (value: unknown): unknown => {
    if (value instanceof Ref) return resolveRef(value);
    if (value instanceof TargetVersion) {
      const version = typeof target?.row.version === 'number' ? target.row.version : 1;
      return value.offset >= 2 ** 31 ? value.offset : version + value.offset;
    }
    return value;
  };
  const queryText = (() => {
    if (plan.query instanceof Verbatim) return plan.query.text;
    const pairs: string[] = [];
    for (const [key, raw] of Object.entries(bind(plan.query) as Record<string, unknown>)) {
      if (raw === undefined) continue;
      for (const item of Array.isArray(raw) ? raw : [raw]) {
        const value = resolve(item);
        const text =
          value instanceof Verbatim
            ? value.text
            : encodeAny(
                value instanceof Huge || value instanceof RawNumber
                  ? String(value instanceof RawNumber ? value.text : value)
                  : typeof value === 'string'
                    ? value
                    : value instanceof RawObject
                      ? toJson(value, resolve)
                      : JSON.stringify(value ?? null),
              );
        pairs.push(`${encodeAny(key)}=${text}`);
      }
    }
    return pairs.join('&');
  })();
  if (queryText) url += `?${queryText}`;

  const headers: Record<string, string> = { ...(caller?.headers ?? {}) };
  let payload: string | Buffer | undefined;
  const body = plan.body;
  if (body.kind === 'json') {
    payload = toJson(bind(body.value), resolve);
    if (body.contentType !== null) headers['content-type'] = body.contentType ?? JSON_TYPE;
  } else if (body.kind === 'text') {
    payload = body.text instanceof Huge ? body.text.toString() : body.text;
    if (body.contentType !== null) headers['content-type'] = body.contentType;
  } else if (body.kind === 'bytes') {
    payload = Buffer.from(body.bytes);
    headers['content-type'] = body.contentType;
  }
  for (const [key, value] of Object.entries(plan.headers)) {
    if (key === 'authorization') delete headers.cookie;
    if (key === 'cookie') delete headers.authorization;
    headers[key] = value;
  }
  const sent = `${url}\n${typeof payload === 'string' ? payload : (payload?.toString('latin1') ?? '')}`;
  return {
    method: plan.method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload }),
    sent,
    ...(target ? { target } : {}),
  };
}
