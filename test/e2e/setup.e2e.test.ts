import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { launchChromium } from '../support/browser.ts';
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
