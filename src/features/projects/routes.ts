import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import {
  createProjectBody,
  deleteProjectQuery,
  listProjectsQuery,
  partnerInput,
  partnerParams,
  projectDetailSchema,
  projectListSchema,
  projectParams,
  projectPartnerSchema,
  updateProjectBody,
} from './schema.ts';
import type { ProjectService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/**
 * `/workspaces/{workspace}/network/projects`: collaborative projects and their partners. Partners
 * are given as a list on create, then added and removed one by one (`/partners`).
 */
export function projectRoutes(projects: ProjectService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/network/projects',
      {
        config: { permission: 'network.read' },
        schema: {
          tags: ['network'],
          summary: 'List the collaborative projects, with filters, totals by status and a keyset cursor',
          params: workspaceParams,
          querystring: listProjectsQuery,
          response: { 200: projectListSchema, ...errors },
        },
      },
      async (request) => projects.list(actorOf(request), request.query),
    );

    app.post(
      '/network/projects',
      {
        config: { permission: 'network.create' },
        schema: {
          tags: ['network'],
          summary:
            'Add a collaborative project, with its partners (coordinators; a cluster manager to its cluster)',
          description:
            'A negative amount, an amount with more decimals than its currency, an unknown currency or an end before the start is refused with 400 naming the field; a partner, activity or instrument of another workspace with 404 naming it; nothing is written.',
          params: workspaceParams,
          body: createProjectBody,
          response: { 201: projectDetailSchema, 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(await projects.create(actorOf(request), request.body)),
    );

    app.get(
      '/network/projects/:id',
      {
        config: { permission: 'network.read' },
        schema: {
          tags: ['network'],
          summary: 'One collaborative project with its partners and their names',
          params: projectParams,
          response: { 200: projectDetailSchema, ...errors },
        },
      },
      async (request) => projects.get(actorOf(request), request.params.id),
    );

    app.patch(
      '/network/projects/:id',
      {
        config: { permission: 'network.update' },
        schema: {
          tags: ['network'],
          summary: "Edit a collaborative project (coordinators; its cluster's manager)",
          description:
            'Send the `version` you read; a stale one gets 409. Setting the status to completed sets `completedOn` to today unless given.',
          params: projectParams,
          body: updateProjectBody,
          response: { 200: projectDetailSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => projects.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/network/projects/:id',
      {
        config: { permission: 'network.delete' },
        schema: {
          tags: ['network'],
          summary: "Delete a collaborative project and its partners (coordinators; its cluster's manager)",
          params: projectParams,
          querystring: deleteProjectQuery,
          response: { 204: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await projects.delete(actorOf(request), request.params.id, request.query.version);
        return reply.code(204).send();
      },
    );

    app.post(
      '/network/projects/:id/partners',
      {
        config: { permission: 'network.update' },
        schema: {
          tags: ['network'],
          summary: 'Add a partner: exactly one of a cluster, a member organisation or a network organisation',
          description: 'A partner already on the project is refused with 409.',
          params: projectParams,
          body: partnerInput,
          response: { 201: projectPartnerSchema, 409: problemSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await projects.addPartner(actorOf(request), request.params.id, request.body)),
    );

    app.delete(
      '/network/projects/:id/partners/:partnerId',
      {
        config: { permission: 'network.update' },
        schema: {
          tags: ['network'],
          summary: 'Remove a partner from a project',
          params: partnerParams,
          response: { 204: z.undefined(), ...errors },
        },
      },
      async (request, reply) => {
        await projects.removePartner(actorOf(request), request.params.id, request.params.partnerId);
        return reply.code(204).send();
      },
    );
  };
}
