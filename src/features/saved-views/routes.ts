import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import {
  createSavedViewBody,
  deleteSavedViewQuery,
  listSavedViewsQuery,
  savedViewListSchema,
  savedViewParams,
  savedViewSchema,
  updateSavedViewBody,
} from './schema.ts';
import type { SavedViewService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** `/workspaces/{workspace}/saved-views`: the caller's own named filters and sorts of the lists. */
export function savedViewRoutes(views: SavedViewService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/saved-views',
      {
        config: { permission: 'workspace.read' },
        schema: {
          tags: ['lists'],
          summary: 'Your saved views of one list, by name',
          params: workspaceParams,
          querystring: listSavedViewsQuery,
          response: { 200: savedViewListSchema, ...errors },
        },
      },
      async (request) => views.list(actorOf(request), request.query.list),
    );

    app.post(
      '/saved-views',
      {
        config: { permission: 'workspace.read' },
        schema: {
          tags: ['lists'],
          summary: 'Save the filters and sort of a list under a name',
          description: 'Each user keeps their own views; the name must be new among your views of that list.',
          params: workspaceParams,
          body: createSavedViewBody,
          response: { 201: savedViewSchema, 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(await views.create(actorOf(request), request.body)),
    );

    app.patch(
      '/saved-views/:id',
      {
        config: { permission: 'workspace.read' },
        schema: {
          tags: ['lists'],
          summary: 'Rename a saved view, or save other filters in it',
          description: 'Send the `version` you read; if the view changed since, the answer is 409.',
          params: savedViewParams,
          body: updateSavedViewBody,
          response: { 200: savedViewSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => views.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/saved-views/:id',
      {
        config: { permission: 'workspace.read' },
        schema: {
          tags: ['lists'],
          summary: 'Delete a saved view',
          params: savedViewParams,
          querystring: deleteSavedViewQuery,
          response: { 204: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await views.delete(actorOf(request), request.params.id, request.query.version);
        return reply.code(204).send();
      },
    );
  };
}
