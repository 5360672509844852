import fc from 'fast-check';
import countries from 'i18n-iso-countries';
import type { JsonSchema } from './operations.ts';
import { Ref, TargetVersion } from './placeholders.ts';
import { fieldTarget, type TableInfo } from './targets.ts';

/**
 * Arbitraries from JSON Schema: `validValue` keeps every constraint the schema states (type,
 * enum, pattern, format, lengths, ranges, required, additionalProperties), so a request built of
 * them reaches the service (`hostile-values.ts` breaks one value of it).
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

export function typesOf(schema: JsonSchema): string[] {
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

export function validObject(schema: JsonSchema, ctx: Context): fc.Arbitrary<unknown> {
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
