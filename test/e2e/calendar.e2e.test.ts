import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemo } from '../../src/app/seed-demo.ts';
import { DEMO_PASSWORD } from '../../src/features/demo/seed-demo.ts';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { ARTIFACTS_DIR, launchChromium, signedInPage } from '../support/browser.ts';
import { settle, sidewaysScroll } from '../support/layout-checks.ts';
import { PlanningRows } from '../support/planning-rows.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const COORDINATOR = 'coordinator@demo.space2id.example';

const utc = (date: string) => new Date(`${date}T00:00:00Z`);
const monthTitle = (month: string) =>
  new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    utc(`${month}-01`),
  );
const longDay = (date: string) =>
  new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(utc(date));
const addDays = (date: string, days: number) =>
  new Date(utc(date).getTime() + days * 86_400_000).toISOString().slice(0, 10);
/** The Monday on or before `date`. */
const mondayOf = (date: string) => addDays(date, -((utc(date).getUTCDay() + 6) % 7));
const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const nextMonth = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + by, 1)).toISOString().slice(0, 7);
};

/**
 * The calendar over the demo workspace (issue 18, item 3 and the calendar of item 9): in the month
 * of the study visit to Bogotá (January 2027 for a demo made in 2026) the nine year-long newsletters
 * and mentoring programmes must not bury the one real event.
 */
