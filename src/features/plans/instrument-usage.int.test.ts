import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { Role } from '../../domain/access/policy.ts';

const ROLES: Role[] = ['coordinator', 'cluster_manager', 'member', 'mentor', 'viewer'];

/**
 * Where an instrument is used (the instrument page, issue 18): the plans that chose it or have an
 * activity of it (`GET /plans?instrumentKey=`) and its activities (`GET /activities?instrumentKey=`).
 */
describe.each(testDialects())('where an instrument is used, on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let slug: string;
  let workspaceId: string;
  let viewer: Record<string, string>;
  let otherSlug: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    viewer = (await factory.memberWithToken(workspaceId, 'viewer')).headers;
    const coordinator = await factory.memberWithToken(workspaceId, 'coordinator');
    const market = await factory.market(workspaceId);
    // Chosen for the plan (through the API, which resolves the instrument), no activity yet.
    const chosen = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${slug}/plans`,
      headers: coordinator.headers,
      payload: {
        marketId: market.id,
        name: 'Chose it',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        instruments: [{ instrumentKey: 'study-visits', rationale: 'Meet the agencies' }],
      },
    });
    expect(chosen.statusCode, chosen.body).toBe(201);
    // Not chosen, but one of its activities is a study visit.
    const withActivity = await factory.plan(workspaceId, market.id, { name: 'Has an activity' });
    await factory.activity(workspaceId, withActivity.id, {
      instrument: 'study-visits',
      title: 'Visit in plan',
    });
    // Neither.
    const unrelated = await factory.plan(workspaceId, market.id, { name: 'Unrelated' });
    await factory.activity(workspaceId, unrelated.id, { instrument: 'newsletter' });
    await factory.activity(workspaceId, null, { instrument: '1.1.3', title: 'Standalone visit' });
    // Another workspace's study visits: never shown.
    const other = await factory.workspace('Elsewhere');
    otherSlug = other.slug;
    const otherMarket = await factory.market(other.id);
    const otherPlan = await factory.plan(other.id, otherMarket.id, { name: 'Foreign plan' });
    await factory.activity(other.id, otherPlan.id, { instrument: 'study-visits', title: 'Foreign visit' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (path: string, headers = viewer, workspace = slug) =>
    t.app.inject({ method: 'GET', url: `/api/v1/workspaces/${workspace}${path}`, headers });

  it('lists the plans that chose the instrument or have an activity of it, by key or by code', async () => {
    for (const key of ['study-visits', '1.1.3']) {
      const res = await get(`/plans?instrumentKey=${key}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        items: [{ name: 'Chose it' }, { name: 'Has an activity' }],
        total: 2,
        nextCursor: null,
      });
    }
  });

  it('lists the activities of the instrument with their total', async () => {
    const res = await get('/activities?instrumentKey=study-visits&limit=1');
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    const rest = (
      await get(`/activities?instrumentKey=study-visits&limit=1&cursor=${page.nextCursor}`)
    ).json();
    const titles = [...page.items, ...rest.items].map((a: { title: string }) => a.title).sort();
    expect(titles).toEqual(['Standalone visit', 'Visit in plan']);
  });

  it.each(ROLES)('answers a %s with the same plans and activities', async (role) => {
    const { headers } = await factory.memberWithToken(workspaceId, role);
    expect((await get('/plans?instrumentKey=study-visits', headers)).json().total).toBe(2);
    expect((await get('/activities?instrumentKey=study-visits', headers)).json().total).toBe(2);
  });

  it("answers 404 for another workspace's lists", async () => {
    expect((await get('/plans?instrumentKey=study-visits', viewer, otherSlug)).statusCode).toBe(404);
  });

  it.each([
    ['an unknown instrument', '?instrumentKey=time-travel', 'query.instrumentKey'],
    ['an empty instrument', '?instrumentKey=', 'query.instrumentKey'],
    ['an instrument of 101 characters', `?instrumentKey=${'k'.repeat(101)}`, 'query.instrumentKey'],
  ])('answers 400 naming the field for %s', async (_label, query, field) => {
    const res = await get(`/plans${query}`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors[0].field).toBe(field);
  });
});
