import type { FastifyInstance } from 'fastify';

/**
 * API answers that carry a person's or a workspace's data must not be kept by a browser or a
 * shared cache (`no-store`). A route that knows better sets its own header (the catalogue revalidates
 * with an entity tag), and that one is kept.
 */
export function preventCachingOfApiAnswers(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/api/v1/') || reply.hasHeader('cache-control')) return;
    reply.header('cache-control', 'no-store');
  });
}
