import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { PlanningRows } from '../../../test/support/planning-rows.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

/**
 * A small fixture with hand-computed roll-ups: 2 markets, 3 plans, 4 activities (one cancelled,
 * one standalone) and 10 lines.
 *
 * | activity            | plan  | cluster | instrument (phase)   | planned lines                         | actual lines              |
 * |---------------------|-------|---------|----------------------|---------------------------------------|---------------------------|
 * | A1 2026-03-02       | Alpha | AV      | 1.1.1 (preparatory)  | staff 600 EU (2 days), travel 500 CL  | travel 450 CL 2026-04-15  |
 * | A2 2026-05-10       | Gamma | BX      | 1.2.1 (leads)        | fee 7,500 EU, staff 900 CL (2 days)   | fee 7,000 EU 2026-05-10   |
 * | A3 2026-03-20       | —     | —       | 1.1.3 (preparatory)  | accommodation 300 MS                  | accommodation 320.50 MS 2026-03-21 |
 * | A4 2026-04-06 (cancelled) | Alpha | AV | 1.1.3 (preparatory) | travel 1,000 EU                      | travel 200 EU 2026-02-01  |
 *
 * Plans: Alpha (Japan, cap 1,000), Beta (Japan, no cap, no activity), Gamma (Chile, cap 10,000).
 * EU = eu_programme, CL = cluster, MS = member_self_funding.
 */
