import type { FastifyInstance } from 'fastify';
import { InvalidInputError } from '../domain/errors.ts';

/** Whether any string inside `value` holds a NUL character (no allocation: runs on every request). */
function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value) if (hasNul(item)) return true;
    return false;
  }
  for (const key in value) if (hasNul((value as Record<string, unknown>)[key])) return true;
  return false;
}

/** The path of the first string holding a NUL character, e.g. `rows.3.name`; undefined if none. */
export function findNulCharacter(value: unknown, path = ''): string | undefined {
  if (!hasNul(value)) return undefined;
  if (typeof value === 'string') return path;
  for (const [key, item] of Object.entries(value as object)) {
    if (hasNul(item)) return findNulCharacter(item, path ? `${path}.${key}` : key);
  }
  return undefined;
}

/**
 * PostgreSQL text cannot hold NUL (U+0000) and SQLite's text functions stop at it, so no request
 * may carry one, in its body, query or path: a 400 naming the field, before any use case runs.
 */
export function rejectNulCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['params', request.params],
      ['query', request.query],
      ['body', request.body],
    ] as const) {
      const found = findNulCharacter(value);
      if (found === undefined) continue;
      const field = found ? `${part}.${found}` : part;
      throw new InvalidInputError(`Invalid ${field}: it contains a NUL character`, [
        { field, message: 'must not contain a NUL character' },
      ]);
    }
  });
}
