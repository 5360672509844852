import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { PlanningRows } from '../../../test/support/planning-rows.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { Role } from '../../domain/access/policy.ts';

const ROLES: Role[] = ['coordinator', 'cluster_manager', 'member', 'mentor', 'viewer'];

type Result = {
  q: string;
  groups: {
    kind: string;
    items: { id: string; label: string; detail: string; organisationId: string | null }[];
    more: boolean;
  }[];
};

describe.each(testDialects())('global search on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let slug: string;
  let workspaceId: string;
  let viewer: Record<string, string>;
  let otherSlug: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    const planning = new PlanningRows(t.database.db);
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    viewer = (await factory.memberWithToken(workspaceId, 'viewer')).headers;
    const cluster = await factory.cluster(workspaceId, { short_name: 'AV' });
    ids.orbitaSas = (
      await factory.organisation(workspaceId, cluster.id, {
        name: 'Órbita Sistemas SAS',
        normalised_name: 'orbita sistemas',
        country: 'ES',
        city: 'Madrid',
      })
    ).id;
    ids.neworbit = (
      await factory.organisation(workspaceId, cluster.id, { name: 'NewOrbit', normalised_name: 'neworbit' })
    ).id;
    ids.person = (
      await factory.person(workspaceId, ids.orbitaSas, {
        name: 'Inès Orbigny',
        email: 'ines@orbita.example',
        role_title: 'CEO',
      })
    ).id;
    ids.byEmail = (await factory.person(workspaceId, null, { name: 'Zed', email: 'zed@orbital.example' })).id;
    const market = await factory.market(workspaceId, { name: 'Japan — orbit services', country: 'JP' });
    ids.market = market.id;
    ids.canada = (await factory.market(workspaceId, { name: 'North America', country: 'CA' })).id;
    ids.plan = (await factory.plan(workspaceId, market.id, { name: 'Orbit 2026' })).id;
    ids.activity = (
      await planning.activityRow(workspaceId, {
        title: 'Orbit forum in Tokyo',
        instrumentKey: 'study-visits',
        plan_id: ids.plan,
        starts_on: '2026-04-01',
        ends_on: '2026-04-03',
        city: 'Tokyo',
      })
    ).id;
    // Another workspace with names that match: never found.
    const other = await factory.workspace('Elsewhere');
    otherSlug = other.slug;
    const otherCluster = await factory.cluster(other.id);
    const otherOrganisation = await factory.organisation(other.id, otherCluster.id, {
      name: 'Orbit Foreign',
      normalised_name: 'orbit foreign',
    });
    await factory.person(other.id, otherOrganisation.id, { name: 'Orbit Person', email: 'orbit@x.example' });
    const otherMarket = await factory.market(other.id, { name: 'Orbit market' });
    await factory.plan(other.id, otherMarket.id, { name: 'Orbit plan' });
    await planning.activityRow(other.id, { title: 'Orbit activity' });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function search(query: string, headers = viewer, workspace = slug) {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace}/search?${query}`,
      headers,
    });
    return res;
  }

  const found = (result: Result) =>
    Object.fromEntries(result.groups.map((g) => [g.kind, g.items.map((item) => item.label)]));

  it('finds each kind by name, names starting with the text first, with labels and details', async () => {
    const res = await search('q=orbi');
    expect(res.statusCode, res.body).toBe(200);
    const result: Result = res.json();
    expect(result.q).toBe('orbi');
    expect(result.groups.map((g) => g.kind)).toEqual([
      'organisation',
      'person',
      'market',
      'plan',
      'activity',
    ]);
    expect(found(result)).toEqual({
      organisation: ['Órbita Sistemas SAS', 'NewOrbit'],
      person: ['Inès Orbigny', 'Zed'],
      market: ['Japan — orbit services'],
      plan: ['Orbit 2026'],
      activity: ['Orbit forum in Tokyo'],
    });
    const [organisations, people, markets, plans, activities] = result.groups;
    expect(organisations?.items[0]).toEqual({
      id: ids.orbitaSas,
      label: 'Órbita Sistemas SAS',
      detail: 'ES · Madrid · AV',
      organisationId: null,
    });
    expect(people?.items[0]).toEqual({
      id: ids.person,
      label: 'Inès Orbigny',
      detail: 'CEO · Órbita Sistemas SAS · ines@orbita.example',
      organisationId: ids.orbitaSas,
    });
    expect(people?.items[1]).toMatchObject({ label: 'Zed', organisationId: null });
    expect(markets?.items[0]).toMatchObject({ id: ids.market, detail: 'JP' });
    expect(plans?.items[0]).toEqual({
      id: ids.plan,
      label: 'Orbit 2026',
      detail: 'Japan — orbit services · 2026-01-01 – 2026-12-31',
      organisationId: null,
    });
    expect(activities?.items[0]).toEqual({
      id: ids.activity,
      label: 'Orbit forum in Tokyo',
      detail: '1.1.3 Study Visits · 2026-04-01 · Tokyo',
      organisationId: null,
    });
    expect(result.groups.every((g) => g.more === false)).toBe(true);
  });

  it('ignores accents, case and legal forms in organisation names, and finds people by e-mail', async () => {
    expect(found((await search('q=ORBITA%20SISTEMAS%20S.A.S.')).json()).organisation).toEqual([
      'Órbita Sistemas SAS',
    ]);
    expect(found((await search('q=zed%40orbital')).json()).person).toEqual(['Zed']);
  });

  it('finds markets by their country code', async () => {
    expect(found((await search('q=ca')).json()).market).toEqual(['North America']);
  });

  it('lists at most `limit` results per kind and says there are more', async () => {
    const result: Result = (await search('q=orbi&limit=1')).json();
    const organisations = result.groups.find((g) => g.kind === 'organisation');
    expect(organisations).toMatchObject({ items: [{ label: 'Órbita Sistemas SAS' }], more: true });
    expect(result.groups.find((g) => g.kind === 'plan')?.more).toBe(false);
  });

  it('treats % and _ as text, not wildcards', async () => {
    const result: Result = (await search(`q=${encodeURIComponent('%')}`)).json();
    expect(result.groups.every((g) => g.items.length === 0)).toBe(true);
  });

  it.each(ROLES)(
    'answers a %s with every kind its role may read, from its own workspace only',
    async (role) => {
      const { headers } = await factory.memberWithToken(workspaceId, role);
      const res = await search('q=orbit', headers);
      expect(res.statusCode).toBe(200);
      const labels = Object.values(found(res.json())).flat();
      expect(labels).toContain('Orbit 2026');
      expect(labels.filter((label) => /foreign|orbit (person|market|plan|activity)/i.test(label))).toEqual(
        [],
      );
    },
  );

  it("answers 404 for another workspace's search and 401 without credentials", async () => {
    const res = await search('q=orbit', viewer, otherSlug);
    expect(res.statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/workspaces/${slug}/search?q=orbit` });
    expect(anonymous.statusCode).toBe(401);
  });

  it.each([
    ['no text', '', 'query.q'],
    ['only spaces', 'q=%20%20', 'query.q'],
    ['a text of 101 characters', `q=${'a'.repeat(101)}`, 'query.q'],
    ['a limit of 0', 'q=orbit&limit=0', 'query.limit'],
    ['a limit of 21', 'q=orbit&limit=21', 'query.limit'],
    ['a limit that is not a number', 'q=orbit&limit=many', 'query.limit'],
  ])('answers 400 naming the field for %s', async (_label, query, field) => {
    const res = await search(query);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
