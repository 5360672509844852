import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { PlanningRows } from '../../../test/support/planning-rows.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

/**
 * A small fixture with a hand-counted burn: 2 plans, 4 activities (one cancelled, one standalone
 * starting the year before) and 11 lines.
 *
 * | activity                   | plan  | cluster | planned lines      | actual lines                                   |
 * |----------------------------|-------|---------|--------------------|------------------------------------------------|
 * | A1 2026-03-02              | Alpha | AV      | 600 EU, 500 CL     | 450 CL 2026-04-15, 200 EU undated (→ 2026-03-02) |
 * | A2 2026-05-10              | Gamma | BX      | 7,500 EU, 900 CL   | 7,000 EU 2026-05-10, 1,000 EU 2027-01-05       |
 * | A3 2025-12-20 (standalone) | —     | —       | 300 MS             | 320.50 MS 2026-01-03                           |
 * | A4 2026-04-06 (cancelled)  | Alpha | AV      | 1,000 EU           | 200 EU 2026-02-01                              |
 *
 * Plans: Alpha (Japan), Gamma (Chile). EU = eu_programme, CL = cluster, MS = member_self_funding.
 *
 * A period counts the money of the activities starting in it, in the month it was paid (decision
 * 0016). Over 2026 (A1, A2, A4; A3 starts in 2025): planned EU 600 + 7,500 = 8,100, CL 500 + 900 =
 * 1,400 (A4 is cancelled); actual EU Feb 200, Mar 200, May 7,000 and Jan 2027 1,000; CL Apr 450 =
 * 8,850, over the 13 months from January 2026 to January 2027.
 */
