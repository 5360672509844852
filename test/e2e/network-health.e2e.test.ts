import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { launchChromium, signedInPage } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import { settle, sidewaysScroll } from '../support/layout-checks.ts';
import { NetworkHealthFactory } from '../support/network-health-factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const EMAIL = 'network-health@example.test';
const PASSWORD = 'network-health-e2e-Passphrase-42';
const PHONE = { width: 390, height: 844 };

/** `YYYY-MM-DD` of today minus `days` (UTC: the workspace's default time zone is near enough). */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** The figures of a `<Chart>` switched to its table view: one array of cell texts per row. */
async function chartRows(page: Page, testId: string): Promise<string[][]> {
  const chart = page.getByTestId(testId).first();
  await chart.getByText('Table', { exact: true }).click();
  const rows = chart.locator('tbody tr');
  await rows.first().waitFor();
  return rows.evaluateAll((trs) =>
    trs.map((tr) =>
      Array.from(tr.querySelectorAll('td'), (td: { textContent: string | null }) => td.textContent ?? ''),
    ),
  );
}

describe.skipIf(!chromiumPath)('network health in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let slug: string;
  let marketId: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const factory = new Factory(t.database.db);
    const network = new NetworkHealthFactory(t.database.db);
    const workspace = await factory.workspace('Network health consortium');
    slug = workspace.slug;
    const coordinator = await factory.userWithPassword(PASSWORD, EMAIL);
    await factory.addMember(workspace.id, coordinator.id, 'coordinator');
    const cluster = await factory.cluster(workspace.id, { name: 'Aerospace Valley', short_name: 'AV' });
    marketId = (await factory.market(workspace.id, { name: 'Japan', country: 'JP' })).id;
    // A partner silent for 75 days (limit 60): decaying; a contact met last week: in time.
    const kyoto = await network.organisation(workspace.id, { name: 'Kyoto Space Robotics', city: 'Kyoto' });
    await network.interaction(workspace.id, kyoto.id, daysAgo(75));
    const partner = await network.relationship(workspace.id, cluster.id, kyoto.id, {
      stage: 'mapped',
      started_on: daysAgo(100),
      market_id: marketId,
      owner_user_id: coordinator.id,
    });
    await network.move(workspace.id, partner.id, 'partner', daysAgo(80));
    const osaka = await network.organisation(workspace.id, { name: 'Osaka Orbital', city: 'Osaka' });
    await network.interaction(workspace.id, osaka.id, daysAgo(7));
    await network.relationship(workspace.id, cluster.id, osaka.id, {
      stage: 'contacted',
      started_on: daysAgo(30),
      market_id: marketId,
      owner_user_id: coordinator.id,
    });
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lists the decaying relationship first on a phone, explains the rule, and shows all on request', async () => {
    const page = await signedInPage(browser, baseUrl, {
      email: EMAIL,
      password: PASSWORD,
      redirect: `/w/${slug}/network/health`,
      viewport: PHONE,
    });
    await page.getByRole('heading', { name: 'Network health', level: 1 }).waitFor();
    await settle(page);
    await page.getByTestId('decay-rule').getByText('Potential partner').waitFor();
    const cards = page.getByTestId('health-card');
    await expect.poll(() => cards.count()).toBe(1);
    const card = await cards.first().textContent();
    expect(card).toContain('Kyoto Space Robotics');
    expect(card).toContain('Decaying');
    expect(card).toContain('75 of 60 days');
    expect(await sidewaysScroll(page)).toBe(0);
    await expectNoSeriousA11yViolations(page);

    await page.getByTestId('health-show').getByText('All relationships').click();
    await expect.poll(() => cards.count()).toBe(2);
    expect(await cards.nth(1).textContent()).toContain('Osaka Orbital');
    expect(await cards.nth(1).textContent()).toContain('In time');
    expect(new URL(page.url()).searchParams.get('all')).toBe('true');
    await page.context().close();
  });

  it('draws the pipeline funnel on the dashboard, and the network on the market page', async () => {
    const page = await signedInPage(browser, baseUrl, {
      email: EMAIL,
      password: PASSWORD,
      redirect: `/w/${slug}/?from=${daysAgo(200)}&to=${daysAgo(0)}`,
    });
    const funnel = page.getByTestId('dashboard-funnel');
    await funnel.getByTestId('dashboard-funnel-chart').waitFor();
    await settle(page);
    const rows = await chartRows(page, 'dashboard-funnel-chart');
    // Both relationships were mapped (the second began at "contacted"), both contacted; the
    // partner jumped from mapped to partner: met, potential partner and partner once.
    expect(rows.map((row) => row.slice(0, 3))).toEqual([
      ['Mapped', '2', '—'],
      ['Contacted', '2', '100%'],
      ['Met', '1', '50%'],
      ['Potential partner', '1', '100%'],
      ['Partner', '1', '100%'],
      ['Collaborating', '0', '0%'],
      ['Common project', '0', '—'],
    ]);
    await expectNoSeriousA11yViolations(page);

    await page.goto(`${baseUrl}/w/${slug}/markets/${marketId}`);
    const section = page.getByTestId('market-network');
    await section.getByRole('heading', { name: 'Network in Japan' }).waitFor();
    await section.getByTestId('market-network-map').waitFor();
    await settle(page);
    expect(await section.getByTestId('market-network-total').textContent()).toBe('2 network organisations');
    expect(await section.getByTestId('market-network-cities').textContent()).toContain('Kyoto');
    const stages = await section.getByTestId('market-network-stages').textContent();
    expect(stages).toContain('Partner1');
    expect(stages).toContain('Contacted1');
    await expectNoSeriousA11yViolations(page);
    await page.context().close();
  });
});
