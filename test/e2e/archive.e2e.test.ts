import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { launchChromium, signedInPage } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const COORDINATOR = 'archivist@example.test';
const PASSWORD = 'back-up-and-move-e2e-Passphrase-42';

describe.skipIf(!chromiumPath)('back up and move in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let source: { id: string; slug: string };
  let target: { id: string; slug: string };
  let dir: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const factory = new Factory(t.database.db);
    source = await factory.workspace('Archive source consortium');
    target = await factory.workspace('Archive target consortium');
    const coordinator = await factory.userWithPassword(PASSWORD, COORDINATOR);
    await factory.addMember(source.id, coordinator.id, 'coordinator');
    await factory.addMember(target.id, coordinator.id, 'coordinator');
    const cluster = await factory.cluster(source.id);
    await factory.organisation(source.id, cluster.id, { name: 'Orbital Parts Ltd' });
    dir = mkdtempSync(path.join(os.tmpdir(), 'space2id-archive-e2e-'));
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('exports a workspace, downloads the archive and imports it into an empty workspace', async () => {
    const page = await signedInPage(browser, baseUrl, {
      email: COORDINATOR,
      password: PASSWORD,
      redirect: `/w/${source.slug}/clusters`,
      acceptDownloads: true,
    });
    await page.getByTestId('workspace-nav').getByRole('link', { name: 'Back up and move' }).click();
    await page.waitForURL((url) => url.pathname === `/w/${source.slug}/archive`);
    await page.getByRole('heading', { name: 'Back up and move', level: 1 }).waitFor();
    await page.getByTestId('archive-export').click();
    const row = page.getByTestId('archive-job').first();
    await row.and(page.locator('[data-status=succeeded]')).waitFor({ timeout: 60_000 });
    await expectNoSeriousA11yViolations(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: /Download/ }).click(),
    ]);
    const file = path.join(dir, 'archive.zip');
    await download.saveAs(file);

    await page.goto(`${baseUrl}/w/${target.slug}/archive`);
    await page.getByRole('heading', { name: 'Back up and move', level: 1 }).waitFor();
    await page.locator('input[type=file]').setInputFiles(file);
    const summary = page.getByTestId('archive-summary');
    await summary.waitFor();
    await expect.poll(() => summary.textContent()).toContain('Member organisations');
    await expectNoSeriousA11yViolations(page);
    await page.getByTestId('archive-import').click();
    await page.getByTestId('archive-imported').waitFor({ timeout: 60_000 });
    const imported = await t.database.db
      .selectFrom('organisation')
      .select('name')
      .where('workspace_id', '=', target.id)
      .execute();
    expect(imported.map((row) => row.name)).toEqual(['Orbital Parts Ltd']);
  });

  it('fits a phone', async () => {
    const page = await signedInPage(browser, baseUrl, {
      email: COORDINATOR,
      password: PASSWORD,
      redirect: `/w/${source.slug}/archive`,
      viewport: { width: 390, height: 844 },
    });
    await page.getByRole('heading', { name: 'Back up and move', level: 1 }).waitFor();
    const overflow = await page.evaluate(() => {
      const root = (
        globalThis as unknown as {
          document: { documentElement: { scrollWidth: number; clientWidth: number } };
        }
      ).document.documentElement;
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
    });
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth + 1);
    await expectNoSeriousA11yViolations(page);
  });
});
