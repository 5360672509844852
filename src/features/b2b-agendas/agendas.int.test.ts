import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { B2bRows } from '../../../test/support/b2b-factories.ts';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { pdfText } from '../../../test/support/report-files.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

type Headers = Record<string, string>;
const PUBLIC_URL = 'https://hub.example.test';

function parseIcs(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  return root.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

describe.each(testDialects())('agendas API on %s', (kind) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let factory: Factory;
  let b2b: B2bRows;
  let slug: string;
  let workspaceId: string;
  let eventId: string;
  let coordinator: Headers;
  let memberHeaders: Headers;
  let otherMemberHeaders: Headers;
  let member: Awaited<ReturnType<B2bRows['participant']>>;
  let outside: Awaited<ReturnType<B2bRows['participant']>>;
  let third: Awaited<ReturnType<B2bRows['participant']>>;
  let meetingIds: string[];
  const url = (path: string) => `/api/v1/workspaces/${slug}/events/${eventId}${path}`;
  const get = (path: string, headers: Headers = coordinator) =>
    t.app.inject({ method: 'GET', url: url(path), headers });

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp(kind, {
      jobs: { pollMs: 600_000 },
      mail: { smtpUrl: smtp.url, from: 'SPACE2ID Hub <hub@example.test>', publicUrl: PUBLIC_URL },
    });
    factory = new Factory(t.database.db);
    b2b = new B2bRows(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    const clusterId = (await factory.cluster(workspaceId)).id;
    const orgId = (await factory.organisation(workspaceId, clusterId, { name: 'Orbital Member' })).id;
    const otherOrgId = (await factory.organisation(workspaceId, clusterId, { name: 'Other Member' })).id;
    coordinator = (await factory.memberWithToken(workspaceId, 'coordinator')).headers;
    memberHeaders = (await factory.memberWithToken(workspaceId, 'member', null, orgId)).headers;
    otherMemberHeaders = (await factory.memberWithToken(workspaceId, 'member', null, otherOrgId)).headers;
    const activity = await factory.activity(workspaceId, null, { instrument: '1.2.1', title: 'Space Days' });
    const event = await b2b.event(workspaceId, activity.id, {
      venue: 'Palais des Congrès',
      published_at: '2026-03-01T10:00:00.000Z',
      agenda_revision: 1,
    });
    eventId = event.id;
    await b2b.session(eventId, { day: '2026-03-10', start_time: '09:00', end_time: '12:00' });
    const tables = await b2b.tables(eventId, 3);
    member = await b2b.participant(workspaceId, eventId, {
      name: 'Orbital Member',
      organisation_id: orgId,
      organisation_type: null,
      source: 'member',
    });
    await b2b.participant(workspaceId, eventId, {
      name: 'Other Member',
      organisation_id: otherOrgId,
      source: 'member',
    });
    outside = await b2b.participant(workspaceId, eventId, {
      name: 'Łódź Antennas',
      country: 'PL',
      description: 'Ground segment antennas',
      offers: 'Antenna design',
      looking_for: 'Satellite operators',
    });
    third = await b2b.participant(workspaceId, eventId, { name: 'Ελληνική Διαστημική', country: 'GR' });
    const r1 = await b2b.request(workspaceId, eventId, member.id, outside.id);
    const r2 = await b2b.request(workspaceId, eventId, third.id, member.id);
    const r3 = await b2b.request(workspaceId, eventId, outside.id, third.id);
    // 09:00 and 09:30 in Brussels on 10 March 2026 (UTC+1).
    meetingIds = [
      (
        await b2b.meeting(workspaceId, eventId, r1.id, '2026-03-10T08:00:00.000Z', {
          table_id: tables[1]?.id,
          published: 1,
        })
      ).id,
      (
        await b2b.meeting(workspaceId, eventId, r2.id, '2026-03-10T08:30:00.000Z', {
          table_id: tables[0]?.id,
          published: 1,
        })
      ).id,
      (
        await b2b.meeting(workspaceId, eventId, r3.id, '2026-03-10T08:00:00.000Z', {
          table_id: tables[2]?.id,
          published: 1,
        })
      ).id,
    ];
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it("gives a member its own agenda: meetings in time order, local times, table, counterpart's profile, QR code", async () => {
    const res = await get('/agenda', memberHeaders);
    expect(res.statusCode).toBe(200);
    const agenda = res.json();
    expect(agenda.published).toBe(true);
    expect(agenda.participant.name).toBe('Orbital Member');
    expect(
      agenda.meetings.map(
        (m: { startTime: string; counterpart: { name: string }; table: { number: number } }) => [
          m.startTime,
          m.counterpart.name,
          m.table.number,
        ],
      ),
    ).toEqual([
      ['09:00', 'Łódź Antennas', 2],
      ['09:30', 'Ελληνική Διαστημική', 1],
    ]);
    expect(agenda.meetings[0].counterpart.offers).toBe('Antenna design');
    expect(agenda.meetings[0].counterpart).not.toHaveProperty('contactEmail');
    expect(JSON.stringify(agenda)).not.toContain('@example.test');
    expect(agenda.checkInUrl).toMatch(new RegExp(`^${PUBLIC_URL}/w/${slug}/events/${eventId}/check-in/.+`));
    expect(agenda.checkInQrSvg).toContain('<svg');
  });

  it('lets the organiser read any participant, the portal its own, and refuses another participant to a member', async () => {
    const organiser = await get(`/agenda?participantId=${outside.id}`);
    expect(organiser.statusCode).toBe(200);
    expect(
      organiser.json().meetings.map((m: { counterpart: { name: string } }) => m.counterpart.name),
    ).toEqual(['Orbital Member', 'Ελληνική Διαστημική']);
    const portal = await t.app.inject({
      method: 'GET',
      url: '/api/v1/event-portal/agenda',
      headers: outside.portalHeaders,
    });
    expect(portal.statusCode).toBe(200);
    expect(portal.json().participant.id).toBe(outside.id);
    expect((await get(`/agenda?participantId=${outside.id}`, memberHeaders)).statusCode).toBe(403);
    expect((await get(`/agenda?participantId=${member.id}`, otherMemberHeaders)).statusCode).toBe(403);
    expect((await get('/agenda?participantId=no-such-participant')).statusCode).toBe(404);
    expect((await get('/agendas', memberHeaders)).statusCode).toBe(403);
    expect((await get('/grid.svg', memberHeaders)).statusCode).toBe(403);
    const portalNoToken = await t.app.inject({ method: 'GET', url: '/api/v1/event-portal/agenda' });
    expect(portalNoToken.statusCode).toBe(401);
  });

  it("answers 404 for another workspace's event or participant", async () => {
    const other = await factory.workspace('Other consortium');
    const otherCoordinator = (await factory.memberWithToken(other.id, 'coordinator')).headers;
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${other.slug}/events/${eventId}/agenda?participantId=${member.id}`,
      headers: otherCoordinator,
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await get('/agenda', otherCoordinator)).statusCode).toBe(404);
  });

  it('shows no meeting before the schedule is published', async () => {
    await t.database.db
      .updateTable('b2b_event')
      .set({ published_at: null })
      .where('id', '=', eventId)
      .execute();
    const agenda = (await get('/agenda', memberHeaders)).json();
    expect(agenda.published).toBe(false);
    expect(agenda.meetings).toEqual([]);
  });

  it('downloads the .ics: parsed back with the right UTC time and the table', async () => {
    const res = await get('/agenda.ics', memberHeaders);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.headers['content-disposition']).toContain('attachment');
    const events = parseIcs(res.body);
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      '2026-03-10T08:00:00.000Z',
      '2026-03-10T08:30:00.000Z',
    ]);
    expect(events[0]?.location).toBe('Table 2, Palais des Congrès');
    expect(events[0]?.summary).toBe('Meeting with Łódź Antennas');
    expect(events[0]?.uid).toBe(`${meetingIds[0]}@space2id-hub`);
  });

  it('renders the agenda PDF, all agendas, the grid and the table cards', async () => {
    const pdf = await get('/agenda.pdf', memberHeaders);
    expect(pdf.statusCode).toBe(200);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Agenda of Orbital Member');
    expect(text).toContain('Łódź Antennas');
    expect(text).toContain('Offers: Antenna design');
    expect(text).toContain('09:00–09:30');
    const all = await pdfText((await get('/agendas.pdf')).rawPayload);
    for (const name of ['Orbital Member', 'Other Member', 'Łódź Antennas', 'Ελληνική Διαστημική'])
      expect(all).toContain(`Agenda of ${name}`);
    const grid = await get('/grid.svg');
    expect(grid.statusCode).toBe(200);
    expect(grid.headers['content-type']).toContain('image/svg+xml');
    expect(grid.body).toContain('Orbital Member');
    expect(grid.body).toContain('Łódź Antennas');
    expect((await get('/grid.pdf')).statusCode).toBe(200);
    const cards = await pdfText((await get('/table-cards.pdf')).rawPayload);
    expect(cards).toContain('Table 3');
    const overview = (await get('/agendas')).json();
    expect(
      Object.fromEntries(
        overview.participants.map((p: { name: string; meetings: number }) => [p.name, p.meetings]),
      ),
    ).toEqual({ 'Orbital Member': 2, 'Other Member': 0, 'Łódź Antennas': 2, 'Ελληνική Διαστημική': 2 });
  });

  it('serves the calendar feed by token: ETag and 304, a cancellation reflected, revoked and wrong tokens 404', async () => {
    const link = await get('/feed', memberHeaders);
    expect(link.statusCode).toBe(200);
    const feedUrl = link.json().url as string;
    expect(feedUrl.startsWith(`${PUBLIC_URL}/api/v1/calendar/cal_`)).toBe(true);
    expect((await get('/feed', memberHeaders)).json().url).toBe(feedUrl);
    const path = feedUrl.slice(PUBLIC_URL.length);
    const first = await t.app.inject({ method: 'GET', url: path });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('text/calendar');
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    const again = await t.app.inject({ method: 'GET', url: path, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);

    // A meeting cancelled on the day: the agenda revision rises, the feed shows it cancelled.
    await t.database.db
      .updateTable('b2b_meeting')
      .set({ status: 'cancelled', status_by: 'organiser' })
      .where('id', '=', meetingIds[0] as string)
      .execute();
    await t.database.db
      .updateTable('b2b_event')
      .set({ agenda_revision: 2 })
      .where('id', '=', eventId)
      .execute();
    const changed = await t.app.inject({ method: 'GET', url: path, headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    const events = parseIcs(changed.body);
    expect(events[0]?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(events[0]?.sequence).toBe(2);
    expect(events[1]?.component.getFirstPropertyValue('status')).toBe('CONFIRMED');

    const revoked = await t.app.inject({ method: 'POST', url: url('/feed/revoke'), headers: memberHeaders });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().url).not.toBe(feedUrl);
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    const wrong = await t.app.inject({ method: 'GET', url: `/api/v1/calendar/cal_${'x'.repeat(43)}.ics` });
    expect(wrong.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/calendar/nonsense.ics' })).statusCode).toBe(
      404,
    );
    const fresh = revoked.json().url.slice(PUBLIC_URL.length);
    expect((await t.app.inject({ method: 'GET', url: fresh })).statusCode).toBe(200);
    await t.database.db
      .updateTable('b2b_participant')
      .set({ status: 'cancelled' })
      .where('id', '=', member.id)
      .execute();
    expect((await t.app.inject({ method: 'GET', url: fresh })).statusCode).toBe(404);
    const audits = await t.database.db
      .selectFrom('audit_event')
      .where('entity_id', '=', member.id)
      .select('changes')
      .execute();
    expect(audits.length).toBe(2);
    expect(JSON.stringify(audits)).not.toContain('cal_');
  });

  it('lets a portal participant get and revoke its own feed', async () => {
    const first = await t.app.inject({
      method: 'GET',
      url: '/api/v1/event-portal/feed',
      headers: outside.portalHeaders,
    });
    expect(first.statusCode).toBe(200);
    const revoked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/event-portal/feed/revoke',
      headers: outside.portalHeaders,
    });
    expect(revoked.json().url).not.toBe(first.json().url);
    expect(
      (await t.app.inject({ method: 'GET', url: first.json().url.slice(PUBLIC_URL.length) })).statusCode,
    ).toBe(404);
    const ics = await t.app.inject({
      method: 'GET',
      url: '/api/v1/event-portal/agenda.ics',
      headers: outside.portalHeaders,
    });
    expect(parseIcs(ics.body).length).toBe(2);
  });

  it('sends each approved participant its agenda by mail with the .ics attached, as a job with progress', async () => {
    const started = await t.app.inject({ method: 'POST', url: url('/agenda-mails'), headers: coordinator });
    expect(started.statusCode).toBe(202);
    const job = started.json().job;
    expect(job.kind).toBe('b2b-agenda-mails');
    await t.app.jobs.idle();
    const done = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${slug}/jobs/${job.id}`,
        headers: coordinator,
      })
    ).json();
    expect(done.status).toBe('succeeded');
    expect(done.progress).toBe(1);
    expect(done.message).toBe('Done: 4 of 4 agendas sent');
    const memberRow = await t.database.db
      .selectFrom('b2b_participant')
      .where('id', '=', member.id)
      .select(['contact_email', 'feed_token'])
      .executeTakeFirstOrThrow();
    const mail = await smtp.waitFor((m) => m.to.includes(memberRow.contact_email));
    expect(mail.subject).toBe('Your agenda for Space Days');
    expect(mail.text).toContain('09:00–09:30  Łódź Antennas — Table 2');
    expect(mail.text).toContain(`${PUBLIC_URL}/api/v1/calendar/${memberRow.feed_token}.ics`);
    const attachment = mail.parsed.attachments.find((a) => a.filename?.endsWith('.ics'));
    expect(attachment).toBeDefined();
    const events = parseIcs((attachment as { content: Buffer }).content.toString('utf8'));
    expect(events.map((e) => e.location)).toEqual([
      'Table 2, Palais des Congrès',
      'Table 1, Palais des Congrès',
    ]);
    expect(events[0]?.startDate.toJSDate().toISOString()).toBe('2026-03-10T08:00:00.000Z');
    const members = (await get('/agenda-mails', memberHeaders)).statusCode;
    expect(members).toBe(404);
    expect(
      (await t.app.inject({ method: 'POST', url: url('/agenda-mails'), headers: memberHeaders })).statusCode,
    ).toBe(403);
  });
});
