import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { launchChromium, signedInPage } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const COORDINATOR = 'questionnaires@example.test';
const PASSWORD = 'questionnaires-e2e-Passphrase-42';
const PHONE = { width: 390, height: 844 };

describe.skipIf(!chromiumPath)('questionnaires in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let workspace: { id: string; slug: string };

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const factory = new Factory(t.database.db);
    workspace = await factory.workspace('Questionnaires consortium');
    const coordinator = await factory.userWithPassword(PASSWORD, COORDINATOR);
    await factory.addMember(workspace.id, coordinator.id, 'coordinator');
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('creates a questionnaire, adds two questions with a condition, is told a condition on a later question is wrong, saves and previews', async () => {
    const page = await signedInPage(browser, baseUrl, {
      email: COORDINATOR,
      password: PASSWORD,
      redirect: `/w/${workspace.slug}/surveys`,
    });
    await page.getByRole('tab', { name: 'Questionnaires' }).click();
    await page.getByTestId('questionnaires-empty').waitFor();
    await page.getByTestId('questionnaire-add-default').waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.getByTestId('questionnaire-new').click();
    await page.getByTestId('questionnaire-name').fill('Needs survey 2027');
    await page.getByRole('button', { name: 'Create and open the builder' }).click();
    await page.waitForURL((url) => url.pathname.includes('/surveys/questionnaires/'));
    await page.getByRole('heading', { name: 'Needs survey 2027', level: 1 }).waitFor();

    // The starter question becomes a choice; a second question is shown only on one of its answers.
    const questions = page.getByTestId('builder-question');
    await questions.nth(0).getByTestId('question-label').fill('Do you export?');
    await questions.nth(0).getByTestId('question-key').fill('exports');
    await questions.nth(0).getByRole('textbox', { name: 'Type', exact: true }).click();
    await page.getByRole('option', { name: 'One choice' }).click();
    await questions.nth(0).getByRole('textbox', { name: 'Option 1', exact: true }).fill('Yes');
    await questions.nth(0).getByRole('textbox', { name: 'Option 2', exact: true }).fill('No');
    await page.getByTestId('new-question-type').click();
    await page.getByRole('option', { name: 'Text', exact: true }).click();
    await page.getByTestId('add-question').click();
    await questions.nth(1).getByTestId('question-label').fill('Where do you export to?');
    await questions.nth(1).getByTestId('question-key').fill('where');
    await questions.nth(1).getByTestId('question-condition').click();
    await page.getByRole('option', { name: /Do you export\?/ }).click();
    // The pills' field covers its input.
    await questions.nth(1).getByTestId('question-condition-any-of').click({ force: true });
    await page.getByRole('option', { name: 'Yes' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('questionnaire-problems').count()).toBe(0);

    // Moved above the question it depends on, the condition is on a later question: said at the question.
    await page.getByRole('button', { name: 'Move up: Question 2' }).click();
    await questions
      .nth(0)
      .getByText('"exports" comes later: a condition must be on an earlier question')
      .waitFor();
    await page.getByTestId('questionnaire-problems').waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Move down: Question 1' }).click();
    await expect.poll(() => page.getByTestId('questionnaire-problems').count()).toBe(0);

    await page.getByTestId('questionnaire-save').click();
    await expect.poll(() => page.getByTestId('questionnaire-dirty').count()).toBe(0);
    const stored = await t.database.db
      .selectFrom('survey_questionnaire')
      .select(['definition', 'version'])
      .where('workspace_id', '=', workspace.id)
      .executeTakeFirstOrThrow();
    expect(stored.version).toBe(2);
    const definition = JSON.parse(stored.definition);
    expect(definition.sections[0].questions.map((q: { key: string }) => q.key)).toEqual(['exports', 'where']);
    expect(definition.sections[0].questions[1].showIf).toEqual({ question: 'exports', anyOf: ['option_1'] });

    await page.getByTestId('questionnaire-preview-tab').click();
    await page.getByTestId('questionnaire-preview').waitFor();
    await page.getByTestId('preview-language').waitFor();
    await expectNoSeriousA11yViolations(page);
  });

  it('lists the questionnaire on a phone without sideways scroll', async () => {
    const page = await signedInPage(browser, baseUrl, {
      email: COORDINATOR,
      password: PASSWORD,
      redirect: `/w/${workspace.slug}/surveys`,
      viewport: PHONE,
    });
    await page.getByRole('tab', { name: 'Questionnaires' }).click();
    await page.getByTestId('questionnaire-card').first().waitFor();
    await page.getByTestId('questionnaire-card').getByText('Needs survey 2027').waitFor();
    await page.getByTestId('questionnaire-card').getByRole('link').first().click();
    await page.getByTestId('builder-question').first().waitFor();
    await expectNoSeriousA11yViolations(page);
    const width = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(width, 'no horizontal page scroll on a phone').toBeLessThanOrEqual(PHONE.width);
  });
});
