import fc from 'fast-check';
import type { Operation } from './operations.ts';
import { Huge, RawNumber, RawObject, Ref, TargetVersion, toJson, Verbatim } from './placeholders.ts';
import {
  type Context,
  hostileValue,
  hugeString,
  inDateOrder,
  pathsOf,
  setAt,
  validValue,
} from './schema-arbitraries.ts';
import { type Pools, pathParamTarget } from './targets.ts';
import type { CallerName, World } from './world.ts';

/**
 * A request as generated: what it is made of, with references to records still unresolved (the
 * world changes as the run writes). `hostility` says what was made hostile, for reports.
 */
export interface PlannedRequest {
  op: Operation;
  caller: CallerName;
  hostility: string;
  method: string;
  workspace: 'A' | 'B' | string | Verbatim;
  params: Record<string, unknown>;
  query: Record<string, unknown> | Verbatim;
  body: Body;
  /** Headers added to (or replacing) the caller's. */
  headers: Record<string, string>;
}

type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown; contentType?: string | null }
  | { kind: 'text'; text: string | Huge; contentType: string | null }
  | { kind: 'bytes'; bytes: number[]; contentType: string };

const JSON_TYPE = 'application/json';

/** A body the operation would take, and how to send it. */
function validBody(op: Operation, ctx: Context): fc.Arbitrary<Body> {
  const json = op.bodies[JSON_TYPE];
  if (json) return validValue(json, '', ctx).map((value) => ({ kind: 'json' as const, value }));
  const types = Object.keys(op.bodies);
  if (types.length === 0) return fc.constant({ kind: 'none' as const });
  // A file upload: a small CSV with a header row, as the first documented type that is text.
  const text = types.find((t) => t.startsWith('text/')) ?? (types[0] as string);
  return fc
    .array(fc.tuple(fc.string({ maxLength: 12 }), fc.constantFrom('BE', 'FR', 'JP', '')), { maxLength: 5 })
    .map((rows) => ({
      kind: 'text' as const,
      contentType: text,
      text: `Name,Country\n${rows.map(([n, c]) => `"${n.replaceAll('"', '""')}",${c}`).join('\n')}\n`,
    }));
}

function validParams(op: Operation, ctx: Context): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of op.pathParams) {
    if (p.name === 'workspace') continue;
    const target = pathParamTarget(op, p.name, ctx.tables);
    // A key other than an id (a country) falls back to a valid value when no record has one.
    model[p.name] = target
      ? fc
          .tuple(
            fc.nat(),
            target.column === 'id' ? fc.constant(undefined) : validValue(p.schema, p.name, ctx),
          )
          .map(
            ([pick, fallback]) =>
              new Ref(target.table, target.column, 'A', pick, fallback as string | undefined),
          )
      : validValue(p.schema, p.name, ctx);
  }
  return fc.record(model);
}

function validQuery(op: Operation, ctx: Context): fc.Arbitrary<Record<string, unknown>> {
  const model = Object.fromEntries(op.queryParams.map((p) => [p.name, validValue(p.schema, p.name, ctx)]));
  const schemas = Object.fromEntries(op.queryParams.map((p) => [p.name, p.schema]));
  return fc
    .record(model, { requiredKeys: op.queryParams.filter((p) => p.required).map((p) => p.name) })
    .map((query) => inDateOrder(query as Record<string, unknown>, schemas));
}

