import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Authenticator, authenticate, authOf } from '../../http/authentication.ts';
import { problemSchema } from '../../http/problem.ts';
import type { OutboxService } from './service.ts';

const outboxMailSchema = z
  .object({
    id: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'OutboxMail' });

/**
 * `GET /dev/outbox`: the mails the development outbox kept for the signed-in user (addressed to
 * them, or sent because of them, such as their invitations), so a developer can open the links.
 * Answers 404 when mail really leaves through SMTP.
 */
export function outboxRoutes(outbox: OutboxService, auth: Authenticator): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/dev/outbox',
      {
        onRequest: authenticate(auth),
        schema: {
          tags: ['auth'],
          summary: 'Development only: the mails kept in the outbox for you (404 when SMTP_URL is set)',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: {
            200: z.object({ items: z.array(outboxMailSchema) }),
            400: problemSchema,
            401: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request) => outbox.listFor(authOf(request).user, request.query.limit),
    );
  };
}
