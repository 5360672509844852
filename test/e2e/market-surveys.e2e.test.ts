import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { launchChromium, signedInPage } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import { sidewaysScroll } from '../support/layout-checks.ts';
import { SurveyRows } from '../support/survey-factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const COORDINATOR = 'market-surveys@example.test';
const PASSWORD = 'market-surveys-e2e-Passphrase-42';
const PHONE = { width: 390, height: 844 };

/** Issue 23: a market's findings of market surveys, on a phone. */
describe.skipIf(!chromiumPath)('market survey findings in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let workspace: { id: string; slug: string };
  let marketId: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const factory = new Factory(t.database.db);
    workspace = await factory.workspace('Market surveys consortium');
    const coordinator = await factory.userWithPassword(PASSWORD, COORDINATOR);
    await factory.addMember(workspace.id, coordinator.id, 'coordinator');
    marketId = (await factory.market(workspace.id, { name: 'Japan — Earth observation', country: 'JP' })).id;
    const surveys = new SurveyRows(t.database.db);
    const questionnaire = await surveys.questionnaire(workspace.id, { kind: 'market' });
    await surveys.wave(workspace.id, questionnaire.id, { market_id: marketId, name: 'Tokyo network survey' });
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('adds a finding from a survey wave, edits it and deletes it after confirmation', async () => {
    const page = await signedInPage(browser, baseUrl, {
      email: COORDINATOR,
      password: PASSWORD,
      redirect: `/w/${workspace.slug}/markets/${marketId}`,
      viewport: PHONE,
    });
    const section = page.getByTestId('market-survey-findings');
    await section.getByTestId('market-survey-findings-empty').waitFor();

    await section.getByRole('button', { name: 'Add a finding' }).click();
    const drawer = page.getByRole('dialog', { name: 'Add a finding' });
    await drawer.getByRole('button', { name: 'Add the finding' }).click();
    await expect
      .poll(() => page.locator('#market-finding-title-error').textContent())
      .toBe('Give the finding a title');
    await drawer.getByLabel('Title').fill('Integrators look for EO data partners');
    await drawer.getByLabel('What was found').fill('Three of five said so.\nTwo want a pilot first.');
    await drawer.getByLabel('From the market survey').click();
    await page.getByRole('option', { name: 'Tokyo network survey' }).click();
    await drawer.getByRole('button', { name: 'Add the finding' }).click();
    await drawer.waitFor({ state: 'detached' });

    const card = section.getByTestId('market-survey-finding');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.textContent()).toContain('Integrators look for EO data partners');
    expect(await card.getByRole('link', { name: 'Tokyo network survey' }).getAttribute('href')).toMatch(
      new RegExp(`/w/${workspace.slug}/surveys/waves/`),
    );
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page);

    await card.getByRole('button', { name: 'Edit “Integrators look for EO data partners”' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit the finding' });
    await edit.getByLabel('Title').fill('Integrators want EO data partners');
    await edit.getByRole('button', { name: 'Save the finding' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => card.textContent()).toContain('Integrators want EO data partners');

    await card.getByRole('button', { name: 'Delete “Integrators want EO data partners”' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete the finding' }).click();
    await section.getByTestId('market-survey-findings-empty').waitFor();
    await page.context().close();
  });
});
