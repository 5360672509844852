import path from 'node:path';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { ARTIFACTS_DIR, launchChromium, signedInPage } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import { KpiRows } from '../support/kpi-rows.ts';
import { PlanningRows } from '../support/planning-rows.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const COORDINATOR = 'forms-coordinator@example.test';
const PASSWORD = 'forms-e2e-Passphrase-42';

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

/** Types `text` into the input with the id `id` and leaves it (blur: where clamping would happen). */
async function type(page: Page, id: string, text: string) {
  await page.locator(`#${id}`).fill(text);
  await page.locator(`#${id}`).blur();
}

// Issue 18, items 7, 10 and 11: what a newcomer trips over in the forms and on the plan page.
describe.skipIf(!chromiumPath)('forms that keep what was typed and ask only what they need', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let planPath = '';
  let studyVisitPath = '';
  let trainingPath = '';

  beforeAll(async () => {
    // A plan for Japan with three instruments and two activities: a study visit to Tokyo over three
    // days (two nights) and a training at home.
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const factory = new Factory(t.database.db);
    const planning = new PlanningRows(t.database.db);
    const kpis = new KpiRows(t.database.db);
    const workspace = await factory.workspace('Forms test consortium');
    const user = await factory.userWithPassword(PASSWORD, COORDINATOR);
    await factory.addMember(workspace.id, user.id, 'coordinator');
    const cluster = await factory.cluster(workspace.id, { name: 'Orbit Valley Cluster', short_name: 'OVC' });
    const market = await planning.marketRow(workspace.id, { owner_cluster_id: cluster.id });
    const plan = await planning.planRow(workspace.id, { market_id: market.id, name: 'Japan 2026' });
    for (const [position, key] of ['training-to-go-international', 'study-visits', 'newsletter'].entries()) {
      await kpis.planInstrument(plan.id, key, position);
    }
    const studyVisit = await planning.activityRow(workspace.id, {
      plan_id: plan.id,
      cluster_id: cluster.id,
      instrumentKey: 'study-visits',
      title: 'Fact-finding mission to Tokyo',
      country: 'JP',
      city: 'Tokyo',
      starts_on: '2026-03-02',
      ends_on: '2026-03-04',
    });
    const training = await planning.activityRow(workspace.id, {
      plan_id: plan.id,
      cluster_id: cluster.id,
      title: 'Export training in Leuven',
      starts_on: '2026-02-10',
      ends_on: '2026-02-10',
    });
    planPath = `/w/${workspace.slug}/plans/${plan.id}`;
    studyVisitPath = `/w/${workspace.slug}/activities/${studyVisit.id}`;
    trainingPath = `/w/${workspace.slug}/activities/${training.id}`;
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('keeps a negative budget cap (not 0) and an overlong reason (not cut) as typed, and says why on the field', async () => {
    const page = await signedIn(browser, baseUrl, COORDINATOR, planPath);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const planForm = page.getByTestId('plan-form');
    await type(page, 'plan-budgetCapEur', '-5000');
    expect(await page.locator('#plan-budgetCapEur').inputValue()).toBe('-5,000');
    await planForm.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.locator('#plan-budgetCapEur-error').textContent()).toMatch(/negative/);
    // A cent more than the form takes is not cut off either.
    await type(page, 'plan-budgetCapEur', '1200.555');
    expect(await page.locator('#plan-budgetCapEur').inputValue()).toBe('1,200.555');
    await planForm.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.locator('#plan-budgetCapEur-error').textContent()).toMatch(/two decimals/);
    // A reason pasted past its 2,000 characters keeps its end, and the field says it is too long.
    const rationale = page.locator('#plan-rationale-training-to-go-international');
    await rationale.fill(`${'Prepare the members first. '.repeat(74)}The end.`);
    expect((await rationale.inputValue()).endsWith('The end.')).toBe(true);
    await expect
      .poll(() => page.locator('#plan-rationale-training-to-go-international-error').textContent())
      .toBe('must be at most 2000 characters');
    await page.context().close();
  });

  it('keeps a negative amount as typed (not 300) and says on the field why it is refused', async () => {
    const page = await signedIn(browser, baseUrl, COORDINATOR, studyVisitPath);
    await page.getByRole('button', { name: 'Record actual cost' }).click();
    const lineForm = page.getByTestId('cost-line-form');
    await page.locator('#cost-line-description').fill('Refund');
    await type(page, 'cost-line-amountEur', '-300');
    expect(await page.locator('#cost-line-amountEur').inputValue()).toBe('-300');
    await lineForm.getByRole('button', { name: 'Add line' }).click();
    await expect.poll(() => page.locator('#cost-line-amountEur-error').textContent()).toMatch(/negative/);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'cost-line-negative.png') });
    await page.context().close();
  });

  it('keeps a negative or fractional target as typed (not 5, not 25) and says why it is refused', async () => {
    const page = await signedIn(browser, baseUrl, COORDINATOR, studyVisitPath);
    await page.getByRole('button', { name: 'Set a target for Participants present' }).click();
    const targetForm = page.getByTestId('kpi-target-form');
    await type(page, 'kpi-target-value', '-5');
    expect(await page.locator('#kpi-target-value').inputValue()).toBe('-5');
    await targetForm.getByRole('button', { name: 'Save target' }).click();
    await expect.poll(() => page.locator('#kpi-target-value-error').textContent()).toMatch(/negative/);
    await type(page, 'kpi-target-value', '2.5');
    expect(await page.locator('#kpi-target-value').inputValue()).toBe('2.5');
    await targetForm.getByRole('button', { name: 'Save target' }).click();
    await expect.poll(() => page.locator('#kpi-target-value-error').textContent()).toMatch(/whole/);
    await page.context().close();
  });

  it('keeps negative or fractional estimate counts as typed (not 2, not 25) and says why they are refused', async () => {
    const page = await signedIn(browser, baseUrl, COORDINATOR, studyVisitPath);
    await type(page, 'estimate-units', '-2');
    expect(await page.locator('#estimate-units').inputValue()).toBe('-2');
    await type(page, 'estimate-travellers', '2.5');
    expect(await page.locator('#estimate-travellers').inputValue()).toBe('2.5');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => page.locator('#estimate-units-error').textContent()).toMatch(/whole number/);
    expect(await page.locator('#estimate-travellers-error').textContent()).toMatch(/whole number/);
    expect(await page.getByTestId('estimate-result').count()).toBe(0);
    await page.context().close();
  });

  it('asks only for what the instrument’s budget model needs, prefilled from the activity, in plain words', async () => {
    const page = await signedIn(browser, baseUrl, COORDINATOR, studyVisitPath);
    const form = page.getByTestId('estimate-form');
    await form.waitFor();

    // A study visit: missions, travellers, nights and destination, and the day rate; nothing else.
    for (const shown of ['units', 'travellers', 'nights', 'destination', 'dayRateEur']) {
      expect(await page.locator(`#estimate-${shown}`).count(), shown).toBe(1);
    }
    for (const hidden of ['months', 'issues', 'entities']) {
      expect(await page.locator(`#estimate-${hidden}`).count(), hidden).toBe(0);
    }
    expect(await form.getByLabel('Missions').count()).toBe(1);
    // Destination from the activity's country, nights from its dates (2 to 4 March: two nights).
    expect(await page.locator('#estimate-destination').inputValue()).toBe('Japan (JP)');
    expect(await page.locator('#estimate-nights').inputValue()).toBe('2');
    // Each input says what it is for.
    const text = (await form.textContent()) ?? '';
    expect(text).toContain('travel, accommodation and meals');
    expect(text).toContain('D4.2 counts 2–3');

    // What is missing is said in words, on its field, before anything is sent.
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect
      .poll(() => page.locator('#estimate-units-error').textContent())
      .toBe('Give the number of missions.');
    const travellers = (await page.locator('#estimate-travellers-error').textContent()) ?? '';
    expect(travellers).toBe('Give the number of travellers on each mission.');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'estimate-study-visit.png'), fullPage: true });

    // Filled in: 1 mission of 3 travellers to Japan, 2 nights at the cluster's 450 EUR.
    await page.locator('#estimate-units').fill('1');
    await page.locator('#estimate-travellers').fill('3');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => page.getByTestId('estimate-total').textContent()).toMatch(/^€\d/);
    expect(await page.getByTestId('estimate-result').textContent()).toContain('3 travellers');

    // A training: the number of packages only.
    await page.goto(`${baseUrl}${trainingPath}`);
    await form.waitFor();
    expect(await page.locator('#estimate-units').count()).toBe(1);
    for (const hidden of ['months', 'issues', 'entities', 'travellers', 'nights', 'destination']) {
      expect(await page.locator(`#estimate-${hidden}`).count(), hidden).toBe(0);
    }
    expect(await form.getByLabel('Training packages').count()).toBe(1);
    await page.context().close();
  });

  it('opens a plan on its timeline, with the other parts on tabs kept in the address', async () => {
    const page = await signedIn(browser, baseUrl, COORDINATOR, planPath);
    const timeline = page.getByTestId('plan-timeline');
    await expect.poll(() => timeline.locator('svg').count()).toBeGreaterThan(0);
    // The timeline is in the first screen, not under the KPI tables.
    const box = await timeline.boundingBox();
    expect(box?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(1000);
    expect(await page.getByTestId('plan-kpi-targets').count()).toBe(0);

    await page.getByRole('tab', { name: 'KPI targets' }).click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'kpis');
    await expect.poll(() => page.getByTestId('plan-kpi-group').count()).toBe(4);
    await page.reload();
    await expect.poll(() => page.getByTestId('plan-kpi-group').count()).toBe(4);
    expect(await page.getByRole('tab', { name: 'KPI targets' }).getAttribute('aria-selected')).toBe('true');
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('tab', { name: 'Instruments' }).click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'instruments');
    await expect.poll(() => page.getByTestId('plan-instrument').count()).toBe(3);
    await page.goBack();
    await expect.poll(() => page.getByTestId('plan-kpi-group').count()).toBe(4);
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.waitForURL((url) => !url.searchParams.has('tab'));
    await expect.poll(() => page.getByTestId('plan-activities').count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'plan-page-tabs.png'), fullPage: true });
    await page.context().close();
  });

  it('lets a signed-out visitor in without a console error', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const errors: string[] = [];
    const collect = (message: ConsoleMessage) => {
      if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
    };
    page.on('console', collect);
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(`${baseUrl}/catalogue`);
    await expect.poll(() => page.getByTestId('instrument-card').count()).toBe(17);
    await page.goto(`${baseUrl}${planPath}`);
    await page.waitForURL(/\/sign-in\?redirect=/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says a refused sign-in in words, without a status code', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.locator('input[name=email]').fill(COORDINATOR);
    await page.locator('input[name=password]').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByTestId('sign-in-error');
    await expect.poll(() => alert.textContent()).toContain('incorrect');
    expect(await alert.textContent()).not.toMatch(/HTTP|401/);
    await context.close();
  });
});
