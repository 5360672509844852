import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { launchChromium, signedInPage } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const COORDINATOR = 'roadmap@example.test';
const PASSWORD = 'recommended-roadmap-e2e-Passphrase-42';
const PHONE = { width: 390, height: 844 };

describe.skipIf(!chromiumPath)('the recommended roadmap in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let workspace: { id: string; slug: string };
  let marketId: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const factory = new Factory(t.database.db);
    workspace = await factory.workspace('Roadmap consortium');
    const coordinator = await factory.userWithPassword(PASSWORD, COORDINATOR);
    await factory.addMember(workspace.id, coordinator.id, 'coordinator');
    const cluster = await factory.cluster(workspace.id);
    marketId = (
      await factory.market(workspace.id, { name: 'Japan', country: 'JP', owner_cluster_id: cluster.id })
    ).id;
    for (const name of ['Orbital Works', 'Kite Sensors', 'Lumen Optics']) {
      await factory.organisation(workspace.id, cluster.id, { name, target_market_interests: '["JP"]' });
    }
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('moves the budget slider, accepts the recommendation into a plan and sees its activities and costed lines', async () => {
    const page = await signedInPage(browser, baseUrl, {
      email: COORDINATOR,
      password: PASSWORD,
      redirect: `/w/${workspace.slug}/markets/${marketId}`,
    });
    const section = page.getByTestId('market-roadmap');
    await section.getByTestId('roadmap-proof').waitFor();
    const total = section.getByTestId('roadmap-total');
    const before = await total.textContent();
    const chosenBefore = await section.getByTestId('roadmap-chosen').textContent();
    // The slider re-optimises as it moves (keyboard: a few steps up, then to its end).
    await section.getByRole('slider', { name: 'Budget cap slider' }).focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('End');
    await expect.poll(async () => section.getByTestId('roadmap-total').textContent()).not.toBe(before);
    expect(await section.getByTestId('roadmap-chosen').textContent()).not.toBe(chosenBefore);
    await expectNoSeriousA11yViolations(page);

    await section.getByTestId('roadmap-accept').click();
    const form = page.getByTestId('roadmap-accept-form');
    await form.getByLabel('Plan name').fill('Japan recommended');
    await form.getByTestId('roadmap-accept-confirm').click();
    await page.waitForURL((url) => url.pathname.startsWith(`/w/${workspace.slug}/plans/`));
    await page.getByRole('heading', { name: 'Japan recommended', level: 1 }).waitFor();
    const planId = new URL(page.url()).pathname.split('/').at(-1) as string;
    const activities = await t.database.db
      .selectFrom('activity')
      .select(['id', 'title'])
      .where('plan_id', '=', planId)
      .execute();
    expect(activities.length).toBeGreaterThan(0);
    await page
      .getByText(activities[0]?.title as string, { exact: true })
      .first()
      .waitFor();
    const lines = await t.database.db
      .selectFrom('cost_line')
      .select('id')
      .where(
        'activity_id',
        'in',
        activities.map((a) => a.id),
      )
      .execute();
    expect(lines.length).toBeGreaterThan(0);
  });

  it('fits a phone: no sideways scroll, the reasons readable', async () => {
    const page = await signedInPage(browser, baseUrl, {
      email: COORDINATOR,
      password: PASSWORD,
      redirect: `/w/${workspace.slug}/markets/${marketId}`,
      viewport: PHONE,
    });
    const section = page.getByTestId('market-roadmap');
    await section.getByTestId('roadmap-proof').waitFor();
    await section.getByTestId('roadmap-rejected').waitFor();
    const width = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(width, 'no horizontal page scroll on a phone').toBeLessThanOrEqual(PHONE.width);
    await expectNoSeriousA11yViolations(page);
  });
});
