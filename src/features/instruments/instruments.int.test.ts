import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { D42_INSTRUMENTS } from '../../domain/catalogue/instruments.ts';
import type { InstrumentDefinition } from '../../domain/catalogue/types.ts';
import { CATALOGUE_REVISION_KEY, InstrumentRepository } from './repository.ts';
import { seedCatalogue } from './seed.ts';
import { InstrumentService } from './service.ts';

describe.each(testDialects())('instrument catalogue API on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    // Revalidate on every request: the seed tests below change the catalogue in this process.
    t = await startTestApp(kind, { catalogueRevalidateMs: 0 });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('GET /api/health', () => {
    it('reports ok with the database engine and the version', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        status: 'ok',
        database: kind,
        version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      });
    });
  });

  describe('GET /api/v1/instruments', () => {
    it('lists the 17 instruments in code order', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/instruments' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const { items } = res.json();
      expect(items.map((i: { code: string }) => i.code)).toEqual(D42_INSTRUMENTS.map((d) => d.code));
    });

    it('returns every field of every instrument as defined, plus origin and formula', async () => {
      const { items } = (await t.app.inject({ method: 'GET', url: '/api/v1/instruments' })).json();
      for (const [index, definition] of D42_INSTRUMENTS.entries()) {
        const { origin, budget, ...rest } = items[index];
        expect(origin).toBe('d4.2');
        expect(budget.text).toBe(definition.budget.text);
        expect(budget.items).toEqual(definition.budget.items);
        expect(budget.formula.length).toBeGreaterThan(0);
        const { budget: _, ...expected } = definition;
        expect(rest).toEqual(expected);
      }
    });

    it('sends the same JSON gzip-compressed to a client that accepts gzip', async () => {
      const plain = await t.app.inject({ method: 'GET', url: '/api/v1/instruments' });
      const zipped = await t.app.inject({
        method: 'GET',
        url: '/api/v1/instruments',
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      });
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers.vary).toContain('accept-encoding');
      expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
      expect(gunzipSync(zipped.rawPayload).toString()).toBe(plain.body);
      const refused = await t.app.inject({
        method: 'GET',
        url: '/api/v1/instruments',
        headers: { 'accept-encoding': 'gzip;q=0, identity' },
      });
      expect(refused.headers['content-encoding']).toBeUndefined();
      expect(refused.body).toBe(plain.body);
    });

    it('answers 304 to a request carrying the current entity tag', async () => {
      const first = await t.app.inject({ method: 'GET', url: '/api/v1/instruments' });
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^".+"$/);
      const again = await t.app.inject({
        method: 'GET',
        url: '/api/v1/instruments',
        headers: { 'if-none-match': etag },
      });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      // The tag names the bytes, not only the catalogue's revision: a build that adds a field to
      // the same catalogue sends it to a client holding the old list.
      const digest = createHash('sha256').update(first.body).digest('hex').slice(0, 12);
      expect(etag).toContain(digest);
    });

    it('tells an estimate form what each instrument’s budget model needs, from the budget engine', async () => {
      const { items } = (await t.app.inject({ method: 'GET', url: '/api/v1/instruments' })).json();
      const byKey = new Map(items.map((i: { key: string }) => [i.key, i]));
      const needs = (key: string) =>
        (byKey.get(key) as { budget: { estimate: { parameters: { name: string }[]; usesDayRate: boolean } } })
          .budget.estimate;
      expect(needs('study-visits')).toEqual({
        parameters: [
          { name: 'units', range: { min: 1, max: 1000 }, unit: 'mission', typical: null },
          {
            name: 'travellers',
            range: { min: 1, max: 100 },
            unit: null,
            typical: { min: 2, max: 3, who: 'cluster representatives' },
          },
          { name: 'nights', range: { min: 0, max: 365 }, unit: null, typical: null },
          { name: 'destination', range: null, unit: null, typical: null },
        ],
        usesDayRate: true,
      });
      expect(needs('training-to-go-international').parameters.map((p) => p.name)).toEqual(['units']);
      expect(needs('matchmaking-events')).toMatchObject({
        parameters: [{ name: 'entities' }],
        usesDayRate: false,
      });
      expect(needs('trade-fairs')).toEqual({ parameters: [], usesDayRate: false });
      const one = await t.app.inject({ method: 'GET', url: '/api/v1/instruments/1.1.4' });
      expect(one.json().budget.estimate.parameters).toEqual([
        { name: 'months', range: { min: 1, max: 120 }, unit: 'issue', typical: null },
      ]);
    });

    it('sees a re-seed by another process once the revalidation interval has passed', async () => {
      let clock = 0;
      const repository = new InstrumentRepository(t.database.db);
      const service = new InstrumentService(repository, { revalidateMs: 1000, now: () => clock });
      const before = await service.listSerialized();
      const revision = await repository.catalogueRevision();
      try {
        await repository.setMeta(CATALOGUE_REVISION_KEY, 'changed-elsewhere-0000');
        clock = 999;
        expect((await service.listSerialized()).etag).toBe(before.etag);
        clock = 1000;
        const after = await service.listSerialized();
        expect(after.etag).not.toBe(before.etag);
        expect(after.etag).toContain('changed-elsewher');
      } finally {
        await repository.setMeta(CATALOGUE_REVISION_KEY, revision as string);
      }
    });

    it.each([
      ['preparatory', 6],
      ['leads', 5],
      ['sustain', 6],
    ])('filters by phase %s (%i instruments)', async (phase, count) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/instruments?phase=${phase}` });
      expect(res.statusCode).toBe(200);
      const { items } = res.json();
      expect(items).toHaveLength(count);
      expect(new Set(items.map((i: { phase: string }) => i.phase))).toEqual(new Set([phase]));
    });

    it('answers 400 problem+json naming the parameter for an unknown phase', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/instruments?phase=foo' });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const body = res.json();
      expect(body).toMatchObject({ status: 400, title: 'Invalid input', type: expect.any(String) });
      expect(body.detail).toContain('query.phase');
      expect(body.errors).toEqual([{ field: 'query.phase', message: expect.any(String) }]);
    });
  });

  describe('GET /api/v1/instruments/{key}', () => {
    it('returns one instrument by key', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/instruments/study-visits' });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ code: '1.1.3', key: 'study-visits', phase: 'preparatory' });
      expect(body.budget.formula).toContain('8 days');
    });

    it('also finds an instrument by its D4.2 code', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/instruments/1.2.1' });
      expect(res.statusCode).toBe(200);
      expect(res.json().key).toBe('matchmaking-events');
    });

    it('answers 404 problem+json naming the unknown key', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/instruments/no-such-thing' });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 404, detail: expect.stringContaining('no-such-thing') });
    });

    it('answers 400 naming params.key for an oversized key', async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/instruments/${'x'.repeat(500)}` });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().errors[0].field).toBe('params.key');
    });
  });

  describe('security headers', () => {
    it('forbid framing, limit sources to the own origin and send no referrer', async () => {
      for (const url of ['/api/health', '/api/v1/instruments', '/api/v1/nothing-here', '/api/docs/']) {
        const res = await t.app.inject({ method: 'GET', url });
        const csp = String(res.headers['content-security-policy']);
        expect(csp, url).toContain("frame-ancestors 'none'");
        expect(csp, url).toContain("default-src 'self'");
        expect(csp, url).toContain("script-src 'self'");
        expect(res.headers['x-content-type-options'], url).toBe('nosniff');
        expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      }
    });
  });

  describe('unknown API routes', () => {
    it('answer 404 problem+json, also for other methods', async () => {
      for (const [method, url] of [
        ['GET', '/api/v1/nothing-here'],
        ['DELETE', '/api/v1/instruments/study-visits'],
        ['POST', '/api/v1/instruments'],
      ] as const) {
        const res = await t.app.inject({
          method,
          url,
          payload: method === 'POST' ? '{"broken":' : undefined,
        });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    });
  });

  describe('GET /api/openapi.json', () => {
    it('documents the catalogue routes and the problem schema', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      expect(doc.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/api/health', '/api/v1/instruments', '/api/v1/instruments/{key}']),
      );
      expect(doc.components.schemas).toHaveProperty('Instrument');
      expect(doc.components.schemas).toHaveProperty('Problem');
    });

    it('serves an API reference page', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
    });
  });

  describe('catalogue seed', () => {
    it('is idempotent: a second run writes nothing', async () => {
      const before = await t.database.db.selectFrom('instrument').select(['id', 'version']).execute();
      const again = await seedCatalogue(t.database.db);
      expect(again.changed).toBe(false);
      const after = await t.database.db.selectFrom('instrument').select(['id', 'version']).execute();
      expect(after).toEqual(before);
    });

    it('applies a changed definition in place, keeping ids and dropping removed KPIs', async () => {
      const original = structuredClone(D42_INSTRUMENTS) as InstrumentDefinition[];
      const changed = structuredClone(original);
      const target = changed[2] as InstrumentDefinition;
      target.name = `${target.name} (edited)`;
      const removedKpi = target.kpis.pop();
      const idBefore = (
        await t.database.db
          .selectFrom('instrument')
          .select('id')
          .where('key', '=', target.key)
          .executeTakeFirstOrThrow()
      ).id;

      expect((await seedCatalogue(t.database.db, changed)).changed).toBe(true);
      const edited = (await t.app.inject({ method: 'GET', url: `/api/v1/instruments/${target.key}` })).json();
      expect(edited.name).toBe(target.name);
      expect(edited.kpis.map((k: { key: string }) => k.key)).not.toContain(removedKpi?.key);
      const listed = (await t.app.inject({ method: 'GET', url: '/api/v1/instruments' })).json();
      expect(listed.items[2].name).toBe(target.name);
      const row = await t.database.db
        .selectFrom('instrument')
        .select(['id', 'version'])
        .where('key', '=', target.key)
        .executeTakeFirstOrThrow();
      expect(row.id).toBe(idBefore);
      expect(row.version).toBe(2);

      // Restore the real catalogue for the other tests.
      expect((await seedCatalogue(t.database.db, original)).changed).toBe(true);
      const restored = (
        await t.app.inject({ method: 'GET', url: `/api/v1/instruments/${target.key}` })
      ).json();
      expect(restored.kpis).toEqual(D42_INSTRUMENTS[2]?.kpis);
    });
  });
});
