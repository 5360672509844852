import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../test/support/databases.ts';
import { Factory } from '../../test/support/factories.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { newId, nowIso } from '../db/ids.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { JobError, type JobHandler, JobQueue } from './queue.ts';
import { INTERRUPTED_MESSAGE } from './repository.ts';

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

  it('at start-up marks jobs left running by a stopped process as failed, interrupted by a restart', async () => {
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
      })
      .execute();
    queue.register('test', async () => file('never'));
    expect(await queue.start()).toBe(1);
    await queue.idle();
    const interrupted = await job(id);
    expect(interrupted).toMatchObject({ status: 'failed', error: INTERRUPTED_MESSAGE, progress: 0.4 });
    expect(interrupted.finished_at).not.toBeNull();
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
