import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { refreshKpiActuals } from '../../src/features/kpis/actuals.ts';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import { PlanningRows } from '../support/planning-rows.ts';
import { pdfText } from '../support/report-files.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const EMAIL = 'dashboard@example.test';
const PASSWORD = 'dashboard-e2e-Passphrase-42';

/** The figures of a `<Chart>` (the first of its test id) switched to its table view: one array of cell texts per row. */
async function chartRows(page: Page, testId: string): Promise<string[][]> {
  const chart = page.getByTestId(testId).first();
  await chart.getByText('Table', { exact: true }).click();
  const rows = chart.locator('tbody tr');
  await rows.first().waitFor();
  return rows.evaluateAll((trs) =>
    trs.map((tr) =>
      Array.from(tr.querySelectorAll('td'), (td: { textContent: string | null }) => td.textContent ?? ''),
    ),
  );
}

/** `YYYY-MM-DD` of a local date. */
function iso(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * The dashboard of a workspace with one market (Japan) and two activities this year: a training
 * held in January with two organisations present (target: 4), 1,000 EUR planned and 800 EUR spent;
 * and B2B meetings starting today.
 */
describe.skipIf(!chromiumPath)('the coordinators’ dashboard in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let slug: string;
  const today = new Date();
  const year = today.getFullYear();

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const db = t.database.db;
    const factory = new Factory(db);
    const rows = new PlanningRows(db);
    const workspace = await factory.workspace('Dashboard test consortium');
    const w = workspace.id;
    slug = workspace.slug;
    const user = await factory.userWithPassword(PASSWORD, EMAIL);
    await factory.addMember(w, user.id, 'coordinator');
    const cluster = await factory.cluster(w, { name: 'Orbit Valley Cluster', short_name: 'OVC' });
    const market = await rows.marketRow(w, { name: 'Japan — Earth observation', country: 'JP' });
    const plan = await rows.planRow(w, {
      market_id: market.id,
      name: 'Entering Japan',
      starts_on: `${year}-01-01`,
      ends_on: `${year}-12-31`,
    });
    const training = await rows.activityRow(w, {
      plan_id: plan.id,
      cluster_id: cluster.id,
      title: 'Export training in Leuven',
      status: 'done',
      starts_on: `${year}-01-15`,
      ends_on: `${year}-01-15`,
    });
    for (const [name, attendance] of [
      ['Kestrel Optics', 'present'],
      ['Nadir Systems', 'present'],
      ['Umbra Labs', 'absent'],
    ] as const) {
      const organisation = await factory.organisation(w, cluster.id, { name });
      await rows.participantRow(training.id, { organisation_id: organisation.id, attendance });
    }
    await rows.costLineRow(w, training.id, { amount_cents: 100_000, description: 'Trainer travel' });
    await rows.costLineRow(w, training.id, {
      kind: 'actual',
      amount_cents: 80_000,
      description: 'Trainer travel, paid',
      incurred_on: `${year}-01-20`,
    });
    await rows.kpiTargetRow(w, { activity_id: training.id, kpi_key: 'present_participants', value: 4 });
    const tomorrow = new Date(year, today.getMonth(), today.getDate() + 1);
    const meetings = await rows.activityRow(w, {
      plan_id: plan.id,
      instrumentKey: 'matchmaking-events',
      title: 'B2B meetings in Tokyo',
      starts_on: iso(today),
      ends_on: iso(tomorrow),
    });
    // Rows written straight to the tables: their derived KPI values are refreshed here.
    await refreshKpiActuals(db, [training.id, meetings.id]);
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('opens the dashboard, shows KPIs, money and the map, drills from a KPI number to its records, and downloads a report', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });

    await page.goto(`${baseUrl}/sign-in?redirect=${encodeURIComponent(`/w/${slug}/`)}`);
    await page.locator('input[name=email]').fill(EMAIL);
    await page.locator('input[name=password]').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(new RegExp(`/w/${slug}/?$`));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Dashboard');
    const navDashboard = page.getByTestId('workspace-nav').getByRole('link', { name: 'Dashboard' });
    expect(await navDashboard.getAttribute('data-active')).toBe('true');

    // The headline figures of this year, each a link.
    await expect.poll(() => page.getByTestId('headline-held').textContent()).toBe('1');
    expect(await page.getByTestId('headline-activities').textContent()).toBe('2');
    expect(await page.getByTestId('headline-present').textContent()).toBe('2');
    expect(await page.getByTestId('headline-actual-costs').textContent()).toBe('€800.00');
    expect(await page.getByTestId('headline-planned').textContent()).toBe('of €1,000.00 planned');
    // The funder report opens on the period (and market) in view.
    expect(await page.getByRole('link', { name: 'Funder report' }).getAttribute('href')).toBe(
      `/w/${slug}/reports?from=${year}-01-01&to=${year}-12-31`,
    );

    // The world map draws the countries (loaded on demand); every chart is drawn in the page.
    await expect
      .poll(() => page.getByTestId('dashboard-map-chart').locator('svg path').count())
      .toBeGreaterThan(100);
    expect(await page.getByTestId('map-legend').textContent()).toContain('No value');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'dashboard.png'), fullPage: true });

    // KPIs by phase, after the whole programme's (its Hub-wide KPIs have a target): the training's
    // phase has a target (chart and table), the meetings' has none yet.
    const kpis = page.getByTestId('dashboard-kpis');
    await expect.poll(() => kpis.getByTestId('kpi-group').count()).toBe(3);
    expect(await kpis.getByTestId('kpi-group-no-targets').count()).toBe(1);
    const presentRow = kpis.getByTestId('kpi-row').filter({ hasText: 'Participants present' }).first();
    expect(await presentRow.locator('td').allTextContents()).toEqual(['4', '2', '50%']);
    expect(await chartRows(page, 'kpi-progress-chart')).toContainEqual([
      'Participants present',
      '4',
      '2',
      '50',
    ]);

    // The budget burn: 800 EUR spent in January, 1,000 planned.
    const burn = await chartRows(page, 'dashboard-burn-chart');
    expect(burn).toHaveLength(13);
    expect(burn[0]?.[1]).toBe('800');
    expect(burn[11]?.[1]).toBe('800');
    expect(burn[12]).toEqual(['Planned total', '1000']);

    // The map's figures: Japan's market and its activities.
    expect(await chartRows(page, 'dashboard-map-chart')).toEqual([
      ['Japan — Earth observation', 'Japan', '2'],
    ]);

    // Upcoming: the meetings starting today.
    expect(await page.getByTestId('dashboard-upcoming').textContent()).toContain('B2B meetings in Tokyo');
    await expectNoSeriousA11yViolations(page);

    // A KPI number opens the records that make it.
    await presentRow.getByTestId('kpi-actual-link').click();
    await page.waitForURL(new RegExp(`/w/${slug}/kpis/records\\?`));
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Participants present');
    await expect.poll(() => page.getByTestId('kpi-record-row').count()).toBe(2);
    expect(await page.getByTestId('kpi-records-total').textContent()).toBe('2 records');
    expect(await page.getByTestId('kpi-records-rule').textContent()).toContain('marked present');
    const records = await page.getByTestId('kpi-records-table').textContent();
    expect(records).toContain('Kestrel Optics');
    expect(records).toContain('Nadir Systems');
    expect(records).not.toContain('Umbra Labs');
    expect(records).toContain('Export training in Leuven');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'kpi-records.png'), fullPage: true });

    // The activity of a record is one click away.
    await page.getByRole('link', { name: 'Export training in Leuven' }).first().click();
    await page.waitForURL(new RegExp(`/w/${slug}/activities/[^/]+$`));
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Export training in Leuven');
    expect(await navDashboard.getAttribute('data-active')).toBeNull();

    // Back on the dashboard, the funder report of the same period, as a PDF, read back.
    await navDashboard.click();
    await page.getByRole('link', { name: 'Funder report' }).click();
    await page.waitForURL(new RegExp(`/w/${slug}/reports\\?from=${year}-01-01&to=${year}-12-31$`));
    await page.getByRole('radio', { name: /PDF/ }).check();
    await page.getByRole('button', { name: 'Generate report' }).click();
    const ready = page.locator('[data-testid="report-row"][data-status="succeeded"]');
    await ready.waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      ready.getByRole('link', { name: /^Download PDF/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const text = await pdfText(readFileSync(await download.path()));
    expect(text).toContain('Participants present');
    expect(text).toContain('Export training in Leuven');
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it('keeps the period in the address and drills into last year’s empty figures', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in?redirect=${encodeURIComponent(`/w/${slug}/`)}`);
    await page.locator('input[name=email]').fill(EMAIL);
    await page.locator('input[name=password]').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(new RegExp(`/w/${slug}/?$`));

    await page.getByText('Last year', { exact: true }).click();
    await page.waitForURL(new RegExp(`from=${year - 1}-01-01&to=${year - 1}-12-31`));
    await expect.poll(() => page.getByTestId('headline-held').textContent()).toBe('0');
    expect(await page.getByTestId('dashboard-kpis-empty').textContent()).toContain(
      'No activities in this period',
    );
    expect(await page.getByTestId('dashboard-burn-empty').count()).toBe(1);

    await page.getByTestId('headline-held').click();
    await page.waitForURL(/\/kpis\/records\?/);
    await expect.poll(() => page.getByTestId('kpi-records-empty').count()).toBe(1);
    expect(await page.getByTestId('kpi-records-total').textContent()).toBe('0 records');
    // Back to the dashboard as it was.
    await page.getByRole('link', { name: 'Back to the dashboard' }).click();
    await page.waitForURL(new RegExp(`/w/${slug}/?\\?from=${year - 1}-01-01&to=${year - 1}-12-31$`));

    // The funder report is one click away, on the same period (its page makes and downloads it).
    await page.getByRole('link', { name: 'Funder report' }).click();
    await page.waitForURL(new RegExp(`/w/${slug}/reports\\?from=${year - 1}-01-01&to=${year - 1}-12-31$`));
    expect(await page.getByLabel(/^From\b/).inputValue()).toBe(`${year - 1}-01-01`);
    await context.close();
  });
});
