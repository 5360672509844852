import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { ForbiddenError } from '../domain/access/policy.ts';
import { InvalidInputError, NotFoundError } from '../domain/errors.ts';
import { JobLease } from './lease.ts';
import { ThrottledProgress } from './progress.ts';
import {
  INTERRUPTED_MESSAGE,
  type JobFile,
  JobRepository,
  type JobRow,
  type LeaseTerms,
  type NewJob,
} from './repository.ts';

/** A job as its handler sees it: parameters parsed from their JSON. */
export interface ClaimedJob {
  id: string;
  /** 1 for the first run; more when a worker whose server stopped had started it before. */
  attempt: number;
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
  /**
   * Aborted when the queue stops (server shutdown) or this worker lost the job to another (its
   * lease could not be renewed): check it between steps.
   */
  signal: AbortSignal;
}

/**
 * Does a job's work and returns the file it produced; a thrown error fails the job. A job that
 * removed its own row (deleting its workspace) returns `{ gone: true }`: nothing is stored.
 */
export type JobHandler = (
  job: ClaimedJob,
  context: JobContext,
) => Promise<(JobFile & { message?: string }) | { gone: true; message: string }>;

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
  /**
   * How long a worker holds a running job without renewing it (default 30 s): after a server
   * dies, its job is taken over by another within this time (plus a poll interval).
   */
  leaseMs?: number;
  /** How often the worker renews its lease while a job runs (default a third of `leaseMs`). */
  heartbeatMs?: number;
  /** How many times a job is started before an interrupted one fails instead (default 3). */
  maxAttempts?: number;
  /** This worker's name in `job.worker_id` (default host name, process id and a random part). */
  workerId?: string;
  /** Unexpected failures (the job stores a generic message; the details go here). */
  onError?: (error: unknown, job: ClaimedJob | null) => void;
  /** A job is run again because the worker that started it stopped without finishing it. */
  onTakeover?: (job: ClaimedJob) => void;
  /** A job this worker ran was taken over by another (this worker's lease had expired). */
  onLost?: (job: ClaimedJob) => void;
}

export const DEFAULT_LEASE_MS = 30_000;
export const DEFAULT_MAX_ATTEMPTS = 3;

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
 * job and wakes the worker; `start` works the queue (and polls it, for jobs queued by another
 * process sharing the database); `stop` aborts the running job, fails it as interrupted and waits.
 *
 * Several processes may work one database: a worker claims a job with a lease that it renews while
 * the job runs, and takes over a `running` job whose lease expired (its server died), running it
 * again from the start, at most `maxAttempts` times in all. A worker that lost its job to another
 * aborts it and stores nothing. See docs/decisions/0012-jobs-and-reports.md and 0014.
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
  private readonly terms: LeaseTerms;
  private readonly heartbeatMs: number;

  constructor(
    db: Kysely<DB>,
    private readonly options: JobQueueOptions = {},
  ) {
    this.repository = new JobRepository(db);
    const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.terms = {
      workerId: options.workerId ?? `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`,
      leaseMs,
      maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    };
    this.heartbeatMs = options.heartbeatMs ?? Math.max(1, Math.floor(leaseMs / 3));
  }

  /** This worker's name, as `job.worker_id` shows it on the jobs it runs. */
  get workerId(): string {
    return this.terms.workerId;
  }

  /** The kinds of job this queue works, in the order they were registered. */
  get kinds(): string[] {
    return [...this.handlers.keys()];
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

  /**
   * Starts working the queue: jobs queued, and jobs left `running` by a server that stopped (their
   * lease expired). A job another live server runs is left alone.
   */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.poller = setInterval(() => this.notify(), this.options.pollMs ?? 5000);
    this.poller.unref();
    this.notify();
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
      const row = await this.repository.claimNext(this.terms);
      if (!row) return;
      await this.run(row);
    }
  }

  private async run(row: JobRow): Promise<void> {
    const job: ClaimedJob = {
      id: row.id,
      attempt: row.attempts,
      workspaceId: row.workspace_id,
      kind: row.kind,
      params: JSON.parse(row.params) as unknown,
      createdBy: row.created_by,
    };
    if (job.attempt > 1) this.options.onTakeover?.(job);
    const { workerId, leaseMs } = this.terms;
    const lease = new JobLease(() => this.repository.renewLease(job.id, workerId, leaseMs), {
      leaseMs,
      heartbeatMs: this.heartbeatMs,
      lost: () => new JobError('Another server took this job over.'),
    });
    const stop = () => lease.abort(this.abort.signal.reason as Error);
    if (this.abort.signal.aborted) stop();
    else this.abort.signal.addEventListener('abort', stop, { once: true });
    const progress = new ThrottledProgress(
      (fraction, message) => this.repository.progress(job.id, workerId, fraction, message),
      this.options.progressIntervalMs,
    );
    let held = true;
    try {
      const handler = this.handlers.get(job.kind);
      if (!handler) throw new JobError(`This server cannot run jobs of kind "${job.kind}"`);
      const output = await handler(job, {
        progress: (fraction, message) => progress.report(fraction, message),
        flushProgress: () => progress.flush(),
        signal: lease.signal,
      });
      lease.signal.throwIfAborted();
      await progress.cancel();
      held =
        'gone' in output ||
        (await this.repository.succeed(job.id, workerId, output, output.message ?? 'Done'));
    } catch (error) {
      await progress.cancel();
      // A worker that lost the job writes nothing more: the one that took it over finishes it.
      held = !lease.lost && (await this.repository.fail(job.id, workerId, this.errorMessage(error, job)));
    } finally {
      this.abort.signal.removeEventListener('abort', stop);
      await lease.end();
    }
    if (!held) this.options.onLost?.(job);
  }

  private errorMessage(error: unknown, job: ClaimedJob): string {
    if (this.abort.signal.aborted) return INTERRUPTED_MESSAGE;
    if (isExplained(error)) return error.message;
    this.options.onError?.(error, job);
    return 'The job failed on the server; the error is logged.';
  }
}
