import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemo } from '../../src/app/seed-demo.ts';
import { DEMO_PASSWORD } from '../../src/features/demo/seed-demo.ts';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');

/** Chooses `option` in the Mantine select labelled `label`. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('textbox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe.skipIf(!chromiumPath)('the member registry in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    await seedDemo(t.database.db);
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('filters and searches members, edits a profile, adds and deletes a person, adds and deletes a member', async () => {
    const db = t.database.db;
    const launchCount = (await db.selectFrom('organisation').select(['space_segments']).execute()).filter(
      (o) => String(o.space_segments).includes('"launch"'),
    ).length;
    const target = await db
      .selectFrom('organisation')
      .select(['id', 'name'])
      .orderBy('name')
      .executeTakeFirstOrThrow();

    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in?redirect=%2Fw%2Fdemo%2Fmembers`);
    await page.locator('input[name=email]').fill('coordinator@demo.space2id.example');
    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/w\/demo\/members$/);

    // The first page of 25 of the 60 demo organisations, with more to load.
    await expect.poll(() => page.getByTestId('member-row').count()).toBe(25);
    expect(await page.getByTestId('member-count').textContent()).toBe('25 of 60 organisations');
    expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'members.png'), fullPage: true });

    // A filter lives in the address, and the list follows it.
    await choose(page, 'Space segment', 'Launch');
    await page.waitForURL(/segment=launch/);
    await expect
      .poll(() => page.getByTestId('member-count').textContent())
      .toBe(launchCount > 25 ? `25 of ${launchCount} organisations` : `${launchCount} organisations`);

    // Search (debounced, in the address) narrows further; nothing matching offers to clear it all.
    await page.getByRole('textbox', { name: 'Search', exact: true }).fill('no organisation is called this');
    await page.waitForURL(/q=no/);
    await expect.poll(() => page.getByTestId('members-empty').textContent()).toContain('No members match');
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await page.waitForURL(/\/w\/demo\/members$/);
    await expect.poll(() => page.getByTestId('member-row').count()).toBe(25);

    await page.getByRole('textbox', { name: 'Search', exact: true }).fill(target.name);
    await expect.poll(() => page.getByTestId('member-row').count()).toBe(1);

    // The profile: every field readable, its people; accessible.
    await page.getByRole('link', { name: target.name }).click();
    await page.waitForURL(new RegExp(`/w/demo/members/${target.id}$`));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(target.name);
    expect(await page.getByTestId('member-profile').textContent()).toContain('Export experience');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'member-profile.png'), fullPage: true });

    // Edit the city and add a target market.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const form = page.getByTestId('member-form');
    await form.waitFor();
    await page.locator('#member-city').fill('Mechelen');
    await page.locator('#member-targetMarketInterests').fill('Chile');
    await page.getByRole('option', { name: 'Chile (CL)' }).click();
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('member-profile').textContent()).toContain('Mechelen');
    expect(await page.locator('main').textContent()).toContain('Chile (CL)');

    // Add a person to it from the profile.
    const peopleBefore = await page.getByTestId('person-row').count();
    await page.getByRole('button', { name: 'Add person' }).click();
    const personForm = page.getByTestId('person-form');
    await personForm.waitFor();
    await page.locator('#person-name').fill('Zofia Testowa');
    await page.locator('#person-email').fill('Zofia.Testowa@example.org');
    await page.locator('#person-roleTitle').fill('Export manager');
    await page.getByLabel('Agreed to be contacted and listed').check();
    await personForm.getByRole('button', { name: 'Add person' }).click();
    await personForm.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('person-row').count()).toBe(peopleBefore + 1);
    const added = page.getByTestId('person-row').filter({ hasText: 'Zofia Testowa' });
    expect(await added.getByRole('link', { name: 'zofia.testowa@example.org' }).getAttribute('href')).toBe(
      'mailto:zofia.testowa@example.org',
    );
    expect(await added.textContent()).toContain('Consent given');

    // The people page finds them; deleting asks first.
    await page.getByRole('link', { name: 'People', exact: true }).click();
    await page.waitForURL(/\/w\/demo\/people$/);
    await page.getByRole('textbox', { name: 'Search', exact: true }).fill('zofia.testowa');
    await expect.poll(() => page.getByTestId('person-row').count()).toBe(1);
    expect(await page.getByTestId('person-row').textContent()).toContain(target.name);
    await page.getByRole('button', { name: 'Edit Zofia Testowa' }).click();
    await personForm.getByRole('button', { name: 'Delete person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Zofia Testowa?' });
    await dialog.getByRole('button', { name: 'Delete person' }).click();
    await expect.poll(() => page.getByTestId('people-empty').textContent()).toContain('No people match');

    // Add a member with the drawer: it opens on its new profile; then delete it, after confirmation.
    await page.getByRole('link', { name: 'Members', exact: true }).click();
    await page.waitForURL(/\/w\/demo\/members$/);
    await page.getByRole('button', { name: 'Add member' }).first().click();
    await form.waitFor();
    await page.locator('#member-name').fill('Aurora Test Payloads');
    await page.locator('#member-clusterId').click();
    await page.getByRole('option', { name: 'BSN · Brabant Space Network' }).click();
    await page.locator('#member-country').fill('Belgium');
    await page.getByRole('option', { name: 'Belgium (BE)' }).click();
    await page.locator('#member-spaceSegments').click();
    await page.getByRole('option', { name: 'Earth observation' }).click();
    await page.keyboard.press('Escape');
    await page.locator('#member-offerTags').fill('hyperspectral');
    await page.keyboard.press('Enter');
    await form.getByRole('button', { name: 'Add member' }).click();
    await page.waitForURL(/\/w\/demo\/members\/[^/]+$/);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Aurora Test Payloads');
    expect(await page.locator('main').textContent()).toContain('hyperspectral');

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete Aurora Test Payloads?' });
    expect(await confirm.textContent()).toContain('no people recorded');
    await confirm.getByRole('button', { name: 'Delete organisation' }).click();
    await page.waitForURL(/\/w\/demo\/members$/);
    await page.getByRole('textbox', { name: 'Search', exact: true }).fill('Aurora Test Payloads');
    await expect.poll(() => page.getByTestId('members-empty').count()).toBe(1);
    await context.close();
  });
});
