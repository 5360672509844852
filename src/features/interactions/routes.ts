import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import {
  createInteractionBody,
  deleteInteractionQuery,
  interactionListSchema,
  interactionParams,
  interactionSchema,
  listInteractionsQuery,
  updateInteractionBody,
} from './schema.ts';
import type { InteractionService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** `/workspaces/{workspace}/network/interactions`: meetings, calls, visits… with the network. */
export function interactionRoutes(interactions: InteractionService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/network/interactions',
      {
        config: { permission: 'network.read' },
        schema: {
          tags: ['network'],
          summary: 'List the interactions with the network, newest first, with filters',
          description:
            'Filter by network organisation or person, activity, cluster, kind, a date range, open next steps and their owner ("me"). Each item carries the names a timeline shows.',
          params: workspaceParams,
          querystring: listInteractionsQuery,
          response: { 200: interactionListSchema, ...errors },
        },
      },
      async (request) => interactions.list(actorOf(request), request.query),
    );

    app.post(
      '/network/interactions',
      {
        config: { permission: 'network.create' },
        schema: {
          tags: ['network'],
          summary: 'Record an interaction (coordinators; a cluster manager for its cluster)',
          description:
            'Every id must be of this workspace (400 naming the field otherwise), a network person of the network organisation, a member person of the member organisation. The staff member and the next step owner default to you.',
          params: workspaceParams,
          body: createInteractionBody,
          response: { 201: interactionSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await interactions.create(actorOf(request), request.body)),
    );

    app.get(
      '/network/interactions/:id',
      {
        config: { permission: 'network.read' },
        schema: {
          tags: ['network'],
          summary: 'One interaction, with its names',
          params: interactionParams,
          response: { 200: interactionSchema, ...errors },
        },
      },
      async (request) => interactions.get(actorOf(request), request.params.id),
    );

    app.patch(
      '/network/interactions/:id',
      {
        config: { permission: 'network.update' },
        schema: {
          tags: ['network'],
          summary: "Edit an interaction (coordinators; its cluster's manager)",
          description:
            'Send the `version` you read; if someone changed the interaction since, the answer is 409. A changed next step is open again.',
          params: interactionParams,
          body: updateInteractionBody,
          response: { 200: interactionSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => interactions.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/network/interactions/:id',
      {
        config: { permission: 'network.delete' },
        schema: {
          tags: ['network'],
          summary: "Remove an interaction (coordinators; its cluster's manager)",
          params: interactionParams,
          querystring: deleteInteractionQuery,
          response: { 204: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await interactions.delete(actorOf(request), request.params.id, request.query.version);
        return reply.code(204).send();
      },
    );

    app.post(
      '/network/interactions/:id/next-step/done',
      {
        config: { permission: 'network.update' },
        schema: {
          tags: ['network'],
          summary: 'Mark the next step of an interaction done (its owner, or whoever may edit it)',
          description: 'Marking a done step again changes nothing. An interaction without a next step: 400.',
          params: interactionParams,
          response: { 200: interactionSchema, ...errors },
        },
      },
      async (request) => interactions.nextStepDone(actorOf(request), request.params.id),
    );
  };
}
