import type { JobWithFile } from '../../jobs/repository.ts';
import type { JobDto } from './schema.ts';

/** A job as clients see it; `workspaceSlug` builds the file's address. */
export function presentJob(row: JobWithFile, workspaceSlug: string): JobDto {
  return {
    id: row.id,
    kind: row.kind as JobDto['kind'],
    status: row.status,
    progress: Number(row.progress),
    message: row.message,
    params: JSON.parse(row.params) as JobDto['params'],
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    file:
      row.file_name === null
        ? null
        : {
            name: row.file_name,
            size: Number(row.file_size),
            contentType: row.file_content_type ?? 'application/octet-stream',
            url: `/api/v1/workspaces/${encodeURIComponent(workspaceSlug)}/jobs/${row.id}/file`,
          },
  };
}
