import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import {
  coOrganisersBody,
  createEventBody,
  deleteEventQuery,
  eventDetailSchema,
  eventListSchema,
  eventParams,
  generateTablesBody,
  listEventsQuery,
  sessionsBody,
  statusBody,
  tablesBody,
  tablesSchema,
  updateEventBody,
} from './schema.ts';
import type { EventService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const TAGS = ['events'];

/**
 * `/workspaces/{workspace}/events`: B2B matchmaking events' set-up (issue 22 item 1, decision
 * 0034). Read with `event.read`; the set-up is the event's managers' (`canManageEvent`).
 */
export function eventRoutes(events: EventService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/events',
      {
        config: { permission: 'event.read' },
        schema: {
          tags: TAGS,
          summary: "List the B2B events, by their activity's start, with their counts",
          description: 'Drafts are listed only for the event managers.',
          params: workspaceParams,
          querystring: listEventsQuery,
          response: { 200: eventListSchema, ...errors },
        },
      },
      async (request) => events.list(actorOf(request), request.query),
    );

    app.post(
      '/events',
      {
        config: { permission: 'event.manage' },
        schema: {
          tags: TAGS,
          summary: 'Set up a B2B event on an activity of a B2B instrument (1.2.1–1.2.5)',
          description:
            'One event per activity (409). An activity of another instrument is refused with 400 naming `activityId`; overlapping sessions, an unknown time zone, inconsistent deadlines or an online event without a video link with 400 naming the field. The event starts as a draft.',
          params: workspaceParams,
          body: createEventBody,
          response: { 201: eventDetailSchema, 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(await events.create(actorOf(request), request.body)),
    );

    app.get(
      '/events/:eventId',
      {
        config: { permission: 'event.read' },
        schema: {
          tags: TAGS,
          summary:
            'One event with its sessions, slots, tables, co-organisers, counts and what the caller is to it',
          params: eventParams,
          response: { 200: eventDetailSchema, ...errors },
        },
      },
      async (request) => events.get(actorOf(request), request.params.eventId),
    );

    app.patch(
      '/events/:eventId',
      {
        config: { permission: 'event.manage' },
        schema: {
          tags: TAGS,
          summary: "Edit an event's settings (with the version read; stale: 409)",
          description:
            'Registration must open before it closes; the request deadline must not be after the end of the event. After publication, a slot length or time zone that would leave a scheduled meeting off the slots is refused with 409.',
          params: eventParams,
          body: updateEventBody,
          response: { 200: eventDetailSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => events.update(actorOf(request), request.params.eventId, request.body),
    );

    app.post(
      '/events/:eventId/status',
      {
        config: { permission: 'event.manage' },
        schema: {
          tags: TAGS,
          summary: 'Move an event to draft, open (registration page live) or closed',
          params: eventParams,
          body: statusBody,
          response: { 200: eventDetailSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => events.setStatus(actorOf(request), request.params.eventId, request.body),
    );

    app.delete(
      '/events/:eventId',
      {
        config: { permission: 'event.manage' },
        schema: {
          tags: TAGS,
          summary: 'Delete an event with its registrations, requests and meetings (audited)',
          params: eventParams,
          querystring: deleteEventQuery,
          response: { 204: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await events.delete(actorOf(request), request.params.eventId, request.query.version);
        return reply.code(204).send();
      },
    );

    app.put(
      '/events/:eventId/sessions',
      {
        config: { permission: 'event.manage' },
        schema: {
          tags: TAGS,
          summary: "Replace the event's sessions (days, times, breaks)",
          description:
            'Errors name `body.sessions.N.field`. After publication, sessions that would leave a scheduled meeting outside the new slots are refused with 409 saying how many.',
          params: eventParams,
          body: sessionsBody,
          response: { 200: eventDetailSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => events.setSessions(actorOf(request), request.params.eventId, request.body.sessions),
    );

    app.get(
      '/events/:eventId/tables',
      {
        config: { permission: 'event.read' },
        schema: {
          tags: TAGS,
          summary: 'The tables, and for organisers the approved participants a table may be reserved for',
          params: eventParams,
          response: { 200: tablesSchema, ...errors },
        },
      },
      async (request) => events.getTables(actorOf(request), request.params.eventId),
    );

    app.put(
      '/events/:eventId/tables',
      {
        config: { permission: 'event.manage' },
        schema: {
          tags: TAGS,
          summary: "Set the event's tables by number, some reserved for a participant",
          description:
            'Numbers are unique; a reserved participant is an approved participant of this event and holds one table at most ("reserved table used twice": 400 naming the field). Removing a table that holds a scheduled meeting: 409.',
          params: eventParams,
          body: tablesBody,
          response: { 200: tablesSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => events.setTables(actorOf(request), request.params.eventId, request.body.tables),
    );

    app.post(
      '/events/:eventId/tables/generate',
      {
        config: { permission: 'event.manage' },
        schema: {
          tags: TAGS,
          summary: 'Number the tables 1..count named "{prefix} k" (reservations of kept numbers stay)',
          params: eventParams,
          body: generateTablesBody,
          response: { 200: tablesSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => events.generateTables(actorOf(request), request.params.eventId, request.body),
    );

    app.put(
      '/events/:eventId/co-organisers',
      {
        config: { permission: 'event.manage' },
        schema: {
          tags: TAGS,
          summary: 'Set the clusters of the workspace that co-organise the event (their managers run it too)',
          params: eventParams,
          body: coOrganisersBody,
          response: { 200: eventDetailSchema, ...errors },
        },
      },
      async (request) =>
        events.setCoOrganisers(actorOf(request), request.params.eventId, request.body.clusterIds),
    );
  };
}
