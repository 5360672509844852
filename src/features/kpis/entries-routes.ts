import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import {
  createKpiEntryBody,
  deleteKpiEntryQuery,
  kpiEntryParams,
  kpiEntrySchema,
  updateKpiEntryBody,
} from './entries-schema.ts';
import type { KpiEntryService } from './entries-service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const valueRules =
  'Only for KPIs no rule computes (a derived KPI gets 400 "is computed from records"). A count is a whole number ≥ 0, a percentage 0–100, a rating 1–5, money EUR with at most 2 decimals (negative allowed), text at most 2,000 characters; `recordedOn` at most a year ahead; `comment` at most 2,000 characters.';

/** `/workspaces/{workspace}/kpi-entries`: values entered by hand (registered in the workspace scope). */
export function kpiEntryRoutes(entries: KpiEntryService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/kpi-entries',
      {
        config: { permission: 'kpi.update' },
        schema: {
          tags: ['kpis'],
          summary: 'Enter a KPI value of an activity by hand, with its day and a comment',
          description: `The author is the caller. ${valueRules}`,
          params: workspaceParams,
          body: createKpiEntryBody,
          response: { 201: kpiEntrySchema, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(await entries.create(actorOf(request), request.body)),
    );

    app.patch(
      '/kpi-entries/:id',
      {
        config: { permission: 'kpi.update' },
        schema: {
          tags: ['kpis'],
          summary: 'Correct a hand-entered KPI value',
          description: `Send the \`version\` you read; a stale one gets 409. ${valueRules}`,
          params: kpiEntryParams,
          body: updateKpiEntryBody,
          response: { 200: kpiEntrySchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => entries.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/kpi-entries/:id',
      {
        config: { permission: 'kpi.update' },
        schema: {
          tags: ['kpis'],
          summary: 'Remove a hand-entered KPI value',
          params: kpiEntryParams,
          querystring: deleteKpiEntryQuery,
          response: { 204: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await entries.delete(actorOf(request), request.params.id, request.query.version);
        return reply.code(204).send();
      },
    );
  };
}
