import fc from 'fast-check';
import type { JsonSchema } from './operations.ts';
import { Huge, RawNumber, RawObject, Ref, TargetVersion } from './placeholders.ts';
import { type Context, typesOf, validObject, validValue } from './schema-arbitraries.ts';
import { fieldTarget } from './targets.ts';

/**
 * `hostileValue` breaks one value of a request in a way its JSON Schema or the database may not
 * expect: beyond its limits, of another type, malformed, an id of another workspace or of
 * nothing, ~1 MB, nested too deep, a prototype's name as a key.
 */

/** Strings no schema should let through unchanged, or that the database may choke on. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u0003\u001f\u007f',
  '\t\r\n',
  '\u2028\u2029',
  '\ud800',
  '\udfff\ud800',
  '\u202eevil',
  '\ufeff',
  '\u200b',
  'é'.normalize('NFD'),
  '🚀'.repeat(3),
  "' OR '1'='1",
  "'; drop table cluster; --",
  '%',
  '_',
  '\\',
  '%_\\%',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  `\${7*7}`,
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-Infinity',
  'true',
  '0',
  '-1',
  '1e309',
  '0x10',
  ' 1',
  '1 ',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '1899-12-31',
  '2200-01-01',
  '99999-01-01',
  '2025-02-29',
  '2026-1-1',
  '2026-01-01T00:00:00Z',
  '-001-01-01',
  'UK',
  'EU',
  'XX',
  'ZZ',
  'be',
  'javascript:alert(1)',
  'http://',
  'mailto:a@b',
  'a@',
  '@b.c',
  'constructor',
  '__proto__',
];

/** Numbers beyond any range a field has, and floats where integers go. */
const NASTY_NUMBERS: unknown[] = [
  -1,
  0,
  -0.5,
  0.5,
  1.5,
  0.001,
  0.1 + 0.2,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 32,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  new RawNumber('1e400'),
  new RawNumber('-1e400'),
  new RawNumber('-0'),
  new RawNumber('123456789012345678901234567890'),
  new RawNumber('1.00000000000000000000001'),
  new RawNumber('1E2'),
];

/** Values of the wrong JSON type for anything. */
const WRONG_TYPES: unknown[] = [null, true, false, 0, 1, '1', 'x', [], [1], {}, { a: 1 }, [[[]]]];

