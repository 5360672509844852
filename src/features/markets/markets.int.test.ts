import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const newMarket = {
  name: 'Japan — Earth observation',
  country: 'JP',
  segments: ['earth_observation', 'Disaster monitoring'],
  priority: 'high',
  rationale: 'JAXA partnerships and a growing downstream market.',
};

describe.each(testDialects())('target markets API on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let slug: string;
  let workspaceId: string;
  let clusterId: string;
  let coordinator: { headers: Record<string, string> };
  const url = (path = '') => `/api/v1/workspaces/${slug}/markets${path}`;

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    clusterId = (await factory.cluster(workspaceId, { name: 'Aerospace Valley', short_name: 'AV' })).id;
    coordinator = await factory.memberWithToken(workspaceId, 'coordinator');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function countMarkets(): Promise<number> {
    const row = await t.database.db
      .selectFrom('target_market')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('creates, reads, lists, edits and deletes a market, with defaults and its owner cluster', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: coordinator.headers,
      payload: { ...newMarket, ownerClusterId: clusterId },
    });
    expect(created.statusCode, created.body).toBe(201);
    const market = created.json();
    expect(market).toMatchObject({
      ...newMarket,
      status: 'exploring',
      findings: '',
      ownerClusterId: clusterId,
      ownerClusterName: 'Aerospace Valley',
      planCount: 0,
      version: 1,
    });

    const page = (
      await t.app.inject({ method: 'GET', url: url(`/${market.id}`), headers: coordinator.headers })
    ).json();
    expect(page).toEqual({
      ...market,
      interestedMembers: { items: [], total: 0 },
      plans: [],
      activities: { items: [], total: 0 },
    });
    const list = (await t.app.inject({ method: 'GET', url: url(), headers: coordinator.headers })).json();
    expect(list).toEqual({ items: [market], nextCursor: null, total: 1 });

    const edited = await t.app.inject({
      method: 'PATCH',
      url: url(`/${market.id}`),
      headers: coordinator.headers,
      payload: { version: 1, status: 'active', findings: 'Met three integrators.', ownerClusterId: null },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      status: 'active',
      findings: 'Met three integrators.',
      ownerClusterId: null,
      ownerClusterName: null,
      version: 2,
      name: newMarket.name,
    });

    const deleted = await t.app.inject({
      method: 'DELETE',
      url: url(`/${market.id}?version=2`),
      headers: coordinator.headers,
    });
    expect(deleted.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: url(`/${market.id}`), headers: coordinator.headers }))
        .statusCode,
    ).toBe(404);
  });

  it('stores the registry code of a segment typed as its label (any case), keeps its own segments as typed', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: coordinator.headers,
      payload: {
        ...newMarket,
        segments: [
          'Earth observation',
          'SATELLITE COMMUNICATIONS',
          'agriculture',
          'Disaster monitoring',
          'EO',
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    // "EO" names Earth observation again: one segment.
    expect(created.json().segments).toEqual([
      'earth_observation',
      'satcom',
      'agriculture',
      'Disaster monitoring',
    ]);
    const edited = await t.app.inject({
      method: 'PATCH',
      url: url(`/${created.json().id}`),
      headers: coordinator.headers,
      payload: { version: 1, segments: ['In-orbit services'] },
    });
    expect(edited.json().segments).toEqual(['in_orbit_services']);
  });

  it('records every mutation in the audit log as entity type "market"', async () => {
    const market = (
      await t.app.inject({ method: 'POST', url: url(), headers: coordinator.headers, payload: newMarket })
    ).json();
    await t.app.inject({
      method: 'PATCH',
      url: url(`/${market.id}`),
      headers: coordinator.headers,
      payload: { version: 1, priority: 'low', name: newMarket.name },
    });
    await t.app.inject({
      method: 'DELETE',
      url: url(`/${market.id}?version=2`),
      headers: coordinator.headers,
    });
    const items = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${slug}/audit?entityId=${market.id}`,
        headers: coordinator.headers,
      })
    ).json().items;
    expect(items.map((i: { action: string; entityType: string }) => `${i.action} ${i.entityType}`)).toEqual([
      'delete market',
      'update market',
      'create market',
    ]);
    expect(items[1].changes).toEqual({ priority: ['high', 'low'] });
    expect(items[2].changes.country).toEqual([null, 'JP']);
    expect(items[0].changes.name).toEqual([newMarket.name, null]);
  });

  it('answers 409 to a stale edit or delete and changes nothing', async () => {
    const market = (
      await t.app.inject({ method: 'POST', url: url(), headers: coordinator.headers, payload: newMarket })
    ).json();
    await t.app.inject({
      method: 'PATCH',
      url: url(`/${market.id}`),
      headers: coordinator.headers,
      payload: { version: 1, priority: 'low' },
    });
    const stale = await t.app.inject({
      method: 'PATCH',
      url: url(`/${market.id}`),
      headers: coordinator.headers,
      payload: { version: 1, priority: 'medium' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('version 2');
    const staleDelete = await t.app.inject({
      method: 'DELETE',
      url: url(`/${market.id}?version=1`),
      headers: coordinator.headers,
    });
    expect(staleDelete.statusCode).toBe(409);
    const now = (
      await t.app.inject({ method: 'GET', url: url(`/${market.id}`), headers: coordinator.headers })
    ).json();
    expect(now).toMatchObject({ priority: 'low', version: 2 });
  });

  it('refuses to delete a market that still has plans (409 saying how many) and keeps it', async () => {
    const market = await factory.market(workspaceId, { name: 'Canada' });
    await factory.plan(workspaceId, market.id);
    await factory.plan(workspaceId, market.id);
    const res = await t.app.inject({
      method: 'DELETE',
      url: url(`/${market.id}?version=1`),
      headers: coordinator.headers,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('still has 2 plan(s)');
    expect(await countMarkets()).toBe(1);
  });

  it.each([
    ['an unknown field', { ...newMarket, colour: 'red' }, 'body'],
    ['a lower-case country', { ...newMarket, country: 'jp' }, 'body.country'],
    ['a country that does not exist', { ...newMarket, country: 'XX' }, 'body.country'],
    ['a country name instead of a code', { ...newMarket, country: 'Japan' }, 'body.country'],
    ['an empty name', { ...newMarket, name: '  ' }, 'body.name'],
    ['an oversized name', { ...newMarket, name: 'x'.repeat(201) }, 'body.name'],
    [
      '21 segments',
      { ...newMarket, segments: Array.from({ length: 21 }, (_, i) => `s${i}`) },
      'body.segments',
    ],
    ['a segment of 61 characters', { ...newMarket, segments: ['x'.repeat(61)] }, 'body.segments.0'],
    ['a repeated segment', { ...newMarket, segments: ['satcom', 'satcom'] }, 'body.segments.1'],
    ['an unknown priority', { ...newMarket, priority: 'urgent' }, 'body.priority'],
    ['an unknown status', { ...newMarket, status: 'won' }, 'body.status'],
    ['a rationale over 5,000 characters', { ...newMarket, rationale: 'x'.repeat(5001) }, 'body.rationale'],
    ['findings over 20,000 characters', { ...newMarket, findings: 'x'.repeat(20_001) }, 'body.findings'],
    ['an owner cluster id that is not a text', { ...newMarket, ownerClusterId: 42 }, 'body.ownerClusterId'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_name, payload, field) => {
    const res = await t.app.inject({ method: 'POST', url: url(), headers: coordinator.headers, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await countMarkets()).toBe(0);
  });

  it.each([
    ['no version', { name: 'X' }, 'body.version'],
    ['an unknown field', { version: 1, colour: 'red' }, 'body'],
    ['a malformed country', { version: 1, country: 'J1' }, 'body.country'],
    ['segments that are not a list', { version: 1, segments: 'satcom' }, 'body.segments'],
    ['oversized findings', { version: 1, findings: 'x'.repeat(20_001) }, 'body.findings'],
  ])('refuses an edit with %s (400 naming the field) and changes nothing', async (_name, payload, field) => {
    const market = await factory.market(workspaceId);
    const res = await t.app.inject({
      method: 'PATCH',
      url: url(`/${market.id}`),
      headers: coordinator.headers,
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    const row = await t.database.db
      .selectFrom('target_market')
      .selectAll()
      .where('id', '=', market.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual(market);
  });

  it("refuses another workspace's cluster or an unknown one as owner (400 naming body.ownerClusterId)", async () => {
    const elsewhere = await factory.workspace('Elsewhere');
    const foreignCluster = await factory.cluster(elsewhere.id);
    for (const ownerClusterId of [foreignCluster.id, 'no-such-cluster']) {
      const res = await t.app.inject({
        method: 'POST',
        url: url(),
        headers: coordinator.headers,
        payload: { ...newMarket, ownerClusterId },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([
        { field: 'body.ownerClusterId', message: 'is not a cluster of this workspace' },
      ]);
    }
    const market = await factory.market(workspaceId);
    const edit = await t.app.inject({
      method: 'PATCH',
      url: url(`/${market.id}`),
      headers: coordinator.headers,
      payload: { version: 1, ownerClusterId: foreignCluster.id },
    });
    expect(edit.statusCode).toBe(400);
    expect(await countMarkets()).toBe(1);
  });

  it("answers 404 to unknown ids and to another workspace's market, and changes nothing", async () => {
    const elsewhere = await factory.workspace('Elsewhere');
    const foreign = await factory.market(elsewhere.id, { name: 'Theirs' });
    for (const id of [foreign.id, '01890000-0000-7000-8000-000000000000']) {
      for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
        const res = await t.app.inject({
          method,
          url: url(`/${id}${method === 'DELETE' ? '?version=1' : ''}`),
          headers: coordinator.headers,
          ...(method === 'PATCH' ? { payload: { version: 1, name: 'Hijacked' } } : {}),
        });
        expect(res.statusCode, method).toBe(404);
      }
    }
    const untouched = await t.database.db
      .selectFrom('target_market')
      .select(['name', 'version'])
      .where('id', '=', foreign.id)
      .executeTakeFirstOrThrow();
    expect(untouched).toEqual({ name: 'Theirs', version: 1 });
  });

  it("lets a cluster manager act on its own cluster's markets only (403 otherwise, nothing written)", async () => {
    const otherCluster = await factory.cluster(workspaceId);
    const manager = await factory.memberWithToken(workspaceId, 'cluster_manager', clusterId);
    const own = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: manager.headers,
      payload: { ...newMarket, ownerClusterId: clusterId },
    });
    expect(own.statusCode).toBe(201);
    for (const ownerClusterId of [otherCluster.id, null]) {
      const res = await t.app.inject({
        method: 'POST',
        url: url(),
        headers: manager.headers,
        payload: { ...newMarket, ownerClusterId },
      });
      expect(res.statusCode).toBe(403);
    }
    const theirs = await factory.market(workspaceId, { owner_cluster_id: otherCluster.id });
    const editTheirs = await t.app.inject({
      method: 'PATCH',
      url: url(`/${theirs.id}`),
      headers: manager.headers,
      payload: { version: 1, status: 'closed' },
    });
    expect(editTheirs.statusCode).toBe(403);
    const handOver = await t.app.inject({
      method: 'PATCH',
      url: url(`/${own.json().id}`),
      headers: manager.headers,
      payload: { version: 1, ownerClusterId: otherCluster.id },
    });
    expect(handOver.statusCode).toBe(403);
    const deleteOwn = await t.app.inject({
      method: 'DELETE',
      url: url(`/${own.json().id}?version=1`),
      headers: manager.headers,
    });
    expect(deleteOwn.statusCode).toBe(403);
    const rows = await t.database.db
      .selectFrom('target_market')
      .select(['owner_cluster_id', 'status', 'version'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { owner_cluster_id: clusterId, status: 'exploring', version: 1 },
      { owner_cluster_id: otherCluster.id, status: 'exploring', version: 1 },
    ]);
  });

  it('pages through markets with a cursor and filters by search text, status, country and priority', async () => {
    for (const [name, country, status, priority] of [
      ['China', 'CN', 'active', 'high'],
      ['Canada', 'CA', 'exploring', 'medium'],
      ['Chile', 'CL', 'active', 'low'],
      ['UAE 100%', 'AE', 'paused', 'high'],
    ] as const) {
      await factory.market(workspaceId, { name, country, status, priority });
    }
    const names = async (query: string) =>
      (await t.app.inject({ method: 'GET', url: url(query), headers: coordinator.headers }))
        .json()
        .items.map((m: { name: string }) => m.name);
    const first = (
      await t.app.inject({ method: 'GET', url: url('?limit=3'), headers: coordinator.headers })
    ).json();
    expect(first.items.map((m: { name: string }) => m.name)).toEqual(['China', 'Canada', 'Chile']);
    const second = (
      await t.app.inject({
        method: 'GET',
        url: url(`?limit=3&cursor=${first.nextCursor}`),
        headers: coordinator.headers,
      })
    ).json();
    expect(second).toMatchObject({ items: [{ name: 'UAE 100%' }], nextCursor: null });
    expect(await names('?status=active')).toEqual(['China', 'Chile']);
    expect(await names('?country=CA')).toEqual(['Canada']);
    expect(await names('?priority=high')).toEqual(['China', 'UAE 100%']);
    expect(await names('?q=ch')).toEqual(['China', 'Chile']);
    expect(await names(`?q=${encodeURIComponent('0%')}`)).toEqual(['UAE 100%']);
    const bad = await t.app.inject({
      method: 'GET',
      url: url('?country=japan'),
      headers: coordinator.headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('query.country');
  });

  it('shows on the market page the members interested in its country, its plans and their activities', async () => {
    const market = await factory.market(workspaceId, { country: 'JP', owner_cluster_id: clusterId });
    const other = await factory.market(workspaceId, { country: 'CA' });
    await factory.organisation(workspaceId, clusterId, {
      name: 'Zenith Orbital',
      target_market_interests: '["CA","JP"]',
    });
    await factory.organisation(workspaceId, clusterId, {
      name: 'Astra Labs',
      target_market_interests: '["JP"]',
    });
    await factory.organisation(workspaceId, clusterId, {
      name: 'Not interested',
      target_market_interests: '["CA"]',
    });
    const elsewhere = await factory.workspace('Elsewhere');
    await factory.organisation(elsewhere.id, (await factory.cluster(elsewhere.id)).id, {
      target_market_interests: '["JP"]',
    });
    const later = await factory.plan(workspaceId, market.id, {
      name: 'Year 2',
      starts_on: '2027-01-01',
      ends_on: '2027-12-31',
    });
    const earlier = await factory.plan(workspaceId, market.id, {
      name: 'Year 1',
      budget_cap_cents: 5_000_000,
    });
    await factory.plan(workspaceId, other.id);
    await factory.activity(workspaceId, later.id, {
      title: 'Trade fair',
      instrument: 'trade-fairs',
      starts_on: '2027-04-01',
      ends_on: '2027-04-03',
    });
    await factory.activity(workspaceId, earlier.id, {
      title: 'Study visit',
      city: 'Tokyo',
      country: 'JP',
      cluster_id: clusterId,
    });

    const page = (
      await t.app.inject({ method: 'GET', url: url(`/${market.id}`), headers: coordinator.headers })
    ).json();
    expect(page.planCount).toBe(2);
    expect(page.interestedMembers).toEqual({
      items: [
        expect.objectContaining({ name: 'Astra Labs', clusterId, clusterShortName: 'AV', country: 'BE' }),
        expect.objectContaining({ name: 'Zenith Orbital' }),
      ],
      total: 2,
    });
    expect(page.plans.map((p: { name: string }) => p.name)).toEqual(['Year 1', 'Year 2']);
    expect(page.plans[0]).toMatchObject({ activityCount: 1, budgetCapEur: 50_000, marketCountry: 'JP' });
    expect(page.activities.total).toBe(2);
    expect(page.activities.items[0]).toEqual({
      id: expect.any(String),
      planId: earlier.id,
      planName: 'Year 1',
      marketId: market.id,
      marketName: market.name,
      marketCountry: 'JP',
      title: 'Study visit',
      instrumentKey: 'study-visits',
      instrumentCode: '1.1.3',
      instrumentName: expect.any(String),
      phase: 'preparatory',
      startsOn: '2026-03-10',
      endsOn: '2026-03-12',
      status: 'planned',
      city: 'Tokyo',
      country: 'JP',
      clusterId,
      clusterShortName: expect.any(String),
    });
    expect(page.activities.items[1]).toMatchObject({ title: 'Trade fair', phase: 'leads' });

    const mentor = await factory.memberWithToken(workspaceId, 'mentor');
    const seenByMentor = (
      await t.app.inject({ method: 'GET', url: url(`/${market.id}`), headers: mentor.headers })
    ).json();
    expect(seenByMentor.plans[0].budgetCapEur).toBeNull();
  });
});
