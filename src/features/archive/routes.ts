import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import { jobSchema } from '../jobs/schema.ts';
import { archiveExportRequestSchema, archiveImportResultSchema, archiveSummarySchema } from './schema.ts';
import type { ArchiveService } from './service.ts';

/** Largest archive upload (bigger answers 413); larger workspaces move with `space2id archive import`. */
export const ARCHIVE_UPLOAD_LIMIT_BYTES = 1024 * 1024 * 1024;

const ARCHIVE_MEDIA_TYPES = ['application/zip', 'application/x-zip-compressed', 'application/octet-stream'];

const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  413: problemSchema,
};

/** The upload, written to a temporary file as it arrives (never held in memory). */
const uploadedArchive = z
  .custom<{ file: string }>(
    (value) => typeof (value as { file?: unknown })?.file === 'string',
    'must be a ZIP archive',
  )
  .meta({ type: 'string', format: 'binary', description: 'The archive (ZIP) itself' });

/** `/workspaces/{workspace}/archive/…`: export a workspace's archive (a job), check and import one. */
export function archiveRoutes(archives: ArchiveService): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser(
      ARCHIVE_MEDIA_TYPES,
      { bodyLimit: ARCHIVE_UPLOAD_LIMIT_BYTES },
      async (request: FastifyRequest, payload: Readable) => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'space2id-archive-'));
        (request as FastifyRequest & { archiveDir?: string }).archiveDir = dir;
        const file = path.join(dir, 'upload.zip');
        let bytes = 0;
        payload.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > ARCHIVE_UPLOAD_LIMIT_BYTES) {
            payload.destroy(
              Object.assign(
                new Error('The archive is larger than 1 GB; import it with space2id archive import.'),
                { statusCode: 413 },
              ),
            );
          }
        });
        await pipeline(payload, createWriteStream(file));
        return { file };
      },
    );
    app.addHook('onResponse', async (request) => {
      const dir = (request as FastifyRequest & { archiveDir?: string }).archiveDir;
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    app.post(
      '/archive/exports',
      {
        config: { permission: 'archive.export' },
        schema: {
          tags: ['archive'],
          summary: "Start the workspace's archive (or one organisation's data) as a background job",
          description:
            'Answers 202 with the queued job; follow it with `GET /jobs/{id}` (or its `/events`) and download `file.url` (a ZIP, docs/archive-format.md) once it succeeded. With `organisationId`: only that member organisation, its people, their participations and the audit events about them (GDPR data portability; such an archive cannot be imported as a workspace). Coordinators only.',
          params: workspaceParams,
          body: archiveExportRequestSchema.default({}),
          response: { 202: z.object({ job: jobSchema }).meta({ id: 'ArchiveExportStarted' }), ...errors },
        },
      },
      async (request, reply) => {
        const job = await archives.startExport(
          actorOf(request),
          request.params.workspace,
          request.body ?? {},
        );
        return reply.code(202).send({ job });
      },
    );

    app.post(
      '/archive/inspect',
      {
        config: { permission: 'archive.import' },
        bodyLimit: ARCHIVE_UPLOAD_LIMIT_BYTES,
        preValidation: requireArchiveType,
        schema: {
          tags: ['archive'],
          summary: 'Check an uploaded archive and say what it holds, without importing it',
          description:
            'Send the ZIP itself as the body (`Content-Type: application/zip`). A bad archive (truncated, changed, from a newer version, with unknown tables, unsafe names or too large) is a 400 naming the problem. `targetEmpty` says whether this workspace may receive it.',
          consumes: ARCHIVE_MEDIA_TYPES,
          params: workspaceParams,
          body: uploadedArchive,
          response: { 200: archiveSummarySchema, 415: problemSchema, ...errors },
        },
      },
      async (request) => archives.inspect(actorOf(request), request.body.file),
    );

    app.post(
      '/archive/import',
      {
        config: { permission: 'archive.import' },
        bodyLimit: ARCHIVE_UPLOAD_LIMIT_BYTES,
        preValidation: requireArchiveType,
        schema: {
          tags: ['archive'],
          summary: 'Import an uploaded archive into this workspace, which must have no records',
          description:
            'Send the ZIP itself as the body (`Content-Type: application/zip`). Everything is written in one transaction, or nothing: a bad archive, a row of another workspace, a reference to a record outside the archive, or a workspace that has records is a 400 naming the problem. Every record gets a new id; accounts are matched by e-mail or created without a password. Coordinators only.',
          consumes: ARCHIVE_MEDIA_TYPES,
          params: workspaceParams,
          body: uploadedArchive,
          response: { 200: archiveImportResultSchema, 415: problemSchema, ...errors },
        },
      },
      async (request) => archives.import(actorOf(request), request.body.file),
    );
  };
}

/** Before validation: another type (e.g. JSON) is 415, not a 400 about the body. */
async function requireArchiveType(request: FastifyRequest) {
  const type = String(request.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  if (!ARCHIVE_MEDIA_TYPES.includes(type ?? '')) {
    throw Object.assign(new Error(`Send the archive as application/zip, not "${type}".`), {
      statusCode: 415,
    });
  }
}
