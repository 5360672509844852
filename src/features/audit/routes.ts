import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/authentication.ts';
import { problemSchema } from '../../http/problem.ts';
import { auditListSchema, listAuditParams, listAuditQuery } from './schema.ts';
import type { AuditService } from './service.ts';

/** `/workspaces/{workspace}/audit`: who changed what, newest first (coordinators). */
export function auditRoutes(audit: AuditService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      {
        config: { permission: 'audit.read' },
        schema: {
          tags: ['audit'],
          summary: 'The audit log of the workspace',
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
  };
}
