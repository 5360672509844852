import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemo } from '../../src/app/seed-demo.ts';
import { DEMO_PASSWORD } from '../../src/features/demo/seed-demo.ts';
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts';
import { ARTIFACTS_DIR, launchChromium, signedInPage } from '../support/browser.ts';
import { Factory } from '../support/factories.ts';
import {
  appRouteTemplates,
  currentNavigationItems,
  cutOffLabels,
  overflowingTables,
  settle,
  sidewaysScroll,
  splitWords,
} from '../support/layout-checks.ts';
import { newNetworkOrganisation, newNetworkPerson } from '../support/network-factories.ts';
import { PlanningRows } from '../support/planning-rows.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Names without a space to break at, as imports and careless typing produce them. */
const LONG_ORGANISATION = `Hypersonicpropulsionandorbitaltransferservices${'consortium'.repeat(8)}`;
const LONG_CITY = 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch';
const LONG_MARKET = `Antarcticaandsouthernoceanresearchstations${'logistics'.repeat(6)}`;
const LONG_ACTIVITY = `Roadshow${'andmatchmakingforgroundsegmentsuppliers'.repeat(3)}`;
/** The event page's tabs (`?tab=`) for an organiser, and for a member taking part. */
const organiserTabs = ['setup', 'participants', 'requests', 'schedule', 'agendas', 'day', 'statistics'];
const memberTabs = ['my-registration', 'marketplace', 'my-agenda', 'follow-up'];

/**
 * The newcomer's walk of issue 18 over the demo workspace (plus a few records with very long
 * names): every page of the app for the coordinator, on a laptop and on a phone, and the main
 * pages of a member and a viewer on a phone.
 */
