import type { Insertable } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../test/support/databases.ts';
import { Factory } from '../../test/support/factories.ts';
import { waitUntil } from '../../test/support/wait.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { newId, nowIso } from '../db/ids.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { JobTable } from '../db/schema.ts';
import { DEFAULT_MAX_ATTEMPTS, JobError, type JobHandler, JobQueue, type JobQueueOptions } from './queue.ts';
import { attemptsUsedMessage, INTERRUPTED_MESSAGE } from './repository.ts';

/** A promise with its resolve function, to hold a handler at a step until the test lets it go. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

const file = (text: string) => ({
  fileName: `${text}.txt`,
  contentType: 'text/plain',
  content: Buffer.from(text),
});

describe.each(testDialects())('JobQueue on %s', (kind) => {
  let testDatabase: TestDatabase;
  let database: Database;
  let workspaceId: string;
  let queue: JobQueue;

  beforeEach(async () => {
    testDatabase = await createTestDatabase(kind);
    database = openDatabase(testDatabase.url);
    await migrateToLatest(database.db);
    workspaceId = (await new Factory(database.db).workspace()).id;
    queue = new JobQueue(database.db, { progressIntervalMs: 0 });
  });
  afterEach(async () => {
    await queue.stop();
    await database.close();
    await testDatabase.drop();
  });

  const job = (id: string) =>
    database.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const enqueue = (params: Record<string, unknown> = {}) =>
    queue.enqueue({ workspaceId, kind: 'test', params, createdBy: null });

  it('runs a job to success: stored progress rises, then the file is kept with the job', async () => {
    const steps = [gate(), gate()];
    const reached = [gate(), gate()];
    queue.register('test', async (_job, context) => {
      context.progress(0.25, 'a quarter');
      await context.flushProgress();
      reached[0]?.open();
      await steps[0]?.opened;
      context.progress(0.75, 'three quarters');
      await context.flushProgress();
      reached[1]?.open();
      await steps[1]?.opened;
      return { ...file('hello'), message: 'All done' };
    });
    await queue.start();
    const { id } = await enqueue({ n: 1 });
    expect((await job(id)).params).toBe('{"n":1}');

    await reached[0]?.opened;
    expect(await job(id)).toMatchObject({ status: 'running', progress: 0.25, message: 'a quarter' });
    expect((await job(id)).started_at).not.toBeNull();
    steps[0]?.open();
    await reached[1]?.opened;
    expect(await job(id)).toMatchObject({ status: 'running', progress: 0.75, message: 'three quarters' });
    steps[1]?.open();
    await queue.idle();

    const done = await job(id);
    expect(done).toMatchObject({ status: 'succeeded', progress: 1, message: 'All done', error: null });
    expect(done.finished_at).not.toBeNull();
    const stored = await database.db
      .selectFrom('job_file')
      .selectAll()
      .where('job_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ file_name: 'hello.txt', content_type: 'text/plain', size: 5 });
    expect(Buffer.from(stored.content).toString()).toBe('hello');
  });

  it('works one job at a time, oldest first', async () => {
    const order: string[] = [];
    let running = 0;
    let most = 0;
    queue.register('test', async (claimed) => {
      running += 1;
      most = Math.max(most, running);
      order.push((claimed.params as { name: string }).name);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      return file('x');
    });
    // Queued before the worker starts: the worker then finds three waiting.
    for (const name of ['first', 'second', 'third']) await enqueue({ name });
    await queue.start();
    await queue.idle();
    expect(order).toEqual(['first', 'second', 'third']);
    expect(most).toBe(1);
  });

  it('records a failure with the handler’s explanation, or a generic message for an unexpected error', async () => {
    const unexpected: unknown[] = [];
    queue = new JobQueue(database.db, { onError: (error) => unexpected.push(error) });
    queue.register('test', async (claimed) => {
      if ((claimed.params as { explained: boolean }).explained) throw new JobError('The period has no data');
      throw new Error('SQLITE_BUSY: database is locked');
    });
    await queue.start();
    const explained = await enqueue({ explained: true });
    const crashed = await enqueue({ explained: false });
    await queue.idle();

    expect(await job(explained.id)).toMatchObject({ status: 'failed', error: 'The period has no data' });
    const failed = await job(crashed.id);
    expect(failed).toMatchObject({
      status: 'failed',
      error: 'The job failed on the server; the error is logged.',
    });
    expect(failed.finished_at).not.toBeNull();
    expect(unexpected).toHaveLength(1);
    expect(String(unexpected[0])).toContain('SQLITE_BUSY');
  });

  it('fails a job of a kind it has no handler for', async () => {
    await queue.start();
    const { id } = await queue.enqueue({ workspaceId, kind: 'unknown', params: {}, createdBy: null });
    await queue.idle();
    expect(await job(id)).toMatchObject({
      status: 'failed',
      error: 'This server cannot run jobs of kind "unknown"',
    });
  });

  /** A job row as a server left it while running: held by `worker_id` until `lease_expires_at`. */
  const leftRunning = async (values: Partial<Insertable<JobTable>>) => {
    const id = newId();
    await database.db
      .insertInto('job')
      .values({
        id,
        workspace_id: workspaceId,
        kind: 'test',
        status: 'running',
        progress: 0.4,
        message: 'Drawing',
        params: '{}',
        error: null,
        created_by: null,
        created_at: nowIso(),
        started_at: nowIso(),
        finished_at: null,
        attempts: 1,
        ...values,
      })
      .execute();
    return id;
  };
  const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

  it('at start-up takes over the jobs whose lease expired (run again from the start, the attempt counted) and leaves a live one alone', async () => {
    const expired = await leftRunning({
      worker_id: 'a stopped server',
      lease_expires_at: inSeconds(-1),
      created_at: '2026-01-01T00:00:00.000Z',
    });
    // Left by a server from before leases (migration 0013): no lease is an expired one.
    const unleased = await leftRunning({ attempts: 0, created_at: '2026-01-01T00:00:01.000Z' });
    const live = await leftRunning({
      worker_id: 'a live server',
      lease_expires_at: inSeconds(60),
      created_at: '2025-12-31T00:00:00.000Z',
    });
    const ran: [string, number, number][] = [];
    const takenOver: string[] = [];
    queue = new JobQueue(database.db, { onTakeover: (claimed) => takenOver.push(claimed.id) });
    queue.register('test', async (claimed) => {
      // From the start: no progress kept from the stopped attempt.
      ran.push([claimed.id, claimed.attempt, (await job(claimed.id)).progress]);
      return file('again');
    });
    queue.start();
    await queue.idle();

    expect(ran).toEqual([
      [expired, 2, 0],
      [unleased, 1, 0],
    ]);
    expect(takenOver).toEqual([expired]);
    expect(await job(expired)).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      worker_id: queue.workerId,
      lease_expires_at: null,
    });
    expect(await job(unleased)).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect(await job(live)).toMatchObject({
      status: 'running',
      worker_id: 'a live server',
      attempts: 1,
      progress: 0.4,
      error: null,
    });
  });

  it(`fails a job whose lease expired after its last attempt (${DEFAULT_MAX_ATTEMPTS}) instead of running it again`, async () => {
    const id = await leftRunning({
      worker_id: 'a stopped server',
      lease_expires_at: inSeconds(-1),
      attempts: DEFAULT_MAX_ATTEMPTS,
    });
    const ran: string[] = [];
    queue.register('test', async (claimed) => {
      ran.push(claimed.id);
      return file('never');
    });
    queue.start();
    await queue.idle();
    expect(ran).toEqual([]);
    const failed = await job(id);
    expect(failed).toMatchObject({
      status: 'failed',
      attempts: DEFAULT_MAX_ATTEMPTS,
      error: attemptsUsedMessage(DEFAULT_MAX_ATTEMPTS),
    });
    expect(failed.error).toBe('interrupted 3 times (the server working on it stopped); start it again');
    expect(failed.finished_at).not.toBeNull();
  });

  describe('with several workers on one database', () => {
    const others: JobQueue[] = [];
    const opened: Database[] = [];
    afterEach(async () => {
      for (const other of others.splice(0)) await other.stop();
      for (const connection of opened.splice(0)) await connection.close();
    });
    const worker = (options: JobQueueOptions, db = database.db) => {
      const other = new JobQueue(db, { progressIntervalMs: 0, ...options });
      others.push(other);
      return other;
    };

    it('each job is claimed by one worker only (on PostgreSQL each worker has its own connections)', async () => {
      const runs: { id: string; worker: number; attempt: number }[] = [];
      const workers = [0, 1, 2].map((n) => {
        // One SQLite connection per process, as the Hub opens it: better-sqlite3 waits for a lock
        // synchronously, so two connections in one process would wait on each other.
        let db = database.db;
        if (kind === 'postgres') {
          const connection = openDatabase(testDatabase.url);
          opened.push(connection);
          db = connection.db;
        }
        return worker({ pollMs: 20 }, db).register('test', async (claimed) => {
          runs.push({ id: claimed.id, worker: n, attempt: claimed.attempt });
          await new Promise((resolve) => setImmediate(resolve));
          return file(claimed.id);
        });
      });
      const ids: string[] = [];
      for (let i = 0; i < 24; i++) ids.push((await enqueue({ i })).id);
      for (const w of workers) w.start();
      await waitUntil('every job ran', () => runs.length >= ids.length);
      await Promise.all(workers.map((w) => w.idle()));

      expect(runs.map((run) => run.id).sort()).toEqual([...ids].sort());
      expect(runs.every((run) => run.attempt === 1)).toBe(true);
      const rows = await database.db.selectFrom('job').select(['status', 'attempts']).execute();
      expect(rows.every((row) => row.status === 'succeeded' && row.attempts === 1)).toBe(true);
      const files = await database.db
        .selectFrom('job_file')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(files.n)).toBe(ids.length);
    });

    it('renews its lease while the job runs, so a worker polling meanwhile never takes the job over', async () => {
      const release = gate();
      const started = gate();
      queue = new JobQueue(database.db, { leaseMs: 600, progressIntervalMs: 0 });
      queue.register('test', async () => {
        started.open();
        await release.opened;
        return file('kept');
      });
      const otherRuns: string[] = [];
      const other = worker({ leaseMs: 600, pollMs: 20 }).register('test', async (claimed) => {
        otherRuns.push(claimed.id);
        return file('taken');
      });
      queue.start();
      const { id } = await enqueue();
      await started.opened;
      const firstLease = Date.parse((await job(id)).lease_expires_at ?? '');
      other.start();
      // Two lease lengths later, with the other worker looking every 20 ms, the job is still ours.
      await waitUntil('the lease was renewed for two lease lengths', async () => {
        const row = await job(id);
        return Date.parse(row.lease_expires_at ?? '') >= firstLease + 1200 && row;
      });
      release.open();
      await queue.idle();

      expect(otherRuns).toEqual([]);
      expect(await job(id)).toMatchObject({ status: 'succeeded', attempts: 1, worker_id: queue.workerId });
    });

    it('a worker whose lease expired and was taken over stores nothing: the new holder finishes the job', async () => {
      const release = gate();
      const started = gate();
      const lost: string[] = [];
      // It never renews (heartbeat longer than the test), like a server that froze.
      queue = new JobQueue(database.db, {
        leaseMs: 200,
        heartbeatMs: 600_000,
        progressIntervalMs: 0,
        onLost: (claimed) => lost.push(claimed.id),
      });
      queue.register('test', async (_claimed, context) => {
        started.open();
        await release.opened;
        context.progress(0.9, 'late progress');
        return file('stale');
      });
      const other = worker({ pollMs: 20 }).register('test', async () => file('fresh'));
      queue.start();
      const { id } = await enqueue();
      await started.opened;
      other.start();
      await waitUntil(
        'the other worker finished the job',
        async () => (await job(id)).status === 'succeeded',
      );
      release.open();
      await queue.idle();

      expect(lost).toEqual([id]);
      expect(await job(id)).toMatchObject({
        status: 'succeeded',
        attempts: 2,
        worker_id: other.workerId,
        progress: 1,
        message: 'Done',
      });
      const files = await database.db.selectFrom('job_file').selectAll().where('job_id', '=', id).execute();
      expect(files.map((stored) => Buffer.from(stored.content).toString())).toEqual(['fresh']);
    });

    it('a worker that finds another holding its job at its next heartbeat aborts the handler', async () => {
      const started = gate();
      const aborted = gate();
      let reason: unknown;
      queue = new JobQueue(database.db, { leaseMs: 300, progressIntervalMs: 0 });
      queue.register('test', async (_claimed, context) => {
        started.open();
        await new Promise((_resolve, reject) => {
          context.signal.addEventListener('abort', () => {
            reason = context.signal.reason;
            aborted.open();
            reject(context.signal.reason);
          });
        });
        return file('never');
      });
      queue.start();
      const { id } = await enqueue();
      await started.opened;
      // Another worker took it over (as after an expired lease).
      await database.db
        .updateTable('job')
        .set({ worker_id: 'another server', lease_expires_at: inSeconds(60), attempts: 2 })
        .where('id', '=', id)
        .execute();
      await aborted.opened;
      await queue.idle();

      expect(String(reason)).toContain('Another server took this job over.');
      expect(await job(id)).toMatchObject({
        status: 'running',
        worker_id: 'another server',
        attempts: 2,
        error: null,
      });
    });
  });

  it('on stop aborts the running job, which fails as interrupted', async () => {
    const started = gate();
    const handler: JobHandler = async (_job, context) => {
      started.open();
      await new Promise((_resolve, reject) => {
        context.signal.addEventListener('abort', () => reject(context.signal.reason));
      });
      return file('never');
    };
    queue.register('test', handler);
    await queue.start();
    const { id } = await enqueue();
    await started.opened;
    await queue.stop();
    expect(await job(id)).toMatchObject({ status: 'failed', error: INTERRUPTED_MESSAGE });
    // A stopped queue takes no more work.
    const later = await enqueue();
    await queue.idle();
    expect((await job(later.id)).status).toBe('queued');
  });
});
