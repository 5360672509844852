import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { refreshKpiActuals } from '../../src/features/kpis/actuals.ts';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { ARTIFACTS_DIR, launchChromium, signedInPage } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import { KpiRows } from '../support/kpi-rows.ts';
import { PlanningRows } from '../support/planning-rows.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const COORDINATOR = 'kpi-coordinator@example.test';
const VIEWER = 'kpi-viewer@example.test';
const PASSWORD = 'kpi-panel-e2e-Passphrase-42';
const MARKET_SURVEYS = '1.3.4 Market Surveys & Study';

/** Signs in as `email` in a new browser context and opens `path`. */
async function signedIn(browser: Browser, baseUrl: string, email: string, path: string): Promise<Page> {
  return signedInPage(browser, baseUrl, {
    email,
    password: PASSWORD,
    redirect: path,
    viewport: { width: 1400, height: 1000 },
    timeout: 15_000,
  });
}

/** The card of one KPI on the activity page. */
const kpiCard = (page: Page, kpiKey: string) =>
  page.locator(`[data-testid="activity-kpi"][data-kpi="${kpiKey}"]`);

// The tests run in order on one workspace: the coordinator's changes are what the viewer sees.
describe.skipIf(!chromiumPath)('KPIs on the activity and plan pages in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let activityPath = '';
  let planPath = '';

  beforeAll(async () => {
    // A market study of a plan (its instrument chosen, its KPIs entered by hand), two member
    // organisations taking part. (A study visit's contacts mapped come from interactions.)
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const factory = new Factory(t.database.db);
    const planning = new PlanningRows(t.database.db);
    const workspace = await factory.workspace('KPI test consortium');
    const coordinator = await factory.userWithPassword(PASSWORD, COORDINATOR);
    await factory.addMember(workspace.id, coordinator.id, 'coordinator');
    const viewer = await factory.userWithPassword(PASSWORD, VIEWER);
    await factory.addMember(workspace.id, viewer.id, 'viewer');
    const cluster = await factory.cluster(workspace.id, { name: 'Orbit Valley Cluster', short_name: 'OVC' });
    const market = await planning.marketRow(workspace.id, { owner_cluster_id: cluster.id });
    const plan = await planning.planRow(workspace.id, { market_id: market.id, name: 'Japan 2026' });
    await new KpiRows(t.database.db).planInstrument(plan.id, 'market-surveys-study');
    const activity = await planning.activityRow(workspace.id, {
      plan_id: plan.id,
      cluster_id: cluster.id,
      instrumentKey: 'market-surveys-study',
      title: 'Market study of Tokyo',
    });
    for (const name of ['Kestrel Optics', 'Orbitech']) {
      const organisation = await factory.organisation(workspace.id, cluster.id, { name });
      await planning.participantRow(activity.id, { organisation_id: organisation.id });
    }
    await refreshKpiActuals(t.database.db, [activity.id]);
    activityPath = `/w/${workspace.slug}/activities/${activity.id}`;
    planPath = `/w/${workspace.slug}/plans/${plan.id}`;
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('marks participants present, sets a target and enters values on the activity page', async () => {
    const page = await signedIn(browser, baseUrl, COORDINATOR, activityPath);
    const present = kpiCard(page, 'present_participants');
    await expect.poll(() => present.getByTestId('kpi-actual').textContent()).toBe('0');
    expect(await present.textContent()).toContain('marked present');
    expect(await present.textContent()).toContain('From records');
    await expectNoSeriousA11yViolations(page);

    // Attendance updates at once, and the derived count follows.
    const attendance = (name: string) => page.getByRole('radiogroup', { name: `Attendance of ${name}` });
    await attendance('Kestrel Optics').getByText('Present', { exact: true }).click();
    await expect.poll(() => present.getByTestId('kpi-actual').textContent()).toBe('1');
    await attendance('Orbitech').getByText('Present', { exact: true }).click();
    await expect.poll(() => present.getByTestId('kpi-actual').textContent()).toBe('2');
    await attendance('Orbitech').getByText('Absent', { exact: true }).click();
    await expect.poll(() => present.getByTestId('kpi-actual').textContent()).toBe('1');
    await page.reload();
    await expect.poll(() => present.getByTestId('kpi-actual').textContent()).toBe('1');
    expect(await attendance('Kestrel Optics').getByRole('radio', { name: 'Present' }).isChecked()).toBe(true);

    // A target: checked in the form (a count is whole), then 4 → 25% of it.
    await page.getByRole('button', { name: 'Set a target for Participants present' }).click();
    const targetForm = page.getByTestId('kpi-target-form');
    await page.locator('#kpi-target-value').fill('4');
    await targetForm.getByRole('button', { name: 'Save target' }).click();
    await targetForm.waitFor({ state: 'detached' });
    await expect.poll(() => present.getByTestId('kpi-target').textContent()).toBe('4');
    expect(await present.getByTestId('kpi-figures').textContent()).toContain('25% of the target');
    expect(await present.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');

    // A value entered by hand, with a comment; then corrected. (The diversity of stakeholders is
    // derived from survey respondents since issue 23; the share of the market covered is entered.)
    const contacts = kpiCard(page, 'market_covered');
    expect(await contacts.textContent()).toContain('Entered by hand');
    await page.getByRole('button', { name: 'Add a value for Percentage of market covered' }).click();
    const entryForm = page.getByTestId('kpi-entry-form');
    await entryForm.getByRole('button', { name: 'Add value' }).click();
    await expect.poll(() => page.locator('#kpi-entry-value-error').textContent()).toBe('is required');
    await page.locator('#kpi-entry-value').fill('12');
    await page.locator('#kpi-entry-comment').fill('Met at the JAXA open day');
    await entryForm.getByRole('button', { name: 'Add value' }).click();
    await entryForm.waitFor({ state: 'detached' });
    await expect.poll(() => contacts.getByTestId('kpi-actual').textContent()).toMatch(/^12\s?%$/);
    const row = contacts.getByTestId('kpi-entry-row');
    expect(await row.textContent()).toContain('Met at the JAXA open day');
    expect(await row.textContent()).toContain('Test User');
    await contacts.getByRole('button', { name: /^Edit the value of / }).click();
    await page.locator('#kpi-entry-value').fill('14');
    await page.getByTestId('kpi-entry-form').getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => contacts.getByTestId('kpi-actual').textContent()).toMatch(/^14\s?%$/);

    // A remark (text), then deleted after confirmation.
    const remarks = kpiCard(page, 'new_knowledge_acquired');
    await page.getByRole('button', { name: 'Add a value for New knowledge acquired' }).click();
    await page.locator('#kpi-entry-value').fill('Integrators want a local partner.');
    await page.getByTestId('kpi-entry-form').getByRole('button', { name: 'Add value' }).click();
    await expect.poll(() => remarks.getByTestId('kpi-entry-row').count()).toBe(1);
    expect(await remarks.textContent()).toContain('Integrators want a local partner.');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'activity-kpis.png'), fullPage: true });
    await remarks.getByRole('button', { name: /^Delete the value of / }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete value' }).click();
    await expect.poll(() => remarks.getByTestId('kpi-entry-row').count()).toBe(0);
    await page.context().close();
  });

  it('sets and clears plan targets per instrument and for the Hub KPIs on the plan page', async () => {
    const page = await signedIn(browser, baseUrl, COORDINATOR, planPath);
    // The KPI targets are on their own tab of the plan page.
    await page.getByRole('tab', { name: 'KPI targets' }).click();
    const section = page.getByTestId('plan-kpi-targets');
    await expect.poll(() => section.getByTestId('plan-kpi-group').count()).toBe(2);
    const target = (instrument: string, kpiKey: string) =>
      section
        .locator(`[data-testid="plan-kpi-group"][data-instrument="${instrument}"]`)
        .locator(`[data-testid="plan-kpi-row"][data-kpi="${kpiKey}"]`)
        .getByTestId('plan-kpi-target');

    await page
      .getByRole('button', {
        name: `Set a target for Diversity of interested stakeholders (${MARKET_SURVEYS})`,
      })
      .click();
    await page.locator('#kpi-target-value').fill('120');
    await page.getByTestId('kpi-target-form').getByRole('button', { name: 'Save target' }).click();
    const surveys = await section.getByTestId('plan-kpi-group').nth(1).getAttribute('data-instrument');
    await expect.poll(() => target(surveys as string, 'stakeholder_diversity').textContent()).toBe('120');

    await page
      .getByRole('button', { name: 'Set a target for Activities held (Every activity of the plan)' })
      .click();
    await page.locator('#kpi-target-value').fill('6');
    await page.getByTestId('kpi-target-form').getByRole('button', { name: 'Save target' }).click();
    await expect.poll(() => target('hub', 'held_activities').textContent()).toBe('6');
    expect(await target(surveys as string, 'new_knowledge_acquired').textContent()).toContain(
      'no numeric target',
    );
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'plan-kpi-targets.png'), fullPage: true });

    await page
      .getByRole('button', { name: 'Clear the target for Activities held (Every activity of the plan)' })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Clear target' }).click();
    await expect.poll(() => target('hub', 'held_activities').textContent()).toBe('no target');
    await page.context().close();
  });

  it('shows a viewer the KPIs and attendance without edit actions', async () => {
    const page = await signedIn(browser, baseUrl, VIEWER, activityPath);
    const present = kpiCard(page, 'present_participants');
    await expect.poll(() => present.getByTestId('kpi-actual').textContent()).toBe('1');
    expect(await present.getByTestId('kpi-target').textContent()).toBe('4');
    expect(await page.getByRole('radiogroup').count()).toBe(0);
    expect(await page.getByTestId('activity-participants').textContent()).toContain('Present');
    expect(await page.getByRole('button', { name: /^(Set|Edit|Clear) .*target/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Add a value/ }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await page.goto(`${baseUrl}${planPath}?tab=kpis`);
    await expect.poll(() => page.getByTestId('plan-kpi-row').count()).toBeGreaterThan(3);
    expect(await page.getByTestId('plan-kpi-targets').getByRole('button').count()).toBe(0);
    await page.context().close();
  });
});
