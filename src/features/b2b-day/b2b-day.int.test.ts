import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { B2bRows } from '../../../test/support/b2b-factories.ts';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { InteractionRows } from '../../../test/support/interactions-factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

type Headers = Record<string, string>;

/**
 * The event's day and follow-up (issue 22 items 6 and 7, decision 0039) on a known fixture:
 * an event of a matchmaking activity (2026-03-10..12, Europe/Brussels) with a member
 * organisation, two outside companies (one known to the network) and a second member.
 * The clock stands at 2026-03-10 10:10 in Brussels (09:10 UTC) unless a test moves it.
 */
describe.each(testDialects())('B2B event day and follow-up on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let rows: B2bRows;
  let now = new Date('2026-03-10T09:10:00Z');
  let slug: string;
  let ws: string;
  let coordinator: Headers;
  let member: Headers;
  let otherMember: Headers;
  let viewer: Headers;
  let eventId: string;
  let activityId: string;
  let memberOrgId: string;
  let networkOrgId: string;
  let networkPersonId: string;
  let us: Awaited<ReturnType<B2bRows['participant']>>;
  let outside: Awaited<ReturnType<B2bRows['participant']>>;
  let stranger: Awaited<ReturnType<B2bRows['participant']>>;
  let colleague: Awaited<ReturnType<B2bRows['participant']>>;
  /** us ↔ outside, 09:00–09:30 Brussels (started), at table 1; us ↔ stranger at 11:00 (not yet). */
  let started: { id: string; version: number };
  let later: { id: string; version: number };
  let strangers: { id: string; version: number };

  const call = (method: 'GET' | 'POST' | 'DELETE', path: string, headers: Headers, payload?: object) =>
    t.app.inject({
      method,
      url: path.startsWith('/api') ? path : `/api/v1/workspaces/${slug}/events/${eventId}${path}`,
      headers,
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => now });
    factory = new Factory(t.database.db);
    rows = new B2bRows(t.database.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  beforeEach(async () => {
    now = new Date('2026-03-10T09:10:00Z');
    const workspace = await factory.workspace();
    slug = workspace.slug;
    ws = workspace.id;
    const cluster = await factory.cluster(ws);
    const otherCluster = await factory.cluster(ws);
    const org = await factory.organisation(ws, cluster.id);
    const otherOrg = await factory.organisation(ws, otherCluster.id);
    memberOrgId = org.id;
    coordinator = (await factory.memberWithToken(ws, 'coordinator')).headers;
    member = (await factory.memberWithToken(ws, 'member', null, org.id)).headers;
    otherMember = (await factory.memberWithToken(ws, 'member', null, otherOrg.id)).headers;
    viewer = (await factory.memberWithToken(ws, 'viewer')).headers;
    const activity = await factory.activity(ws, null, { instrument: '1.2.1', cluster_id: cluster.id });
    activityId = activity.id;
    const event = await rows.event(ws, activity.id, { published_at: '2026-03-01T00:00:00Z' });
    eventId = event.id;
    await rows.session(eventId);
    const [table] = await rows.tables(eventId, 2);
    const network = new InteractionRows(t.database.db);
    const networkOrg = await network.networkOrganisation(ws, { name: 'Kyoto Orbital' });
    networkOrgId = networkOrg.id;
    networkPersonId = (await network.networkPerson(ws, networkOrg.id)).id;
    us = await rows.participant(ws, eventId, {
      organisation_id: org.id,
      name: 'Our Member',
      organisation_type: null,
    });
    colleague = await rows.participant(ws, eventId, {
      organisation_id: otherOrg.id,
      name: 'Other Member',
      organisation_type: null,
    });
    outside = await rows.participant(ws, eventId, {
      network_organisation_id: networkOrg.id,
      name: 'Kyoto Orbital',
    });
    await t.database.db
      .updateTable('b2b_representative')
      .set({ name: 'Aiko Tanaka', network_person_id: networkPersonId })
      .where('participant_id', '=', outside.id)
      .execute();
    stranger = await rows.participant(ws, eventId, { name: 'Unlinked Corp' });
    const r1 = await rows.request(ws, eventId, us.id, outside.id);
    const r2 = await rows.request(ws, eventId, stranger.id, us.id);
    const r3 = await rows.request(ws, eventId, stranger.id, colleague.id);
    started = await rows.meeting(ws, eventId, r1.id, '2026-03-10T08:00:00.000Z', {
      table_id: table?.id ?? null,
      published: 1,
    });
    later = await rows.meeting(ws, eventId, r2.id, '2026-03-10T10:00:00.000Z');
    strangers = await rows.meeting(ws, eventId, r3.id, '2026-03-10T08:00:00.000Z');
  });

  describe('check-in', () => {
    it('lists, searches, checks in and undoes, with counts (organisers only)', async () => {
      const list = await call('GET', '/check-in', coordinator);
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().counts).toEqual({ approved: 4, checkedIn: 0 });
      const found = await call('GET', '/check-in?q=tanaka', coordinator);
      expect(found.json().participants.map((p: { name: string }) => p.name)).toEqual(['Kyoto Orbital']);
      expect(found.json().participants[0].representatives).toEqual(['Aiko Tanaka']);

      const done = await call('POST', `/participants/${outside.id}/check-in`, coordinator);
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json().checkedInAt).not.toBeNull();
      expect(done.json().counts).toEqual({ approved: 4, checkedIn: 1 });
      const undone = await call('DELETE', `/participants/${outside.id}/check-in`, coordinator);
      expect(undone.json()).toMatchObject({ checkedInAt: null, counts: { checkedIn: 0 } });

      expect((await call('GET', '/check-in', member)).statusCode).toBe(403);
      expect((await call('POST', `/participants/${outside.id}/check-in`, member)).statusCode).toBe(403);
      const audit = await t.database.db
        .selectFrom('audit_event')
        .select('entity_id')
        .where('entity_type', '=', 'b2b_participant')
        .where('entity_id', '=', outside.id)
        .execute();
      expect(audit).toHaveLength(2);
    });

    it('checks in by the QR code; an unknown code, another event’s or workspace’s is a 404', async () => {
      const looked = await call('GET', `/check-in/codes/${outside.checkin_code}`, coordinator);
      expect(looked.json()).toMatchObject({ name: 'Kyoto Orbital', checkedInAt: null });
      const res = await call('POST', '/check-in/by-code', coordinator, { code: outside.checkin_code });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().participantId).toBe(outside.id);
      // The whole address of the QR code works too (a scanner app pastes it).
      const url = `https://hub.example/w/${slug}/events/${eventId}/check-in/${outside.checkin_code}`;
      const byUrl = await call('POST', '/check-in/by-code', coordinator, { code: url });
      expect(byUrl.json().participantId).toBe(outside.id);

      expect((await call('POST', '/check-in/by-code', coordinator, { code: 'nope-nope' })).statusCode).toBe(
        404,
      );
      const otherActivity = await factory.activity(ws, null, { instrument: '1.2.1' });
      const otherEvent = await rows.event(ws, otherActivity.id);
      const elsewhere = await rows.participant(ws, otherEvent.id);
      const wrongEvent = await call('POST', '/check-in/by-code', coordinator, {
        code: elsewhere.checkin_code,
      });
      expect(wrongEvent.statusCode).toBe(404);
      expect(wrongEvent.headers['content-type']).toContain('application/problem+json');

      const otherWs = await factory.workspace();
      const theirs = await factory.memberWithToken(otherWs.id, 'coordinator');
      const cross = await t.app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${otherWs.slug}/events/${eventId}/check-in/by-code`,
        headers: theirs.headers,
        payload: { code: outside.checkin_code },
      });
      expect(cross.statusCode).toBe(404);
      expect((await call('POST', '/check-in/by-code', coordinator, { code: '' })).statusCode).toBe(400);
    });

    it('lets participants check themselves in on the event’s days only (409 outside)', async () => {
      const portal = await call('POST', '/api/v1/event-portal/check-in', outside.portalHeaders);
      expect(portal.statusCode, portal.body).toBe(200);
      expect(portal.json().participantId).toBe(outside.id);
      const mine = await call('POST', '/check-in/me', member);
      expect(mine.statusCode, mine.body).toBe(200);
      expect(mine.json().participantId).toBe(us.id);

      // 2026-03-12 23:30 UTC is already the 13th in Brussels: after the event.
      now = new Date('2026-03-12T23:30:00Z');
      const late = await call('POST', '/api/v1/event-portal/check-in', stranger.portalHeaders);
      expect(late.statusCode).toBe(409);
      expect(late.json().detail).toContain('event’s days');
      now = new Date('2026-03-09T22:59:00Z');
      expect((await call('POST', '/check-in/me', otherMember)).statusCode).toBe(409);
      expect((await call('POST', '/api/v1/event-portal/check-in', {})).statusCode).toBe(401);
    });
  });

  describe('meeting status', () => {
    it('lets each side and an organiser mark a meeting; another pair’s is a 404; a stale version 409', async () => {
      const byPortal = await call(
        'POST',
        `/api/v1/event-portal/meetings/${started.id}/status`,
        outside.portalHeaders,
        {
          status: 'no_show',
          version: started.version,
        },
      );
      expect(byPortal.statusCode, byPortal.body).toBe(200);
      expect(byPortal.json()).toMatchObject({ status: 'no_show', statusBy: 'to' });
      const byMember = await call('POST', `/meetings/${started.id}/status`, member, {
        status: 'held',
        version: byPortal.json().version,
      });
      expect(byMember.json()).toMatchObject({ status: 'held', statusBy: 'from' });
      const stale = await call('POST', `/meetings/${started.id}/status`, member, {
        status: 'no_show',
        version: started.version,
      });
      expect(stale.statusCode).toBe(409);

      // Another pair's meeting: neither the outside participant nor our member may touch it.
      const notMine = await call(
        'POST',
        `/api/v1/event-portal/meetings/${strangers.id}/status`,
        outside.portalHeaders,
        { status: 'held', version: strangers.version },
      );
      expect(notMine.statusCode).toBe(404);
      expect(
        (await call('POST', `/meetings/${strangers.id}/status`, member, { status: 'held', version: 1 }))
          .statusCode,
      ).toBe(404);
      const byOrganiser = await call('POST', `/meetings/${strangers.id}/status`, coordinator, {
        status: 'cancelled',
        version: strangers.version,
      });
      expect(byOrganiser.json()).toMatchObject({ status: 'cancelled', statusBy: 'organiser' });
      expect(
        (await call('POST', `/meetings/${strangers.id}/status`, viewer, { status: 'held', version: 2 }))
          .statusCode,
      ).toBe(403);
      expect(
        (await call('POST', `/meetings/${started.id}/status`, member, { status: 'gone', version: 1 }))
          .statusCode,
      ).toBe(400);
    });

    it('refuses held before the start and a cancel after the end to sides, not to organisers', async () => {
      const early = await call('POST', `/meetings/${later.id}/status`, member, {
        status: 'held',
        version: 1,
      });
      expect(early.statusCode).toBe(409);
      const cancelled = await call('POST', `/meetings/${later.id}/status`, member, {
        status: 'cancelled',
        version: 1,
      });
      expect(cancelled.json()).toMatchObject({ status: 'cancelled', statusBy: 'to' });
      now = new Date('2026-03-10T12:00:00Z');
      const restore = await call('POST', `/meetings/${later.id}/status`, member, {
        status: 'scheduled',
        version: 2,
      });
      expect(restore.statusCode).toBe(409);
      const organiser = await call('POST', `/meetings/${later.id}/status`, coordinator, {
        status: 'held',
        version: 2,
      });
      expect(organiser.json()).toMatchObject({ status: 'held', statusBy: 'organiser' });
    });

    it('raises the agenda revision when a published meeting changes', async () => {
      const revision = async () =>
        (
          await t.database.db
            .selectFrom('b2b_event')
            .select('agenda_revision')
            .where('id', '=', eventId)
            .executeTakeFirstOrThrow()
        ).agenda_revision;
      const before = await revision();
      await call('POST', `/meetings/${started.id}/status`, coordinator, { status: 'cancelled', version: 1 });
      expect(await revision()).toBe(before + 1);
      await call('POST', `/meetings/${later.id}/status`, coordinator, { status: 'cancelled', version: 1 });
      expect(await revision()).toBe(before + 1);
    });

    it('makes a held meeting with a network organisation an interaction, removed when un-held', async () => {
      const held = await call('POST', `/meetings/${started.id}/status`, member, {
        status: 'held',
        version: 1,
      });
      const interactionId = held.json().interactionId as string;
      expect(interactionId).toBeTruthy();
      const interaction = await t.database.db
        .selectFrom('interaction')
        .selectAll()
        .where('id', '=', interactionId)
        .executeTakeFirstOrThrow();
      expect(interaction).toMatchObject({
        kind: 'event_encounter',
        occurred_on: '2026-03-10',
        activity_id: activityId,
        member_organisation_id: memberOrgId,
        network_organisation_id: networkOrgId,
        network_person_id: networkPersonId,
      });
      const undone = await call('POST', `/meetings/${started.id}/status`, member, {
        status: 'scheduled',
        version: held.json().version,
      });
      expect(undone.json()).toMatchObject({ status: 'scheduled', interactionId: null });
      const gone = await t.database.db
        .selectFrom('interaction')
        .select('id')
        .where('id', '=', interactionId)
        .executeTakeFirst();
      expect(gone).toBeUndefined();
      // A meeting with an outside company unknown to the network makes none.
      const other = await call('POST', `/meetings/${strangers.id}/status`, coordinator, {
        status: 'held',
        version: 1,
      });
      expect(other.json().interactionId).toBeNull();
    });

    it('shows the organiser the meetings of now and of the next slot', async () => {
      now = new Date('2026-03-10T08:10:00Z');
      const day = await call('GET', '/day', coordinator);
      expect(day.statusCode, day.body).toBe(200);
      expect(
        day
          .json()
          .current.meetings.map((m: { id: string }) => m.id)
          .sort(),
      ).toEqual([started.id, strangers.id].sort());
      expect(day.json().next.meetings.map((m: { id: string }) => m.id)).toEqual([later.id]);
      expect((await call('GET', '/day', member)).statusCode).toBe(403);
    });
  });

  describe('follow-up', () => {
    const stageOf = async () =>
      t.database.db
        .selectFrom('relationship')
        .select(['id', 'stage', 'version'])
        .where('our_organisation_id', '=', memberOrgId)
        .where('network_organisation_id', '=', networkOrgId)
        .executeTakeFirst();

    it('refuses feedback on a meeting not held; then met, then potential partner, attributed to the activity', async () => {
      const notHeld = await call('POST', `/meetings/${started.id}/feedback`, member, {
        rating: 4,
        followUp: 'contact',
        comment: '',
      });
      expect(notHeld.statusCode).toBe(409);
      await call('POST', `/meetings/${started.id}/status`, member, { status: 'held', version: 1 });
      const contact = await call('POST', `/meetings/${started.id}/feedback`, member, {
        rating: 4,
        followUp: 'contact',
        comment: 'Good talk',
      });
      expect(contact.statusCode, contact.body).toBe(200);
      expect(contact.json().feedback).toMatchObject({ rating: 4, followUp: 'contact', comment: 'Good talk' });
      expect((await stageOf())?.stage).toBe('met');
      const proposal = await call('POST', `/meetings/${started.id}/feedback`, member, {
        rating: 5,
        followUp: 'proposal',
        comment: '',
      });
      expect(proposal.json().feedback.rating).toBe(5);
      const relationship = await stageOf();
      expect(relationship?.stage).toBe('potential_partner');
      const changes = await t.database.db
        .selectFrom('relationship_stage_change')
        .select(['from_stage', 'to_stage', 'activity_id'])
        .where('relationship_id', '=', relationship?.id ?? '')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      expect(changes).toEqual([
        { from_stage: null, to_stage: 'met', activity_id: activityId },
        { from_stage: 'met', to_stage: 'potential_partner', activity_id: activityId },
      ]);
      const feedbackRows = await t.database.db
        .selectFrom('b2b_meeting_feedback')
        .select('id')
        .where('meeting_id', '=', started.id)
        .execute();
      expect(feedbackRows).toHaveLength(1);

      // A later "contact" never moves it back.
      await call('POST', `/meetings/${started.id}/feedback`, member, {
        rating: 3,
        followUp: 'none',
        comment: '',
      });
      expect((await stageOf())?.stage).toBe('potential_partner');

      // The outside side answers through the portal: its own row; the pipeline is ours only.
      const theirs = await call(
        'POST',
        `/api/v1/event-portal/meetings/${started.id}/feedback`,
        outside.portalHeaders,
        { rating: 2, followUp: 'partnership', comment: 'Maybe' },
      );
      expect(theirs.statusCode, theirs.body).toBe(200);
      const list = await call('GET', '/api/v1/event-portal/follow-up', outside.portalHeaders);
      expect(list.json().meetings).toHaveLength(1);
      expect(list.json().meetings[0]).toMatchObject({
        counterpartName: 'Our Member',
        feedback: { rating: 2 },
      });
      const bad = await call('POST', `/meetings/${started.id}/feedback`, member, {
        rating: 6,
        followUp: 'contact',
        comment: '',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().detail + JSON.stringify(bad.json())).toContain('rating');
    });

    it('leaves a relationship already further along where it is', async () => {
      const now = new Date().toISOString();
      await t.database.db
        .insertInto('relationship')
        .values({
          id: `rel-${eventId}`,
          workspace_id: ws,
          our_cluster_id: null,
          our_organisation_id: memberOrgId,
          network_organisation_id: networkOrgId,
          counterpart_organisation_id: null,
          cluster_id: (
            await t.database.db
              .selectFrom('organisation')
              .select('cluster_id')
              .where('id', '=', memberOrgId)
              .executeTakeFirstOrThrow()
          ).cluster_id,
          market_id: null,
          stage: 'partner',
          stage_reason: null,
          started_on: '2025-01-01',
          stage_changed_on: '2025-06-01',
          owner_user_id: null,
          notes: '',
          created_at: now,
          updated_at: now,
        })
        .execute();
      await call('POST', `/meetings/${started.id}/status`, member, { status: 'held', version: 1 });
      await call('POST', `/meetings/${started.id}/feedback`, member, {
        rating: 5,
        followUp: 'partnership',
        comment: '',
      });
      expect((await stageOf())?.stage).toBe('partner');
    });

    it('lists my meetings with my check-in state', async () => {
      const mine = await call('GET', '/follow-up', member);
      expect(mine.statusCode, mine.body).toBe(200);
      expect(mine.json()).toMatchObject({ participantId: us.id, checkedInAt: null, canCheckIn: true });
      expect(mine.json().meetings.map((m: { id: string }) => m.id)).toEqual([started.id, later.id]);
      expect(mine.json().meetings[0]).toMatchObject({ counterpartName: 'Kyoto Orbital', started: true });
      expect(mine.json().meetings[1]).toMatchObject({ counterpartName: 'Unlinked Corp', started: false });
      // A coordinator has no organisation of its own in the event.
      expect((await call('GET', '/follow-up', coordinator)).statusCode).toBe(404);
    });
  });

  describe('statistics and KPIs', () => {
    it('computes the figures of a known fixture', async () => {
      await rows.participant(ws, eventId, { status: 'pending' });
      await rows.request(ws, eventId, outside.id, colleague.id, { status: 'declined' });
      await rows.request(ws, eventId, colleague.id, us.id, { status: 'pending' });
      await rows.request(ws, eventId, outside.id, stranger.id, { status: 'cancelled' });
      await call('POST', `/meetings/${started.id}/status`, member, { status: 'held', version: 1 });
      await call('POST', `/meetings/${strangers.id}/status`, coordinator, { status: 'no_show', version: 1 });
      await call('POST', `/meetings/${started.id}/feedback`, member, {
        rating: 4,
        followUp: 'proposal',
        comment: '',
      });
      await call('POST', `/api/v1/event-portal/meetings/${started.id}/feedback`, outside.portalHeaders, {
        rating: 2,
        followUp: 'contact',
        comment: '',
      });
      await call('POST', `/participants/${us.id}/check-in`, coordinator);
      const res = await call('GET', '/statistics', coordinator);
      expect(res.statusCode, res.body).toBe(200);
      const s = res.json();
      expect(s.registrations).toEqual({
        total: 5,
        byStatus: { unconfirmed: 0, pending: 1, approved: 4, rejected: 0, cancelled: 0 },
      });
      // Sent: 3 accepted + 1 declined + 1 pending (the withdrawn one is not); rate 3 / (3 + 1).
      expect(s.requests).toMatchObject({ sent: 5, acceptanceRate: 0.75 });
      expect(s.meetings).toEqual({
        booked: 3,
        held: 1,
        noShow: 1,
        cancelled: 0,
        scheduled: 1,
        noShowRate: 0.5,
      });
      expect(s.checkIns).toEqual({ approved: 4, checkedIn: 1 });
      expect(s.satisfaction.average).toBe(3);
      expect(s.satisfaction.distribution).toEqual([
        { rating: 1, count: 0 },
        { rating: 2, count: 1 },
        { rating: 3, count: 0 },
        { rating: 4, count: 1 },
        { rating: 5, count: 0 },
      ]);
      expect(s.followUps).toContainEqual({ followUp: 'proposal', count: 1 });
      expect(s.followUps).toContainEqual({ followUp: 'contact', count: 1 });
      expect((await call('GET', '/statistics', member)).statusCode).toBe(200);
    });

    it('raises the matchmaking KPIs with held meetings and requests, with a drill-down to the meeting', async () => {
      const kpis = async () => {
        const res = await t.app.inject({
          method: 'GET',
          url: `/api/v1/workspaces/${slug}/activities/${activityId}/kpis`,
          headers: coordinator,
        });
        expect(res.statusCode, res.body).toBe(200);
        return new Map(
          (res.json().items as { kpiKey: string; actual: number | null }[]).map((i) => [i.kpiKey, i.actual]),
        );
      };
      await call('POST', `/meetings/${strangers.id}/status`, coordinator, { status: 'no_show', version: 1 });
      const before = await kpis();
      expect(before.get('contacts')).toBe(0);
      expect(before.get('communication_initiatives')).toBe(3);
      await call('POST', `/meetings/${started.id}/status`, member, { status: 'held', version: 1 });
      const after = await kpis();
      expect(after.get('contacts')).toBe(1);

      const instrument = await t.database.db
        .selectFrom('instrument')
        .select('id')
        .where('code', '=', '1.2.1')
        .where('workspace_id', 'is', null)
        .executeTakeFirstOrThrow();
      const records = await t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${slug}/kpis/records?kpiKey=contacts&instrumentId=${instrument.id}`,
        headers: coordinator,
      });
      expect(records.statusCode, records.body).toBe(200);
      expect(records.json().total).toBe(1);
      expect(records.json().records[0]).toMatchObject({
        id: started.id,
        type: 'meeting',
        eventId,
        activityId,
        occurredOn: '2026-03-10',
      });
      expect(records.json().records[0].description).toContain('Kyoto Orbital');
    });

    it('lets the roadshow’s interaction rule count a held meeting of a B2B session', async () => {
      const roadshow = await factory.activity(ws, null, { instrument: 'roadshows' });
      const event = await rows.event(ws, roadshow.id);
      const a = await rows.participant(ws, event.id, {
        organisation_id: memberOrgId,
        organisation_type: null,
      });
      const b = await rows.participant(ws, event.id, { network_organisation_id: networkOrgId });
      const request = await rows.request(ws, event.id, a.id, b.id);
      const meeting = await rows.meeting(ws, event.id, request.id, '2026-03-10T08:00:00.000Z');
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${slug}/events/${event.id}/meetings/${meeting.id}/status`,
        headers: coordinator,
        payload: { status: 'held', version: 1 },
      });
      expect(res.statusCode, res.body).toBe(200);
      const kpi = await t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${slug}/activities/${roadshow.id}/kpis`,
        headers: coordinator,
      });
      const items = new Map(
        (kpi.json().items as { kpiKey: string; actual: number | null }[]).map((i) => [i.kpiKey, i.actual]),
      );
      expect(items.get('meetings')).toBe(1);
      expect(items.get('new_contacts')).toBe(1);
    });
  });
});
