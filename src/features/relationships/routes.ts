import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import {
  boardQuery,
  createRelationshipBody,
  deleteRelationshipQuery,
  editStageChangeBody,
  listRelationshipsQuery,
  relationshipBoardSchema,
  relationshipDetailSchema,
  relationshipListSchema,
  relationshipParams,
  relationshipSchema,
  stageChangeBody,
  stageChangeParams,
  updateRelationshipBody,
} from './schema.ts';
import type { RelationshipService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const tags = ['network'];

/** `/workspaces/{workspace}/network/relationships`: the partnership pipeline (issue 21 item 3). */
export function relationshipRoutes(relationships: RelationshipService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/network/relationships',
      {
        config: { permission: 'network.read' },
        schema: {
          tags,
          summary: 'List the relationships, with filters, sort and the total',
          params: workspaceParams,
          querystring: listRelationshipsQuery,
          response: { 200: relationshipListSchema, ...errors },
        },
      },
      async (request) => relationships.list(actorOf(request), request.query),
    );

    app.get(
      '/network/relationships/board',
      {
        config: { permission: 'network.read' },
        schema: {
          tags,
          summary: 'The pipeline board: per stage, how many and the 50 most recently moved',
          params: workspaceParams,
          querystring: boardQuery,
          response: { 200: relationshipBoardSchema, ...errors },
        },
      },
      async (request) => relationships.board(actorOf(request), request.query),
    );

    app.post(
      '/network/relationships',
      {
        config: { permission: 'network.create' },
        schema: {
          tags,
          summary: 'Add a relationship between one of ours and a counterpart',
          description:
            'Ours: exactly one of ourClusterId and ourOrganisationId; the counterpart: exactly one of networkOrganisationId and counterpartOrganisationId. One relationship per pair: a second is refused with 409 naming the first. Its first stage is recorded as its first stage change, attributed to activityId.',
          params: workspaceParams,
          body: createRelationshipBody,
          response: { 201: relationshipDetailSchema, 409: problemSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await relationships.create(actorOf(request), request.body)),
    );

    app.get(
      '/network/relationships/:id',
      {
        config: { permission: 'network.read' },
        schema: {
          tags,
          summary: 'One relationship with its stage history',
          params: relationshipParams,
          response: { 200: relationshipDetailSchema, ...errors },
        },
      },
      async (request) => relationships.get(actorOf(request), request.params.id),
    );

    app.patch(
      '/network/relationships/:id',
      {
        config: { permission: 'network.update' },
        schema: {
          tags,
          summary: 'Edit a relationship’s notes, owner or market (its stage: POST …/stage)',
          params: relationshipParams,
          body: updateRelationshipBody,
          response: { 200: relationshipSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => relationships.update(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/network/relationships/:id/stage',
      {
        config: { permission: 'network.update' },
        schema: {
          tags,
          summary:
            'Move a relationship to a stage (or confirm its stage) on a day, attributed to an activity',
          description:
            'Dormant and closed need a reason. A change dated before the relationship began or before its previous change is refused (400 naming changedOn).',
          params: relationshipParams,
          body: stageChangeBody,
          response: { 200: relationshipDetailSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => relationships.changeStage(actorOf(request), request.params.id, request.body),
    );

    app.patch(
      '/network/relationships/:id/changes/:changeId',
      {
        config: { permission: 'network.update' },
        schema: {
          tags,
          summary: 'Correct the activity a stage change is attributed to, or its reason',
          description: "Send the relationship's version; its stage and day stay as recorded.",
          params: stageChangeParams,
          body: editStageChangeBody,
          response: { 200: relationshipDetailSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) =>
        relationships.editChange(actorOf(request), request.params.id, request.params.changeId, request.body),
    );

    app.delete(
      '/network/relationships/:id',
      {
        config: { permission: 'network.delete' },
        schema: {
          tags,
          summary: 'Remove a relationship and its stage history',
          params: relationshipParams,
          querystring: deleteRelationshipQuery,
          response: { 204: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await relationships.delete(actorOf(request), request.params.id, request.query.version);
        return reply.code(204).send();
      },
    );
  };
}
