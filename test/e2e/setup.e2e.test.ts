import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { launchChromium, signedInPage } from '../support/browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { type HubProcess, startHubProcess } from '../support/hub-process.ts';

const chromiumPath = inject('chromiumPath');
const BIN = path.resolve(import.meta.dirname, '../../bin/space2id.mjs');
const run = promisify(execFile);
const PASSWORD = 'correct horse battery staple';
const PHONE = { width: 390, height: 844 };

/** Waits until `read()` finds a match in what the Hub printed. */
async function printed(read: () => string, pattern: RegExp): Promise<string> {
  await expect.poll(() => pattern.exec(read())?.[1] ?? null, { timeout: 20_000 }).not.toBeNull();
  return pattern.exec(read())?.[1] as string;
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const w = globalThis as unknown as {
      innerWidth: number;
      document: { documentElement: { scrollWidth: number } };
    };
    return w.document.documentElement.scrollWidth - w.innerWidth;
  });
  expect(overflow).toBeLessThanOrEqual(1);
}

describe.skipIf(!chromiumPath)('setting up a consortium from an empty database', () => {
  let database: TestDatabase;
  let hub: HubProcess;
  let browser: Browser;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    hub = await startHubProcess(database.url);
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
    await database?.drop();
  });

  it('follows the printed set-up link, creates the workspace, lands in it and shows money in the chosen currency', async () => {
    const token = await printed(hub.output, /\/setup\/([A-Za-z0-9_-]+)/);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await page.goto(`${hub.url}/setup/${token}`);
    await page.getByTestId('setup-form').waitFor();
    await page.locator('input[name=name]').fill('Ada Coordinator');
    await page.locator('input[name=email]').fill('ada@example.test');
    await page.locator('input[name=password]').fill(PASSWORD);
    await page.locator('input[name=workspaceName]').fill('Nordic Space Partnership');
    expect(await page.locator('input[name=slug]').inputValue()).toBe('nordic-space-partnership');
    await page.locator('input[name=clusterName]').fill('Nordic Space Cluster');
    await page.locator('input[name=shortName]').fill('NSC');
    await page.locator('input[name=city]').fill('Oslo');
    await page.getByRole('textbox', { name: 'Country' }).fill('Norway');
    await page.getByRole('option', { name: 'Norway (NO)' }).click();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Create the workspace' }).click();
    await page.waitForURL((url) => url.pathname === '/w/nordic-space-partnership/');

    await page.goto(`${hub.url}/w/nordic-space-partnership/settings`);
    await page.getByTestId('settings-form').waitFor();
    await page.getByRole('textbox', { name: 'Currency' }).fill('US Dollar');
    await page.getByRole('option', { name: 'US Dollar (USD)' }).click();
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await page.getByTestId('settings-saved').waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.goto(`${hub.url}/w/nordic-space-partnership/clusters`);
    await expect.poll(() => page.getByText('$450.00').count()).toBeGreaterThan(0);
    expect(await page.getByText('€450.00').count()).toBe(0);

    // The link works once.
    const again = await browser.newPage();
    await again.goto(`${hub.url}/setup/${token}`);
    await again.getByTestId('setup-invalid').waitFor();
    await again.close();
    await context.close();
  });

  it('adapts the training instrument in the new workspace, plans an activity with it and estimates from the adapted model', async () => {
    // Issue 20's done-when, continued in the workspace just set up: the D4.2 training (4 days per
    // package) copied and changed to 6 days; an activity planned with the copy is estimated at 6.
    const page = await signedInPage(browser, hub.url, {
      email: 'ada@example.test',
      password: PASSWORD,
      redirect: '/catalogue/training-to-go-international',
    });
    await page.getByRole('button', { name: 'Copy to adapt' }).click();
    await page.waitForURL(
      /\/w\/nordic-space-partnership\/instruments\/training-to-go-international-adapted$/,
    );
    const preview = page.getByTestId('formula-preview');
    await expect.poll(() => preview.textContent()).toBe('4 days × day rate per training package');
    await page.getByRole('textbox', { name: 'Days' }).fill('6');
    await expect.poll(() => preview.textContent()).toBe('6 days × day rate per training package');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByText('Changes saved').count()).toBe(1);

    // A target market and a plan with the adapted instrument, as a new consortium would make them.
    await page.goto(`${hub.url}/w/nordic-space-partnership/markets`);
    await page.getByRole('button', { name: 'Add market' }).first().click();
    const marketForm = page.getByTestId('market-form');
    await page.locator('#market-name').fill('Japan — space services');
    await page.locator('#market-country').fill('Japan');
    await page.getByRole('option', { name: 'Japan (JP)' }).click();
    await marketForm.getByRole('button', { name: 'Add market' }).click();
    await page.waitForURL(/\/w\/nordic-space-partnership\/markets\/[^/]+$/);
    const year = new Date().getFullYear();
    await page.getByRole('button', { name: 'New plan' }).click();
    const planForm = page.getByTestId('plan-form');
    await page.locator('#plan-name').fill('Entering Japan');
    await page.locator('#plan-startsOn').fill(`${year + 1}-01-01`);
    await page.locator('#plan-endsOn').fill(`${year + 1}-12-31`);
    await page.locator('#plan-instruments').fill('adapted');
    await page.getByRole('option', { name: /Training to go international \(adapted\)/ }).click();
    await page.keyboard.press('Escape');
    await planForm.getByRole('button', { name: 'Create plan' }).click();
    await page.waitForURL(/\/w\/nordic-space-partnership\/plans\/[^/?]+$/);

    await page.getByRole('button', { name: 'Add activity' }).first().click();
    const activityForm = page.getByTestId('activity-form');
    await page.locator('#activity-instrumentKey').click();
    await page.getByRole('option', { name: /Training to go international \(adapted\)/ }).click();
    await page.locator('#activity-title').fill('Export training in Oslo');
    await activityForm.getByRole('button', { name: 'Add activity' }).click();
    await activityForm.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Export training in Oslo' }).click();
    await page.waitForURL(/\/w\/nordic-space-partnership\/activities\/[^/]+$/);
    await page.locator('#estimate-units').fill('2');
    await page.locator('#estimate-fundingSource').click();
    await page.getByRole('option', { name: 'EU programme', exact: true }).click();
    await page.getByRole('button', { name: 'Preview' }).click();
    // 2 packages × 6 days (not D4.2's 8) at the cluster's day rate.
    const result = page.getByTestId('estimate-result');
    await expect.poll(() => result.textContent()).toMatch(/12 days × [\d,.]+ \w+ = [\d,.]+ \w+/);
    const [, rate = '', total = ''] =
      /12 days × ([\d,.]+) \w+ = ([\d,.]+) \w+/.exec((await result.textContent()) ?? '') ?? [];
    const amount = (text: string) => Number(text.replaceAll(',', ''));
    expect(amount(rate)).toBeGreaterThan(0);
    expect(amount(total)).toBe(12 * amount(rate));
    await page.context().close();
  });

  it('lets an operator granted by the CLI rename, suspend and delete a workspace, on a desktop and a phone', async () => {
    const env = { ...process.env, DATABASE_URL: database.url, PUBLIC_URL: hub.url, SEED_DEMO: 'false' };
    const granted = await run(process.execPath, [BIN, 'operator', 'grant', 'olga.operator@example.test'], {
      env,
    });
    const link = /(http\S+\/setup\/\S+)/.exec(granted.stdout)?.[1];
    expect(link).toBeDefined();
    const created = await run(
      process.execPath,
      [
        BIN,
        'workspace',
        'create',
        '--slug',
        'doomed-hub',
        '--name',
        'Doomed Hub',
        '--coordinator',
        'dora@example.test',
      ],
      { env },
    );
    expect(created.stdout).toContain('/setup/');

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await page.goto(link as string);
    await page.locator('input[name=name]').fill('Olga Operator');
    await page.locator('input[name=password]').fill(PASSWORD);
    await page.getByRole('button', { name: 'Save the password' }).click();
    await page.waitForURL((url) => url.pathname === '/operator');
    const rows = page.getByTestId('operator-workspaces');
    await rows.waitFor();
    expect(await rows.textContent()).toContain('ada@example.test');
    expect(await rows.textContent()).not.toContain('Nordic Space Cluster');
    await expectNoSeriousA11yViolations(page);

    const nordic = page.getByTestId('operator-workspace-nordic-space-partnership');
    await nordic.getByRole('button', { name: /^Rename/ }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('Nordic Partnership');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => nordic.textContent()).toContain('Nordic Partnership');
    await nordic.getByRole('button', { name: /^Suspend/ }).click();
    await expect.poll(() => nordic.textContent()).toContain('Suspended');

    const doomed = page.getByTestId('operator-workspace-doomed-hub');
    await doomed.getByRole('button', { name: /^Delete/ }).click();
    const dialog = page.getByRole('dialog');
    const submit = dialog.getByRole('button', { name: 'Delete for good' });
    expect(await submit.isDisabled()).toBe(true);
    await dialog.getByRole('textbox').fill('doomed-hub');
    await submit.click();
    await expect
      .poll(() => page.getByTestId('operator-workspace-doomed-hub').count(), { timeout: 20_000 })
      .toBe(0);

    // The suspended workspace's coordinator sees a page saying so.
    const ada = await browser.newContext({ viewport: PHONE });
    const phone = await ada.newPage();
    await phone.goto(`${hub.url}/sign-in?redirect=%2Fw%2Fnordic-space-partnership%2F`);
    await phone.locator('input[name=email]').fill('ada@example.test');
    await phone.locator('input[name=password]').fill(PASSWORD);
    await phone.getByRole('button', { name: 'Sign in' }).click();
    await phone.getByTestId('workspace-suspended').waitFor();
    await noHorizontalScroll(phone);
    await ada.close();

    // The operator's page on a phone.
    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByTestId('operator-workspaces').waitFor();
    await noHorizontalScroll(page);
    await context.close();
  });
});
