import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import { XLSX_MEDIA_TYPE } from './read-table.ts';
import {
  importResultSchema,
  organisationImportBody,
  parsedFileSchema,
  parseQuery,
  personImportBody,
} from './schema.ts';
import type { ImportService } from './service.ts';

/** Largest upload to `/imports/parse` (bigger answers 413). */
export const FILE_LIMIT_BYTES = 20 * 1024 * 1024;
/** Largest JSON body of an import: 50,000 mapped rows. */
export const ROWS_LIMIT_BYTES = 40 * 1024 * 1024;

/** Upload types read as raw bytes; the format is then told by the bytes (see `ImportService.parse`). */
const FILE_MEDIA_TYPES = [
  'text/csv',
  'text/plain',
  'application/vnd.ms-excel',
  XLSX_MEDIA_TYPE,
  'application/octet-stream',
];

/** The raw bytes of the upload (the content-type parsers above hand them over as a Buffer). */
const uploadedFile = z
  .custom<Buffer>((value) => Buffer.isBuffer(value), 'must be a CSV or XLSX file')
  .meta({ type: 'string', format: 'binary', description: 'The CSV or XLSX file itself' });

const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  413: problemSchema,
};

/** `/workspaces/{workspace}/imports/…`: parse a file, then check or import mapped rows (workspace scope). */
export function importRoutes(imports: ImportService): FastifyPluginAsyncZod {
  return async (app) => {
    // Scoped to this plugin: the rest of the API keeps JSON only.
    app.addContentTypeParser(
      FILE_MEDIA_TYPES,
      { parseAs: 'buffer', bodyLimit: FILE_LIMIT_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.post(
      '/imports/parse',
      {
        config: { permission: 'organisation.import' },
        bodyLimit: FILE_LIMIT_BYTES,
        // Before validation: another type (e.g. JSON) is 415, not a 400 about the body.
        preValidation: async (request) => {
          const type = mediaType(request.headers['content-type']);
          if (!FILE_MEDIA_TYPES.includes(type)) {
            throw Object.assign(
              new Error(`Send the file as text/csv or ${XLSX_MEDIA_TYPE}, not "${type}".`),
              {
                statusCode: 415,
              },
            );
          }
        },
        schema: {
          tags: ['registry'],
          summary: 'Read an uploaded CSV or XLSX file as text rows, with a suggested column mapping',
          description:
            'Send the file itself as the body, with `Content-Type: text/csv` or `' +
            XLSX_MEDIA_TYPE +
            '`. CSV: UTF-8 (with or without BOM), UTF-16 with BOM, or a Western (Windows-1252), Central European (Windows-1250, ISO-8859-2) or Greek (Windows-1253, ISO-8859-7) code page, detected unless `encoding` names one; delimiter `,` `;` or tab, detected; the answer says which. XLSX: the first worksheet; formulas are returned as their text, never evaluated. ' +
            'Limits: 20 MB, 50,000 data rows (413 beyond), 10,000 characters per cell. Nothing is stored.',
          consumes: ['text/csv', XLSX_MEDIA_TYPE],
          params: workspaceParams,
          querystring: parseQuery,
          body: uploadedFile,
          response: { 200: parsedFileSchema, 415: problemSchema, ...errors },
        },
      },
      async (request) => {
        const type = mediaType(request.headers['content-type']);
        return imports.parse(
          actorOf(request),
          type === XLSX_MEDIA_TYPE ? 'xlsx' : 'csv',
          request.body,
          request.query.encoding,
        );
      },
    );

    app.post(
      '/imports/organisations',
      {
        config: { permission: 'organisation.import' },
        bodyLimit: ROWS_LIMIT_BYTES,
        schema: {
          tags: ['registry'],
          summary: 'Check (dryRun) or import member organisations from mapped rows',
          description:
            'Each row is validated like `POST /organisations` and checked for duplicates against the workspace and the earlier rows. With `dryRun: false` the valid, non-duplicate rows are written in one transaction; when another request saved one of them meanwhile nothing is written (409: run the dry run again). A cluster manager may import into its own cluster only (other rows: "cluster: not your cluster").',
          params: workspaceParams,
          body: organisationImportBody,
          response: { 200: importResultSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => imports.importOrganisations(actorOf(request), request.body),
    );

    app.post(
      '/imports/people',
      {
        config: { permission: 'person.import' },
        bodyLimit: ROWS_LIMIT_BYTES,
        schema: {
          tags: ['registry'],
          summary: 'Check (dryRun) or import people from mapped rows',
          description:
            'Each row is validated like `POST /people`; a second person with an e-mail already in the workspace or earlier in the file is a duplicate. With `dryRun: false` the valid, non-duplicate rows are written in one transaction; when another request saved one of their e-mails meanwhile nothing is written (409: run the dry run again).',
          params: workspaceParams,
          body: personImportBody,
          response: { 200: importResultSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => imports.importPeople(actorOf(request), request.body),
    );
  };
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
