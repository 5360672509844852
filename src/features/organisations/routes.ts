import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import {
  createOrganisationBody,
  deleteOrganisationQuery,
  listOrganisationsQuery,
  organisationDetailSchema,
  organisationHistoryQuery,
  organisationHistorySchema,
  organisationListSchema,
  organisationParams,
  organisationSchema,
  updateOrganisationBody,
} from './schema.ts';
import type { OrganisationService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** `/workspaces/{workspace}/organisations`: the member organisations (registered in the workspace scope). */
export function organisationRoutes(organisations: OrganisationService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/organisations',
      {
        config: { permission: 'organisation.read' },
        schema: {
          tags: ['registry'],
          summary: 'List the member organisations, with search and filters',
          params: workspaceParams,
          querystring: listOrganisationsQuery,
          response: { 200: organisationListSchema, ...errors },
        },
      },
      async (request) => organisations.list(actorOf(request), request.query),
    );

    app.post(
      '/organisations',
      {
        config: { permission: 'organisation.create' },
        schema: {
          tags: ['registry'],
          summary: 'Add a member organisation (coordinators; a cluster manager to its cluster)',
          description:
            'A second organisation with the same registration id, or the same name (ignoring case, accents, punctuation and legal form) in the same country, is refused with 400.',
          params: workspaceParams,
          body: createOrganisationBody,
          response: { 201: organisationSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await organisations.create(actorOf(request), request.body)),
    );

    app.get(
      '/organisations/:id',
      {
        config: { permission: 'organisation.read' },
        schema: {
          tags: ['registry'],
          summary: 'One member organisation, with its number of people',
          params: organisationParams,
          response: { 200: organisationDetailSchema, ...errors },
        },
      },
      async (request) => organisations.get(actorOf(request), request.params.id),
    );

    app.get(
      '/organisations/:id/history',
      {
        config: { permission: 'organisation.read' },
        schema: {
          tags: ['registry'],
          summary: "One member organisation's history: its changes, newest first",
          description:
            'The audit events of the organisation (who, when, what changed), for whoever may read it. An import records one event for the whole import, not one per organisation.',
          params: organisationParams,
          querystring: organisationHistoryQuery,
          response: { 200: organisationHistorySchema, ...errors },
        },
      },
      async (request) => organisations.history(actorOf(request), request.params.id, request.query),
    );

    app.patch(
      '/organisations/:id',
      {
        config: { permission: 'organisation.update' },
        schema: {
          tags: ['registry'],
          summary: "Edit a member organisation (coordinators; its cluster's manager; a member its own)",
          description:
            'Send the `version` you read; if someone changed the organisation since, the answer is 409.',
          params: organisationParams,
          body: updateOrganisationBody,
          response: { 200: organisationSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => organisations.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/organisations/:id',
      {
        config: { permission: 'organisation.delete' },
        schema: {
          tags: ['registry'],
          summary: "Remove a member organisation (coordinators; its cluster's manager)",
          description: 'Its people stay in the registry, without an organisation.',
          params: organisationParams,
          querystring: deleteOrganisationQuery,
          response: { 204: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await organisations.delete(actorOf(request), request.params.id, request.query.version);
        return reply.code(204).send();
      },
    );
  };
}
