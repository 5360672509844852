import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshKpiActuals } from '../../src/features/kpis/actuals.ts';
import { testDialects } from '../support/databases.ts';
import { Factory } from '../support/factories.ts';
import { PlanningRows } from '../support/planning-rows.ts';
import { readWorkbook, sheetRows } from '../support/report-files.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/**
 * One question, one answer (issue 18, item 1; decision 0016): "what did the activities of this
 * period cost?" is answered alike by the dashboard's headline (the KPI roll-up's Actual costs), the
 * budget burn (its total, and the sum of its months) and the funder report (its summary and its
 * budget table), for every period and market filter.
 *
 * | activity             | market | starts     | actual lines (paid on)                                  |
 * |----------------------|--------|------------|---------------------------------------------------------|
 * | Tokyo study visit    | Japan  | 2027-04-12 | flight 4,380.50 EU (2026-11-20), hotel 612.00 CL (2027-04-14) |
 * | Osaka fair           | Japan  | 2026-10-05 | stand 2,000.00 EU (2026-09-01), invoice 150.25 EU (2027-01-15) |
 * | Shanghai roadshow    | China  | 2026-06-01 | 1,000.00 CL (2026-06-02); cancelled: its money still counts |
 * | Online workshop      | —      | 2027-02-03 | 75.00 EU, no date (counts on its start)                  |
 *
 * By activity start: 2026 = 2,000 + 150.25 + 1,000 = 3,150.25 (Japan 2,150.25, China 1,000);
 * 2027 = 4,380.50 + 612 + 75 = 5,067.50 (Japan 4,992.50, China 0).
 */
