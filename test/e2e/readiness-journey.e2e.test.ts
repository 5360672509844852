import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultReadinessQuestionnaire } from '../../src/domain/surveys/default-readiness.ts';
import { isShown, scoreReadiness } from '../../src/domain/surveys/readiness.ts';
import { percentileRank } from '../../src/domain/surveys/statistics.ts';
import type { Answers, Question } from '../../src/domain/surveys/types.ts';
import { BackgroundTasks } from '../../src/features/mail/background.ts';
import { enReadiness } from '../../web/src/messages/en-readiness.ts';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { launchChromium, signedInPage } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import { type ReceivedMail, startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/**
 * The "Done when" journey of issue 23, end to end in the browser: a coordinator adds the default
 * readiness questionnaire and sends a wave to the members; two members' people answer through the
 * personal links of their invitation mails (one on a phone); their stages and benchmark show on
 * their pages and on the market page, whose recommended roadmap re-optimises under the budget
 * slider and becomes a plan with dated activities and costed lines.
 */

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const PUBLIC_URL = 'http://hub.example.test';
const COORDINATOR = 'journey@example.test';
const PASSWORD = 'readiness-journey-e2e-Passphrase-42';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const WAVE = 'Readiness 2026';
const DEFINITION = defaultReadinessQuestionnaire().definition;
const stageLabels = enReadiness.readiness.stages;

type Level = 'high' | 'low';

/**
 * Answers every shown question of the default questionnaire on the respondent's page, section by
 * section, then submits: "high" takes each choice's last (best) option, 5 on scales and grids,
 * and answers the optional questions; "low" the first (worst) option, 1, and leaves the optional
 * number, text and market questions empty. Returns the answers given, built along the way from
 * the same rules (a question shows only when its condition on the answers so far holds). On a
 * `phone`, every section must fit its width.
 */
async function answerSurvey(page: Page, level: Level, market: { id: string; name: string }, phone: boolean) {
  const answers: Answers = {};
  const sections = DEFINITION.sections;
  for (const [index, section] of sections.entries()) {
    await page.getByText(`Section ${index + 1} of ${sections.length}`).waitFor();
    await page.getByRole('heading', { name: section.title.en, level: 2 }).waitFor();
    for (const question of section.questions) {
      if (!isShown(question, answers)) continue;
      await answerQuestion(page, question, level, answers, market);
    }
    if (phone) {
      expect(await documentWidth(page), `no sideways scroll on a phone (${section.key})`).toBeLessThanOrEqual(
        PHONE.width,
      );
    }
    if (index < sections.length - 1) await page.getByRole('button', { name: 'Next' }).click();
  }
  await page.getByTestId('survey-submit').click();
  await page.getByTestId('survey-done').getByText('Thank you! Your answers are submitted.').waitFor();
  return answers;
}

async function answerQuestion(
  page: Page,
  question: Question,
  level: Level,
  answers: Answers,
  market: { id: string; name: string },
) {
  const field = page.getByTestId(`question-${question.key}`);
  const high = level === 'high';
  const scaleValue = high ? 5 : 1;
  switch (question.type) {
    case 'single_choice': {
      const options = question.options ?? [];
      const option = (high ? options.at(-1) : options[0]) as (typeof options)[number];
      await field.getByRole('radio', { name: option.label.en, exact: true }).check();
      answers[question.key] = option.key;
      return;
    }
    case 'multiple_choice': {
      const options = question.options ?? [];
      const option = (high ? options[0] : options.at(-1)) as (typeof options)[number];
      await field.getByRole('checkbox', { name: option.label.en, exact: true }).check();
      answers[question.key] = [option.key];
      return;
    }
    case 'scale':
      await field.getByRole('radio', { name: String(scaleValue), exact: true }).check();
      answers[question.key] = scaleValue;
      return;
    case 'matrix': {
      const rows: Record<string, number> = {};
      for (const row of question.rows ?? []) {
        await field
          .getByRole('radiogroup', { name: row.label.en, exact: true })
          .getByRole('radio', { name: String(scaleValue), exact: true })
          .check();
        rows[row.key] = scaleValue;
      }
      answers[question.key] = rows;
      return;
    }
    case 'number':
      if (!high) return;
      await field.fill('20');
      answers[question.key] = 20;
      return;
    case 'text':
      if (!high) return;
      await field.fill('Partners in Japan for our ground segment');
      answers[question.key] = 'Partners in Japan for our ground segment';
      return;
    case 'market':
      if (!high) return;
      await field.click();
      await page.getByRole('option', { name: market.name, exact: true }).click();
      answers[question.key] = market.id;
      return;
    default:
      throw new Error(`the journey does not answer ${question.type} questions`);
  }
}

function surveyPath(mail: ReceivedMail): string {
  const match = new RegExp(`${PUBLIC_URL}(/survey#[A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`no survey link in:\n${mail.text}`);
  return match[1];
}

function documentWidth(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );
}

describe.skipIf(!chromiumPath)('the readiness journey in the browser (issue 23, "Done when")', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let browser: Browser;
  let baseUrl: string;
  let workspace: { id: string; slug: string };
  let market: { id: string; name: string };
  const members = {
    high: { id: '', name: 'Orbital Works', email: 'ana@orbital-works.example' },
    low: { id: '', name: 'Kite Sensors', email: 'ben@kite-sensors.example' },
  };
  const given: Partial<Record<Level, Answers>> = {};
  const backgroundErrors: unknown[] = [];
  const background = new BackgroundTasks((error) => backgroundErrors.push(error));

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp('sqlite', {
      webDist: WEB_DIST,
      mail: { smtpUrl: smtp.url, from: 'SPACE2ID Hub <hub@example.test>', publicUrl: PUBLIC_URL },
      background,
    });
    const factory = new Factory(t.database.db);
    workspace = await factory.workspace('Journey consortium');
    const coordinator = await factory.userWithPassword(PASSWORD, COORDINATOR);
    await factory.addMember(workspace.id, coordinator.id, 'coordinator');
    const cluster = await factory.cluster(workspace.id);
    market = await factory.market(workspace.id, {
      name: 'Japan',
      country: 'JP',
      owner_cluster_id: cluster.id,
    });
    for (const member of Object.values(members)) {
      const organisation = await factory.organisation(workspace.id, cluster.id, {
        name: member.name,
        target_market_interests: '["JP"]',
      });
      member.id = organisation.id;
      await factory.person(workspace.id, organisation.id, {
        email: member.email,
        consent: 1,
        consent_at: '2026-01-01',
      });
    }
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });

  it('sends a readiness wave and answers it through the two personal links, one on a phone', async () => {
    const page = await signedInPage(browser, baseUrl, {
      email: COORDINATOR,
      password: PASSWORD,
      redirect: `/w/${workspace.slug}/surveys`,
      viewport: DESKTOP,
    });
    // The Hub's default readiness questionnaire, added from the Questionnaires tab.
    await page.getByRole('tab', { name: 'Questionnaires' }).click();
    await page.getByTestId('questionnaire-add-default').click();
    await page.waitForURL((url) => url.pathname.includes('/surveys/questionnaires/'));

    // A wave of it to the members' people, from the New wave drawer.
    await page.goto(`${baseUrl}/w/${workspace.slug}/surveys`);
    await page.getByTestId('new-wave').click();
    const drawer = page.getByRole('dialog', { name: 'New wave' });
    await drawer.getByTestId('wave-questionnaire').click();
    await page.getByRole('option', { name: 'Internationalisation readiness' }).click();
    await drawer.getByTestId('wave-name').fill(WAVE);
    expect(await drawer.getByRole('radio', { name: 'Members’ people' }).isChecked()).toBe(true);
    await drawer
      .getByTestId('wave-audience-preview')
      .getByText('2 will get a link · 0 left out (no e-mail or no consent)')
      .waitFor();
    await drawer.getByRole('button', { name: 'Save the draft' }).click();
    await page.waitForURL((url) => url.pathname.includes('/surveys/waves/'));
    await page.getByRole('heading', { name: WAVE, level: 1 }).waitFor();
    await page.getByTestId('wave-status').getByText('Draft').waitFor();

    await page.getByTestId('wave-send').click();
    const confirm = page.getByRole('dialog', { name: 'Send the wave' });
    await confirm.getByText('Send the personal links now?').waitFor();
    await confirm.getByRole('button', { name: 'Send the wave' }).click();
    await page.getByTestId('wave-status').getByText('Open').waitFor();
    await page.getByTestId('wave-progress-completed').getByText('0 / 2').waitFor();

    // The invitations leave after the answer, in the background: wait for both mails.
    await background.idle();
    expect(backgroundErrors).toEqual([]);
    const [highMail, lowMail] = await Promise.all(
      [members.high.email, members.low.email].map((email) => smtp.waitFor((m) => m.to.includes(email))),
    );
    for (const mail of [highMail, lowMail] as ReceivedMail[]) {
      expect(mail.subject).toBe(`Your opinion: ${WAVE}`);
      expect(mail.text).toContain(`Journey consortium invites you to answer the survey "${WAVE}"`);
    }
    // The links point to the Hub's public address; the test's Hub listens elsewhere.
    const highLink = surveyPath(highMail as ReceivedMail);
    const lowLink = surveyPath(lowMail as ReceivedMail);
    expect(highLink).not.toBe(lowLink);

    // The two people answer at the same time: one on a phone with the best answers (its grids
    // shown), the other on a desktop with the weakest.
    const respond = async (link: string, viewport: typeof DESKTOP, level: Level) => {
      const context = await browser.newContext({ viewport });
      context.setDefaultTimeout(20_000);
      const respondent = await context.newPage();
      await respondent.goto(`${baseUrl}${link}`);
      await respondent.getByRole('heading', { name: WAVE, level: 1 }).waitFor();
      given[level] = await answerSurvey(respondent, level, market, viewport === PHONE);
      await context.close();
    };
    await Promise.all([respond(highLink, PHONE, 'high'), respond(lowLink, DESKTOP, 'low')]);

    // Stored as given, each scored by the domain's rules.
    const responses = await t.database.db
      .selectFrom('survey_response')
      .select(['organisation_id', 'answers', 'stage'])
      .execute();
    expect(responses).toHaveLength(2);
    for (const level of ['high', 'low'] as const) {
      const response = responses.find((r) => r.organisation_id === members[level].id);
      expect(response, `${level} member's response`).toBeDefined();
      expect(JSON.parse(response?.answers as string)).toEqual(given[level]);
      expect(response?.stage).toBe(scoreReadiness(DEFINITION, given[level] as Answers).stage);
    }

    // The coordinator's wave page shows both completed (it polls while open).
    await page.getByTestId('wave-progress-completed').getByText('2 / 2').waitFor();
    await expect
      .poll(() => page.getByTestId('respondent-row').filter({ hasText: 'Completed' }).count())
      .toBe(2);
    // The results follow the progress.
    await page.getByTestId('wave-results').getByText('2 respondents of 2 invited').waitFor();
    await page.close();
  }, 90_000);

  it("sees both members' stages and benchmark, moves the budget slider, accepts the roadmap into a plan", async () => {
    expect(given.high && given.low, 'the first step answered the wave').toBeTruthy();
    const high = scoreReadiness(DEFINITION, given.high as Answers);
    const low = scoreReadiness(DEFINITION, given.low as Answers);
    expect(high.stage).not.toBe(low.stage);
    const page = await signedInPage(browser, baseUrl, {
      email: COORDINATOR,
      password: PASSWORD,
      redirect: `/w/${workspace.slug}/members/${members.high.id}`,
      viewport: DESKTOP,
    });
    // Each member's profile: its stage as a label, and its rank among its cluster and all members
    // (one cluster, so both benchmarks are over the same two members).
    for (const [level, score] of [
      ['high', high],
      ['low', low],
    ] as const) {
      if (level === 'low') await page.goto(`${baseUrl}/w/${workspace.slug}/members/${members.low.id}`);
      const card = page.getByTestId('member-readiness');
      await card
        .getByTestId('readiness-stage')
        .getByText(stageLabels[score.stage], { exact: true })
        .waitFor();
      await card.getByText(`${score.total.toLocaleString('en')} out of 200`).waitFor();
      await card.getByTestId('readiness-radar').waitFor();
      const rank = percentileRank(score.total, [high.total, low.total]);
      await expect
        .poll(() => card.getByTestId('readiness-percentile').allTextContents())
        .toEqual([`Percentile ${rank} of 2 members`, `Percentile ${rank} of 2 members`]);
    }

    // The market page: the interested members' readiness, then the recommended roadmap.
    await page.goto(`${baseUrl}/w/${workspace.slug}/markets/${market.id}`);
    const readiness = page.getByTestId('market-readiness');
    for (const level of ['high', 'low'] as const) {
      const score = level === 'high' ? high : low;
      await readiness
        .getByRole('row')
        .filter({ hasText: members[level].name })
        .getByText(stageLabels[score.stage])
        .waitFor();
    }
    // Only this section: the roadmap's own test checks the rest of the market page.
    await expectNoSeriousA11yViolations(page, '[data-testid="market-readiness"]');
    const section = page.getByTestId('market-roadmap');
    await section.getByTestId('roadmap-proof').waitFor();
    await section.getByText('2 interested members').waitFor();
    const total = section.getByTestId('roadmap-total');
    const before = await total.textContent();
    const chosenBefore = await section.getByTestId('roadmap-chosen').textContent();
    // The slider re-optimises as it moves (keyboard: a few steps up, then to its end).
    await section.getByRole('slider', { name: 'Budget cap slider' }).focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('End');
    await expect.poll(async () => section.getByTestId('roadmap-total').textContent()).not.toBe(before);
    expect(await section.getByTestId('roadmap-chosen').textContent()).not.toBe(chosenBefore);

    await section.getByTestId('roadmap-accept').click();
    const form = page.getByTestId('roadmap-accept-form');
    await form.getByLabel('Plan name').fill('Japan readiness roadmap');
    await form.getByTestId('roadmap-accept-confirm').click();
    await page.waitForURL((url) => url.pathname.startsWith(`/w/${workspace.slug}/plans/`));
    await page.getByRole('heading', { name: 'Japan readiness roadmap', level: 1 }).waitFor();

    // The plan's activities on its timeline, and the costed lines of one of them.
    const planId = new URL(page.url()).pathname.split('/').at(-1) as string;
    const activities = await t.database.db
      .selectFrom('activity')
      .select(['id', 'title', 'starts_on'])
      .where('plan_id', '=', planId)
      .orderBy('starts_on')
      .execute();
    expect(activities.length).toBeGreaterThan(1);
    expect(new Set(activities.map((a) => a.starts_on)).size, 'dated across the period').toBeGreaterThan(1);
    await expect.poll(() => page.getByTestId('activity-row').count()).toBe(activities.length);
    const activity = activities[0] as (typeof activities)[number];
    await page
      .getByTestId('activity-row')
      .getByRole('link', { name: activity.title, exact: true })
      .first()
      .click();
    await page.waitForURL((url) => url.pathname === `/w/${workspace.slug}/activities/${activity.id}`);
    const lines = await t.database.db
      .selectFrom('cost_line')
      .select(['description', 'amount_cents'])
      .where('activity_id', '=', activity.id)
      .execute();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => Number(l.amount_cents) > 0)).toBe(true);
    await expect.poll(() => page.getByTestId('cost-line-row').count()).toBe(lines.length);
    await page
      .getByTestId('cost-line-row')
      .getByText((lines[0] as (typeof lines)[number]).description, { exact: true })
      .waitFor();
    await page.close();
  }, 60_000);
});
