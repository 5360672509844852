import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory, signIn } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const newCluster = {
  name: 'Aerospace Valley',
  shortName: 'AV',
  country: 'FR',
  city: 'Toulouse',
  dayRateEur: 520.5,
  website: 'https://www.aerospace-valley.example',
};

describe.each(testDialects())('clusters API on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let slug: string;
  let workspaceId: string;
  let coordinator: { headers: Record<string, string> };
  const url = (path = '') => `/api/v1/workspaces/${slug}/clusters${path}`;

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    coordinator = await factory.memberWithToken(workspaceId, 'coordinator');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates, reads, lists, edits and deletes a cluster, keeping money in cents', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: coordinator.headers,
      payload: newCluster,
    });
    expect(created.statusCode).toBe(201);
    const cluster = created.json();
    expect(cluster).toMatchObject({ ...newCluster, version: 1 });
    const row = await t.database.db
      .selectFrom('cluster')
      .select('day_rate_cents')
      .where('id', '=', cluster.id)
      .executeTakeFirstOrThrow();
    expect(row.day_rate_cents).toBe(52_050);

    expect(
      (
        await t.app.inject({ method: 'GET', url: url(`/${cluster.id}`), headers: coordinator.headers })
      ).json(),
    ).toEqual(cluster);
    const list = (await t.app.inject({ method: 'GET', url: url(), headers: coordinator.headers })).json();
    expect(list).toEqual({ items: [cluster], nextCursor: null });

    const edited = await t.app.inject({
      method: 'PATCH',
      url: url(`/${cluster.id}`),
      headers: coordinator.headers,
      payload: { version: 1, city: 'Bordeaux' },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ city: 'Bordeaux', version: 2, name: newCluster.name });

    const deleted = await t.app.inject({
      method: 'DELETE',
      url: url(`/${cluster.id}?version=2`),
      headers: coordinator.headers,
    });
    expect(deleted.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: url(`/${cluster.id}`), headers: coordinator.headers }))
        .statusCode,
    ).toBe(404);
  });

  it('answers 409 to a stale edit or delete and changes nothing', async () => {
    const cluster = (
      await t.app.inject({ method: 'POST', url: url(), headers: coordinator.headers, payload: newCluster })
    ).json();
    await t.app.inject({
      method: 'PATCH',
      url: url(`/${cluster.id}`),
      headers: coordinator.headers,
      payload: { version: 1, city: 'Bordeaux' },
    });
    const stale = await t.app.inject({
      method: 'PATCH',
      url: url(`/${cluster.id}`),
      headers: coordinator.headers,
      payload: { version: 1, city: 'Paris' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('version 2');
    const staleDelete = await t.app.inject({
      method: 'DELETE',
      url: url(`/${cluster.id}?version=1`),
      headers: coordinator.headers,
    });
    expect(staleDelete.statusCode).toBe(409);
    const now = (
      await t.app.inject({ method: 'GET', url: url(`/${cluster.id}`), headers: coordinator.headers })
    ).json();
    expect(now).toMatchObject({ city: 'Bordeaux', version: 2 });
  });

  it('records every mutation in the audit log with who and what changed', async () => {
    const cluster = (
      await t.app.inject({ method: 'POST', url: url(), headers: coordinator.headers, payload: newCluster })
    ).json();
    await t.app.inject({
      method: 'PATCH',
      url: url(`/${cluster.id}`),
      headers: coordinator.headers,
      payload: { version: 1, city: 'Bordeaux', name: newCluster.name },
    });
    await t.app.inject({
      method: 'DELETE',
      url: url(`/${cluster.id}?version=2`),
      headers: coordinator.headers,
    });
    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${slug}/audit`,
      headers: coordinator.headers,
    });
    expect(audit.statusCode).toBe(200);
    const items = audit.json().items;
    expect(items.map((i: { action: string }) => i.action)).toEqual(['delete', 'update', 'create']);
    expect(items[1].changes).toEqual({ city: ['Toulouse', 'Bordeaux'] });
    expect(items[2].changes.short_name).toEqual([null, 'AV']);
    expect(items[0].actor).toMatch(/@example\.test$/);
  });

  it.each([
    ['an unknown field', { ...newCluster, colour: 'red' }, 'body'],
    ['a lower-case country', { ...newCluster, country: 'fr' }, 'body.country'],
    ['a country that does not exist', { ...newCluster, country: 'XX' }, 'body.country'],
    ['the "unknown region" code', { ...newCluster, country: 'ZZ' }, 'body.country'],
    ['a country name instead of a code (once a 500)', { ...newCluster, country: 'BELGIUM' }, 'body.country'],
    ['a negative day rate', { ...newCluster, dayRateEur: -1 }, 'body.dayRateEur'],
    ['an absurd day rate', { ...newCluster, dayRateEur: 1e9 }, 'body.dayRateEur'],
    ['a day rate as text', { ...newCluster, dayRateEur: '500' }, 'body.dayRateEur'],
    ['an oversized name', { ...newCluster, name: 'x'.repeat(201) }, 'body.name'],
    ['a javascript: website', { ...newCluster, website: 'javascript:alert(1)' }, 'body.website'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_name, payload, field) => {
    const res = await t.app.inject({ method: 'POST', url: url(), headers: coordinator.headers, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    const count = await t.database.db
      .selectFrom('cluster')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('refuses a second cluster with the same short name (400) and keeps the first', async () => {
    await t.app.inject({ method: 'POST', url: url(), headers: coordinator.headers, payload: newCluster });
    const again = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: coordinator.headers,
      payload: { ...newCluster, name: 'Other' },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].field).toBe('body.shortName');
  });

  it('pages through clusters with a cursor and filters by search text and country', async () => {
    for (const [shortName, country] of [
      ['A1', 'BE'],
      ['A2', 'FR'],
      ['A3', 'BE'],
      ['B%', 'IT'],
    ] as const) {
      await t.app.inject({
        method: 'POST',
        url: url(),
        headers: coordinator.headers,
        payload: { ...newCluster, shortName, country, name: `Cluster ${shortName}` },
      });
    }
    const first = (
      await t.app.inject({ method: 'GET', url: url('?limit=3'), headers: coordinator.headers })
    ).json();
    expect(first.items.map((c: { shortName: string }) => c.shortName)).toEqual(['A1', 'A2', 'A3']);
    const second = (
      await t.app.inject({
        method: 'GET',
        url: url(`?limit=3&cursor=${first.nextCursor}`),
        headers: coordinator.headers,
      })
    ).json();
    expect(second).toMatchObject({ items: [{ shortName: 'B%' }], nextCursor: null });
    const belgian = (
      await t.app.inject({ method: 'GET', url: url('?country=BE'), headers: coordinator.headers })
    ).json();
    expect(belgian.items.map((c: { shortName: string }) => c.shortName)).toEqual(['A1', 'A3']);
    const percent = (
      await t.app.inject({
        method: 'GET',
        url: url(`?q=${encodeURIComponent('b%')}`),
        headers: coordinator.headers,
      })
    ).json();
    expect(percent.items.map((c: { shortName: string }) => c.shortName)).toEqual(['B%']);
  });

  it('needs the CSRF token for a cookie-authenticated mutation', async () => {
    const user = await factory.userWithPassword('a long enough password');
    await factory.addMember(workspaceId, user.id, 'coordinator');
    const { cookie, csrfToken } = await signIn(t.app, user.email, 'a long enough password');
    const without = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: { cookie },
      payload: newCluster,
    });
    expect(without.statusCode).toBe(403);
    const withToken = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: { cookie, 'x-csrf-token': csrfToken },
      payload: newCluster,
    });
    expect(withToken.statusCode).toBe(201);
  });
});
