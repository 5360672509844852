import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const EMAIL = 'polyglot@example.test';
const PASSWORD = 'languages-e2e-Passphrase-42';
const PHONE = { width: 390, height: 844 };

/** Signs in (the sign-in form in English, the browser's language) and opens `path`. */
async function signedIn(
  browser: Browser,
  baseUrl: string,
  path: string,
  viewport = { width: 1400, height: 1000 },
) {
  const context = await browser.newContext({ viewport, locale: 'en-GB' });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in?redirect=${encodeURIComponent(path)}`);
  await page.locator('input[name=email]').fill(EMAIL);
  await page.locator('input[name=password]').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === path);
  return page;
}

const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');
/** Waits for the page (reloaded by a switch) to be in `lang`. */
const waitForLang = (page: Page, lang: string) =>
  page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });

/** French writes 450,00 € with a (narrow) no-break space; any space-like character will do. */
const FRENCH_DAY_RATE = /450,00\s€/u;

describe.skipIf(!chromiumPath)('the interface in the user’s language', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let slug: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const factory = new Factory(t.database.db);
    const workspace = await factory.workspace('Consortium des langues');
    slug = workspace.slug;
    const user = await factory.userWithPassword(PASSWORD, EMAIL);
    await factory.addMember(workspace.id, user.id, 'coordinator');
    // A Belgian cluster with a day rate of 450.00 EUR (the factory's).
    await factory.cluster(workspace.id, { name: 'Wallonie Espace', short_name: 'WE', country: 'BE' });
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('switches to French from the account menu: navigation, a page, money and dates; a reload stays French', async () => {
    const page = await signedIn(browser, baseUrl, `/w/${slug}/clusters`);
    expect(await htmlLang(page)).toBe('en');
    await page.getByText('€450.00').waitFor();

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Français' }).click();
    await waitForLang(page, 'fr');

    const nav = page.getByTestId('workspace-nav');
    await nav.getByRole('link', { name: 'Tableau de bord' }).waitFor();
    await expect(nav.getByRole('link', { name: 'Marchés' }).count()).resolves.toBe(1);
    await page.getByRole('heading', { name: 'Clusters', level: 1 }).waitFor();
    await page.getByText(/Les clusters partenaires de Consortium des langues/).waitFor();
    await page.getByText(FRENCH_DAY_RATE).waitFor();
    // Country names in French too.
    await page.getByRole('cell', { name: 'Belgique' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'languages-clusters-fr.png'), fullPage: true });

    // Dates: the users page shows when each member joined, with a French month.
    await nav.getByRole('link', { name: 'Utilisateurs' }).click();
    await page.getByRole('heading', { name: 'Utilisateurs et invitations', level: 1 }).waitFor();
    const month = new Intl.DateTimeFormat('fr', { month: 'short' }).format(new Date());
    await page.locator('time').filter({ hasText: month }).first().waitFor();

    // The choice is on the account: a reload, and the API, say French.
    await page.reload();
    await page.getByRole('heading', { name: 'Utilisateurs et invitations', level: 1 }).waitFor();
    expect(await htmlLang(page)).toBe('fr');
    const me = await page.request.get(`${baseUrl}/api/v1/me`);
    expect((await me.json()).language).toBe('fr');
    await page.context().close();
  });

  it('shows the account’s French on a phone signed in afresh, then goes back to English', async () => {
    const page = await signedIn(browser, baseUrl, `/w/${slug}/clusters`, PHONE);
    // This browser knew nothing of French: the account's language wins, after one reload.
    await waitForLang(page, 'fr');
    await page.getByText(FRENCH_DAY_RATE).first().waitFor();
    await page.getByRole('button', { name: 'Afficher ou masquer la navigation' }).click();
    await page.getByTestId('workspace-nav').getByRole('link', { name: 'Tableau de bord' }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'languages-phone-fr.png') });
    await page.keyboard.press('Escape');
    await expectNoSeriousA11yViolations(page);

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await waitForLang(page, 'en');
    await page.getByText('€450.00').first().waitFor();
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await page.getByTestId('workspace-nav').getByRole('link', { name: 'Dashboard' }).waitFor();
    await page.context().close();
  });

  it('lets a signed-out visitor choose French on the sign-in page, kept on this browser', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-GB' });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await page.getByTestId('language-menu').click();
    // The six languages, each by its own name.
    for (const name of ['English', 'Français', 'Español', 'Italiano', 'Ελληνικά', 'Polski']) {
      await page.getByRole('menuitem', { name }).waitFor();
    }
    await page.getByRole('menuitem', { name: 'Français' }).click();
    await page.getByRole('heading', { name: 'Connexion', level: 1 }).waitFor();
    expect(await htmlLang(page)).toBe('fr');
    await expectNoSeriousA11yViolations(page);
    await page.reload();
    await page.getByRole('heading', { name: 'Connexion', level: 1 }).waitFor();
    await context.close();
  });
});
