import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import { jobSchema } from '../jobs/schema.ts';
import { reportRequestSchema } from './schema.ts';
import type { ReportService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** `POST /reports` in the workspace scope: a funder report, made by a background job. */
export function reportRoutes(reports: ReportService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/reports',
      {
        config: { permission: 'report.create' },
        schema: {
          tags: ['reports'],
          summary: 'Start a funder report (PDF or XLSX) for a period',
          description:
            'Answers 202 with the queued job; follow it with `GET /jobs/{id}` (or its `/events`) and download `file.url` once it succeeded. The period is at most 10 years; `to` before `from` is a 400 naming `body.to`. The report covers the activities taking place in the period, their KPIs against targets and the budget by funding source and cost category.',
          params: workspaceParams,
          body: reportRequestSchema,
          response: { 202: z.object({ job: jobSchema }).meta({ id: 'ReportStarted' }), ...errors },
        },
      },
      async (request, reply) => {
        const job = await reports.create(actorOf(request), request.params.workspace, request.body);
        return reply.code(202).send({ job });
      },
    );
  };
}
