import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { ForbiddenError } from '../domain/access/policy.ts';
import { InvalidInputError, NotFoundError } from '../domain/errors.ts';
import { ThrottledProgress } from './progress.ts';
import { INTERRUPTED_MESSAGE, type JobFile, JobRepository, type JobRow, type NewJob } from './repository.ts';

/** A job as its handler sees it: parameters parsed from their JSON. */
export interface ClaimedJob {
  id: string;
  workspaceId: string;
  kind: string;
  params: unknown;
  createdBy: string | null;
}

export interface JobContext {
  /** How far the job is, 0 to 1, and what it is doing; stored a few times a second at most. */
  progress(fraction: number, message: string): void;
  /** Stores the progress reported so far now (before a long step that should show it). */
  flushProgress(): Promise<void>;
  /** Aborted when the queue stops (server shutdown): check it between steps. */
  signal: AbortSignal;
}

/** Does a job's work and returns the file it produced; a thrown error fails the job. */
export type JobHandler = (job: ClaimedJob, context: JobContext) => Promise<JobFile & { message?: string }>;

/** A failure whose message is meant for the person who started the job. */
export class JobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobError';
  }
}

export interface JobQueueOptions {
  /** How often to look for jobs queued by another process (default 5 s). */
  pollMs?: number;
  /** Least time between two progress writes of a job (default 250 ms). */
  progressIntervalMs?: number;
  /** Unexpected failures (the job stores a generic message; the details go here). */
  onError?: (error: unknown, job: ClaimedJob | null) => void;
}

/** Errors whose message may be shown to the user as the job's error. */
function isExplained(error: unknown): error is Error {
  return (
    error instanceof JobError ||
    error instanceof InvalidInputError ||
    error instanceof NotFoundError ||
    error instanceof ForbiddenError
  );
}

/**
 * An in-process queue over the `job` table: one job at a time, oldest first. `enqueue` stores a
 * job and wakes the worker; `start` first fails the jobs a stopped process left `running`, then
 * works the queue (and polls it, for jobs queued by another process sharing the database);
 * `stop` aborts the running job and waits for it. See docs/decisions/0012-jobs-and-reports.md.
 */
export class JobQueue {
  private readonly repository: JobRepository;
  private readonly handlers = new Map<string, JobHandler>();
  private started = false;
  private stopped = false;
  private draining: Promise<void> | null = null;
  private wokenWhileDraining = false;
  private poller: NodeJS.Timeout | null = null;
  private readonly abort = new AbortController();

  constructor(
    db: Kysely<DB>,
    private readonly options: JobQueueOptions = {},
  ) {
    this.repository = new JobRepository(db);
  }

  register(kind: string, handler: JobHandler): this {
    this.handlers.set(kind, handler);
    return this;
  }

  /** Stores a queued job and wakes the worker. */
  async enqueue(job: NewJob): Promise<JobRow> {
    const row = await this.repository.insert(job);
    this.notify();
    return row;
  }

  /** Fails the jobs left `running` by a stopped process, then starts working; returns how many failed. */
  async start(): Promise<number> {
    if (this.started || this.stopped) return 0;
    const interrupted = await this.repository.failInterrupted();
    this.started = true;
    this.poller = setInterval(() => this.notify(), this.options.pollMs ?? 5000);
    this.poller.unref();
    this.notify();
    return interrupted;
  }

  /** Aborts the running job (it fails as interrupted), stops polling and waits for the worker. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poller) clearInterval(this.poller);
    this.abort.abort(new JobError(INTERRUPTED_MESSAGE));
    await this.idle();
  }

  /** Resolves when this process has no job left to work on (tests wait on it). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Wakes the worker: a job was queued (by `enqueue`, or in a caller's own transaction). */
  notify(): void {
    if (!this.started || this.stopped) return;
    if (this.draining) {
      // The worker may be past its last look at the queue: it looks once more when done.
      this.wokenWhileDraining = true;
      return;
    }
    this.draining = this.drain()
      .catch((error: unknown) => this.options.onError?.(error, null))
      .finally(() => {
        this.draining = null;
        if (this.wokenWhileDraining) {
          this.wokenWhileDraining = false;
          this.notify();
        }
      });
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const row = await this.repository.claimNext();
      if (!row) return;
      await this.run(row);
    }
  }

  private async run(row: JobRow): Promise<void> {
    const job: ClaimedJob = {
      id: row.id,
      workspaceId: row.workspace_id,
      kind: row.kind,
      params: JSON.parse(row.params) as unknown,
      createdBy: row.created_by,
    };
    const progress = new ThrottledProgress(
      (fraction, message) => this.repository.progress(job.id, fraction, message),
      this.options.progressIntervalMs,
    );
    try {
      const handler = this.handlers.get(job.kind);
      if (!handler) throw new JobError(`This server cannot run jobs of kind "${job.kind}"`);
      const signal = this.abort.signal;
      const output = await handler(job, {
        progress: (fraction, message) => progress.report(fraction, message),
        flushProgress: () => progress.flush(),
        signal,
      });
      signal.throwIfAborted();
      await progress.cancel();
      await this.repository.succeed(job.id, output, output.message ?? 'Done');
    } catch (error) {
      await progress.cancel();
      await this.repository.fail(job.id, this.errorMessage(error, job));
    }
  }

  private errorMessage(error: unknown, job: ClaimedJob): string {
    if (this.abort.signal.aborted) return INTERRUPTED_MESSAGE;
    if (isExplained(error)) return error.message;
    this.options.onError?.(error, job);
    return 'The job failed on the server; the error is logged.';
  }
}
