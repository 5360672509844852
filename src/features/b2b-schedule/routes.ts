import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/authentication.ts';
import { problemSchema } from '../../http/problem.ts';
import {
  eventParams,
  meetingListSchema,
  meetingsQuery,
  overviewSchema,
  publishBody,
  publishResultSchema,
  runDetailSchema,
  runListSchema,
  runParams,
  startRunBody,
} from './schema.ts';
import type { ScheduleService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const tags = ['events'];
const base = '/events/:eventId';

/** `/workspaces/{workspace}/events/{eventId}/…`: scheduling and publishing (issue 22 item 4), organisers only. */
export function scheduleRoutes(schedule: ScheduleService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${base}/schedule`,
      {
        config: { permission: 'event.manage' },
        schema: {
          tags,
          summary: 'The schedule at a glance: capacity, requests to place, publication, reschedule needed',
          params: eventParams,
          response: { 200: overviewSchema, ...errors },
        },
      },
      async (request) => schedule.overview(actorOf(request), request.params.eventId),
    );

    app.post(
      `${base}/schedule-runs`,
      {
        config: { permission: 'event.manage' },
        schema: {
          tags,
          summary: 'Start a scheduler run (a background job with progress)',
          description:
            'One run at a time per event (a second is a 409). No slots, no tables or no accepted request: 409 saying so. `reschedule` only after publication: published meetings stay, the fewest others move.',
          params: eventParams,
          body: startRunBody,
          response: { 202: runDetailSchema, 409: problemSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(202).send(await schedule.startRun(actorOf(request), request.params.eventId, request.body)),
    );

    app.get(
      `${base}/schedule-runs`,
      {
        config: { permission: 'event.manage' },
        schema: {
          tags,
          summary: 'The scheduler runs of the event, newest first (the last 100)',
          params: eventParams,
          response: { 200: runListSchema, ...errors },
        },
      },
      async (request) => schedule.listRuns(actorOf(request), request.params.eventId),
    );

    app.get(
      `${base}/schedule-runs/:runId`,
      {
        config: { permission: 'event.manage' },
        schema: {
          tags,
          summary:
            'A run: progress, result, unplaced requests with reasons, breaks per participant, difference',
          params: runParams,
          response: { 200: runDetailSchema, ...errors },
        },
      },
      async (request) => schedule.getRun(actorOf(request), request.params.eventId, request.params.runId),
    );

    app.post(
      `${base}/schedule-runs/:runId/apply`,
      {
        config: { permission: 'event.manage' },
        schema: {
          tags,
          summary: "Make a finished run's schedule the current one",
          description:
            'Refused (409, naming what changed) when the accepted requests, participants, tables, slots or published meetings changed since the run.',
          params: runParams,
          response: { 200: runDetailSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => schedule.apply(actorOf(request), request.params.eventId, request.params.runId),
    );

    app.post(
      `${base}/schedule-runs/:runId/discard`,
      {
        config: { permission: 'event.manage' },
        schema: {
          tags,
          summary: 'Discard a run (a running one stops counting; its result is not kept for applying)',
          params: runParams,
          response: { 200: runDetailSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => schedule.discard(actorOf(request), request.params.eventId, request.params.runId),
    );

    app.get(
      `${base}/meetings`,
      {
        config: { permission: 'event.manage' },
        schema: {
          tags,
          summary: 'The current schedule: meetings with their participants, slot, table and status',
          params: eventParams,
          querystring: meetingsQuery,
          response: { 200: meetingListSchema, ...errors },
        },
      },
      async (request) => schedule.meetings(actorOf(request), request.params.eventId, request.query),
    );

    app.post(
      `${base}/publish`,
      {
        config: { permission: 'event.manage' },
        schema: {
          tags,
          summary: 'Publish the current schedule: the agendas are frozen',
          description:
            "Send the event's version. Refused (409) when the schedule no longer matches the accepted requests (or availability, tables, slots) of the run it came from.",
          params: eventParams,
          body: publishBody,
          response: { 200: publishResultSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => schedule.publish(actorOf(request), request.params.eventId, request.body.version),
    );
  };
}
