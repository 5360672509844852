import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemo } from '../../src/app/seed-demo.ts';
import { DEMO_PASSWORD } from '../../src/features/demo/seed-demo.ts';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { ARTIFACTS_DIR, launchChromium, signedInPage } from '../support/browser.ts';
import { settle, sidewaysScroll } from '../support/layout-checks.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
/** Pages change and dialogs fade on a busy machine: give them time. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/**
 * The global search (issue 18): Ctrl-K, "/" or the header's box opens a dialog that finds the
 * demo's members, people, markets, plans and activities by name, grouped by kind, and opens them.
 */
describe.skipIf(!chromiumPath)('the global search in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let member: { id: string; name: string };
  let market: { id: string; name: string };
  let person: { name: string; organisation_id: string | null };

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const db = t.database.db;
    await seedDemo(db);
    member = await db
      .selectFrom('organisation')
      .select(['id', 'name'])
      .orderBy('name')
      .executeTakeFirstOrThrow();
    market = await db
      .selectFrom('target_market')
      .select(['id', 'name'])
      .orderBy('name')
      .executeTakeFirstOrThrow();
    person = await db
      .selectFrom('person')
      .select(['name', 'organisation_id'])
      .where('organisation_id', 'is not', null)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(email: string, viewport: { width: number; height: number }): Promise<Page> {
    const page = await signedInPage(browser, baseUrl, {
      email,
      password: DEMO_PASSWORD,
      viewport,
      redirect: '/w/demo/markets',
    });
    await page.getByTestId('market-count').waitFor();
    return page;
  }

  const input = (page: Page) => page.getByRole('combobox', { name: 'Search members, people, markets' });
  const group = (page: Page, kind: string) => page.getByTestId(`global-search-group-${kind}`);

  it('opens with Ctrl-K, finds a demo member and a demo market, and opens each with the keyboard or a click', {
    timeout: 120_000,
  }, async () => {
    const page = await signedIn('coordinator@demo.space2id.example', DESKTOP);

    await page.keyboard.press('Control+k');
    await input(page).waitFor();
    expect(await page.getByRole('dialog').textContent()).toContain('Search Orbit Alliance');
    expect(await page.getByTestId('global-search-status').textContent()).toBe(
      'Type a name, an e-mail address or a country code.',
    );

    // A member, by its whole name: the first result, chosen already; Enter opens its page.
    await input(page).fill(member.name);
    await expect
      .poll(() => group(page, 'organisation').getByTestId('global-search-hit').first().textContent())
      .toContain(member.name);
    expect(await group(page, 'organisation').getAttribute('aria-label')).toBe('Members');
    expect(await page.getByTestId('global-search-status').textContent()).toMatch(/^\d+ results?: /);
    // The input names the chosen result for screen readers.
    const chosen = await input(page).getAttribute('aria-activedescendant');
    expect(chosen).toBe(
      await group(page, 'organisation').getByTestId('global-search-hit').first().getAttribute('id'),
    );
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'search-member.png') });
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/w/demo/members/${member.id}$`));
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(member.name);
    await poll(() => page.getByRole('dialog').count()).toBe(0);

    // A market, from inside a text field too (Ctrl-K works while typing); clicked.
    await page.goto(`${baseUrl}/w/demo/members`);
    await page.getByRole('textbox', { name: 'Search', exact: true }).click();
    await page.keyboard.press('Control+k');
    await input(page).fill(market.name);
    const marketHit = group(page, 'market').getByTestId('global-search-hit').filter({ hasText: market.name });
    await marketHit.first().waitFor();
    await marketHit.first().click();
    await page.waitForURL(new RegExp(`/w/demo/markets/${market.id}$`));
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(market.name);
    await page.context().close();
  });

  it('opens with "/" outside a text field, moves with the arrows, says when nothing matches, and closes with Escape', {
    timeout: 120_000,
  }, async () => {
    const page = await signedIn('viewer@demo.space2id.example', DESKTOP);
    await page.keyboard.press('/');
    await input(page).waitFor();
    // The "/" opened the dialog and was not typed into it.
    expect(await input(page).inputValue()).toBe('');

    // Arrows choose among the results (a part of a name finds several).
    await input(page).fill(person.name.slice(0, 3));
    const hits = page.getByTestId('global-search-hit');
    await poll(() => hits.count()).toBeGreaterThan(1);
    const first = await hits.first().getAttribute('id');
    await page.keyboard.press('ArrowDown');
    const second = await input(page).getAttribute('aria-activedescendant');
    expect(second).not.toBe(first);
    expect(await page.locator(`[id="${second}"]`).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowUp');
    expect(await input(page).getAttribute('aria-activedescendant')).toBe(first);

    await input(page).fill('no record is called this at all');
    await expect
      .poll(() => page.getByTestId('global-search-status').textContent())
      .toBe('Nothing is called “no record is called this at all”.');
    expect(await hits.count()).toBe(0);
    await expectNoSeriousA11yViolations(page);

    await page.keyboard.press('Escape');
    await poll(() => page.getByRole('dialog').count()).toBe(0);

    // A person opens their organisation's page, which lists them.
    await page.keyboard.press('/');
    await input(page).fill(person.name);
    const personHit = group(page, 'person').getByTestId('global-search-hit').filter({ hasText: person.name });
    await personHit.first().click();
    await page.waitForURL(new RegExp(`/w/demo/members/${person.organisation_id}$`));
    await expect
      .poll(() => page.getByTestId('person-row').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining(person.name)]));
    await page.context().close();
  });

  it('works on a phone: the header’s search icon opens it, nothing scrolls sideways, and a result opens', {
    timeout: 120_000,
  }, async () => {
    const page = await signedIn('member@demo.space2id.example', PHONE);
    await page.getByRole('button', { name: 'Search the workspace (Ctrl+K)' }).click();
    await input(page).fill(market.name.slice(0, 5));
    await group(page, 'market').getByTestId('global-search-hit').first().waitFor();
    await settle(page);
    expect(await sidewaysScroll(page)).toBe(0);
    const box = await page.getByRole('dialog').boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width + 1).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'search-phone.png') });
    // No Escape key on a phone: a button closes the search.
    await page.getByRole('button', { name: 'Close the search' }).click();
    await poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('button', { name: 'Search the workspace (Ctrl+K)' }).click();
    await input(page).fill(market.name.slice(0, 5));
    await group(page, 'market').getByTestId('global-search-hit').first().click();
    await page.waitForURL(/\/w\/demo\/markets\/[^/]+$/);
    await page.context().close();
  });
});
