import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { WorkspaceRepository } from '../../src/features/workspaces/repository.ts';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { ARTIFACTS_DIR, launchChromium, signedInPage } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import { PlanningRows } from '../support/planning-rows.ts';
import { readWorkbook, sheetRows } from '../support/report-files.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const COORDINATOR = 'reporter@example.test';
const MEMBER = 'member-reports@example.test';
const PASSWORD = 'funder-reports-e2e-Passphrase-42';

/** Signs in as `email` in a new browser context and opens `path`. */
async function signedIn(browser: Browser, baseUrl: string, email: string, path: string): Promise<Page> {
  return signedInPage(browser, baseUrl, {
    email,
    password: PASSWORD,
    redirect: path,
    viewport: { width: 1400, height: 1000 },
    timeout: 20_000,
    acceptDownloads: true,
  });
}

describe.skipIf(!chromiumPath)('funder reports in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let slug: string;
  const year = new Date().getFullYear();

  beforeAll(async () => {
    // A coordinator of a workspace with one activity this year: 1,250.00 EUR planned by the EU programme.
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const factory = new Factory(t.database.db);
    const rows = new PlanningRows(t.database.db);
    const workspace = await factory.workspace('Report test consortium');
    slug = workspace.slug;
    const coordinator = await factory.userWithPassword(PASSWORD, COORDINATOR);
    await factory.addMember(workspace.id, coordinator.id, 'coordinator');
    const cluster = await factory.cluster(workspace.id);
    const organisation = await factory.organisation(workspace.id, cluster.id);
    const member = await factory.userWithPassword(PASSWORD, MEMBER);
    await new WorkspaceRepository(t.database.db).addMember({
      workspaceId: workspace.id,
      userId: member.id,
      role: 'member',
      clusterId: null,
      organisationId: organisation.id,
    });
    const activity = await rows.activityRow(workspace.id, {
      title: 'Funders day in Toulouse',
      starts_on: `${year}-06-02`,
      ends_on: `${year}-06-03`,
    });
    await rows.costLineRow(workspace.id, activity.id, { amount_cents: 125_000 });
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('generates an XLSX for this year, follows its progress and downloads it', async () => {
    const page = await signedIn(browser, baseUrl, COORDINATOR, `/w/${slug}/clusters`);
    await page.getByTestId('workspace-nav').getByRole('link', { name: 'Reports' }).click();
    await page.waitForURL((url) => url.pathname === `/w/${slug}/reports`);
    await page.getByRole('heading', { name: 'Funder reports', level: 1 }).waitFor();
    // The period defaults to the current calendar year.
    await expect(page.getByLabel(/^From\b/).inputValue()).resolves.toBe(`${year}-01-01`);
    await expect(page.getByLabel(/^To\b/).inputValue()).resolves.toBe(`${year}-12-31`);
    await page.getByText('No reports yet').waitFor();
    await expectNoSeriousA11yViolations(page);

    // A period ending before it starts is refused in the form, before any request.
    await page.getByLabel(/^To\b/).fill(`${year - 1}-12-31`);
    await page.getByRole('button', { name: 'Generate report' }).click();
    await page.getByText('Must not be before From').waitFor();
    await page.getByLabel(/^To\b/).fill(`${year}-12-31`);

    await page.getByRole('radio', { name: 'Excel (XLSX)' }).check();
    await page.getByRole('button', { name: 'Generate report' }).click();
    // The row polls its job every second until it is ready.
    const row = page.locator('[data-testid="report-row"][data-status="succeeded"]');
    await row.waitFor();
    await expect(page.getByTestId('report-row').count()).resolves.toBe(1);
    await expect(row.getByText(`${year}-01-01 to ${year}-12-31`).isVisible()).resolves.toBe(true);
    await expect(row.getByText('Ready').isVisible()).resolves.toBe(true);
    await expect(row.getByRole('progressbar').getAttribute('aria-valuenow')).resolves.toBe('100');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'reports-page.png'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: /^Download Excel \(XLSX\): funder-report-/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`funder-report-${slug}-${year}-01-01-to-${year}-12-31.xlsx`);
    const workbook = await readWorkbook(readFileSync(await download.path()));
    const activities = sheetRows(workbook, 'Activities');
    expect(activities.map((cells) => cells[0])).toEqual(['Funders day in Toulouse']);
    expect(activities[0]?.[6]).toBe(1250);
    expect(sheetRows(workbook, 'Budget by funding source').at(-1)?.slice(0, 3)).toEqual(['Total', 1250, 0]);
  });

  it('shows a member neither the Reports link nor the page', async () => {
    const page = await signedIn(browser, baseUrl, MEMBER, `/w/${slug}/reports`);
    await page.getByTestId('forbidden-state').waitFor();
    await expect(
      page.getByTestId('workspace-nav').getByRole('link', { name: 'Reports' }).count(),
    ).resolves.toBe(0);
    await expectNoSeriousA11yViolations(page);
  });
});
