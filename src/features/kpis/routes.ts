import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/authentication.ts';
import { problemSchema } from '../../http/problem.ts';
import {
  definitionListSchema,
  definitionsQuery,
  kpiRollupListSchema,
  kpiRollupSchema,
  recordListSchema,
  recordsQuery,
  rollupQuery,
  rollupsQuery,
} from './schema.ts';
import type { KpiService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** KPI definitions, roll-ups and drill-downs under `/workspaces/{workspace}` (every role reads them). */
export function kpiRoutes(kpis: KpiService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/kpis/definitions',
      {
        config: { permission: 'kpi.read' },
        schema: {
          tags: ['kpis'],
          summary: 'The KPIs tracked: Hub-wide ones and each instrument’s, derived or entered',
          querystring: definitionsQuery,
          response: { 200: definitionListSchema, ...errors },
        },
      },
      async (request) => kpis.definitions(actorOf(request), request.query),
    );

    app.get(
      '/kpis/rollup',
      {
        config: { permission: 'kpi.read' },
        schema: {
          tags: ['kpis'],
          summary: 'KPI target vs actual by workspace, activity, instrument, phase, market or cluster',
          description:
            'An activity is in the period when it starts in it. Counts and money are summed, percentages and ratings averaged, text KPIs listed. A plan’s target replaces its activities’ targets for the same KPI (not at activity or cluster level). Money in EUR.',
          querystring: rollupQuery,
          response: { 200: kpiRollupSchema, ...errors },
        },
      },
      async (request) => kpis.rollup(actorOf(request), request.query),
    );

    app.get(
      '/kpis/rollups',
      {
        config: { permission: 'kpi.read' },
        schema: {
          tags: ['kpis'],
          summary: 'Several groupings of one KPI roll-up at once (the dashboard’s)',
          description:
            'The same scope as `/kpis/rollup`, grouped each way named in `groupBy` (e.g. `workspace,phase,instrument,market`): one read of the activities, values and targets serves every grouping. Each item is what `/kpis/rollup` answers for that grouping alone.',
          querystring: rollupsQuery,
          response: { 200: kpiRollupListSchema, ...errors },
        },
      },
      async (request) => ({ items: await kpis.rollups(actorOf(request), request.query) }),
    );

    app.get(
      '/kpis/records',
      {
        config: { permission: 'kpi.read' },
        schema: {
          tags: ['kpis'],
          summary: 'The records behind one KPI number of a roll-up',
          description:
            'The same scope as the roll-up, narrowed to one group (`groupBy` + `groupKey`). Records of a derived KPI come from its rule (activities, participants, cost lines); those of an entered KPI are its entries. Cursor pagination.',
          querystring: recordsQuery,
          response: { 200: recordListSchema, ...errors },
        },
      },
      async (request) => kpis.records(actorOf(request), request.query),
    );
  };
}