describe.skipIf(!chromiumPath)('the activity calendar', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let visit: { id: string; startsOn: string; endsOn: string };
  /** The month of the study visit to Bogotá. */
  let month: string;
  /** The activities running through the whole month: the demo's newsletters and mentoring. */
  let yearLong: { id: string; title: string }[];
  let colombia: { id: string; name: string };
  /** A day two months later with six one-day activities: more than a day shows. */
  let crowdedDay: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const db = t.database.db;
    await seedDemo(db);
    const row = await db
      .selectFrom('activity')
      .select(['id', 'starts_on', 'ends_on', 'workspace_id'])
      .where('title', '=', 'Study visit to Bogotá')
      .executeTakeFirstOrThrow();
    visit = { id: row.id, startsOn: row.starts_on, endsOn: row.ends_on };
    month = row.starts_on.slice(0, 7);
    yearLong = await db
      .selectFrom('activity')
      .select(['id', 'title'])
      .where('starts_on', '<=', `${month}-01`)
      .where('ends_on', '>=', lastDay(month))
      .execute();
    colombia = await db
      .selectFrom('target_market')
      .select(['id', 'name'])
      .where('name', 'like', 'Colombia%')
      .executeTakeFirstOrThrow();
    crowdedDay = `${nextMonth(month, 2)}-16`;
    const rows = new PlanningRows(db);
    for (let i = 1; i <= 6; i++) {
      await rows.activityRow(row.workspace_id, {
        title: `Crowded day briefing ${i}`,
        starts_on: crowdedDay,
        ends_on: crowdedDay,
        instrumentKey: 'matchmaking-events',
      });
    }
    // A workshop carried over from the month before the crowded day's.
    const crowdedMonthStart = `${crowdedDay.slice(0, 7)}-01`;
    await rows.activityRow(row.workspace_id, {
      title: 'Carried-over workshop',
      starts_on: addDays(crowdedMonthStart, -2),
      ends_on: addDays(crowdedMonthStart, 1),
    });
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(viewport: { width: number; height: number }, address: string): Promise<Page> {
    // A British English browser: the app writes days in the browser's locale, as `longDay` does here.
    const page = await signedInPage(browser, baseUrl, {
      email: COORDINATOR,
      password: DEMO_PASSWORD,
      viewport,
      locale: 'en-GB',
    });
    await page.goto(`${baseUrl}${address}`);
    await settle(page);
    return page;
  }

  /** How often the activity `id` is drawn in the page's main part (bars, lane entries, list rows). */
  const drawn = (page: Page, id: string) => page.locator(`main [data-activity-id="${id}"]`).count();

  it('shows each long activity once, above the month, and the study visit as one bar across its days', async () => {
    expect(yearLong.length).toBeGreaterThanOrEqual(5);
    const page = await signedIn(DESKTOP, `/w/demo/calendar?month=${month}`);
    expect(await page.getByTestId('calendar-period').textContent()).toBe(monthTitle(month));

    // The year-long activities: once each, in the ongoing lane (six, then "Show all"); none in the grid.
    const lane = page.getByTestId('calendar-ongoing');
    expect(await lane.getByTestId('calendar-ongoing-item').count()).toBe(Math.min(6, yearLong.length));
    if (yearLong.length > 6) await lane.getByTestId('calendar-ongoing-toggle').click();
    for (const activity of yearLong) {
      expect(await drawn(page, activity.id), activity.title).toBe(1);
      expect(await lane.locator(`[data-activity-id="${activity.id}"]`).count(), activity.title).toBe(1);
    }
    const grid = page.getByTestId('calendar-grid');
    const gridTexts = await grid.getByTestId('calendar-activity').allTextContents();
    expect(gridTexts.filter((text) => /Market newsletter|Mentoring of members/.test(text))).toEqual([]);

    // The study visit: a bar per week row it crosses, one of them its start, all named in full.
    const weeks = new Set([mondayOf(visit.startsOn), mondayOf(visit.endsOn)]).size;
    const bars = grid.locator(`[data-testid="calendar-activity"][data-activity-id="${visit.id}"]`);
    expect(await bars.count()).toBe(weeks);
    expect(await grid.locator(`[data-activity-id="${visit.id}"]:not([data-continues-before])`).count()).toBe(
      1,
    );
    const first = bars.first();
    expect(await first.isVisible()).toBe(true);
    const text = await first.textContent();
    expect(text).toContain('Study visit to Bogotá');
    expect(text).toContain('Study Visits');
    expect(text).toContain('Colombia');
    expect(await first.getAttribute('href')).toBe(`/w/demo/activities/${visit.id}`);
    // It starts on its own day's column and is wide enough to read.
    const box = await first.boundingBox();
    expect(box?.width).toBeGreaterThan(100);

    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'calendar-after.png') });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'calendar-after-full.png'), fullPage: true });

    // Following a bar opens the activity.
    await first.click();
    await page.waitForURL((url) => url.pathname === `/w/demo/activities/${visit.id}`);
    await page.context().close();
  });

  it('counts what does not fit in a day as "+N more" and lists the whole day in a popover', async () => {
    const page = await signedIn(DESKTOP, `/w/demo/calendar?month=${crowdedDay.slice(0, 7)}`);
    const more = page.getByRole('button', {
      name: new RegExp(`more activit(y|ies) on ${longDay(crowdedDay)}$`),
    });
    const label = (await more.textContent()) ?? '';
    const hidden = Number(/\+(\d+) more/.exec(label)?.[1]);
    expect(hidden).toBeGreaterThanOrEqual(2);
    await more.click();
    const list = page.getByTestId('calendar-day-list');
    await list.waitFor();
    const titles = await list.getByTestId('calendar-day-item').locator('a').allTextContents();
    for (let i = 1; i <= 6; i++) expect(titles).toContain(`Crowded day briefing ${i}`);
    // The bars shown over that day and the hidden ones make up the day's list.
    const week = page.locator(`[data-week="${mondayOf(crowdedDay)}"]`);
    const day = await week.locator(`[data-date="${crowdedDay}"]`).boundingBox();
    if (!day) throw new Error('the crowded day is not drawn');
    const middle = day.x + day.width / 2;
    let shown = 0;
    for (const bar of await week.getByTestId('calendar-activity').all()) {
      const box = await bar.boundingBox();
      if (box && box.x <= middle && middle <= box.x + box.width) shown += 1;
    }
    expect(shown).toBeGreaterThan(0);
    expect(shown + hidden).toBe(titles.length);
    await expectNoSeriousA11yViolations(page);

    // The agenda lists the workshop begun the month before under the month's first day.
    await page.keyboard.press('Escape');
    await page.getByTestId('calendar-views').getByText('Agenda', { exact: true }).click();
    const carried = page.getByTestId('calendar-agenda-item').filter({ hasText: 'Carried-over workshop' });
    await carried.waitFor();
    expect(await carried.count()).toBe(1);
    expect(await carried.textContent()).toContain('started before this period');
    const firstGroup = page.getByTestId('calendar-agenda').locator('section').first();
    expect(await firstGroup.locator('time').getAttribute('datetime')).toBe(`${crowdedDay.slice(0, 7)}-01`);
    expect(await firstGroup.textContent()).toContain('Carried-over workshop');
    await expectNoSeriousA11yViolations(page);
    await page.context().close();
  });

  it('has a week and an agenda view, and keeps view, period and filters in the address', async () => {
    const page = await signedIn(DESKTOP, `/w/demo/calendar?month=${month}`);

    // The week view opens on the month's first full week, then moves week by week.
    await page.getByTestId('calendar-views').getByText('Week', { exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'week');
    const firstWeek = mondayOf(`${month}-04`);
    expect(new URL(page.url()).searchParams.get('week')).toBe(firstWeek);
    const visitWeek = mondayOf(visit.startsOn);
    for (let week = firstWeek; week < visitWeek; week = addDays(week, 7)) {
      await page.getByRole('button', { name: 'Next week' }).click();
    }
    await page.waitForURL((url) => url.searchParams.get('week') === visitWeek);
    const grid = page.getByTestId('calendar-grid');
    expect(await grid.getAttribute('data-view')).toBe('week');
    const bar = grid.locator(`[data-testid="calendar-activity"][data-activity-id="${visit.id}"]`);
    expect(await bar.count()).toBe(1);
    expect(await bar.getAttribute('data-continues-before')).toBeNull();

    // A market filter narrows the week and the lane; the address keeps it.
    await page.getByRole('textbox', { name: 'Market' }).click();
    await page.getByRole('option', { name: new RegExp(`^${colombia.name}`) }).click();
    await page.waitForURL((url) => url.searchParams.get('marketId') === colombia.id);
    await expect
      .poll(() => page.getByTestId('calendar-ongoing-item').count())
      .toBe(yearLong.filter((a) => /Colombia/.test(a.title)).length);
    const laneTitles = await page.getByTestId('calendar-ongoing-item').locator('a').allTextContents();
    expect(laneTitles.every((title) => title.includes('Colombia'))).toBe(true);
    expect(await bar.count()).toBe(1);

    // Reloading the address shows the same view, week and filter.
    const address = page.url();
    await page.reload();
    await settle(page);
    expect(page.url()).toBe(address);
    expect(await page.getByTestId('calendar-grid').getAttribute('data-view')).toBe('week');
    expect(await bar.count()).toBe(1);
    expect(await page.getByTestId('calendar-ongoing-item').count()).toBe(laneTitles.length);
    await expectNoSeriousA11yViolations(page);

    // The agenda of the visit's month lists each activity once, the long ones only in the lane.
    await page.getByTestId('calendar-views').getByText('Agenda', { exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'agenda');
    const agenda = page.getByTestId('calendar-agenda');
    await agenda.waitFor();
    expect(await page.getByTestId('calendar-period').textContent()).toBe(
      monthTitle(visit.startsOn.slice(0, 7)),
    );
    expect(await agenda.locator(`[data-activity-id="${visit.id}"]`).count()).toBe(1);
    for (const activity of yearLong) {
      expect(await agenda.locator(`[data-activity-id="${activity.id}"]`).count()).toBe(0);
    }
    const item = agenda.locator(`[data-activity-id="${visit.id}"]`);
    expect(await item.textContent()).toContain('Study visit to Bogotá');
    await page.reload();
    await settle(page);
    expect(
      await page.getByTestId('calendar-agenda').locator(`[data-activity-id="${visit.id}"]`).count(),
    ).toBe(1);
    expect(new URL(page.url()).searchParams.get('marketId')).toBe(colombia.id);
    await expectNoSeriousA11yViolations(page);
    await page.context().close();
  });

  it('opens on the agenda on a phone, and fits month and week on the screen', async () => {
    const page = await signedIn(PHONE, `/w/demo/calendar?month=${month}`);
    const agenda = page.getByTestId('calendar-agenda');
    await agenda.waitFor();
    expect(await page.getByTestId('calendar-grid').count()).toBe(0);
    expect(await page.getByRole('radio', { name: 'Agenda' }).isChecked()).toBe(true);
    expect(await agenda.locator(`[data-activity-id="${visit.id}"]`).isVisible()).toBe(true);
    // The long activities wait behind a button, so the month's own events come first.
    expect(await page.getByTestId('calendar-ongoing-item').count()).toBe(0);
    expect(await sidewaysScroll(page)).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'calendar-phone-after.png') });
    await page.getByTestId('calendar-ongoing-toggle').click();
    expect(await page.getByTestId('calendar-ongoing-item').count()).toBe(yearLong.length);
    expect(await sidewaysScroll(page)).toBe(0);

    for (const view of ['Month', 'Week']) {
      await page.getByTestId('calendar-views').getByText(view, { exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('view') === view.toLowerCase());
      await page.getByTestId('calendar-grid').waitFor();
      expect(await sidewaysScroll(page), view).toBe(0);
      await expectNoSeriousA11yViolations(page);
    }
    // In the month, a day's button lists its activities.
    await page.getByTestId('calendar-views').getByText('Month', { exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'month');
    await page.locator(`[data-testid="calendar-day"][data-date="${visit.startsOn}"]`).click();
    const list = page.getByTestId('calendar-day-list');
    await list.waitFor();
    expect(await list.locator(`[data-activity-id="${visit.id}"]`).count()).toBe(1);
    expect(await sidewaysScroll(page)).toBe(0);
    await page.context().close();
  });
});
