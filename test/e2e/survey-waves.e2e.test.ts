import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { launchChromium, signedInPage } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import { SurveyRows } from '../support/survey-factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const COORDINATOR = 'waves@example.test';
const PASSWORD = 'waves-e2e-Passphrase-42';
/** More than a page of the list (50). */
const OLD_WAVES = 53;

describe.skipIf(!chromiumPath)('survey waves in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let slug: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const factory = new Factory(t.database.db);
    const surveys = new SurveyRows(t.database.db);
    const workspace = await factory.workspace('Waves consortium');
    slug = workspace.slug;
    const coordinator = await factory.userWithPassword(PASSWORD, COORDINATOR);
    await factory.addMember(workspace.id, coordinator.id, 'coordinator');
    const cluster = await factory.cluster(workspace.id, { name: 'Aerospace Valley', short_name: 'AV' });
    const market = await factory.market(workspace.id, { name: 'Japan 2027', country: 'JP' });
    const plan = await factory.plan(workspace.id, market.id);
    await factory.activity(workspace.id, plan.id, {
      instrument: '1.1.6',
      title: 'Members validation survey',
      cluster_id: cluster.id,
    });
    await factory.activity(workspace.id, plan.id, { instrument: '1.1.1', title: 'A training, not a survey' });
    const questionnaire = await surveys.questionnaire(workspace.id, { name: 'Readiness check' });
    for (let i = 0; i < OLD_WAVES; i++) {
      await surveys.wave(workspace.id, questionnaire.id, {
        name: `Archived wave ${String(i).padStart(2, '0')}`,
        status: 'closed',
        created_at: `2025-01-01T00:00:${String(i).padStart(2, '0')}.000Z`,
      });
    }
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('pages and searches the waves, then creates one in a validation-survey activity with its market', async () => {
    const page = await signedInPage(browser, baseUrl, {
      email: COORDINATOR,
      password: PASSWORD,
      redirect: `/w/${slug}/surveys`,
    });
    const cards = page.getByTestId('wave-card');
    await page.getByTestId('waves-more').waitFor();
    expect(await cards.count()).toBe(50);
    await page.getByTestId('waves-more').click();
    await expect.poll(() => cards.count()).toBe(OLD_WAVES);
    await expect(page.getByTestId('waves-more').count()).resolves.toBe(0);

    await page.getByTestId('waves-search').fill('wave 07');
    await expect.poll(() => cards.count()).toBe(1);
    await cards.getByText('Archived wave 07').waitFor();
    await page.getByTestId('waves-search').fill('no such wave');
    await page.getByTestId('waves-no-match').waitFor();
    // Back to the whole list, as far as it was read.
    await page.getByTestId('waves-search').fill('');
    await expect.poll(() => cards.count()).toBe(OLD_WAVES);

    await page.getByTestId('new-wave').click();
    const drawer = page.getByRole('dialog', { name: 'New wave' });
    await drawer.getByTestId('wave-questionnaire').click();
    await page.getByRole('option', { name: 'Readiness check' }).click();
    await drawer.getByTestId('wave-name').fill('Readiness 2027');
    // Only validation and market surveys are offered, grouped by instrument.
    await drawer.getByTestId('wave-activity').click();
    await expect(page.getByRole('option', { name: /A training, not a survey/ }).count()).resolves.toBe(0);
    await page.getByRole('option', { name: /^Members validation survey · / }).click();
    // The activity's plan gives the market; its cluster runs the wave.
    await expect.poll(() => drawer.getByTestId('wave-market').inputValue()).toBe('Japan 2027');
    await drawer
      .getByTestId('wave-cluster-of-activity')
      .getByText('Run by AV, the activity’s cluster')
      .waitFor();
    await expect(drawer.getByTestId('wave-cluster').count()).resolves.toBe(0);
    await expectNoSeriousA11yViolations(page);
    await drawer.getByRole('button', { name: 'Save the draft' }).click();

    await page.getByRole('heading', { name: 'Readiness 2027', level: 1 }).waitFor();
    const context = page.getByTestId('wave-context');
    await context.getByRole('link', { name: 'Members validation survey' }).waitFor();
    await context.getByRole('link', { name: 'Japan 2027' }).waitFor();
    await context.getByText('Run by: AV').waitFor();
    await page.getByRole('link', { name: 'Surveys' }).first().click();
    await cards.first().getByText('Readiness 2027').waitFor();
    await page.context().close();
  }, 90_000);
});
