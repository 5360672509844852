import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authentication.ts';
import { clientSource, sourceKey } from '../../http/client-source.ts';
import { problemSchema } from '../../http/problem.ts';
import { SIGN_IN_RATE, setSessionCookie } from '../auth/sign-in.ts';
import {
  acceptInvitationBody,
  acceptInvitationResponse,
  createInvitationBody,
  invitationParams,
  invitationPreviewBody,
  invitationPreviewResponse,
  invitationSchema,
  workspaceParams,
} from './schema.ts';
import type { InvitationService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** `/workspaces/{workspace}/invitations` (registered in the workspace scope): coordinators invite people. */
export function invitationRoutes(invitations: InvitationService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/invitations',
      {
        config: { permission: 'invitation.read' },
        schema: {
          tags: ['auth'],
          summary: 'Pending invitations of the workspace (coordinators)',
          params: workspaceParams,
          response: { 200: z.object({ items: z.array(invitationSchema) }), ...errors },
        },
      },
      async (request) => ({ items: await invitations.listPending(actorOf(request)) }),
    );

    app.post(
      '/invitations',
      {
        config: { permission: 'invitation.create' },
        schema: {
          tags: ['auth'],
          summary: 'Invite someone by e-mail (coordinators)',
          description:
            'Mails a single-use link that works for 7 days. A pending invitation of the same address is replaced.',
          params: workspaceParams,
          body: createInvitationBody,
          response: { 201: invitationSchema, 409: problemSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await invitations.create(actorOf(request), request.body)),
    );

    app.delete(
      '/invitations/:id',
      {
        config: { permission: 'invitation.revoke' },
        schema: {
          tags: ['auth'],
          summary: 'Withdraw a pending invitation (coordinators): its link stops working',
          params: invitationParams,
          response: { 204: z.undefined(), ...errors },
        },
      },
      async (request, reply) => {
        await invitations.revoke(actorOf(request), request.params.id);
        return reply.code(204).send();
      },
    );
  };
}

/**
 * `POST /auth/invitation-preview` and `POST /auth/accept-invitation`: no session needed, the
 * link's token is the proof. The token travels in the body, never in an API URL, so it stays out
 * of access logs and proxies.
 */
export function acceptInvitationRoutes(invitations: InvitationService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/auth/invitation-preview',
      {
        // Guessing tokens is hopeless (256 bits), but the answer should not be free to ask for.
        config: { rateLimit: { ...SIGN_IN_RATE, keyGenerator: sourceKey } },
        schema: {
          tags: ['auth'],
          summary: 'What an invitation link offers, before accepting it',
          description:
            'Changes nothing. A used, withdrawn or expired link answers 400 saying which, as accepting does. ' +
            'The token is sent in the body (not the URL) so it stays out of logs.',
          body: invitationPreviewBody,
          response: { 200: invitationPreviewResponse, 400: problemSchema, 429: problemSchema },
        },
      },
      async (request) => invitations.preview(request.body.token),
    );

    app.post(
      '/auth/accept-invitation',
      {
        // Each request may hash or check a password (argon2id): limited per client address, and an
        // existing account's password counts as a sign-in from that address.
        config: { rateLimit: { ...SIGN_IN_RATE, keyGenerator: sourceKey } },
        schema: {
          tags: ['auth'],
          summary: 'Accept an invitation (sets the session cookie)',
          description:
            'Creates the account when the address has none, or, with that account’s current password, adds ' +
            'the workspace to it. A used, withdrawn or expired link answers 400. Rate-limited per client ' +
            'address (429 with Retry-After).',
          body: acceptInvitationBody,
          response: {
            200: acceptInvitationResponse,
            400: problemSchema,
            401: problemSchema,
            409: problemSchema,
            429: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const { token, session, user, workspace } = await invitations.accept(
          request.body,
          clientSource(request.ip),
        );
        setSessionCookie(request, reply, token);
        return {
          user: { id: user.id, email: user.email, name: user.name },
          csrfToken: session.csrf_token,
          expiresAt: session.expires_at,
          workspace,
        };
      },
    );
  };
}
