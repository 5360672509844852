import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { launchChromium } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import { SurveyRows } from '../support/survey-factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const PHONE = { width: 390, height: 844 };

describe.skipIf(!chromiumPath)('answering a survey through its personal link', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let workspaceId: string;
  let waveId: string;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const factory = new Factory(t.database.db);
    workspaceId = (await factory.workspace('Survey consortium')).id;
    const rows = new SurveyRows(t.database.db);
    const questionnaire = await rows.questionnaire(workspaceId);
    const wave = await rows.wave(workspaceId, questionnaire.id, { name: 'Readiness spring 2026' });
    waveId = wave.id;
    ({ token } = await rows.invitation(workspaceId, wave.id, { language: 'en' }));
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('answers on a phone: conditions live, autosave, language switch, submit, then "already answered"', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/survey#${token}`);
    await page.getByRole('heading', { name: 'Readiness spring 2026', level: 1 }).waitFor();
    await page.getByText('Section 1 of 2').waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.getByTestId('question-plan').getByLabel('Yes').check();
    // The partners question shows only once sales abroad are "partly" or "yes".
    await expect(page.getByText('Where are your partners?').count()).resolves.toBe(0);
    await page.getByTestId('question-sales_abroad').getByLabel('Partly').check();
    await page.getByText('Where are your partners?').waitFor();
    await page.getByLabel('Asia').check();
    await page.getByTestId('survey-save-state').getByText('Saved').waitFor();

    // The questionnaire in French, and on to the second section.
    await page.getByTestId('survey-language').click();
    await page.getByRole('option', { name: 'Français' }).click();
    await page.getByText('Votre entreprise').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Section 2 of 2').waitFor();
    await page.getByTestId('question-offer_fit').getByLabel('4', { exact: true }).check();
    await page.getByRole('radiogroup', { name: 'Personnel' }).getByLabel('3', { exact: true }).check();
    await page.getByRole('radiogroup', { name: 'Budget' }).getByLabel('2', { exact: true }).check();
    await page.getByTestId('question-commitment').getByLabel('5', { exact: true }).check();
    const width = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(width, 'no horizontal page scroll on a phone').toBeLessThanOrEqual(PHONE.width);
    await expectNoSeriousA11yViolations(page);
    await page.getByTestId('survey-submit').click();
    await page.getByTestId('survey-done').getByText('Thank you! Your answers are submitted.').waitFor();

    const response = await t.database.db
      .selectFrom('survey_response')
      .selectAll()
      .where('wave_id', '=', waveId)
      .executeTakeFirstOrThrow();
    expect(response.language).toBe('fr');
    expect(JSON.parse(response.answers)).toMatchObject({
      plan: 'yes',
      sales_abroad: 'partly',
      partners: ['asia'],
      offer_fit: 4,
      resources: { staff: 3, budget: 2 },
      commitment: 5,
    });
    expect(response.stage).not.toBeNull();

    await page.reload();
    await page
      .getByTestId('survey-done')
      .getByText(/already answered/)
      .waitFor();
    await context.close();
  });
});
