import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../domain/access/policy.ts';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import type { BurnService } from './burn-service.ts';
import type { CostLineService } from './cost-line-service.ts';
import type { EstimateService } from './estimate-service.ts';
import type { RollupService } from './rollup-service.ts';
import {
  type ActivityEstimateInput,
  activityEstimateBody,
  activityIdParams,
  burnQuery,
  burnSchema,
  costLineListSchema,
  costLineParams,
  costLineSchema,
  createCostLineBody,
  deleteCostLineQuery,
  type EstimateDto,
  estimateBody,
  estimateSchema,
  rollupQuery,
  rollupSchema,
  updateCostLineBody,
} from './schema.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/**
 * Budget lines, estimates and roll-ups under `/workspaces/{workspace}` (registered in the workspace
 * scope). Members and mentors do not see costs (403).
 */
export function budgetRoutes(services: {
  costLines: CostLineService;
  estimates: EstimateService;
  rollups: RollupService;
  burns: BurnService;
  /** The command `src/commands/estimate-activity.ts` (it writes the activity and its lines). */
  estimateActivity: (actor: Actor, activityId: string, input: ActivityEstimateInput) => Promise<EstimateDto>;
}): FastifyPluginAsyncZod {
  const { costLines, estimates, rollups, burns, estimateActivity } = services;
  return async (app) => {
    app.get(
      '/activities/:id/cost-lines',
      {
        config: { permission: 'budget.read' },
        schema: {
          tags: ['planning'],
          summary: "An activity's budget lines, planned and actual",
          params: activityIdParams,
          response: { 200: costLineListSchema, ...errors },
        },
      },
      async (request) => costLines.list(actorOf(request), request.params.id),
    );

    app.post(
      '/activities/:id/cost-lines',
      {
        config: { permission: 'budget.update' },
        schema: {
          tags: ['planning'],
          summary: 'Add a planned or actual cost to an activity',
          description:
            'Amounts 0–10,000,000 EUR with at most 2 decimals; an actual cost is above 0 and needs `incurredOn` (at most 366 days ahead). A planned line may be 0.',
          params: activityIdParams,
          body: createCostLineBody,
          response: { 201: costLineSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await costLines.create(actorOf(request), request.params.id, request.body)),
    );

    app.patch(
      '/cost-lines/:id',
      {
        config: { permission: 'budget.update' },
        schema: {
          tags: ['planning'],
          summary: 'Edit a budget line',
          description:
            'Send the `version` you read; a stale one gets 409. A line from an estimate keeps that origin: the next applied estimate replaces it.',
          params: costLineParams,
          body: updateCostLineBody,
          response: { 200: costLineSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => costLines.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/cost-lines/:id',
      {
        config: { permission: 'budget.update' },
        schema: {
          tags: ['planning'],
          summary: 'Remove a budget line',
          params: costLineParams,
          querystring: deleteCostLineQuery,
          response: { 204: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await costLines.delete(actorOf(request), request.params.id, request.query.version);
        return reply.code(204).send();
      },
    );

    app.post(
      '/estimates',
      {
        config: { permission: 'budget.read' },
        schema: {
          tags: ['planning'],
          summary: "Preview an instrument's budget for some parameters (writes nothing)",
          description:
            "Day rate: `dayRateEur`, else the cluster's, else 450 EUR (default). Travel: the workspace's rate for the destination, else the Hub's default from the cluster's home. Missing parameters get 400 naming each `body.parameters.<name>`.",
          params: workspaceParams,
          body: estimateBody,
          response: { 200: estimateSchema, ...errors },
        },
      },
      async (request) => estimates.preview(actorOf(request), request.body),
    );

    app.post(
      '/activities/:id/estimate',
      {
        config: { permission: 'budget.update' },
        schema: {
          tags: ['planning'],
          summary: "Estimate an activity's budget; with apply, replace its estimated lines",
          description:
            "With `apply: true`, in one transaction: the parameters are stored on the activity (its version must match, else 409), the planned lines of the previous estimate are removed and this estimate's lines added. Typed lines stay.",
          params: activityIdParams,
          body: activityEstimateBody,
          response: { 200: estimateSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => estimateActivity(actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/budget/rollup',
      {
        config: { permission: 'budget.read' },
        schema: {
          tags: ['planning'],
          summary: 'Planned vs actual, grouped by one dimension, with cap warnings',
          description:
            "Planned totals leave cancelled activities out; actual costs count for every activity. Caps: plan groups show the plan's, market groups the sum of their plans'. A warning names every plan in scope planned beyond its cap.",
          params: workspaceParams,
          querystring: rollupQuery,
          response: { 200: rollupSchema, ...errors },
        },
      },
      async (request) => rollups.rollup(actorOf(request), request.query),
    );

    app.get(
      '/budget/burn',
      {
        config: { permission: 'budget.read' },
        schema: {
          tags: ['planning'],
          summary: 'Actual money spent month by month per funding source, with the planned totals',
          description:
            "Default period: this calendar year; at most 10 years (`to` before `from`, or 10 years or more after it: 400 naming `to`). An actual line counts in the month it was incurred (its activity's first day when it has no date), whatever the activity's status. Planned totals are those of the activities starting in the period, cancelled ones left out.",
          params: workspaceParams,
          querystring: burnQuery,
          response: { 200: burnSchema, ...errors },
        },
      },
      async (request) => burns.burn(actorOf(request), request.query),
    );
  };
}
