import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, requireAccess } from '../../domain/access/policy.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { JobRepository } from '../../jobs/repository.ts';
import { presentJob } from './presenter.ts';
import type { JobDto, JobListQuery } from './schema.ts';

/**
 * Reading a workspace's jobs and their files. Every job is a funder report today, so reading one
 * needs `report.read`; another workspace's job id is not found (404).
 */
export class JobService {
  constructor(private readonly db: Kysely<DB>) {}

  async list(actor: Actor, workspaceSlug: string, query: JobListQuery) {
    requireAccess(actor, 'report.read');
    const rows = await new JobRepository(this.db).list(actor.workspaceId, {
      limit: query.limit + 1,
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.cursor ? { before: query.cursor } : {}),
    });
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((row) => presentJob(row, workspaceSlug)),
      nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
    };
  }

  async get(actor: Actor, workspaceSlug: string, id: string): Promise<JobDto> {
    requireAccess(actor, 'report.read');
    const row = await new JobRepository(this.db).find(actor.workspaceId, id);
    if (!row) throw new NotFoundError('job', id, 'params.id');
    return presentJob(row, workspaceSlug);
  }

  /** The job's file; 404 naming `params.id` while the job has none (not finished, or failed). */
  async file(actor: Actor, id: string) {
    requireAccess(actor, 'report.read');
    const file = await new JobRepository(this.db).file(actor.workspaceId, id);
    if (!file) throw new NotFoundError('job file', id, 'params.id');
    return {
      name: file.file_name,
      contentType: file.content_type,
      content: Buffer.from(file.content),
    };
  }
}
