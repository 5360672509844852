import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.ts';
import {
  type Authentication,
  authenticate,
  authOf,
  identify,
  SESSION_COOKIE,
} from '../../http/authentication.ts';
import { clientSource } from '../../http/client-source.ts';
import { problemSchema } from '../../http/problem.ts';
import type { ApiTokenRow } from './repository.ts';
import {
  apiTokenSchema,
  createApiTokenBody,
  createdApiTokenResponse,
  meResponse,
  sessionResponse,
  signInBody,
  signInResponse,
  tokenParams,
  updateMeBody,
} from './schema.ts';
import type { AuthService } from './service.ts';
import { addressAndEmailKey, SIGN_IN_RATE, setSessionCookie } from './sign-in.ts';

/** `/api/v1/auth/*` and `/api/v1/me*`: sessions, the current user, personal API tokens. */
export function authRoutes(auth: AuthService): FastifyPluginAsyncZod {
  return async (app) => {
    const requireAuth = authenticate(auth);

    app.post(
      '/auth/sign-in',
      {
        config: {
          rateLimit: { ...SIGN_IN_RATE, keyGenerator: addressAndEmailKey },
        },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with e-mail and password (sets the session cookie)',
          body: signInBody,
          response: { 200: signInResponse, 400: problemSchema, 401: problemSchema, 429: problemSchema },
        },
      },
      async (request, reply) => {
        const { token, session, user } = await auth.signIn(
          request.body.email,
          request.body.password,
          clientSource(request.ip),
        );
        setSessionCookie(request, reply, token);
        return {
          user: { id: user.id, email: user.email, name: user.name },
          csrfToken: session.csrf_token,
          expiresAt: session.expires_at,
        };
      },
    );

    app.post(
      '/auth/sign-out',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['auth'],
          summary: 'End this session',
          response: { 204: z.undefined(), 401: problemSchema },
        },
      },
      async (request, reply) => {
        if (request.auth?.session) await auth.signOut(request.auth.session.id);
        clearSessionCookie(reply);
        return reply.code(204).send();
      },
    );

    app.post(
      '/auth/sign-out-everywhere',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['auth'],
          summary: 'End every session of the current user',
          response: { 200: z.object({ sessionsEnded: z.number().int() }), 401: problemSchema },
        },
      },
      async (request, reply) => {
        const sessionsEnded = await auth.signOutEverywhere(authOf(request).user.id);
        clearSessionCookie(reply);
        return { sessionsEnded };
      },
    );

    /** The current user and their workspaces: `GET /me`, and `GET /auth/session` when signed in. */
    const presentMe = async (current: Authentication): Promise<z.infer<typeof meResponse>> => {
      const [memberships, operator] = await Promise.all([
        auth.listMemberships(current.user.id),
        auth.isOperator(current.user.id),
      ]);
      return {
        user: current.user,
        via: current.via,
        language: await auth.languageOf(current.user.id),
        csrfToken: current.session?.csrf_token ?? null,
        workspaces: memberships.map((m) => ({
          slug: m.workspaceSlug,
          name: m.workspaceName,
          role: m.role,
          clusterId: m.clusterId,
          organisationId: m.organisationId,
          status: m.status === 'suspended' ? ('suspended' as const) : ('active' as const),
        })),
        operator,
      };
    };

    app.get(
      '/me',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['auth'],
          summary: 'The current user and their workspaces',
          response: { 200: meResponse, 401: problemSchema },
        },
      },
      async (request) => presentMe(authOf(request)),
    );

    app.patch(
      '/me',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['auth'],
          summary: 'Change your own settings: the interface language',
          description:
            'A language without a message file (e.g. `de`) is a 400 naming `body.language`; null returns to the browser’s languages.',
          body: updateMeBody,
          response: { 200: meResponse, 400: problemSchema, 401: problemSchema, 403: problemSchema },
        },
      },
      async (request) => {
        const current = authOf(request);
        await auth.setLanguage(current.user.id, request.body.language);
        return presentMe(current);
      },
    );

    // The web app asks this on every load: a signed-out visitor is an answer here, not an error,
    // so the browser logs no failed request (a 401 from /me would show in its console).
    app.get(
      '/auth/session',
      {
        onRequest: identify(auth),
        schema: {
          tags: ['auth'],
          summary: 'Who is signed in, if anyone: the same as GET /me, or null (never 401)',
          response: { 200: sessionResponse },
        },
      },
      async (request) => ({ me: request.auth ? await presentMe(request.auth) : null }),
    );

    app.get(
      '/me/tokens',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['auth'],
          summary: 'Your live personal API tokens',
          response: { 200: z.object({ items: z.array(apiTokenSchema) }), 401: problemSchema },
        },
      },
      async (request) => ({ items: (await auth.listApiTokens(authOf(request).user.id)).map(presentToken) }),
    );

    app.post(
      '/me/tokens',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['auth'],
          summary: 'Create a personal API token (its secret is shown once)',
          body: createApiTokenBody,
          response: {
            201: createdApiTokenResponse,
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const { secret, token } = await auth.createApiToken(
          authOf(request).user.id,
          request.body.name,
          request.body.expiresInDays,
        );
        return reply.code(201).send({ token: presentToken(token), secret });
      },
    );

    app.delete(
      '/me/tokens/:id',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['auth'],
          summary: 'Revoke one of your API tokens',
          params: tokenParams,
          response: { 204: z.undefined(), 401: problemSchema, 404: problemSchema },
        },
      },
      async (request, reply) => {
        if (!(await auth.revokeApiToken(authOf(request).user.id, request.params.id))) {
          throw new NotFoundError('API token', request.params.id);
        }
        return reply.code(204).send();
      },
    );
  };
}

function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

function presentToken(row: ApiTokenRow) {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
  };
}