describe.each(testDialects())('budget burn on %s', (kind) => {
  let t: TestApp;
  let slug: string;
  let headers: Record<string, string>;
  const ids = {
    workspace: '',
    av: '',
    bx: '',
    japan: '',
    chile: '',
    alpha: '',
    gamma: '',
    elsewherePlan: '',
  };
  const thisYear = new Date().getUTCFullYear();
  let nowSlug = '';
  let nowHeaders: Record<string, string> = {};

  const get = (query: string, as = { slug: '', headers: {} as Record<string, string> }) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${as.slug || slug}/budget/burn?${query}`,
      headers: as.slug ? as.headers : headers,
    });
  const burn = async (query: string) => {
    const res = await get(query);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const factory = new Factory(t.database.db);
    const rows = new PlanningRows(t.database.db);
    const workspace = await factory.workspace();
    const w = workspace.id;
    slug = workspace.slug;
    ids.workspace = w;
    headers = (await factory.memberWithToken(w, 'coordinator')).headers;
    ids.av = (await factory.cluster(w, { short_name: 'AV' })).id;
    ids.bx = (await factory.cluster(w, { short_name: 'BX' })).id;
    ids.japan = (await rows.marketRow(w, { name: 'Japan', country: 'JP' })).id;
    ids.chile = (await rows.marketRow(w, { name: 'Chile', country: 'CL' })).id;
    ids.alpha = (await rows.planRow(w, { market_id: ids.japan, name: 'Alpha' })).id;
    ids.gamma = (await rows.planRow(w, { market_id: ids.chile, name: 'Gamma' })).id;

    const a1 = await rows.activityRow(w, {
      plan_id: ids.alpha,
      cluster_id: ids.av,
      starts_on: '2026-03-02',
      ends_on: '2026-03-04',
    });
    await rows.costLineRow(w, a1.id, { amount_cents: 60_000 });
    await rows.costLineRow(w, a1.id, { amount_cents: 50_000, funding_source: 'cluster' });
    await rows.costLineRow(w, a1.id, {
      kind: 'actual',
      amount_cents: 45_000,
      funding_source: 'cluster',
      incurred_on: '2026-04-15',
    });
    await rows.costLineRow(w, a1.id, { kind: 'actual', amount_cents: 20_000, incurred_on: null });

    const a2 = await rows.activityRow(w, {
      plan_id: ids.gamma,
      cluster_id: ids.bx,
      starts_on: '2026-05-10',
      ends_on: '2026-05-12',
    });
    await rows.costLineRow(w, a2.id, { amount_cents: 750_000 });
    await rows.costLineRow(w, a2.id, { amount_cents: 90_000, funding_source: 'cluster' });
    await rows.costLineRow(w, a2.id, { kind: 'actual', amount_cents: 700_000, incurred_on: '2026-05-10' });
    await rows.costLineRow(w, a2.id, { kind: 'actual', amount_cents: 100_000, incurred_on: '2027-01-05' });

    const a3 = await rows.activityRow(w, { starts_on: '2025-12-20', ends_on: '2025-12-22' });
    await rows.costLineRow(w, a3.id, { amount_cents: 30_000, funding_source: 'member_self_funding' });
    await rows.costLineRow(w, a3.id, {
      kind: 'actual',
      amount_cents: 32_050,
      funding_source: 'member_self_funding',
      incurred_on: '2026-01-03',
    });

    const a4 = await rows.activityRow(w, {
      plan_id: ids.alpha,
      cluster_id: ids.av,
      status: 'cancelled',
      starts_on: '2026-04-06',
      ends_on: '2026-04-08',
    });
    await rows.costLineRow(w, a4.id, { amount_cents: 100_000 });
    await rows.costLineRow(w, a4.id, { kind: 'actual', amount_cents: 20_000, incurred_on: '2026-02-01' });

    // Another workspace's money never counts here; its plan filters nothing in.
    const other = await factory.workspace('Elsewhere');
    ids.elsewherePlan = (await rows.planRow(other.id)).id;
    const theirs = await rows.activityRow(other.id, { plan_id: ids.elsewherePlan });
    await rows.costLineRow(other.id, theirs.id, {
      kind: 'actual',
      amount_cents: 99_999_900,
      incurred_on: '2026-03-03',
    });
    await rows.costLineRow(other.id, theirs.id, { amount_cents: 99_999_900 });

    // A workspace spending this year, for the default period.
    const now = await factory.workspace('Now');
    nowSlug = now.slug;
    nowHeaders = (await factory.memberWithToken(now.id, 'coordinator')).headers;
    const current = await rows.activityRow(now.id, {
      starts_on: `${thisYear}-02-08`,
      ends_on: `${thisYear}-02-09`,
    });
    await rows.costLineRow(now.id, current.id, {
      kind: 'actual',
      amount_cents: 12_345,
      funding_source: 'national_regional',
      incurred_on: `${thisYear}-02-10`,
    });
    await rows.costLineRow(now.id, current.id, {
      kind: 'actual',
      amount_cents: 50_000,
      funding_source: 'national_regional',
      incurred_on: `${thisYear - 1}-12-31`,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const zeros = (n: number) => Array.from({ length: n }, () => 0);
  /** A 12-month array with `values` at months (1-based). */
  const year = (values: Record<number, number>) => zeros(12).map((_, i) => values[i + 1] ?? 0);

  it('burns a year month by month per funding source, with the planned totals beside it', async () => {
    const body = await burn('from=2026-01-01&to=2026-12-31');
    expect(body.period).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    // A2's last invoice was paid in January 2027: the months run on to it.
    expect(body.months).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
    ]);
    expect(body.series).toEqual([
      {
        fundingSource: 'eu_programme',
        label: 'EU programme',
        plannedEur: 8100,
        actualEur: [...year({ 2: 200, 3: 200, 5: 7000 }), 1000],
        cumulativeEur: [0, 200, 400, 400, 7400, 7400, 7400, 7400, 7400, 7400, 7400, 7400, 8400],
      },
      {
        fundingSource: 'cluster',
        label: 'Cluster',
        plannedEur: 1400,
        actualEur: [...year({ 4: 450 }), 0],
        cumulativeEur: [0, 0, 0, 450, 450, 450, 450, 450, 450, 450, 450, 450, 450],
      },
    ]);
    expect(body.totals).toEqual({ plannedEur: 9500, actualEur: 8850 });
  });

  it('defaults to the current calendar year', async () => {
    const res = await get('', { slug: nowSlug, headers: nowHeaders });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.period).toEqual({ from: `${thisYear}-01-01`, to: `${thisYear}-12-31` });
    // Paid on 31 December of the year before for this year's activity: December comes first.
    expect(body.months).toHaveLength(13);
    expect(body.months[0]).toBe(`${thisYear - 1}-12`);
    expect(body.series).toEqual([
      {
        fundingSource: 'national_regional',
        label: 'National / regional',
        plannedEur: 0,
        actualEur: [500, ...year({ 2: 123.45 })],
        cumulativeEur: [500, 500, ...zeros(11).map(() => 623.45)],
      },
    ]);
    expect(body.totals).toEqual({ plannedEur: 0, actualEur: 623.45 });
  });

  it('counts the activities starting by the day inside a period starting and ending mid-month', async () => {
    // A1 and A4 start in it; A4's 200 EU was paid in February, before the period.
    const spring = await burn('from=2026-03-01&to=2026-04-30');
    expect(spring.months).toEqual(['2026-02', '2026-03', '2026-04']);
    expect(
      spring.series.map(
        (s: { fundingSource: string; plannedEur: number; actualEur: number[]; cumulativeEur: number[] }) => [
          s.fundingSource,
          s.plannedEur,
          s.actualEur,
          s.cumulativeEur,
        ],
      ),
    ).toEqual([
      ['eu_programme', 600, [200, 200, 0], [200, 400, 400]],
      ['cluster', 500, [0, 0, 450], [0, 0, 450]],
    ]);
    expect(spring.totals).toEqual({ plannedEur: 1100, actualEur: 850 });

    // No activity starts inside.
    const between = await burn('from=2026-04-16&to=2026-05-09');
    expect(between.months).toEqual(['2026-04', '2026-05']);
    expect(between.series).toEqual([]);
    expect(between.totals).toEqual({ plannedEur: 0, actualEur: 0 });
  });

  it('runs on to a payment after the period, across a year end', async () => {
    const body = await burn('from=2026-05-01&to=2026-05-31');
    expect(body.months).toEqual([
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
    ]);
    expect(body.series).toEqual([
      {
        fundingSource: 'eu_programme',
        label: 'EU programme',
        plannedEur: 7500,
        actualEur: [7000, 0, 0, 0, 0, 0, 0, 0, 1000],
        cumulativeEur: [7000, 7000, 7000, 7000, 7000, 7000, 7000, 7000, 8000],
      },
      {
        fundingSource: 'cluster',
        label: 'Cluster',
        plannedEur: 900,
        actualEur: zeros(9),
        cumulativeEur: zeros(9),
      },
    ]);
    // No activity starts between December and January: the money paid then is for May's.
    const winter = await burn('from=2026-12-01&to=2027-01-31');
    expect(winter.months).toEqual(['2026-12', '2027-01']);
    expect(winter.series).toEqual([]);
  });

  it('filters by plan, market and cluster', async () => {
    const sums = (body: {
      series: Array<{ fundingSource: string; plannedEur: number; actualEur: number[] }>;
    }) => body.series.map((s) => [s.fundingSource, s.plannedEur, s.actualEur.reduce((a, b) => a + b, 0)]);
    const range = 'from=2026-01-01&to=2026-12-31';
    const alpha = await burn(`${range}&planId=${ids.alpha}`);
    expect(sums(alpha)).toEqual([
      ['eu_programme', 600, 400],
      ['cluster', 500, 450],
    ]);
    expect(alpha.totals).toEqual({ plannedEur: 1100, actualEur: 850 });
    for (const query of [`marketId=${ids.chile}`, `clusterId=${ids.bx}`]) {
      const chile = await burn(`${range}&${query}`);
      expect(sums(chile), query).toEqual([
        ['eu_programme', 7500, 8000],
        ['cluster', 900, 0],
      ]);
      expect(chile.totals, query).toEqual({ plannedEur: 8400, actualEur: 8000 });
    }
  });

  it("shows nothing of another workspace's plan", async () => {
    const body = await burn(`from=2026-01-01&to=2026-12-31&planId=${ids.elsewherePlan}`);
    expect(body.series).toEqual([]);
    expect(body.totals).toEqual({ plannedEur: 0, actualEur: 0 });
  });

  it.each([
    ['a day that does not exist', 'from=2026-02-30', 'query.from'],
    ['a date not written YYYY-MM-DD', 'to=31/12/2026', 'query.to'],
    ['a period ending before it starts', 'from=2026-05-01&to=2026-04-30', 'query.to'],
    ['a period of ten years', 'from=2020-01-01&to=2030-01-01', 'query.to'],
    ['an oversized plan id', `planId=${'x'.repeat(101)}`, 'query.planId'],
    ['an empty market id', 'marketId=', 'query.marketId'],
  ])('refuses %s with 400 naming the parameter', async (_name, query, field) => {
    const res = await get(query);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('is refused to members and mentors, allowed to cluster managers and viewers', async () => {
    const factory = new Factory(t.database.db);
    const organisation = await factory.organisation(ids.workspace, ids.av);
    for (const [role, status] of [
      ['member', 403],
      ['mentor', 403],
      ['cluster_manager', 200],
      ['viewer', 200],
    ] as const) {
      const caller = await factory.memberWithToken(
        ids.workspace,
        role,
        role === 'cluster_manager' ? ids.bx : null,
        role === 'member' ? organisation.id : null,
      );
      const res = await get('from=2026-01-01&to=2026-12-31', { slug, headers: caller.headers });
      expect(res.statusCode, role).toBe(status);
      // A cluster manager sees the whole workspace's burn, as the budget roll-up.
      if (status === 200) expect(res.json().totals.actualEur, role).toBe(8850);
    }
  });
});
