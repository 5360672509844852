import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { WorkspaceRepository } from '../../src/features/workspaces/repository.ts';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { B2bRows } from '../support/b2b-factories.ts';
import { launchChromium, signedInPage } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import { sidewaysScroll } from '../support/layout-checks.ts';
import { type ReceivedMail, startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const PASSWORD = 'b2b-event-journey-e2e-Passphrase-42';
const COORDINATOR = 'event-journey-coordinator@example.test';
const MEMBER_USER = 'event-journey-member@example.test';
const MEMBER_ORG = 'Leuven Optical Payloads';
const COMPANY = 'Kansai Orbital Robotics';
const COMPANY_EMAIL = 'aiko.tanaka@kansai-orbital.example';
const EVENT_TITLE = 'Space B2B Matchmaking Day';
const PHONE = { width: 390, height: 844 };

/**
 * The event's time zone: Brussels, unless it is not yet two in the morning there (the session runs
 * from midnight to about now, and needs a slot that has begun): then Tokyo, where it is morning.
 */
const TIME_ZONE = localNow('Europe/Brussels').minutes >= 120 ? 'Europe/Brussels' : 'Asia/Tokyo';

/** A free TCP port on 127.0.0.1: the app listens there, and its mails link to it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Today's date and the wall-clock time now in the event's time zone. */
function localNow(zone: string): { day: string; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    day: `${part('year')}-${part('month')}-${part('day')}`,
    minutes: Number(part('hour')) * 60 + Number(part('minute')),
  };
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The `#token` link of a mail to `${base}${route}`. */
function hashLink(mail: ReceivedMail, base: string, route: string): string {
  const escaped = `${base}${route}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}#[A-Za-z0-9_-]+`).exec(mail.text);
  if (!match) throw new Error(`no ${route} link in the mail:\n${mail.text}`);
  return match[0];
}

/**
 * Issue 22's "done when", through the browser: an outside company registers on the event's public
 * page (on a phone), confirms by the mail the test's SMTP server catches, and is approved; in its
 * portal it asks the member organisation for a meeting, which the member accepts; the organiser
 * schedules, applies and publishes; the company's `.ics` agenda parses (ical.js) with the slot's
 * instant and the table; the meeting is marked held, the member's follow-up "a partnership" makes
 * the company a potential partner in the pipeline, and the matchmaking KPIs of the activity rise,
 * their drill-down listing that meeting.
 *
 * The session runs from midnight to about now (event time): its slots have started, so that the
 * meeting the scheduler places can be marked held and rated in the same test (a side may mark a
 * meeting held only from its start). Before two in the morning in Brussels the event is in Tokyo.
 *
 * About 50 s on a quiet machine; 85–110 s measured while five other test runs shared the 2 cores,
 * hence a 180 s limit (each wait keeps its own 20 s).
 */
