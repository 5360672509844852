import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemo } from '../../src/app/seed-demo.ts';
import { DEMO_PASSWORD } from '../../src/features/demo/seed-demo.ts';
import { launchChromium, signedInPage } from '../support/browser.ts';
import { settle } from '../support/layout-checks.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { visibleCodes } from '../support/visible-codes.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');

/**
 * Labels, not codes (issue 18, item 6): the main pages of the demo workspace show no registry or
 * planning code (`earth_observation`, `rd_centre`, `study_visit`…) anywhere in their visible
 * text: lists and their badges, a market's page, a member's page, an activity's page, the
 * dashboard. The demo holds every kind of segment, type, status and cost on these pages.
 */
describe.skipIf(!chromiumPath)('labels instead of codes on the main pages', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let pages: string[];
  /** The event pages of the demo member (issue 22). */
  let memberPages: string[];

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const db = t.database.db;
    await seedDemo(db);
    // The records with the most to show: markets with segments and plans, members with segments
    // and participations, an activity held (participants, KPI values, costs).
    const markets = await db
      .selectFrom('target_market')
      .select('id')
      .where('segments', '!=', '[]')
      .orderBy('name')
      .execute();
    const members = await db
      .selectFrom('organisation')
      .select('id')
      .where('space_segments', '!=', '[]')
      .orderBy('name')
      .limit(3)
      .execute();
    const activities = await db
      .selectFrom('activity')
      .select('id')
      .where('status', '=', 'done')
      .orderBy('starts_on')
      .limit(3)
      .execute();
    const plan = await db.selectFrom('plan').select('id').orderBy('name').executeTakeFirstOrThrow();
    // The demo's B2B events (issue 22): the past one (held, published, feedback) and the upcoming
    // one (open for requests, the demo member registered).
    const events = await db
      .selectFrom('b2b_event')
      .innerJoin('activity', 'activity.id', 'b2b_event.activity_id')
      .select('b2b_event.id')
      .orderBy('activity.starts_on')
      .execute();
    expect(events.length).toBe(2);
    const waves = await db.selectFrom('survey_wave').select('id').orderBy('created_at').execute();
    expect(waves.length).toBeGreaterThanOrEqual(3);
    const eventTabs = ['setup', 'participants', 'requests', 'schedule', 'agendas', 'day', 'statistics'];
    const upcoming = `/w/demo/events/${events[1]?.id}`;
    memberPages = [
      '/w/demo/events',
      ...['my-registration', 'marketplace', 'my-agenda', 'follow-up'].map((tab) => `${upcoming}?tab=${tab}`),
    ];
    expect(markets.length).toBeGreaterThan(0);
    expect(members.length).toBeGreaterThan(0);
    expect(activities.length).toBeGreaterThan(0);
    pages = [
      '/w/demo/',
      '/w/demo/markets',
      ...markets.map((m) => `/w/demo/markets/${m.id}`),
      '/w/demo/members',
      ...members.map((m) => `/w/demo/members/${m.id}`),
      '/w/demo/people',
      '/w/demo/activities',
      ...activities.map((a) => `/w/demo/activities/${a.id}`),
      `/w/demo/plans/${plan.id}`,
      '/w/demo/audit',
      '/w/demo/events',
      '/w/demo/events?when=past',
      ...events.flatMap((e) => eventTabs.map((tab) => `/w/demo/events/${e.id}?tab=${tab}`)),
      // The demo's surveys (issue 23): the list, and each wave with its results.
      '/w/demo/surveys',
      ...waves.map((w) => `/w/demo/surveys/waves/${w.id}`),
    ];
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(email = 'coordinator@demo.space2id.example'): Promise<Page> {
    return signedInPage(browser, baseUrl, { email, password: DEMO_PASSWORD });
  }

  it('shows no snake_case code in the event pages of the demo member (issue 22)', {
    timeout: 180_000,
  }, async () => {
    const page = await signedIn('member@demo.space2id.example');
    const problems: string[] = [];
    for (const address of memberPages) {
      await page.goto(`${baseUrl}${address}`);
      await settle(page);
      expect(await page.locator('main h1').count(), address).toBe(1);
      for (const code of await visibleCodes(page)) problems.push(`${address}: ${code}`);
    }
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('shows no snake_case code in the visible text of the demo’s main pages', {
    timeout: 360_000,
  }, async () => {
    const page = await signedIn();
    const problems: string[] = [];
    for (const address of pages) {
      await page.goto(`${baseUrl}${address}`);
      await settle(page);
      // The page shows its records, not only a skeleton or an error.
      expect(await page.locator('main h1').count(), address).toBe(1);
      for (const code of await visibleCodes(page)) problems.push(`${address}: ${code}`);
      if (address === '/w/demo/markets') {
        // The demo's markets hold segments stored as codes (earth_observation…): here as labels.
        const text = await page.locator('main').textContent();
        expect(text).toContain('Earth observation');
        expect(text).toContain('Downstream applications');
      }
    }
    await page.context().close();
    expect(problems).toEqual([]);
  });
});