/** Request bodies no JSON route should take, sent as `application/json`. */
const BROKEN_JSON: (string | Huge)[] = [
  '',
  '{',
  '{"a":',
  '}',
  'null',
  '[]',
  '""',
  '1',
  'true',
  '\ufeff{}',
  '{} trailing',
  '{"a":NaN}',
  "{'a':1}",
  '{/* comment */}',
  '{"a":1,"a":2}',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
  `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
  '\u0000',
  '{"a":"\\u0000"}',
  '{"a":"\\ud800"}',
  '\xff\xfe{',
];

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----hostile',
  'application/xml',
  'application/json; charset=utf-16le',
  'application/json; charset=latin1',
  'APPLICATION/JSON',
  'application/json;;;',
  'application/jsonx',
  'application/vnd.api+json',
  'application/problem+json',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
  '*/*',
  'x'.repeat(2000),
];

const BROKEN_FILES: { bytes: number[]; contentType: string }[] = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0xff, 0xff],
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  {
    bytes: [0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)],
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  { bytes: [0xff, 0xfe, 0x41], contentType: 'text/csv' },
  { bytes: [0xfe, 0xff, 0x00], contentType: 'text/csv' },
  { bytes: [0xef, 0xbb, 0xbf], contentType: 'text/csv' },
  { bytes: [0x00, 0x00, 0x00], contentType: 'text/csv' },
  { bytes: [0xc3, 0x28, 0x2c, 0x0a], contentType: 'text/csv' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], contentType: 'application/vnd.ms-excel' },
];

const BROKEN_CSV: (string | Huge)[] = [
  '',
  '\n\n\n',
  'a,"b\n',
  '"unterminated',
  'Name\n\u0000',
  `Name\n${'x'.repeat(10_001)}\n`,
  `Name\n${'a\n'.repeat(50_001)}`,
  `${'c,'.repeat(5_000)}\n`,
  'Name,Country\n=cmd|" /C calc"!A0,BE\n',
  'Name;Country\r\nA;BE\r',
  new Huge(1_000_001, 'a,'),
];

const BROKEN_PATHS = [
  new Verbatim('%zz'),
  new Verbatim('%'),
  new Verbatim('..'),
  new Verbatim('%2e%2e'),
  new Verbatim('%2F'),
  new Verbatim('a%2Fb'),
  new Verbatim('%00'),
  new Verbatim('%E0%A4%A'),
  new Verbatim('%C0%AF'),
  ' ',
  'x'.repeat(101),
  'x'.repeat(3000),
  '🚀',
  '\u202e',
  "1' or '1'='1",
  '*',
  'null',
  '0',
  '-1',
];

const BROKEN_QUERIES = [
  new Verbatim('%zz'),
  new Verbatim('a=%zz'),
  new Verbatim('=1'),
  new Verbatim('&&&'),
  new Verbatim('limit=1&limit=2'),
  new Verbatim('limit[]=1'),
  new Verbatim('limit[a]=1'),
  new Verbatim('version=1&version=2'),
  new Verbatim('q=%00'),
  new Verbatim(`q=${'x'.repeat(100_000)}`),
  new Verbatim('__proto__[isAdmin]=1'),
  new Verbatim('constructor[prototype][isAdmin]=1'),
];

const BROKEN_AUTH: Record<string, string>[] = [
  { authorization: 'Bearer' },
  { authorization: 'Bearer ' },
  { authorization: 'Bearer x' },
  { authorization: `Bearer ${'x'.repeat(10_000)}` },
  { authorization: 'Basic YWRtaW46YWRtaW4=' },
  { authorization: 'Bearer \u0000' },
  { cookie: 'space2id_session=%zz' },
  { cookie: `space2id_session=${'x'.repeat(5000)}` },
  { cookie: 'space2id_session=; space2id_session=x' },
];

/**
 * The arbitrary of requests to `op` by `caller`: a valid request, or one with one part made
 * hostile (a field, the body's shape or type, its size, a query or path parameter, the workspace,
 * the credentials, the method).
 */
export function requestArbitrary(
  op: Operation,
  caller: CallerName,
  ctx: Context,
): fc.Arbitrary<PlannedRequest> {
  const base = fc.record({
    params: validParams(op, ctx),
    query: validQuery(op, ctx),
    body: validBody(op, ctx),
  });
  const plan = (
    hostility: string,
    parts: { params: Record<string, unknown>; query: Record<string, unknown> | Verbatim; body: Body },
    extra: Partial<PlannedRequest> = {},
  ): PlannedRequest => ({
    op,
    caller,
    hostility,
    method: op.method,
    workspace: 'A',
    headers: {},
    ...parts,
    ...extra,
  });
  const choices: fc.WeightedArbitrary<PlannedRequest>[] = [
    { weight: 3, arbitrary: base.map((parts) => plan('ids of B', toSideB(parts) as typeof parts)) },
  ];
  const json = op.bodies[JSON_TYPE];
  if (json) {
    const paths = pathsOf(json).filter((p) => p.path.length > 0);
    if (paths.length > 0) {
      choices.push({
        weight: 8,
        arbitrary: fc.tuple(base, fc.constantFrom(...paths)).chain(([parts, at]) =>
          hostileValue(at.schema, at.name, ctx).map((value) =>
            plan(`body.${at.path.join('.')}`, {
              ...parts,
              body: { kind: 'json', value: setAt((parts.body as { value: unknown }).value, at.path, value) },
            }),
          ),
        ),
      });
    }
    choices.push(
      {
        weight: 2,
        arbitrary: fc
          .tuple(base, hostileValue(json, '', ctx))
          .map(([parts, value]) => plan('body', { ...parts, body: { kind: 'json', value } })),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(base, fc.constantFrom(...BROKEN_JSON))
          .map(([parts, text]) =>
            plan('body.json', { ...parts, body: { kind: 'text', text, contentType: JSON_TYPE } }),
          ),
      },
      {
        weight: 2,
        arbitrary: fc.tuple(base, fc.constantFrom(...CONTENT_TYPES, null)).map(([parts, contentType]) =>
          plan(`content-type ${contentType?.slice(0, 40)}`, {
            ...parts,
            body: { kind: 'json', value: (parts.body as { value: unknown }).value, contentType },
          }),
        ),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(base, hugeString).map(([parts, huge]) =>
          plan('body.oversized', {
            ...parts,
            body: { kind: 'json', value: { ...(parts.body as { value: object }).value, padding: huge } },
          }),
        ),
      },
    );
  } else if (Object.keys(op.bodies).length > 0) {
    choices.push(
      {
        weight: 6,
        arbitrary: fc
          .tuple(base, fc.constantFrom(...BROKEN_CSV), fc.constantFrom(...Object.keys(op.bodies)))
          .map(([parts, text, contentType]) =>
            plan('file', { ...parts, body: { kind: 'text', text, contentType } }),
          ),
      },
      {
        weight: 3,
        arbitrary: fc
          .tuple(base, fc.constantFrom(...BROKEN_FILES))
          .map(([parts, file]) => plan('file.bytes', { ...parts, body: { kind: 'bytes', ...file } })),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(base, fc.constantFrom(...CONTENT_TYPES, JSON_TYPE, null), fc.uint8Array({ maxLength: 64 }))
          .map(([parts, contentType, bytes]) =>
            plan(`content-type ${contentType?.slice(0, 40)}`, {
              ...parts,
              body: contentType
                ? { kind: 'bytes', bytes: [...bytes], contentType }
                : { kind: 'text', text: 'a,b\n', contentType: null },
            }),
          ),
      },
    );
  } else {
    // A body where none is expected.
    choices.push({
      weight: 1,
      arbitrary: fc
        .tuple(base, fc.constantFrom<unknown>({ a: 1 }, [1], 'x', new Huge(1_000_001)))
        .map(([parts, value]) =>
          plan('body.unexpected', { ...parts, body: { kind: 'json', value, contentType: JSON_TYPE } }),
        ),
    });
  }
  if (op.queryParams.length > 0) {
    choices.push({
      weight: 4,
      arbitrary: fc
        .tuple(base, fc.constantFrom(...op.queryParams))
        .chain(([parts, p]) =>
          fc
            .oneof(
              hostileValue(p.schema, p.name, ctx),
              fc.array(validValue(p.schema, p.name, ctx), { minLength: 2, maxLength: 3 }),
            )
            .map((value) =>
              plan(`query.${p.name}`, { ...parts, query: { ...(parts.query as object), [p.name]: value } }),
            ),
        ),
    });
  }
  choices.push(
    {
      weight: 1,
      arbitrary: fc
        .tuple(base, fc.constantFrom(...BROKEN_QUERIES))
        .map(([parts, query]) => plan('query', { ...parts, query })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(base, fc.string({ minLength: 1, maxLength: 8 }), fc.oneof(fc.string(), hugeString))
        .map(([parts, key, value]) =>
          plan('query.extra', { ...parts, query: { ...(parts.query as object), [key]: value } }),
        ),
    },
  );
  const ids = op.pathParams.filter((p) => p.name !== 'workspace');
  if (ids.length > 0) {
    choices.push({
      weight: 5,
      arbitrary: fc.tuple(base, fc.constantFrom(...ids), fc.nat()).chain(([parts, p, pick]) => {
        const target = pathParamTarget(op, p.name, ctx.tables);
        const other = target
          ? [
              new Ref(target.table, target.column, 'B', pick),
              new Ref(target.table, target.column, 'unknown', pick),
            ]
          : [];
        return fc
          .oneof(fc.constantFrom(...other, ...BROKEN_PATHS), fc.uuid(), hostileValue(p.schema, p.name, ctx))
          .map((value) => plan(`path.${p.name}`, { ...parts, params: { ...parts.params, [p.name]: value } }));
      }),
    });
  }
  if (op.inWorkspace) {
    choices.push({
      weight: 2,
      arbitrary: fc
        .tuple(
          base,
          fc.oneof(
            fc.constantFrom<PlannedRequest['workspace']>('B', 'B', 'nowhere', ...BROKEN_PATHS),
            fc.string({ minLength: 1 }),
          ),
        )
        .map(([parts, workspace]) => plan('workspace', parts, { workspace })),
    });
  }
  choices.push(
    {
      weight: 1,
      arbitrary: fc
        .tuple(base, fc.constantFrom(...BROKEN_AUTH))
        .map(([parts, headers]) => plan('auth', parts, { headers })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          base,
          fc
            .constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD')
            .filter((m) => m !== op.method),
        )
        .map(([parts, method]) => plan('method', parts, { method })),
    },
  );
  // A third of the requests are valid: they reach the use cases, write, and give the hostile ones
  // records to aim at.
  return fc.oneof(
    { weight: 1, arbitrary: base.map((parts) => plan('valid', parts)) },
    { weight: 2, arbitrary: fc.oneof(...choices) },
  );
}

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

/** The same parts with every record reference pointed at B's records. */
function toSideB(value: unknown): unknown {
  if (value instanceof Ref) return new Ref(value.table, value.column, 'B', value.pick);
  if (Array.isArray(value)) return value.map(toSideB);
  if (value !== null && typeof value === 'object' && value.constructor === Object) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toSideB(v)]));
  }
  return value;
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
