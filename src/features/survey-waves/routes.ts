import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authentication.ts';
import { sourceKey } from '../../http/client-source.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import type { SurveyAnswerService } from './answering.ts';
import {
  audienceInput,
  audiencePreviewSchema,
  createWaveBody,
  deleteWaveQuery,
  draftBody,
  draftSavedSchema,
  listWavesQuery,
  publicSurveySchema,
  questionnaireOptionsSchema,
  remindResultSchema,
  submitBody,
  submittedSchema,
  tokenParams,
  updateWaveBody,
  versionBody,
  waveDetailSchema,
  waveListSchema,
  waveParams,
} from './schema.ts';
import type { WaveService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** Reading a survey and saving drafts (autosave): generous; submitting: a handful a minute. */
export const SURVEY_READ_RATE = { max: 120, timeWindow: '1 minute' } as const;
export const SURVEY_SUBMIT_RATE = { max: 20, timeWindow: '1 minute' } as const;

/** `/workspaces/{workspace}/surveys/waves`: waves, their audience, sending, reminders and closing. */
export function surveyWaveRoutes(waves: WaveService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/surveys/waves',
      {
        config: { permission: 'survey.read' },
        schema: {
          tags: ['surveys'],
          summary: 'List the survey waves, newest first, with their progress counts',
          params: workspaceParams,
          querystring: listWavesQuery,
          response: { 200: waveListSchema, ...errors },
        },
      },
      async (request) => waves.list(actorOf(request), request.query),
    );

    app.post(
      '/surveys/waves',
      {
        config: { permission: 'survey.manage' },
        schema: {
          tags: ['surveys'],
          summary: 'Prepare a wave (a draft): a questionnaire, an audience, a closing date, reminders',
          description:
            "An activity must be a validation survey (1.1.6) or a market survey (1.3.4); the wave's cluster is then the activity's. A questionnaire, activity, market or cluster of another workspace is 404 naming the field.",
          params: workspaceParams,
          body: createWaveBody,
          response: { 201: waveDetailSchema, 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(await waves.create(actorOf(request), request.body)),
    );

    app.get(
      '/surveys/waves/questionnaire-options',
      {
        config: { permission: 'survey.read' },
        schema: {
          tags: ['surveys'],
          summary: 'The questionnaires a wave can be sent with (active ones), with their languages',
          params: workspaceParams,
          response: { 200: questionnaireOptionsSchema, ...errors },
        },
      },
      async (request) => waves.questionnaireOptions(actorOf(request)),
    );

    app.post(
      '/surveys/waves/audience-preview',
      {
        config: { permission: 'survey.manage' },
        schema: {
          tags: ['surveys'],
          summary: 'Who an audience would reach: the invited, and those excluded (no e-mail, no consent)',
          params: workspaceParams,
          body: audienceInput,
          response: { 200: audiencePreviewSchema, ...errors },
        },
      },
      async (request) => waves.previewAudience(actorOf(request), request.body),
    );

    app.get(
      '/surveys/waves/:id',
      {
        config: { permission: 'survey.read' },
        schema: {
          tags: ['surveys'],
          summary: "A wave with its progress and, unless anonymous, each respondent's",
          params: waveParams,
          response: { 200: waveDetailSchema, ...errors },
        },
      },
      async (request) => waves.get(actorOf(request), request.params.id),
    );

    app.patch(
      '/surveys/waves/:id',
      {
        config: { permission: 'survey.manage' },
        schema: {
          tags: ['surveys'],
          summary: 'Edit a draft wave',
          description: 'Send the `version` you read; a stale one gets 409. A sent wave is not edited (409).',
          params: waveParams,
          body: updateWaveBody,
          response: { 200: waveDetailSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => waves.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/surveys/waves/:id',
      {
        config: { permission: 'survey.manage' },
        schema: {
          tags: ['surveys'],
          summary: 'Delete a draft wave (a sent one is closed instead: 409)',
          params: waveParams,
          querystring: deleteWaveQuery,
          response: { 204: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await waves.delete(actorOf(request), request.params.id, request.query.version);
        return reply.code(204).send();
      },
    );

    app.post(
      '/surveys/waves/:id/send',
      {
        config: { permission: 'survey.manage' },
        schema: {
          tags: ['surveys'],
          summary: 'Send a draft: freeze the questionnaire, invite the audience, mail the personal links',
          description:
            'People without an e-mail or without consent are not invited. An audience with no one to invite, or a questionnaire without questions, is 400; nothing is written.',
          params: waveParams,
          body: versionBody,
          response: { 200: waveDetailSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => waves.send(actorOf(request), request.params.id, request.body.version),
    );

    app.post(
      '/surveys/waves/:id/remind',
      {
        config: { permission: 'survey.manage' },
        schema: {
          tags: ['surveys'],
          summary: 'Remind now everyone who has not completed (each gets a new link; answers saved stay)',
          params: waveParams,
          response: { 200: remindResultSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => waves.remind(actorOf(request), request.params.id),
    );

    app.post(
      '/surveys/waves/:id/close',
      {
        config: { permission: 'survey.manage' },
        schema: {
          tags: ['surveys'],
          summary: 'Close an open wave: its links take no more answers',
          params: waveParams,
          body: versionBody,
          response: { 200: waveDetailSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => waves.close(actorOf(request), request.params.id, request.body.version),
    );
  };
}

const publicErrors = { 400: problemSchema, 404: problemSchema, 409: problemSchema, 429: problemSchema };

/**
 * `/public/surveys/{token}`: answering by a personal link, no account. Rate-limited per client
 * source in the shared store, like the public event routes.
 */
export function publicSurveyRoutes(answers: SurveyAnswerService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/public/surveys/:token',
      {
        config: { rateLimit: { ...SURVEY_READ_RATE, keyGenerator: sourceKey } },
        schema: {
          tags: ['surveys'],
          summary: "A respondent's survey: the questionnaire as sent, its languages and the saved draft",
          description:
            'Marks the link opened. `state` says whether it still takes answers. An unknown link is 404 and reveals nothing.',
          params: tokenParams,
          response: { 200: publicSurveySchema, ...publicErrors },
        },
      },
      async (request) => answers.open(request.params.token),
    );

    app.put(
      '/public/surveys/:token/draft',
      {
        config: { rateLimit: { ...SURVEY_READ_RATE, keyGenerator: sourceKey } },
        schema: {
          tags: ['surveys'],
          summary: 'Save partial answers (nothing required yet); marks the link started',
          description:
            'An answer of the wrong type or out of range is 400 naming `body.answers.<key>`. An answered link or a closed wave is 409.',
          params: tokenParams,
          body: draftBody,
          response: { 200: draftSavedSchema, ...publicErrors },
        },
      },
      async (request) => answers.saveDraft(request.params.token, request.body),
    );

    app.post(
      '/public/surveys/:token/submit',
      {
        config: { rateLimit: { ...SURVEY_SUBMIT_RATE, keyGenerator: sourceKey } },
        schema: {
          tags: ['surveys'],
          summary: 'Submit the answers: every required question shown must be answered',
          description:
            'Once submitted the link is spent (409 on a second submit). An anonymous wave keeps no link between the response and the respondent.',
          params: tokenParams,
          body: submitBody,
          response: { 201: submittedSchema, ...publicErrors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await answers.submit(request.params.token, request.body)),
    );
  };
}