/** An array nested `levels` deep, around `inner`. */
function nested(levels: number, inner: unknown = 1): unknown {
  let value: unknown = inner;
  for (let i = 0; i < levels; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

/** Keys that name a prototype: stored as own keys, they must change nothing. */
const prototypeKeys = fc
  .constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString')
  .map((key) => new RawObject([[key, { polluted: true, isAdmin: true }]]));

export const hugeString = fc.constantFrom(
  new Huge(1_000_001),
  new Huge(1_048_577, 'é'),
  new Huge(100_001, '🚀'),
  new Huge(70_000, '\u0001'),
);

/**
 * One hostile value for a field of `schema` named `name`: beyond its limits, of another type,
 * malformed for its pattern, an id of another workspace or of nothing, ~1 MB, nested too deep.
 */
export function hostileValue(schema: JsonSchema, name: string, ctx: Context): fc.Arbitrary<unknown> {
  const types = typesOf(schema);
  const options: fc.Arbitrary<unknown>[] = [
    fc.constantFrom(...WRONG_TYPES),
    fc.constantFrom(...NASTY_STRINGS),
    fc.constantFrom(...NASTY_NUMBERS),
    hugeString,
    fc.integer({ min: 33, max: 40 }).map((levels) => nested(levels)),
    prototypeKeys,
  ];
  const target = fieldTarget(name, ctx.tables, schema.description);
  if (target) {
    options.push(
      fc.nat().map((pick) => new Ref(target.table, target.column, 'B', pick)),
      fc.nat().map((pick) => new Ref(target.table, target.column, 'B', pick)),
      fc.uuid(),
      fc.constantFrom(`${'9'.repeat(100)}`, `${'a'.repeat(101)}`, '0', "1' or '1'='1", '%', '*', '.'),
    );
  }
  if (types.includes('string')) options.push(...hostileStrings(schema));
  if (types.includes('integer') || types.includes('number')) options.push(...hostileNumbers(schema, name));
  if (types.includes('array')) options.push(...hostileArrays(schema, name, ctx));
  if (types.includes('object')) options.push(...hostileObjects(schema, ctx));
  for (const branch of schema.anyOf ?? schema.oneOf ?? []) {
    if (branch.type !== 'null') options.push(hostileValue(branch, name, ctx));
  }
  return fc.oneof(...options);
}

function hostileStrings(schema: JsonSchema): fc.Arbitrary<unknown>[] {
  const out: fc.Arbitrary<unknown>[] = [];
  if (schema.maxLength !== undefined) {
    const max = schema.maxLength;
    out.push(
      fc.constantFrom('x', 'é', '🚀', '\u0301').map((unit) => unit.repeat(max + 1)),
      // Within the limit in code points, beyond it in UTF-16 units or bytes.
      fc.constant('🚀'.repeat(Math.max(1, Math.ceil(max / 2)))),
      fc.constant('x'.repeat(max * 4 + 1)),
    );
  }
  if (schema.minLength) out.push(fc.constant('x'.repeat(schema.minLength - 1)));
  if (schema.pattern) {
    out.push(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('2026-02-29', '2026-04-31', '1900-01-01', '2199-12-31', '1899-12-31', '2200-01-01'),
    );
  }
  out.push(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.string({
      unit: fc.constantFrom('\u0000', '\u0008', '\u001b', '\u007f', '\u0085', '\ufffe', 'a'),
      maxLength: 20,
    }),
  );
  return out;
}

function hostileNumbers(schema: JsonSchema, name: string): fc.Arbitrary<unknown>[] {
  const out: fc.Arbitrary<unknown>[] = [fc.constantFrom(...NASTY_NUMBERS), fc.double()];
  if (schema.minimum !== undefined)
    out.push(fc.constant(schema.minimum - 1), fc.constant(schema.minimum - 0.01));
  if (schema.maximum !== undefined)
    out.push(fc.constant(schema.maximum + 1), fc.constant(schema.maximum + 0.01));
  if (schema.multipleOf) out.push(fc.constant(schema.multipleOf / 3));
  if (name === 'version') {
    out.push(fc.constantFrom(new TargetVersion(-1), new TargetVersion(1), new TargetVersion(2 ** 31)));
  }
  out.push(fc.constantFrom('1', '1.5', 'NaN', 'Infinity', '', ' 12 ', '1e3', '12abc'));
  return out;
}

function hostileArrays(schema: JsonSchema, name: string, ctx: Context): fc.Arbitrary<unknown>[] {
  const items = schema.items ?? {};
  const max = schema.maxItems;
  const out: fc.Arbitrary<unknown>[] = [
    fc.array(hostileValue(items, name, ctx), { minLength: 1, maxLength: 3 }),
    fc.constant(Array.from({ length: 10_000 }, () => 1)),
  ];
  if (max !== undefined && max <= 1000) {
    out.push(validValue(items, name, ctx).map((item) => Array.from({ length: max + 1 }, () => item)));
  }
  if (schema.minItems) out.push(fc.constant([]));
  return out;
}

function hostileObjects(schema: JsonSchema, ctx: Context): fc.Arbitrary<unknown>[] {
  const required = schema.required ?? [];
  const out: fc.Arbitrary<unknown>[] = [prototypeKeys];
  if (required.length > 0) {
    out.push(
      fc
        .tuple(validObject(schema, ctx), fc.constantFrom(...required))
        .map(([value, missing]) => omit(value as Record<string, unknown>, missing)),
    );
  }
  out.push(
    fc
      .tuple(
        validObject(schema, ctx),
        fc.constantFrom('extra', 'id', 'workspaceId', 'version', 'createdAt', 'role'),
      )
      .map(([value, key]) => ({ ...(value as object), [key]: 'injected' })),
  );
  return out;
}

function omit(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _removed, ...rest } = value;
  return rest;
}
