import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import { jobEvents } from './events.ts';
import { jobListQuery, jobListSchema, jobParams, jobSchema } from './schema.ts';
import type { JobService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** `/jobs*` in the workspace scope: background jobs, their progress and their files. */
export function jobRoutes(jobs: JobService): FastifyPluginAsyncZod {
  return async (app) => {
    // Open event streams end when the server closes (else closing would wait for their clients).
    const streams = new Set<AbortController>();
    app.addHook('onClose', async () => {
      for (const stream of streams) stream.abort();
    });

    app.get(
      '/jobs',
      {
        config: { permission: 'report.read' },
        schema: {
          tags: ['reports'],
          summary: "The workspace's background jobs, newest first",
          params: workspaceParams,
          querystring: jobListQuery,
          response: { 200: jobListSchema, ...errors },
        },
      },
      async (request) => jobs.list(actorOf(request), request.params.workspace, request.query),
    );

    app.get(
      '/jobs/:id',
      {
        config: { permission: 'report.read' },
        schema: {
          tags: ['reports'],
          summary: 'A job: its status, progress, error and file',
          params: jobParams,
          response: { 200: jobSchema, ...errors },
        },
      },
      async (request) => jobs.get(actorOf(request), request.params.workspace, request.params.id),
    );

    app.get(
      '/jobs/:id/events',
      {
        config: { permission: 'report.read' },
        schema: {
          tags: ['reports'],
          summary: 'The job as server-sent events until it succeeds or fails',
          description:
            '`text/event-stream`: an `event: job` whose data is the Job JSON each time it changed (read every 0.5 s); the stream ends after the job succeeded or failed.',
          params: jobParams,
          response: {
            200: {
              description: 'Server-sent events',
              content: { 'text/event-stream': { schema: z.string() } },
            },
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { workspace, id } = request.params;
        // Read once before answering: an unknown id is a 404, not an empty stream.
        const first = await jobs.get(actor, workspace, id);
        const stop = new AbortController();
        streams.add(stop);
        request.raw.on('close', () => stop.abort());
        const stream = Readable.from(jobEvents(first, () => jobs.get(actor, workspace, id), stop.signal));
        stream.on('close', () => streams.delete(stop));
        return sendEventStream(reply, stream);
      },
    );

    app.get(
      '/jobs/:id/file',
      {
        config: { permission: 'report.read' },
        schema: {
          tags: ['reports'],
          summary: "Download a finished job's file",
          description: '404 naming `params.id` while the job has no file (queued, running or failed).',
          params: jobParams,
          response: {
            200: {
              description: 'The file, as an attachment',
              content: { 'application/octet-stream': { schema: z.string() } },
            },
            ...errors,
          },
        },
      },
      async (request, reply) => {
        return sendFile(reply, await jobs.file(actorOf(request), request.params.id));
      },
    );
  };
}

/** The stream is written as it comes (no serializer), unbuffered by proxies. */
function sendEventStream(reply: FastifyReply, stream: Readable) {
  return reply
    .header('content-type', 'text/event-stream; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-accel-buffering', 'no')
    .send(stream);
}

function sendFile(reply: FastifyReply, file: { name: string; contentType: string; content: Buffer }) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.name))
    .header('cache-control', 'no-store')
    .send(file.content);
}

/** `attachment; filename="…"` with only safe characters, and the exact name in `filename*` (RFC 6266). */
function contentDisposition(name: string): string {
  const plain = name.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
