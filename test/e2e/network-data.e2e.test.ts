import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readVCards } from '../../src/domain/network/vcard.ts';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { launchChromium, signedInPage } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import { NetworkDataFactory } from '../support/network-data-factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const COORDINATOR = 'network-data@example.test';
const PASSWORD = 'network-data-e2e-Passphrase-42';

const CSV = [
  'Full name,E-mail,Organisation,Consent basis,Consent date,Language',
  'Kenji Ito,kenji@kibo.example.jp,Kibo Robotics,Consent given,2026-02-01,ja',
  'Aiko Tanaka,aiko@kibo.example.jp,KIBO ROBOTICS,,,ja',
].join('\n');

describe.skipIf(!chromiumPath)('network import, vCards and erasure in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let workspace: { id: string; slug: string };
  let kiboId: string;
  let dir: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const factory = new Factory(t.database.db);
    workspace = await factory.workspace('Network data consortium');
    const coordinator = await factory.userWithPassword(PASSWORD, COORDINATOR);
    await factory.addMember(workspace.id, coordinator.id, 'coordinator');
    kiboId = (
      await new NetworkDataFactory(t.database.db).organisation(workspace.id, {
        name: 'Kibo Robotics',
        country: 'JP',
      })
    ).id;
    dir = mkdtempSync(path.join(os.tmpdir(), 'space2id-network-data-e2e-'));
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports network people from a CSV through the wizard, downloads their vCards and erases one', async () => {
    const file = path.join(dir, 'contacts.csv');
    writeFileSync(file, CSV);
    const page = await signedInPage(browser, baseUrl, {
      email: COORDINATOR,
      password: PASSWORD,
      redirect: `/w/${workspace.slug}/network/data`,
      acceptDownloads: true,
    });
    await page.getByRole('heading', { name: 'Network import and personal data', level: 1 }).waitFor();
    await expectNoSeriousA11yViolations(page);

    // The wizard on the "Network people" kind: upload, the mapping from the headers, check, import.
    await page.getByRole('link', { name: 'Import network people' }).click();
    await page.waitForURL((url) => url.pathname === `/w/${workspace.slug}/network/import`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Import network people');
    await page.locator('input[type=file]').setInputFiles(file);
    await expect
      .poll(() => page.getByTestId('import-file-summary').textContent())
      .toBe('contacts.csv: 2 rows, 6 columns');
    expect(await page.getByRole('textbox', { name: 'Column for Organisation' }).inputValue()).toBe(
      'Organisation',
    );
    expect(await page.getByRole('textbox', { name: 'Column for Consent basis' }).inputValue()).toBe(
      'Consent basis',
    );
    await page.getByRole('button', { name: 'Check the rows' }).click();
    await expect.poll(() => page.getByTestId('count-valid').textContent()).toBe('2');
    await expectNoSeriousA11yViolations(page);
    await page.getByTestId('import-commit').click();
    await expect
      .poll(() => page.getByTestId('import-created').textContent())
      .toBe('2 network people imported.');
    const imported = await t.database.db
      .selectFrom('network_person')
      .select(['name', 'organisation_id', 'consent_basis'])
      .where('workspace_id', '=', workspace.id)
      .orderBy('name')
      .execute();
    expect(imported).toEqual([
      { name: 'Aiko Tanaka', organisation_id: kiboId, consent_basis: null },
      { name: 'Kenji Ito', organisation_id: kiboId, consent_basis: 'consent' },
    ]);

    // Download every person's vCard and read the file back.
    await page.goto(`${baseUrl}/w/${workspace.slug}/network/data`);
    await page.getByRole('heading', { name: 'Network import and personal data', level: 1 }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download vCards' }).click(),
    ]);
    const vcf = path.join(dir, 'people.vcf');
    await download.saveAs(vcf);
    const cards = readVCards(readFileSync(vcf));
    expect(cards.map((card) => [card.name, card.email, card.organisationName, card.language])).toEqual([
      ['Aiko Tanaka', 'aiko@kibo.example.jp', 'Kibo Robotics', 'ja'],
      ['Kenji Ito', 'kenji@kibo.example.jp', 'Kibo Robotics', 'ja'],
    ]);

    // The same file imported again: every card is a duplicate by e-mail, nothing to import.
    await page.getByRole('button', { name: 'Import vCards' }).click();
    const drawer = page.getByRole('dialog', { name: 'Import vCards' });
    await drawer.locator('input[type=file]').setInputFiles(vcf);
    await expect
      .poll(() => drawer.getByTestId('vcard-summary').textContent())
      .toBe('0 to create, 0 to update, 2 skipped, 0 with errors');
    await expectNoSeriousA11yViolations(page);
    await drawer.getByRole('button', { name: 'Close', exact: true }).last().click();
    await drawer.waitFor({ state: 'detached' });

    // One person's panel: their own vCard, then erasure with the typed name.
    await page.getByRole('textbox', { name: 'Network person' }).fill('Kenji');
    await page.getByRole('option', { name: /Kenji Ito/ }).click();
    const [single] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download vCard', exact: true }).click(),
    ]);
    expect(single.suggestedFilename()).toBe('kenji-ito.vcf');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Erase this person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase this person?' });
    await dialog.getByRole('textbox').fill('Kenji');
    await dialog.getByRole('button', { name: 'Erase' }).click();
    await dialog.getByText('This is not the person’s name').waitFor();
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('textbox').fill('Kenji Ito');
    await dialog.getByRole('button', { name: 'Erase' }).click();
    await page.getByTestId('person-erased').waitFor();
    const erased = await t.database.db
      .selectFrom('network_person')
      .select(['name', 'email', 'erased_at'])
      .where('workspace_id', '=', workspace.id)
      .where('email', 'is', null)
      .executeTakeFirstOrThrow();
    expect(erased.name).toBe('Erased person');
    expect(erased.erased_at).not.toBeNull();
  });
});
