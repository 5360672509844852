import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import {
  createMarketBody,
  deleteMarketQuery,
  listMarketsQuery,
  marketDossierSchema,
  marketListSchema,
  marketParams,
  marketSchema,
  updateMarketBody,
} from './schema.ts';
import type { MarketService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** `/workspaces/{workspace}/markets`: the target markets (registered in the workspace scope). */
export function marketRoutes(markets: MarketService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/markets',
      {
        config: { permission: 'market.read' },
        schema: {
          tags: ['planning'],
          summary: 'List the target markets, with search and filters',
          params: workspaceParams,
          querystring: listMarketsQuery,
          response: { 200: marketListSchema, ...errors },
        },
      },
      async (request) => markets.list(actorOf(request), request.query),
    );

    app.post(
      '/markets',
      {
        config: { permission: 'market.create' },
        schema: {
          tags: ['planning'],
          summary: 'Add a target market (coordinators; a cluster manager one owned by its cluster)',
          description:
            'An `ownerClusterId` that is not a cluster of the workspace is refused with 400 naming the field.',
          params: workspaceParams,
          body: createMarketBody,
          response: { 201: marketSchema, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(await markets.create(actorOf(request), request.body)),
    );

    app.get(
      '/markets/:id',
      {
        config: { permission: 'market.read' },
        schema: {
          tags: ['planning'],
          summary: 'The market page: the market, interested members, its plans and activities',
          params: marketParams,
          response: { 200: marketDossierSchema, ...errors },
        },
      },
      async (request) => markets.get(actorOf(request), request.params.id),
    );

    app.patch(
      '/markets/:id',
      {
        config: { permission: 'market.update' },
        schema: {
          tags: ['planning'],
          summary: 'Edit a market (coordinators; a cluster manager one of its cluster)',
          description: 'Send the `version` you read; if someone changed the market since, the answer is 409.',
          params: marketParams,
          body: updateMarketBody,
          response: { 200: marketSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => markets.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/markets/:id',
      {
        config: { permission: 'market.delete' },
        schema: {
          tags: ['planning'],
          summary: 'Remove a market without plans (coordinators)',
          description: 'A market that still has plans is refused with 409; close it instead.',
          params: marketParams,
          querystring: deleteMarketQuery,
          response: { 204: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await markets.delete(actorOf(request), request.params.id, request.query.version);
        return reply.code(204).send();
      },
    );
  };
}
