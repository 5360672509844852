import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import {
  createQuestionnaireBody,
  deleteQuestionnaireQuery,
  duplicateQuestionnaireBody,
  listQuestionnairesQuery,
  questionnaireDetailSchema,
  questionnaireListSchema,
  questionnaireParams,
  questionnaireVersionParams,
  questionnaireVersionSchema,
  updateQuestionnaireBody,
  versionBody,
} from './schema.ts';
import type { QuestionnaireService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const tags = ['surveys'];

/**
 * `/workspaces/{workspace}/surveys/questionnaires`: the survey definitions of the workspace, their
 * frozen versions, duplicates, archive and restore.
 */
export function questionnaireRoutes(questionnaires: QuestionnaireService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/surveys/questionnaires',
      {
        config: { permission: 'survey.read' },
        schema: {
          tags,
          summary: 'List the questionnaires, with filters, their number of waves and a keyset cursor',
          params: workspaceParams,
          querystring: listQuestionnairesQuery,
          response: { 200: questionnaireListSchema, ...errors },
        },
      },
      async (request) => questionnaires.list(actorOf(request), request.query),
    );

    app.post(
      '/surveys/questionnaires',
      {
        config: { permission: 'survey.manage' },
        schema: {
          tags,
          summary:
            "Add a questionnaire (coordinators and cluster managers), or the Hub's default readiness questionnaire with { fromDefault: true }",
          description:
            'The definition is validated whole: a questionnaire without questions, a condition on a later or missing question, a text missing in a declared language… each is refused with 400 naming its field under `body.definition`; nothing is written. The default questionnaire a second time: 409.',
          params: workspaceParams,
          body: createQuestionnaireBody,
          response: { 201: questionnaireDetailSchema, 409: problemSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await questionnaires.create(actorOf(request), request.body)),
    );

    app.get(
      '/surveys/questionnaires/:id',
      {
        config: { permission: 'survey.read' },
        schema: {
          tags,
          summary: 'One questionnaire: its definition and its frozen versions with the waves that used them',
          params: questionnaireParams,
          response: { 200: questionnaireDetailSchema, ...errors },
        },
      },
      async (request) => questionnaires.get(actorOf(request), request.params.id),
    );

    app.patch(
      '/surveys/questionnaires/:id',
      {
        config: { permission: 'survey.manage' },
        schema: {
          tags,
          summary: 'Edit a questionnaire: its name, description or whole definition',
          description:
            'Send the `version` you read; a stale one gets 409. Waves already sent keep their frozen version.',
          params: questionnaireParams,
          body: updateQuestionnaireBody,
          response: { 200: questionnaireDetailSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => questionnaires.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/surveys/questionnaires/:id',
      {
        config: { permission: 'survey.manage' },
        schema: {
          tags,
          summary: 'Delete a questionnaire no wave used (409 otherwise: archive it)',
          params: questionnaireParams,
          querystring: deleteQuestionnaireQuery,
          response: { 204: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await questionnaires.delete(actorOf(request), request.params.id, request.query.version);
        return reply.code(204).send();
      },
    );

    app.post(
      '/surveys/questionnaires/:id/duplicate',
      {
        config: { permission: 'survey.manage' },
        schema: {
          tags,
          summary: 'Copy a questionnaire to adapt it (never the default, no version yet)',
          params: questionnaireParams,
          body: duplicateQuestionnaireBody,
          response: { 201: questionnaireDetailSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await questionnaires.duplicate(actorOf(request), request.params.id, request.body.name)),
    );

    for (const [action, status] of [
      ['archive', 'archived'],
      ['restore', 'active'],
    ] as const) {
      app.post(
        `/surveys/questionnaires/:id/${action}`,
        {
          config: { permission: 'survey.manage' },
          schema: {
            tags,
            summary:
              action === 'archive'
                ? 'Archive a questionnaire: kept with its waves, offered no more for new waves'
                : 'Restore an archived questionnaire',
            params: questionnaireParams,
            body: versionBody,
            response: { 200: questionnaireDetailSchema, 409: problemSchema, ...errors },
          },
        },
        async (request) =>
          questionnaires.setStatus(actorOf(request), request.params.id, status, request.body.version),
      );
    }

    app.get(
      '/surveys/questionnaires/:id/versions/:number',
      {
        config: { permission: 'survey.read' },
        schema: {
          tags,
          summary: 'One frozen version of a questionnaire, as its waves sent it',
          params: questionnaireVersionParams,
          response: { 200: questionnaireVersionSchema, ...errors },
        },
      },
      async (request) =>
        questionnaires.getVersion(actorOf(request), request.params.id, request.params.number),
    );
  };
}
