import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE_REVISION_KEY } from '../../src/features/instruments/repository.ts';
import { handleError } from '../../src/http/problem.ts';
import { testDialects } from '../support/databases.ts';
import { Factory } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

// A check-then-write use case can lose a race to a concurrent write; the unique index catches it,
// and the answer must be a 409 on both databases, not a 500.
describe.each(testDialects())('a unique index violation on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is answered 409 problem+json, and the first value stays', async () => {
    const app = Fastify({ logger: false });
    app.setErrorHandler(handleError);
    app.post('/race', async () => {
      // The seed already wrote this key: a second insert is what a lost race looks like.
      await t.database.db
        .insertInto('app_meta')
        .values({ key: CATALOGUE_REVISION_KEY, value: 'x' })
        .execute();
      return { ok: true };
    });
    const before = await t.database.db.selectFrom('app_meta').selectAll().execute();
    const res = await app.inject({ method: 'POST', url: '/race' });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().detail).toContain('same unique value');
    expect(await t.database.db.selectFrom('app_meta').selectAll().execute()).toEqual(before);
    await app.close();
  });

  it('answers a foreign key violation (a market deleted while a plan was written for it) with 409', async () => {
    const app = Fastify({ logger: false });
    app.setErrorHandler(handleError);
    const workspace = await new Factory(t.database.db).workspace();
    app.post('/race', async () => {
      await t.database.db
        .insertInto('plan')
        .values({
          id: `race-${workspace.id}`,
          workspace_id: workspace.id,
          market_id: 'a-market-deleted-meanwhile',
          name: 'Lost race',
          starts_on: '2026-01-01',
          ends_on: '2026-12-31',
          budget_cap_cents: null,
          status: 'draft',
          notes: '',
          created_at: '2026-01-01T00:00:00.000Z',
          updated_at: '2026-01-01T00:00:00.000Z',
        })
        .execute();
      return { ok: true };
    });
    const res = await app.inject({ method: 'POST', url: '/race' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('nothing was written');
    expect(await t.database.db.selectFrom('plan').selectAll().execute()).toEqual([]);
    await app.close();
  });
});
