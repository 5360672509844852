import path from 'node:path';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemo } from '../../src/app/seed-demo.ts';
import { AUDIT_RECORD_TYPE_ORDER } from '../../src/features/audit/repository.ts';
import { DEMO_PASSWORD } from '../../src/features/demo/seed-demo.ts';
import { figures } from '../../web/src/messages/en-figures.ts';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { ARTIFACTS_DIR, launchChromium, signedInPage } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import { settle } from '../support/layout-checks.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');

/**
 * The lists (issue 18), through the shared list view: a column header sorts the list, the order
 * lives in the address and `aria-sort`, a saved view brings the order back; the audit log sorts
 * by who and by record type and says how many changes match.
 */
describe.skipIf(!chromiumPath)('sorted lists and saved views in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let workspaceId: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    await seedDemo(t.database.db);
    workspaceId = (
      await t.database.db
        .selectFrom('workspace')
        .select('id')
        .where('slug', '=', 'demo')
        .executeTakeFirstOrThrow()
    ).id;
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(address: string): Promise<Page> {
    const page = await signedInPage(browser, baseUrl, {
      email: 'coordinator@demo.space2id.example',
      password: DEMO_PASSWORD,
      redirect: address,
    });
    await settle(page);
    return page;
  }

  /** The link texts of the first cell of each row (the records' names), in order. */
  const firstCells = (page: Page, row: string) =>
    page.getByTestId(row).locator('td:first-child a').allInnerTexts();

  it('sorts the markets by a header, both ways, and brings the order back with a saved view', async () => {
    const names = (
      await t.database.db
        .selectFrom('target_market')
        .select('name')
        .where('workspace_id', '=', workspaceId)
        .orderBy(sql`lower(name)`)
        .orderBy('id')
        .execute()
    ).map((m) => m.name);
    expect(names.length).toBeGreaterThan(2);
    const page = await signedIn('/w/demo/markets');
    const header = page.getByRole('columnheader', { name: 'Name' });

    await page.getByTestId('sort-name').click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'name');
    await expect.poll(() => firstCells(page, 'market-row')).toEqual(names);
    expect(await header.getAttribute('aria-sort')).toBe('ascending');

    await page.getByTestId('sort-name').click();
    await page.waitForURL((url) => url.searchParams.get('sort') === '-name');
    await expect.poll(() => firstCells(page, 'market-row')).toEqual([...names].reverse());
    expect(await header.getAttribute('aria-sort')).toBe('descending');

    // Saved under a name, for this user.
    await page.getByTestId('saved-views-button').click();
    await page.getByRole('menuitem', { name: 'Save current filters and sort…' }).click();
    await page.getByRole('textbox', { name: 'Name of the view' }).fill('Markets Z to A');
    await page.getByRole('button', { name: 'Save view' }).click();
    await expect
      .poll(() => page.getByTestId('saved-views-button').textContent())
      .toBe('View: Markets Z to A');

    // A fresh list in the default order; the view brings the order back.
    await page.goto(`${baseUrl}/w/demo/markets`);
    await settle(page);
    expect(await header.getAttribute('aria-sort')).toBeNull();
    await page.getByTestId('saved-views-button').click();
    await page.getByRole('menuitem', { name: 'Markets Z to A' }).click();
    await page.waitForURL((url) => url.searchParams.get('sort') === '-name');
    await expect.poll(() => firstCells(page, 'market-row')).toEqual([...names].reverse());
    await page.context().close();
  });

  it('sorts the audit log by who and by record type, with the number of changes', async () => {
    // A second coordinator, whose name sorts first, changes something.
    const aaron = await new Factory(t.database.db).memberWithToken(workspaceId, 'coordinator');
    await t.database.db
      .updateTable('app_user')
      .set({ name: 'Aaron Aardvark' })
      .where('id', '=', aaron.user.id)
      .execute();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces/demo/clusters',
      headers: aaron.headers,
      payload: {
        name: 'Andes Space Cluster',
        shortName: 'ASC',
        country: 'CL',
        city: 'Santiago',
        dayRateEur: 400,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const events = await t.database.db
      .selectFrom('audit_event')
      .select('entity_type')
      .where('workspace_id', '=', workspaceId)
      .execute();
    expect(events.length).toBeGreaterThan(50);
    const order = AUDIT_RECORD_TYPE_ORDER as readonly string[];
    const types = [...new Set(events.map((e) => e.entity_type))].sort(
      (a, b) => order.indexOf(a) - order.indexOf(b),
    );
    const label = (type: string) => figures.audit.entityTypes[type] as string;

    const page = await signedIn('/w/demo/audit');
    // The first page of 50, and the number of all the changes.
    await expect.poll(() => page.getByTestId('audit-row').count()).toBe(50);
    expect(await page.getByTestId('audit-count').textContent()).toBe(`50 of ${events.length} changes`);

    await page.getByTestId('sort-actor').click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'actor');
    await expect.poll(() => page.getByTestId('audit-who').first().textContent()).toContain('Aaron Aardvark');

    await page.getByTestId('sort-entityType').click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'entityType');
    const firstRecordType = () => page.getByTestId('audit-record').first().locator('p').first().textContent();
    await expect.poll(firstRecordType).toBe(label(types[0] as string));
    await page.getByTestId('sort-entityType').click();
    await page.waitForURL((url) => url.searchParams.get('sort') === '-entityType');
    await expect.poll(firstRecordType).toBe(label(types.at(-1) as string));
    expect(await page.getByRole('columnheader', { name: 'Record' }).getAttribute('aria-sort')).toBe(
      'descending',
    );

    // A filter keeps the order; the count follows the filter.
    await page.locator('#audit-who').click();
    await page.getByRole('option', { name: /^Aaron Aardvark/ }).click();
    await page.waitForURL(
      (url) =>
        url.searchParams.get('actorId') === aaron.user.id && url.searchParams.get('sort') === '-entityType',
    );
    await expect.poll(() => page.getByTestId('audit-count').textContent()).toBe('1 change');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'audit-sorted.png'), fullPage: true });
    await page.context().close();
  });
});
