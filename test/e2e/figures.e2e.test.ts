import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { refreshKpiActuals } from '../../src/features/kpis/actuals.ts';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { ARTIFACTS_DIR, launchChromium, signedInPage } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import { PlanningRows } from '../support/planning-rows.ts';
import { readWorkbook, sheetRows } from '../support/report-files.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const EMAIL = 'figures@example.test';
const PASSWORD = 'figures-e2e-Passphrase-42';

/**
 * What a newcomer trips over (issue 18) on the figures: one answer per question on the dashboard,
 * plan targets shown, the funder report of the view in sight, and what the report page says once
 * the file is ready.
 *
 * Japan (plan 2026–2027, target: 25 participants present): a study visit in Tokyo in April 2027
 * whose 4,380.50 EUR flight was paid in November 2026; China (plan 2026): a roadshow in 2026.
 */
describe.skipIf(!chromiumPath)('figures in the browser (issue 18)', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let slug: string;
  let japanId: string;
  let visitId: string;
  let clusterId: string;
  let api: { headers: Record<string, string>; user: { id: string } };

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const db = t.database.db;
    const factory = new Factory(db);
    const rows = new PlanningRows(db);
    const workspace = await factory.workspace('Figures consortium');
    const w = workspace.id;
    slug = workspace.slug;
    const user = await factory.userWithPassword(PASSWORD, EMAIL);
    await factory.addMember(w, user.id, 'coordinator');
    // A second coordinator, who changes things through the API (for the audit log).
    api = await factory.memberWithToken(w, 'coordinator');
    await db.updateTable('app_user').set({ name: 'Alice Auditor' }).where('id', '=', api.user.id).execute();
    clusterId = (await factory.cluster(w, { name: 'Aerospace Valley', short_name: 'AV' })).id;
    const japan = await rows.marketRow(w, {
      name: 'Japan',
      country: 'JP',
      segments: JSON.stringify(['earth_observation', 'in_orbit_services']),
    });
    japanId = japan.id;
    const china = await rows.marketRow(w, { name: 'China', country: 'CN', segments: '["satcom"]' });
    const japanPlan = await rows.planRow(w, {
      market_id: japan.id,
      name: 'Entering Japan',
      starts_on: '2026-01-01',
      ends_on: '2027-12-31',
    });
    const chinaPlan = await rows.planRow(w, { market_id: china.id, name: 'Entering China' });
    await rows.kpiTargetRow(w, { plan_id: japanPlan.id, kpi_key: 'present_participants', value: 25 });
    const visit = await rows.activityRow(w, {
      plan_id: japanPlan.id,
      instrumentKey: 'study-visits',
      title: 'Study visit to Tokyo',
      starts_on: '2027-04-12',
      ends_on: '2027-04-16',
    });
    await rows.costLineRow(w, visit.id, { amount_cents: 500_000, description: 'Flights (planned)' });
    await rows.costLineRow(w, visit.id, {
      kind: 'actual',
      amount_cents: 438_050,
      description: 'Flights Brussels–Tokyo',
      incurred_on: '2026-11-20',
    });
    visitId = visit.id;
    const roadshow = await rows.activityRow(w, {
      plan_id: chinaPlan.id,
      title: 'Roadshow in Shanghai',
      starts_on: '2026-06-01',
      ends_on: '2026-06-03',
      status: 'done',
    });
    await rows.costLineRow(w, roadshow.id, {
      kind: 'actual',
      amount_cents: 120_000,
      incurred_on: '2026-06-02',
    });
    await refreshKpiActuals(db, [visit.id, roadshow.id]);
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(target: string, viewport = { width: 1400, height: 1000 }): Promise<Page> {
    const page = await signedInPage(browser, baseUrl, {
      email: EMAIL,
      password: PASSWORD,
      redirect: target,
      viewport,
      acceptDownloads: true,
    });
    // The landing keeps the query too (the dashboard's period and market).
    await page.waitForURL((url) => `${url.pathname}${url.search}` === target);
    return page;
  }

  it('gives one actual cost for Japan in 2027 in the headline and the burn, each saying what it counts', async () => {
    const page = await signedIn(`/w/${slug}/?from=2027-01-01&to=2027-12-31&marketId=${japanId}`);
    await expect.poll(() => page.getByTestId('headline-actual-costs').textContent()).toBe('€4,380.50');
    const headline = page.getByTestId('dashboard-headline');
    expect(await headline.getByTestId('figure-meaning').textContent()).toContain('by activity start');
    // The burn counts the same activities: the flight paid in November 2026, drawn in that month.
    const burn = page.getByTestId('dashboard-burn');
    await expect
      .poll(() => burn.getByTestId('dashboard-burn-totals').textContent())
      .toContain('€4,380.50 spent on the period’s activities');
    expect(await burn.getByTestId('dashboard-burn-meaning').textContent()).toContain('by payment date');
    expect(await burn.getByTestId('dashboard-burn-meaning').textContent()).toContain('by activity start');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'figures-dashboard.png'), fullPage: true });
    await page.context().close();
  });

  it('shows a plan’s target on a Hub-wide KPI, in the headline and in the KPIs', async () => {
    const page = await signedIn(`/w/${slug}/?from=2027-01-01&to=2027-12-31&marketId=${japanId}`);
    await expect.poll(() => page.getByTestId('headline-present-target').textContent()).toBe('target 25');
    const kpis = page.getByTestId('dashboard-kpis');
    const programme = kpis.getByTestId('kpi-group').filter({ hasText: 'Whole programme' });
    await programme.waitFor();
    const present = programme.getByTestId('kpi-row').filter({ hasText: 'Participants present' });
    expect(await present.locator('td').allTextContents()).toEqual(['25', '0', '0%']);
    expect(await kpis.getByTestId('kpi-group-no-targets').count()).toBe(1);
    await page.context().close();
  });

  it('opens the funder report on the dashboard’s period and market, and says when the file is ready', async () => {
    const page = await signedIn(`/w/${slug}/?from=2027-01-01&to=2027-12-31&marketId=${japanId}`);
    await page.getByRole('link', { name: 'Funder report' }).click();
    await page.waitForURL((url) => url.pathname === `/w/${slug}/reports`);
    const address = new URL(page.url()).searchParams;
    expect([address.get('from'), address.get('to'), address.get('marketId')]).toEqual([
      '2027-01-01',
      '2027-12-31',
      japanId,
    ]);
    const form = page.getByTestId('report-form');
    await expect.poll(() => form.getByLabel(/^From\b/).inputValue()).toBe('2027-01-01');
    expect(await form.getByLabel(/^To\b/).inputValue()).toBe('2027-12-31');
    expect(await form.locator('#report-marketId').inputValue()).toBe('Japan · Japan');
    await form.getByRole('radio', { name: 'Excel (XLSX)' }).check();
    await form.getByRole('button', { name: 'Generate report' }).click();

    // Once the row is ready, the form no longer says the report is being made.
    const row = page.locator('[data-testid="report-row"][data-status="succeeded"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Japan');
    const started = page.getByTestId('report-started');
    await expect.poll(() => started.getAttribute('data-status')).toBe('succeeded');
    expect(await started.textContent()).not.toContain('being made');
    expect(await started.textContent()).toContain('ready');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'figures-report-ready.png'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      started.getByRole('link', { name: /^Download Excel \(XLSX\)/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`funder-report-${slug}-japan-2027-01-01-to-2027-12-31.xlsx`);
    const workbook = await readWorkbook(readFileSync(await download.path()));
    const summary = new Map(sheetRows(workbook, 'Summary').map(([label, value]) => [label, value]));
    expect(summary.get('Market')).toBe('Japan');
    // The report agrees with the dashboard's headline and burn.
    expect(summary.get('Actual costs')).toBe(4380.5);
    await page.context().close();
  });

  it('lists target markets with their segments as labels', async () => {
    const page = await signedIn(`/w/${slug}/markets`, { width: 1440, height: 900 });
    const japan = page.getByRole('row').filter({ hasText: 'Japan' });
    await japan.waitFor();
    expect(await japan.textContent()).toContain('Earth observation');
    expect(await japan.textContent()).toContain('In-orbit services');
    const table = (await page.getByRole('table').textContent()) ?? '';
    expect(table).not.toMatch(/earth_observation|in_orbit_services|satcom/);
    expect(await page.getByRole('row').filter({ hasText: 'China' }).textContent()).toContain(
      'Satellite communications',
    );
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'figures-markets.png') });
    await page.context().close();
  });

  it('shows the audit log readably: names, labels, money, no ids or internal fields; filters in the address', async () => {
    const inject = (method: 'POST' | 'PATCH', url: string, payload: object) =>
      t.app.inject({ method, url: `/api/v1/workspaces/${slug}${url}`, headers: api.headers, payload });
    const organisation = await inject('POST', '/organisations', {
      clusterId,
      name: 'Kestrel Optics SAS',
      type: 'sme',
      size: 'small',
      country: 'FR',
      spaceSegments: ['earth_observation'],
      exportExperience: 'occasional',
    });
    expect(organisation.statusCode, organisation.body).toBe(201);
    expect((await inject('PATCH', `/markets/${japanId}`, { version: 1, priority: 'low' })).statusCode).toBe(
      200,
    );
    const target = await inject('POST', '/kpi-targets', {
      activityId: visitId,
      kpiKey: 'actual_costs',
      value: 5000,
    });
    expect(target.statusCode, target.body).toBe(201);

    // Alice's changes (the address carries the filter; a report made above is someone else's).
    const page = await signedIn(`/w/${slug}/audit?actorId=${api.user.id}`);
    await expect.poll(() => page.locator('#audit-who').inputValue()).toMatch(/^Alice Auditor/);
    const rows = page.getByTestId('audit-row');
    await expect.poll(() => rows.count()).toBe(3);
    const table = (await page.getByRole('table').textContent()) ?? '';
    // Who by name; what by its name and labels; money in EUR.
    expect(table).toContain('Alice Auditor');
    expect(table).toContain('Member organisation');
    expect(table).toContain('Kestrel Optics SAS');
    expect(table).toContain('Small (10–49 staff)');
    expect(table).toContain('Earth observation');
    expect(table).toContain('Occasional exports');
    expect(table).toContain('AV · Aerospace Valley');
    expect(table).toContain('Actual costs · Study visit to Tokyo');
    expect(table).toContain('€5,000.00');
    expect(table).toMatch(/Priority:\s*High\s*→\s*Low/);
    // No codes, internal fields or record ids.
    expect(table).not.toMatch(/normalised|earth_observation|occasional\b|kpi_key|actual_costs|cluster_id/);
    expect(table).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'figures-audit.png'), fullPage: true });

    // Another filter joins it in the address: the target markets only.
    await page.locator('#audit-entity-type').click();
    await page.getByRole('option', { name: 'Target market' }).click();
    await page.waitForURL(
      (url) =>
        url.searchParams.get('entityType') === 'market' && url.searchParams.get('actorId') === api.user.id,
    );
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().getByTestId('audit-record-link').click();
    await page.waitForURL((url) => url.pathname === `/w/${slug}/markets/${japanId}`);
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('entityType') === 'market');
    await expect.poll(() => rows.count()).toBe(1);
    await page.context().close();
  });
});
