import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemo } from '../../src/app/seed-demo.ts';
import { DEMO_PASSWORD } from '../../src/features/demo/seed-demo.ts';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { ARTIFACTS_DIR, launchChromium, signedInPage } from '../support/browser.ts';
import { testDialects } from '../support/databases.ts';
import { encodeSingleByte } from '../support/encodings.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');

// What French Excel writes as "CSV (séparateur : point-virgule)": Windows-1252, semicolons, French headers.
const FRENCH_CSV = [
  'Nom;Pôle;Type;Pays;Ville;Site web',
  'Société Générale Spatiale;BSN;SME;FR;Liège;https://sgs.example',
  'Hélios Systèmes Orbitaux;OVS;SME;FR;Besançon;',
  'Œil d’Été Optique;BSN;Large company;BE;Namur;',
].join('\r\n');

describe.skipIf(!chromiumPath).each(testDialects())('importing a French Windows-1252 file on %s', (kind) => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'space2id-import-languages-'));
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

  it('suggests the mapping, says the encoding and separator, lets another be chosen, imports with accents intact', async () => {
    const file = path.join(folder, 'membres.csv');
    writeFileSync(file, encodeSingleByte(FRENCH_CSV, 'windows-1252'));
    const page = await signedInPage(browser, baseUrl, {
      email: 'coordinator@demo.space2id.example',
      password: DEMO_PASSWORD,
      redirect: '/w/demo/members/import',
    });
    await page.locator('input[type=file]').setInputFiles(file);

    // The wizard says how it read the file, and the French headers are mapped.
    await expect
      .poll(() => page.getByTestId('import-read-as').textContent())
      .toBe('Read as Windows-1252 (Western European), separated by semicolons.');
    expect(await page.getByTestId('import-file-summary').textContent()).toBe(
      'membres.csv: 3 rows, 6 columns',
    );
    const column = (field: string) => page.getByRole('textbox', { name: `Column for ${field}` }).inputValue();
    expect(await column('Name')).toBe('Nom');
    expect(await column('Cluster')).toBe('Pôle');
    expect(await column('Country')).toBe('Pays');
    expect(await column('City')).toBe('Ville');
    expect(await column('Website')).toBe('Site web');
    expect(await page.getByTestId('import-ignored-columns').textContent()).toBe(
      'Every column of the file is imported.',
    );
    expect(await page.getByTestId('import-mapping').textContent()).not.toContain('Ã');
    expect(await page.locator('table').first().textContent()).toContain('Société Générale Spatiale');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, `import-languages-${kind}.png`), fullPage: true });

    // Another encoding reads the same file again: "è" is "č" in Windows-1250.
    const encoding = page.getByRole('textbox', { name: 'Encoding' });
    await encoding.click();
    await page.getByRole('option', { name: 'Windows-1250 (Central European)' }).click();
    await expect
      .poll(() => page.getByTestId('import-read-as').textContent())
      .toBe('Read as Windows-1250 (Central European), separated by semicolons.');
    await expect
      .poll(() => page.locator('table').first().textContent())
      .toContain('Hélios Systčmes Orbitaux');
    await encoding.click();
    await page.getByRole('option', { name: 'Windows-1252 (Western European)' }).click();
    await expect
      .poll(() => page.locator('table').first().textContent())
      .toContain('Hélios Systèmes Orbitaux');

    // On a phone the notice and the choice fit the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    const box = await page.getByTestId('import-encoding').boundingBox();
    expect(box?.width ?? 999).toBeLessThanOrEqual(390);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({
      path: path.join(ARTIFACTS_DIR, `import-languages-phone-${kind}.png`),
      fullPage: true,
    });
    await page.setViewportSize({ width: 1440, height: 900 });

    // Check and import: the three rows, with their accents.
    await page.getByRole('button', { name: 'Check the rows' }).click();
    await expect.poll(() => page.getByTestId('count-valid').textContent()).toBe('3');
    await page.getByRole('button', { name: 'Import 3 valid rows' }).click();
    await expect
      .poll(() => page.getByTestId('import-created').textContent())
      .toBe('3 organisations imported.');
    const stored = await t.database.db
      .selectFrom('organisation')
      .select(['name', 'city', 'country'])
      .where('name', 'in', ['Société Générale Spatiale', 'Hélios Systèmes Orbitaux', 'Œil d’Été Optique'])
      .execute();
    expect(stored.sort((a, b) => (a.name < b.name ? -1 : 1))).toEqual([
      { name: 'Hélios Systèmes Orbitaux', city: 'Besançon', country: 'FR' },
      { name: 'Société Générale Spatiale', city: 'Liège', country: 'FR' },
      { name: 'Œil d’Été Optique', city: 'Namur', country: 'BE' },
    ]);
    await page.context().close();
  });
});