describe.each(testDialects())(
  'actual costs agree across the dashboard, the burn and the report on %s',
  (kind) => {
    let t: TestApp;
    let slug: string;
    let headers: Record<string, string>;
    const markets = { japan: '', china: '' };

    beforeAll(async () => {
      t = await startTestApp(kind, { jobs: { pollMs: 600_000 } });
      const factory = new Factory(t.database.db);
      const rows = new PlanningRows(t.database.db);
      const workspace = await factory.workspace('Agreeing figures');
      slug = workspace.slug;
      headers = (await factory.memberWithToken(workspace.id, 'coordinator')).headers;
      const w = workspace.id;
      markets.japan = (await rows.marketRow(w, { name: 'Japan', country: 'JP' })).id;
      markets.china = (await rows.marketRow(w, { name: 'China', country: 'CN' })).id;
      const japanPlan = await rows.planRow(w, {
        market_id: markets.japan,
        name: 'Japan 2026–27',
        starts_on: '2026-01-01',
        ends_on: '2027-12-31',
      });
      const chinaPlan = await rows.planRow(w, { market_id: markets.china, name: 'China 2026' });
      const actual = (activityId: string, cents: number, paidOn: string | null, source = 'eu_programme') =>
        rows.costLineRow(w, activityId, {
          kind: 'actual',
          amount_cents: cents,
          incurred_on: paidOn,
          funding_source: source as 'eu_programme',
        });

      const tokyo = await rows.activityRow(w, {
        plan_id: japanPlan.id,
        title: 'Tokyo study visit',
        instrumentKey: 'study-visits',
        starts_on: '2027-04-12',
        ends_on: '2027-04-16',
      });
      await rows.costLineRow(w, tokyo.id, { amount_cents: 500_000 });
      await actual(tokyo.id, 438_050, '2026-11-20');
      await actual(tokyo.id, 61_200, '2027-04-14', 'cluster');
      const osaka = await rows.activityRow(w, {
        plan_id: japanPlan.id,
        title: 'Osaka fair',
        starts_on: '2026-10-05',
        ends_on: '2026-10-07',
        status: 'done',
      });
      await actual(osaka.id, 200_000, '2026-09-01');
      await rows.costLineRow(w, osaka.id, {
        kind: 'actual',
        amount_cents: 15_025,
        incurred_on: '2027-01-15',
        category: 'external_services',
        description: 'Interpreter invoice',
      });
      const shanghai = await rows.activityRow(w, {
        plan_id: chinaPlan.id,
        title: 'Shanghai roadshow',
        starts_on: '2026-06-01',
        ends_on: '2026-06-03',
        status: 'cancelled',
      });
      await actual(shanghai.id, 100_000, '2026-06-02', 'cluster');
      const online = await rows.activityRow(w, {
        title: 'Online workshop',
        starts_on: '2027-02-03',
        ends_on: '2027-02-03',
      });
      await actual(online.id, 7_500, null);
      await refreshKpiActuals(t.database.db, [tokyo.id, osaka.id, shanghai.id, online.id]);
    });
    afterAll(async () => {
      await t?.close();
    });

    const get = async (path: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/workspaces/${slug}${path}`, headers });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };

    /** The dashboard's headline: the KPI roll-up's Hub-wide Actual costs of the whole scope. */
    const headline = async (query: string): Promise<number> => {
      const rollup = await get(`/kpis/rollup?groupBy=workspace&${query}`);
      const kpis: { instrumentId: string | null; kpiKey: string; actual: number | null }[] =
        rollup.groups[0]?.kpis ?? [];
      return kpis.find((kpi) => kpi.instrumentId === null && kpi.kpiKey === 'actual_costs')?.actual ?? 0;
    };

    /** The burn's actual total, checked against the sum of its months, and its planned total. */
    const burn = async (query: string): Promise<{ actual: number; planned: number }> => {
      const body = await get(`/budget/burn?${query}`);
      const months = body.series.reduce(
        (sum: number, series: { actualEur: number[] }) => sum + series.actualEur.reduce((a, b) => a + b, 0),
        0,
      );
      expect(Math.round(months * 100) / 100, 'the sum of the months').toBe(body.totals.actualEur);
      return { actual: body.totals.actualEur, planned: body.totals.plannedEur };
    };

    /** The funder report's actual and planned costs: its summary, checked against its budget table. */
    const report = async (body: Record<string, string>): Promise<{ actual: number; planned: number }> => {
      const started = await t.app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${slug}/reports`,
        headers,
        payload: { ...body, format: 'xlsx' },
      });
      expect(started.statusCode, started.body).toBe(202);
      await t.app.jobs.idle();
      const job = await get(`/jobs/${started.json().job.id}`);
      expect(job.status, job.error).toBe('succeeded');
      const file = await t.app.inject({ method: 'GET', url: job.file.url, headers });
      const workbook = await readWorkbook(file.rawPayload);
      const summary = new Map(sheetRows(workbook, 'Summary').map(([label, value]) => [label, value]));
      const total = sheetRows(workbook, 'Budget by funding source').at(-1);
      expect(total?.[0]).toBe('Total');
      expect(total?.[2], 'the budget table').toBe(summary.get('Actual costs'));
      expect(total?.[1], 'the budget table').toBe(summary.get('Planned budget'));
      return {
        actual: summary.get('Actual costs') as number,
        planned: summary.get('Planned budget') as number,
      };
    };

    it.each([
      ['2026, every market', '2026', undefined, 3150.25],
      ['2027, every market', '2027', undefined, 5067.5],
      ['Japan in 2026', '2026', 'japan', 2150.25],
      ['Japan in 2027 (the flight paid in 2026 for the April visit)', '2027', 'japan', 4992.5],
      ['China in 2026 (a cancelled roadshow: its money was spent)', '2026', 'china', 1000],
      ['China in 2027', '2027', 'china', 0],
    ] as const)('%s: one number', async (_name, year, market, expected) => {
      const period = { from: `${year}-01-01`, to: `${year}-12-31` };
      const marketId = market ? markets[market] : undefined;
      const query = new URLSearchParams({ ...period, ...(marketId ? { marketId } : {}) }).toString();
      expect(await headline(query), 'headline').toBe(expected);
      const burned = await burn(query);
      expect(burned.actual, 'budget burn').toBe(expected);
      const reported = await report({ ...period, ...(marketId ? { marketId } : {}) });
      expect(reported.actual, 'funder report').toBe(expected);
      // The planned total beside them (the headline's "of … planned" is the burn's) agrees too.
      expect(reported.planned, 'planned').toBe(burned.planned);
    });

    it('lists the records behind the headline’s actual costs, their categories in words', async () => {
      const body = await get(
        `/kpis/records?kpiKey=actual_costs&from=2026-01-01&to=2026-12-31&marketId=${markets.japan}`,
      );
      expect(body.records.map((r: { value: number }) => r.value).sort()).toEqual([150.25, 2000]);
      expect(body.records.map((r: { description: string }) => r.description)).toContain(
        'Interpreter invoice (external services)',
      );
    });

    it('draws the flight paid ahead in the month it was paid, before the period’s first month', async () => {
      const body = await get(`/budget/burn?from=2027-01-01&to=2027-12-31&marketId=${markets.japan}`);
      expect(body.months[0]).toBe('2026-11');
      expect(body.months.at(-1)).toBe('2027-12');
      const eu = body.series.find((s: { fundingSource: string }) => s.fundingSource === 'eu_programme');
      expect(eu.actualEur[0]).toBe(4380.5);
      expect(eu.cumulativeEur.at(-1)).toBe(4380.5);
      expect(eu.plannedEur).toBe(5000);
    });
  },
);
