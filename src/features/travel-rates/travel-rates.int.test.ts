import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { defaultTravelRate } from '../../domain/planning/travel-rates.ts';

type Headers = Record<string, string>;

const japan = { travelEur: 1450.5, accommodationPerNightEur: 175, subsistencePerDayEur: 72.25 };

describe.each(testDialects())('travel rates API on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let slug: string;
  let workspaceId: string;
  let coordinator: { headers: Headers };
  const inject = (method: 'GET' | 'PUT' | 'DELETE', path: string, payload?: object, headers?: Headers) =>
    t.app.inject({
      method,
      url: `/api/v1/workspaces/${slug}/travel-rates${path}`,
      headers: headers ?? coordinator.headers,
      ...(payload ? { payload } : {}),
    });
  const stored = () =>
    t.database.db
      .selectFrom('travel_rate')
      .select(['country', 'travel_cents', 'version'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('country')
      .execute();

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

  it('lists the edited rates with the defaults of the countries asked for, from the origin cluster', async () => {
    const toulouse = await factory.cluster(workspaceId, { country: 'FR' });
    expect((await inject('PUT', '/JP', japan)).statusCode).toBe(200);
    const res = await inject('GET', `?origin=${toulouse.id}&countries=JP,CN,DE`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items.map((r: { country: string; isDefault: boolean }) => [r.country, r.isDefault])).toEqual([
      ['CN', true],
      ['DE', true],
      ['JP', false],
    ]);
    expect(items[2]).toEqual({ country: 'JP', ...japan, isDefault: false, basis: null, version: 1 });
    const china = defaultTravelRate({ country: 'FR', city: 'Brussels' }, 'CN');
    expect(items[0]).toEqual({
      country: 'CN',
      travelEur: china.travelCents / 100,
      accommodationPerNightEur: china.accommodationPerNightCents / 100,
      subsistencePerDayEur: china.subsistencePerDayCents / 100,
      isDefault: true,
      basis: china.basis,
      version: null,
    });
    // Without countries: only the workspace's own rates.
    expect((await inject('GET', '')).json().items.map((r: { country: string }) => r.country)).toEqual(['JP']);
  });

  it('creates, changes (with its version) and removes a rate, back to the default, with audit entries', async () => {
    const created = await inject('PUT', '/JP', japan);
    expect(created.json()).toMatchObject({ version: 1, isDefault: false });
    const changed = await inject('PUT', '/JP', { ...japan, travelEur: 1600, version: 1 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ travelEur: 1600, version: 2 });
    expect(await stored()).toEqual([{ country: 'JP', travel_cents: 160_000, version: 2 }]);
    expect((await inject('DELETE', '/JP?version=2')).statusCode).toBe(204);
    expect(await stored()).toEqual([]);
    expect((await inject('GET', '?countries=JP')).json().items[0]).toMatchObject({
      isDefault: true,
      version: null,
    });
    const audit = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${slug}/audit`,
        headers: coordinator.headers,
      })
    ).json().items;
    expect(audit.map((e: { action: string; entityType: string }) => `${e.action} ${e.entityType}`)).toEqual([
      'delete travel_rate',
      'update travel_rate',
      'create travel_rate',
    ]);
    expect(audit[1].changes).toEqual({ travel_cents: [145_050, 160_000] });
  });

  it('answers 409 to a change without the version, with a stale one, or to a removed rate', async () => {
    await inject('PUT', '/JP', japan);
    expect((await inject('PUT', '/JP', { ...japan, travelEur: 1 })).statusCode).toBe(409);
    expect((await inject('PUT', '/JP', { ...japan, travelEur: 1, version: 5 })).statusCode).toBe(409);
    expect((await inject('DELETE', '/JP?version=5')).statusCode).toBe(409);
    expect((await inject('PUT', '/CN', { ...japan, version: 1 })).statusCode).toBe(409);
    expect((await inject('DELETE', '/CN?version=1')).statusCode).toBe(404);
    expect(await stored()).toEqual([{ country: 'JP', travel_cents: 145_050, version: 1 }]);
  });

  it.each([
    ['a negative amount', '/JP', { ...japan, travelEur: -1 }, 'body.travelEur'],
    [
      'an absurd amount',
      '/JP',
      { ...japan, accommodationPerNightEur: 100_000.01 },
      'body.accommodationPerNightEur',
    ],
    [
      'an amount with 3 decimals',
      '/JP',
      { ...japan, subsistencePerDayEur: 1.005 },
      'body.subsistencePerDayEur',
    ],
    ['a missing amount', '/JP', { travelEur: 1, accommodationPerNightEur: 1 }, 'body.subsistencePerDayEur'],
    ['an unknown field', '/JP', { ...japan, currency: 'USD' }, 'body'],
    ['a lower-case country', '/jp', japan, 'params.country'],
    ['a country that does not exist', '/XX', japan, 'params.country'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_name, path, body, field) => {
    const res = await inject('PUT', path, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await stored()).toEqual([]);
  });

  it.each([
    ['countries in lower case', '?countries=jp', 'query.countries'],
    ['an unknown country', '?countries=JP,XX', 'query.countries'],
    ["another workspace's cluster as origin", '?origin=no-such-cluster', 'query.origin'],
  ])('refuses %s in the list with 400', async (_name, query, field) => {
    const res = await inject('GET', query);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('lets only coordinators edit rates; members and mentors do not see them', async () => {
    const cluster = await factory.cluster(workspaceId);
    const organisation = await factory.organisation(workspaceId, cluster.id);
    const callers = {
      cluster_manager: await factory.memberWithToken(workspaceId, 'cluster_manager', cluster.id),
      viewer: await factory.memberWithToken(workspaceId, 'viewer'),
      member: await factory.memberWithToken(workspaceId, 'member', null, organisation.id),
      mentor: await factory.memberWithToken(workspaceId, 'mentor'),
    };
    for (const [role, caller] of Object.entries(callers)) {
      expect((await inject('PUT', '/JP', japan, caller.headers)).statusCode, role).toBe(403);
      const canRead = role === 'cluster_manager' || role === 'viewer';
      expect((await inject('GET', '?countries=JP', undefined, caller.headers)).statusCode, role).toBe(
        canRead ? 200 : 403,
      );
    }
    expect(await stored()).toEqual([]);
  });

  it("keeps each workspace's rates to itself", async () => {
    const other = await factory.workspace('Elsewhere');
    const otherCoordinator = await factory.memberWithToken(other.id, 'coordinator');
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/workspaces/${other.slug}/travel-rates/JP`,
      headers: otherCoordinator.headers,
      payload: { ...japan, travelEur: 9999 },
    });
    expect((await inject('GET', '?countries=JP')).json().items[0]).toMatchObject({ isDefault: true });
    expect((await inject('DELETE', '/JP?version=1')).statusCode).toBe(404);
  });
});
