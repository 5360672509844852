import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import {
  funnelQuery,
  funnelSchema,
  healthListSchema,
  listHealthQuery,
  listOrganisationHealthQuery,
  marketSummaryParams,
  marketSummarySchema,
  organisationHealthListSchema,
} from './schema.ts';
import type { NetworkHealthService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** `/workspaces/{workspace}/network/health|funnel|markets/{id}/summary` (issue 21 items 3 and 5). */
export function networkHealthRoutes(health: NetworkHealthService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/network/health',
      {
        config: { permission: 'network.read' },
        schema: {
          tags: ['network'],
          summary: 'Network health: days since the last interaction of each relationship in the pipeline',
          description:
            'Relationships that are neither dormant nor closed. The last interaction is the latest ' +
            'interaction with the counterpart network organisation by anyone of ours; without one, days ' +
            'count from the day the relationship began. Decaying: days since ≥ the decay limit of the ' +
            'stage. Longest silence first by default.',
          params: workspaceParams,
          querystring: listHealthQuery,
          response: { 200: healthListSchema, ...errors },
        },
      },
      async (request) => health.list(actorOf(request), request.query),
    );

    app.get(
      '/network/health/organisations',
      {
        config: { permission: 'network.read' },
        schema: {
          tags: ['network'],
          summary: 'Days since the last interaction of each network organisation',
          description:
            'Organisations never contacted come first (most days since), then the longest silence.',
          params: workspaceParams,
          querystring: listOrganisationHealthQuery,
          response: { 200: organisationHealthListSchema, ...errors },
        },
      },
      async (request) => health.organisations(actorOf(request), request.query),
    );

    app.get(
      '/network/funnel',
      {
        config: { permission: 'network.read' },
        schema: {
          tags: ['network'],
          summary: 'The pipeline funnel: relationships that reached each stage in a period, and conversions',
          description:
            'A relationship reaches a stage through its first stage change into that stage or a later ' +
            'one (decision 0026); it counts when that day is within [from, to], and in the period of that day.',
          params: workspaceParams,
          querystring: funnelQuery,
          response: { 200: funnelSchema, ...errors },
        },
      },
      async (request) => health.funnel(actorOf(request), request.query),
    );

    app.get(
      '/network/markets/:id/summary',
      {
        config: { permission: 'network.read' },
        schema: {
          tags: ['network'],
          summary: "The network in a market's country: organisations by city, relationships by stage",
          description:
            "Relationships filed under the market or whose counterpart network organisation is in the market's country.",
          params: marketSummaryParams,
          response: { 200: marketSummarySchema, ...errors },
        },
      },
      async (request) => health.marketSummary(actorOf(request), request.params.id),
    );
  };
}
