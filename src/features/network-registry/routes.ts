import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import {
  createNetworkOrganisationBody,
  createNetworkPersonBody,
  deleteNetworkRecordQuery,
  duplicatesQuery,
  listNetworkOrganisationsQuery,
  listNetworkPeopleQuery,
  mergeBody,
  networkDuplicatesSchema,
  networkOrganisationListSchema,
  networkOrganisationSchema,
  networkPersonListSchema,
  networkPersonSchema,
  networkRecordParams,
  updateNetworkOrganisationBody,
  updateNetworkPersonBody,
} from './schema.ts';
import type { NetworkOrganisationService, NetworkPersonService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const tags = ['network'];

/** `/workspaces/{workspace}/network/organisations` and `/network/people` (issue 21, decision 0026). */
export function networkRegistryRoutes(services: {
  organisations: NetworkOrganisationService;
  people: NetworkPersonService;
}): FastifyPluginAsyncZod {
  const { organisations, people } = services;
  return async (app) => {
    app.get(
      '/network/organisations',
      {
        config: { permission: 'network.read' },
        schema: {
          tags,
          summary: 'List the network organisations (outside the consortium), with search and filters',
          params: workspaceParams,
          querystring: listNetworkOrganisationsQuery,
          response: { 200: networkOrganisationListSchema, ...errors },
        },
      },
      async (request) => organisations.list(actorOf(request), request.query),
    );

    app.get(
      '/network/organisations/duplicates',
      {
        config: { permission: 'network.read' },
        schema: {
          tags,
          summary: 'Possible duplicates of an organisation or person being entered (the form warns)',
          description:
            'Organisations with the same name (ignoring case, accents, punctuation and legal form) in the same country (saving is refused) or with the same website domain (a warning); the person with the same e-mail (saving is refused).',
          params: workspaceParams,
          querystring: duplicatesQuery,
          response: { 200: networkDuplicatesSchema, ...errors },
        },
      },
      async (request) => organisations.duplicates(actorOf(request), request.query),
    );

    app.post(
      '/network/organisations',
      {
        config: { permission: 'network.create' },
        schema: {
          tags,
          summary: 'Add a network organisation (coordinators; a cluster manager as its owner cluster)',
          description:
            'A second organisation with the same name (ignoring case, accents, punctuation and legal form) in the same country is refused with 400 naming `body.name`.',
          params: workspaceParams,
          body: createNetworkOrganisationBody,
          response: { 201: networkOrganisationSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await organisations.create(actorOf(request), request.body)),
    );

    app.get(
      '/network/organisations/:id',
      {
        config: { permission: 'network.read' },
        schema: {
          tags,
          summary: 'One network organisation, with its number of people',
          params: networkRecordParams,
          response: { 200: networkOrganisationSchema, ...errors },
        },
      },
      async (request) => organisations.get(actorOf(request), request.params.id),
    );

    app.patch(
      '/network/organisations/:id',
      {
        config: { permission: 'network.update' },
        schema: {
          tags,
          summary: "Edit a network organisation (coordinators; its owner cluster's manager)",
          description: 'Send the `version` you read; a stale one is answered 409.',
          params: networkRecordParams,
          body: updateNetworkOrganisationBody,
          response: { 200: networkOrganisationSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => organisations.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/network/organisations/:id',
      {
        config: { permission: 'network.delete' },
        schema: {
          tags,
          summary: "Remove a network organisation (coordinators; its owner cluster's manager)",
          description:
            'Refused with 409 while interactions, relationships or project partnerships hold it: merge it into another organisation instead. Its people stay, without an organisation.',
          params: networkRecordParams,
          querystring: deleteNetworkRecordQuery,
          response: { 204: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await organisations.delete(actorOf(request), request.params.id, request.query.version);
        return reply.code(204).send();
      },
    );

    app.post(
      '/network/organisations/:id/merge',
      {
        config: { permission: 'network.delete' },
        schema: {
          tags,
          summary: 'Merge a duplicate network organisation into another one',
          description:
            'Moves its people, interactions, relationships and project partnerships to `intoId`, then deletes it. Two relationships of the same one of ours collide: the one at the later pipeline stage stays, with the stage changes of both. Answers the kept organisation.',
          params: networkRecordParams,
          body: mergeBody,
          response: { 200: networkOrganisationSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => organisations.merge(actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/network/people',
      {
        config: { permission: 'network.read' },
        schema: {
          tags,
          summary: 'List the network people, with search and filters',
          params: workspaceParams,
          querystring: listNetworkPeopleQuery,
          response: { 200: networkPersonListSchema, ...errors },
        },
      },
      async (request) => people.list(actorOf(request), request.query),
    );

    app.post(
      '/network/people',
      {
        config: { permission: 'network.create' },
        schema: {
          tags,
          summary: 'Add a network person (in the scope of their organisation’s owner cluster)',
          description: 'An e-mail another person of the network has is refused with 400 naming `body.email`.',
          params: workspaceParams,
          body: createNetworkPersonBody,
          response: { 201: networkPersonSchema, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(await people.create(actorOf(request), request.body)),
    );

    app.get(
      '/network/people/:id',
      {
        config: { permission: 'network.read' },
        schema: {
          tags,
          summary: 'One network person',
          params: networkRecordParams,
          response: { 200: networkPersonSchema, ...errors },
        },
      },
      async (request) => people.get(actorOf(request), request.params.id),
    );

    app.patch(
      '/network/people/:id',
      {
        config: { permission: 'network.update' },
        schema: {
          tags,
          summary: 'Edit a network person',
          description: 'Send the `version` you read; a stale one, or an erased person, is answered 409.',
          params: networkRecordParams,
          body: updateNetworkPersonBody,
          response: { 200: networkPersonSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => people.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/network/people/:id',
      {
        config: { permission: 'network.delete' },
        schema: {
          tags,
          summary: 'Remove a network person',
          description:
            'Refused with 409 while interactions name the person: merge them into another person, or erase them (GDPR).',
          params: networkRecordParams,
          querystring: deleteNetworkRecordQuery,
          response: { 204: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await people.delete(actorOf(request), request.params.id, request.query.version);
        return reply.code(204).send();
      },
    );

    app.post(
      '/network/people/:id/merge',
      {
        config: { permission: 'network.delete' },
        schema: {
          tags,
          summary: 'Merge a duplicate network person into another one',
          description:
            'Re-points their interactions to `intoId`, fills the kept person’s missing contact data, then deletes them. Answers the kept person.',
          params: networkRecordParams,
          body: mergeBody,
          response: { 200: networkPersonSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => people.merge(actorOf(request), request.params.id, request.body),
    );
  };
}
