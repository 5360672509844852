import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import {
  createKpiTargetBody,
  deleteKpiTargetQuery,
  kpiTargetListSchema,
  kpiTargetParams,
  kpiTargetSchema,
  listKpiTargetsQuery,
  updateKpiTargetBody,
} from './targets-schema.ts';
import type { KpiTargetService } from './targets-service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const valueRules =
  'A count is a whole number ≥ 0, a percentage 0–100, a rating 1–5, money EUR ≥ 0 with at most 2 decimals; a text KPI takes no target (400 naming the field).';

/** `/workspaces/{workspace}/kpi-targets`: targets per activity and per plan (registered in the workspace scope). */
export function kpiTargetRoutes(targets: KpiTargetService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/kpi-targets',
      {
        config: { permission: 'kpi.read' },
        schema: {
          tags: ['kpis'],
          summary: 'The KPI targets of an activity or of a plan',
          description:
            'Send either `activityId` or `planId`. Targets of KPIs an activity’s instrument no longer has are kept but not listed.',
          params: workspaceParams,
          querystring: listKpiTargetsQuery,
          response: { 200: kpiTargetListSchema, ...errors },
        },
      },
      async (request) => targets.list(actorOf(request), request.query),
    );

    app.post(
      '/kpi-targets',
      {
        config: { permission: 'kpi.update' },
        schema: {
          tags: ['kpis'],
          summary: 'Set a target for a KPI of an activity, or of an instrument (or the Hub KPIs) of a plan',
          description: `\`{ activityId, kpiKey, value }\`: one of the activity's KPIs. \`{ planId, instrumentId, kpiKey, value }\`: a KPI of one of the plan's instruments, or with \`instrumentId: null\` a Hub-wide KPI. One target per KPI and scope: a second gets 409. ${valueRules}`,
          params: workspaceParams,
          body: createKpiTargetBody,
          response: { 201: kpiTargetSchema, 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(await targets.create(actorOf(request), request.body)),
    );

    app.patch(
      '/kpi-targets/:id',
      {
        config: { permission: 'kpi.update' },
        schema: {
          tags: ['kpis'],
          summary: 'Change a KPI target',
          description: `Send the \`version\` you read; a stale one gets 409. ${valueRules}`,
          params: kpiTargetParams,
          body: updateKpiTargetBody,
          response: { 200: kpiTargetSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => targets.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/kpi-targets/:id',
      {
        config: { permission: 'kpi.update' },
        schema: {
          tags: ['kpis'],
          summary: 'Clear a KPI target',
          params: kpiTargetParams,
          querystring: deleteKpiTargetQuery,
          response: { 204: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await targets.delete(actorOf(request), request.params.id, request.query.version);
        return reply.code(204).send();
      },
    );
  };
}
