import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../domain/access/policy.ts';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import {
  copyInstrumentBody,
  createInstrumentBody,
  deleteInstrumentQuery,
  instrumentDiffSchema,
  type UpdateInstrumentInput,
  updateInstrumentBody,
  type WorkspaceInstrumentDto,
  workspaceInstrumentListSchema,
  workspaceInstrumentParams,
  workspaceInstrumentSchema,
} from './schema.ts';
import type { WorkspaceInstrumentService } from './workspace-service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/**
 * `/workspaces/{workspace}/instruments`: the D4.2 catalogue beside the workspace's own instruments
 * (decision 0022). The global `/instruments` stays the D4.2 catalogue alone.
 */
export function workspaceInstrumentRoutes(deps: {
  instruments: WorkspaceInstrumentService;
  update: (actor: Actor, idOrKey: string, input: UpdateInstrumentInput) => Promise<WorkspaceInstrumentDto>;
}): FastifyPluginAsyncZod {
  const { instruments } = deps;
  return async (app) => {
    app.get(
      '/instruments',
      {
        config: { permission: 'workspace.read' },
        schema: {
          tags: ['catalogue'],
          summary: "The instruments a workspace plans with: D4.2's, then its own",
          description:
            'Each with `origin` (`d4.2` or `custom`) and, for a copy, `basedOn` (the D4.2 key); `kpiRules` lists the rules a custom KPI may name.',
          params: workspaceParams,
          response: { 200: workspaceInstrumentListSchema, ...errors },
        },
      },
      async (request) => instruments.list(actorOf(request)),
    );

    app.post(
      '/instruments',
      {
        config: { permission: 'instrument.manage' },
        schema: {
          tags: ['catalogue'],
          summary: 'Create a custom instrument (coordinators and cluster managers)',
          description:
            'Budget items are checked by the estimate engine’s parser: one it cannot read is refused with 400 naming `body.budgetItems.<i>.<field>`; a KPI kind outside the KPI kinds, or a rule that does not derive that kind, likewise.',
          params: workspaceParams,
          body: createInstrumentBody,
          response: { 201: workspaceInstrumentSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await instruments.create(actorOf(request), request.body)),
    );

    app.get(
      '/instruments/:key',
      {
        config: { permission: 'workspace.read' },
        schema: {
          tags: ['catalogue'],
          summary: 'One instrument of the workspace by id, key or D4.2 code',
          params: workspaceInstrumentParams,
          response: { 200: workspaceInstrumentSchema, ...errors },
        },
      },
      async (request) => instruments.get(actorOf(request), request.params.key),
    );

    app.post(
      '/instruments/:key/copy',
      {
        config: { permission: 'instrument.manage' },
        schema: {
          tags: ['catalogue'],
          summary: 'Copy a D4.2 instrument into a custom one, to adapt',
          params: workspaceInstrumentParams,
          body: copyInstrumentBody,
          response: { 201: workspaceInstrumentSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await instruments.copy(actorOf(request), request.params.key, request.body)),
    );

    app.patch(
      '/instruments/:key',
      {
        config: { permission: 'instrument.manage' },
        schema: {
          tags: ['catalogue'],
          summary: 'Edit a custom instrument',
          description:
            'Send the `version` you read (stale: 409). A D4.2 instrument is refused with 409 (copy it). Activities keep their stored estimates; KPI values are recomputed for the new KPIs (decision 0022).',
          params: workspaceInstrumentParams,
          body: updateInstrumentBody,
          response: { 200: workspaceInstrumentSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => deps.update(actorOf(request), request.params.key, request.body),
    );

    app.delete(
      '/instruments/:key',
      {
        config: { permission: 'instrument.manage' },
        schema: {
          tags: ['catalogue'],
          summary: 'Delete a custom instrument no activity, plan or KPI target uses',
          description: 'One in use is refused with 409 saying what uses it.',
          params: workspaceInstrumentParams,
          querystring: deleteInstrumentQuery,
          response: { 204: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await instruments.delete(actorOf(request), request.params.key, request.query.version);
        return reply.code(204).send();
      },
    );

    app.get(
      '/instruments/:key/differences',
      {
        config: { permission: 'workspace.read' },
        schema: {
          tags: ['catalogue'],
          summary: 'What a custom instrument changes of its D4.2 original',
          description:
            'Field by field, budget items by position, KPIs by key. Made from nothing: no reference.',
          params: workspaceInstrumentParams,
          response: { 200: instrumentDiffSchema, ...errors },
        },
      },
      async (request) => instruments.diff(actorOf(request), request.params.key),
    );
  };
}
