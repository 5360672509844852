import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/authentication.ts';
import { sourceKey } from '../../http/client-source.ts';
import { problemSchema } from '../../http/problem.ts';
import type { authenticateParticipant, PortalParticipant } from '../b2b-participants/portal-auth.ts';
import {
  answerBody,
  catalogueQuery,
  catalogueSchema,
  createRequestBody,
  declineBody,
  eventParams,
  listRequestsQuery,
  portalCreateRequestBody,
  portalListRequestsQuery,
  portalRequestParams,
  portalSuggestionsQuery,
  requestListSchema,
  requestParams,
  requestSchema,
  suggestionsQuery,
  suggestionsSchema,
  updateRequestBody,
} from './schema.ts';
import type { MarketplaceService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema };
const TAGS = ['events'];

/**
 * `/workspaces/{workspace}/events/{eventId}/…`: the marketplace of a B2B event (issue 22 item 3,
 * decision 0036). Organisers act for any participant; a member's user for its organisation's
 * participant; anyone of the workspace reads the catalogue.
 */
export function marketplaceRoutes(market: MarketplaceService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/events/:eventId/catalogue',
      {
        config: { permission: 'event.read' },
        schema: {
          tags: TAGS,
          summary: "The approved participants' public profiles, with search, filters and pages",
          description:
            'No e-mail addresses or phone numbers. For the caller’s own participant, each entry says whether a request exists with it and its status.',
          params: eventParams,
          querystring: catalogueQuery,
          response: { 200: catalogueSchema, ...errors },
        },
      },
      async (request) =>
        market.catalogue(
          await market.workspaceCaller(actorOf(request), request.params.eventId),
          request.query,
        ),
    );

    app.get(
      '/events/:eventId/suggestions',
      {
        config: { permission: 'event.read' },
        schema: {
          tags: TAGS,
          summary: 'The 20 best match suggestions of a participant, each with its reasons',
          description: 'A member sees its own participant’s; an organiser names any participant.',
          params: eventParams,
          querystring: suggestionsQuery,
          response: { 200: suggestionsSchema, ...errors },
        },
      },
      async (request) =>
        market.suggestions(
          await market.workspaceCaller(actorOf(request), request.params.eventId),
          request.query.participantId,
        ),
    );

    app.get(
      '/events/:eventId/requests',
      {
        config: { permission: 'event.read' },
        schema: {
          tags: TAGS,
          summary: 'Meeting requests: an organiser sees all (filters, counts by status), a member its own',
          params: eventParams,
          querystring: listRequestsQuery,
          response: { 200: requestListSchema, ...errors },
        },
      },
      async (request) =>
        market.listRequests(
          await market.workspaceCaller(actorOf(request), request.params.eventId),
          request.query,
        ),
    );

    app.post(
      '/events/:eventId/requests',
      {
        config: { permission: 'event.participate' },
        schema: {
          tags: TAGS,
          summary: 'Ask for a meeting (a member: as its participant; an organiser: for any, or arrange it)',
          description:
            'Refused, nothing written: a request to oneself or to a participant of another event or not approved (400/404 naming the field), a meeting type the event or either side does not offer (400), a message over 2,000 characters (400), a live request between the two either way (409), after the request deadline or beyond the limit of live requests sent (409; organisers are not bound by either).',
          params: eventParams,
          body: createRequestBody,
          response: { 201: requestSchema, ...writeErrors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await market.create(
              await market.workspaceCaller(actorOf(request), request.params.eventId),
              request.body,
            ),
          ),
    );

    app.post(
      '/events/:eventId/requests/:requestId/accept',
      {
        config: { permission: 'event.participate' },
        schema: {
          tags: TAGS,
          summary: 'Accept a pending request (the asked participant, or an organiser)',
          params: requestParams,
          body: answerBody,
          response: { 200: requestSchema, ...writeErrors },
        },
      },
      async (request) =>
        market.accept(
          await market.workspaceCaller(actorOf(request), request.params.eventId),
          request.params.requestId,
          request.body.version,
        ),
    );

    app.post(
      '/events/:eventId/requests/:requestId/decline',
      {
        config: { permission: 'event.participate' },
        schema: {
          tags: TAGS,
          summary: 'Decline a pending request, with a reason (the asked participant, or an organiser)',
          params: requestParams,
          body: declineBody,
          response: { 200: requestSchema, ...writeErrors },
        },
      },
      async (request) =>
        market.decline(
          await market.workspaceCaller(actorOf(request), request.params.eventId),
          request.params.requestId,
          request.body.version,
          request.body.reason,
        ),
    );

    app.post(
      '/events/:eventId/requests/:requestId/cancel',
      {
        config: { permission: 'event.participate' },
        schema: {
          tags: TAGS,
          summary: 'Cancel a pending or accepted request (the asking participant, or an organiser)',
          params: requestParams,
          body: answerBody,
          response: { 200: requestSchema, ...writeErrors },
        },
      },
      async (request) =>
        market.cancel(
          await market.workspaceCaller(actorOf(request), request.params.eventId),
          request.params.requestId,
          request.body.version,
        ),
    );

    app.patch(
      '/events/:eventId/requests/:requestId',
      {
        config: { permission: 'event.manage' },
        schema: {
          tags: TAGS,
          summary: "Change a request's priority (organisers): the scheduler's weight",
          params: requestParams,
          body: updateRequestBody,
          response: { 200: requestSchema, ...writeErrors },
        },
      },
      async (request) =>
        market.updatePriority(
          await market.workspaceCaller(actorOf(request), request.params.eventId),
          request.params.requestId,
          request.body,
        ),
    );
  };
}

