import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { actorOf } from '../../http/authentication.ts';
import { sourceKey } from '../../http/client-source.ts';
import { problemSchema } from '../../http/problem.ts';
import { authenticateParticipant, type PortalParticipant } from '../b2b-participants/portal-auth.ts';
import { jobSchema } from '../jobs/schema.ts';
import {
  agendaQuery,
  agendaSchema,
  agendasOverviewSchema,
  calendarParams,
  eventParams,
  feedLinkSchema,
} from './schema.ts';
import type { AgendaFile, AgendaService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

const fileResponse = (contentType: string, description: string) => ({
  description,
  content: { [contentType]: { schema: z.string() } },
});

/** `attachment; filename="…"` with only safe characters, and the exact name in `filename*` (RFC 6266). */
function contentDisposition(name: string, inline = false): string {
  const plain = name.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `${inline ? 'inline' : 'attachment'}; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function sendFile(reply: FastifyReply, file: AgendaFile) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('cache-control', 'private, no-store')
    .send(file.content);
}

/**
 * `/workspaces/{workspace}/events/{eventId}/…`: a participant's agenda (JSON, PDF, iCalendar) and
 * its calendar feed link; for organisers every agenda in one PDF, the event grid, the table cards
 * and the agenda mails.
 */
export function agendaRoutes(agendas: AgendaService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/events/:eventId/agenda',
      {
        config: { permission: 'event.read' },
        schema: {
          tags: ['events'],
          summary:
            "A participant's agenda: its meetings of the published schedule, local times, counterparts",
          description:
            "A member reads its own organisation's participant (the default); organisers any participant of the event; another participant is 403. Empty (`published: false`) before the schedule is published.",
          params: eventParams,
          querystring: agendaQuery,
          response: { 200: agendaSchema, ...errors },
        },
      },
      async (request) =>
        agendas.agenda(actorOf(request), request.params.eventId, request.query.participantId),
    );

    app.get(
      '/events/:eventId/agenda.pdf',
      {
        config: { permission: 'event.read' },
        schema: {
          tags: ['events'],
          summary:
            "A participant's agenda as a PDF (with the counterparts' profiles and the check-in QR code)",
          params: eventParams,
          querystring: agendaQuery,
          response: { 200: fileResponse('application/pdf', 'The PDF, as an attachment'), ...errors },
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await agendas.agendaPdf(actorOf(request), request.params.eventId, request.query.participantId),
        ),
    );

    app.get(
      '/events/:eventId/agenda.ics',
      {
        config: { permission: 'event.read' },
        schema: {
          tags: ['events'],
          summary: "A participant's agenda as an iCalendar file (RFC 5545) to import once",
          params: eventParams,
          querystring: agendaQuery,
          response: { 200: fileResponse('text/calendar', 'The calendar, as an attachment'), ...errors },
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await agendas.agendaIcs(actorOf(request), request.params.eventId, request.query.participantId),
        ),
    );

    app.get(
      '/events/:eventId/feed',
      {
        config: { permission: 'event.participate' },
        schema: {
          tags: ['events'],
          summary: "A participant's calendar subscription address (created on first request)",
          params: eventParams,
          querystring: agendaQuery,
          response: { 200: feedLinkSchema, ...errors },
        },
      },
      async (request) => agendas.feed(actorOf(request), request.params.eventId, request.query.participantId),
    );

    app.post(
      '/events/:eventId/feed/revoke',
      {
        config: { permission: 'event.participate' },
        schema: {
          tags: ['events'],
          summary: "Replace a participant's calendar subscription address: the old one answers 404 at once",
          params: eventParams,
          querystring: agendaQuery,
          response: { 200: feedLinkSchema, ...errors },
        },
      },
      async (request) =>
        agendas.revokeFeed(actorOf(request), request.params.eventId, request.query.participantId),
    );

    app.get(
      '/events/:eventId/agendas',
      {
        config: { permission: 'event.manage' },
        schema: {
          tags: ['events'],
          summary: 'Organisers: the approved participants with their meeting counts',
          params: eventParams,
          response: { 200: agendasOverviewSchema, ...errors },
        },
      },
      async (request) => agendas.overview(actorOf(request), request.params.eventId),
    );

    app.get(
      '/events/:eventId/agendas.pdf',
      {
        config: { permission: 'event.manage' },
        schema: {
          tags: ['events'],
          summary: "Organisers: every approved participant's agenda in one PDF, each from a new page",
          params: eventParams,
          response: { 200: fileResponse('application/pdf', 'The PDF, as an attachment'), ...errors },
        },
      },
      async (request, reply) =>
        sendFile(reply, await agendas.allAgendasPdf(actorOf(request), request.params.eventId)),
    );

    app.get(
      '/events/:eventId/grid.svg',
      {
        config: { permission: 'event.manage' },
        schema: {
          tags: ['events'],
          summary: "Organisers: the event grid (slots × tables, each meeting's two names) as an SVG picture",
          params: eventParams,
          response: { 200: fileResponse('image/svg+xml', 'The picture'), ...errors },
        },
      },
      async (request, reply) => {
        const grid = await agendas.gridSvg(actorOf(request), request.params.eventId);
        return reply
          .header('content-type', 'image/svg+xml; charset=utf-8')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
          .header('cache-control', 'private, no-store')
          .send(grid.svg);
      },
    );

    app.get(
      '/events/:eventId/grid.pdf',
      {
        config: { permission: 'event.manage' },
        schema: {
          tags: ['events'],
          summary: 'Organisers: the event grid on a printable A4 page',
          params: eventParams,
          response: { 200: fileResponse('application/pdf', 'The PDF, as an attachment'), ...errors },
        },
      },
      async (request, reply) =>
        sendFile(reply, await agendas.gridPdf(actorOf(request), request.params.eventId)),
    );

    app.get(
      '/events/:eventId/table-cards.pdf',
      {
        config: { permission: 'event.manage' },
        schema: {
          tags: ['events'],
          summary:
            'Organisers: one printable card per table (its number large, its name, whom it is reserved for)',
          params: eventParams,
          response: { 200: fileResponse('application/pdf', 'The PDF, as an attachment'), ...errors },
        },
      },
      async (request, reply) =>
        sendFile(reply, await agendas.tableCardsPdf(actorOf(request), request.params.eventId)),
    );

    app.post(
      '/events/:eventId/agenda-mails',
      {
        config: { permission: 'event.manage' },
        schema: {
          tags: ['events'],
          summary:
            'Organisers: send each approved participant its agenda by mail (the .ics attached), as a job',
          description:
            'Answers 202 with the queued job; follow it with `GET /jobs/{id}`. Its file lists who got a mail. The job fails when the schedule is not published.',
          params: eventParams,
          response: { 202: z.object({ job: jobSchema }).meta({ id: 'AgendaMailsStarted' }), ...errors },
        },
      },
      async (request, reply) => {
        const job = await agendas.startAgendaMails(
          actorOf(request),
          request.params.eventId,
          request.params.workspace,
        );
        return reply.code(202).send({ job });
      },
    );
  };
}

/** `/event-portal/…`: the signed-in outside participant's own agenda and calendar feed. */
export function portalAgendaRoutes(db: Kysely<DB>, agendas: AgendaService): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', authenticateParticipant(db));
    const participantOf = (request: { participant: PortalParticipant | null }) => {
      if (!request.participant) throw new NotFoundError('participant', '');
      return request.participant;
    };
    const tags = ['event portal'];

    app.get(
      '/agenda',
      {
        schema: {
          tags,
          summary: "The signed-in participant's agenda",
          response: { 200: agendaSchema, ...errors },
        },
      },
      async (request) => agendas.portalAgenda(participantOf(request)),
    );
    app.get(
      '/agenda.pdf',
      {
        schema: {
          tags,
          summary: "The signed-in participant's agenda as a PDF",
          response: { 200: fileResponse('application/pdf', 'The PDF, as an attachment'), ...errors },
        },
      },
      async (request, reply) => sendFile(reply, await agendas.portalAgendaPdf(participantOf(request))),
    );
    app.get(
      '/agenda.ics',
      {
        schema: {
          tags,
          summary: "The signed-in participant's agenda as an iCalendar file",
          response: { 200: fileResponse('text/calendar', 'The calendar, as an attachment'), ...errors },
        },
      },
      async (request, reply) => sendFile(reply, await agendas.portalAgendaIcs(participantOf(request))),
    );
    app.get(
      '/feed',
      {
        schema: {
          tags,
          summary: "The signed-in participant's calendar subscription address (created on first request)",
          response: { 200: feedLinkSchema, ...errors },
        },
      },
      async (request) => agendas.portalFeed(participantOf(request), false),
    );
    app.post(
      '/feed/revoke',
      {
        schema: {
          tags,
          summary: 'Replace the calendar subscription address: the old one answers 404 at once',
          response: { 200: feedLinkSchema, ...errors },
        },
      },
      async (request) => agendas.portalFeed(participantOf(request), true),
    );
  };
}

/** Per client address: a calendar app polls a feed every few minutes at most. */
export const CALENDAR_FEED_RATE = { max: 60, timeWindow: '1 minute' };

/**
 * `GET /calendar/{token}.ics`: the public calendar feed (no account; the token is the secret). A
 * wrong, revoked or cancelled participant's token answers the same 404.
 */
export function calendarFeedRoutes(agendas: AgendaService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/calendar/:token.ics',
      {
        config: { rateLimit: { ...CALENDAR_FEED_RATE, keyGenerator: sourceKey } },
        schema: {
          tags: ['events'],
          summary: "A participant's calendar feed (iCalendar), by its secret address",
          description:
            "Reflects every change of the participant's agenda (cancelled meetings stay, as STATUS:CANCELLED). ETag from the event's agenda revision: 304 on If-None-Match. A wrong or revoked address answers 404. Rate-limited per client address (429).",
          params: calendarParams,
          response: {
            200: fileResponse('text/calendar', 'The calendar'),
            304: z.undefined(),
            404: problemSchema,
            429: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const notFound = () => new NotFoundError('calendar', 'this address');
        const match = request.headers['if-none-match'];
        if (typeof match === 'string') {
          const etag = await agendas.calendarFeedEtag(request.params.token);
          if (!etag) throw notFound();
          if (match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
            return reply
              .code(304)
              .header('etag', etag)
              .header('cache-control', 'private, no-cache')
              .send(undefined);
          }
        }
        const feed = await agendas.calendarFeed(request.params.token);
        if (!feed) throw notFound();
        return reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('content-disposition', contentDisposition('agenda.ics', true))
          .header('etag', feed.etag)
          .header('cache-control', 'private, no-cache')
          .header('x-robots-tag', 'noindex')
          .send(feed.content);
      },
    );
  };
}
