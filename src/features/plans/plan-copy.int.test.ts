import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

describe.each(testDialects())('copying a plan on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let slug: string;
  let workspaceId: string;
  let clusterId: string;
  let coordinator: { headers: Record<string, string> };
  /** The source: Japan 2026 with two instruments, two activities, planned and actual lines and a participant. */
  let source: { planId: string; visitId: string; fairId: string };
  let canadaId: string;
  const url = (path = '') => `/api/v1/workspaces/${slug}/plans${path}`;

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    clusterId = (await factory.cluster(workspaceId)).id;
    coordinator = await factory.memberWithToken(workspaceId, 'coordinator');
    const japan = await factory.market(workspaceId, {
      name: 'Japan',
      country: 'JP',
      owner_cluster_id: clusterId,
    });
    canadaId = (
      await factory.market(workspaceId, { name: 'Canada', country: 'CA', owner_cluster_id: clusterId })
    ).id;
    const created = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: coordinator.headers,
      payload: {
        marketId: japan.id,
        name: 'Japan 2026',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        budgetCapEur: 50_000,
        status: 'active',
        notes: 'Lessons from 2025',
        instruments: [
          { instrumentKey: 'trade-fairs', rationale: 'Booth at the fair' },
          { instrumentKey: 'study-visits', rationale: 'Meet JAXA' },
        ],
      },
    });
    const planId = created.json().id;
    const visit = await factory.activity(workspaceId, planId, {
      title: 'Study visit Tokyo',
      starts_on: '2026-03-10',
      ends_on: '2026-03-14',
      city: 'Tokyo',
      country: 'JP',
      cluster_id: clusterId,
      status: 'done',
      outcome_notes: 'Met 12 companies',
      estimate_parameters: '{"travellers":3,"nights":4,"destination":"JP"}',
    });
    const fair = await factory.activity(workspaceId, planId, {
      title: 'Trade fair',
      instrument: 'trade-fairs',
      starts_on: '2026-10-01',
      ends_on: '2026-10-03',
      status: 'confirmed',
    });
    await factory.costLine(workspaceId, visit.id, {
      amount_cents: 360_000,
      category: 'staff',
      origin: 'estimate',
      formula: '8 days × 450 EUR = 3,600 EUR',
      effort_centidays: 800,
    });
    await factory.costLine(workspaceId, visit.id, { amount_cents: 420_000 });
    await factory.costLine(workspaceId, visit.id, {
      kind: 'actual',
      amount_cents: 455_000,
      incurred_on: '2026-03-14',
    });
    await factory.costLine(workspaceId, fair.id, { amount_cents: 1_000_000, category: 'stand_room_rental' });
    const organisation = await factory.organisation(workspaceId, clusterId);
    await t.database.db
      .insertInto('activity_participant')
      .values({
        id: `p-${visit.id}`,
        activity_id: visit.id,
        organisation_id: organisation.id,
        person_id: null,
        role: 'representative',
        created_at: new Date().toISOString(),
      })
      .execute();
    source = { planId, visitId: visit.id, fairId: fair.id };
  });
  afterAll(async () => {
    await t?.close();
  });

  const copy = (payload: object, headers = coordinator.headers, planId = source.planId) =>
    t.app.inject({ method: 'POST', url: url(`/${planId}/copy`), headers, payload });

  async function rowCounts() {
    const count = async (table: 'plan' | 'activity' | 'cost_line' | 'audit_event') =>
      Number(
        (
          await t.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('workspace_id', '=', workspaceId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      plans: await count('plan'),
      activities: await count('activity'),
      costLines: await count('cost_line'),
      audit: await count('audit_event'),
    };
  }

  it('copies to another market as a draft, shifting the period and every activity by the same days', async () => {
    const res = await copy({ marketId: canadaId, name: 'Canada 2027', startsOn: '2027-01-04' });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json();
    expect(plan).toMatchObject({
      marketId: canadaId,
      marketName: 'Canada',
      name: 'Canada 2027',
      startsOn: '2027-01-04',
      endsOn: '2028-01-03',
      status: 'draft',
      notes: 'Lessons from 2025',
      budgetCapEur: 50_000,
      activityCount: 2,
      version: 1,
    });
    expect(plan.instruments).toEqual([
      expect.objectContaining({ instrumentKey: 'study-visits', rationale: 'Meet JAXA', position: 0 }),
      expect.objectContaining({ instrumentKey: 'trade-fairs', rationale: 'Booth at the fair', position: 0 }),
    ]);
    // 368 days later: 2026-03-10 → 2027-03-13.
    expect(
      plan.activities.map((a: { title: string; startsOn: string; endsOn: string; status: string }) => [
        a.title,
        a.startsOn,
        a.endsOn,
        a.status,
      ]),
    ).toEqual([
      ['Study visit Tokyo', '2027-03-13', '2027-03-17', 'planned'],
      ['Trade fair', '2027-10-04', '2027-10-06', 'planned'],
    ]);
    // Planned lines only: 3,600 + 4,200 for the visit, 10,000 for the fair; the actual 4,550 stays behind.
    expect(
      plan.activities.map((a: { plannedEur: number; actualEur: number }) => [a.plannedEur, a.actualEur]),
    ).toEqual([
      [7800, 0],
      [10_000, 0],
    ]);
    expect(plan.budget).toMatchObject({ plannedEur: 17_800, actualEur: 0, overCap: false });

    const copiedVisit = await t.database.db
      .selectFrom('activity')
      .selectAll()
      .where('id', '=', plan.activities[0].id)
      .executeTakeFirstOrThrow();
    expect(copiedVisit).toMatchObject({
      plan_id: plan.id,
      city: 'Tokyo',
      cluster_id: clusterId,
      outcome_notes: '',
      estimate_parameters: '{"travellers":3,"nights":4,"destination":"JP"}',
      version: 1,
    });
    const staffLine = await t.database.db
      .selectFrom('cost_line')
      .selectAll()
      .where('activity_id', '=', copiedVisit.id)
      .where('category', '=', 'staff')
      .executeTakeFirstOrThrow();
    expect(staffLine).toMatchObject({
      kind: 'planned',
      origin: 'estimate',
      formula: '8 days × 450 EUR = 3,600 EUR',
      effort_centidays: 800,
      amount_cents: 360_000,
      incurred_on: null,
    });
    const participants = await t.database.db
      .selectFrom('activity_participant')
      .select('id')
      .where('activity_id', '=', copiedVisit.id)
      .execute();
    expect(participants).toEqual([]);
  });

  it('leaves the source plan as it was and records the copy in the audit log', async () => {
    const before = (
      await t.app.inject({ method: 'GET', url: url(`/${source.planId}`), headers: coordinator.headers })
    ).json();
    const plan = (await copy({ marketId: canadaId })).json();
    const after = (
      await t.app.inject({ method: 'GET', url: url(`/${source.planId}`), headers: coordinator.headers })
    ).json();
    expect(after).toEqual(before);
    const events = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'entity_type', 'entity_id', 'changes'])
      .where('workspace_id', '=', workspaceId)
      .where('entity_type', 'in', ['plan', 'activity'])
      .where('entity_id', '!=', source.planId)
      .orderBy('id')
      .execute();
    expect(events.map((e) => `${e.action} ${e.entity_type}`)).toEqual([
      'create plan',
      'create activity',
      'create activity',
    ]);
    expect(JSON.parse(events[0]?.changes ?? '{}')).toMatchObject({
      copied_from: [null, source.planId],
      market_id: [null, canadaId],
      status: [null, 'draft'],
    });
    expect(JSON.parse(events[1]?.changes ?? '{}')).toMatchObject({
      copied_from: [null, source.visitId],
      planned_cost_lines: [null, 2],
      plan_id: [null, plan.id],
    });
  });

  it('keeps the dates and name by default, and copies no activity when told not to', async () => {
    const same = (await copy({ marketId: canadaId })).json();
    expect(same).toMatchObject({ name: 'Japan 2026', startsOn: '2026-01-01', endsOn: '2026-12-31' });
    expect(same.activities.map((a: { startsOn: string }) => a.startsOn)).toEqual([
      '2026-03-10',
      '2026-10-01',
    ]);
    const bare = (
      await copy({ marketId: canadaId, includeActivities: false, startsOn: '2025-12-01' })
    ).json();
    expect(bare).toMatchObject({
      activityCount: 0,
      activities: [],
      startsOn: '2025-12-01',
      endsOn: '2026-11-30',
    });
    expect(bare.instruments).toHaveLength(2);
  });

  it("answers 404 for another workspace's market or plan, and writes nothing", async () => {
    const elsewhere = await factory.workspace('Elsewhere');
    const foreignMarket = await factory.market(elsewhere.id);
    const foreignPlan = await factory.plan(elsewhere.id, foreignMarket.id);
    const before = await rowCounts();
    const intoForeign = await copy({ marketId: foreignMarket.id });
    expect(intoForeign.statusCode).toBe(404);
    expect(intoForeign.json().errors).toEqual([
      { field: 'body.marketId', message: 'is not a market of this workspace' },
    ]);
    const fromForeign = await copy({ marketId: canadaId }, coordinator.headers, foreignPlan.id);
    expect(fromForeign.statusCode).toBe(404);
    expect(await rowCounts()).toEqual(before);
    const foreignPlans = await t.database.db
      .selectFrom('plan')
      .select('id')
      .where('workspace_id', '=', elsewhere.id)
      .execute();
    expect(foreignPlans).toHaveLength(1);
  });

  it("refuses a cluster manager copying into another cluster's market (403), and members altogether", async () => {
    const otherMarket = await factory.market(workspaceId, {
      owner_cluster_id: (await factory.cluster(workspaceId)).id,
    });
    const manager = await factory.memberWithToken(workspaceId, 'cluster_manager', clusterId);
    const mentor = await factory.memberWithToken(workspaceId, 'mentor');
    const before = await rowCounts();
    expect((await copy({ marketId: otherMarket.id }, manager.headers)).statusCode).toBe(403);
    expect((await copy({ marketId: canadaId }, mentor.headers)).statusCode).toBe(403);
    expect(await rowCounts()).toEqual(before);
    // The source's trade fair is the coordinators' (no responsible cluster): its copy is not the
    // manager's to create; without the activities the copy is.
    expect((await copy({ marketId: canadaId }, manager.headers)).statusCode).toBe(403);
    expect(await rowCounts()).toEqual(before);
    expect((await copy({ marketId: canadaId, includeActivities: false }, manager.headers)).statusCode).toBe(
      201,
    );
  });

  it.each([
    ['an unknown field', { keepParticipants: true }, 'body'],
    ['no market', { marketId: undefined }, 'body.marketId'],
    ['a start that is not a date', { startsOn: '2027-13-01' }, 'body.startsOn'],
    ['an empty name', { name: '' }, 'body.name'],
    ['includeActivities as text', { includeActivities: 'yes' }, 'body.includeActivities'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_name, payload, field) => {
    const before = await rowCounts();
    const res = await copy({ marketId: canadaId, ...payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await rowCounts()).toEqual(before);
  });
});
