import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/authentication.ts';
import { problemSchema } from '../../http/problem.ts';
import { csvStream, type ExportTable, xlsxStream } from '../exports/writers.ts';
import { XLSX_MEDIA_TYPE } from '../imports/read-table.ts';
import {
  marketReadinessParams,
  marketReadinessSchema,
  organisationReadinessParams,
  readinessProfileSchema,
  resultsFileSchema,
  waveResultsParams,
  waveResultsSchema,
} from './schema.ts';
import type { SurveyResultsService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/**
 * Survey results and readiness (issue 23, decision 0043): `/surveys/waves/{id}/results` (and
 * its `.csv` and `.xlsx` exports), `/organisations/{id}/readiness` and
 * `/markets/{id}/readiness`.
 */
export function surveyResultsRoutes(results: SurveyResultsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/surveys/waves/:id/results',
      {
        config: { permission: 'survey.read' },
        schema: {
          tags: ['surveys'],
          summary: "A wave's results by question, its respondents and, for a readiness survey, its stages",
          description:
            "Summaries in the version the wave was sent with: counts per option, the 1–5 histogram, mean and median, matrix row means, countries and markets picked, the text answers. The partnership's staff (survey.read).",
          params: waveResultsParams,
          response: { 200: waveResultsSchema, ...errors },
        },
      },
      async (request) => results.waveResults(actorOf(request), request.params.id),
    );

    for (const format of ['csv', 'xlsx'] as const) {
      app.get(
        `/surveys/waves/:id/results.${format}`,
        {
          config: { permission: 'survey.read' },
          schema: {
            tags: ['surveys'],
            summary: `Download a wave's responses as ${format.toUpperCase()}, one row per response and one column per question`,
            description:
              'Answers as their English labels; a matrix as "Row: 4; Row: 2". An anonymous wave has no respondent column (no response id, organisation, time or language) and its rows are not in the order they arrived.',
            params: waveResultsParams,
            response: {
              200: {
                description: 'The file, as an attachment',
                content: {
                  [format === 'csv' ? 'text/csv' : XLSX_MEDIA_TYPE]: { schema: resultsFileSchema },
                },
              },
              ...errors,
            },
          },
        },
        async (request, reply) => {
          const { table, fileStem } = await results.waveExport(actorOf(request), request.params.id);
          return sendFile(reply, format, `${fileStem}.${format}`, table);
        },
      );
    }

    app.get(
      '/organisations/:id/readiness',
      {
        config: { permission: 'readiness.read' },
        schema: {
          tags: ['surveys'],
          summary:
            "A member's readiness profile: latest and previous scores, the change, percentiles in its cluster and the consortium",
          description:
            "Staff read every member's; a member its own organisation's (403 for another). Benchmarks are percentile ranks (ties count half) against every member's latest scored readiness: no other member's scores.",
          params: organisationReadinessParams,
          response: { 200: readinessProfileSchema, ...errors },
        },
      },
      async (request) => results.profile(actorOf(request), request.params.id),
    );

    app.get(
      '/markets/:id/readiness',
      {
        config: { permission: 'readiness.read' },
        schema: {
          tags: ['surveys'],
          summary:
            'The readiness of the members interested in a market: each with its stage, and counts by stage',
          description:
            'Staff (survey.read) see every interested member; a member sees its own organisation only (if interested), without counts.',
          params: marketReadinessParams,
          response: { 200: marketReadinessSchema, ...errors },
        },
      },
      async (request) => results.marketReadiness(actorOf(request), request.params.id),
    );
  };
}

function sendFile(reply: FastifyReply, format: 'csv' | 'xlsx', name: string, table: ExportTable) {
  return reply
    .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_MEDIA_TYPE)
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store')
    .send(format === 'csv' ? csvStream(table) : xlsxStream(table));
}
