import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type ClaimedJob, JobError, type JobHandler } from '../../jobs/queue.ts';
import { WorkspaceRepository } from '../workspaces/repository.ts';
import { buildReport } from './build-report.ts';
import type { KpiRollupSource } from './kpi-rollup.ts';
import { reportRequestSchema } from './schema.ts';

export const REPORT_JOB_KIND = 'report';

/**
 * Works a `report` job: the report is built with the access its creator has when it runs (a
 * creator who left the workspace, or lost the right to read budgets, gets a failed job).
 */
export function reportJobHandler(db: Kysely<DB>, kpiRollup: KpiRollupSource): JobHandler {
  return async (job, context) => {
    const request = reportRequestSchema.safeParse(job.params);
    if (!request.success) throw new JobError('The report parameters are not valid; start a new report.');
    const actor = await creatorOf(db, job);
    const built = await buildReport(actor, request.data, {
      db,
      kpiRollup,
      progress: context.progress,
      signal: context.signal,
    });
    const n = built.data.summary.activities;
    return {
      fileName: built.fileName,
      contentType: built.contentType,
      content: built.content,
      message: `Done: ${n} ${n === 1 ? 'activity' : 'activities'}`,
    };
  };
}

async function creatorOf(db: Kysely<DB>, job: ClaimedJob) {
  const actor = job.createdBy
    ? await new WorkspaceRepository(db).findActorById(job.workspaceId, job.createdBy)
    : undefined;
  if (!actor)
    throw new JobError('The person who asked for this report is no longer a member of the workspace.');
  return actor;
}
