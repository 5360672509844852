import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { launchChromium, signedInPage } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const COORDINATOR = 'events-setup@example.test';
const PASSWORD = 'b2b-events-setup-e2e-Passphrase-42';
const PHONE = { width: 390, height: 844 };

describe.skipIf(!chromiumPath)('B2B event set-up in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let workspace: { id: string; slug: string };

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const factory = new Factory(t.database.db);
    workspace = await factory.workspace('Events consortium');
    const coordinator = await factory.userWithPassword(PASSWORD, COORDINATOR);
    await factory.addMember(workspace.id, coordinator.id, 'coordinator');
    const cluster = await factory.cluster(workspace.id);
    await factory.activity(workspace.id, null, {
      instrument: '1.2.1',
      title: 'Osaka space matchmaking',
      cluster_id: cluster.id,
    });
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const noHorizontalScroll = (page: import('playwright-core').Page) =>
    page.evaluate(() => {
      const root = (
        globalThis as unknown as {
          document: { documentElement: { scrollWidth: number; clientWidth: number } };
        }
      ).document.documentElement;
      return root.scrollWidth <= root.clientWidth;
    });

  it('sets up an event on a phone: list, create from the activity, sessions with a break, slots, tables', async () => {
    const page = await signedInPage(browser, baseUrl, {
      email: COORDINATOR,
      password: PASSWORD,
      redirect: `/w/${workspace.slug}/events`,
      viewport: PHONE,
    });
    await page.getByRole('heading', { name: 'B2B matchmaking events', level: 1 }).waitFor();
    await page.getByTestId('events-empty').waitFor();
    await expectNoSeriousA11yViolations(page);
    expect(await noHorizontalScroll(page)).toBe(true);

    await page.getByTestId('event-create').click();
    await page.getByRole('textbox', { name: 'Activity' }).click();
    await page.getByRole('option', { name: /Osaka space matchmaking/ }).click();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Set up the event' }).click();

    await page.waitForURL((url) => url.pathname.startsWith(`/w/${workspace.slug}/events/`));
    await page.getByRole('heading', { name: 'Osaka space matchmaking', level: 1 }).waitFor();
    await page.getByTestId('event-setup').waitFor();
    expect(await page.getByTestId('event-status').textContent()).toBe('Draft');

    await page.getByRole('button', { name: 'Add a session' }).click();
    await page.getByLabel('Session name').fill('Morning');
    await page.getByRole('button', { name: 'Add a break' }).click();
    await page.getByTestId('event-sessions-save').click();
    await page.getByText('Sessions saved').waitFor();
    // 09:00–12:00 with the break 10:30–11:00: five 30-minute slots.
    await expect.poll(() => page.getByTestId('event-slots').locator('tbody tr').count()).toBe(5);

    await page.getByTestId('event-status-open').click();
    await expect.poll(() => page.getByTestId('event-status').textContent()).toBe('Open');
    await page.getByTestId('event-public-link').waitFor();
    await expectNoSeriousA11yViolations(page);
    expect(await noHorizontalScroll(page)).toBe(true);
  });
});
