import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemo } from '../../src/app/seed-demo.ts';
import { DEMO_PASSWORD } from '../../src/features/demo/seed-demo.ts';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { ARTIFACTS_DIR, launchChromium, signedInPage } from '../support/browser.ts';
import { settle, sidewaysScroll } from '../support/layout-checks.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
/** Pages change and dialogs fade on a busy machine: give them time. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

/**
 * Issue 18's member page (the activities an organisation took part in, its history) and
 * instrument page ("Plan this instrument", "Where it is used"), over the demo workspace.
 */
describe.skipIf(!chromiumPath)('the member page and the instrument page in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let organisation: { id: string; name: string };
  let activityTitles: string[];
  /** The demo plans with a study visit, by name. */
  let studyVisitPlans: { id: string; name: string }[];

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const db = t.database.db;
    await seedDemo(db);
    organisation = await db
      .selectFrom('membership')
      .innerJoin('app_user', 'app_user.id', 'membership.user_id')
      .innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
      .select(['organisation.id', 'organisation.name'])
      .where('app_user.email', '=', 'member@demo.space2id.example')
      .executeTakeFirstOrThrow();
    activityTitles = (
      await db
        .selectFrom('activity_participant')
        .innerJoin('activity', 'activity.id', 'activity_participant.activity_id')
        .select('activity.title')
        .where('activity_participant.organisation_id', '=', organisation.id)
        .execute()
    ).map((row) => row.title);
    studyVisitPlans = await db
      .selectFrom('plan')
      .select(['plan.id', 'plan.name'])
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('activity')
            .innerJoin('instrument', 'instrument.id', 'activity.instrument_id')
            .select('activity.id')
            .whereRef('activity.plan_id', '=', 'plan.id')
            .where('instrument.key', '=', 'study-visits'),
        ),
      )
      .orderBy('plan.name')
      .execute();
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(email: string, viewport: { width: number; height: number }): Promise<Page> {
    return signedInPage(browser, baseUrl, {
      email,
      password: DEMO_PASSWORD,
      viewport,
      redirect: '/w/demo/markets',
    });
  }

  it("shows a demo member's activities (state, role, date, market, links) and its readable history", {
    timeout: 120_000,
  }, async () => {
    expect(activityTitles.length).toBeGreaterThanOrEqual(3);
    const page = await signedIn('coordinator@demo.space2id.example', DESKTOP);
    await page.goto(`${baseUrl}/w/demo/members/${organisation.id}`);

    const rows = page.getByTestId('member-activity');
    await poll(() => rows.count()).toBe(Math.min(activityTitles.length, 20));
    expect(await page.locator('#member-activities-title').textContent()).toContain(
      `(${activityTitles.length} activities)`,
    );
    const first = rows.first();
    // Dates, a market (linked), a status in words, and how the organisation took part.
    expect(await first.textContent()).toMatch(/\d{4}/);
    expect(await first.getByRole('link').count()).toBeGreaterThanOrEqual(2);
    expect(await first.textContent()).toMatch(/Planned|Confirmed|Done|Cancelled/);
    expect(await first.getByTestId('member-participation').first().textContent()).toMatch(
      /^The organisation: Participant · (Expected|Present|Absent)$/,
    );

    // The history: who changed what, with labels (never the recorded column names).
    const entries = page.getByTestId('member-history-entry');
    await entries.first().waitFor();
    const history = (await entries.allTextContents()).join('\n');
    expect(history).toContain(`Updated organisation ${organisation.name}`);
    expect(history).toContain('Mia Member');
    expect(history).toContain(`Created organisation ${organisation.name}`);
    expect(history).toContain('Clara Coordinator');
    expect(history).toContain('Offer tags:');
    expect(history).toContain('Created person');
    expect(history).not.toMatch(/offer_tags|cluster_id|normalised_name/);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({
      path: path.join(ARTIFACTS_DIR, 'member-activities-history.png'),
      fullPage: true,
    });

    // An activity's title opens its page.
    const title = (await first.getByRole('link').first().textContent()) ?? '';
    expect(activityTitles).toContain(title);
    await first.getByRole('link').first().click();
    await page.waitForURL(/\/w\/demo\/activities\/[^/]+$/);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    await page.context().close();
  });

  it('fits the member page on a phone, for the member itself', { timeout: 120_000 }, async () => {
    const page = await signedIn('member@demo.space2id.example', PHONE);
    await page.goto(`${baseUrl}/w/demo/members/${organisation.id}`);
    await page.getByTestId('member-activity').first().waitFor();
    await page.getByTestId('member-history-entry').first().waitFor();
    await settle(page);
    expect(await sidewaysScroll(page)).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'member-phone.png'), fullPage: true });
    await page.context().close();
  });

  it('lists where an instrument is used and plans it: a prefilled form in the chosen plan', {
    timeout: 120_000,
  }, async () => {
    expect(studyVisitPlans.length).toBeGreaterThanOrEqual(1);
    const page = await signedIn('coordinator@demo.space2id.example', DESKTOP);
    await page.goto(`${baseUrl}/catalogue/study-visits`);
    const usage = page.getByTestId('instrument-usage');
    await poll(() => usage.getByTestId('instrument-plans-count').textContent()).toMatch(
      /^Used by \d+ plans?$/,
    );
    const listed = await usage.getByTestId('instrument-plan').allTextContents();
    // Every demo plan with a study visit is listed (plans may also use it by choice alone).
    for (const plan of studyVisitPlans) {
      expect(listed.some((text) => text.startsWith(plan.name))).toBe(true);
    }
    expect(await usage.getByTestId('instrument-activities-count').textContent()).toMatch(/^\d+ activities$/);
    expect(await usage.getByTestId('instrument-all-activities').getAttribute('href')).toContain(
      'instrument=study-visits',
    );
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'instrument-usage.png'), fullPage: true });

    // "Plan this instrument": choose a plan, and its page opens with the new activity's form.
    const plan = studyVisitPlans[0] as { id: string; name: string };
    await usage.getByRole('button', { name: 'Plan this instrument' }).click();
    const dialog = page.getByRole('dialog', { name: 'Plan Study Visits' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Plan' }).click();
    await page.getByRole('option', { name: new RegExp(`^${plan.name} \\(`) }).click();
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: 'Open the form' }).click();
    await page.waitForURL(new RegExp(`/w/demo/plans/${plan.id}\\?new=study-visits$`));
    const form = page.getByRole('dialog', { name: 'Add an activity' });
    await form.waitFor();
    await poll(() => form.getByRole('textbox', { name: /^Instrument/ }).inputValue()).toContain(
      'Study Visits',
    );
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'instrument-planned.png') });
    // Closed, the form is gone from the address: a reload does not open it again.
    await form.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForURL(new RegExp(`/w/demo/plans/${plan.id}$`));

    // A standalone activity: the activities list opens the same form.
    await page.goto(`${baseUrl}/catalogue/study-visits`);
    await page.getByRole('button', { name: 'Plan this instrument' }).click();
    await page
      .getByRole('dialog', { name: 'Plan Study Visits' })
      .getByRole('textbox', { name: 'Plan' })
      .click();
    await page.getByRole('option', { name: 'No plan: a standalone activity' }).click();
    await page.getByRole('button', { name: 'Open the form' }).click();
    await page.waitForURL(/\/w\/demo\/activities\?new=study-visits$/);
    await poll(() =>
      page
        .getByRole('dialog', { name: 'Add an activity' })
        .getByRole('textbox', { name: /^Instrument/ })
        .inputValue(),
    ).toContain('Study Visits');
    await page.context().close();
  });

  it('shows the use of an instrument on a phone, without "Plan this instrument" for a viewer', {
    timeout: 120_000,
  }, async () => {
    const page = await signedIn('viewer@demo.space2id.example', PHONE);
    await page.goto(`${baseUrl}/catalogue/study-visits`);
    await page.getByTestId('instrument-plan').first().waitFor();
    expect(await page.getByRole('button', { name: 'Plan this instrument' }).count()).toBe(0);
    await settle(page);
    expect(await sidewaysScroll(page)).toBe(0);
    await expectNoSeriousA11yViolations(page);

    // An instrument no demo activity uses: the empty states.
    await page.goto(`${baseUrl}/catalogue/sales-marketing-representative`);
    await poll(() => page.getByTestId('instrument-usage').textContent()).toContain('No activity of it yet.');
    expect(await page.getByTestId('instrument-usage').textContent()).toContain('No plan uses it yet.');
    expect(await page.getByTestId('instrument-plans-count').textContent()).toBe('Used by 0 plans');
    await page.context().close();
  });
});
