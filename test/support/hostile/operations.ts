/**
 * The operations of the Hub's OpenAPI document, as the hostile-input suite walks them: every
 * method of every path, with its parameters and request body resolved to plain JSON Schema. New
 * routes are covered as soon as they are documented; nothing here names a route.
 */

/** A JSON Schema as the OpenAPI document holds it (after `$ref`s are resolved). */
export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  description?: string;
  $ref?: string;
};

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Parameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: HttpMethod;
  /** The OpenAPI path, e.g. `/api/v1/workspaces/{workspace}/clusters/{id}`. */
  path: string;
  /** `GET /api/v1/…`: how reports and failures name it. */
  key: string;
  /** Path parameters in the order they appear in the path. */
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** The request body per content type (`application/json`, `text/csv`, …); empty without one. */
  bodies: Record<string, JsonSchema>;
  bodyRequired: boolean;
  /** Under `/workspaces/{workspace}`: a member's route, which declares a permission. */
  inWorkspace: boolean;
  mutation: boolean;
}

type OpenApiDocument = {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};
type OpenApiOperation = {
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
};

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Every operation of the document, sorted by path and method (a stable order for seeded runs). */
export function operationsOf(document: unknown): Operation[] {
  const doc = document as OpenApiDocument;
  const resolve = (schema: JsonSchema | undefined): JsonSchema => resolveRefs(schema ?? {}, doc, new Set());
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [lower, op] of Object.entries(methods)) {
      if (!METHODS.has(lower)) continue;
      const method = lower.toUpperCase() as HttpMethod;
      const parameters = op.parameters ?? [];
      const byIn = (where: string) =>
        parameters
          .filter((p) => p.in === where)
          .map((p) => ({ name: p.name, required: p.required === true, schema: resolve(p.schema) }));
      const order = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const pathParams = byIn('path').sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
      const bodies = Object.fromEntries(
        Object.entries(op.requestBody?.content ?? {}).map(([type, media]) => [type, resolve(media.schema)]),
      );
      operations.push({
        method,
        path,
        key: `${method} ${path}`,
        pathParams,
        queryParams: byIn('query'),
        bodies,
        bodyRequired: op.requestBody?.required === true,
        inWorkspace: path.startsWith('/api/v1/workspaces/{workspace}'),
        mutation: method !== 'GET',
      });
    }
  }
  return operations.sort((a, b) => a.key.localeCompare(b.key));
}

/** Inlines `#/components/schemas/…` references (a cycle is cut to `{}`). */
function resolveRefs(schema: JsonSchema, doc: OpenApiDocument, seen: Set<string>): JsonSchema {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.has(name)) return {};
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`unresolved ${schema.$ref}`);
    return resolveRefs(target, doc, new Set([...seen, name]));
  }
  const out: JsonSchema = { ...schema };
  if (schema.items) out.items = resolveRefs(schema.items, doc, seen);
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, resolveRefs(v, doc, seen)]),
    );
  }
  if (typeof schema.additionalProperties === 'object') {
    out.additionalProperties = resolveRefs(schema.additionalProperties, doc, seen);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = schema[key];
    if (list) out[key] = list.map((s) => resolveRefs(s, doc, seen));
  }
  return out;
}
