import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { pendingMigrations } from '../db/migrate.ts';
import { VERSION } from '../version.ts';
import { problemSchema } from './problem.ts';

const readinessSchema = z
  .object({
    status: z.literal('ready'),
    database: z.enum(['sqlite', 'postgres']),
    version: z.string(),
  })
  .meta({ id: 'Readiness' });

function unavailable(detail: string) {
  return {
    type: 'urn:space2id:problem:unavailable',
    title: 'Service unavailable',
    status: 503,
    detail,
  };
}

const healthSchema = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['sqlite', 'postgres']),
    version: z.string(),
  })
  .meta({ id: 'Health' });

/**
 * `GET /api/health` (liveness: cheap, one `select 1`) and `GET /api/health/ready` (readiness: the
 * database answers and every migration of this build has run; a load balancer sends traffic only
 * then, e.g. while another process is still migrating).
 */
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
          return reply
            .code(503)
            .type('application/problem+json')
            .send(unavailable('The database does not answer.'));
        }
        return { status: 'ok' as const, database: database.kind, version: VERSION };
      },
    );

    app.get(
      '/health/ready',
      {
        schema: {
          tags: ['system'],
          summary: 'Readiness: the database answers and its schema is current',
          response: { 200: readinessSchema, 503: problemSchema },
        },
      },
      async (request, reply) => {
        let pending: string[];
        try {
          pending = await pendingMigrations(database.db);
        } catch (error) {
          request.log.error({ err: error }, 'readiness check: database unreachable');
          return reply
            .code(503)
            .type('application/problem+json')
            .send(unavailable('The database does not answer.'));
        }
        if (pending.length > 0) {
          return reply
            .code(503)
            .type('application/problem+json')
            .send(
              unavailable(
                `The database schema is not current: ${pending.length} migration(s) to run (${pending.join(', ')}).`,
              ),
            );
        }
        return { status: 'ready' as const, database: database.kind, version: VERSION };
      },
    );
  };
}
