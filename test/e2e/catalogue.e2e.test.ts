import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');

describe.skipIf(!chromiumPath)('instrument catalogue in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the 17 instruments in three phase columns and opens an instrument page', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await page.goto(`${baseUrl}/catalogue`);
    await expect.poll(() => page.getByTestId('instrument-card').count()).toBe(17);
    for (const [phase, count] of [
      ['preparatory', 6],
      ['leads', 5],
      ['sustain', 6],
    ] as const) {
      expect(await page.getByTestId(`phase-${phase}`).getByTestId('instrument-card').count()).toBe(count);
    }
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'catalogue.png'), fullPage: true });

    await page
      .getByTestId('instrument-card')
      .filter({ hasText: 'Study Visits' })
      .getByRole('link')
      .first()
      .click();
    await page.waitForURL(/\/catalogue\/study-visits$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Study Visits');
    const formula = await page.getByTestId('budget-formula').textContent();
    expect(formula).toContain('8 days');
    expect(formula).toContain('2–3');
    expect(await page.getByTestId('kpi-row').count()).toBe(3);
    await expectNoSeriousA11yViolations(page);

    const screenshot = path.join(ARTIFACTS_DIR, 'instrument-study-visits.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(cspViolations).toEqual([]);
    expect(existsSync(screenshot) && statSync(screenshot).size).toBeGreaterThan(10_000);
    await context.close();
  });

  it('deep-links to an instrument page and shows a not-found state for an unknown key', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/catalogue/matchmaking-events`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Matchmaking');
    expect(await page.getByTestId('budget-formula').textContent()).toContain('1,500 EUR');

    await page.goto(`${baseUrl}/catalogue/no-such-instrument`);
    await expect.poll(() => page.getByTestId('instrument-not-found').count()).toBe(1);
    expect(await page.getByTestId('instrument-not-found').textContent()).toContain('no-such-instrument');
    await context.close();
  });

  it('renders the API reference page under its content security policy', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${baseUrl}/api/docs/`);
    await expect.poll(() => page.getByText('SPACE2ID Hub API').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('/api/v1/instruments/{key}').count()).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    await context.close();
  });
});
