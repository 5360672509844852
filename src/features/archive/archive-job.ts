import { PassThrough } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { JobError, type JobHandler } from '../../jobs/queue.ts';
import { exportWorkspaceArchive } from './export-archive.ts';
import { ArchiveRepository } from './repository.ts';

export const ARCHIVE_JOB_KIND = 'archive';

/**
 * Works an `archive` job: the workspace's archive (or one organisation's, with `organisationId`)
 * is written as it is read and stored as the job's file. The job's file lives in the database
 * like a report's, so a very large workspace is better exported with `space2id archive export`.
 */
export function archiveJobHandler(db: Kysely<DB>): JobHandler {
  return async (job, context) => {
    const params = (job.params ?? {}) as { organisationId?: unknown };
    const organisationId = typeof params.organisationId === 'string' ? params.organisationId : undefined;
    const repository = new ArchiveRepository(db);
    const workspace = await repository.workspace(job.workspaceId);
    if (!workspace) throw new JobError('The workspace no longer exists.');
    if (organisationId && !(await repository.organisationExists(job.workspaceId, organisationId))) {
      throw new JobError('The organisation is no longer in the workspace.');
    }
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const manifest = await exportWorkspaceArchive(
      db,
      {
        workspaceId: job.workspaceId,
        scope: organisationId ? { kind: 'organisation', organisationId } : { kind: 'workspace' },
        progress: (fraction, message) => context.progress(fraction, message),
        signal: context.signal,
      },
      out,
    );
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    const day = manifest.exportedAt.slice(0, 10);
    return {
      fileName: `${String(workspace.slug)}-${organisationId ? 'organisation' : 'archive'}-${day}.zip`,
      contentType: 'application/zip',
      content: Buffer.concat(chunks),
      message: `Done: ${rows} ${rows === 1 ? 'record' : 'records'}`,
    };
  };
}
