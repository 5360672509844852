import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../domain/access/policy.ts';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import type { CopyPlanInput, PlanDetailDto } from './schema.ts';
import {
  copyPlanBody,
  createPlanBody,
  deletePlanQuery,
  listPlansQuery,
  planDetailSchema,
  planListSchema,
  planParams,
  updatePlanBody,
} from './schema.ts';
import type { PlanService } from './service.ts';

/** What the plan routes call: the plan use cases, and the copy command (`src/commands/copy-plan.ts`). */
export interface PlanRouteDeps {
  plans: PlanService;
  copyPlan: (actor: Actor, id: string, input: CopyPlanInput) => Promise<PlanDetailDto>;
}

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** `/workspaces/{workspace}/plans`: the plans of the target markets (registered in the workspace scope). */
export function planRoutes({ plans, copyPlan }: PlanRouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/plans',
      {
        config: { permission: 'plan.read' },
        schema: {
          tags: ['planning'],
          summary: 'List the plans, by market and status',
          description: '`budgetCapEur` is null for roles that may not see costs (members, mentors).',
          params: workspaceParams,
          querystring: listPlansQuery,
          response: { 200: planListSchema, ...errors },
        },
      },
      async (request) => plans.list(actorOf(request), request.query),
    );

    app.post(
      '/plans',
      {
        config: { permission: 'plan.create' },
        schema: {
          tags: ['planning'],
          summary: "Add a plan to a market (coordinators; a cluster manager to its cluster's markets)",
          description:
            'A `marketId` that is not a market of the workspace answers 404 naming `body.marketId`; an unknown instrument 400 naming `body.instruments.N.instrumentKey`.',
          params: workspaceParams,
          body: createPlanBody,
          response: { 201: planDetailSchema, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(await plans.create(actorOf(request), request.body)),
    );

    app.get(
      '/plans/:id',
      {
        config: { permission: 'plan.read' },
        schema: {
          tags: ['planning'],
          summary: 'The plan page: instruments in phase order, activities with their costs, the budget',
          description: 'Money fields are null for roles that may not see costs (members, mentors).',
          params: planParams,
          response: { 200: planDetailSchema, ...errors },
        },
      },
      async (request) => plans.get(actorOf(request), request.params.id),
    );

    app.patch(
      '/plans/:id',
      {
        config: { permission: 'plan.update' },
        schema: {
          tags: ['planning'],
          summary: "Edit a plan (coordinators; a cluster manager one of its cluster's markets)",
          description:
            'Send the `version` you read (stale: 409). `instruments` replaces the whole list. A period that would leave activities outside it is refused with 400.',
          params: planParams,
          body: updatePlanBody,
          response: { 200: planDetailSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => plans.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/plans/:id',
      {
        config: { permission: 'plan.delete' },
        schema: {
          tags: ['planning'],
          summary: 'Remove a plan without activities',
          description: 'A plan that still has activities is refused with 409.',
          params: planParams,
          querystring: deletePlanQuery,
          response: { 204: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await plans.delete(actorOf(request), request.params.id, request.query.version);
        return reply.code(204).send();
      },
    );

    app.post(
      '/plans/:id/copy',
      {
        config: { permission: 'plan.create' },
        schema: {
          tags: ['planning'],
          summary: 'Copy a plan to a market, as a draft',
          description:
            'Copies the instruments and, unless `includeActivities` is false, the activities (as planned, without participants or outcome notes) with their planned cost lines; actual lines are never copied. With `startsOn`, the period and every activity shift by as many days.',
          params: planParams,
          body: copyPlanBody,
          response: { 201: planDetailSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await copyPlan(actorOf(request), request.params.id, request.body)),
    );
  };
}
