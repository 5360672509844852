import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { actorOf } from '../../http/authentication.ts';
import { sourceKey } from '../../http/client-source.ts';
import { problemSchema } from '../../http/problem.ts';
import { authenticateParticipant, type PortalParticipant } from '../b2b-participants/portal-auth.ts';
import {
  checkInByCodeBody,
  checkInListSchema,
  checkInQuery,
  checkInResultSchema,
  codeLookupSchema,
  codeParams,
  dayOverviewSchema,
  eventParams,
  type FeedbackInput,
  feedbackBody,
  followUpSchema,
  type MeetingOnTheDayDto,
  type MyMeetingDto,
  meetingOnTheDaySchema,
  meetingParams,
  meetingStatusBody,
  myMeetingSchema,
  participantParams,
  portalMeetingParams,
  statisticsSchema,
} from './schema.ts';
import type { DayCaller, DayService } from './service.ts';

const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};
const tags = ['events'];

/** The commands the day's routes call (composed in src/app/services.ts). */
export interface DayCommands {
  setMeetingStatus(
    caller: DayCaller,
    eventId: string | null,
    meetingId: string,
    input: { status: 'scheduled' | 'held' | 'no_show' | 'cancelled'; version: number },
  ): Promise<MeetingOnTheDayDto>;
  giveFeedback(
    caller: DayCaller,
    eventId: string | null,
    meetingId: string,
    input: FeedbackInput,
  ): Promise<MyMeetingDto>;
}

/** `/workspaces/{workspace}/events/{eventId}/…`: check-in, meeting outcomes, follow-up, statistics. */
export function dayRoutes(day: DayService, commands: DayCommands): FastifyPluginAsyncZod {
  return async (app) => {
    const user = (request: Parameters<typeof actorOf>[0]): DayCaller => ({
      kind: 'user',
      actor: actorOf(request),
    });

    app.get(
      '/events/:eventId/check-in',
      {
        config: { permission: 'event.manage' },
        schema: {
          tags,
          summary: 'The check-in list: approved participants, their check-in, the counts',
          description: '`q` searches the participant’s and its representatives’ names. Organisers only.',
          params: eventParams,
          querystring: checkInQuery,
          response: { 200: checkInListSchema, ...errors },
        },
      },
      async (request) => day.checkInList(actorOf(request), request.params.eventId, request.query),
    );

    app.get(
      '/events/:eventId/check-in/codes/:code',
      {
        config: { permission: 'event.manage' },
        schema: {
          tags,
          summary: 'Who a check-in code (the agenda’s QR code) names, before checking in',
          description: 'A code unknown in this event (or of another event) is a 404.',
          params: codeParams,
          response: { 200: codeLookupSchema, ...errors },
        },
      },
      async (request) => day.lookupCode(actorOf(request), request.params.eventId, request.params.code),
    );

    app.post(
      '/events/:eventId/check-in/by-code',
      {
        config: { permission: 'event.manage' },
        schema: {
          tags,
          summary: 'Check a participant in by the code of its agenda’s QR code',
          params: eventParams,
          body: checkInByCodeBody,
          response: { 200: checkInResultSchema, ...errors },
        },
      },
      async (request) => day.checkInByCode(actorOf(request), request.params.eventId, request.body.code),
    );

    app.post(
      '/events/:eventId/check-in/me',
      {
        config: { permission: 'event.participate' },
        schema: {
          tags,
          summary: 'Check my organisation’s participant in (on the event’s days only)',
          description:
            'The days are the activity’s dates and the sessions’ days, in the event’s time zone; on another day 409.',
          params: eventParams,
          response: { 200: checkInResultSchema, ...errors },
        },
      },
      async (request) => day.selfCheckIn(user(request), request.params.eventId),
    );

    app.post(
      '/events/:eventId/participants/:participantId/check-in',
      {
        config: { permission: 'event.manage' },
        schema: {
          tags,
          summary: 'Check a participant in (again: no change)',
          params: participantParams,
          response: { 200: checkInResultSchema, ...errors },
        },
      },
      async (request) =>
        day.setCheckIn(actorOf(request), request.params.eventId, request.params.participantId, true),
    );

    app.delete(
      '/events/:eventId/participants/:participantId/check-in',
      {
        config: { permission: 'event.manage' },
        schema: {
          tags,
          summary: 'Undo a participant’s check-in',
          params: participantParams,
          response: { 200: checkInResultSchema, ...errors },
        },
      },
      async (request) =>
        day.setCheckIn(actorOf(request), request.params.eventId, request.params.participantId, false),
    );

    app.get(
      '/events/:eventId/day',
      {
        config: { permission: 'event.manage' },
        schema: {
          tags,
          summary: 'The day at a glance: the meetings of the slot running now and of the next slot',
          params: eventParams,
          response: { 200: dayOverviewSchema, ...errors },
        },
      },
      async (request) => day.overview(actorOf(request), request.params.eventId),
    );

    app.post(
      '/events/:eventId/meetings/:meetingId/status',
      {
        config: { permission: 'event.participate' },
        schema: {
          tags,
          summary: 'Mark a meeting held, no-show, cancelled, or back to scheduled',
          description:
            'By a side of the meeting (a member for its organisation’s participant) or an organiser. Sides: held and no-show from the meeting’s start, cancel before its end (409 otherwise); organisers any time. A meeting of another pair is a 404. A held meeting with an outside participant known to the network becomes an interaction; taking it back removes it.',
          params: meetingParams,
          body: meetingStatusBody,
          response: { 200: meetingOnTheDaySchema, ...errors },
        },
      },
      async (request) =>
        commands.setMeetingStatus(
          user(request),
          request.params.eventId,
          request.params.meetingId,
          request.body,
        ),
    );

    app.post(
      '/events/:eventId/meetings/:meetingId/feedback',
      {
        config: { permission: 'event.participate' },
        schema: {
          tags,
          summary: 'Rate a held meeting and say what follow-up is expected (one answer per side)',
          description:
            'Held meetings only (409 otherwise). A follow-up moves the relationship with the counterpart to met, or potential partner for a proposal or a partnership, never backwards.',
          params: meetingParams,
          body: feedbackBody,
          response: { 200: myMeetingSchema, ...errors },
        },
      },
      async (request) =>
        commands.giveFeedback(user(request), request.params.eventId, request.params.meetingId, request.body),
    );

    app.get(
      '/events/:eventId/follow-up',
      {
        config: { permission: 'event.participate' },
        schema: {
          tags,
          summary: 'My organisation’s meetings in the event, with my feedback and my check-in',
          params: eventParams,
          response: { 200: followUpSchema, ...errors },
        },
      },
      async (request) => day.followUp(user(request), request.params.eventId),
    );

    app.get(
      '/events/:eventId/statistics',
      {
        config: { permission: 'event.read' },
        schema: {
          tags,
          summary:
            'The event’s figures: registrations, requests, meetings, check-ins, satisfaction, follow-ups',
          description:
            'Totals only (no participant is named): everyone who may read the event may read them.',
          params: eventParams,
          response: { 200: statisticsSchema, ...errors },
        },
      },
      async (request) => day.statistics(actorOf(request), request.params.eventId),
    );
  };
}

