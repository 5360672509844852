import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sourceKey } from '../../http/client-source.ts';
import { problemSchema } from '../../http/problem.ts';
import { SIGN_IN_RATE, setSessionCookie } from '../auth/sign-in.ts';
import { completeSetupBody, completeSetupResponse, setupParams, setupPreviewSchema } from './schema.ts';
import type { WorkspaceSetupService } from './setup-service.ts';

/**
 * `/setup/{token}`: the public side of a one-time set-up link (no account needed). Rate-limited
 * per client address in the shared store, like sign-in: a token is a secret worth guessing.
 */
export function setupRoutes(setup: WorkspaceSetupService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/setup/:token',
      {
        config: { rateLimit: { ...SIGN_IN_RATE, keyGenerator: sourceKey } },
        schema: {
          tags: ['workspaces'],
          summary: 'What a set-up link offers (before using it)',
          description: 'An unknown, used, replaced or expired link answers 400 naming `params.token`.',
          params: setupParams,
          response: { 200: setupPreviewSchema, 400: problemSchema, 429: problemSchema },
        },
      },
      async (request) => setup.preview(request.params.token),
    );

    app.post(
      '/setup/:token',
      {
        config: { rateLimit: { ...SIGN_IN_RATE, keyGenerator: sourceKey } },
        schema: {
          tags: ['workspaces'],
          summary:
            'Use a set-up link: create the workspace, its first cluster and coordinator (sets the session cookie)',
          description:
            'A start link (printed by `serve` on an empty Hub) needs e-mail, workspace name, slug and cluster; a ' +
            'workspace link (CLI or operator) completes its pending workspace; a password link sets an operator ' +
            'account’s password. Works once; a used or expired link answers 400 and writes nothing.',
          params: setupParams,
          body: completeSetupBody,
          response: {
            200: completeSetupResponse,
            400: problemSchema,
            409: problemSchema,
            429: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const { sessionToken, session, user, workspace } = await setup.complete(
          request.params.token,
          request.body,
        );
        setSessionCookie(request, reply, sessionToken);
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
