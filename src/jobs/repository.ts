import type { Kysely, Selectable, UpdateQueryBuilder, UpdateResult } from 'kysely';
import { locksRows } from '../db/dialect.ts';
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

/** Why a job left `running` without finishing: its server stopped gracefully (decision 0012). */
export const INTERRUPTED_MESSAGE = 'interrupted by a restart';

/** Why a job whose lease expired is not run again: every allowed attempt was interrupted. */
export function attemptsUsedMessage(attempts: number): string {
  return `interrupted ${attempts} times (the server working on it stopped); start it again`;
}

/** Who claims a job, for how long, and how many starts a job may have (decision 0014). */
export interface LeaseTerms {
  workerId: string;
  leaseMs: number;
  maxAttempts: number;
}

/**
 * The only SQL of the job queue. A `running` job is held by one worker (`worker_id`) until
 * `lease_expires_at`, which that worker renews; every write a worker makes to a running job
 * checks it still holds it, so a worker that lost its lease can neither report progress nor store
 * a result. See docs/decisions/0014-several-servers.md.
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
        worker_id: null,
        lease_expires_at: null,
        attempts: 0,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /**
   * Claims the oldest job that is queued, or `running` under an expired lease (its server died),
   * for `terms.workerId` until `now + leaseMs`, counting the attempt; a job whose lease expired
   * after its last attempt fails instead. Undefined when nothing is left.
   *
   * One statement claims: `update job … where id = (select … limit 1)`. On PostgreSQL the
   * select locks the row it picks and skips rows other workers are claiming
   * (`for update skip locked`), so concurrent workers take different jobs without waiting; SQLite
   * runs one writer at a time, so the statement is atomic there as it is.
   */
  async claimNext(terms: LeaseTerms, now = new Date()): Promise<JobRow | undefined> {
    const at = now.toISOString();
    const until = new Date(now.getTime() + terms.leaseMs).toISOString();
    return writeTransaction(this.db, async (trx) => {
      await trx
        .updateTable('job')
        .set({
          status: 'failed',
          message: 'Failed',
          error: attemptsUsedMessage(terms.maxAttempts),
          finished_at: at,
          lease_expires_at: null,
        })
        .where('status', '=', 'running')
        .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<=', at)]))
        .where('attempts', '>=', terms.maxAttempts)
        .execute();
      return trx
        .updateTable('job')
        .set((eb) => ({
          status: 'running',
          worker_id: terms.workerId,
          lease_expires_at: until,
          attempts: eb('attempts', '+', 1),
          started_at: at,
          progress: 0,
          message: eb
            .case()
            .when('attempts', '>', 0)
            .then('Started again: the server working on it stopped')
            .else('Started')
            .end(),
          error: null,
        }))
        .where('id', '=', (eb) => {
          let next = eb
            .selectFrom('job as candidate')
            .select('candidate.id')
            .where((c) =>
              c.or([
                c('candidate.status', '=', 'queued'),
                c.and([
                  c('candidate.status', '=', 'running'),
                  c.or([
                    c('candidate.lease_expires_at', 'is', null),
                    c('candidate.lease_expires_at', '<=', at),
                  ]),
                  c('candidate.attempts', '<', terms.maxAttempts),
                ]),
              ]),
            )
            .orderBy('candidate.created_at')
            .orderBy('candidate.id')
            .limit(1);
          if (locksRows(trx)) next = next.forUpdate().skipLocked();
          return next;
        })
        .returningAll()
        .executeTakeFirst();
    });
  }

  /** Extends the worker's lease to `now + leaseMs`; false when the worker no longer holds the job. */
  async renewLease(id: string, workerId: string, leaseMs: number, now = new Date()): Promise<boolean> {
    const result = await this.held(
      this.db.updateTable('job').set({ lease_expires_at: new Date(now.getTime() + leaseMs).toISOString() }),
      id,
      workerId,
    ).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async progress(id: string, workerId: string, progress: number, message: string): Promise<void> {
    await this.held(this.db.updateTable('job').set({ progress, message }), id, workerId).execute();
  }

  /**
   * Finishes the job and stores its file, in one transaction, if the worker still holds it;
   * false (and nothing written) when another worker took it over.
   */
  async succeed(id: string, workerId: string, file: JobFile, message: string): Promise<boolean> {
    return writeTransaction(this.db, async (trx) => {
      const finished = await this.held(
        trx.updateTable('job').set({
          status: 'succeeded',
          progress: 1,
          message,
          error: null,
          finished_at: nowIso(),
          lease_expires_at: null,
        }),
        id,
        workerId,
      ).executeTakeFirst();
      if (Number(finished.numUpdatedRows) === 0) return false;
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
      return true;
    });
  }

  /** Fails the job with `error` if the worker still holds it; false when another worker took it over. */
  async fail(id: string, workerId: string, error: string): Promise<boolean> {
    const result = await this.held(
      this.db
        .updateTable('job')
        .set({ status: 'failed', message: 'Failed', error, finished_at: nowIso(), lease_expires_at: null }),
      id,
      workerId,
    ).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Narrows an update to the job while `workerId` holds it (running, its worker). */
  private held<Q extends UpdateQueryBuilder<DB, 'job', 'job', UpdateResult>>(
    query: Q,
    id: string,
    workerId: string,
  ) {
    return query.where('id', '=', id).where('status', '=', 'running').where('worker_id', '=', workerId);
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