/** What a portal participant may send per minute on these routes (per client address). */
const PORTAL_RATE = { max: 120, timeWindow: 60_000, keyGenerator: sourceKey };

/**
 * `/event-portal/…`: the same marketplace for an outside participant signed in by its event link
 * (`X-Participant-Token`), acting only as itself, in its own event only.
 */
export function portalMarketplaceRoutes(
  market: MarketplaceService,
  authenticate: ReturnType<typeof authenticateParticipant>,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', authenticate);
    const caller = (participant: PortalParticipant | null) => {
      if (!participant) throw new Error('authenticateParticipant did not run');
      return market.portalCaller(participant);
    };
    const portalErrors = {
      400: problemSchema,
      401: problemSchema,
      403: problemSchema,
      404: problemSchema,
      429: problemSchema,
    };
    const portalWriteErrors = { ...portalErrors, 409: problemSchema };

    app.get(
      '/event-portal/catalogue',
      {
        config: { rateLimit: PORTAL_RATE },
        schema: {
          tags: ['event-portal'],
          summary: "The event's approved participants' public profiles (search, filters, pages)",
          querystring: catalogueQuery,
          response: { 200: catalogueSchema, ...portalErrors },
        },
      },
      async (request) => market.catalogue(await caller(request.participant), request.query),
    );

    app.get(
      '/event-portal/suggestions',
      {
        config: { rateLimit: PORTAL_RATE },
        schema: {
          tags: ['event-portal'],
          summary: 'My 20 best match suggestions, with their reasons',
          querystring: portalSuggestionsQuery,
          response: { 200: suggestionsSchema, ...portalErrors },
        },
      },
      async (request) => market.suggestions(await caller(request.participant), undefined),
    );

    app.get(
      '/event-portal/requests',
      {
        config: { rateLimit: PORTAL_RATE },
        schema: {
          tags: ['event-portal'],
          summary: 'My meeting requests, received and sent',
          querystring: portalListRequestsQuery,
          response: { 200: requestListSchema, ...portalErrors },
        },
      },
      async (request) => market.listRequests(await caller(request.participant), { limit: 100, offset: 0 }),
    );

    app.post(
      '/event-portal/requests',
      {
        config: { rateLimit: PORTAL_RATE },
        schema: {
          tags: ['event-portal'],
          summary: 'Ask another participant of my event for a meeting',
          body: portalCreateRequestBody,
          response: { 201: requestSchema, ...portalWriteErrors },
        },
      },
      async (request, reply) => {
        const me = await caller(request.participant);
        const fromParticipantId = me.kind === 'participant' ? me.participant.id : '';
        return reply.code(201).send(await market.create(me, { ...request.body, fromParticipantId }));
      },
    );

    app.post(
      '/event-portal/requests/:requestId/accept',
      {
        config: { rateLimit: PORTAL_RATE },
        schema: {
          tags: ['event-portal'],
          summary: 'Accept a request addressed to me',
          params: portalRequestParams,
          body: answerBody,
          response: { 200: requestSchema, ...portalWriteErrors },
        },
      },
      async (request) =>
        market.accept(await caller(request.participant), request.params.requestId, request.body.version),
    );

    app.post(
      '/event-portal/requests/:requestId/decline',
      {
        config: { rateLimit: PORTAL_RATE },
        schema: {
          tags: ['event-portal'],
          summary: 'Decline a request addressed to me, with a reason',
          params: portalRequestParams,
          body: declineBody,
          response: { 200: requestSchema, ...portalWriteErrors },
        },
      },
      async (request) =>
        market.decline(
          await caller(request.participant),
          request.params.requestId,
          request.body.version,
          request.body.reason,
        ),
    );

    app.post(
      '/event-portal/requests/:requestId/cancel',
      {
        config: { rateLimit: PORTAL_RATE },
        schema: {
          tags: ['event-portal'],
          summary: 'Cancel a request I sent',
          params: portalRequestParams,
          body: answerBody,
          response: { 200: requestSchema, ...portalWriteErrors },
        },
      },
      async (request) =>
        market.cancel(await caller(request.participant), request.params.requestId, request.body.version),
    );
  };
}
