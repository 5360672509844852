import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { launchChromium, signedInPage } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import { sidewaysScroll } from '../support/layout-checks.ts';
import { newNetworkOrganisation, newNetworkPerson } from '../support/network-factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const COORDINATOR = 'networker@example.test';
const PASSWORD = 'network-e2e-Passphrase-42';
const PHONE = { width: 390, height: 844 };

/** Picks `option` in the Mantine select labelled `label` inside `scope` (typing `typed` to narrow it). */
async function choose(
  page: Page,
  scope: ReturnType<Page['getByRole']>,
  label: string,
  option: string,
  typed = option,
) {
  const input = scope
    .getByRole('textbox', { name: label })
    .or(scope.getByLabel(label, { exact: true }))
    .first();
  await input.click();
  // A searchable select narrows as one types; a plain one only opens.
  if (await input.isEditable()) await input.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).first().click();
}

describe.skipIf(!chromiumPath)('the network in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let workspace: { id: string; slug: string };

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const factory = new Factory(t.database.db);
    workspace = await factory.workspace('Network consortium');
    const coordinator = await factory.userWithPassword(PASSWORD, COORDINATOR);
    await factory.addMember(workspace.id, coordinator.id, 'coordinator');
    const kiso = await newNetworkOrganisation(t.database.db, workspace.id, {
      name: 'Kiso Space Systems Ltd',
      country: 'JP',
      type: 'company',
      website: 'https://www.kiso-space.example',
    });
    await newNetworkPerson(t.database.db, workspace.id, {
      organisation_id: kiso.id,
      name: 'Haruki Sato',
      email: 'h.sato@kiso-space.example',
    });
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('on a phone, the coordinator adds an organisation and a person, is warned of duplicates, and opens both pages', async () => {
    const page = await signedInPage(browser, baseUrl, {
      email: COORDINATOR,
      password: PASSWORD,
      redirect: `/w/${workspace.slug}/network/organisations`,
      viewport: PHONE,
    });
    await page.getByRole('heading', { name: 'Network organisations', level: 1 }).waitFor();
    await expect
      .poll(() => page.getByTestId('network-organisation-count').textContent())
      .toBe('1 organisation');
    await expectNoSeriousA11yViolations(page);
    expect(await sidewaysScroll(page)).toBe(0);

    // The form warns before saving: the same name (legal form and case aside) in the same country.
    await page.getByTestId('network-organisation-add').click();
    const drawer = page.getByRole('dialog', { name: 'Add a network organisation' });
    await drawer.getByLabel('Name').fill('KISO SPACE SYSTEMS');
    await choose(page, drawer, 'Type', 'Research centre or university');
    await choose(page, drawer, 'Country', 'Japan (JP)', 'Japan');
    const warning = drawer.getByTestId('network-duplicate-warning');
    await warning.waitFor();
    await expect.poll(() => warning.textContent()).toContain('Kiso Space Systems Ltd');
    await expectNoSeriousA11yViolations(page);
    // Saving it anyway is refused on the name field.
    await drawer.getByRole('button', { name: 'Save' }).click();
    await drawer.getByText('duplicates another network organisation').waitFor();

    await drawer.getByLabel('Name').fill('Hokkaido Launch Partners');
    await drawer.getByLabel('Website').fill('https://kiso-space.example/hokkaido');
    await expect.poll(() => warning.textContent()).toContain('same website');
    await drawer.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Hokkaido Launch Partners', level: 1 }).waitFor();
    await page
      .getByTestId('network-organisation-details')
      .getByText('Research centre or university')
      .first()
      .waitFor();
    await expectNoSeriousA11yViolations(page);
    expect(await sidewaysScroll(page)).toBe(0);

    // A person at the new organisation; a taken e-mail is flagged before saving.
    await page.getByTestId('network-organisation-add-person').click();
    const personDrawer = page.getByRole('dialog', { name: 'Add a network person' });
    await personDrawer.getByLabel('Name').fill('Aiko Tanaka');
    await personDrawer.getByLabel('E-mail').fill('H.Sato@kiso-space.example');
    const personWarning = personDrawer.getByTestId('network-duplicate-warning');
    await personWarning.waitFor();
    await expect.poll(() => personWarning.textContent()).toContain('Haruki Sato');
    await personDrawer.getByLabel('E-mail').fill('aiko.tanaka@hokkaido-launch.example');
    await personWarning.waitFor({ state: 'detached' });
    await choose(page, personDrawer, 'Basis', 'Consent given');
    await personDrawer.getByLabel('Source').fill('Business card at the fair');
    await personDrawer.getByRole('button', { name: 'Save' }).click();
    await personDrawer.waitFor({ state: 'detached' });
    const people = page.getByTestId('network-organisation-people');
    await people.getByRole('link', { name: 'Aiko Tanaka' }).click();
    await page.getByRole('heading', { name: 'Aiko Tanaka', level: 1 }).waitFor();
    await page.getByTestId('network-person-consent').getByText('Consent given').waitFor();
    await expectNoSeriousA11yViolations(page);
    expect(await sidewaysScroll(page)).toBe(0);

    const stored = await t.database.db
      .selectFrom('network_person')
      .innerJoin('network_organisation', 'network_organisation.id', 'network_person.organisation_id')
      .select(['network_person.email', 'network_person.consent_basis', 'network_organisation.name'])
      .where('network_person.name', '=', 'Aiko Tanaka')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      email: 'aiko.tanaka@hokkaido-launch.example',
      consent_basis: 'consent',
      name: 'Hokkaido Launch Partners',
    });

    // The people list finds her by e-mail, in the address.
    await page.goto(`${baseUrl}/w/${workspace.slug}/network/people?q=hokkaido`);
    await expect.poll(() => page.getByTestId('network-person-row').count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
  });
});