describe.each(testDialects())('budget roll-ups on %s', (kind) => {
  let t: TestApp;
  let slug: string;
  let headers: Record<string, string>;
  const ids = {
    workspace: '',
    japan: '',
    chile: '',
    alpha: '',
    beta: '',
    gamma: '',
    av: '',
    bx: '',
  };
  const rollup = async (query: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${slug}/budget/rollup?${query}`,
      headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const factory = new Factory(t.database.db);
    const rows = new PlanningRows(t.database.db);
    const workspace = await factory.workspace();
    slug = workspace.slug;
    ids.workspace = workspace.id;
    headers = (await factory.memberWithToken(workspace.id, 'coordinator')).headers;
    ids.av = (await factory.cluster(workspace.id, { short_name: 'AV' })).id;
    ids.bx = (await factory.cluster(workspace.id, { short_name: 'BX' })).id;
    ids.japan = (await rows.marketRow(workspace.id, { name: 'Japan', country: 'JP' })).id;
    ids.chile = (await rows.marketRow(workspace.id, { name: 'Chile', country: 'CL' })).id;
    ids.alpha = (
      await rows.planRow(workspace.id, { market_id: ids.japan, name: 'Alpha', budget_cap_cents: 100_000 })
    ).id;
    ids.beta = (await rows.planRow(workspace.id, { market_id: ids.japan, name: 'Beta' })).id;
    ids.gamma = (
      await rows.planRow(workspace.id, { market_id: ids.chile, name: 'Gamma', budget_cap_cents: 1_000_000 })
    ).id;

    const w = workspace.id;
    const a1 = await rows.activityRow(w, {
      plan_id: ids.alpha,
      cluster_id: ids.av,
      starts_on: '2026-03-02',
      ends_on: '2026-03-04',
    });
    await rows.costLineRow(w, a1.id, {
      category: 'staff',
      amount_cents: 60_000,
      effort_centidays: 200,
      origin: 'estimate',
    });
    await rows.costLineRow(w, a1.id, { category: 'travel', amount_cents: 50_000, funding_source: 'cluster' });
    await rows.costLineRow(w, a1.id, {
      kind: 'actual',
      category: 'travel',
      amount_cents: 45_000,
      funding_source: 'cluster',
      incurred_on: '2026-04-15',
    });
    const a2 = await rows.activityRow(w, {
      plan_id: ids.gamma,
      cluster_id: ids.bx,
      instrumentKey: 'matchmaking-events',
      starts_on: '2026-05-10',
      ends_on: '2026-05-12',
    });
    await rows.costLineRow(w, a2.id, { category: 'participation_fee', amount_cents: 750_000 });
    await rows.costLineRow(w, a2.id, {
      category: 'staff',
      amount_cents: 90_000,
      effort_centidays: 200,
      funding_source: 'cluster',
    });
    await rows.costLineRow(w, a2.id, {
      kind: 'actual',
      category: 'participation_fee',
      amount_cents: 700_000,
      incurred_on: '2026-05-10',
    });
    const a3 = await rows.activityRow(w, {
      instrumentKey: 'study-visits',
      starts_on: '2026-03-20',
      ends_on: '2026-03-22',
    });
    await rows.costLineRow(w, a3.id, {
      category: 'accommodation',
      amount_cents: 30_000,
      funding_source: 'member_self_funding',
    });
    await rows.costLineRow(w, a3.id, {
      kind: 'actual',
      category: 'accommodation',
      amount_cents: 32_050,
      funding_source: 'member_self_funding',
      incurred_on: '2026-03-21',
    });
    const a4 = await rows.activityRow(w, {
      plan_id: ids.alpha,
      cluster_id: ids.av,
      instrumentKey: 'study-visits',
      status: 'cancelled',
      starts_on: '2026-04-06',
      ends_on: '2026-04-08',
    });
    await rows.costLineRow(w, a4.id, { category: 'travel', amount_cents: 100_000 });
    await rows.costLineRow(w, a4.id, {
      kind: 'actual',
      category: 'travel',
      amount_cents: 20_000,
      incurred_on: '2026-02-01',
    });

    // Another workspace's money never counts here.
    const other = await factory.workspace('Elsewhere');
    const theirs = await rows.activityRow(other.id);
    await rows.costLineRow(other.id, theirs.id, { amount_cents: 99_999_900 });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** [key, label, planned, actual] of each group. */
  const groups = (body: {
    groups: Array<{ key: string | null; label: string; plannedEur: number; actualEur: number }>;
  }) => body.groups.map((g) => [g.key, g.label, g.plannedEur, g.actualEur]);

  it('totals the workspace, leaving cancelled activities out of planned money but not out of actual', async () => {
    const body = await rollup('groupBy=workspace');
    expect(body.totals).toEqual({ plannedEur: 9800, actualEur: 7970.5, capEur: 11_000, effortDays: 4 });
    expect(groups(body)).toEqual([[ids.workspace, 'Whole workspace', 9800, 7970.5]]);
  });

  it('warns about every plan planned beyond its cap, with the figures', async () => {
    const body = await rollup('groupBy=workspace');
    expect(body.warnings).toEqual([
      {
        planId: ids.alpha,
        planName: 'Alpha',
        message: "Planned 1,100 EUR exceeds the plan's cap of 1,000 EUR by 100 EUR",
      },
    ]);
  });

  it('warns about a plan beyond its cap whatever the grouping and the activity filters', async () => {
    for (const query of [
      'groupBy=fundingSource',
      'groupBy=category',
      `clusterId=${ids.bx}`,
      'from=2026-05-01',
    ]) {
      const body = await rollup(query);
      expect(
        body.warnings.map((w: { planId: string }) => w.planId),
        query,
      ).toEqual([ids.alpha]);
    }
    expect((await rollup(`marketId=${ids.chile}&groupBy=category`)).warnings).toEqual([]);
  });

  it('groups by plan with each plan’s cap, showing plans without lines and the standalone activities', async () => {
    const body = await rollup('groupBy=plan');
    expect(groups(body)).toEqual([
      [ids.alpha, 'Alpha', 1100, 650],
      [ids.beta, 'Beta', 0, 0],
      [ids.gamma, 'Gamma', 8400, 7000],
      [null, 'Standalone activities', 300, 320.5],
    ]);
    expect(
      body.groups.map((g: { capEur: number | null; overCap: boolean }) => [g.capEur, g.overCap]),
    ).toEqual([
      [1000, true],
      [null, false],
      [10_000, false],
      [null, false],
    ]);
  });

  it("groups by market with the sum of its plans' caps", async () => {
    const body = await rollup('groupBy=market');
    expect(groups(body)).toEqual([
      [ids.chile, 'Chile', 8400, 7000],
      [ids.japan, 'Japan', 1100, 650],
      [null, 'Standalone activities', 300, 320.5],
    ]);
    expect(
      body.groups.map((g: { capEur: number | null; overCap: boolean }) => [g.capEur, g.overCap]),
    ).toEqual([
      [10_000, false],
      [1000, true],
      [null, false],
    ]);
  });

  it('groups by cluster, instrument and phase', async () => {
    expect(groups(await rollup('groupBy=cluster'))).toEqual([
      [ids.av, 'AV', 1100, 650],
      [ids.bx, 'BX', 8400, 7000],
      [null, 'No responsible cluster', 300, 320.5],
    ]);
    expect(groups(await rollup('groupBy=instrument'))).toEqual([
      ['training-to-go-international', '1.1.1 Training to go international', 1100, 450],
      ['study-visits', '1.1.3 Study Visits', 300, 520.5],
      ['matchmaking-events', '1.2.1 Matchmaking Events (B2B/C2C/B2I)', 8400, 7000],
    ]);
    expect(groups(await rollup('groupBy=phase'))).toEqual([
      ['preparatory', 'Preparatory instruments for internationalisation', 1400, 970.5],
      ['leads', 'Instruments to achieve international leads / create new business opportunities', 8400, 7000],
    ]);
  });

  it('groups by funding source, category and month', async () => {
    expect(groups(await rollup('groupBy=fundingSource'))).toEqual([
      ['eu_programme', 'EU programme', 8100, 7200],
      ['cluster', 'Cluster', 1400, 450],
      ['member_self_funding', 'Member self-funding', 300, 320.5],
    ]);
    expect(groups(await rollup('groupBy=category'))).toEqual([
      ['staff', 'Staff effort', 1500, 0],
      ['travel', 'Travel', 500, 650],
      ['accommodation', 'Accommodation', 300, 320.5],
      ['participation_fee', 'Participation fee', 7500, 7000],
    ]);
    // Actual costs count in the month they were incurred, planned ones in their activity's first month.
    expect(groups(await rollup('groupBy=month'))).toEqual([
      ['2026-02', '2026-02', 0, 200],
      ['2026-03', '2026-03', 1400, 320.5],
      ['2026-04', '2026-04', 0, 450],
      ['2026-05', '2026-05', 8400, 7000],
    ]);
  });

  it('filters by plan, market, cluster and overlapping dates', async () => {
    const alpha = await rollup(`planId=${ids.alpha}`);
    expect(alpha.totals).toEqual({ plannedEur: 1100, actualEur: 650, capEur: 1000, effortDays: 2 });
    expect(alpha.warnings).toHaveLength(1);
    const chile = await rollup(`marketId=${ids.chile}&groupBy=plan`);
    expect(chile.totals).toEqual({ plannedEur: 8400, actualEur: 7000, capEur: 10_000, effortDays: 2 });
    expect(groups(chile)).toEqual([[ids.gamma, 'Gamma', 8400, 7000]]);
    expect(chile.warnings).toEqual([]);
    expect((await rollup(`clusterId=${ids.av}`)).totals).toMatchObject({ plannedEur: 1100, actualEur: 650 });
    expect((await rollup('from=2026-05-01')).totals).toMatchObject({ plannedEur: 8400, actualEur: 7000 });
    expect((await rollup('from=2026-03-03&to=2026-03-20')).totals).toMatchObject({
      plannedEur: 1400,
      actualEur: 770.5,
    });
  });

  it("shows nothing of another workspace's plan", async () => {
    const body = await rollup('planId=not-a-plan-here&groupBy=plan');
    expect(body).toEqual({
      totals: { plannedEur: 0, actualEur: 0, capEur: null, effortDays: 0 },
      groups: [],
      warnings: [],
    });
  });

  it.each([
    ['an unknown dimension', 'groupBy=colour', 'query.groupBy'],
    ['a day that does not exist', 'from=2026-02-30', 'query.from'],
    ['a range ending before it starts', 'from=2026-05-01&to=2026-04-01', 'query.to'],
  ])('refuses %s with 400 naming the parameter', async (_name, query, field) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${slug}/budget/rollup?${query}`,
      headers,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('is refused to members and mentors, allowed to viewers', async () => {
    const factory = new Factory(t.database.db);
    const organisation = await factory.organisation(ids.workspace, ids.av);
    for (const [role, status] of [
      ['member', 403],
      ['mentor', 403],
      ['viewer', 200],
    ] as const) {
      const caller = await factory.memberWithToken(
        ids.workspace,
        role,
        null,
        role === 'member' ? organisation.id : null,
      );
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${slug}/budget/rollup`,
        headers: caller.headers,
      });
      expect(res.statusCode, role).toBe(status);
    }
  });
});
