import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../test/support/databases.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { RateLimitRepository } from './rate-limit-repository.ts';
import { type SharedRateLimitOptions, sharedRateLimitStore } from './rate-limit-store.ts';

describe.each(testDialects())('the shared rate-limit store on %s', (kind) => {
  let testDatabase: TestDatabase;
  let database: Database;
  const apps: FastifyInstance[] = [];
  const opened: Database[] = [];

  beforeEach(async () => {
    testDatabase = await createTestDatabase(kind);
    database = openDatabase(testDatabase.url);
    await migrateToLatest(database.db);
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    for (const connection of opened.splice(0)) await connection.close();
    await database.close();
    await testDatabase.drop();
  });

  /** A server with two limited routes (3 a minute per `x-client`), counting in `db`. */
  const server = async (options: SharedRateLimitOptions = {}, db = database.db) => {
    const app = Fastify();
    await app.register(fastifyRateLimit, { global: false, store: sharedRateLimitStore(db, options) });
    const config = {
      rateLimit: {
        max: 3,
        timeWindow: '1 minute',
        keyGenerator: (r: { headers: Record<string, unknown> }) => String(r.headers['x-client']),
      },
    };
    app.post('/sign-in', { config }, async () => ({ ok: true }));
    app.post('/reset', { config }, async () => ({ ok: true }));
    apps.push(app);
    return app;
  };
  const hit = async (app: FastifyInstance, url = '/sign-in', client = 'a') => {
    const res = await app.inject({ method: 'POST', url, headers: { 'x-client': client } });
    return res;
  };
  const statuses = async (app: FastifyInstance, n: number, url?: string, client?: string) => {
    const result: number[] = [];
    for (let i = 0; i < n; i++) result.push((await hit(app, url, client)).statusCode);
    return result;
  };

  it('counts the hits of one key on two servers together: the limit holds across both', async () => {
    const first = await server();
    const second = await server();
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) seen.push((await hit(i % 2 === 0 ? first : second)).statusCode);
    expect(seen).toEqual([200, 200, 200, 429, 429]);
    const last = await hit(second);
    expect(last.statusCode).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(55);
    expect(Number(last.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('keeps the counts of each route and each key apart', async () => {
    const app = await server();
    expect(await statuses(app, 4)).toEqual([200, 200, 200, 429]);
    expect(await statuses(app, 1, '/reset')).toEqual([200]);
    expect(await statuses(app, 1, '/sign-in', 'b')).toEqual([200]);
    const remaining = await hit(app, '/reset');
    expect(remaining.headers['x-ratelimit-remaining']).toBe('1');
  });

  it('opens a new window once the last one ended, counting from one again', async () => {
    let now = new Date('2026-03-01T10:00:00.000Z');
    const app = await server({ now: () => now });
    expect(await statuses(app, 4)).toEqual([200, 200, 200, 429]);
    now = new Date('2026-03-01T10:00:59.999Z');
    expect(await statuses(app, 1)).toEqual([429]);
    now = new Date('2026-03-01T10:01:00.000Z');
    expect(await statuses(app, 4)).toEqual([200, 200, 200, 429]);
    const row = await database.db.selectFrom('rate_limit').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ hits: 4, expires_at: '2026-03-01T10:02:00.000Z' });
  });

  it('loses no hit when many arrive at once (one upsert each; on PostgreSQL from several connection pools)', async () => {
    const repositories = [0, 1, 2].map(() => {
      if (kind === 'sqlite') return new RateLimitRepository(database.db);
      const connection = openDatabase(testDatabase.url);
      opened.push(connection);
      return new RateLimitRepository(connection.db);
    });
    const now = new Date();
    const counts = await Promise.all(
      Array.from({ length: 60 }, (_, i) => repositories[i % 3]?.hit('same key', 60_000, now)),
    );
    expect(counts.map((count) => count?.hits).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: 60 }, (_, i) => i + 1),
    );
  });

  it('deletes the counters whose window ended, now and then, on a hit', async () => {
    let now = new Date('2026-03-01T10:00:00.000Z');
    const app = await server({ now: () => now, sweepEveryMs: 60_000 });
    await statuses(app, 1, '/sign-in', 'old');
    now = new Date('2026-03-01T10:00:30.000Z');
    await statuses(app, 1, '/sign-in', 'newer');
    now = new Date('2026-03-01T10:01:10.000Z');
    // The first hit swept at 10:00:00; this one, a minute later, sweeps the window of "old".
    await statuses(app, 1, '/sign-in', 'latest');
    const keys = async () => (await database.db.selectFrom('rate_limit').select('key').execute()).length;
    await expect.poll(keys).toBe(2);
  });

  it('refuses a route that asks for a sliding window it cannot count', async () => {
    const app = Fastify();
    apps.push(app);
    await app.register(fastifyRateLimit, { global: false, store: sharedRateLimitStore(database.db) });
    expect(() =>
      app.post('/x', { config: { rateLimit: { max: 1, continueExceeding: true } } }, async () => ({})),
    ).toThrow('rate limit of POST /x: the shared store counts fixed windows only');
  });
});
