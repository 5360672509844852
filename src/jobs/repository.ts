import type { Kysely, Selectable } from 'kysely';
import { newId, nowIso } from '../db/ids.ts';
import type { DB, JobTable } from '../db/schema.ts';
import { writeTransaction } from '../db/write-transaction.ts';

export type JobRow = Selectable<JobTable>;

/** A job row with what is known of its file (without the content). */
export type JobWithFile = JobRow & {
  file_name: string | null;
  file_size: number | null;
  file_content_type: string | null;
};

/** What a finished job produced: stored in `job_file` beside its job. */
export interface JobFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export interface NewJob {
  workspaceId: string;
  kind: string;
  params: Record<string, unknown>;
  createdBy: string | null;
}

/** Why a job left `running` without finishing: its process stopped (decision 0012). */
export const INTERRUPTED_MESSAGE = 'interrupted by a restart';

/**
 * The only SQL of the job queue. Claiming is a conditional update (`where status = 'queued'`), so
 * two processes sharing a PostgreSQL database never both take the same job.
 */
export class JobRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(job: NewJob): Promise<JobRow> {
    return this.db
      .insertInto('job')
      .values({
        id: newId(),
        workspace_id: job.workspaceId,
        kind: job.kind,
        status: 'queued',
        progress: 0,
        message: 'Waiting to start',
        params: JSON.stringify(job.params),
        error: null,
        created_by: job.createdBy,
        created_at: nowIso(),
        started_at: null,
        finished_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The oldest queued job, now `running`, or undefined when none is left (FIFO by creation). */
  async claimNext(): Promise<JobRow | undefined> {
    for (;;) {
      const next = await this.db
        .selectFrom('job')
        .select('id')
        .where('status', '=', 'queued')
        .orderBy('created_at')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      if (!next) return undefined;
      const claimed = await this.db
        .updateTable('job')
        .set({ status: 'running', started_at: nowIso(), message: 'Started' })
        .where('id', '=', next.id)
        .where('status', '=', 'queued')
        .returningAll()
        .executeTakeFirst();
      // Another process claimed it between the two statements: try the next one.
      if (claimed) return claimed;
    }
  }

  async progress(id: string, progress: number, message: string): Promise<void> {
    await this.db
      .updateTable('job')
      .set({ progress, message })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
  }

  /** Stores the file and finishes the job, in one transaction. */
  async succeed(id: string, file: JobFile, message: string): Promise<void> {
    await writeTransaction(this.db, async (trx) => {
      await trx
        .insertInto('job_file')
        .values({
          job_id: id,
          file_name: file.fileName,
          content_type: file.contentType,
          size: file.content.length,
          content: file.content,
        })
        .execute();
      await trx
        .updateTable('job')
        .set({ status: 'succeeded', progress: 1, message, error: null, finished_at: nowIso() })
        .where('id', '=', id)
        .execute();
    });
  }

  async fail(id: string, error: string): Promise<void> {
    await this.db
      .updateTable('job')
      .set({ status: 'failed', message: 'Failed', error, finished_at: nowIso() })
      .where('id', '=', id)
      .execute();
  }

  /** Jobs left `running` by a process that stopped become failed; returns how many. */
  async failInterrupted(): Promise<number> {
    const result = await this.db
      .updateTable('job')
      .set({ status: 'failed', message: 'Failed', error: INTERRUPTED_MESSAGE, finished_at: nowIso() })
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  private withFile(workspaceId: string) {
    return this.db
      .selectFrom('job')
      .leftJoin('job_file', 'job_file.job_id', 'job.id')
      .selectAll('job')
      .select([
        'job_file.file_name as file_name',
        'job_file.size as file_size',
        'job_file.content_type as file_content_type',
      ])
      .where('job.workspace_id', '=', workspaceId);
  }

  find(workspaceId: string, id: string): Promise<JobWithFile | undefined> {
    return this.withFile(workspaceId).where('job.id', '=', id).executeTakeFirst();
  }

  /** Newest first (ids are UUIDv7); `before`: the id of the last job of the previous page. */
  list(
    workspaceId: string,
    options: { kind?: string; limit: number; before?: string },
  ): Promise<JobWithFile[]> {
    let query = this.withFile(workspaceId);
    if (options.kind) query = query.where('job.kind', '=', options.kind);
    if (options.before) query = query.where('job.id', '<', options.before);
    return query.orderBy('job.id', 'desc').limit(options.limit).execute();
  }

  /** The job's file with its content, when the job belongs to the workspace and has one. */
  file(workspaceId: string, id: string) {
    return this.db
      .selectFrom('job_file')
      .innerJoin('job', 'job.id', 'job_file.job_id')
      .select(['job_file.file_name', 'job_file.content_type', 'job_file.size', 'job_file.content'])
      .where('job.workspace_id', '=', workspaceId)
      .where('job.id', '=', id)
      .executeTakeFirst();
  }
}
