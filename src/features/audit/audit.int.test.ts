import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { PlanningRows } from '../../../test/support/planning-rows.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

/**
 * The audit log readable (issue 18): who by name, the record's name instead of its id while it
 * exists, the names of the records its changes point to, the KPI of a target (its money in
 * cents), and filters by who, record type, action and period.
 *
 * Alice (coordinator) creates the cluster AV and renames its city, creates a market owned by it,
 * sets a money target on an activity and deletes a cluster BX; Bob (coordinator) creates a market.
 */
describe.each(testDialects())('the audit log on %s', (kind) => {
  let t: TestApp;
  let slug: string;
  let alice: { headers: Record<string, string>; user: { id: string; email: string } };
  let bob: { headers: Record<string, string>; user: { id: string; email: string } };
  const ids = { av: '', bx: '', market: '', activity: '', target: '' };

  const as =
    (who: typeof alice) =>
    async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: object) =>
      t.app.inject({
        method,
        url: `/api/v1/workspaces/${slug}${path}`,
        headers: who.headers,
        ...(payload ? { payload } : {}),
      });
  const audit = async (query = '') => {
    const res = await as(alice)('GET', `/audit${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const factory = new Factory(t.database.db);
    const workspace = await factory.workspace('Readable log');
    slug = workspace.slug;
    alice = await factory.memberWithToken(workspace.id, 'coordinator');
    bob = await factory.memberWithToken(workspace.id, 'coordinator');
    await t.database.db
      .updateTable('app_user')
      .set({ name: 'Alice Auditor' })
      .where('id', '=', alice.user.id)
      .execute();
    await t.database.db
      .updateTable('app_user')
      .set({ name: 'Bob Builder' })
      .where('id', '=', bob.user.id)
      .execute();

    const cluster = {
      name: 'Aerospace Valley',
      shortName: 'AV',
      country: 'FR',
      city: 'Toulouse',
      dayRateEur: 500,
    };
    const av = await as(alice)('POST', '/clusters', cluster);
    expect(av.statusCode, av.body).toBe(201);
    ids.av = av.json().id;
    expect(
      (await as(alice)('PATCH', `/clusters/${ids.av}`, { version: 1, city: 'Bordeaux' })).statusCode,
    ).toBe(200);
    const market = await as(alice)('POST', '/markets', {
      name: 'Japan',
      country: 'JP',
      segments: ['earth_observation'],
      priority: 'high',
      rationale: '',
      ownerClusterId: ids.av,
    });
    expect(market.statusCode, market.body).toBe(201);
    ids.market = market.json().id;
    const activity = await new PlanningRows(t.database.db).activityRow(workspace.id, {
      title: 'Tokyo study visit',
      instrumentKey: 'study-visits',
    });
    ids.activity = activity.id;
    const target = await as(alice)('POST', '/kpi-targets', {
      activityId: ids.activity,
      kpiKey: 'actual_costs',
      value: 4380.5,
    });
    expect(target.statusCode, target.body).toBe(201);
    ids.target = target.json().id;
    expect(
      (await as(alice)('PATCH', `/kpi-targets/${ids.target}`, { version: 1, value: 5000 })).statusCode,
    ).toBe(200);
    const bx = await as(alice)('POST', '/clusters', {
      ...cluster,
      name: 'Brussels Space',
      shortName: 'BX',
      country: 'BE',
    });
    ids.bx = bx.json().id;
    expect((await as(alice)('DELETE', `/clusters/${ids.bx}?version=1`)).statusCode).toBe(204);
    expect(
      (
        await as(bob)('POST', '/markets', {
          name: 'Chile',
          country: 'CL',
          segments: [],
          priority: 'low',
          rationale: '',
        })
      ).statusCode,
    ).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('names the author, the record as it is called today, and the records its changes point to', async () => {
    const { items, references } = await audit();
    const rename = items.find(
      (e: { entityType: string; action: string }) => e.entityType === 'cluster' && e.action === 'update',
    );
    expect(rename).toMatchObject({
      actor: alice.user.email,
      actorId: alice.user.id,
      actorName: 'Alice Auditor',
      entityId: ids.av,
      entityName: 'AV · Aerospace Valley',
      changes: { city: ['Toulouse', 'Bordeaux'] },
    });
    const market = items.find((e: { entityId: string; action: string }) => e.entityId === ids.market);
    expect(market.entityName).toBe('Japan');
    expect(market.changes.owner_cluster_id).toEqual([null, ids.av]);
    expect(references[ids.av]).toBe('AV · Aerospace Valley');
    // A deleted record has no name today (its last values are in the delete's changes).
    const deleted = items.find(
      (e: { entityId: string; action: string }) => e.entityId === ids.bx && e.action === 'delete',
    );
    expect(deleted.entityName).toBeNull();
    expect(deleted.changes.short_name).toEqual(['BX', null]);
  });

  it('gives a KPI target’s KPI, also when the change names none, so its cents read as money', async () => {
    const { items, references } = await audit(`?entityType=kpi_target`);
    expect(items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    for (const item of items) {
      expect(item.kpi).toEqual({ key: 'actual_costs', label: 'Actual costs', kind: 'money' });
      expect(item.entityName).toBe('Actual costs · Tokyo study visit');
    }
    expect(items[0].changes).toEqual({ value: [438_050, 500_000] });
    expect(references[ids.activity]).toBe('Tokyo study visit');
  });

  it('filters by author, record type, action and period, and pages within the filter', async () => {
    const bobs = await audit(`?actorId=${bob.user.id}`);
    expect(
      bobs.items.map((e: { entityType: string; actorName: string }) => [e.entityType, e.actorName]),
    ).toEqual([['market', 'Bob Builder']]);
    const clusters = await audit('?entityType=cluster');
    expect(clusters.items.map((e: { action: string }) => e.action)).toEqual([
      'delete',
      'create',
      'update',
      'create',
    ]);
    const deletes = await audit('?action=delete');
    expect(deletes.items.map((e: { entityId: string }) => e.entityId)).toEqual([ids.bx]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await audit(`?from=${today}&to=${today}`)).items).toHaveLength(8);
    expect((await audit('?from=2020-01-01&to=2020-12-31')).items).toEqual([]);
    const first = await audit('?entityType=cluster&limit=3');
    expect(first.items).toHaveLength(3);
    const rest = await audit(`?entityType=cluster&limit=3&cursor=${first.nextCursor}`);
    expect(rest.items.map((e: { action: string }) => e.action)).toEqual(['create']);
    expect(rest.nextCursor).toBeNull();
  });

  it('lists the authors for the filter, by name', async () => {
    const res = await as(alice)('GET', '/audit/actors');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      { id: alice.user.id, name: 'Alice Auditor', email: alice.user.email },
      { id: bob.user.id, name: 'Bob Builder', email: bob.user.email },
    ]);
  });

  it.each([
    ['an unknown action', '?action=rename', 'query.action'],
    ['an entity type that is no word', '?entityType=Market%20X', 'query.entityType'],
    ['a day that does not exist', '?from=2026-02-30', 'query.from'],
  ])('refuses %s with 400 naming the parameter', async (_name, query, field) => {
    const res = await as(alice)('GET', `/audit${query}`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('is for coordinators only', async () => {
    const factory = new Factory(t.database.db);
    const workspaceId = (
      await t.database.db
        .selectFrom('workspace')
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirstOrThrow()
    ).id;
    const viewer = await factory.memberWithToken(workspaceId, 'viewer');
    expect((await as(viewer)('GET', '/audit/actors')).statusCode).toBe(403);
  });
});
