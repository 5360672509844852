import { Negotiator } from '@fastify/accept-negotiator';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../http/problem.ts';
import { instrumentListSchema, instrumentParams, instrumentSchema, listInstrumentsQuery } from './schema.ts';
import type { InstrumentService } from './service.ts';

const encodings = new Negotiator({ supportedValues: ['gzip', 'identity'], cache: new Map() });
const acceptsGzip = (header: string | undefined) =>
  header !== undefined && encodings.negotiate(header) === 'gzip';

/** `/api/v1/instruments`: the instrument catalogue. */
export function instrumentRoutes(service: InstrumentService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/instruments',
      {
        schema: {
          tags: ['catalogue'],
          summary: 'List the instrument catalogue',
          description: 'The 17 instruments of SPACE2ID D4.2, in code order, optionally one phase only.',
          querystring: listInstrumentsQuery,
          response: { 200: instrumentListSchema, 400: problemSchema },
        },
      },
      async (request, reply) => {
        const list = await service.listSerialized(request.query);
        reply.header('etag', list.etag).header('cache-control', 'no-cache');
        // Already serialized and schema-checked bytes: sent as they are, outside the typed reply.
        const raw = reply.header('vary', 'accept-encoding') as FastifyReply;
        if (request.headers['if-none-match'] === list.etag) return raw.code(304).send();
        raw.type('application/json; charset=utf-8');
        if (acceptsGzip(request.headers['accept-encoding'])) {
          return raw.header('content-encoding', 'gzip').send(list.gzipped);
        }
        return raw.send(list.body);
      },
    );

    app.get(
      '/instruments/:key',
      {
        schema: {
          tags: ['catalogue'],
          summary: 'One instrument by key or D4.2 code',
          params: instrumentParams,
          response: { 200: instrumentSchema, 404: problemSchema },
        },
      },
      async (request) => service.get(request.params.key),
    );
  };
}
