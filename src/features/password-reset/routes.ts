import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sourceKey } from '../../http/client-source.ts';
import { problemSchema } from '../../http/problem.ts';
import { addressAndEmailKey, SIGN_IN_RATE } from '../auth/sign-in.ts';
import {
  confirmPasswordResetBody,
  requestPasswordResetBody,
  requestPasswordResetResponse,
} from './schema.ts';
import { type PasswordResetService, RESET_REQUESTED } from './service.ts';

/** `/auth/password-reset*`: forgotten passwords, by mail. */
export function passwordResetRoutes(resets: PasswordResetService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/auth/password-reset',
      {
        config: { rateLimit: { ...SIGN_IN_RATE, keyGenerator: addressAndEmailKey } },
        schema: {
          tags: ['auth'],
          summary: 'Ask for a password-reset link by mail',
          description:
            'Always 202 with the same body, whether or not the address has an account. At most ' +
            '3 mails per account and hour; requests are rate-limited per client address and e-mail.',
          body: requestPasswordResetBody,
          response: { 202: requestPasswordResetResponse, 400: problemSchema, 429: problemSchema },
        },
      },
      async (request, reply) => {
        resets.request(request.body.email);
        return reply.code(202).send({ detail: RESET_REQUESTED });
      },
    );

    app.post(
      '/auth/password-reset/confirm',
      {
        // A valid token costs a password hash (argon2id): limited per client address.
        config: { rateLimit: { ...SIGN_IN_RATE, keyGenerator: sourceKey } },
        schema: {
          tags: ['auth'],
          summary: 'Choose a new password with a reset link’s token (signs out everywhere)',
          description:
            'Lifts the sign-in lock-out of the account from every address. Rate-limited per client address ' +
            '(429 with Retry-After).',
          body: confirmPasswordResetBody,
          response: { 204: z.undefined(), 400: problemSchema, 429: problemSchema },
        },
      },
      async (request, reply) => {
        await resets.confirm(request.body.token, request.body.password);
        return reply.code(204).send();
      },
    );
  };
}
