import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemo } from '../../src/app/seed-demo.ts';
import { DEMO_PASSWORD } from '../../src/features/demo/seed-demo.ts';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { launchChromium, signedInPage } from '../support/browser.ts';
import { sidewaysScroll } from '../support/layout-checks.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const PHONE = { width: 390, height: 844 };
const COUNTERPART = 'Kansai Space Innovation Hub';

/**
 * Issue 21 item 2: at a fair's stand, on a phone, a coordinator logs an interaction at a trade
 * fair of the demo from the quick entry (adding the organisation met inline), sees it on the
 * activity's timeline, and the fair's "new contacts" counts it.
 */
describe.skipIf(!chromiumPath)('recording an interaction on a phone', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let fair: { id: string; title: string };

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const db = t.database.db;
    await seedDemo(db);
    fair = await db
      .selectFrom('activity')
      .innerJoin('instrument', 'instrument.id', 'activity.instrument_id')
      .select(['activity.id', 'activity.title'])
      .where('instrument.key', '=', 'trade-fairs')
      .where('activity.status', '!=', 'cancelled')
      .orderBy('activity.starts_on')
      .executeTakeFirstOrThrow();
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const newContacts = async () => {
    const row = await t.database.db
      .selectFrom('kpi_actual')
      .select('value')
      .where('activity_id', '=', fair.id)
      .where('kpi_key', '=', 'new_contacts')
      .executeTakeFirst();
    return Number(row?.value ?? 0);
  };

  it('logs an interaction at a trade fair from the quick entry and shows it on the fair’s timeline', async () => {
    const before = await newContacts();
    const page = await signedInPage(browser, baseUrl, {
      email: 'coordinator@demo.space2id.example',
      password: DEMO_PASSWORD,
      viewport: PHONE,
      redirect: `/w/demo/activities/${fair.id}`,
    });
    const section = page.getByTestId('activity-interactions');
    await section.scrollIntoViewIfNeeded();
    await section.getByRole('link', { name: 'Log an interaction here' }).click();
    await page.waitForURL((url) => url.pathname === '/w/demo/network/interactions/new');
    await page.getByRole('heading', { name: 'Log an interaction', level: 1 }).waitFor();
    // The activity comes from the address.
    await expect.poll(() => page.locator('#quick-activityId').inputValue()).toContain(fair.title);
    await expectNoSeriousA11yViolations(page);
    expect(await sidewaysScroll(page)).toBe(0);

    await page.getByTestId('quick-kind-event_encounter').click();
    expect(await page.getByTestId('quick-kind-event_encounter').getAttribute('aria-pressed')).toBe('true');
    // Saving without an organisation names the field.
    await page.getByTestId('quick-save').click();
    await expect.poll(() => page.getByText('Pick an organisation or add a new one').count()).toBe(1);

    await page.keyboard.press('Escape');
    await page.getByTestId('quick-add-organisation').click();
    await page.locator('#quick-orgName').fill(COUNTERPART);
    await page.locator('#quick-orgCountry').fill('Japan');
    await page.getByRole('option', { name: 'Japan' }).click();
    await page.locator('#quick-notes').fill('Wants a ground-station partner for their lunar relay.');
    await page.locator('#quick-nextStep').fill('Send the members’ capability sheet');
    await expectNoSeriousA11yViolations(page);
    await page.getByTestId('quick-save').click();

    const saved = page.getByTestId('quick-saved');
    await saved.waitFor();
    await expect.poll(() => saved.textContent()).toContain(COUNTERPART);
    await expectNoSeriousA11yViolations(page);
    expect(await newContacts()).toBe(before + 1);

    await page.getByTestId('quick-back-to-activity').click();
    await page.waitForURL((url) => url.pathname === `/w/demo/activities/${fair.id}`);
    const item = page
      .getByTestId('activity-interactions')
      .getByTestId('interaction-item')
      .filter({ hasText: COUNTERPART });
    await item.waitFor();
    await expect.poll(() => item.textContent()).toContain('Encounter at an event');
    await expect.poll(() => item.textContent()).toContain('Send the members’ capability sheet');
    await item.scrollIntoViewIfNeeded();
    await expectNoSeriousA11yViolations(page);
    expect(await sidewaysScroll(page)).toBe(0);

    // The next step is done from the timeline.
    await item.getByRole('button', { name: /Mark the next step/ }).click();
    await expect.poll(() => item.textContent()).toContain('done on');
    await page.context().close();
  });
});
