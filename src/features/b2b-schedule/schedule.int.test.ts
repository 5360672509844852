import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { B2bRows } from '../../../test/support/b2b-factories.ts';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { newId, nowIso } from '../../db/ids.ts';

type Headers = Record<string, string>;
// Europe/Brussels in March is UTC+1: the default session 09:00–12:00 starts at 08:00 UTC
const at = (hhmm: string) => `2026-03-10T${hhmm}:00.000Z`;

describe.each(testDialects())('B2B scheduling API on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let rows: B2bRows;
  let slug: string;
  let workspaceId: string;
  let coordinator: Headers;
  let eventId: string;
  let activityId: string;
  const url = (path: string, event = eventId) => `/api/v1/workspaces/${slug}/events/${event}${path}`;
  const call = (method: 'GET' | 'POST', path: string, payload?: object, headers = coordinator) =>
    t.app.inject({ method, url: url(path), headers, ...(payload ? { payload } : {}) });
  const participants = async (n: number) => {
    const out = [];
    for (let i = 0; i < n; i++)
      out.push(await rows.participant(workspaceId, eventId, { name: `Company ${'ABCDEFGH'[i]}` }));
    return out;
  };
  const accept = (from: string, to: string, priority = 2) =>
    rows.request(workspaceId, eventId, from, to, { priority });
  /** Starts a run, waits for the worker, and returns the finished run. */
  const runToEnd = async (body: object = { timeLimitSeconds: 5 }) => {
    const started = await call('POST', '/schedule-runs', body);
    expect(started.statusCode, started.body).toBe(202);
    expect(['queued', 'running']).toContain(started.json().status);
    await t.app.jobs.idle();
    const run = await call('GET', `/schedule-runs/${started.json().id}`);
    expect(run.statusCode).toBe(200);
    return run.json();
  };
  const meetings = () =>
    t.database.db
      .selectFrom('b2b_meeting')
      .where('event_id', '=', eventId)
      .selectAll()
      .orderBy('request_id')
      .execute();

  beforeAll(async () => {
    t = await startTestApp(kind, { jobs: { pollMs: 600_000 } });
    factory = new Factory(t.database.db);
    rows = new B2bRows(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    coordinator = (await factory.memberWithToken(workspaceId, 'coordinator')).headers;
    activityId = (await factory.activity(workspaceId, null, { instrument: '1.2.1' })).id;
    eventId = (await rows.event(workspaceId, activityId)).id;
    await rows.session(eventId);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('solves a small event optimally, shows the difference, applies and publishes it, all audited', async () => {
    await rows.tables(eventId, 2);
    const [a, b, c, d] = await participants(4);
    const r1 = await accept(a!.id, b!.id);
    await accept(a!.id, c!.id);
    await accept(c!.id, d!.id, 3);
    const overview = (await call('GET', '/schedule')).json();
    expect(overview).toMatchObject({
      slots: 6,
      tables: 2,
      capacity: 12,
      participants: 4,
      acceptedRequests: 3,
      overCapacity: [],
      meetings: 0,
      unscheduled: 3,
      publishedAt: null,
    });

    const run = await runToEnd();
    expect(run).toMatchObject({
      status: 'done',
      resultStatus: 'optimal',
      requested: 3,
      placed: 3,
      unplaced: [],
      breaks: 0,
      lowerBound: 0,
      waits: 0,
      stale: [],
    });
    expect(run.seconds).toBeLessThan(5);
    expect(run.participantBreaks.map((p: { name: string }) => p.name).sort()).toEqual([
      'Company A',
      'Company B',
      'Company C',
      'Company D',
    ]);
    expect(run.difference).toMatchObject({ added: 3, removed: 0, moved: 0 });
    const added = run.difference.items.find((i: { requestId: string }) => i.requestId === r1.id);
    expect(added).toMatchObject({
      kind: 'added',
      from: { name: 'Company A' },
      to: { name: 'Company B' },
      before: null,
    });
    expect(added.after.tableName).toMatch(/^Table [12]$/);

    const applied = await call('POST', `/schedule-runs/${run.id}/apply`);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().status).toBe('applied');
    const placed = await meetings();
    expect(placed).toHaveLength(3);
    expect(placed.every((m) => m.run_id === run.id && m.published === 0)).toBe(true);
    // a applies twice → 409, nothing changes
    expect((await call('POST', `/schedule-runs/${run.id}/apply`)).statusCode).toBe(409);

    const list = (await call('GET', '/meetings')).json();
    expect(list.total).toBe(3);
    expect(list.items[0]).toMatchObject({ status: 'scheduled', published: false });
    const ofB = (await call('GET', `/meetings?participantId=${b!.id}`)).json();
    expect(ofB.items.map((m: { requestId: string }) => m.requestId)).toEqual([r1.id]);

    const version = (await call('GET', '/schedule')).json().eventVersion;
    expect((await call('POST', '/publish', { version: version + 5 })).statusCode).toBe(409);
    const published = await call('POST', '/publish', { version });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ meetings: 3, agendaRevision: 1, version: version + 1 });
    expect((await meetings()).every((m) => m.published === 1)).toBe(true);
    const event = await t.database.db
      .selectFrom('b2b_event')
      .where('id', '=', eventId)
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ published_run_id: run.id, agenda_revision: 1 });
    expect(event.published_at).not.toBeNull();

    const audit = await t.database.db
      .selectFrom('audit_event')
      .where('workspace_id', '=', workspaceId)
      .where('entity_type', 'in', ['b2b_schedule_run', 'b2b_event'])
      .select(['entity_type', 'action'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { entity_type: 'b2b_schedule_run', action: 'create' },
      { entity_type: 'b2b_schedule_run', action: 'update' },
      { entity_type: 'b2b_event', action: 'update' },
    ]);
  });

  it('over capacity, places the high priorities first and says why each other request was not placed', async () => {
    await t.database.db.deleteFrom('b2b_session').where('event_id', '=', eventId).execute();
    await rows.session(eventId, { start_time: '09:00', end_time: '10:00' });
    await rows.tables(eventId, 1);
    const [a, b, c, d, e, f] = await participants(6);
    await accept(a!.id, b!.id, 3);
    await accept(c!.id, d!.id, 3);
    const low = await accept(e!.id, f!.id, 1);
    expect((await call('GET', '/schedule')).json().overCapacity).toEqual([
      '3 accepted requests but only 1 table × 2 slots = 2 meetings fit',
    ]);
    const run = await runToEnd();
    expect(run).toMatchObject({ status: 'done', resultStatus: 'optimal', requested: 3, placed: 2 });
    expect(run.unplaced).toEqual([
      {
        requestId: low.id,
        from: { id: e!.id, name: 'Company E' },
        to: { id: f!.id, name: 'Company F' },
        reason: 'All tables are full in every slot',
      },
    ]);
    expect(run.explanation).toContain('Not every accepted request fits');
  });

  it('explains an infeasible event', async () => {
    await t.database.db.deleteFrom('b2b_session').where('event_id', '=', eventId).execute();
    await rows.session(eventId, { start_time: '09:00', end_time: '10:00' });
    await rows.tables(eventId, 2);
    const [a, b, c] = await participants(3);
    await accept(a!.id, b!.id);
    await accept(b!.id, c!.id);
    await accept(a!.id, c!.id);
    const run = await runToEnd();
    expect(run).toMatchObject({
      status: 'done',
      resultStatus: 'infeasible',
      placed: 0,
      difference: { added: 0 },
    });
    expect(run.explanation).toContain('their meetings collide');
    expect((await call('POST', `/schedule-runs/${run.id}/apply`)).statusCode).toBe(409);
    expect(await meetings()).toEqual([]);
  });

  it('refuses to apply or publish a schedule that no longer matches the accepted requests (409 naming it)', async () => {
    await rows.tables(eventId, 2);
    const [a, b, c, d] = await participants(4);
    await accept(a!.id, b!.id);
    const run = await runToEnd();
    await accept(c!.id, d!.id);
    const stale = (await call('GET', `/schedule-runs/${run.id}`)).json();
    expect(stale.stale).toEqual(['the accepted requests']);
    const refused = await call('POST', `/schedule-runs/${run.id}/apply`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('the accepted requests changed since the run');
    expect(await meetings()).toEqual([]);

    const second = await runToEnd();
    expect((await call('POST', `/schedule-runs/${second.id}/apply`)).statusCode).toBe(200);
    await t.database.db
      .updateTable('b2b_participant')
      .set({ unavailable: JSON.stringify([at('08:00')]) })
      .where('id', '=', a!.id)
      .execute();
    const version = (await call('GET', '/schedule')).json().eventVersion;
    const publish = await call('POST', '/publish', { version });
    expect(publish.statusCode).toBe(409);
    expect(publish.json().detail).toContain(
      'publishing a schedule that no longer matches the accepted requests is refused',
    );
    expect(publish.json().detail).toContain('the participants or their availability');
    expect((await meetings()).every((m) => m.published === 0)).toBe(true);
  });

  it('refuses a second run while one is queued or running, and bad input, writing nothing', async () => {
    expect((await call('POST', '/schedule-runs', {})).json().detail).toContain('no tables');
    await rows.tables(eventId, 2);
    expect((await call('POST', '/schedule-runs', {})).json().detail).toContain('no accepted meeting request');
    const [a, b] = await participants(2);
    await accept(a!.id, b!.id);
    await t.database.db
      .insertInto('b2b_schedule_run')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        event_id: eventId,
        mode: 'full',
        status: 'running',
        time_limit_seconds: 5,
        fingerprint: 'x',
        created_at: nowIso(),
      })
      .execute();
    const second = await call('POST', '/schedule-runs', { timeLimitSeconds: 5 });
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toContain('already queued or running');
    for (const [body, field] of [
      [{ timeLimitSeconds: 4 }, 'body.timeLimitSeconds'],
      [{ timeLimitSeconds: 301 }, 'body.timeLimitSeconds'],
      [{ mode: 'everything' }, 'body.mode'],
      [{ mode: 'reschedule' }, 'body.mode'],
    ] as const) {
      const res = await call('POST', '/schedule-runs', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const runs = await t.database.db
      .selectFrom('b2b_schedule_run')
      .where('event_id', '=', eventId)
      .select('id')
      .execute();
    expect(runs).toHaveLength(1);
  });

  it('reschedules after publication: published meetings stay, cancelled ones are not placed again', async () => {
    await rows.tables(eventId, 2);
    const [a, b, c, d, e] = await participants(5);
    const ab = await accept(a!.id, b!.id);
    const cd = await accept(c!.id, d!.id);
    const run = await runToEnd();
    await call('POST', `/schedule-runs/${run.id}/apply`);
    const version = (await call('GET', '/schedule')).json().eventVersion;
    expect((await call('POST', '/publish', { version })).statusCode).toBe(200);
    const before = await meetings();
    // cd is cancelled; a late request a–e is accepted
    await t.database.db
      .updateTable('b2b_meeting')
      .set({ status: 'cancelled' })
      .where('request_id', '=', cd.id)
      .execute();
    const late = await accept(a!.id, e!.id);
    const overview = (await call('GET', '/schedule')).json();
    expect(overview).toMatchObject({ rescheduleNeeded: true, unscheduled: 1, cancelledSincePublication: 1 });

    const re = await runToEnd({ mode: 'reschedule', timeLimitSeconds: 5 });
    expect(re).toMatchObject({ status: 'done', mode: 'reschedule', placed: 2, changes: 0 });
    expect(re.difference).toMatchObject({ added: 1, moved: 0, removed: 0, unchanged: 1 });
    expect((await call('POST', `/schedule-runs/${re.id}/apply`)).statusCode).toBe(200);
    const after = await meetings();
    const keep = (id: string, list: typeof after) => list.find((m) => m.request_id === id);
    expect(keep(ab.id, after)).toMatchObject({
      id: keep(ab.id, before)!.id,
      slot_starts_at: keep(ab.id, before)!.slot_starts_at,
      table_id: keep(ab.id, before)!.table_id,
      published: 1,
    });
    expect(keep(cd.id, after)?.status).toBe('cancelled');
    expect(keep(late.id, after)).toMatchObject({ published: 0, run_id: re.id });
    expect(keep(late.id, after)!.slot_starts_at).not.toBe(keep(ab.id, after)!.slot_starts_at);
  });

  it("answers 404 for another workspace's event or run, and 403 to a member", async () => {
    await rows.tables(eventId, 2);
    const [a, b] = await participants(2);
    await accept(a!.id, b!.id);
    const run = await runToEnd();
    const other = await factory.workspace();
    const otherCoordinator = (await factory.memberWithToken(other.id, 'coordinator')).headers;
    const otherActivity = await factory.activity(other.id, null, { instrument: '1.2.1' });
    const otherEvent = await rows.event(other.id, otherActivity.id);
    const foreign = (path: string, method: 'GET' | 'POST' = 'GET') =>
      t.app.inject({
        method,
        url: `/api/v1/workspaces/${other.slug}/events/${otherEvent.id}${path}`,
        headers: otherCoordinator,
      });
    expect((await foreign(`/schedule-runs/${run.id}`)).statusCode).toBe(404);
    expect((await foreign(`/schedule-runs/${run.id}/apply`, 'POST')).statusCode).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/workspaces/${other.slug}/events/${eventId}/schedule`,
          headers: otherCoordinator,
        })
      ).statusCode,
    ).toBe(404);
    const cluster = await factory.cluster(workspaceId);
    const org = await factory.organisation(workspaceId, cluster.id);
    const member = (await factory.memberWithToken(workspaceId, 'member', cluster.id, org.id)).headers;
    expect((await call('GET', `/schedule-runs/${run.id}`, undefined, member)).statusCode).toBe(403);
    expect((await call('POST', `/schedule-runs/${run.id}/apply`, undefined, member)).statusCode).toBe(403);
    expect(await meetings()).toEqual([]);
  });
});
