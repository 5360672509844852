import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor } from '../../domain/access/policy.ts';
import { actorOf } from '../../http/authentication.ts';
import { problemSchema } from '../../http/problem.ts';
import {
  type AcceptedDto,
  type AcceptRecommendationInput,
  acceptedSchema,
  acceptRecommendationBody,
  recommendationQuery,
  recommendationSchema,
  roadmapParams,
} from './schema.ts';
import type { RoadmapService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** `/workspaces/{workspace}/markets/{marketId}/recommendation`: the recommended roadmap (decision 0044). */
export function roadmapRoutes(services: {
  roadmap: RoadmapService;
  accept: (actor: Actor, marketId: string, input: AcceptRecommendationInput) => Promise<AcceptedDto>;
}): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/markets/:id/recommendation',
      {
        config: { permission: 'budget.read' },
        schema: {
          tags: ['planning'],
          summary:
            'The recommended roadmap of a market: instruments and quantities under a budget cap, proven optimal',
          description:
            'Chooses D4.2 instruments and quantities maximising the expected value under `budget` (cents) for the period, in phase order and with their prerequisites, and gives a reason for every instrument chosen or left out. A market without interested members answers an explained empty result (`empty`).',
          params: roadmapParams,
          querystring: recommendationQuery,
          response: { 200: recommendationSchema, ...errors },
        },
      },
      async (request) => services.roadmap.recommendation(actorOf(request), request.params.id, request.query),
    );

    app.post(
      '/markets/:id/recommendation/accept',
      {
        config: { permission: 'plan.create' },
        schema: {
          tags: ['planning'],
          summary:
            'Accept the recommendation into a new draft plan with dated activities and their estimated cost lines',
          params: roadmapParams,
          body: acceptRecommendationBody,
          response: { 201: acceptedSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await services.accept(actorOf(request), request.params.id, request.body)),
    );
  };
}
