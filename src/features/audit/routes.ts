import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/authentication.ts';
import { problemSchema } from '../../http/problem.ts';
import { auditActorsSchema, auditListSchema, listAuditParams, listAuditQuery } from './schema.ts';
import type { AuditService } from './service.ts';

/** `/workspaces/{workspace}/audit`: who changed what, newest first, filtered (coordinators). */
export function auditRoutes(audit: AuditService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      {
        config: { permission: 'audit.read' },
        schema: {
          tags: ['audit'],
          summary: 'The audit log of the workspace, filtered by who, record type, action and period',
          params: listAuditParams,
          querystring: listAuditQuery,
          response: {
            200: auditListSchema,
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request) => audit.list(actorOf(request), request.query),
    );

    app.get(
      '/audit/actors',
      {
        config: { permission: 'audit.read' },
        schema: {
          tags: ['audit'],
          summary: 'The users who changed something in the workspace (for the audit log’s filter)',
          params: listAuditParams,
          response: {
            200: auditActorsSchema,
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request) => audit.actors(actorOf(request)),
    );
  };
}