/** Portal calls: a few a second at most from one participant's phone. */
const PORTAL_RATE = { max: 60, timeWindow: '1 minute' };

/**
 * `/event-portal/…` for the day: an outside participant signed in by its event link checks itself
 * in, marks its meetings and gives its feedback (its own event and meetings only).
 */
export function dayPortalRoutes(
  db: Kysely<DB>,
  day: DayService,
  commands: DayCommands,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', authenticateParticipant(db));
    const portal = (request: { participant: PortalParticipant | null }): DayCaller => ({
      kind: 'portal',
      participant: request.participant as PortalParticipant,
    });
    const config = { rateLimit: { ...PORTAL_RATE, keyGenerator: sourceKey } };
    const portalErrors = { ...errors, 429: problemSchema };

    app.post(
      '/event-portal/check-in',
      {
        config,
        schema: {
          tags,
          summary: 'Check myself in (on the event’s days only)',
          response: { 200: checkInResultSchema, ...portalErrors },
        },
      },
      async (request) => day.selfCheckIn(portal(request), null),
    );

    app.get(
      '/event-portal/follow-up',
      {
        config,
        schema: {
          tags,
          summary: 'My meetings in the event, with my feedback and my check-in',
          response: { 200: followUpSchema, ...portalErrors },
        },
      },
      async (request) => day.followUp(portal(request), null),
    );

    app.post(
      '/event-portal/meetings/:meetingId/status',
      {
        config,
        schema: {
          tags,
          summary: 'Mark one of my meetings held, no-show, cancelled, or back to scheduled',
          params: portalMeetingParams,
          body: meetingStatusBody,
          response: { 200: meetingOnTheDaySchema, ...portalErrors },
        },
      },
      async (request) =>
        commands.setMeetingStatus(portal(request), null, request.params.meetingId, request.body),
    );

    app.post(
      '/event-portal/meetings/:meetingId/feedback',
      {
        config,
        schema: {
          tags,
          summary: 'Rate one of my held meetings and say what follow-up I expect',
          params: portalMeetingParams,
          body: feedbackBody,
          response: { 200: myMeetingSchema, ...portalErrors },
        },
      },
      async (request) => commands.giveFeedback(portal(request), null, request.params.meetingId, request.body),
    );
  };
}
