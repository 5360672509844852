import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { launchChromium, signedInPage } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import { ProjectRows } from '../support/projects-factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const COORDINATOR = 'projects@example.test';
const PASSWORD = 'common-projects-e2e-Passphrase-42';
const PHONE = { width: 390, height: 844 };

describe.skipIf(!chromiumPath)('collaborative projects in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let workspace: { id: string; slug: string };
  let activity: { id: string; title: string; instrument_id: string };

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const factory = new Factory(t.database.db);
    workspace = await factory.workspace('Projects consortium');
    const coordinator = await factory.userWithPassword(PASSWORD, COORDINATOR);
    await factory.addMember(workspace.id, coordinator.id, 'coordinator');
    const cluster = await factory.cluster(workspace.id);
    activity = await factory.activity(workspace.id, null, {
      instrument: 'mentoring-follow-up',
      title: 'Mentoring Osaka newcomers',
      cluster_id: cluster.id,
    });
    await new ProjectRows(t.database.db).networkOrganisation(workspace.id, {
      name: 'Kansai Space Agency',
      country: 'JP',
    });
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('creates a project with a partner on a phone, completes it, and sees the activity’s KPI count it', async () => {
    const page = await signedInPage(browser, baseUrl, {
      email: COORDINATOR,
      password: PASSWORD,
      redirect: `/w/${workspace.slug}/network/projects`,
      viewport: PHONE,
    });
    await page.getByRole('heading', { name: 'Collaborative projects', level: 1 }).waitFor();
    await page.getByTestId('projects-empty').waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.getByTestId('project-new').click();
    const form = page.getByTestId('project-form');
    await form.getByLabel('Title').fill('Lunar regolith lab');
    await form.getByRole('textbox', { name: 'Came from activity' }).fill('Osaka');
    await page.getByRole('option', { name: /Mentoring Osaka newcomers/ }).click();
    await form.getByRole('button', { name: 'Add a partner' }).click();
    await form.getByRole('textbox', { name: 'Network organisation' }).fill('Kansai');
    await page.getByRole('option', { name: /Kansai Space Agency/ }).click();
    await expectNoSeriousA11yViolations(page);
    await form.getByRole('button', { name: 'Create project' }).click();

    await page.waitForURL((url) => url.pathname.startsWith(`/w/${workspace.slug}/network/projects/`));
    await page.getByRole('heading', { name: 'Lunar regolith lab', level: 1 }).waitFor();
    await page.getByTestId('partners-counterparts').getByText('Kansai Space Agency').waitFor();
    // Idea → proposal → funded → running → completed, a step at a time.
    for (const next of ['Proposal', 'Funded', 'Running', 'Completed']) {
      await page.getByRole('button', { name: `Move to ${next}` }).click();
      await page.getByTestId('project-status').first().getByText(next).waitFor();
    }
    await page.getByText(/^Completed on /).waitFor();
    await expectNoSeriousA11yViolations(page);
    const width = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(width, 'no horizontal page scroll on a phone').toBeLessThanOrEqual(PHONE.width);

    // The activity's KPI counts the completed project, and its page lists it.
    await page.goto(`${baseUrl}/w/${workspace.slug}/activities/${activity.id}`);
    const kpi = page.locator('[data-testid=activity-kpi][data-kpi=common_projects_completed]');
    await expect.poll(() => kpi.getByTestId('kpi-actual').textContent()).toBe('1');
    await page.getByTestId('projects-section').getByText('Lunar regolith lab').waitFor();

    // The drill-down lists the project behind the number.
    await page.goto(
      `${baseUrl}/w/${workspace.slug}/kpis/records?kpiKey=common_projects_completed&instrumentId=${activity.instrument_id}&groupBy=activity&groupKey=${activity.id}`,
    );
    const row = page.getByTestId('kpi-record-row');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    await row.getByText(/Lunar regolith lab \(Completed\)/).waitFor();
    await row.getByText('Collaborative project').waitFor();
    await expectNoSeriousA11yViolations(page);
  });
});
