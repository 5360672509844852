import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { VERSION } from '../version.ts';
import { problemSchema } from './problem.ts';

const healthSchema = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['sqlite', 'postgres']),
    version: z.string(),
  })
  .meta({ id: 'Health' });

/** `GET /api/health`: answers ok only when the database answers a query. */
export function healthRoutes(database: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        schema: {
          tags: ['system'],
          summary: 'Liveness and database check',
          response: { 200: healthSchema, 503: problemSchema },
        },
      },
      async (_request, reply) => {
        try {
          await sql`select 1`.execute(database.db);
        } catch (error) {
          _request.log.error({ err: error }, 'health check: database unreachable');
          return reply.code(503).type('application/problem+json').send({
            type: 'urn:space2id:problem:unavailable',
            title: 'Service unavailable',
            status: 503,
            detail: 'The database does not answer.',
          });
        }
        return { status: 'ok' as const, database: database.kind, version: VERSION };
      },
    );
  };
}
