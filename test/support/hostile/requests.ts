import fc from 'fast-check';
import {
  BROKEN_AUTH,
  BROKEN_CSV,
  BROKEN_FILES,
  BROKEN_JSON,
  BROKEN_PATHS,
  BROKEN_QUERIES,
  CONTENT_TYPES,
} from './broken-inputs.ts';
import { hostileValue, hugeString } from './hostile-values.ts';
import type { Operation } from './operations.ts';
import { Huge, Ref, type Verbatim } from './placeholders.ts';
import { type Context, inDateOrder, pathsOf, setAt, validValue } from './schema-arbitraries.ts';
import { pathParamTarget } from './targets.ts';
import type { CallerName } from './world.ts';

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

export const JSON_TYPE = 'application/json';

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

/** The same parts with every record reference pointed at B's records. */
function toSideB(value: unknown): unknown {
  if (value instanceof Ref) return new Ref(value.table, value.column, 'B', value.pick);
  if (Array.isArray(value)) return value.map(toSideB);
  if (value !== null && typeof value === 'object' && value.constructor === Object) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toSideB(v)]));
  }
  return value;
}