describe.skipIf(!chromiumPath)('the layout of every page', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  /** Every route of the router (a template) → the address the tests visit for it. */
  let pages: Record<string, string>;
  /** Pages visited besides one per route: filtered lists, other views, long names. */
  let extraPages: string[];
  let memberOrganisationPath: string;
  /** The demo's upcoming B2B event (the member takes part) and its public registration page. */
  let upcomingEventPath: string;
  let upcomingRegistrationPath: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { webDist: WEB_DIST });
    const db = t.database.db;
    await seedDemo(db);
    const workspace = await db
      .selectFrom('workspace')
      .select('id')
      .where('slug', '=', 'demo')
      .executeTakeFirstOrThrow();
    const cluster = await db
      .selectFrom('cluster')
      .select('id')
      .where('workspace_id', '=', workspace.id)
      .executeTakeFirstOrThrow();
    const longOrganisation = await new Factory(db).organisation(workspace.id, cluster.id, {
      name: LONG_ORGANISATION,
      city: LONG_CITY,
      website: `https://www.${LONG_ORGANISATION.toLowerCase()}.example/about`,
    });
    // A network organisation with the same long names, and a person there (issue 21).
    const longNetworkOrganisation = await newNetworkOrganisation(db, workspace.id, {
      name: LONG_ORGANISATION,
      city: LONG_CITY,
      country: 'CL',
      website: `https://www.${LONG_ORGANISATION.toLowerCase()}.example/about`,
      tags: JSON.stringify(['fair 2026', LONG_CITY.slice(0, 40)]),
    });
    const longNetworkPerson = await newNetworkPerson(db, workspace.id, {
      organisation_id: longNetworkOrganisation.id,
      name: LONG_CITY,
      email: `${LONG_CITY.toLowerCase()}@${LONG_ORGANISATION.toLowerCase().slice(0, 60)}.example`,
      language: 'cy',
    });
    const rows = new PlanningRows(db);
    const longMarket = await rows.marketRow(workspace.id, { name: LONG_MARKET, country: 'AQ' });
    const today = new Date().toISOString().slice(0, 10);
    const longActivity = await rows.activityRow(workspace.id, {
      title: LONG_ACTIVITY,
      instrumentKey: 'roadshows',
      starts_on: today,
      ends_on: today,
      cluster_id: cluster.id,
      city: LONG_CITY,
    });
    // The richest records of the demo: the first plan, a study visit held (participants, KPI
    // values, planned and actual costs), a market with plans.
    const plan = await db
      .selectFrom('plan')
      .select(['id', 'market_id'])
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const activity = await db
      .selectFrom('activity')
      .select('activity.id')
      .where('activity.status', '=', 'done')
      .where('activity.title', 'like', 'Study visit%')
      .executeTakeFirstOrThrow();
    // The demo project with the most partners (issue 21): partners of every kind.
    const project = await db
      .selectFrom('project')
      .select('id')
      .orderBy(
        (eb) =>
          eb
            .selectFrom('project_partner')
            .select(eb.fn.countAll().as('n'))
            .whereRef('project_partner.project_id', '=', 'project.id'),
        'desc',
      )
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const member = await db
      .selectFrom('membership')
      .innerJoin('app_user', 'app_user.id', 'membership.user_id')
      .select('membership.organisation_id')
      .where('app_user.email', '=', 'member@demo.space2id.example')
      .executeTakeFirstOrThrow();
    memberOrganisationPath = `/w/demo/members/${member.organisation_id}`;
    // The demo's furthest relationship: the longest stage history.
    const relationship = await db
      .selectFrom('relationship')
      .select('id')
      .where('stage', '=', 'common_project')
      .orderBy('id')
      .executeTakeFirstOrThrow();

    // The demo's B2B events (issue 22): the past one (held, published) and the upcoming one (open
    // for requests, the demo member registered); a participant of the past one and its QR code.
    const events = await db
      .selectFrom('b2b_event')
      .innerJoin('activity', 'activity.id', 'b2b_event.activity_id')
      .select(['b2b_event.id', 'b2b_event.public_slug', 'activity.starts_on'])
      .where('b2b_event.workspace_id', '=', workspace.id)
      .orderBy('activity.starts_on')
      .execute();
    const [pastEvent, upcomingEvent] = events;
    if (!pastEvent || !upcomingEvent) throw new Error('the demo holds no past and upcoming event');
    const checkedIn = await db
      .selectFrom('b2b_participant')
      .select('checkin_code')
      .where('event_id', '=', pastEvent.id)
      .where('status', '=', 'approved')
      .orderBy('name')
      .executeTakeFirstOrThrow();
    upcomingEventPath = `/w/demo/events/${upcomingEvent.id}`;
    // The demo's surveys (issue 23): the default readiness questionnaire and its latest wave.
    const readinessWave = await db
      .selectFrom('survey_wave')
      .innerJoin('survey_questionnaire', 'survey_questionnaire.id', 'survey_wave.questionnaire_id')
      .select(['survey_wave.id', 'survey_wave.questionnaire_id'])
      .where('survey_wave.workspace_id', '=', workspace.id)
      .where('survey_questionnaire.is_default', '=', 1)
      .orderBy('survey_wave.created_at', 'desc')
      .executeTakeFirstOrThrow();
    upcomingRegistrationPath = `/register/${upcomingEvent.public_slug}`;

    pages = {
      '/': '/',
      '/sign-in': '/sign-in',
      '/forgot-password': '/forgot-password',
      '/reset-password': '/reset-password?token=not-a-real-token',
      '/accept-invitation': '/accept-invitation?token=not-a-real-token',
      '/catalogue': '/catalogue',
      '/catalogue/$key': '/catalogue/matchmaking-events',
      '/account/tokens': '/account/tokens',
      '/w/$workspace/': '/w/demo/',
      '/w/$workspace/kpis/records': '/w/demo/kpis/records?kpiKey=held_activities',
      '/w/$workspace/clusters': '/w/demo/clusters',
      '/w/$workspace/members': '/w/demo/members',
      '/w/$workspace/members/$id': `/w/demo/members/${longOrganisation.id}`,
      '/w/$workspace/members/import': '/w/demo/members/import',
      '/w/$workspace/people': '/w/demo/people',
      '/w/$workspace/people/import': '/w/demo/people/import',
      '/w/$workspace/users': '/w/demo/users',
      '/w/$workspace/markets': '/w/demo/markets',
      '/w/$workspace/markets/$marketId': `/w/demo/markets/${plan.market_id}`,
      '/w/$workspace/plans/$planId': `/w/demo/plans/${plan.id}`,
      '/w/$workspace/activities': '/w/demo/activities',
      '/w/$workspace/activities/$activityId': `/w/demo/activities/${activity.id}`,
      '/w/$workspace/calendar': '/w/demo/calendar',
      '/w/$workspace/reports': '/w/demo/reports',
      '/w/$workspace/audit': '/w/demo/audit',
      '/w/$workspace/settings': '/w/demo/settings',
      '/w/$workspace/archive': '/w/demo/archive',
      '/w/$workspace/network/organisations': '/w/demo/network/organisations',
      '/w/$workspace/network/organisations/$id': `/w/demo/network/organisations/${longNetworkOrganisation.id}`,
      '/w/$workspace/network/people': '/w/demo/network/people',
      '/w/$workspace/network/people/$id': `/w/demo/network/people/${longNetworkPerson.id}`,
      '/w/$workspace/network/data': '/w/demo/network/data',
      '/w/$workspace/network/import': '/w/demo/network/import?kind=networkPeople',
      '/w/$workspace/network/interactions': '/w/demo/network/interactions',
      '/w/$workspace/network/interactions/new': `/w/demo/network/interactions/new?activity=${longActivity.id}`,
      '/w/$workspace/network/health': '/w/demo/network/health',
      '/w/$workspace/network/projects': '/w/demo/network/projects',
      '/w/$workspace/network/projects/$id': `/w/demo/network/projects/${project.id}`,
      '/w/$workspace/network/pipeline': '/w/demo/network/pipeline',
      '/w/$workspace/network/relationships/$relationshipId': `/w/demo/network/relationships/${relationship.id}`,
      '/w/$workspace/instruments/$key': '/w/demo/instruments/training-to-go-international-extended',
      '/setup/$token': '/setup/not-a-real-token',
      '/operator': '/operator',
      '/w/$workspace/events': '/w/demo/events',
      '/w/$workspace/events/$eventId': `/w/demo/events/${pastEvent.id}`,
      '/w/$workspace/events/$eventId/check-in/$code': `/w/demo/events/${pastEvent.id}/check-in/${checkedIn.checkin_code}`,
      '/register/$slug': upcomingRegistrationPath,
      '/events/confirm': '/events/confirm#not-a-real-token',
      '/events/access': '/events/access#not-a-real-token',
      '/event-portal': '/event-portal',
      '/w/$workspace/surveys': '/w/demo/surveys',
      '/w/$workspace/surveys/questionnaires/$questionnaireId': `/w/demo/surveys/questionnaires/${readinessWave.questionnaire_id}`,
      '/w/$workspace/surveys/waves/$waveId': `/w/demo/surveys/waves/${readinessWave.id}`,
      '/survey': '/survey#not-a-real-token',
    };
    extraPages = [
      `/w/demo/members?q=${LONG_ORGANISATION.slice(0, 20)}`,
      // A demo member with activities and a history; an instrument no one uses (empty states).
      memberOrganisationPath,
      '/catalogue/innovation-clubs',
      `/w/demo/markets/${longMarket.id}`,
      `/w/demo/activities/${longActivity.id}`,
      '/w/demo/network/interactions?mine=true',
      // The pipeline as a list, filtered (issue 21).
      '/w/demo/network/pipeline?view=list&stage=partner,collaborating',
      // The events: past ones, and every organiser tab of both demo events.
      '/w/demo/events?when=past',
      ...organiserTabs.flatMap((tab) => [
        `/w/demo/events/${pastEvent.id}?tab=${tab}`,
        `${upcomingEventPath}?tab=${tab}`,
      ]),
    ];
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(email: string, viewport: { width: number; height: number }): Promise<Page> {
    return signedInPage(browser, baseUrl, { email, password: DEMO_PASSWORD, viewport });
  }

  async function open(page: Page, address: string): Promise<void> {
    await page.goto(`${baseUrl}${address}`);
    await settle(page);
  }

  it('visits every page of the router', () => {
    expect(Object.keys(pages).sort()).toEqual(appRouteTemplates());
  });

  describe('on a laptop (1440×900), as the coordinator', () => {
    /** What each page showed: its address → the problems found. */
    const seen = new Map<
      string,
      { current: string[]; cutOff: string[]; split: string[]; sideways: number; wideTables: string[] }
    >();

    beforeAll(async () => {
      const page = await signedIn('coordinator@demo.space2id.example', DESKTOP);
      const publicOnly = new Set([
        '/sign-in',
        '/forgot-password',
        '/reset-password',
        '/accept-invitation',
        '/',
        // An event's public pages: no workspace navigation, walked signed out on a phone below.
        '/register/$slug',
        '/events/confirm',
        '/events/access',
        '/event-portal',
        // A survey's personal link (issue 23): walked signed out on a phone below.
        '/survey',
      ]);
      const addresses = [
        ...Object.entries(pages)
          .filter(([template]) => !publicOnly.has(template))
          .map(([, address]) => address),
        ...extraPages,
      ];
      for (const address of addresses) {
        await open(page, address);
        seen.set(address, {
          current: await currentNavigationItems(page),
          cutOff: await cutOffLabels(page),
          split: await splitWords(page),
          sideways: await sidewaysScroll(page),
          wideTables: await overflowingTables(page),
        });
      }
      await page.context().close();
    });

    it('marks exactly one page as current in the navigation (issue 18, item 4)', () => {
      // The account's pages are in the user menu, not in the navigation; a set-up link is a public
      // page, and the operator's page has no link for a coordinator who is not the operator.
      const outsideNavigation = ['/account/', '/setup/', '/operator'];
      const expected = (address: string) =>
        outsideNavigation.some((start) => address.startsWith(start)) ? 0 : 1;
      const problems = [...seen]
        .filter(([address, s]) => s.current.length !== expected(address))
        .map(([address, s]) => `${address}: ${s.current.join(', ') || 'none'}`);
      expect(problems).toEqual([]);
      expect(seen.get('/w/demo/calendar')?.current).toEqual(['Calendar']);
      // A custom instrument's page is part of the catalogue.
      expect(seen.get('/w/demo/instruments/training-to-go-international-extended')?.current).toEqual([
        'Instrument catalogue',
      ]);
      expect(seen.get('/w/demo/')?.current).toEqual(['Dashboard']);
      expect(seen.get('/w/demo/kpis/records?kpiKey=held_activities')?.current).toEqual(['Dashboard']);
    });

    it('shows every badge and label whole (issue 18, item 5)', () => {
      const problems = [...seen]
        .filter(([, s]) => s.cutOff.length + s.split.length > 0)
        .map(([a, s]) => `${a}: cut off ${s.cutOff.join(' | ')}; split ${s.split.join(' | ')}`);
      expect(problems).toEqual([]);
    });

    it('wraps long names instead of widening the page or pushing table columns out of view (issue 18, item 8)', () => {
      const problems = [...seen]
        .filter(([, s]) => s.sideways > 0 || s.wideTables.length > 0)
        .map(([a, s]) => `${a}: ${s.sideways} px sideways; ${s.wideTables.join(' | ')}`);
      expect(problems).toEqual([]);
    });
  });

  describe('on a phone (390×844)', () => {
    /** Visits each page and collects its problems; axe must pass on every one. */
    async function walk(page: Page, addresses: string[], problems: string[]): Promise<void> {
      for (const address of addresses) {
        await open(page, address);
        const sideways = await sidewaysScroll(page);
        if (sideways > 0) problems.push(`${address}: scrolls ${sideways} px sideways`);
        const cutOff = await cutOffLabels(page);
        if (cutOff.length > 0) problems.push(`${address}: cut off ${cutOff.join(' | ')}`);
        const split = await splitWords(page);
        if (split.length > 0) problems.push(`${address}: words split ${split.join(' | ')}`);
        await expectNoSeriousA11yViolations(page);
      }
    }

    // About sixty pages, each checked by axe: minutes on a busy machine.
    it('fits every page of the coordinator, and the public pages, on the screen (issue 18, item 9)', {
      timeout: 900_000,
    }, async () => {
      const problems: string[] = [];
      const context = await browser.newContext({ viewport: PHONE });
      context.setDefaultTimeout(20_000);
      const visitor = await context.newPage();
      await walk(
        visitor,
        [
          '/sign-in',
          '/forgot-password',
          pages['/reset-password'] ?? '',
          pages['/accept-invitation'] ?? '',
          // An event's public pages (issue 22), signed out: registration, links, the portal.
          pages['/register/$slug'] ?? '',
          pages['/events/confirm'] ?? '',
          pages['/events/access'] ?? '',
          pages['/event-portal'] ?? '',
          // A survey link (issue 23), signed out.
          pages['/survey'] ?? '',
        ],
        problems,
      );
      await context.close();

      const page = await signedIn('coordinator@demo.space2id.example', PHONE);
      await walk(
        page,
        [
          ...Object.values(pages).filter(
            (a) =>
              !/^\/(sign-in|forgot-password|reset-password|accept-invitation|register\/|events\/|event-portal|survey#)/.test(
                a,
              ),
          ),
          ...extraPages,
          '/w/demo/calendar?view=month',
          '/w/demo/calendar?view=week',
        ],
        problems,
      );
      // The Gantt chart's time axis takes the phone's width; titles go above the bars.
      await open(page, pages['/w/$workspace/plans/$planId'] ?? '');
      const timeline = page.getByTestId('plan-timeline').locator('svg');
      await timeline
        .locator('text', { hasText: /^20\d\d$/ })
        .first()
        .waitFor();
      const axis = await timeline.evaluate((svg: unknown) => {
        const chart = svg as {
          getBoundingClientRect(): { left: number; width: number };
          querySelectorAll(
            s: string,
          ): Iterable<{ textContent: string | null; getBoundingClientRect(): { left: number } }>;
        };
        const years = Array.from(chart.querySelectorAll('text'))
          .filter((text) => /^20\d\d$/.test(text.textContent ?? ''))
          .map((text) => text.getBoundingClientRect().left);
        return {
          spread: Math.max(...years) - Math.min(...years),
          width: chart.getBoundingClientRect().width,
        };
      });
      expect(axis.spread).toBeGreaterThan(0.7 * axis.width);
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'phone-plan.png'), fullPage: true });
      await page.context().close();
      expect(problems).toEqual([]);
    });

    // Two accounts, about ten pages, each checked by axe: minutes on a busy machine.
    it('fits the main pages of a member and of a viewer on the screen (issue 18, item 9)', {
      timeout: 420_000,
    }, async () => {
      const problems: string[] = [];
      const member = await signedIn('member@demo.space2id.example', PHONE);
      await walk(
        member,
        [
          '/w/demo/',
          memberOrganisationPath,
          '/w/demo/markets',
          '/w/demo/calendar',
          '/w/demo/clusters',
          // The B2B events (issue 22): the list, and the upcoming event the member takes part in.
          '/w/demo/events',
          ...memberTabs.map((tab) => `${upcomingEventPath}?tab=${tab}`),
        ],
        problems,
      );
      await member.context().close();
      const viewer = await signedIn('viewer@demo.space2id.example', PHONE);
      await walk(
        viewer,
        ['/w/demo/', '/w/demo/reports', pages['/w/$workspace/plans/$planId'] ?? '', '/w/demo/calendar'],
        problems,
      );
      await viewer.context().close();
      expect(problems).toEqual([]);
    });
  });
});