describe.skipIf(!chromiumPath)('a B2B matchmaking event end to end', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let browser: Browser;
  let baseUrl: string;
  let slug: string;
  let eventId: string;
  let activityId: string;
  let publicSlug: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    t = await startTestApp('sqlite', {
      webDist: WEB_DIST,
      mail: { smtpUrl: smtp.url, from: 'SPACE2ID Hub <hub@example.test>', publicUrl: baseUrl },
    });
    const factory = new Factory(t.database.db);
    const rows = new B2bRows(t.database.db);
    const workspace = await factory.workspace('Event journey consortium');
    slug = workspace.slug;
    const cluster = await factory.cluster(workspace.id, { short_name: 'ORBIT' });
    const coordinator = await factory.userWithPassword(PASSWORD, COORDINATOR);
    await factory.addMember(workspace.id, coordinator.id, 'coordinator');
    const organisation = await factory.organisation(workspace.id, cluster.id, {
      name: MEMBER_ORG,
      offers: 'Optical payloads and star trackers for small satellites',
      requests: 'Robotic arms for in-orbit servicing',
    });
    const member = await factory.userWithPassword(PASSWORD, MEMBER_USER);
    await new WorkspaceRepository(t.database.db).addMember({
      workspaceId: workspace.id,
      userId: member.id,
      role: 'member',
      clusterId: cluster.id,
      organisationId: organisation.id,
    });
    const now = localNow(TIME_ZONE);
    const activity = await factory.activity(workspace.id, null, {
      instrument: '1.2.1',
      title: EVENT_TITLE,
      starts_on: now.day,
      ends_on: now.day,
      cluster_id: cluster.id,
    });
    activityId = activity.id;
    const event = await rows.event(workspace.id, activity.id, {
      time_zone: TIME_ZONE,
      approval: 'manual',
      max_representatives: 2,
      venue: 'Brussels Expo, hall 5',
    });
    eventId = event.id;
    publicSlug = event.public_slug;
    // Midnight to the last half hour begun (at least one slot).
    const end = Math.max(30, Math.floor(now.minutes / 30) * 30);
    await rows.session(event.id, {
      name: 'Meetings',
      day: now.day,
      start_time: '00:00',
      end_time: hhmm(end),
    });
    await rows.tables(event.id, 2);
    await rows.participant(workspace.id, event.id, {
      name: MEMBER_ORG,
      organisation_id: organisation.id,
      country: 'BE',
      source: 'member',
      contact_email: MEMBER_USER,
    });
    await t.app.listen({ host: '127.0.0.1', port });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });

  const kpiOf = (page: Page, key: string) =>
    page.locator(`[data-testid=activity-kpi][data-kpi=${key}]`).getByTestId('kpi-actual').textContent();
  /** A view of the marketplace's segmented control (its radio input sits under its label). */
  const view = (page: Page, name: string) =>
    page
      .getByTestId('marketplace-tab')
      .locator('label')
      .filter({ hasText: new RegExp(`^${name}$`) })
      .click();
  const eventPage = (tab: string) => `/w/${slug}/events/${eventId}?tab=${tab}`;

  it('registers, requests, accepts, schedules, publishes, exports, holds, follows up and counts', async () => {
    const started = Date.now();
    const publicEvent = (
      await t.app.inject({ method: 'GET', url: `/api/v1/public/events/${publicSlug}` })
    ).json() as { consentText: string; networkConsentText: string };

    // 2. The outside company registers on the public page, signed out, on a phone.
    const companyContext = await browser.newContext({ viewport: PHONE, acceptDownloads: true });
    companyContext.setDefaultTimeout(20_000);
    const company = await companyContext.newPage();
    company.on('response', (response) => {
      if (response.status() >= 400 && response.url().includes('/api/'))
        console.warn(`portal: ${response.status()} ${response.request().method()} ${response.url()}`);
    });
    await company.goto(`${baseUrl}/register/${publicSlug}`);
    await company.getByRole('heading', { name: `Register for ${EVENT_TITLE}`, level: 1 }).waitFor();
    expect(await sidewaysScroll(company)).toBe(0);
    await expectNoSeriousA11yViolations(company);
    await company.getByRole('textbox', { name: 'Organisation name' }).fill(COMPANY);
    await company.getByRole('textbox', { name: 'Country (ISO code, e.g. JP)' }).fill('JP');
    await company.getByRole('textbox', { name: 'City' }).fill('Osaka');
    await company
      .getByRole('textbox', { name: 'What you offer' })
      .fill('Robotic arms for in-orbit servicing');
    await company.getByRole('textbox', { name: 'What you are looking for' }).fill('Optical payloads');
    const representative = company.getByRole('group', { name: 'Representative 1' });
    await representative.getByRole('textbox', { name: 'Name' }).fill('Aiko Tanaka');
    await representative.getByRole('textbox', { name: 'E-mail' }).fill(COMPANY_EMAIL);
    await representative.getByRole('textbox', { name: 'Role' }).fill('CEO');
    await company.getByRole('textbox', { name: 'Contact name' }).fill('Aiko Tanaka');
    await company.getByRole('textbox', { name: 'Contact e-mail' }).fill(COMPANY_EMAIL);
    await company.getByRole('checkbox', { name: publicEvent.consentText }).check();
    await company.getByRole('checkbox', { name: publicEvent.networkConsentText }).check();
    await company.getByRole('button', { name: 'Register' }).click();
    await company.getByTestId('registration-sent').waitFor();
    expect(await sidewaysScroll(company)).toBe(0);

    // The confirmation mail, caught by the test's SMTP server; its link opens the portal.
    const mail = await smtp.waitFor(
      (m) => m.to.includes(COMPANY_EMAIL) && m.subject.startsWith('Confirm your registration'),
    );
    await company.goto(hashLink(mail, baseUrl, '/events/confirm'));
    await company
      .getByText(`Your e-mail is confirmed for ${EVENT_TITLE}.`)
      .waitFor()
      .catch(async (error: unknown) => {
        console.warn(mail.text, '\n---\n', await company.locator('body').textContent());
        throw error;
      });
    await company.getByRole('button', { name: 'Open the event' }).click();
    await company.waitForURL((url) => url.pathname === '/event-portal');
    await company.getByRole('heading', { name: EVENT_TITLE, level: 1 }).waitFor();
    await company.getByText(`${COMPANY} · Awaiting approval`).waitFor();

    // 3. The coordinator approves the registration (Participants tab).
    const organiser = await signedInPage(browser, baseUrl, {
      email: COORDINATOR,
      password: PASSWORD,
      redirect: `/w/${slug}/activities/${activityId}`,
    });
    // Before: the activity's matchmaking KPIs count nothing.
    await expect.poll(() => kpiOf(organiser, 'contacts')).toBe('0');
    await expect.poll(() => kpiOf(organiser, 'communication_initiatives')).toBe('0');
    await organiser.goto(`${baseUrl}${eventPage('participants')}`);
    await organiser.getByRole('button', { name: `Details of ${COMPANY}` }).click();
    const details = organiser.getByRole('dialog', { name: `Details of ${COMPANY}` });
    await details.getByRole('button', { name: 'Approve' }).click();
    await details.getByText('Approved ·').waitFor();
    await organiser.keyboard.press('Escape');

    // The decision mail carries a fresh event link (the confirmation's is replaced): it opens the portal.
    const approval = await smtp.waitFor(
      (m) => m.to.includes(COMPANY_EMAIL) && m.subject === `Your registration to ${EVENT_TITLE} is approved`,
    );
    await company.goto(hashLink(approval, baseUrl, '/events/access'));
    await company.waitForURL((url) => url.pathname === '/event-portal');

    // 4. In the portal, the company asks the member organisation for a meeting.
    await company.getByText(`${COMPANY} · Approved`).waitFor();
    expect(await sidewaysScroll(company)).toBe(0);
    await expectNoSeriousA11yViolations(company);
    await company.getByRole('tab', { name: 'Marketplace' }).click();
    await view(company, 'Catalogue');
    await company.getByRole('button', { name: `View profile: ${MEMBER_ORG}` }).click();
    const drawer = company.getByTestId('marketplace-profile');
    await drawer
      .getByRole('textbox', { name: 'Message' })
      .fill('Our arm needs your star tracker: shall we talk?');
    expect(await sidewaysScroll(company)).toBe(0);
    await expectNoSeriousA11yViolations(company);
    await drawer.getByRole('button', { name: 'Send the request' }).click();
    await drawer.waitFor({ state: 'detached' });
    await view(company, 'My requests');
    await expect.poll(() => company.getByTestId('meeting-request').count()).toBe(1);
    expect(await company.getByTestId('meeting-request').textContent()).toContain(
      `${COMPANY} → ${MEMBER_ORG}`,
    );

    // 5. The member, signed in, accepts it (Marketplace → My requests).
    const member = await signedInPage(browser, baseUrl, {
      email: MEMBER_USER,
      password: PASSWORD,
      redirect: `/w/${slug}/events/${eventId}`,
    });
    await member.goto(`${baseUrl}${eventPage('marketplace')}`);
    await view(member, 'My requests');
    const request = member.getByTestId('meeting-request');
    await request.getByRole('button', { name: 'Accept' }).click();
    await request.getByText('Accepted').waitFor();

    // 6. The organiser runs the scheduler, waits for its result, applies it and publishes.
    await organiser.goto(`${baseUrl}${eventPage('schedule')}`);
    await organiser.getByRole('button', { name: 'Run the scheduler' }).click();
    const result = organiser.getByTestId('schedule-result');
    await result.getByTestId('schedule-result-status').waitFor({ timeout: 60_000 });
    expect(await result.getByTestId('schedule-result-status').textContent()).toMatch(/optimal/i);
    await result.getByRole('button', { name: 'Apply this schedule' }).click();
    await organiser
      .getByRole('dialog', { name: 'Apply this schedule?' })
      .getByRole('button', { name: 'Apply' })
      .click();
    await organiser.getByRole('dialog', { name: 'Apply this schedule?' }).waitFor({ state: 'detached' });
    await organiser.getByRole('button', { name: 'Publish the schedule' }).click();
    const publish = organiser.getByRole('dialog', { name: 'Publish the schedule?' });
    await publish.getByRole('button', { name: 'Publish', exact: true }).click();
    await publish.waitFor({ state: 'detached' });
    await expect
      .poll(() => organiser.getByTestId('schedule-publication').textContent())
      .toContain('Published on');
    await expectNoSeriousA11yViolations(organiser);

    const meeting = await t.database.db
      .selectFrom('b2b_meeting as m')
      .innerJoin('b2b_table as tb', 'tb.id', 'm.table_id')
      .select(['m.id', 'm.slot_starts_at', 'tb.name as table_name'])
      .where('m.event_id', '=', eventId)
      .executeTakeFirstOrThrow();

    // 7. The company's agenda, downloaded as `.ics` from the portal, parses with the slot and table.
    await company.reload();
    await company.getByRole('tab', { name: 'My agenda' }).click();
    await company.getByTestId('agenda-meeting').waitFor();
    expect(await sidewaysScroll(company)).toBe(0);
    await expectNoSeriousA11yViolations(company);
    const [download] = await Promise.all([
      company.waitForEvent('download'),
      company.getByTestId('agenda-ics').click(),
    ]);
    const ics = await readFile(await download.path(), 'utf8');
    const root = new ICAL.Component(ICAL.parse(ics));
    for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const events = root.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events).toHaveLength(1);
    const [vevent] = events;
    expect(vevent?.startDate.toJSDate().toISOString()).toBe(new Date(meeting.slot_starts_at).toISOString());
    expect(vevent?.startDate.zone?.tzid).toBe(TIME_ZONE);
    expect(vevent?.location).toContain(meeting.table_name);
    expect(vevent?.summary).toContain(MEMBER_ORG);

    // 8. The company marks the meeting held (portal, Follow-up).
    await company.getByRole('tab', { name: 'Follow-up' }).click();
    const mine = company.getByTestId('event-my-meeting');
    await mine.getByRole('button', { name: 'It took place' }).click();
    await mine.getByText('Held', { exact: true }).waitFor();
    expect(await sidewaysScroll(company)).toBe(0);
    await expectNoSeriousA11yViolations(company);
    await companyContext.close();

    // 9. The member rates it and expects a partnership: the company becomes a potential partner.
    await member.goto(`${baseUrl}${eventPage('follow-up')}`);
    const rated = member.getByTestId('event-my-meeting');
    await rated.getByRole('textbox', { name: 'Follow-up expected' }).click();
    await member.getByRole('option', { name: 'A partnership' }).click();
    await rated.getByTestId('event-feedback-save').click();
    await rated.getByRole('status').waitFor();
    await member.context().close();

    await organiser.goto(`${baseUrl}/w/${slug}/network/pipeline`);
    await expect
      .poll(() => organiser.getByTestId('pipeline-count-potential_partner').textContent())
      .toBe('1');
    await organiser.getByRole('link', { name: COMPANY }).first().waitFor();

    // 10. The activity's matchmaking KPIs rose; the contacts drill down to that meeting.
    await organiser.goto(`${baseUrl}/w/${slug}/activities/${activityId}`);
    await expect.poll(() => kpiOf(organiser, 'contacts')).toBe('1');
    await expect.poll(() => kpiOf(organiser, 'communication_initiatives')).toBe('1');
    await organiser
      .locator('[data-testid=activity-kpi][data-kpi=contacts]')
      .getByTestId('kpi-records-link')
      .click();
    await organiser.waitForURL((url) => url.pathname === `/w/${slug}/kpis/records`);
    const record = organiser.getByTestId('kpi-record-row');
    await expect.poll(() => record.count()).toBe(1);
    expect(await record.textContent()).toContain(`Meeting held: ${COMPANY} and ${MEMBER_ORG}`);
    await expectNoSeriousA11yViolations(organiser);
    await organiser.context().close();
    console.info(`b2b event journey: ${((Date.now() - started) / 1000).toFixed(1)} s in the browser`);
  }, 180_000);
});
