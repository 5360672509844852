import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { B2bRows } from '../../../test/support/b2b-factories.ts';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createMailer } from '../mail/create-mailer.ts';
import { RequestTickService } from './tick.ts';

type Headers = Record<string, string>;
const PUBLIC_URL = 'https://hub.example.test';

describe.each(testDialects())('B2B marketplace and meeting requests on %s', (kind) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let factory: Factory;
  let rows: B2bRows;
  let now = new Date('2026-03-01T10:00:00.000Z');
  let slug: string;
  let workspaceId: string;
  let eventId: string;
  let otherEventId: string;
  let coordinator: Headers;
  let member: Headers;
  let otherMember: Headers;
  let viewer: Headers;
  /** The member organisation's participant, and outside participants signed in by their links. */
  let mine: Awaited<ReturnType<B2bRows['participant']>>;
  let sar: Awaited<ReturnType<B2bRows['participant']>>;
  let ground: Awaited<ReturnType<B2bRows['participant']>>;
  let pending: Awaited<ReturnType<B2bRows['participant']>>;
  let elsewhere: Awaited<ReturnType<B2bRows['participant']>>;

  const url = (path: string, event = eventId) => `/api/v1/workspaces/${slug}/events/${event}${path}`;
  const ws = (method: 'GET' | 'POST' | 'PATCH', path: string, headers: Headers, payload?: object) =>
    t.app.inject({ method, url: url(path), headers, ...(payload ? { payload } : {}) });
  const portal = (method: 'GET' | 'POST', path: string, headers: Headers, payload?: object) =>
    t.app.inject({ method, url: `/api/v1/event-portal${path}`, headers, ...(payload ? { payload } : {}) });
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
  const requestCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('b2b_request')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('workspace_id', '=', workspaceId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp(kind, {
      clock: () => now,
      mail: { smtpUrl: smtp.url, from: 'SPACE2ID Hub <hub@example.test>', publicUrl: PUBLIC_URL },
    });
    factory = new Factory(t.database.db);
    rows = new B2bRows(t.database.db);
  });
  beforeEach(async () => {
    now = new Date('2026-03-01T10:00:00.000Z');
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    const clusterId = (await factory.cluster(workspaceId)).id;
    const orgId = (await factory.organisation(workspaceId, clusterId, { name: 'Orbital Optics' })).id;
    const otherOrgId = (await factory.organisation(workspaceId, clusterId)).id;
    coordinator = (await factory.memberWithToken(workspaceId, 'coordinator')).headers;
    member = (await factory.memberWithToken(workspaceId, 'member', null, orgId)).headers;
    otherMember = (await factory.memberWithToken(workspaceId, 'member', null, otherOrgId)).headers;
    viewer = (await factory.memberWithToken(workspaceId, 'viewer')).headers;
    const activity = await factory.activity(workspaceId, null, { instrument: '1.2.1' });
    eventId = (await rows.event(workspaceId, activity.id, { meeting_types: '["b2b","b2i"]' })).id;
    const other = await factory.activity(workspaceId, null, { instrument: '1.2.1' });
    otherEventId = (await rows.event(workspaceId, other.id)).id;
    mine = await rows.participant(workspaceId, eventId, {
      name: 'Orbital Optics',
      organisation_id: orgId,
      country: 'BE',
      offers: 'Star trackers and optical payloads',
      looking_for: 'SAR imagery and Earth observation data',
      tags: '["EO"]',
      target_markets: '["JP"]',
      meeting_types: '["b2b","b2i"]',
    });
    sar = await rows.participant(workspaceId, eventId, {
      name: 'Tokyo SAR',
      country: 'JP',
      city: 'Tokyo',
      offers: 'SAR imagery and Earth observation analytics',
      looking_for: 'Optical payloads',
      tags: '["eo","radar"]',
      space_segments: '["earth_observation"]',
    });
    ground = await rows.participant(workspaceId, eventId, {
      name: 'Ground Co',
      country: 'FR',
      offers: 'Ground station services',
      space_segments: '["ground_segment"]',
    });
    pending = await rows.participant(workspaceId, eventId, { name: 'Waiting Ltd', status: 'pending' });
    elsewhere = await rows.participant(workspaceId, otherEventId, { name: 'Elsewhere GmbH', country: 'DE' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('shows the catalogue of approved participants without contact data, with search, filters, pages and request states', async () => {
    await rows.request(workspaceId, eventId, sar.id, mine.id, { status: 'pending' });
    const res = await ws('GET', '/catalogue', member);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items.map((i: { name: string }) => i.name)).toEqual([
      'Ground Co',
      'Orbital Optics',
      'Tokyo SAR',
    ]);
    expect(body.participantId).toBe(mine.id);
    const tokyo = body.items.find((i: { id: string }) => i.id === sar.id);
    expect(tokyo).toMatchObject({
      country: 'JP',
      city: 'Tokyo',
      tags: ['eo', 'radar'],
      representatives: [{ name: sar.contact_name, roleTitle: null }],
      request: { status: 'pending', direction: 'received' },
    });
    expect(res.body).not.toContain(sar.contact_email);
    expect(res.body).not.toContain('@');
    expect(body.facets.countries).toEqual(['BE', 'FR', 'JP']);

    const search = (await ws('GET', '/catalogue?q=earth%20observation', member)).json();
    expect(search.items.map((i: { name: string }) => i.name)).toEqual(['Orbital Optics', 'Tokyo SAR']);
    const filtered = (
      await ws('GET', '/catalogue?country=JP&country=FR&segment=earth_observation', viewer)
    ).json();
    expect(filtered.items.map((i: { name: string }) => i.name)).toEqual(['Tokyo SAR']);
    expect(filtered.participantId).toBeNull();
    const tagged = (await ws('GET', '/catalogue?tag=EO&meetingType=b2i', coordinator)).json();
    expect(tagged.items.map((i: { name: string }) => i.name)).toEqual(['Orbital Optics']);
    const page = (await ws('GET', '/catalogue?limit=1&offset=1', member)).json();
    expect(page).toMatchObject({ total: 3, items: [{ name: 'Orbital Optics' }] });

    const bad = await ws('GET', '/catalogue?country=XX&limit=1000', member);
    expect(bad.statusCode).toBe(400);
    expect(fields(bad.json())).toEqual(['query.country.0', 'query.limit']);
    expect((await ws('GET', '/catalogue', member, undefined)).statusCode).toBe(200);
    const unknown = await t.app.inject({
      method: 'GET',
      url: url('/catalogue', 'no-such-event'),
      headers: member,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('suggests partners with reasons, excluding live requests; organisers name the participant', async () => {
    const res = await ws('GET', '/suggestions', member);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.participantId).toBe(mine.id);
    expect(body.items[0]).toMatchObject({ participantId: sar.id, name: 'Tokyo SAR', country: 'JP' });
    expect(body.items[0].reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'offer_matches_request', direction: 'they_offer' }),
        expect.objectContaining({ kind: 'offer_matches_request', direction: 'they_need' }),
        { kind: 'tags_shared', tags: ['eo'] },
        { kind: 'market_match', direction: 'their_country', country: 'JP' },
      ]),
    );
    const portalRes = await portal('GET', '/suggestions', sar.portalHeaders);
    expect(portalRes.statusCode, portalRes.body).toBe(200);
    expect(portalRes.json().items[0].participantId).toBe(mine.id);

    await rows.request(workspaceId, eventId, mine.id, sar.id, { status: 'pending' });
    const after = (await ws('GET', '/suggestions', member)).json();
    expect(after.items.map((i: { participantId: string }) => i.participantId)).not.toContain(sar.id);

    const organiser = await ws('GET', `/suggestions?participantId=${sar.id}`, coordinator);
    expect(organiser.json().participantId).toBe(sar.id);
    const missing = await ws('GET', '/suggestions', coordinator);
    expect(missing.statusCode).toBe(400);
    expect(fields(missing.json())).toEqual(['query.participantId']);
    expect((await ws('GET', `/suggestions?participantId=${elsewhere.id}`, coordinator)).statusCode).toBe(404);
    expect((await ws('GET', `/suggestions?participantId=${sar.id}`, member)).statusCode).toBe(403);
    expect((await ws('GET', '/suggestions', otherMember)).statusCode).toBe(403);
    expect((await ws('GET', '/suggestions', viewer)).statusCode).toBe(403);
  });

  it('a member asks for a meeting, the outside participant accepts through the portal; both mails are sent', async () => {
    const created = await ws('POST', '/requests', member, {
      fromParticipantId: mine.id,
      toParticipantId: sar.id,
      meetingType: 'b2b',
      message: 'We would like to discuss SAR data for our payload tests.',
      priority: 3,
    });
    expect(created.statusCode, created.body).toBe(201);
    const request = created.json();
    expect(request).toMatchObject({
      from: { id: mine.id, name: 'Orbital Optics' },
      to: { id: sar.id, name: 'Tokyo SAR' },
      status: 'pending',
      origin: 'participant',
      priority: 3,
      expiresAt: null,
      canCancel: true,
      canAccept: false,
      version: 1,
    });
    const invitation = await smtp.waitFor((m) => m.to.includes(sar.contact_email));
    expect(invitation.subject).toContain('Orbital Optics asks to meet you');
    expect(invitation.text).toContain('We would like to discuss SAR data');
    expect(invitation.text).toContain(`${PUBLIC_URL}/event-portal`);

    const audit = await t.database.db
      .selectFrom('audit_event')
      .where('entity_id', '=', request.id)
      .select(['action', 'entity_type'])
      .execute();
    expect(audit).toEqual([{ action: 'create', entity_type: 'b2b_request' }]);

    // The sender cannot accept its own request; the receiver sees it and can.
    const own = await ws('POST', `/requests/${request.id}/accept`, member, { version: 1 });
    expect(own.statusCode).toBe(403);
    const listed = (await portal('GET', '/requests', sar.portalHeaders)).json();
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ id: request.id, canAccept: true, canCancel: false });
    const stale = await portal('POST', `/requests/${request.id}/accept`, sar.portalHeaders, { version: 7 });
    expect(stale.statusCode).toBe(409);
    const accepted = await portal('POST', `/requests/${request.id}/accept`, sar.portalHeaders, {
      version: 1,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', version: 2 });
    const answer = await smtp.waitFor(
      (m) => m.to.includes(mine.contact_email) && m.subject.includes('accepted'),
    );
    expect(answer.text).toContain(`${PUBLIC_URL}/w/${slug}/events/${eventId}?tab=marketplace`);
    const again = await portal('POST', `/requests/${request.id}/decline`, sar.portalHeaders, { version: 2 });
    expect(again.statusCode).toBe(409);

    // Cancelled by the sender: the pair is free again.
    const cancelled = await ws('POST', `/requests/${request.id}/cancel`, member, { version: 2 });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', version: 3 });
    const anew = await portal('POST', '/requests', sar.portalHeaders, {
      toParticipantId: mine.id,
      meetingType: 'b2b',
    });
    expect(anew.statusCode, anew.body).toBe(201);
  });

  it('refuses bad requests with the field named and nothing written', async () => {
    await rows.request(workspaceId, eventId, sar.id, ground.id, { status: 'pending' });
    const before = await requestCount();
    const ask = (body: object, headers = member) =>
      ws('POST', '/requests', headers, {
        fromParticipantId: mine.id,
        toParticipantId: sar.id,
        meetingType: 'b2b',
        ...body,
      });
    const cases: Array<[object, number, string[]]> = [
      [{ toParticipantId: mine.id }, 400, ['body.toParticipantId']],
      [{ toParticipantId: elsewhere.id }, 404, ['body.toParticipantId']],
      [{ toParticipantId: pending.id }, 400, ['body.toParticipantId']],
      [{ fromParticipantId: ground.id }, 400, ['body.fromParticipantId']],
      [{ meetingType: 'c2c' }, 400, ['body.meetingType']],
      [{ meetingType: 'b2i' }, 400, ['body.meetingType']],
      [{ meetingType: 'lunch' }, 400, ['body.meetingType']],
      [{ message: 'x'.repeat(2001) }, 400, ['body.message']],
      [{ priority: 9 }, 400, ['body.priority']],
      [{ accepted: true }, 400, ['body.accepted']],
    ];
    for (const [body, status, named] of cases) {
      const res = await ask(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(fields(res.json()), JSON.stringify(body)).toEqual(named);
    }
    // A duplicate, either way: 409 saying a request between them exists.
    const duplicate = await portal('POST', '/requests', ground.portalHeaders, {
      toParticipantId: sar.id,
      meetingType: 'b2b',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().detail).toContain('already exists');
    // Not a participant: the other organisation's member and the viewer.
    expect((await ask({}, otherMember)).statusCode).toBe(403);
    expect((await ask({}, viewer)).statusCode).toBe(403);
    // A pending (not approved) participant in the portal.
    expect(
      (
        await portal('POST', '/requests', pending.portalHeaders, {
          toParticipantId: sar.id,
          meetingType: 'b2b',
        })
      ).statusCode,
    ).toBe(403);
    expect(await requestCount()).toBe(before);

    // After the deadline (409), beyond the limit of live requests sent (409).
    await t.database.db
      .updateTable('b2b_event')
      .set({ request_deadline_at: '2026-02-28T23:00:00.000Z' })
      .where('id', '=', eventId)
      .execute();
    const late = await ask({});
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('deadline');
    await t.database.db
      .updateTable('b2b_event')
      .set({ request_deadline_at: null, max_requests_per_participant: 1 })
      .where('id', '=', eventId)
      .execute();
    expect((await ask({ toParticipantId: ground.id })).statusCode).toBe(201);
    const over = await ask({});
    expect(over.statusCode).toBe(409);
    expect(over.json().detail).toContain('(1)');
    expect(await requestCount()).toBe(before + 1);
  });

  it('organisers see every request with filters and counts, arrange meetings, change priorities, answer on behalf', async () => {
    await t.database.db
      .updateTable('b2b_event')
      .set({ request_expiry_days: 5 })
      .where('id', '=', eventId)
      .execute();
    const asked = (
      await portal('POST', '/requests', sar.portalHeaders, { toParticipantId: ground.id, meetingType: 'b2b' })
    ).json();
    expect(asked.expiresAt).toBe('2026-03-06T10:00:00.000Z');
    const arranged = await ws('POST', '/requests', coordinator, {
      fromParticipantId: mine.id,
      toParticipantId: sar.id,
      meetingType: 'b2b',
      accepted: true,
    });
    expect(arranged.statusCode, arranged.body).toBe(201);
    expect(arranged.json()).toMatchObject({ status: 'accepted', origin: 'organiser', expiresAt: null });
    await smtp.waitFor(
      (m) => m.to.includes(mine.contact_email) && m.subject.includes('A meeting with Tokyo SAR'),
    );

    const all = (await ws('GET', '/requests', coordinator)).json();
    expect(all.total).toBe(2);
    expect(all.countsByStatus).toMatchObject({ pending: 1, accepted: 1, declined: 0 });
    expect(all.participantId).toBeNull();
    const filtered = (
      await ws('GET', `/requests?origin=organiser&participantId=${sar.id}`, coordinator)
    ).json();
    expect(filtered.items.map((r: { id: string }) => r.id)).toEqual([arranged.json().id]);
    const byStatus = (await ws('GET', '/requests?status=pending', coordinator)).json();
    expect(byStatus).toMatchObject({ total: 1, items: [{ id: asked.id, canAccept: true, canCancel: true }] });

    const prioritised = await ws('PATCH', `/requests/${asked.id}`, coordinator, { version: 1, priority: 1 });
    expect(prioritised.json()).toMatchObject({ priority: 1, version: 2 });
    expect(
      (await ws('PATCH', `/requests/${asked.id}`, coordinator, { version: 1, priority: 3 })).statusCode,
    ).toBe(409);
    expect((await ws('PATCH', `/requests/${asked.id}`, member, { version: 2, priority: 3 })).statusCode).toBe(
      403,
    );
    const declined = await ws('POST', `/requests/${asked.id}/decline`, coordinator, {
      version: 2,
      reason: 'Full agenda',
    });
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: 'Full agenda' });
    const mail = await smtp.waitFor(
      (m) => m.to.includes(sar.contact_email) && m.subject.includes('declined'),
    );
    expect(mail.text).toContain('Full agenda');

    // The member sees its own requests only, with its limits.
    const own = (await ws('GET', '/requests', member)).json();
    expect(own.items.map((r: { id: string }) => r.id)).toEqual([arranged.json().id]);
    expect(own.limits).toMatchObject({ requestExpiryDays: 5, sentLive: 0, deadlinePassed: false });
    expect((await ws('GET', `/requests?participantId=${sar.id}`, member)).statusCode).toBe(403);
    // Evidence: the event's activity's KPI actuals were refreshed (requests are communication initiatives).
    const audits = await t.database.db
      .selectFrom('audit_event')
      .where('workspace_id', '=', workspaceId)
      .where('entity_type', '=', 'b2b_request')
      .select('action')
      .execute();
    expect(audits).toHaveLength(4);
  });

  it('keeps each portal token inside its own event and its own requests', async () => {
    const request = await rows.request(workspaceId, eventId, mine.id, sar.id, { status: 'pending' });
    // Elsewhere's token (another event of the same workspace) sees its own event only.
    const catalogue = (await portal('GET', '/catalogue', elsewhere.portalHeaders)).json();
    expect(catalogue.items.map((i: { name: string }) => i.name)).toEqual(['Elsewhere GmbH']);
    expect((await portal('GET', '/requests', elsewhere.portalHeaders)).json().items).toEqual([]);
    expect(
      (await portal('POST', `/requests/${request.id}/accept`, elsewhere.portalHeaders, { version: 1 }))
        .statusCode,
    ).toBe(404);
    const across = await portal('POST', '/requests', elsewhere.portalHeaders, {
      toParticipantId: sar.id,
      meetingType: 'b2b',
    });
    expect(across.statusCode).toBe(404);
    expect(fields(across.json())).toEqual(['body.toParticipantId']);
    // A participant of the same event cannot answer a request addressed to someone else.
    expect(
      (await portal('POST', `/requests/${request.id}/accept`, ground.portalHeaders, { version: 1 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await portal('POST', `/requests/${request.id}/cancel`, sar.portalHeaders, { version: 1 })).statusCode,
    ).toBe(403);
    // No token, a wrong one: 401.
    expect((await portal('GET', '/catalogue', {})).statusCode).toBe(401);
    expect(
      (await portal('GET', '/catalogue', { 'x-participant-token': 'evt_wrong-token-of-enough-length' }))
        .statusCode,
    ).toBe(401);
    // A workspace id in the portal's path is not a thing: another workspace's request is 404 to members.
    const foreign = await factory.workspace();
    const foreignActivity = await factory.activity(foreign.id, null, { instrument: '1.2.1' });
    const foreignEvent = await rows.event(foreign.id, foreignActivity.id);
    expect(
      (await t.app.inject({ method: 'GET', url: url('/catalogue', foreignEvent.id), headers: member }))
        .statusCode,
    ).toBe(404);
    const stillPending = await t.database.db
      .selectFrom('b2b_request')
      .where('id', '=', request.id)
      .select('status')
      .executeTakeFirstOrThrow();
    expect(stillPending.status).toBe('pending');
  });

  it('the tick expires pending requests past their expiry and reminds once after two days', async () => {
    const tick = new RequestTickService({
      db: t.database.db,
      mailer: createMailer(
        { smtpUrl: smtp.url, from: 'hub@example.test', publicUrl: PUBLIC_URL },
        t.database.db,
      ),
      publicUrl: PUBLIC_URL,
    });
    // Requests of the other tests (other workspaces) are out of this one's counts.
    await t.database.db
      .updateTable('b2b_request')
      .set({ status: 'cancelled' })
      .where('workspace_id', '<>', workspaceId)
      .where('status', '=', 'pending')
      .execute();
    const old = await rows.request(workspaceId, eventId, mine.id, sar.id, {
      status: 'pending',
      created_at: '2026-02-26T09:00:00.000Z',
      expires_at: '2026-03-05T09:00:00.000Z',
    });
    const fresh = await rows.request(workspaceId, eventId, mine.id, ground.id, {
      status: 'pending',
      created_at: '2026-02-28T12:00:00.000Z',
    });
    const expiring = await rows.request(workspaceId, eventId, sar.id, ground.id, {
      status: 'pending',
      created_at: '2026-02-20T09:00:00.000Z',
      expires_at: '2026-03-01T09:00:00.000Z',
    });
    const first = await tick.tick(new Date('2026-03-01T10:00:00.000Z'));
    expect(first).toEqual({ expired: 1, reminded: 1 });
    const reminder = await smtp.waitFor(
      (m) => m.to.includes(sar.contact_email) && m.subject.startsWith('Reminder'),
    );
    expect(reminder.subject).toContain('Orbital Optics');
    const second = await tick.tick(new Date('2026-03-01T11:00:00.000Z'));
    expect(second).toEqual({ expired: 0, reminded: 0 });
    const third = await tick.tick(new Date('2026-03-03T11:00:00.000Z'));
    expect(third).toEqual({ expired: 0, reminded: 1 });
    const statuses = await t.database.db
      .selectFrom('b2b_request')
      .where('id', 'in', [old.id, fresh.id, expiring.id])
      .select(['id', 'status', 'reminded_at'])
      .execute();
    const byId = new Map(statuses.map((s) => [s.id, s]));
    expect(byId.get(expiring.id)?.status).toBe('expired');
    expect(byId.get(old.id)).toMatchObject({ status: 'pending', reminded_at: '2026-03-01T10:00:00.000Z' });
    expect(byId.get(fresh.id)).toMatchObject({ status: 'pending', reminded_at: '2026-03-03T11:00:00.000Z' });
    expect(
      smtp.messages.filter((m) => m.subject.startsWith('Reminder') && m.to.includes(sar.contact_email)),
    ).toHaveLength(1);
    // An answer after the expiry (before the tick ran) is refused.
    now = new Date('2026-03-06T00:00:00.000Z');
    const late = await portal('POST', `/requests/${old.id}/accept`, sar.portalHeaders, { version: 1 });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('expired');
  });
});
