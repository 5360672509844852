import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Authenticator, authenticate, authOf } from '../../http/authentication.ts';
import { problemSchema } from '../../http/problem.ts';
import type { OperatorService } from './operator-service.ts';
import {
  createdWorkspaceResponse,
  createWorkspaceBody,
  deleteWorkspaceBody,
  deletionStartedResponse,
  operatorWorkspaceParams,
  operatorWorkspaceSchema,
  updateWorkspaceBody,
} from './schema.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** `/operator/workspaces…`: the instance operator's view of the workspaces (403 for anyone else). */
export function operatorRoutes(operator: OperatorService, auth: Authenticator): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRequest', authenticate(auth));

    app.get(
      '/operator/workspaces',
      {
        schema: {
          tags: ['operator'],
          summary: 'Every workspace: name, slug, status, sizes and coordinators (never its content)',
          response: { 200: z.object({ items: z.array(operatorWorkspaceSchema) }), ...errors },
        },
      },
      async (request) => ({ items: await operator.list(authOf(request).user.id) }),
    );

    app.post(
      '/operator/workspaces',
      {
        schema: {
          tags: ['operator'],
          summary: 'Create a workspace pending its coordinator; the set-up link is answered and mailed',
          body: createWorkspaceBody,
          response: { 201: createdWorkspaceResponse, ...errors, 409: problemSchema },
        },
      },
      async (request, reply) => {
        const { workspace, link } = await operator.create(authOf(request).user.id, request.body);
        return reply.code(201).send({ workspace, setupUrl: link.url, expiresAt: link.expiresAt });
      },
    );

    app.get(
      '/operator/workspaces/:id',
      {
        schema: {
          tags: ['operator'],
          summary: 'One workspace, with the progress of its deletion while it is being deleted',
          params: operatorWorkspaceParams,
          response: { 200: operatorWorkspaceSchema, ...errors },
        },
      },
      async (request) => operator.get(authOf(request).user.id, request.params.id),
    );

    app.patch(
      '/operator/workspaces/:id',
      {
        schema: {
          tags: ['operator'],
          summary: 'Rename, suspend or reactivate a workspace',
          params: operatorWorkspaceParams,
          body: updateWorkspaceBody,
          response: { 200: operatorWorkspaceSchema, ...errors, 409: problemSchema },
        },
      },
      async (request) => operator.update(authOf(request).user.id, request.params.id, request.body),
    );

    app.post(
      '/operator/workspaces/:id/delete',
      {
        schema: {
          tags: ['operator'],
          summary: 'Delete a workspace and everything it owns (a background job); its slug must be typed',
          params: operatorWorkspaceParams,
          body: deleteWorkspaceBody,
          response: { 202: deletionStartedResponse, ...errors, 409: problemSchema },
        },
      },
      async (request, reply) => {
        const { jobId } = await operator.delete(
          authOf(request).user.id,
          request.params.id,
          request.body.confirmSlug,
        );
        return reply.code(202).send({ jobId, status: 'deleting' as const });
      },
    );
  };
}
