import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { WorkspaceRepository } from '../../src/features/workspaces/repository.ts';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { ARTIFACTS_DIR, launchChromium, signedInPage } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const EMAIL = 'planner@example.test';
const VIEWER = 'viewer@example.test';
const MEMBER = 'member@example.test';
const PASSWORD = 'planning-core-e2e-Passphrase-42';
const TRAINING = '1.1.1 Training to go international';
const MATCHMAKING = '1.2.1 Matchmaking Events (B2B/C2C/B2I)';

/** Chooses `option` in the Mantine select whose input has the id `id`. */
async function choose(page: Page, id: string, option: string) {
  await page.locator(`#${id}`).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The figures of a `<Chart>` switched to its table view: one array of cell texts per row. */
async function chartRows(page: Page, testId: string): Promise<string[][]> {
  const chart = page.getByTestId(testId);
  await chart.getByText('Table', { exact: true }).click();
  const rows = chart.locator('tbody tr');
  await rows.first().waitFor();
  return rows.evaluateAll((trs) =>
    trs.map((tr) =>
      Array.from(tr.querySelectorAll('td'), (td: { textContent: string | null }) => td.textContent ?? ''),
    ),
  );
}

/** `YYYY-MM-DD` of a local date. */
function iso(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Signs in as `email` in a new browser context and opens `path`. */
async function signedIn(browser: Browser, baseUrl: string, email: string, path: string): Promise<Page> {
  return signedInPage(browser, baseUrl, {
    email,
    password: PASSWORD,
    redirect: path,
    viewport: { width: 1400, height: 1000 },
    timeout: 15_000,
  });
}

// The three tests run in order on one workspace: the first plans, the others use its plan.
describe.skipIf(!chromiumPath)('planning a target market in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let slug: string;
  let planPath = '';
  let trainingPath = '';

  beforeAll(async () => {
    // No demo data: a coordinator of an empty workspace with one partner cluster (day rate 450 EUR).
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const factory = new Factory(t.database.db);
    const workspace = await factory.workspace('Planning test consortium');
    slug = workspace.slug;
    const user = await factory.userWithPassword(PASSWORD, EMAIL);
    await factory.addMember(workspace.id, user.id, 'coordinator');
    const cluster = await factory.cluster(workspace.id, {
      name: 'Orbit Valley Cluster',
      short_name: 'OVC',
      country: 'BE',
    });
    const organisation = await factory.organisation(workspace.id, cluster.id, { name: 'Kestrel Optics' });
    const workspaces = new WorkspaceRepository(t.database.db);
    const viewer = await factory.userWithPassword(PASSWORD, VIEWER);
    await factory.addMember(workspace.id, viewer.id, 'viewer');
    const member = await factory.userWithPassword(PASSWORD, MEMBER);
    await workspaces.addMember({
      workspaceId: workspace.id,
      userId: member.id,
      role: 'member',
      clusterId: null,
      organisationId: organisation.id,
    });
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('creates a market and a plan, estimates two activities, records a cost, and sees the timeline and budget chart', async () => {
    const today = new Date();
    const planStart = iso(new Date(today.getFullYear(), today.getMonth(), 1));
    const planEnd = iso(new Date(today.getFullYear() + 1, today.getMonth(), 0));
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });

    await page.goto(`${baseUrl}/sign-in?redirect=${encodeURIComponent(`/w/${slug}/markets`)}`);
    await page.locator('input[name=email]').fill(EMAIL);
    await page.locator('input[name=password]').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(new RegExp(`/w/${slug}/markets$`));
    await expect
      .poll(() => page.getByTestId('markets-empty').textContent())
      .toContain('No target markets yet');
    expect(await page.getByRole('link', { name: 'Calendar' }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);

    // A market: its name is required (said on the field), then it opens on its dossier.
    await page.getByRole('button', { name: 'Add market' }).first().click();
    const marketForm = page.getByTestId('market-form');
    await marketForm.getByRole('button', { name: 'Add market' }).click();
    await expect.poll(() => page.locator('#market-name-error').textContent()).toBe('is required');
    await page.locator('#market-name').fill('Japan — Earth observation');
    await page.locator('#market-country').fill('Japan');
    await page.getByRole('option', { name: 'Japan (JP)' }).click();
    await choose(page, 'market-ownerClusterId', 'OVC · Orbit Valley Cluster');
    await choose(page, 'market-priority', 'High');
    await page.locator('#market-segments').fill('Earth observation');
    await page.keyboard.press('Enter');
    await page.locator('#market-rationale').fill('Strong public demand for EO data services.');
    await marketForm.getByRole('button', { name: 'Add market' }).click();
    await page.waitForURL(new RegExp(`/w/${slug}/markets/[^/]+$`));
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Japan — Earth observation');
    expect(await page.getByTestId('market-facts').textContent()).toContain('Orbit Valley Cluster');
    await page.locator('#market-findings').fill('JAXA runs open calls twice a year.');
    await page.getByRole('button', { name: 'Save findings' }).click();
    await expect.poll(() => page.getByTestId('market-findings').textContent()).toContain('Findings saved');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'market-dossier.png'), fullPage: true });

    // A plan with two instruments, each with why; it opens on its page.
    await page.getByRole('button', { name: 'New plan' }).click();
    const planForm = page.getByTestId('plan-form');
    await page.locator('#plan-name').fill('Entering Japan');
    await page.locator('#plan-startsOn').fill(planStart);
    await page.locator('#plan-endsOn').fill(planEnd);
    await page.locator('#plan-budgetCapEur').fill('20000');
    await page.locator('#plan-instruments').fill('Training');
    await page.getByRole('option', { name: TRAINING }).click();
    await page.locator('#plan-instruments').fill('Matchmaking');
    await page.getByRole('option', { name: MATCHMAKING }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel(`Why ${TRAINING}?`).fill('Prepare the members first.');
    await page.getByLabel(`Why ${MATCHMAKING}?`).fill('Meet Japanese integrators.');
    await planForm.getByRole('button', { name: 'Create plan' }).click();
    await page.waitForURL(new RegExp(`/w/${slug}/plans/[^/?]+$`));
    const planUrl = page.url();
    planPath = new URL(planUrl).pathname;
    expect(await page.getByTestId('plan-budget').textContent()).toContain('€20,000.00');
    // The instruments are on their tab (the timeline is the first).
    await page.getByRole('tab', { name: 'Instruments' }).click();
    await expect.poll(() => page.getByTestId('plan-instrument').count()).toBe(2);
    expect(await page.getByTestId('plan-instruments').textContent()).toContain('Prepare the members first.');
    await page.getByRole('tab', { name: 'Timeline' }).click();

    // Two activities from different instruments, dated inside the plan by default.
    const activityForm = page.getByTestId('activity-form');
    for (const [instrument, title] of [
      [TRAINING, 'Export training in Leuven'],
      [MATCHMAKING, 'B2B meetings in Tokyo'],
    ] as const) {
      await page.getByRole('button', { name: 'Add activity' }).click();
      await choose(page, 'activity-instrumentKey', instrument);
      await page.locator('#activity-title').fill(title);
      await activityForm.getByRole('button', { name: 'Add activity' }).click();
      await activityForm.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('plan-activities').textContent()).toContain(title);
    }
    expect(await page.getByTestId('activity-row').count()).toBe(2);

    // The training: 2 packages × 4 days at the cluster's 450 EUR, applied as its planned budget.
    await page.getByRole('link', { name: 'Export training in Leuven' }).click();
    await page.waitForURL(new RegExp(`/w/${slug}/activities/[^/]+$`));
    trainingPath = new URL(page.url()).pathname;
    await page.locator('#estimate-units').fill('2');
    await choose(page, 'estimate-fundingSource', 'EU programme');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => page.getByTestId('estimate-total').textContent()).toBe('€3,600.00');
    // The formula is shown as the engine writes it ("8 days × 450 EUR = 3,600 EUR").
    expect(await page.getByTestId('estimate-result').textContent()).toMatch(/450 EUR = 3,600 EUR/);
    expect(await page.getByTestId('budget-planned').textContent()).toBe('€0.00');
    await page.getByRole('button', { name: 'Apply as planned budget' }).click();
    await expect.poll(() => page.getByTestId('budget-planned').textContent()).toBe('€3,600.00');
    expect(await page.getByTestId('budget-effort').textContent()).toBe('8 days');
    expect(await page.getByTestId('cost-lines').textContent()).toContain('Estimate');

    // An actual cost on it.
    await page.getByRole('button', { name: 'Record actual cost' }).click();
    const lineForm = page.getByTestId('cost-line-form');
    await page.locator('#cost-line-description').fill('Venue in Leuven');
    await choose(page, 'cost-line-category', 'Stand / room rental');
    await page.locator('#cost-line-amountEur').fill('1200');
    await lineForm.getByRole('button', { name: 'Add line' }).click();
    await lineForm.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('budget-actual').textContent()).toBe('€1,200.00');
    // The drawer fades out half transparent after its form is gone: check the page once it is gone.
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expectNoSeriousA11yViolations(page);
    expect(await chartRows(page, 'budget-by-funding-source')).toEqual([['EU programme', '3600', '1200']]);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'activity-budget.png'), fullPage: true });

    // The matchmaking event: the engine names the missing parameter on its input, then 5 × 1,500 EUR.
    await page.goto(planUrl);
    await page.getByRole('link', { name: 'B2B meetings in Tokyo' }).click();
    await page.waitForURL(new RegExp(`/w/${slug}/activities/[^/]+$`));
    await page.getByRole('button', { name: 'Apply as planned budget' }).click();
    await expect.poll(() => page.locator('#estimate-entities-error').count()).toBe(1);
    await page.locator('#estimate-entities').fill('5');
    await choose(page, 'estimate-fundingSource', 'Member self-funding');
    await page.getByRole('button', { name: 'Apply as planned budget' }).click();
    await expect.poll(() => page.getByTestId('estimate-total').textContent()).toBe('€7,500.00');
    expect(await page.getByTestId('estimate-result').textContent()).toMatch(/1,500 EUR = 7,500 EUR/);
    await expect.poll(() => page.getByTestId('budget-planned').textContent()).toBe('€7,500.00');
    expect(await chartRows(page, 'budget-by-funding-source')).toEqual([['Member self-funding', '7500', '0']]);

    // The plan page: both under the cap, the timeline draws both activities, the table lists them.
    await page.goto(planUrl);
    await expect.poll(() => page.getByTestId('plan-planned').textContent()).toContain('€11,100.00');
    expect(await page.getByTestId('plan-actual').textContent()).toContain('€1,200.00');
    const timeline = page.getByTestId('plan-timeline');
    await expect.poll(() => timeline.locator('svg').count()).toBeGreaterThan(0);
    await expect.poll(() => timeline.locator('svg').textContent()).toContain('Export training in Leuven');
    expect(await timeline.locator('svg').textContent()).toContain('B2B meetings in Tokyo');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'plan-page.png'), fullPage: true });
    const rows = await chartRows(page, 'plan-timeline');
    expect(rows.map((row) => row.slice(0, 3))).toEqual([
      ['Export training in Leuven', 'Preparatory', 'Training to go international'],
      ['B2B meetings in Tokyo', 'Leads & new business', 'Matchmaking Events (B2B/C2C/B2I)'],
    ]);

    // The calendar of this month shows both, as bars in the month and in the agenda.
    await page.getByRole('link', { name: 'Calendar' }).click();
    await page.waitForURL(new RegExp(`/w/${slug}/calendar$`));
    await expect.poll(() => page.getByTestId('calendar-activity').count()).toBeGreaterThanOrEqual(2);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'calendar.png'), fullPage: true });
    await page.getByTestId('calendar-views').getByText('Agenda', { exact: true }).click();
    await expect.poll(() => page.getByTestId('calendar-agenda-item').count()).toBe(2);
    const list = await page.getByTestId('calendar-agenda-item').allTextContents();
    expect(list.join(' ')).toContain('Export training in Leuven');
    expect(list.join(' ')).toContain('B2B meetings in Tokyo');

    // The markets list counts the plan.
    await page.getByRole('link', { name: 'Markets' }).click();
    await expect.poll(() => page.getByTestId('market-row').count()).toBe(1);
    expect(await page.getByTestId('market-row').textContent()).toContain('Japan');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'markets.png'), fullPage: true });
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 120_000);

  it('copies the plan to another market, names participants, edits costs, and refuses stale or blocked changes', async () => {
    const page = await signedIn(browser, baseUrl, EMAIL, `/w/${slug}/markets`);

    // A second market to copy the plan to.
    await page.getByRole('button', { name: 'Add market' }).click();
    await page.locator('#market-name').fill('Chile — Space weather');
    await page.locator('#market-country').fill('Chile');
    await page.getByRole('option', { name: 'Chile (CL)' }).click();
    await page.getByTestId('market-form').getByRole('button', { name: 'Add market' }).click();
    await page.waitForURL(new RegExp(`/w/${slug}/markets/[^/]+$`));

    // The copy is a draft for Chile with both activities and their planned costs, not the actual one.
    await page.goto(`${baseUrl}${planPath}`);
    await page.getByRole('button', { name: 'Copy to another market' }).click();
    const copyForm = page.getByTestId('copy-plan-form');
    await choose(page, 'copy-marketId', 'Chile — Space weather · Chile');
    await copyForm.getByRole('button', { name: 'Copy plan' }).click();
    await page.waitForURL((url) => url.pathname !== planPath && /\/plans\//.test(url.pathname));
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Entering Japan (copy)');
    expect(await page.locator('main').textContent()).toContain('Chile — Space weather');
    await expect.poll(() => page.getByTestId('activity-row').count()).toBe(2);
    expect(await page.getByTestId('plan-planned').textContent()).toContain('€11,100.00');
    expect(await page.getByTestId('plan-actual').textContent()).toContain('€0.00');

    // A market with plans cannot be deleted: the server's reason, in the dialog.
    await page.getByRole('link', { name: 'Chile — Space weather' }).first().click();
    await page.waitForURL(new RegExp(`/w/${slug}/markets/[^/]+$`));
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Chile — Space weather?' });
    await dialog.getByRole('button', { name: 'Delete market' }).click();
    await expect.poll(() => page.getByTestId('market-delete-error').textContent()).toContain('409');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Someone else saves the market while the drawer is open: 409, reload, save again.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const marketForm = page.getByTestId('market-form');
    await marketForm.waitFor();
    const marketId = new URL(page.url()).pathname.split('/').at(-1) as string;
    await page.evaluate(
      async ({ workspace, id }) => {
        const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
        const url = `/api/v1/workspaces/${workspace}/markets/${id}`;
        const market = (await (await fetch(url)).json()) as { version: number };
        await fetch(url, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
          body: JSON.stringify({ version: market.version, rationale: 'Changed elsewhere.' }),
        });
      },
      { workspace: slug, id: marketId },
    );
    await choose(page, 'market-status', 'Active');
    await marketForm.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByTestId('market-conflict').textContent()).toContain('Someone changed');
    await page.getByTestId('market-conflict').getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => page.locator('#market-rationale').inputValue()).toBe('Changed elsewhere.');
    await choose(page, 'market-status', 'Active');
    await marketForm.getByRole('button', { name: 'Save changes' }).click();
    await marketForm.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('main').textContent()).toContain('Active');

    // Participants of the training: an organisation as speaker, then removed.
    await page.goto(`${baseUrl}${trainingPath}`);
    await choose(page, 'participant-organisationId', 'Kestrel Optics');
    await choose(page, 'participant-role', 'Speaker');
    await page.getByRole('button', { name: 'Add participant' }).click();
    await expect.poll(() => page.getByTestId('participant-row').count()).toBe(1);
    expect(await page.getByTestId('participant-row').textContent()).toContain('Speaker');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Remove Kestrel Optics' }).click();
    await expect.poll(() => page.getByTestId('participant-row').count()).toBe(0);

    // The actual cost: edited, then deleted after confirmation.
    await page.getByRole('button', { name: 'Edit Venue in Leuven' }).click();
    const lineForm = page.getByTestId('cost-line-form');
    await page.locator('#cost-line-amountEur').fill('1500');
    await lineForm.getByRole('button', { name: 'Save changes' }).click();
    await lineForm.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('budget-actual').textContent()).toBe('€1,500.00');
    await page.getByRole('button', { name: 'Delete Venue in Leuven' }).click();
    await page
      .getByRole('dialog', { name: 'Delete the line Venue in Leuven?' })
      .getByRole('button', { name: 'Delete line' })
      .click();
    await expect.poll(() => page.getByTestId('budget-actual').textContent()).toBe('€0.00');
    await page.context().close();
  }, 90_000);

  it('shows a viewer the costs without edit actions, and a member the activities without costs', async () => {
    const viewer = await signedIn(browser, baseUrl, VIEWER, planPath);
    await expect.poll(() => viewer.getByTestId('plan-planned').count()).toBe(1);
    expect(await viewer.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Add activity' }).count()).toBe(0);
    await viewer.goto(`${baseUrl}${trainingPath}`);
    await expect.poll(() => viewer.getByTestId('budget-planned').textContent()).toBe('€3,600.00');
    expect(await viewer.getByTestId('estimate-panel').count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Record actual cost' }).count()).toBe(0);
    expect(await viewer.getByTestId('participant-form').count()).toBe(0);
    await viewer.context().close();

    const member = await signedIn(browser, baseUrl, MEMBER, planPath);
    await expect.poll(() => member.getByTestId('activity-row').count()).toBe(2);
    expect(await member.getByTestId('plan-budget').count()).toBe(0);
    expect(await member.getByTestId('plan-activities').textContent()).not.toContain('€');
    await member.goto(`${baseUrl}${trainingPath}`);
    await expect.poll(() => member.locator('main').textContent()).toContain('Costs are visible to');
    expect(await member.getByTestId('budget-planned').count()).toBe(0);
    await expectNoSeriousA11yViolations(member);
    await member.context().close();
  });
});
