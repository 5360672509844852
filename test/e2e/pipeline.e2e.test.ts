import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { launchChromium, signedInPage } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import { sidewaysScroll } from '../support/layout-checks.ts';
import { PipelineRows, relationshipRow } from '../support/pipeline-factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const COORDINATOR = 'pipeline@example.test';
const PASSWORD = 'partnership-pipeline-e2e-Passphrase-42';

/**
 * Issue 21's journey: a relationship met at a trade fair is moved to "partner" on the board with
 * the KEYBOARD only, attributed to the fair; the fair's "new partners" KPI rises on its page and
 * its records list that relationship.
 */
describe.skipIf(!chromiumPath)('the partnership pipeline in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let slug: string;
  let fair: { id: string; instrument_id: string };
  let relationshipId: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const factory = new Factory(t.database.db);
    const workspace = await factory.workspace('Pipeline consortium');
    slug = workspace.slug;
    const coordinator = await factory.userWithPassword(PASSWORD, COORDINATOR);
    await factory.addMember(workspace.id, coordinator.id, 'coordinator');
    const cluster = await factory.cluster(workspace.id, { short_name: 'ORBIT' });
    const today = new Date().toISOString().slice(0, 10);
    fair = await factory.activity(workspace.id, null, {
      instrument: 'trade-fairs',
      title: 'Space Tech Expo',
      starts_on: today,
      ends_on: today,
      status: 'done',
    });
    const counterpart = await new PipelineRows(t.database.db).networkOrganisation(workspace.id, {
      name: 'Kansai Satellite Works',
      country: 'JP',
    });
    relationshipId = (
      await relationshipRow(t.database.db, workspace.id, {
        ourClusterId: cluster.id,
        networkOrganisationId: counterpart.id,
        stage: 'met',
        startedOn: '2026-01-15',
      })
    ).id;
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const newPartners = (page: Page) =>
    page.locator('[data-testid=activity-kpi][data-kpi=new_partners]').getByTestId('kpi-actual').textContent();

  it('moves a relationship to partner with the keyboard, and the trade fair counts it', async () => {
    const page = await signedInPage(browser, baseUrl, {
      email: COORDINATOR,
      password: PASSWORD,
      redirect: `/w/${slug}/activities/${fair.id}`,
    });
    await expect.poll(() => newPartners(page)).toBe('0');

    await page.getByTestId('workspace-nav').getByRole('link', { name: 'Pipeline' }).click();
    await page.waitForURL((url) => url.pathname === `/w/${slug}/network/pipeline`);
    await page.getByRole('heading', { name: 'Partnership pipeline', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('pipeline-count-met').textContent()).toBe('1');
    await expectNoSeriousA11yViolations(page);

    // Keyboard only: focus the card's handle, pick it up, two columns right, drop.
    const handle = page.getByTestId('pipeline-card-handle');
    await handle.focus();
    await page.keyboard.press('Space');
    // Picked up (announced, then over its own column) before it moves: an arrow pressed sooner is
    // lost on a busy machine.
    await expect
      .poll(() => page.locator('[id^=DndLiveRegion]').first().textContent())
      .toMatch(/Picked up|is over Met/);
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.locator('#DndLiveRegion-0, [id^=DndLiveRegion]').first().textContent())
      .toContain('Potential partner');
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.locator('[id^=DndLiveRegion]').first().textContent())
      .toContain('Kansai Satellite Works is over Partner');
    await page.keyboard.press('Space');

    const dialog = page.getByRole('dialog', { name: 'Move Kansai Satellite Works' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('New stage').inputValue()).toBe('Partner');
    // The activity around today: the trade fair, chosen with the keyboard too.
    const activity = dialog.getByRole('textbox', { name: 'Activity it is attributed to' });
    await activity.focus();
    await activity.fill('Space Tech');
    await page.getByRole('option', { name: /Space Tech Expo/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: 'Record the change' }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('pipeline-count-partner').textContent()).toBe('1');
    await expect.poll(() => page.getByTestId('pipeline-count-met').textContent()).toBe('0');

    // The relationship's history names the fair.
    await page.getByRole('link', { name: 'Kansai Satellite Works' }).click();
    await page.waitForURL((url) => url.pathname === `/w/${slug}/network/relationships/${relationshipId}`);
    const history = page.getByTestId('stage-history-row');
    await expect.poll(() => history.count()).toBe(2);
    expect(await history.nth(1).textContent()).toContain('Space Tech Expo');
    await expectNoSeriousA11yViolations(page);

    // The fair's "new partners" rose, and its records are that relationship.
    await page.goto(`${baseUrl}/w/${slug}/activities/${fair.id}`);
    await expect.poll(() => newPartners(page)).toBe('1');
    await page.goto(
      `${baseUrl}/w/${slug}/kpis/records?kpiKey=new_partners&instrumentId=${fair.instrument_id}&groupBy=activity&groupKey=${fair.id}`,
    );
    const record = page.getByTestId('kpi-record-row');
    await expect.poll(() => record.count()).toBe(1);
    expect(await record.textContent()).toContain('Kansai Satellite Works with ORBIT: partner on');
    expect(await record.textContent()).toContain('Stage change');
    await page.context().close();
  });

  it('shows the board on a phone without sideways page scroll', async () => {
    const page = await signedInPage(browser, baseUrl, {
      email: COORDINATOR,
      password: PASSWORD,
      redirect: `/w/${slug}/network/pipeline`,
      viewport: { width: 390, height: 844 },
    });
    await page.getByTestId('pipeline-board').waitFor();
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page);
    await page.context().close();
  });
});
