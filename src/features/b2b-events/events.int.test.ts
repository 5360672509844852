import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { B2bRows } from '../../../test/support/b2b-factories.ts';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

type Headers = Record<string, string>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

describe.each(testDialects())('B2B event set-up API on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let b2b: B2bRows;
  let slug: string;
  let workspaceId: string;
  let clusterId: string;
  let otherClusterId: string;
  let organisationId: string;
  let activityId: string;
  let coordinator: Headers;
  let manager: Headers;
  let otherManager: Headers;
  let member: Headers;
  const url = (path = '') => `/api/v1/workspaces/${slug}/events${path}`;
  const call = (method: Method, path: string, payload?: object, headers = coordinator) =>
    t.app.inject({ method, url: url(path), headers, ...(payload ? { payload } : {}) });
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
  const count = async (table: 'b2b_event' | 'b2b_session' | 'b2b_table' | 'audit_event') =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const morning = {
    name: 'Morning',
    day: '2026-03-10',
    startTime: '09:00',
    endTime: '12:00',
    breaks: [{ start: '10:30', end: '11:00', label: 'Coffee' }],
  };
  const base = () => ({ activityId, format: 'in_person', slotMinutes: 30, timeZone: 'Europe/Brussels' });

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    b2b = new B2bRows(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    clusterId = (await factory.cluster(workspaceId)).id;
    otherClusterId = (await factory.cluster(workspaceId)).id;
    organisationId = (await factory.organisation(workspaceId, clusterId)).id;
    activityId = (await factory.activity(workspaceId, null, { instrument: '1.2.1', cluster_id: clusterId }))
      .id;
    coordinator = (await factory.memberWithToken(workspaceId, 'coordinator')).headers;
    manager = (await factory.memberWithToken(workspaceId, 'cluster_manager', clusterId)).headers;
    otherManager = (await factory.memberWithToken(workspaceId, 'cluster_manager', otherClusterId)).headers;
    member = (await factory.memberWithToken(workspaceId, 'member', null, organisationId)).headers;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sets up an event with sessions and tables, computes its slots, and reads and lists it', async () => {
    const audits = await count('audit_event');
    const created = await call(
      'POST',
      '',
      {
        ...base(),
        venue: 'Hall 3',
        description: 'Space B2B',
        maxRequestsPerParticipant: 12,
        maxRepresentatives: 3,
        requestExpiryDays: 5,
        meetingTypes: ['b2b', 'b2i'],
        approval: 'automatic',
        registrationOpensAt: '2026-01-10T09:00:00+01:00',
        registrationClosesAt: '2026-03-01T18:00:00Z',
        requestDeadlineAt: '2026-03-09T18:00:00Z',
        sessions: [morning],
        tableCount: 4,
      },
      manager,
    );
    expect(created.statusCode, created.body).toBe(201);
    const event = created.json();
    expect(event).toMatchObject({
      status: 'draft',
      format: 'in_person',
      venue: 'Hall 3',
      timeZone: 'Europe/Brussels',
      slotMinutes: 30,
      maxRepresentatives: 3,
      meetingTypes: ['b2b', 'b2i'],
      approval: 'automatic',
      registrationOpensAt: '2026-01-10T08:00:00.000Z',
      activity: { id: activityId, clusterId, instrumentCode: '1.2.1' },
      me: { canManage: true, participantId: null, organisationId: null },
      version: 1,
    });
    expect(event.publicUrl).toMatch(/^\/register\/[A-Za-z0-9_-]{16}$/);
    // 09:00–12:00 with a coffee break 10:30–11:00: five 30-minute slots, Brussels is UTC+1 in March.
    expect(event.slots.map((s: { startTime: string }) => s.startTime)).toEqual([
      '09:00',
      '09:30',
      '10:00',
      '11:00',
      '11:30',
    ]);
    expect(event.slots[0].startsAt).toBe('2026-03-10T08:00:00.000Z');
    expect(event.sessions[0].breaks).toEqual([{ start: '10:30', end: '11:00', label: 'Coffee' }]);
    expect(event.tables.map((x: { name: string }) => x.name)).toEqual([
      'Table 1',
      'Table 2',
      'Table 3',
      'Table 4',
    ]);
    expect(await count('audit_event')).toBe(audits + 1);

    // A draft is the organisers' own.
    expect((await call('GET', `/${event.id}`, undefined, member)).statusCode).toBe(404);
    expect((await call('GET', '', undefined, member)).json().total).toBe(0);
    expect((await call('GET', '', undefined, otherManager)).json().total).toBe(0);

    const opened = await call('POST', `/${event.id}/status`, { status: 'open', version: 1 }, manager);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ status: 'open', version: 2 });

    const seen = await call('GET', `/${event.id}`, undefined, member);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().me).toEqual({ canManage: false, participantId: null, organisationId });
    const participant = await b2b.participant(workspaceId, event.id, {
      organisation_id: organisationId,
      source: 'member',
    });
    await b2b.request(
      workspaceId,
      event.id,
      participant.id,
      (await b2b.participant(workspaceId, event.id)).id,
    );
    const mine = (await call('GET', `/${event.id}`, undefined, member)).json();
    expect(mine.me.participantId).toBe(participant.id);
    expect(mine.counts).toEqual({
      participants: { unconfirmed: 0, pending: 0, approved: 2, rejected: 0, cancelled: 0 },
      acceptedRequests: 1,
      meetings: 0,
      meetingsHeld: 0,
    });

    const list = (await call('GET', '?status=open&when=past')).json();
    expect(list.items.map((e: { id: string }) => e.id)).toEqual([event.id]);
    expect(list.items[0].counts.acceptedRequests).toBe(1);
    expect((await call('GET', '?when=upcoming')).json().total).toBe(0);
    expect((await call('GET', `?activityId=${activityId}`)).json().total).toBe(1);
    expect((await call('GET', '?status=closed')).json().total).toBe(0);
    expect((await call('GET', '?status=nope')).statusCode).toBe(400);
  });

  it('pages the list by the activity start', async () => {
    const ids: string[] = [];
    for (const day of ['2026-05-01', '2026-02-01', '2026-04-01']) {
      const activity = await factory.activity(workspaceId, null, {
        instrument: '1.2.3',
        starts_on: day,
        ends_on: day,
      });
      ids.push((await call('POST', '', { ...base(), activityId: activity.id })).json().id);
    }
    const first = (await call('GET', '?limit=2')).json();
    expect(first.total).toBe(3);
    expect(first.items.map((e: { activity: { startsOn: string } }) => e.activity.startsOn)).toEqual([
      '2026-02-01',
      '2026-04-01',
    ]);
    const second = (await call('GET', `?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((e: { id: string }) => e.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses bad set-ups naming the field, and writes nothing', async () => {
    const before = await count('b2b_event');
    const study = await factory.activity(workspaceId, null, { instrument: 'study-visits' });
    const wrong = await call('POST', '', { ...base(), activityId: study.id });
    expect(wrong.statusCode).toBe(400);
    expect(fields(wrong.json())).toEqual(['body.activityId']);

    const elsewhere = await factory.workspace();
    const foreign = await factory.activity(elsewhere.id, null, { instrument: '1.2.1' });
    const notOurs = await call('POST', '', { ...base(), activityId: foreign.id });
    expect(notOurs.statusCode).toBe(404);
    expect(fields(notOurs.json())).toEqual(['body.activityId']);

    const overlapping = await call('POST', '', {
      ...base(),
      sessions: [
        morning,
        { ...morning, name: 'Late morning', startTime: '11:00', endTime: '13:00', breaks: [] },
      ],
    });
    expect(overlapping.statusCode).toBe(400);
    expect(fields(overlapping.json())).toEqual(['body.sessions.1.startTime']);

    const outside = await call('POST', '', { ...base(), sessions: [{ ...morning, day: '2026-04-01' }] });
    expect(fields(outside.json())).toEqual(['body.sessions.0.day']);

    const badBreak = await call('POST', '', {
      ...base(),
      sessions: [{ ...morning, breaks: [{ start: '08:00', end: '09:30', label: 'x' }] }],
    });
    expect(fields(badBreak.json())).toEqual(['body.sessions.0.breaks.0']);

    const zone = await call('POST', '', { ...base(), timeZone: 'Mars/Olympus' });
    expect(zone.statusCode).toBe(400);
    expect(fields(zone.json())).toEqual(['body.timeZone']);

    const online = await call('POST', '', { ...base(), format: 'online' });
    expect(fields(online.json())).toEqual(['body.videoLink']);
    const ftp = await call('POST', '', { ...base(), format: 'hybrid', videoLink: 'ftp://x.example' });
    expect(ftp.statusCode).toBe(400);
    expect(fields(ftp.json())).toEqual(['body.videoLink']);

    const dates = await call('POST', '', {
      ...base(),
      registrationOpensAt: '2026-03-01T00:00:00Z',
      registrationClosesAt: '2026-02-01T00:00:00Z',
      requestDeadlineAt: '2026-03-13T00:00:00Z',
    });
    expect(dates.statusCode).toBe(400);
    expect(fields(dates.json()).sort()).toEqual(['body.registrationClosesAt', 'body.requestDeadlineAt']);

    const slot = await call('POST', '', { ...base(), slotMinutes: 2 });
    expect(fields(slot.json())).toEqual(['body.slotMinutes']);
    const long = await call('POST', '', { ...base(), description: 'x'.repeat(5000) });
    expect(fields(long.json())).toEqual(['body.description']);

    // Another cluster's manager may not set up this cluster's activity; a member never.
    expect((await call('POST', '', base(), otherManager)).statusCode).toBe(403);
    expect((await call('POST', '', base(), member)).statusCode).toBe(403);
    expect(await count('b2b_event')).toBe(before);

    expect((await call('POST', '', base())).statusCode).toBe(201);
    const duplicate = await call('POST', '', base());
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().detail).toContain('already has a B2B event');
    expect(await count('b2b_event')).toBe(before + 1);
  });

  it('edits settings with the version, opens only with sessions, deletes with the version, all audited', async () => {
    const event = (await call('POST', '', base())).json();
    const edited = await call('PATCH', `/${event.id}`, {
      version: 1,
      format: 'hybrid',
      videoLink: 'https://meet.example/b2b',
      maxRequestsPerParticipant: null,
      requestDeadlineAt: '2026-03-12T20:00:00Z',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      format: 'hybrid',
      videoLink: 'https://meet.example/b2b',
      version: 2,
    });

    const stale = await call('PATCH', `/${event.id}`, { version: 1, venue: 'Elsewhere' });
    expect(stale.statusCode).toBe(409);
    const late = await call('PATCH', `/${event.id}`, {
      version: 2,
      requestDeadlineAt: '2026-03-13T00:00:00Z',
    });
    expect(late.statusCode).toBe(400);
    expect(fields(late.json())).toEqual(['body.requestDeadlineAt']);
    const noLink = await call('PATCH', `/${event.id}`, { version: 2, videoLink: null });
    expect(fields(noLink.json())).toEqual(['body.videoLink']);

    const opening = await call('POST', `/${event.id}/status`, { status: 'open' });
    expect(opening.statusCode).toBe(400);
    expect(fields(opening.json())).toEqual(['body.status']);

    expect((await call('DELETE', `/${event.id}?version=1`)).statusCode).toBe(409);
    const audits = await count('audit_event');
    expect((await call('DELETE', `/${event.id}?version=2`, undefined, member)).statusCode).toBe(403);
    expect((await call('DELETE', `/${event.id}?version=2`)).statusCode).toBe(204);
    expect((await call('GET', `/${event.id}`)).statusCode).toBe(404);
    const entry = await t.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('entity_id', '=', event.id)
      .where('action', '=', 'delete')
      .executeTakeFirstOrThrow();
    expect(entry.entity_type).toBe('b2b_event');
    expect(await count('audit_event')).toBe(audits + 1);
  });

  it('replaces sessions, and after publication refuses sessions that would strand a meeting', async () => {
    const event = (await call('POST', '', { ...base(), sessions: [morning] })).json();
    const afternoon = {
      name: 'Afternoon',
      day: '2026-03-11',
      startTime: '14:00',
      endTime: '16:00',
      breaks: [],
    };
    const replaced = await call('PUT', `/${event.id}/sessions`, { sessions: [morning, afternoon] });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().slots).toHaveLength(9);
    expect(replaced.json().version).toBe(2);

    const overlapping = await call('PUT', `/${event.id}/sessions`, {
      sessions: [afternoon, { ...afternoon, name: 'Overlap', startTime: '15:00', endTime: '17:00' }],
    });
    expect(overlapping.statusCode).toBe(400);
    expect(fields(overlapping.json())).toEqual(['body.sessions.1.startTime']);
    const badTime = await call('PUT', `/${event.id}/sessions`, {
      sessions: [{ ...afternoon, endTime: '25:00' }],
    });
    expect(fields(badTime.json())).toEqual(['body.sessions.0.endTime']);

    const a = await b2b.participant(workspaceId, event.id);
    const b = await b2b.participant(workspaceId, event.id);
    const request = await b2b.request(workspaceId, event.id, a.id, b.id);
    await b2b.meeting(workspaceId, event.id, request.id, '2026-03-11T13:00:00.000Z', { published: 1 });
    await t.database.db
      .updateTable('b2b_event')
      .set({ published_at: new Date().toISOString() })
      .where('id', '=', event.id)
      .execute();
    const stranding = await call('PUT', `/${event.id}/sessions`, { sessions: [morning] });
    expect(stranding.statusCode).toBe(409);
    expect(stranding.json().detail).toContain('1 scheduled meeting would fall outside');
    expect((await call('GET', `/${event.id}`)).json().sessions).toHaveLength(2);
    const slotChange = await call('PATCH', `/${event.id}`, { version: 2, timeZone: 'Europe/London' });
    expect(slotChange.statusCode).toBe(409);
    // Keeping the meeting's slot is fine.
    const kept = await call('PUT', `/${event.id}/sessions`, {
      sessions: [{ ...afternoon, endTime: '15:00' }],
    });
    expect(kept.statusCode, kept.body).toBe(200);
  });

  it('sets tables with reservations, refuses a reserved table used twice and removing a busy table', async () => {
    const event = (await call('POST', '', { ...base(), sessions: [morning], tableCount: 2 })).json();
    const a = await b2b.participant(workspaceId, event.id, { name: 'Alpha Space' });
    const b = await b2b.participant(workspaceId, event.id);
    const pending = await b2b.participant(workspaceId, event.id, { status: 'pending', name: 'Pending Co' });
    const otherEventActivity = await factory.activity(workspaceId, null, { instrument: '1.2.1' });
    const otherEvent = await b2b.event(workspaceId, otherEventActivity.id);
    const stranger = await b2b.participant(workspaceId, otherEvent.id);

    const set = await call('PUT', `/${event.id}/tables`, {
      tables: [
        { number: 1, name: 'Table 1', reservedParticipantId: a.id },
        { number: 2, name: 'Table 2' },
        { number: 5, name: 'Investors corner', videoLink: 'https://meet.example/5' },
      ],
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().tables).toEqual([
      expect.objectContaining({
        number: 1,
        reservedParticipantId: a.id,
        reservedParticipantName: 'Alpha Space',
      }),
      expect.objectContaining({ number: 2, reservedParticipantId: null }),
      expect.objectContaining({ number: 5, name: 'Investors corner', videoLink: 'https://meet.example/5' }),
    ]);
    const tableOne = set.json().tables[0].id;
    const read = (await call('GET', `/${event.id}/tables`)).json();
    expect(read.tables).toEqual(set.json().tables);
    expect(read.reservable.map((p: { name: string }) => p.name)).toContain('Alpha Space');
    expect(read.reservable.map((p: { id: string }) => p.id)).not.toContain(pending.id);

    const twice = await call('PUT', `/${event.id}/tables`, {
      tables: [
        { number: 1, name: 'T1', reservedParticipantId: a.id },
        { number: 2, name: 'T2', reservedParticipantId: a.id },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(fields(twice.json())).toEqual(['body.tables.1.reservedParticipantId']);
    expect(twice.json().errors[0].message).toContain('Reserved table used twice');
    const duplicateNumber = await call('PUT', `/${event.id}/tables`, {
      tables: [
        { number: 1, name: 'T1' },
        { number: 1, name: 'T1 again' },
      ],
    });
    expect(fields(duplicateNumber.json())).toEqual(['body.tables.1.number']);
    const notApproved = await call('PUT', `/${event.id}/tables`, {
      tables: [{ number: 1, name: 'T1', reservedParticipantId: pending.id }],
    });
    expect(fields(notApproved.json())).toEqual(['body.tables.0.reservedParticipantId']);
    const otherEventsParticipant = await call('PUT', `/${event.id}/tables`, {
      tables: [{ number: 1, name: 'T1', reservedParticipantId: stranger.id }],
    });
    expect(otherEventsParticipant.statusCode).toBe(404);
    expect(fields(otherEventsParticipant.json())).toEqual(['body.tables.0.reservedParticipantId']);
    expect((await call('GET', `/${event.id}`)).json().tables).toHaveLength(3);

    const request = await b2b.request(workspaceId, event.id, a.id, b.id);
    await b2b.meeting(workspaceId, event.id, request.id, event.slots[0].startsAt, { table_id: tableOne });
    const removing = await call('PUT', `/${event.id}/tables`, { tables: [{ number: 2, name: 'Table 2' }] });
    expect(removing.statusCode).toBe(409);
    expect(removing.json().detail).toContain('1 scheduled meeting is at Table 1');

    const generated = await call('POST', `/${event.id}/tables/generate`, { count: 3, prefix: 'Desk' });
    expect(generated.statusCode, generated.body).toBe(200);
    expect(generated.json().tables.map((x: { name: string; id: string }) => x.name)).toEqual([
      'Desk 1',
      'Desk 2',
      'Desk 3',
    ]);
    // Table 1 kept its id (its meeting stays) and its reservation.
    expect(generated.json().tables[0]).toMatchObject({ id: tableOne, reservedParticipantId: a.id });
    expect((await call('POST', `/${event.id}/tables/generate`, { count: 0 })).statusCode).toBe(409);
  });

  it('sets co-organisers, whose managers then run the event; another workspace cluster is 404', async () => {
    const event = (await call('POST', '', base(), manager)).json();
    expect((await call('PATCH', `/${event.id}`, { version: 1, venue: 'x' }, otherManager)).statusCode).toBe(
      403,
    );
    const elsewhere = await factory.workspace();
    const foreignCluster = await factory.cluster(elsewhere.id);
    const foreign = await call('PUT', `/${event.id}/co-organisers`, {
      clusterIds: [otherClusterId, foreignCluster.id],
    });
    expect(foreign.statusCode).toBe(404);
    expect(fields(foreign.json())).toEqual(['body.clusterIds.1']);

    const set = await call('PUT', `/${event.id}/co-organisers`, { clusterIds: [otherClusterId] }, manager);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().coOrganisers.map((c: { clusterId: string }) => c.clusterId)).toEqual([otherClusterId]);
    const byCoOrganiser = await call('PATCH', `/${event.id}`, { version: 2, venue: 'Hall 1' }, otherManager);
    expect(byCoOrganiser.statusCode, byCoOrganiser.body).toBe(200);
    expect((await call('GET', `/${event.id}`, undefined, otherManager)).json().me.canManage).toBe(true);
    expect((await call('GET', '', undefined, otherManager)).json().total).toBe(1);
  });

  it("answers 404 for another workspace's event", async () => {
    const elsewhere = await factory.workspace();
    const activity = await factory.activity(elsewhere.id, null, { instrument: '1.2.1' });
    const foreign = await b2b.event(elsewhere.id, activity.id);
    for (const [method, path, payload] of [
      ['GET', `/${foreign.id}`, undefined],
      ['PATCH', `/${foreign.id}`, { version: 1, venue: 'x' }],
      ['PUT', `/${foreign.id}/sessions`, { sessions: [] }],
      ['PUT', `/${foreign.id}/tables`, { tables: [] }],
      ['PUT', `/${foreign.id}/co-organisers`, { clusterIds: [] }],
      ['POST', `/${foreign.id}/status`, { status: 'closed' }],
      ['DELETE', `/${foreign.id}?version=1`, undefined],
    ] as const) {
      expect((await call(method, path, payload)).statusCode, `${method} ${path}`).toBe(404);
    }
  });
});
