import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import { XLSX_MEDIA_TYPE } from '../imports/read-table.ts';
import { exportFileSchema, organisationExportQuery, personExportQuery } from './schema.ts';
import type { ExportService } from './service.ts';
import { csvStream, type ExportTable, xlsxStream } from './writers.ts';

/** The 200 answer: a file in either format (streamed, so no serializer runs on it). */
const fileResponse = {
  description: 'The file, as an attachment',
  content: { 'text/csv': { schema: exportFileSchema }, [XLSX_MEDIA_TYPE]: { schema: exportFileSchema } },
};

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** `/organisations/export` and `/people/export` (registered in the workspace scope). */
export function exportRoutes(exports: ExportService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/organisations/export',
      {
        config: { permission: 'organisation.read' },
        schema: {
          tags: ['registry'],
          summary: 'Download the member organisations as CSV or XLSX (the list filters apply)',
          description:
            'Columns: ID and the import fields under the headers the import recognises, lists joined by "; ", vocabulary values as labels ("SME", "Earth observation") or, with values=codes, as codes. Cells starting with = + - @ tab or CR get a leading \' in CSV; XLSX holds them as text.',
          params: workspaceParams,
          querystring: organisationExportQuery,
          response: { 200: fileResponse, ...errors },
        },
      },
      async (request, reply) => {
        const { format, ...query } = request.query;
        const table = await exports.organisations(actorOf(request), query);
        return sendTable(reply, table, format, fileName('organisations', request.params.workspace, format));
      },
    );

    app.get(
      '/people/export',
      {
        config: { permission: 'person.read' },
        schema: {
          tags: ['registry'],
          summary: 'Download the people as CSV or XLSX (the list filters apply)',
          description:
            "Columns: ID, Name, E-mail, Phone, Role, Consent (yes/no), Organisation ID and the organisation's name.",
          params: workspaceParams,
          querystring: personExportQuery,
          response: { 200: fileResponse, ...errors },
        },
      },
      async (request, reply) => {
        const { format, ...query } = request.query;
        const table = await exports.people(actorOf(request), query);
        return sendTable(reply, table, format, fileName('people', request.params.workspace, format));
      },
    );
  };
}

function sendTable(
  reply: import('fastify').FastifyReply,
  table: ExportTable,
  format: 'csv' | 'xlsx',
  name: string,
) {
  return reply
    .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_MEDIA_TYPE)
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store')
    .send(format === 'csv' ? csvStream(table) : xlsxStream(table));
}

/** e.g. `organisations-space2id-2026-11-27.csv`; only safe characters in the header. */
function fileName(what: string, workspace: string, format: string): string {
  const slug = workspace.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60);
  return `${what}-${slug}-${new Date().toISOString().slice(0, 10)}.${format}`;
}
