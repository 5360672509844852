import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { launchChromium, signedInPage } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import { sidewaysScroll } from '../support/layout-checks.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const COORDINATOR = 'journey@example.test';
const PASSWORD = 'network-journey-e2e-Passphrase-42';
const COUNTERPART = 'Kansai Satellite Works';
const PHONE = { width: 390, height: 844 };

/**
 * Issue 21's whole journey, as its "done when" asks: at a trade fair, from a phone, the cluster's
 * staff logs an encounter with an organisation met at the stand (added on the spot); back at the
 * desk, the organisation joins the pipeline, is moved to "partner" on the board with the keyboard
 * and attributed to the fair; the fair's "new partners" rises and drills down to that relationship.
 */
describe.skipIf(!chromiumPath)('the network journey: a fair, a contact, a partner', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let slug: string;
  let fair: { id: string; title: string };

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const factory = new Factory(t.database.db);
    const workspace = await factory.workspace('Journey consortium');
    slug = workspace.slug;
    const coordinator = await factory.userWithPassword(PASSWORD, COORDINATOR);
    await factory.addMember(workspace.id, coordinator.id, 'coordinator');
    await factory.cluster(workspace.id, { short_name: 'ORBIT' });
    const today = new Date().toISOString().slice(0, 10);
    fair = await factory.activity(workspace.id, null, {
      instrument: 'trade-fairs',
      title: 'Space Tech Expo',
      starts_on: today,
      ends_on: today,
      status: 'done',
    });
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const kpiOf = (page: Page, key: string) =>
    page.locator(`[data-testid=activity-kpi][data-kpi=${key}]`).getByTestId('kpi-actual').textContent();

  it('logs the encounter on a phone, moves the relationship to partner with the keyboard, and the fair counts it', async () => {
    // 1. At the fair, on a phone: the quick entry from the fair's page.
    const phone = await signedInPage(browser, baseUrl, {
      email: COORDINATOR,
      password: PASSWORD,
      viewport: PHONE,
      redirect: `/w/${slug}/activities/${fair.id}`,
    });
    await expect.poll(() => kpiOf(phone, 'new_contacts')).toBe('0');
    const section = phone.getByTestId('activity-interactions');
    await section.scrollIntoViewIfNeeded();
    await section.getByRole('link', { name: 'Log an interaction here' }).click();
    await phone.waitForURL((url) => url.pathname === `/w/${slug}/network/interactions/new`);
    await expect.poll(() => phone.locator('#quick-activityId').inputValue()).toContain(fair.title);
    await phone.getByTestId('quick-kind-event_encounter').click();
    await phone.getByTestId('quick-add-organisation').click();
    await phone.locator('#quick-orgName').fill(COUNTERPART);
    await phone.locator('#quick-orgCountry').fill('Japan');
    await phone.getByRole('option', { name: 'Japan' }).click();
    await phone.locator('#quick-notes').fill('Looking for a European ground-station partner.');
    expect(await sidewaysScroll(phone)).toBe(0);
    await expectNoSeriousA11yViolations(phone);
    await phone.getByTestId('quick-save').click();
    await expect.poll(() => phone.getByTestId('quick-saved').textContent()).toContain(COUNTERPART);
    await phone.getByTestId('quick-back-to-activity').click();
    await phone.waitForURL((url) => url.pathname === `/w/${slug}/activities/${fair.id}`);
    // The organisation met here for the first time is a new contact of the fair.
    await expect.poll(() => kpiOf(phone, 'new_contacts')).toBe('1');
    await expect.poll(() => kpiOf(phone, 'new_partners')).toBe('0');
    await phone.context().close();

    // 2. At the desk: the organisation's page, where it joins the pipeline as "met".
    const page = await signedInPage(browser, baseUrl, {
      email: COORDINATOR,
      password: PASSWORD,
      redirect: `/w/${slug}/network/organisations`,
    });
    await page.getByRole('link', { name: COUNTERPART }).click();
    await page.getByRole('heading', { name: COUNTERPART, level: 1 }).waitFor();
    // Its timeline holds the encounter at the fair.
    await expect
      .poll(() => page.getByTestId('network-interactions').getByTestId('interaction-item').count())
      .toBe(1);
    const relationships = page.getByTestId('relationships-section');
    await relationships.getByRole('button', { name: 'Add a relationship' }).click();
    const form = page.getByTestId('relationship-form');
    await form.waitFor();
    await form.getByRole('textbox', { name: 'Our cluster' }).click();
    await page.getByRole('option', { name: /ORBIT/ }).click();
    await form.getByRole('textbox', { name: 'Stage', exact: true }).click();
    await page.getByRole('option', { name: 'Met', exact: true }).click();
    await expectNoSeriousA11yViolations(page);
    await form.getByRole('button', { name: 'Add the relationship' }).click();
    // Added, the relationship's own page opens with its first stage.
    await page.waitForURL((url) => url.pathname.startsWith(`/w/${slug}/network/relationships/`));
    await expect.poll(() => page.getByTestId('stage-history-row').count()).toBe(1);

    // 3. The board, keyboard only: pick the card up, two columns right, drop, attribute to the fair.
    await page.getByTestId('workspace-nav').getByRole('link', { name: 'Pipeline' }).click();
    await page.waitForURL((url) => url.pathname === `/w/${slug}/network/pipeline`);
    await expect.poll(() => page.getByTestId('pipeline-count-met').textContent()).toBe('1');
    await page.getByTestId('pipeline-card-handle').focus();
    await page.keyboard.press('Space');
    // Picked up (announced, then over its own column) before it moves: an arrow pressed sooner is
    // lost on a busy machine.
    await expect
      .poll(() => page.locator('[id^=DndLiveRegion]').first().textContent())
      .toMatch(/Picked up|is over Met/);
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.locator('[id^=DndLiveRegion]').first().textContent())
      .toContain(`${COUNTERPART} is over Potential partner`);
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.locator('[id^=DndLiveRegion]').first().textContent())
      .toContain(`${COUNTERPART} is over Partner`);
    await page.keyboard.press('Space');
    const dialog = page.getByRole('dialog', { name: `Move ${COUNTERPART}` });
    await dialog.waitFor();
    const activity = dialog.getByRole('textbox', { name: 'Activity it is attributed to' });
    await activity.focus();
    await activity.fill('Space Tech');
    await page.getByRole('option', { name: /Space Tech Expo/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Record the change' }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('pipeline-count-partner').textContent()).toBe('1');

    // 4. The fair's "new partners" rose, and its records are that relationship.
    await page.goto(`${baseUrl}/w/${slug}/activities/${fair.id}`);
    await expect.poll(() => kpiOf(page, 'new_partners')).toBe('1');
    await page
      .locator('[data-testid=activity-kpi][data-kpi=new_partners]')
      .getByTestId('kpi-records-link')
      .click();
    await page.waitForURL((url) => url.pathname === `/w/${slug}/kpis/records`);
    const record = page.getByTestId('kpi-record-row');
    await expect.poll(() => record.count()).toBe(1);
    expect(await record.textContent()).toContain(`${COUNTERPART} with ORBIT: partner on`);
    await expectNoSeriousA11yViolations(page);
    await page.context().close();
  });
});
