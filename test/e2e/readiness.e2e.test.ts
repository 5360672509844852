import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { launchChromium, signedInPage } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import { readinessAnswers, SurveyRows } from '../support/survey-factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const COORDINATOR = 'readiness@example.test';
const PASSWORD = 'readiness-e2e-Passphrase-42';
const PHONE = { width: 390, height: 844 };

describe.skipIf(!chromiumPath)('readiness results in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let workspace: { id: string; slug: string };
  let memberId: string;
  let waveId: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const factory = new Factory(t.database.db);
    const surveys = new SurveyRows(t.database.db);
    workspace = await factory.workspace('Readiness consortium');
    const coordinator = await factory.userWithPassword(PASSWORD, COORDINATOR);
    await factory.addMember(workspace.id, coordinator.id, 'coordinator');
    const cluster = await factory.cluster(workspace.id);
    const member = await factory.organisation(workspace.id, cluster.id, { name: 'Orbitech' });
    const other = await factory.organisation(workspace.id, cluster.id, { name: 'Kestrel' });
    memberId = member.id;
    const questionnaire = await surveys.questionnaire(workspace.id);
    const first = await surveys.wave(workspace.id, questionnaire.id);
    const second = await surveys.wave(workspace.id, questionnaire.id);
    waveId = second.id;
    await surveys.response(workspace.id, first.id, readinessAnswers(2), {
      organisation_id: member.id,
      submitted_at: '2025-11-01T10:00:00.000Z',
    });
    await surveys.response(workspace.id, second.id, readinessAnswers(4), { organisation_id: member.id });
    await surveys.response(workspace.id, second.id, readinessAnswers(5), { organisation_id: other.id });
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("shows a member's radar, stage, change and percentiles on a phone, and a wave's results with an export", async () => {
    const page = await signedInPage(browser, baseUrl, {
      email: COORDINATOR,
      password: PASSWORD,
      redirect: `/w/${workspace.slug}/members/${memberId}`,
      viewport: PHONE,
    });
    const card = page.getByTestId('member-readiness');
    await card.waitFor();
    await card.getByTestId('readiness-stage').getByText('Mid level').waitFor();
    await card.getByTestId('readiness-radar').waitFor();
    expect(await card.getByTestId('readiness-change').textContent()).toMatch(
      /^\+\d.* since the previous survey$/,
    );
    await card.getByText('Percentile 25 of 2 members').first().waitFor();
    await expectNoSeriousA11yViolations(page);
    const width = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(width, 'no horizontal page scroll on a phone').toBeLessThanOrEqual(PHONE.width);

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${baseUrl}/w/${workspace.slug}/surveys/waves/${waveId}`);
    const results = page.getByTestId('wave-results');
    await results.getByTestId('results-respondents').getByText('2 respondents of 0 invited').waitFor();
    await results.getByTestId('results-stages').waitFor();
    await results.getByTestId('results-dimensions').waitFor();
    expect(await results.getByTestId('results-mean-total').textContent()).toMatch(
      /^Mean readiness: \d+(\.\d)? out of 200$/,
    );
    await results.getByText('Is there an export plan?').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      results.getByTestId('results-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe('survey-results.csv');
    await expectNoSeriousA11yViolations(page);
  });
});
