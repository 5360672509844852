import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemo } from '../../src/app/seed-demo.ts';
import { DEMO_PASSWORD } from '../../src/features/demo/seed-demo.ts';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { launchChromium, signedInPage } from '../support/browser.ts';
import { settle, sidewaysScroll } from '../support/layout-checks.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const COORDINATOR = 'coordinator@demo.space2id.example';
/** Pages change and dialogs fade on a busy machine: give them time. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

async function choose(page: Page, id: string, option: string) {
  await page.locator(`#${id}`).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const eur = (text: string) => Number(text.replaceAll(',', ''));

/**
 * Issue 20, item 2, as the demo coordinator: copy the D4.2 training instrument, change its day
 * count (the formula preview follows as one types), plan an activity with the copy and see its
 * estimate follow the adapted model.
 */
describe.skipIf(!chromiumPath)('custom instruments in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let plan: { id: string; name: string };

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    await seedDemo(t.database.db);
    plan = await t.database.db
      .selectFrom('plan')
      .select(['id', 'name'])
      .orderBy('starts_on')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('copies the training instrument, changes its day count, plans an activity with it and estimates from the new model', async () => {
    const page = await signedInPage(browser, baseUrl, {
      email: COORDINATOR,
      password: DEMO_PASSWORD,
      viewport: DESKTOP,
      redirect: '/catalogue/training-to-go-international',
    });
    // The demo's own instrument is in the catalogue's Custom group, beside the D4.2 reference.
    await page.goto(`${baseUrl}/catalogue`);
    await poll(() => page.getByTestId('custom-instruments').textContent()).toContain(
      'Training to go international, extended (6 days)',
    );

    await page.goto(`${baseUrl}/catalogue/training-to-go-international`);
    await page.getByRole('button', { name: 'Copy to adapt' }).click();
    await page.waitForURL(/\/w\/demo\/instruments\/training-to-go-international-adapted$/);
    const preview = page.getByTestId('formula-preview');
    await poll(() => preview.textContent()).toBe('4 days × day rate per training package');

    // The live preview runs the domain's formula as one types; an impossible figure says so.
    const days = page.getByRole('textbox', { name: 'Days' });
    await days.fill('-3');
    await poll(() => page.getByText('Fix the highlighted items to see the formula.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(true);
    await days.fill('7');
    await poll(() => preview.textContent()).toBe('7 days × day rate per training package');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await poll(() => page.getByText('Changes saved').count()).toBe(1);
    await expectNoSeriousA11yViolations(page);

    // What differs from D4.2: the name and the day count.
    await page.getByRole('tab', { name: 'Differs from D4.2' }).click();
    const differences = page.getByTestId('instrument-differences');
    await poll(() => differences.textContent()).toContain('Budget item 1 · Changed');
    expect(await differences.textContent()).toContain('4 days × day rate per training package');
    expect(await differences.textContent()).toContain('7 days × day rate per training package');
    await expectNoSeriousA11yViolations(page);

    // Plan an activity with it, in a demo plan; the picker labels it as custom.
    await page.goto(`${baseUrl}/w/demo/plans/${plan.id}`);
    await page.getByRole('button', { name: 'Add activity' }).first().click();
    const form = page.getByTestId('activity-form');
    await choose(page, 'activity-instrumentKey', 'C2 Training to go international (adapted) (custom)');
    await page.locator('#activity-title').fill('Seven-day export training');
    await form.getByRole('button', { name: 'Add activity' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Seven-day export training' }).click();
    await page.waitForURL(/\/w\/demo\/activities\/[^/]+$/);

    // 2 packages × 7 days (the D4.2 model: × 4 days) at the activity's day rate.
    await page.locator('#estimate-units').fill('2');
    await choose(page, 'estimate-fundingSource', 'EU programme');
    await page.getByRole('button', { name: 'Preview' }).click();
    await poll(() => page.getByTestId('estimate-result').textContent()).toMatch(
      /14 days × [\d,]+ EUR = [\d,]+ EUR/,
    );
    const [, rate = '0', total = '0'] =
      /14 days × ([\d,]+) EUR = ([\d,]+) EUR/.exec(
        (await page.getByTestId('estimate-result').textContent()) ?? '',
      ) ?? [];
    expect(eur(total)).toBe(14 * eur(rate));
    // The D4.2 original would have given 8 days: the adapted model adds 6 days at that rate.
    expect(eur(total) - 8 * eur(rate)).toBe(6 * eur(rate));
    await page.context().close();
  });

  it('shows the editor on a phone without sideways scrolling', async () => {
    const page = await signedInPage(browser, baseUrl, {
      email: COORDINATOR,
      password: DEMO_PASSWORD,
      viewport: PHONE,
      redirect: '/w/demo/instruments/training-to-go-international-extended',
    });
    await poll(() => page.getByTestId('formula-preview').textContent()).toBe(
      '6 days × day rate per training package',
    );
    await settle(page);
    expect(await sidewaysScroll(page)).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await page.context().close();
  });
});
