import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ACCESS_RATE,
  CONFIRM_RATE,
  PUBLIC_EVENT_RATE,
  REGISTRATION_RATE,
} from '../../domain/matchmaking/registration.ts';
import { actorOf } from '../../http/authentication.ts';
import { clientSource, sourceKey } from '../../http/client-source.ts';
import { problemSchema } from '../../http/problem.ts';
import { XLSX_MEDIA_TYPE } from '../imports/read-table.ts';
import type { ParticipantImportService } from './import.ts';
import { authenticateParticipant } from './portal-auth.ts';
import {
  acceptedSchema,
  accessBody,
  addParticipantBody,
  cancelBody,
  confirmBody,
  confirmResultSchema,
  decisionBody,
  draftQuery,
  eventParams,
  importQuery,
  importResultSchema,
  listParticipantsQuery,
  memberRegistrationBody,
  participantListSchema,
  participantParams,
  participantSchema,
  portalMeSchema,
  publicEventSchema,
  publicRegistrationBody,
  registrationDraftSchema,
  slugParams,
  updateRegistrationBody,
} from './schema.ts';
import { ACCESS_REQUESTED, type ParticipantService, REGISTRATION_ACCEPTED } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** Rate-limit key of a registration: client source and contact e-mail. */
function sourceAndContactKey(request: { ip: string; body: unknown }): string {
  const email = (request.body as { contactEmail?: unknown } | undefined)?.contactEmail;
  return `${clientSource(request.ip)}|${String(email ?? '').toLowerCase()}`;
}

/**
 * The public routes of B2B events (no account): the registration page's event, the registration,
 * the e-mail confirmation and "lost my link". Rate-limited per client source in the shared store.
 */
export function publicEventRoutes(participants: ParticipantService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/public/events/:slug',
      {
        config: { rateLimit: { ...PUBLIC_EVENT_RATE, keyGenerator: sourceKey } },
        schema: {
          tags: ['events'],
          summary: 'The public registration page of an event: what it is, its slots, whether it is open',
          description: 'Nothing about participants. A draft event or an unknown slug is 404.',
          params: slugParams,
          response: { 200: publicEventSchema, 404: problemSchema, 429: problemSchema, 400: problemSchema },
        },
      },
      async (request) => participants.publicEvent(request.params.slug),
    );

    app.post(
      '/public/events/:slug/registrations',
      {
        config: { rateLimit: { ...REGISTRATION_RATE, keyGenerator: sourceAndContactKey } },
        schema: {
          tags: ['events'],
          summary: 'Register an organisation to an event (e-mail confirmation by link)',
          description:
            'Always 202 with the same body once valid, also when the e-mail is already registered (that registrant gets a new link by mail). Closed registration: 409. Unknown slot: 400 naming `body.unavailable.N`. More representatives than the event allows: 400 naming `body.representatives`. Rate-limited per client address and e-mail (429).',
          params: slugParams,
          body: publicRegistrationBody,
          response: {
            202: acceptedSchema,
            409: problemSchema,
            413: problemSchema,
            429: problemSchema,
            ...errors,
          },
        },
      },
      async (request, reply) => {
        await participants.register(request.params.slug, request.body);
        return reply.code(202).send({ detail: REGISTRATION_ACCEPTED });
      },
    );

    app.post(
      '/public/event-registrations/confirm',
      {
        config: { rateLimit: { ...CONFIRM_RATE, keyGenerator: sourceKey } },
        schema: {
          tags: ['events'],
          summary: 'Confirm a registrant’s e-mail with the link’s token: returns the event link’s token',
          description: 'An unknown, used or expired token is 400 naming `body.token`.',
          body: confirmBody,
          response: { 200: confirmResultSchema, 429: problemSchema, ...errors },
        },
      },
      async (request) => participants.confirm(request.body.token),
    );

    app.post(
      '/public/event-access',
      {
        config: { rateLimit: { ...ACCESS_RATE, keyGenerator: sourceKey } },
        schema: {
          tags: ['events'],
          summary: 'Lost my event link: mails a fresh one to a confirmed registrant',
          description: 'Always 202 with the same body.',
          body: accessBody,
          response: { 202: acceptedSchema, 429: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        participants.requestAccess(request.body.slug, request.body.email);
        return reply.code(202).send({ detail: ACCESS_REQUESTED });
      },
    );
  };
}

