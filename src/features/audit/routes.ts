import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { requireAccess } from '../../domain/access/policy.ts';
import { actorOf } from '../../http/authentication.ts';
import { problemSchema } from '../../http/problem.ts';
import { AuditRepository } from './repository.ts';

const auditEventSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.string().nullable().describe('E-mail of the user who made the change'),
    action: z.enum(['create', 'update', 'delete']),
    entityType: z.string(),
    entityId: z.string(),
    changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).describe('field → [before, after]'),
  })
  .meta({ id: 'AuditEvent' });

/** `/workspaces/{workspace}/audit`: who changed what, newest first (coordinators). */
export function auditRoutes(database: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      {
        config: { permission: 'audit.read' },
        schema: {
          tags: ['audit'],
          summary: 'The audit log of the workspace',
          params: z.object({ workspace: z.string().min(1).max(100) }),
          querystring: z.object({
            entityId: z.string().max(100).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
            cursor: z.string().max(100).optional(),
          }),
          response: {
            200: z.object({ items: z.array(auditEventSchema), nextCursor: z.string().nullable() }),
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        requireAccess(actor, 'audit.read');
        const { limit, cursor, entityId } = request.query;
        const rows = await new AuditRepository(database.db).list(actor.workspaceId, {
          limit: limit + 1,
          ...(cursor ? { before: cursor } : {}),
          ...(entityId ? { entityId } : {}),
        });
        const page = rows.slice(0, limit);
        return {
          items: page.map((row) => ({
            id: row.id,
            at: row.created_at,
            actor: row.actor_email,
            action: row.action as 'create' | 'update' | 'delete',
            entityType: row.entity_type,
            entityId: row.entity_id,
            changes: JSON.parse(row.changes),
          })),
          nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
        };
      },
    );
  };
}
