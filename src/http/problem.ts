import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isUniqueViolation } from '../db/unique-keys.ts';
import { ForbiddenError } from '../domain/access/policy.ts';
import {
  ConflictError,
  type FieldError,
  InvalidCredentialsError,
  InvalidInputError,
  NotFoundError,
  OperatorOnlyError,
  ServiceUnavailableError,
  TooLargeError,
  TooManyAttemptsError,
  UnauthenticatedError,
  WorkspaceSuspendedError,
} from '../domain/errors.ts';
import { CsrfError } from './authentication.ts';

/**
 * Errors as `application/problem+json` (RFC 9457). Every 4xx names what was wrong; 5xx answers
 * never leak internals (the details go to the log).
 */
export const problemSchema = z
  .object({
    type: z.string().describe('A URI naming the kind of problem'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .describe('One entry per invalid field'),
  })
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;

const PROBLEM_TYPES: Record<number, { type: string; title: string }> = {
  400: { type: 'urn:space2id:problem:invalid-input', title: 'Invalid input' },
  401: { type: 'urn:space2id:problem:unauthenticated', title: 'Not signed in' },
  403: { type: 'urn:space2id:problem:forbidden', title: 'Forbidden' },
  404: { type: 'urn:space2id:problem:not-found', title: 'Not found' },
  405: { type: 'urn:space2id:problem:method-not-allowed', title: 'Method not allowed' },
  409: { type: 'urn:space2id:problem:conflict', title: 'Conflict' },
  413: { type: 'urn:space2id:problem:too-large', title: 'Payload too large' },
  414: { type: 'urn:space2id:problem:uri-too-long', title: 'URI too long' },
  415: { type: 'urn:space2id:problem:unsupported-media-type', title: 'Unsupported media type' },
  423: { type: 'urn:space2id:problem:workspace-suspended', title: 'Workspace suspended' },
  429: { type: 'urn:space2id:problem:too-many-requests', title: 'Too many requests' },
  500: { type: 'urn:space2id:problem:internal', title: 'Internal server error' },
};

export function problem(status: number, detail: string, errors?: FieldError[]): Problem {
  const known = PROBLEM_TYPES[status] ?? { type: 'about:blank', title: `HTTP ${status}` };
  return { ...known, status, detail, ...(errors && errors.length > 0 ? { errors } : {}) };
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
}

/** Fastify error handler: domain errors, schema validation, client errors, then the rest. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const instance = request.url;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = error.validationContext ?? 'request';
    const errors = error.validation.map((issue) => ({
      field: fieldPath(context, issue.instancePath),
      message: issue.message ?? 'is invalid',
    }));
    const names = [...new Set(errors.map((e) => e.field))].join(', ');
    return sendProblem(reply, { ...problem(400, `Invalid ${names}`, errors), instance });
  }
  if (error instanceof NotFoundError) {
    const errors = error.field
      ? [{ field: error.field, message: `is not a ${error.resource} of this workspace` }]
      : undefined;
    return sendProblem(reply, { ...problem(404, error.message, errors), instance });
  }
  if (error instanceof InvalidInputError) {
    return sendProblem(reply, { ...problem(400, error.message, error.errors), instance });
  }
  if (error instanceof UnauthenticatedError || error instanceof InvalidCredentialsError) {
    return sendProblem(reply, { ...problem(401, error.message), instance });
  }
  if (error instanceof ForbiddenError || error instanceof CsrfError || error instanceof OperatorOnlyError) {
    return sendProblem(reply, { ...problem(403, error.message), instance });
  }
  if (error instanceof WorkspaceSuspendedError) {
    return sendProblem(reply, { ...problem(423, error.message), instance });
  }
  if (error instanceof TooLargeError) {
    return sendProblem(reply, { ...problem(413, error.message), instance });
  }
  if (error instanceof ConflictError) {
    return sendProblem(reply, { ...problem(409, error.message), instance });
  }
  if (error instanceof TooManyAttemptsError) {
    reply.header('retry-after', String(error.retryAfterSeconds));
    return sendProblem(reply, { ...problem(429, error.message), instance });
  }
  if (isUniqueViolation(error)) {
    // A check-then-write race lost to a concurrent write (the unique index caught it).
    return sendProblem(reply, {
      ...problem(
        409,
        'Another change saved the same unique value (such as a registration id or an e-mail) at the same time; nothing was written. Reload and try again.',
      ),
      instance,
    });
  }
  if (isForeignKeyViolation(error)) {
    // A check-then-write race: a record this write points at went, or one it removes gained a reference.
    return sendProblem(reply, {
      ...problem(
        409,
        'Another change removed a record this one refers to, or added a reference to a record this one removes, at the same time; nothing was written. Reload and try again.',
      ),
      instance,
    });
  }
  if (error instanceof ServiceUnavailableError) {
    request.log.warn({ err: error.cause }, error.message);
    return sendProblem(reply, { ...problem(503, error.message), instance });
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return sendProblem(reply, { ...problem(status, error.message), instance });
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, {
    ...problem(500, 'The server failed to answer; the error is logged.'),
    instance,
  });
}

/**
 * Fastify's `frameworkErrors`: a URL the router cannot read (a malformed percent-encoding, bytes
 * that are not UTF-8: 400) or with a path segment beyond `maxParamLength` (414) is refused before
 * any route or hook runs; without this Fastify answered them in its own JSON, not as a problem.
 */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const detail = tooLong
    ? 'A segment of the path is too long to be an id or a slug.'
    : 'The URL is not valid: a percent-encoded character is malformed or not UTF-8.';
  reply.header('cache-control', 'no-store');
  return sendProblem(reply, {
    ...problem(tooLong ? 414 : (error.statusCode ?? 400), detail),
    instance: request.url,
  });
}

/** `querystring` + `/phase` → `query.phase`; `body` + `/items/2/name` → `body.items.2.name`. */
function fieldPath(context: string, instancePath: string): string {
  const prefix = context === 'querystring' ? 'query' : context;
  const rest = instancePath.replace(/^\//, '').replaceAll('/', '.');
  return rest ? `${prefix}.${rest}` : prefix;
}

/** A unique index refused a write (kept here for callers of the error mapping; see src/db/unique-keys.ts). */
export { isUniqueViolation };

/** A foreign key refused a write: SQLite (better-sqlite3) or PostgreSQL (SQLSTATE 23503). */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}