/** `/event-portal/me…`: an outside participant's own registration, signed in by its event link. */
export function portalRegistrationRoutes(
  participants: ParticipantService,
  db: Parameters<typeof authenticateParticipant>[0],
): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', authenticateParticipant(db));
    const who = (request: { participant: unknown }) =>
      request.participant as NonNullable<import('fastify').FastifyRequest['participant']>;

    app.get(
      '/event-portal/me',
      {
        schema: {
          tags: ['events'],
          summary: 'The signed-in participant and its event (the portal’s shell)',
          response: { 200: portalMeSchema, ...errors },
        },
      },
      async (request) => participants.portalMe(who(request)),
    );

    app.patch(
      '/event-portal/me',
      {
        schema: {
          tags: ['events'],
          summary: 'Edit the registration (until the request deadline; send `version`)',
          body: updateRegistrationBody,
          response: { 200: portalMeSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => participants.portalUpdate(who(request), request.body),
    );

    app.post(
      '/event-portal/me/cancel',
      {
        schema: {
          tags: ['events'],
          summary: 'Cancel the registration (signs out of the event)',
          body: cancelBody,
          response: { 204: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await participants.portalCancel(who(request), request.body.version);
        return reply.code(204).send();
      },
    );
  };
}

const FILE_MEDIA_TYPES = [
  'text/csv',
  'text/plain',
  'application/vnd.ms-excel',
  XLSX_MEDIA_TYPE,
  'application/octet-stream',
];
const IMPORT_LIMIT_BYTES = 10 * 1024 * 1024;
const uploadedFile = z
  .custom<Buffer>((value) => Buffer.isBuffer(value), 'must be a CSV or XLSX file')
  .meta({ type: 'string', format: 'binary', description: 'The CSV or XLSX file itself' });

/** `/workspaces/{workspace}/events/{eventId}/participants…`, `/registration…` and `/imports`. */
export function participantRoutes(
  participants: ParticipantService,
  imports: ParticipantImportService,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser(
      FILE_MEDIA_TYPES,
      { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.get(
      '/events/:eventId/participants',
      {
        config: { permission: 'event.read' },
        schema: {
          tags: ['events'],
          summary: 'The participants of an event, with filters and counts by status (organisers)',
          params: eventParams,
          querystring: listParticipantsQuery,
          response: { 200: participantListSchema, ...errors },
        },
      },
      async (request) => participants.list(actorOf(request), request.params.eventId, request.query),
    );

    app.post(
      '/events/:eventId/participants',
      {
        config: { permission: 'event.manage' },
        schema: {
          tags: ['events'],
          summary: 'Add a participant directly, approved (organisers): a member or an outside organisation',
          params: eventParams,
          body: addParticipantBody,
          response: { 201: participantSchema, 409: problemSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await participants.add(actorOf(request), request.params.eventId, request.body)),
    );

    app.get(
      '/events/:eventId/participants/:participantId',
      {
        config: { permission: 'event.read' },
        schema: {
          tags: ['events'],
          summary: 'One participant (organisers, or the member whose organisation it is)',
          params: participantParams,
          response: { 200: participantSchema, ...errors },
        },
      },
      async (request) =>
        participants.get(actorOf(request), request.params.eventId, request.params.participantId),
    );

    app.patch(
      '/events/:eventId/participants/:participantId',
      {
        config: { permission: 'event.participate' },
        schema: {
          tags: ['events'],
          summary: 'Edit a registration (organisers, or its own member; send `version`)',
          params: participantParams,
          body: updateRegistrationBody,
          response: { 200: participantSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) =>
        participants.update(
          actorOf(request),
          request.params.eventId,
          request.params.participantId,
          request.body,
        ),
    );

    app.post(
      '/events/:eventId/participants/:participantId/cancel',
      {
        config: { permission: 'event.participate' },
        schema: {
          tags: ['events'],
          summary: 'Cancel a registration (organisers, or its own member)',
          params: participantParams,
          body: cancelBody,
          response: { 200: participantSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) =>
        participants.cancel(
          actorOf(request),
          request.params.eventId,
          request.params.participantId,
          request.body.version,
        ),
    );

    app.post(
      '/events/:eventId/participants/:participantId/decision',
      {
        config: { permission: 'event.manage' },
        schema: {
          tags: ['events'],
          summary: 'Approve or reject a registration (organisers); the contact is told by mail',
          description:
            'Approving an outside participant who consented to be kept in the network creates (or reuses) its network organisation and people.',
          params: participantParams,
          body: decisionBody,
          response: { 200: participantSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) =>
        participants.decide(
          actorOf(request),
          request.params.eventId,
          request.params.participantId,
          request.body,
        ),
    );

    app.get(
      '/events/:eventId/registration/draft',
      {
        config: { permission: 'event.participate' },
        schema: {
          tags: ['events'],
          summary: 'A member organisation’s registry profile as a registration, and its registration if any',
          params: eventParams,
          querystring: draftQuery,
          response: { 200: registrationDraftSchema, ...errors },
        },
      },
      async (request) =>
        participants.draft(actorOf(request), request.params.eventId, request.query.organisationId),
    );

    app.post(
      '/events/:eventId/registration',
      {
        config: { permission: 'event.participate' },
        schema: {
          tags: ['events'],
          summary: 'Register a member organisation (its member; organisers: any) — no e-mail confirmation',
          params: eventParams,
          body: memberRegistrationBody,
          response: { 201: participantSchema, 409: problemSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await participants.registerMember(actorOf(request), request.params.eventId, request.body)),
    );

    app.post(
      '/events/:eventId/imports',
      {
        config: { permission: 'event.manage' },
        bodyLimit: IMPORT_LIMIT_BYTES,
        preValidation: async (request) => {
          const type = mediaType(request.headers['content-type']);
          if (!FILE_MEDIA_TYPES.includes(type))
            throw Object.assign(
              new Error(`Send the file as text/csv or ${XLSX_MEDIA_TYPE}, not "${type}".`),
              {
                statusCode: 415,
              },
            );
        },
        schema: {
          tags: ['events'],
          summary: 'Import participants or requests from CSV or XLSX: a preview, then a commit',
          description:
            'Send the file as the body. `kind=participants`: columns name, country, contact_name, contact_email, then optional city, website, type, description, offers, looking_for, tags (separated by ";"), representatives ("Name <e-mail>" separated by ";"). `kind=requests`: from, to (a participant’s contact e-mail or name), status (pending, accepted, declined), optional meeting_type, message. Without `commit=true` nothing is written; with it, a file with any error is refused (400) and nothing is written.',
          consumes: ['text/csv', XLSX_MEDIA_TYPE],
          params: eventParams,
          querystring: importQuery,
          body: uploadedFile,
          response: { 200: importResultSchema, 413: problemSchema, 415: problemSchema, ...errors },
        },
      },
      async (request) =>
        imports.import(actorOf(request), request.params.eventId, {
          format: mediaType(request.headers['content-type']) === XLSX_MEDIA_TYPE ? 'xlsx' : 'csv',
          bytes: request.body,
          kind: request.query.kind,
          commit: request.query.commit,
        }),
    );
  };
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
