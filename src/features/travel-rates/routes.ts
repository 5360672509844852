import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import {
  deleteTravelRateQuery,
  listTravelRatesQuery,
  putTravelRateBody,
  travelRateListSchema,
  travelRateParams,
  travelRateSchema,
} from './schema.ts';
import type { TravelRateService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** `/workspaces/{workspace}/travel-rates`: travel costs per destination (registered in the workspace scope). */
export function travelRateRoutes(rates: TravelRateService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/travel-rates',
      {
        config: { permission: 'budget.read' },
        schema: {
          tags: ['planning'],
          summary: "The workspace's travel rates, plus the defaults of the countries asked for",
          description:
            'Edited rates have a version; defaults (isDefault true) say how they were made in `basis` and start from the home of the `origin` cluster.',
          params: workspaceParams,
          querystring: listTravelRatesQuery,
          response: { 200: travelRateListSchema, ...errors },
        },
      },
      async (request) => rates.list(actorOf(request), request.query),
    );

    app.put(
      '/travel-rates/:country',
      {
        config: { permission: 'travel_rate.update' },
        schema: {
          tags: ['planning'],
          summary: "Set the workspace's travel rate for a country (coordinators)",
          description:
            'Creates the rate (send no version) or changes it (send its version; a stale or missing one gets 409). Amounts 0–100,000 EUR.',
          params: travelRateParams,
          body: putTravelRateBody,
          response: { 200: travelRateSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => rates.put(actorOf(request), request.params.country, request.body),
    );

    app.delete(
      '/travel-rates/:country',
      {
        config: { permission: 'travel_rate.update' },
        schema: {
          tags: ['planning'],
          summary: "Remove the workspace's rate for a country: the default applies again (coordinators)",
          params: travelRateParams,
          querystring: deleteTravelRateQuery,
          response: { 204: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await rates.delete(actorOf(request), request.params.country, request.query.version);
        return reply.code(204).send();
      },
    );
  };
}
