import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app/build-app.ts';
import { testDialects } from '../support/databases.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/** What operators expect of a service (issue 19): readiness, metrics, request ids in the logs. */
describe.each(testDialects())('operations on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is ready when the database answers and every migration has run, and says why not otherwise', async () => {
    const ready = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(ready.statusCode, ready.body).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', database: kind });

    const last = await t.database.db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .orderBy('name' as never, 'desc')
      .executeTakeFirstOrThrow();
    const name = (last as { name: string }).name;
    await t.database.db
      .deleteFrom('kysely_migration' as never)
      .where('name' as never, '=', name as never)
      .execute();
    try {
      const notReady = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
      expect(notReady.statusCode).toBe(503);
      expect(notReady.json().detail).toContain(name);
      // Liveness stays cheap and green: the process is alive, only not ready.
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await t.database.db
        .insertInto('kysely_migration' as never)
        .values({ name, timestamp: new Date().toISOString() } as never)
        .execute();
    }
  });

  it('counts requests by route pattern and status, times them, and reports the job queue depth', async () => {
    await t.app.inject({ method: 'GET', url: '/api/v1/instruments' });
    await t.app.inject({ method: 'GET', url: '/api/v1/workspaces/nowhere/plans/some-id' });
    const res = await t.app.inject({ method: 'GET', url: '/api/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.body;
    expect(text).toMatch(
      /space2id_http_requests_total\{method="GET",route="\/api\/v1\/instruments",status="200"\} [1-9]/,
    );
    // The pattern, not the URL: ids never become labels.
    expect(text).toContain('route="/api/v1/workspaces/:workspace/plans/:id",status="401"');
    expect(text).not.toContain('some-id');
    expect(text).toMatch(
      /space2id_http_request_duration_seconds_bucket\{le="0\.1",method="GET",route="\/api\/v1\/instruments"\}/,
    );
    expect(text).toMatch(/space2id_job_queue_depth\{status="queued"\} 0/);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('gives every request an id, answers it in x-request-id, and logs each API request once with it', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
        done();
      },
    });
    const app = await buildApp({ database: t.database, logger: { level: 'info', stream } });
    try {
      const first = await app.inject({ method: 'GET', url: '/api/health' });
      const second = await app.inject({ method: 'GET', url: '/api/health' });
      await app.inject({ method: 'GET', url: '/some/page' });
      const ids = [first.headers['x-request-id'], second.headers['x-request-id']];
      expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(ids[1]).not.toBe(ids[0]);
      const answered = lines.filter((line) => line.msg === 'request answered');
      expect(answered.map((line) => [line.requestId, line.url, line.statusCode])).toEqual([
        [ids[0], '/api/health', 200],
        [ids[1], '/api/health', 200],
      ]);
    } finally {
      await app.close();
    }
  });
});
