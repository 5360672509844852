import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import {
  createPersonBody,
  deletePersonQuery,
  listOrganisationPeopleQuery,
  listPeopleQuery,
  personListSchema,
  personParams,
  personSchema,
  updatePersonBody,
} from './schema.ts';
import type { PersonService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** `/workspaces/{workspace}/people` and `/organisations/{id}/people` (registered in the workspace scope). */
export function personRoutes(people: PersonService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/people',
      {
        config: { permission: 'person.read' },
        schema: {
          tags: ['registry'],
          summary: 'List the people of the registry',
          params: workspaceParams,
          querystring: listPeopleQuery,
          response: { 200: personListSchema, ...errors },
        },
      },
      async (request) => people.list(actorOf(request), request.query),
    );

    app.get(
      '/organisations/:id/people',
      {
        config: { permission: 'person.read' },
        schema: {
          tags: ['registry'],
          summary: 'List the people of one member organisation',
          params: personParams,
          querystring: listOrganisationPeopleQuery,
          response: { 200: personListSchema, ...errors },
        },
      },
      async (request) => people.listForOrganisation(actorOf(request), request.params.id, request.query),
    );

    app.post(
      '/people',
      {
        config: { permission: 'person.create' },
        schema: {
          tags: ['registry'],
          summary: "Add a person (coordinators; a cluster manager to its cluster's organisations)",
          description: 'A second person with the same e-mail in the workspace is refused with 400.',
          params: workspaceParams,
          body: createPersonBody,
          response: { 201: personSchema, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(await people.create(actorOf(request), request.body)),
    );

    app.get(
      '/people/:id',
      {
        config: { permission: 'person.read' },
        schema: {
          tags: ['registry'],
          summary: 'One person',
          params: personParams,
          response: { 200: personSchema, ...errors },
        },
      },
      async (request) => people.get(actorOf(request), request.params.id),
    );

    app.patch(
      '/people/:id',
      {
        config: { permission: 'person.update' },
        schema: {
          tags: ['registry'],
          summary: "Edit a person (coordinators; its cluster's manager; a member its organisation's people)",
          description: 'Send the `version` you read; if someone changed the person since, the answer is 409.',
          params: personParams,
          body: updatePersonBody,
          response: { 200: personSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => people.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/people/:id',
      {
        config: { permission: 'person.delete' },
        schema: {
          tags: ['registry'],
          summary: "Remove a person (coordinators; its cluster's manager)",
          params: personParams,
          querystring: deletePersonQuery,
          response: { 204: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await people.delete(actorOf(request), request.params.id, request.query.version);
        return reply.code(204).send();
      },
    );
  };
}
