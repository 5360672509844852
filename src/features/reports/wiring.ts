import type { FastifyBaseLogger } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/database.ts';
import { JobQueue, type JobQueueOptions } from '../../jobs/queue.ts';
import { jobRoutes } from '../jobs/routes.ts';
import { JobService } from '../jobs/service.ts';
import { type KpiRollupSource, kpiServiceRollup } from './kpi-rollup.ts';
import { REPORT_JOB_KIND, reportJobHandler } from './report-job.ts';
import { reportRoutes } from './routes.ts';
import { ReportService } from './service.ts';

export interface ReportFeatureOptions {
  database: Database;
  log: FastifyBaseLogger;
  jobs?: JobQueueOptions;
  /** Where the report reads its KPIs (default: the KPI service). */
  kpiRollup?: KpiRollupSource;
}

/** The job queue with its report worker, and the routes of jobs and reports, assembled for `buildApp`. */
export interface ReportFeatures {
  queue: JobQueue;
  /** `/jobs*` and `/reports`, inside the workspace scope. */
  workspaceRoutes: FastifyPluginAsyncZod;
  /** Fails the jobs a stopped process left running, then works the queue. */
  start(): Promise<void>;
  /** Aborts the running job and stops the worker. */
  close(): Promise<void>;
}

export function reportFeatures(options: ReportFeatureOptions): ReportFeatures {
  const { db } = options.database;
  const { log } = options;
  const queue = new JobQueue(db, {
    onError: (err, job) => log.error({ err, jobId: job?.id }, 'background job failed'),
    ...options.jobs,
  });
  queue.register(REPORT_JOB_KIND, reportJobHandler(db, options.kpiRollup ?? kpiServiceRollup(db)));
  const jobs = new JobService(db);
  const reports = new ReportService(db, queue);
  return {
    queue,
    workspaceRoutes: async (app) => {
      await app.register(jobRoutes(jobs));
      await app.register(reportRoutes(reports));
    },
    async start() {
      // The API works without the worker: a database that cannot be read yet is logged, not fatal.
      try {
        const interrupted = await queue.start();
        if (interrupted > 0)
          log.warn({ interrupted }, 'jobs left running by a stopped process marked failed');
      } catch (err) {
        log.error({ err }, 'the background job worker could not start');
      }
    },
    close: () => queue.stop(),
  };
}
