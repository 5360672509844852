import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authentication.ts';
import { problemSchema } from '../../http/problem.ts';
import {
  createFindingBody,
  deleteFindingQuery,
  listFindingsQuery,
  marketFindingListSchema,
  marketFindingParams,
  marketFindingSchema,
  marketFindingsParams,
  updateFindingBody,
} from './schema.ts';
import type { MarketFindingService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/**
 * `/workspaces/{workspace}/markets/{marketId}/findings`: what market surveys, desk research and
 * visits found about a target market (issue 23 item 5), newest first.
 */
export function marketFindingRoutes(findings: MarketFindingService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/markets/:marketId/findings',
      {
        config: { permission: 'market.read' },
        schema: {
          tags: ['planning'],
          summary: "A market's findings, newest first, with the market-survey waves a finding may name",
          params: marketFindingsParams,
          querystring: listFindingsQuery,
          response: { 200: marketFindingListSchema, ...errors },
        },
      },
      async (request) => findings.list(actorOf(request), request.params.marketId, request.query),
    );

    app.post(
      '/markets/:marketId/findings',
      {
        config: { permission: 'market.update' },
        schema: {
          tags: ['planning'],
          summary: "Add a finding to a market's dossier (coordinators; the market's cluster manager)",
          description:
            'An empty title is refused with 400; a wave of another workspace with 404 naming `body.waveId`; a wave of another kind of questionnaire or of another market with 400 naming it; nothing is written.',
          params: marketFindingsParams,
          body: createFindingBody,
          response: { 201: marketFindingSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await findings.create(actorOf(request), request.params.marketId, request.body)),
    );

    app.get(
      '/markets/:marketId/findings/:id',
      {
        config: { permission: 'market.read' },
        schema: {
          tags: ['planning'],
          summary: 'One finding of a market',
          params: marketFindingParams,
          response: { 200: marketFindingSchema, ...errors },
        },
      },
      async (request) => findings.get(actorOf(request), request.params.marketId, request.params.id),
    );

    app.patch(
      '/markets/:marketId/findings/:id',
      {
        config: { permission: 'market.update' },
        schema: {
          tags: ['planning'],
          summary: "Edit a market's finding",
          description: 'Send the `version` you read; a stale one gets 409.',
          params: marketFindingParams,
          body: updateFindingBody,
          response: { 200: marketFindingSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) =>
        findings.update(actorOf(request), request.params.marketId, request.params.id, request.body),
    );

    app.delete(
      '/markets/:marketId/findings/:id',
      {
        config: { permission: 'market.update' },
        schema: {
          tags: ['planning'],
          summary: "Delete a market's finding",
          params: marketFindingParams,
          querystring: deleteFindingQuery,
          response: { 204: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await findings.delete(
          actorOf(request),
          request.params.marketId,
          request.params.id,
          request.query.version,
        );
        return reply.code(204).send();
      },
    );
  };
}
