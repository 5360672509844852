import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { PlanningRows } from '../../../test/support/planning-rows.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

type Headers = Record<string, string>;

describe.each(testDialects())('activities API on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let rows: PlanningRows;
  let slug: string;
  let workspaceId: string;
  let coordinator: { headers: Headers };
  let clusterId: string;
  let plan: { id: string; market_id: string };
  const url = (path = '') => `/api/v1/workspaces/${slug}/activities${path}`;

  const inject = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    payload?: object,
    headers?: Headers,
  ) =>
    t.app.inject({
      method,
      url: url(path),
      headers: headers ?? coordinator.headers,
      ...(payload ? { payload } : {}),
    });

  const count = async (table: 'activity' | 'activity_participant' | 'cost_line' | 'audit_event') => {
    const row =
      table === 'activity_participant'
        ? await t.database.db
            .selectFrom('activity_participant')
            .innerJoin('activity', 'activity.id', 'activity_participant.activity_id')
            .where('activity.workspace_id', '=', workspaceId)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        : await t.database.db
            .selectFrom(table)
            .where('workspace_id', '=', workspaceId)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  const newActivity = () => ({
    planId: plan.id,
    instrumentKey: 'study-visits',
    title: 'Fact-finding mission to Tokyo',
    startsOn: '2026-04-13',
    endsOn: '2026-04-17',
    city: 'Tokyo',
    country: 'JP',
    clusterId,
  });

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    rows = new PlanningRows(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    coordinator = await factory.memberWithToken(workspaceId, 'coordinator');
    clusterId = (await factory.cluster(workspaceId, { short_name: 'AV' })).id;
    const market = await rows.marketRow(workspaceId, { name: 'Japan', country: 'JP' });
    plan = await rows.planRow(workspaceId, { market_id: market.id, name: 'Japan 2026' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates, reads, lists, edits and deletes an activity of a plan, with its names resolved', async () => {
    const created = await inject('POST', '', newActivity());
    expect(created.statusCode, created.body).toBe(201);
    const activity = created.json();
    expect(activity).toMatchObject({
      planId: plan.id,
      planName: 'Japan 2026',
      marketId: plan.market_id,
      marketName: 'Japan',
      marketCountry: 'JP',
      title: 'Fact-finding mission to Tokyo',
      instrumentKey: 'study-visits',
      instrumentCode: '1.1.3',
      instrumentName: 'Study Visits',
      phase: 'preparatory',
      startsOn: '2026-04-13',
      endsOn: '2026-04-17',
      status: 'planned',
      city: 'Tokyo',
      country: 'JP',
      clusterId,
      clusterShortName: 'AV',
      outcomeNotes: '',
      estimateParameters: {},
      participants: [],
      budget: { plannedEur: 0, actualEur: 0, effortDays: 0, lines: [], byFundingSource: [], byCategory: [] },
      version: 1,
    });
    expect((await inject('GET', `/${activity.id}`)).json()).toEqual(activity);
    const list = (await inject('GET', `?planId=${plan.id}`)).json();
    expect(list.nextCursor).toBeNull();
    expect(list.items).toHaveLength(1);
    const {
      outcomeNotes,
      estimateParameters,
      participants,
      budget,
      version,
      createdAt,
      updatedAt,
      ...summary
    } = activity;
    expect(list.items[0]).toEqual(summary);

    const edited = await inject('PATCH', `/${activity.id}`, {
      version: 1,
      status: 'done',
      outcomeNotes: '12 contacts mapped',
      instrumentKey: '1.2.1',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      status: 'done',
      outcomeNotes: '12 contacts mapped',
      instrumentKey: 'matchmaking-events',
      phase: 'leads',
      version: 2,
    });

    const deleted = await inject('DELETE', `/${activity.id}?version=2`);
    expect(deleted.statusCode).toBe(204);
    expect((await inject('GET', `/${activity.id}`)).statusCode).toBe(404);
  });

  it('deletes an activity with its participants and budget lines, and records it in the audit log', async () => {
    const activity = (await inject('POST', '', newActivity())).json();
    const organisation = await factory.organisation(workspaceId, clusterId);
    await inject('POST', `/${activity.id}/participants`, {
      organisationId: organisation.id,
      role: 'participant',
    });
    await rows.costLineRow(workspaceId, activity.id);
    await rows.costLineRow(workspaceId, activity.id, { kind: 'actual', incurred_on: '2026-04-14' });
    expect((await inject('DELETE', `/${activity.id}?version=1`)).statusCode).toBe(204);
    expect(await count('activity')).toBe(0);
    expect(await count('activity_participant')).toBe(0);
    expect(await count('cost_line')).toBe(0);
    const audit = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${slug}/audit`,
        headers: coordinator.headers,
      })
    ).json().items;
    expect(audit.map((e: { action: string; entityType: string }) => `${e.action} ${e.entityType}`)).toEqual([
      'delete activity',
      'create activity_participant',
      'create activity',
    ]);
    expect(audit[0].changes).toMatchObject({
      title: [newActivity().title, null],
      participants: [1, 0],
      cost_lines: [2, 0],
    });
    expect(audit[2].changes.plan_id).toEqual([null, plan.id]);
  });

  it('creates a standalone activity without plan or cluster, and accepts a D4.2 code as the instrument', async () => {
    const res = await inject('POST', '', {
      instrumentKey: '1.1.4',
      title: 'Monthly newsletter',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      planId: null,
      planName: null,
      marketId: null,
      clusterId: null,
      clusterShortName: null,
      instrumentKey: 'newsletter',
      city: null,
      country: null,
    });
  });

  it.each([
    ['an end before the start', { startsOn: '2026-04-17', endsOn: '2026-04-13' }, ['body.endsOn']],
    ['a start before the plan', { startsOn: '2025-12-30' }, ['body.startsOn']],
    ['an end after the plan', { endsOn: '2027-01-02' }, ['body.endsOn']],
    [
      'both days after the plan',
      { startsOn: '2027-02-01', endsOn: '2027-02-03' },
      ['body.startsOn', 'body.endsOn'],
    ],
    ['an unknown instrument', { instrumentKey: 'space-tourism' }, ['body.instrumentKey']],
    ['an unknown D4.2 code', { instrumentKey: '9.9.9' }, ['body.instrumentKey']],
    ['an unknown plan', { planId: 'no-such-plan' }, ['body.planId']],
    ['an unknown cluster', { clusterId: 'no-such-cluster' }, ['body.clusterId']],
    ['a day that does not exist', { startsOn: '2026-02-30' }, ['body.startsOn']],
    ['a date in another format', { endsOn: '17/04/2026' }, ['body.endsOn']],
    ['an empty title', { title: '  ' }, ['body.title']],
    ['an oversized title', { title: 'x'.repeat(201) }, ['body.title']],
    ['oversized outcome notes', { outcomeNotes: 'x'.repeat(10_001) }, ['body.outcomeNotes']],
    ['an unknown status', { status: 'postponed' }, ['body.status']],
    ['a country name', { country: 'Japan' }, ['body.country']],
    ['an unknown field', { budgetEur: 100 }, ['body']],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_name, change, fields) => {
    const res = await inject('POST', '', { ...newActivity(), ...change });
    expect(res.statusCode, res.body).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual([...fields].sort());
    expect(await count('activity')).toBe(0);
    expect(await count('audit_event')).toBe(0);
  });

  it("names the plan's period when an activity falls outside it", async () => {
    const res = await inject('POST', '', { ...newActivity(), endsOn: '2027-01-02' });
    expect(res.json().detail).toContain('Japan 2026');
    expect(res.json().detail).toContain('2026-01-01 – 2026-12-31');
    expect(res.json().errors[0].message).toContain('2026-01-01 – 2026-12-31');
  });

  it('applies the same rules to an edit: plan period, end before start, unknown instrument', async () => {
    const activity = (await inject('POST', '', newActivity())).json();
    const otherPlan = await rows.planRow(workspaceId, {
      market_id: plan.market_id,
      starts_on: '2027-01-01',
      ends_on: '2027-06-30',
    });
    for (const [change, field] of [
      [{ endsOn: '2026-04-01' }, 'body.endsOn'],
      [{ startsOn: '2027-01-05', endsOn: '2027-01-06' }, 'body.startsOn'],
      [{ planId: otherPlan.id }, 'body.startsOn'],
      [{ instrumentKey: 'nope' }, 'body.instrumentKey'],
    ] as const) {
      const res = await inject('PATCH', `/${activity.id}`, { version: 1, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    // Out of the plan, the same days are fine.
    const standalone = await inject('PATCH', `/${activity.id}`, {
      version: 1,
      planId: null,
      endsOn: '2027-01-06',
    });
    expect(standalone.statusCode, standalone.body).toBe(200);
    expect(standalone.json()).toMatchObject({
      planId: null,
      marketId: null,
      endsOn: '2027-01-06',
      version: 2,
    });
  });

  it('answers 409 to a stale edit or delete and changes nothing', async () => {
    const activity = (await inject('POST', '', newActivity())).json();
    expect((await inject('PATCH', `/${activity.id}`, { version: 1, title: 'First' })).statusCode).toBe(200);
    const stale = await inject('PATCH', `/${activity.id}`, { version: 1, title: 'Second' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('version 2');
    expect((await inject('DELETE', `/${activity.id}?version=1`)).statusCode).toBe(409);
    expect((await inject('GET', `/${activity.id}`)).json()).toMatchObject({ title: 'First', version: 2 });
  });

  it("refuses another workspace's plan and cluster by name (400) and answers 404 for its activities", async () => {
    const other = await factory.workspace('Elsewhere');
    const foreignCluster = await factory.cluster(other.id);
    const foreignPlan = await rows.planRow(other.id);
    const foreignActivity = await rows.activityRow(other.id, { plan_id: foreignPlan.id, title: 'Theirs' });
    const planned = await inject('POST', '', { ...newActivity(), planId: foreignPlan.id });
    expect(planned.statusCode).toBe(400);
    expect(planned.json().errors).toEqual([
      { field: 'body.planId', message: 'is not a plan of this workspace' },
    ]);
    const clustered = await inject('POST', '', { ...newActivity(), clusterId: foreignCluster.id });
    expect(clustered.statusCode).toBe(400);
    expect(clustered.json().errors[0].field).toBe('body.clusterId');
    expect(await count('activity')).toBe(0);

    expect((await inject('GET', `/${foreignActivity.id}`)).statusCode).toBe(404);
    expect(
      (await inject('PATCH', `/${foreignActivity.id}`, { version: 1, title: 'Hijacked' })).statusCode,
    ).toBe(404);
    expect((await inject('DELETE', `/${foreignActivity.id}?version=1`)).statusCode).toBe(404);
    const participant = await inject('POST', `/${foreignActivity.id}/participants`, {
      role: 'host',
      personId: 'x',
    });
    expect(participant.statusCode).toBe(404);
    expect((await inject('GET', `?planId=${foreignPlan.id}`)).json().items).toEqual([]);
    const untouched = await t.database.db
      .selectFrom('activity')
      .select(['title', 'version'])
      .where('id', '=', foreignActivity.id)
      .executeTakeFirstOrThrow();
    expect(untouched).toEqual({ title: 'Theirs', version: 1 });
  });

  describe('the list', () => {
    it('orders by start day then id, pages with a cursor across activities of the same day', async () => {
      const ids: string[] = [];
      for (const day of ['2026-05-01', '2026-03-01', '2026-03-01', '2026-03-01', '2026-04-01']) {
        ids.push((await rows.activityRow(workspaceId, { starts_on: day, ends_on: day })).id);
      }
      const expected = [ids[1], ids[2], ids[3], ids[4], ids[0]];
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await inject('GET', `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.statusCode, res.body).toBe(200);
        const page = res.json();
        seen.push(...page.items.map((a: { id: string }) => a.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(expected);
    });

    it('filters by plan, market, instrument, status, cluster, standalone and overlapping dates', async () => {
      const otherCluster = (await factory.cluster(workspaceId)).id;
      const otherMarket = await rows.marketRow(workspaceId, { name: 'Chile', country: 'CL' });
      const chilePlan = await rows.planRow(workspaceId, { market_id: otherMarket.id, name: 'Chile 2026' });
      const a = await rows.activityRow(workspaceId, {
        plan_id: plan.id,
        cluster_id: clusterId,
        starts_on: '2026-03-02',
        ends_on: '2026-03-04',
      });
      const b = await rows.activityRow(workspaceId, {
        plan_id: chilePlan.id,
        cluster_id: otherCluster,
        instrumentKey: 'matchmaking-events',
        status: 'confirmed',
        starts_on: '2026-03-03',
        ends_on: '2026-06-30',
      });
      const c = await rows.activityRow(workspaceId, {
        instrumentKey: 'newsletter',
        status: 'cancelled',
        starts_on: '2026-07-01',
        ends_on: '2026-07-01',
      });
      const ids = async (query: string) => {
        const res = await inject('GET', `?${query}`);
        expect(res.statusCode, res.body).toBe(200);
        return res.json().items.map((x: { id: string }) => x.id);
      };
      expect(await ids(`planId=${plan.id}`)).toEqual([a.id]);
      expect(await ids(`marketId=${otherMarket.id}`)).toEqual([b.id]);
      expect(await ids('instrumentKey=matchmaking-events')).toEqual([b.id]);
      expect(await ids('instrumentKey=1.1.4')).toEqual([c.id]);
      expect(await ids('status=cancelled')).toEqual([c.id]);
      expect(await ids(`clusterId=${clusterId}`)).toEqual([a.id]);
      expect(await ids('standalone=true')).toEqual([c.id]);
      expect(await ids('standalone=false')).toEqual([a.id, b.id]);
      // The calendar's April: only the activity running from March to June overlaps it.
      expect(await ids('from=2026-04-01&to=2026-04-30')).toEqual([b.id]);
      expect(await ids('from=2026-03-04&to=2026-03-04')).toEqual([a.id, b.id]);
      expect(await ids('to=2026-03-02')).toEqual([a.id]);
    });

    it.each([
      ['a limit above 500', 'limit=501', 'query.limit'],
      ['a malformed cursor', 'cursor=abc', 'query.cursor'],
      ['an unknown status', 'status=postponed', 'query.status'],
      ['a day that does not exist', 'from=2026-13-01', 'query.from'],
      ['a range ending before it starts', 'from=2026-05-01&to=2026-04-01', 'query.to'],
      ['an unknown instrument', 'instrumentKey=space-tourism', 'query.instrumentKey'],
      ['a standalone flag that is not true or false', 'standalone=yes', 'query.standalone'],
    ])('refuses %s with 400 naming the parameter', async (_name, query, field) => {
      const res = await inject('GET', `?${query}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('returns up to 500 activities in one page', async () => {
      const now = new Date().toISOString();
      const instrument = await t.database.db
        .selectFrom('instrument')
        .select('id')
        .where('key', '=', 'newsletter')
        .executeTakeFirstOrThrow();
      await t.database.db
        .insertInto('activity')
        .values(
          Array.from({ length: 501 }, (_, i) => ({
            id: `bulk-${String(i).padStart(4, '0')}`,
            workspace_id: workspaceId,
            plan_id: null,
            instrument_id: instrument.id,
            title: `Bulk ${i}`,
            starts_on: '2026-02-01',
            ends_on: '2026-02-01',
            city: null,
            country: null,
            cluster_id: null,
            status: 'planned' as const,
            outcome_notes: '',
            estimate_parameters: '{}',
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
      const page = (await inject('GET', '?limit=500')).json();
      expect(page.items).toHaveLength(500);
      expect(page.items.at(-1).id).toBe('bulk-0499');
      expect(page.total).toBe(501);
      const rest = (await inject('GET', `?limit=500&cursor=${page.nextCursor}`)).json();
      expect(rest).toMatchObject({ items: [{ id: 'bulk-0500' }], nextCursor: null, total: 501 });
    });
  });

  describe('participants', () => {
    it('adds organisations and people with their role, lists them in the activity, and removes them', async () => {
      const activity = (await inject('POST', '', newActivity())).json();
      const organisation = await factory.organisation(workspaceId, clusterId, { name: 'Orbitech' });
      const person = await factory.person(workspaceId, organisation.id, { name: 'Ada' });
      const loner = await factory.person(workspaceId, null, { name: 'Grace' });
      const both = await inject('POST', `/${activity.id}/participants`, {
        organisationId: organisation.id,
        personId: person.id,
        role: 'representative',
      });
      expect(both.statusCode, both.body).toBe(201);
      expect(both.json()).toEqual({
        id: expect.any(String),
        organisationId: organisation.id,
        organisationName: 'Orbitech',
        personId: person.id,
        personName: 'Ada',
        role: 'representative',
        attendance: 'expected',
      });
      const organisationOnly = await inject('POST', `/${activity.id}/participants`, {
        organisationId: organisation.id,
        role: 'participant',
      });
      expect(organisationOnly.statusCode).toBe(201);
      const personOnly = await inject('POST', `/${activity.id}/participants`, {
        personId: loner.id,
        role: 'speaker',
      });
      expect(personOnly.statusCode).toBe(201);
      const detail = (await inject('GET', `/${activity.id}`)).json();
      expect(detail.participants.map((p: { role: string }) => p.role)).toEqual([
        'representative',
        'participant',
        'speaker',
      ]);
      expect(detail.version).toBe(1);

      const removed = await inject('DELETE', `/${activity.id}/participants/${organisationOnly.json().id}`);
      expect(removed.statusCode).toBe(204);
      expect((await inject('GET', `/${activity.id}`)).json().participants).toHaveLength(2);
      expect(
        (await inject('DELETE', `/${activity.id}/participants/${organisationOnly.json().id}`)).statusCode,
      ).toBe(404);
    });

    it('refuses the same organisation and person twice with 409', async () => {
      const activity = (await inject('POST', '', newActivity())).json();
      const organisation = await factory.organisation(workspaceId, clusterId);
      const body = { organisationId: organisation.id, role: 'participant' };
      expect((await inject('POST', `/${activity.id}/participants`, body)).statusCode).toBe(201);
      const again = await inject('POST', `/${activity.id}/participants`, { ...body, role: 'host' });
      expect(again.statusCode).toBe(409);
      expect(await count('activity_participant')).toBe(1);
    });

    it("refuses nobody, another workspace's organisation or person, and a person of another organisation", async () => {
      const activity = (await inject('POST', '', newActivity())).json();
      const other = await factory.workspace('Elsewhere');
      const foreignOrganisation = await factory.organisation(other.id, (await factory.cluster(other.id)).id);
      const foreignPerson = await factory.person(other.id, foreignOrganisation.id);
      const organisation = await factory.organisation(workspaceId, clusterId);
      const stranger = await factory.person(workspaceId, null);
      for (const [body, field] of [
        [{ role: 'participant' }, 'body.organisationId'],
        [{ organisationId: foreignOrganisation.id, role: 'participant' }, 'body.organisationId'],
        [{ personId: foreignPerson.id, role: 'participant' }, 'body.personId'],
        [{ organisationId: organisation.id, personId: stranger.id, role: 'participant' }, 'body.personId'],
        [{ organisationId: organisation.id, role: 'astronaut' }, 'body.role'],
        [{ organisationId: organisation.id, role: 'participant', note: 'x' }, 'body'],
      ] as const) {
        const res = await inject('POST', `/${activity.id}/participants`, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      expect(await count('activity_participant')).toBe(0);
    });
  });

  describe('roles', () => {
    it('shows the budget to coordinators and viewers, and null to members and mentors', async () => {
      const activity = (await inject('POST', '', newActivity())).json();
      await rows.costLineRow(workspaceId, activity.id, { amount_cents: 12_345 });
      const organisation = await factory.organisation(workspaceId, clusterId);
      for (const [role, visible] of [
        ['viewer', true],
        ['member', false],
        ['mentor', false],
      ] as const) {
        const { headers } = await factory.memberWithToken(
          workspaceId,
          role,
          null,
          role === 'member' ? organisation.id : null,
        );
        const res = await inject('GET', `/${activity.id}`, undefined, headers);
        expect(res.statusCode).toBe(200);
        if (visible) expect(res.json().budget).toMatchObject({ plannedEur: 123.45 });
        else expect(res.json().budget).toBeNull();
      }
    });

    it("lets a cluster manager create and edit only its own cluster's activities", async () => {
      const otherCluster = (await factory.cluster(workspaceId)).id;
      const manager = await factory.memberWithToken(workspaceId, 'cluster_manager', clusterId);
      const own = await inject('POST', '', newActivity(), manager.headers);
      expect(own.statusCode, own.body).toBe(201);
      expect(
        (await inject('POST', '', { ...newActivity(), clusterId: otherCluster }, manager.headers)).statusCode,
      ).toBe(403);
      expect(
        (await inject('POST', '', { ...newActivity(), clusterId: null }, manager.headers)).statusCode,
      ).toBe(403);
      const theirs = (await inject('POST', '', { ...newActivity(), clusterId: otherCluster })).json();
      expect(
        (await inject('PATCH', `/${own.json().id}`, { version: 1, title: 'Mine' }, manager.headers))
          .statusCode,
      ).toBe(200);
      expect(
        (await inject('PATCH', `/${theirs.id}`, { version: 1, title: 'Taken' }, manager.headers)).statusCode,
      ).toBe(403);
      // Handing its activity to another cluster is like creating it there.
      expect(
        (await inject('PATCH', `/${own.json().id}`, { version: 2, clusterId: otherCluster }, manager.headers))
          .statusCode,
      ).toBe(403);
      expect((await inject('DELETE', `/${theirs.id}?version=1`, undefined, manager.headers)).statusCode).toBe(
        403,
      );
      const organisation = await factory.organisation(workspaceId, otherCluster);
      expect(
        (
          await inject(
            'POST',
            `/${theirs.id}/participants`,
            { organisationId: organisation.id, role: 'participant' },
            manager.headers,
          )
        ).statusCode,
      ).toBe(403);
      expect((await inject('GET', `/${theirs.id}`)).json()).toMatchObject({
        title: newActivity().title,
        version: 1,
      });
    });
  });
});
