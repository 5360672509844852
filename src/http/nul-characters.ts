import type { FastifyInstance } from 'fastify';
import { InvalidInputError } from '../domain/errors.ts';

/**
 * How deep a request's JSON may nest. No Hub schema goes past a handful of levels; refusing deeper
 * input before any walk keeps a 10,000-level body from exhausting the stack (a 400, not a 500).
 */
export const MAX_JSON_DEPTH = 32;

/** What a walk over a request part found: the path of the first NUL, or that it nests too deep. */
type Finding = { kind: 'nul'; path: string } | { kind: 'too-deep'; path: string } | undefined;

/**
 * Walks `value` without recursion (an explicit stack), depth first in key order, and stops at the
 * first string holding a NUL character or the first value nested deeper than `maxDepth`.
 */
function inspect(value: unknown, maxDepth: number): Finding {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof item.value === 'string') {
      if (item.value.includes('\u0000')) return { kind: 'nul', path: item.path };
      continue;
    }
    // Uploaded files arrive as bytes: they are read by their own parsers, not walked here.
    if (item.value === null || typeof item.value !== 'object' || ArrayBuffer.isView(item.value)) continue;
    if (item.depth >= maxDepth) return { kind: 'too-deep', path: item.path };
    const entries = Object.entries(item.value as object);
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [key, child] = entries[i] as [string, unknown];
      stack.push({ value: child, path: item.path ? `${item.path}.${key}` : key, depth: item.depth + 1 });
    }
  }
  return undefined;
}

/** The path of the first string holding a NUL character, e.g. `rows.3.name`; undefined if none. */
export function findNulCharacter(value: unknown): string | undefined {
  const found = inspect(value, Number.POSITIVE_INFINITY);
  return found?.kind === 'nul' ? found.path : undefined;
}

function refuse(part: string, found: NonNullable<Finding>): never {
  const field = found.path ? `${part}.${found.path}` : part;
  if (found.kind === 'nul') {
    throw new InvalidInputError(`Invalid ${field}: it contains a NUL character`, [
      { field, message: 'must not contain a NUL character' },
    ]);
  }
  throw new InvalidInputError(`Invalid ${part}: it nests deeper than ${MAX_JSON_DEPTH} levels`, [
    { field, message: `must not nest deeper than ${MAX_JSON_DEPTH} levels` },
  ]);
}

/**
 * PostgreSQL text cannot hold NUL (U+0000) and SQLite's text functions stop at it, so no request
 * may carry one, in its path, query or body: a 400 naming the field, before anything reads it.
 * The path and query are checked as soon as the route is known (before the workspace is looked
 * up), the body once it is parsed; both before validation, which would otherwise walk a body of
 * any depth.
 */
export function rejectNulCharacters(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    for (const [part, value] of [
      ['params', request.params],
      ['query', request.query],
    ] as const) {
      const found = inspect(value, MAX_JSON_DEPTH);
      if (found) refuse(part, found);
    }
  });
  app.addHook('preValidation', async (request) => {
    const found = inspect(request.body, MAX_JSON_DEPTH);
    if (found) refuse('body', found);
  });
}
