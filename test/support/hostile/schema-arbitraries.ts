import fc from 'fast-check';
import countries from 'i18n-iso-countries';
import type { JsonSchema } from './operations.ts';
import { Huge, RawNumber, RawObject, Ref, TargetVersion } from './placeholders.ts';
import { fieldTarget, type TableInfo } from './targets.ts';

/**
 * Arbitraries from JSON Schema: `validValue` keeps every constraint the schema states (type,
 * enum, pattern, format, lengths, ranges, required, additionalProperties), so a request built of
 * them reaches the service; `hostileValue` breaks exactly one value in a way the schema or the
 * database may not expect.
 */

const COUNTRIES = Object.keys(countries.getAlpha2Codes()).filter((c) => !['UK', 'EU', 'EL'].includes(c));
const DATE = /^\^\\d\{4\}-\\d\{2\}-\\d\{2\}\$$/;
const COUNTRY = '^[A-Z]{2}$';
/** `^[A-Z]{2}(,[A-Z]{2}){0,49}$`: a comma-separated list of countries. */
const COUNTRY_LIST = /^\^\[A-Z\]\{2\}\(,\[A-Z\]\{2\}\)\{0,\d+\}\$$/;

/** How a value is named (its field or parameter) and what the tables are, for id-like fields. */
export interface Context {
  tables: TableInfo[];
}

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.enum) return [typeof schema.enum[0]];
  return [];
}

/** A calendar day of 2025–2027 (mostly inside a plan of 2026). */
const validDate = fc
  .record({
    year: fc.constantFrom(2026, 2026, 2025, 2027),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

/** A value the schema accepts; id-like fields refer to A's records, `version` to the target's. */
export function validValue(schema: JsonSchema, name: string, ctx: Context): fc.Arbitrary<unknown> {
  if (schema.anyOf || schema.oneOf) {
    const branches = (schema.anyOf ?? schema.oneOf ?? []).map((s) => validValue(s, name, ctx));
    const nonNull = (schema.anyOf ?? schema.oneOf ?? []).filter((s) => s.type !== 'null');
    // null where allowed, but mostly a value.
    return nonNull.length < branches.length
      ? fc.oneof(
          { weight: 4, arbitrary: fc.oneof(...nonNull.map((s) => validValue(s, name, ctx))) },
          { weight: 1, arbitrary: fc.constant(null) },
        )
      : fc.oneof(...branches);
  }
  if (schema.allOf?.[0]) return validValue(schema.allOf[0], name, ctx);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const types = typesOf(schema);
  if (types.length > 1) return fc.oneof(...types.map((type) => validValue({ ...schema, type }, name, ctx)));
  switch (types[0]) {
    case 'string':
      return validString(schema, name, ctx);
    case 'integer':
      if (name === 'version') return fc.constant(new TargetVersion(0));
      return fc.integer({
        min: Math.max(schema.minimum ?? 0, -1000),
        max: Math.min(schema.maximum ?? 1000, 1000),
      });
    case 'number': {
      const min = Math.max(schema.minimum ?? 0, -1_000_000);
      const max = Math.min(schema.maximum ?? 10_000, 1_000_000);
      if (schema.multipleOf === 0.01) {
        return fc.integer({ min: Math.ceil(min * 100), max: Math.floor(max * 100) }).map((c) => c / 100);
      }
      return fc.oneof(
        fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
        fc.double({ min, max, noNaN: true }),
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 3, 3));
      // Distinct items: lists of segments or countries must not repeat a value.
      return fc.uniqueArray(validValue(schema.items ?? {}, name, ctx), {
        minLength,
        maxLength,
        selector: (item) => JSON.stringify(item),
      });
    }
    case 'object':
      return validObject(schema, ctx);
    default:
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean());
  }
}

function validObject(schema: JsonSchema, ctx: Context): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, validValue(s, k, ctx)]));
  return fc
    .record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) })
    .map((value) => inDateOrder(value as Record<string, unknown>, properties));
}

/**
 * The object with its date fields in the order they are declared (`startsOn` before `endsOn`,
 * `from` before `to`): a period that ends before it starts is refused, which tests little.
 */
export function inDateOrder(value: Record<string, unknown>, properties: Record<string, JsonSchema>) {
  const isDate = (s: JsonSchema | undefined): boolean =>
    !!s && ((s.pattern !== undefined && DATE.test(s.pattern)) || (s.anyOf ?? []).some(isDate));
  const keys = Object.keys(properties).filter((k) => isDate(properties[k]) && typeof value[k] === 'string');
  const sorted = keys.map((k) => value[k] as string).sort();
  const out = { ...value };
  keys.forEach((k, i) => {
    out[k] = sorted[i];
  });
  return out;
}

function validString(schema: JsonSchema, name: string, ctx: Context): fc.Arbitrary<unknown> {
  const target = fieldTarget(name, ctx.tables, schema.description);
  if (target) return fc.nat().map((pick) => new Ref(target.table, target.column, 'A', pick));
  if (schema.pattern === COUNTRY) return fc.constantFrom(...COUNTRIES);
  if (schema.pattern && COUNTRY_LIST.test(schema.pattern)) {
    return fc
      .uniqueArray(fc.constantFrom(...COUNTRIES), { minLength: 1, maxLength: 5 })
      .map((c) => c.join(','));
  }
  if (schema.pattern && DATE.test(schema.pattern)) return validDate;
  if (schema.format === 'email' || /email/i.test(name)) {
    return fc
      .tuple(fc.stringMatching(/^[a-z]{1,12}$/), fc.nat(99_999))
      .map(([n, i]) => `${n}.${i}@example.org`);
  }
  if (schema.format === 'uri')
    return fc.stringMatching(/^[a-z]{1,10}$/).map((p) => `https://example.org/${p}`);
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 40));
  if (schema.pattern) {
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY));
  }
  return fc
    .oneof(
      { weight: 3, arbitrary: fc.string({ minLength, maxLength, unit: 'grapheme-ascii' }) },
      { weight: 1, arbitrary: fc.string({ minLength, maxLength, unit: 'grapheme' }) },
    )
    .filter((s) => s.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY));
}

// ---------------------------------------------------------------------------------------------
// Hostile values

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

/** Every path to a value in `schema` (`[]` is the whole), with the schema there and its name. */
export function pathsOf(
  schema: JsonSchema,
  name = '',
): { path: (string | number)[]; schema: JsonSchema; name: string }[] {
  const out: { path: (string | number)[]; schema: JsonSchema; name: string }[] = [{ path: [], schema, name }];
  const branches = [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  for (const branch of branches) {
    for (const [key, child] of Object.entries(branch.properties ?? {})) {
      for (const sub of pathsOf(child, key)) out.push({ ...sub, path: [key, ...sub.path] });
    }
    if (branch.items) {
      for (const sub of pathsOf(branch.items, name)) out.push({ ...sub, path: [0, ...sub.path] });
    }
  }
  return out;
}

/** `value` with the value at `path` replaced (containers created on the way when missing). */
export function setAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (typeof head === 'number') {
    const array = Array.isArray(value) ? [...value] : [];
    array[head] = setAt(array[head] ?? (typeof rest[0] === 'number' ? [] : {}), rest, replacement);
    return array;
  }
  const object =
    value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...(value as object) } : {};
  const record = object as Record<string, unknown>;
  record[head] = setAt(record[head] ?? (typeof rest[0] === 'number' ? [] : {}), rest, replacement);
  return record;
}
