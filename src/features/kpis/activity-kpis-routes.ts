import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/authentication.ts';
import { problemSchema } from '../../http/problem.ts';
import { activityParams } from '../activities/schema.ts';
import { activityKpiListSchema } from './activity-kpis-schema.ts';
import type { ActivityKpiService } from './activity-kpis-service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** `/workspaces/{workspace}/activities/{id}/kpis` (registered in the workspace scope). */
export function activityKpiRoutes(activityKpis: ActivityKpiService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/activities/:id/kpis',
      {
        config: { permission: 'kpi.read' },
        schema: {
          tags: ['kpis'],
          summary: "An activity's KPIs: the Hub's and its instrument's, with target, actual and entries",
          description:
            'Derived KPIs carry the rule that computes them and its stored value; entered KPIs their entries with authors. Members and mentors, who do not see costs, get no "Actual costs" KPI.',
          params: activityParams,
          response: { 200: activityKpiListSchema, ...errors },
        },
      },
      async (request) => activityKpis.get(actorOf(request), request.params.id),
    );
  };
}
