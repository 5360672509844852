import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemo } from '../../src/app/seed-demo.ts';
import { DEMO_PASSWORD } from '../../src/features/demo/seed-demo.ts';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser.ts';
import { testDialects } from '../support/databases.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');

// Five new organisations; the third names a country that is no ISO code.
const CSV = [
  'Company,Cluster,Type,Country,City,Internal note',
  'Kestrel Import Optics,BSN,SME,BE,Leuven,first',
  'Lumen Import Dynamics,OVS,sme,FR,Toulouse,second',
  'Merlin Import Robotics,BSN,University,Atlantis,Ghent,third',
  'Nimbus Import Antennas,VOC,Large company,PL,Gdansk,fourth',
  'Osprey Import Labs,TSD,R&D centre,IT,Rome,fifth',
].join('\n');

describe.skipIf(!chromiumPath).each(testDialects())('importing members in the browser on %s', (kind) => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'space2id-import-'));
    t = await startTestApp(kind, { webDist: WEB_DIST });
    await seedDemo(t.database.db);
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('uploads a CSV, shows the invalid row, fixes it inline, imports all rows, finds them, signs out', async () => {
    const file = path.join(folder, 'new-members.csv');
    writeFileSync(file, CSV);
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // A step that fails names itself instead of running into the test's timeout.
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in?redirect=%2Fw%2Fdemo%2Fmembers`);
    await page.locator('input[name=email]').fill('coordinator@demo.space2id.example');
    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/w\/demo\/members$/);

    // Members → Import; the upload step is accessible.
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.waitForURL(/\/w\/demo\/members\/import$/);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Import member organisations');
    await expectNoSeriousA11yViolations(page);

    await page.locator('input[type=file]').setInputFiles(file);

    // Map: the server's suggestion is filled in; the unmatched column is listed as ignored.
    await expect
      .poll(() => page.getByTestId('import-file-summary').textContent())
      .toBe('new-members.csv: 5 rows, 6 columns');
    expect(await page.getByRole('textbox', { name: 'Column for Name' }).inputValue()).toBe('Company');
    expect(await page.getByRole('textbox', { name: 'Column for Country' }).inputValue()).toBe('Country');
    expect(await page.getByTestId('import-ignored-columns').textContent()).toBe('Internal note');
    await expectNoSeriousA11yViolations(page);

    // Check: one invalid row, with its error on the country.
    await page.getByRole('button', { name: 'Check the rows' }).click();
    await expect.poll(() => page.getByTestId('count-invalid').textContent()).toBe('1');
    expect(await page.getByTestId('count-valid').textContent()).toBe('4');
    const invalid = page.locator('[data-testid=import-row][data-status=invalid]');
    expect(await invalid.count()).toBe(1);
    expect(await invalid.textContent()).toContain('Merlin Import Robotics');
    expect(await invalid.getByTestId('import-row-problems').textContent()).toContain('Country:');
    expect(await page.getByTestId('import-commit').textContent()).toBe('Import 4 valid rows');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, `import-preview-${kind}.png`), fullPage: true });

    // Fix the row inline (line 4 of the file): the dry run runs again and every row is valid.
    await page.getByRole('button', { name: 'Fix row 4' }).click();
    const fix = page.getByTestId('import-fix-form');
    await fix.waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.locator('#fix-country').fill('NL');
    await fix.getByRole('button', { name: 'Apply and check again' }).click();
    await fix.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('count-valid').textContent()).toBe('5');
    expect(await page.getByTestId('count-invalid').textContent()).toBe('0');

    // Import: five created, nothing left over.
    await page.getByRole('button', { name: 'Import 5 valid rows' }).click();
    await expect
      .poll(() => page.getByTestId('import-created').textContent())
      .toBe('5 organisations imported.');
    expect(await page.getByTestId('import-result').textContent()).toContain('Every row was imported.');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, `import-result-${kind}.png`), fullPage: true });
    const merlin = await t.database.db
      .selectFrom('organisation')
      .select(['country'])
      .where('name', '=', 'Merlin Import Robotics')
      .executeTakeFirstOrThrow();
    expect(merlin.country).toBe('NL');

    // The members list has them.
    await page.getByRole('link', { name: 'Go to the members' }).click();
    await page.waitForURL(/\/w\/demo\/members$/);
    await page.getByRole('textbox', { name: 'Search', exact: true }).fill('Merlin Import Robotics');
    await expect.poll(() => page.getByTestId('member-row').count()).toBe(1);
    expect(await page.getByTestId('member-row').textContent()).toContain('Netherlands');

    // The export link carries the search; the session cookie downloads it.
    await page.waitForURL(/q=Merlin/);
    const href = await page.getByTestId('export-csv').getAttribute('href');
    expect(href).toBe('/api/v1/workspaces/demo/organisations/export?q=Merlin+Import+Robotics&format=csv');
    const exported = await page.request.get(`${baseUrl}${href}`);
    expect(exported.status()).toBe(200);
    const lines = (await exported.text()).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Merlin Import Robotics');

    // Sign out: the app shows the sign-in page.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(/\/sign-in$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    await context.close();
  });
});
