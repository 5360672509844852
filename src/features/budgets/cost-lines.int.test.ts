import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { PlanningRows } from '../../../test/support/planning-rows.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { addDays, todayIso } from '../../domain/dates.ts';

type Headers = Record<string, string>;

const flight = {
  kind: 'actual',
  category: 'travel',
  fundingSource: 'cluster',
  description: 'Return flight Brussels–Tokyo',
  amountEur: 1234.56,
  incurredOn: '2026-04-10',
};

describe.each(testDialects())('budget lines API on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let rows: PlanningRows;
  let slug: string;
  let workspaceId: string;
  let coordinator: { headers: Headers };
  let clusterId: string;
  let activityId: string;
  const base = () => `/api/v1/workspaces/${slug}`;
  const inject = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    payload?: object,
    headers?: Headers,
  ) =>
    t.app.inject({
      method,
      url: `${base()}${path}`,
      headers: headers ?? coordinator.headers,
      ...(payload ? { payload } : {}),
    });
  const lineCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('cost_line')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('workspace_id', '=', workspaceId)
          .executeTakeFirstOrThrow()
      ).n,
    );

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
    clusterId = (await factory.cluster(workspaceId)).id;
    activityId = (await rows.activityRow(workspaceId, { cluster_id: clusterId })).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('adds, lists, edits and removes lines, keeping money in cents and effort in hundredths of a day', async () => {
    const created = await inject('POST', `/activities/${activityId}/cost-lines`, flight);
    expect(created.statusCode, created.body).toBe(201);
    const line = created.json();
    expect(line).toEqual({
      id: expect.any(String),
      activityId,
      ...flight,
      formula: null,
      effortDays: 0,
      origin: 'manual',
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const staff = await inject('POST', `/activities/${activityId}/cost-lines`, {
      kind: 'planned',
      category: 'staff',
      fundingSource: 'eu_programme',
      description: 'Coordination',
      amountEur: 1125,
      effortDays: 2.5,
      formula: '2.5 days × 450 EUR',
    });
    expect(staff.statusCode, staff.body).toBe(201);
    const stored = await t.database.db
      .selectFrom('cost_line')
      .select(['amount_cents', 'effort_centidays'])
      .where('id', '=', staff.json().id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ amount_cents: 112_500, effort_centidays: 250 });

    const list = (await inject('GET', `/activities/${activityId}/cost-lines`)).json();
    expect(list.items.map((l: { id: string }) => l.id)).toEqual([staff.json().id, line.id]);

    const edited = await inject('PATCH', `/cost-lines/${line.id}`, { version: 1, amountEur: 1300 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ amountEur: 1300, version: 2, origin: 'manual' });

    const detail = (await inject('GET', `/activities/${activityId}`)).json();
    expect(detail.budget).toMatchObject({
      plannedEur: 1125,
      actualEur: 1300,
      effortDays: 2.5,
      byFundingSource: [
        { fundingSource: 'eu_programme', plannedEur: 1125, actualEur: 0 },
        { fundingSource: 'cluster', plannedEur: 0, actualEur: 1300 },
      ],
      byCategory: [
        { category: 'staff', plannedEur: 1125, actualEur: 0 },
        { category: 'travel', plannedEur: 0, actualEur: 1300 },
      ],
    });

    expect((await inject('DELETE', `/cost-lines/${line.id}?version=2`)).statusCode).toBe(204);
    expect(await lineCount()).toBe(1);
    const audit = (await inject('GET', '/audit')).json().items;
    expect(audit.map((e: { action: string; entityType: string }) => `${e.action} ${e.entityType}`)).toEqual([
      'delete cost_line',
      'update cost_line',
      'create cost_line',
      'create cost_line',
    ]);
    expect(audit[1].changes).toEqual({ amount_cents: [123_456, 130_000] });
  });

  it('accepts a planned line of 0 EUR (a cost the plan knows is free)', async () => {
    const res = await inject('POST', `/activities/${activityId}/cost-lines`, {
      kind: 'planned',
      category: 'stand_room_rental',
      fundingSource: 'cluster',
      description: 'Online meeting room',
      amountEur: 0,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ amountEur: 0, incurredOn: null });
  });

  it.each([
    ['a negative amount', { amountEur: -10 }, 'body.amountEur'],
    ['an absurd amount', { amountEur: 10_000_000.01 }, 'body.amountEur'],
    ['an amount with 3 decimals', { amountEur: 12.345 }, 'body.amountEur'],
    ['an amount as text', { amountEur: '100' }, 'body.amountEur'],
    ['an actual cost of 0', { amountEur: 0 }, 'body.amountEur'],
    ['an actual cost without its date', { incurredOn: null }, 'body.incurredOn'],
    ['a date more than a year ahead', { incurredOn: addDays(todayIso(), 367) }, 'body.incurredOn'],
    ['a day that does not exist', { incurredOn: '2026-02-30' }, 'body.incurredOn'],
    ['negative effort', { effortDays: -1 }, 'body.effortDays'],
    ['absurd effort', { effortDays: 10_001 }, 'body.effortDays'],
    ['effort with 3 decimals', { effortDays: 1.125 }, 'body.effortDays'],
    ['an unknown category', { category: 'champagne' }, 'body.category'],
    ['an unknown funding source', { fundingSource: 'lottery' }, 'body.fundingSource'],
    ['an unknown kind', { kind: 'forecast' }, 'body.kind'],
    ['an empty description', { description: ' ' }, 'body.description'],
    ['an oversized description', { description: 'x'.repeat(501) }, 'body.description'],
    ['an oversized formula', { formula: 'x'.repeat(501) }, 'body.formula'],
    ['an unknown field', { origin: 'estimate' }, 'body'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_name, change, field) => {
    const res = await inject('POST', `/activities/${activityId}/cost-lines`, { ...flight, ...change });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await lineCount()).toBe(0);
  });

  it('accepts the largest amount and an actual cost dated up to 366 days ahead', async () => {
    const res = await inject('POST', `/activities/${activityId}/cost-lines`, {
      ...flight,
      amountEur: 10_000_000,
      incurredOn: addDays(todayIso(), 366),
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('applies the same rules to an edit, on the merged line', async () => {
    const line = (
      await inject('POST', `/activities/${activityId}/cost-lines`, {
        kind: 'planned',
        category: 'travel',
        fundingSource: 'cluster',
        description: 'Flights',
        amountEur: 0,
      })
    ).json();
    for (const [change, field] of [
      [{ kind: 'actual' }, 'body.incurredOn'],
      [{ kind: 'actual', incurredOn: '2026-04-01' }, 'body.amountEur'],
      [{ amountEur: -1 }, 'body.amountEur'],
      [{ amountEur: 1.001 }, 'body.amountEur'],
    ] as const) {
      const res = await inject('PATCH', `/cost-lines/${line.id}`, { version: 1, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const ok = await inject('PATCH', `/cost-lines/${line.id}`, {
      version: 1,
      kind: 'actual',
      incurredOn: '2026-04-01',
      amountEur: 99.9,
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('answers 409 to a stale edit or delete and changes nothing', async () => {
    const line = (await inject('POST', `/activities/${activityId}/cost-lines`, flight)).json();
    expect((await inject('PATCH', `/cost-lines/${line.id}`, { version: 1, amountEur: 10 })).statusCode).toBe(
      200,
    );
    const stale = await inject('PATCH', `/cost-lines/${line.id}`, { version: 1, amountEur: 20 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('version 2');
    expect((await inject('DELETE', `/cost-lines/${line.id}?version=1`)).statusCode).toBe(409);
    expect((await inject('GET', `/activities/${activityId}/cost-lines`)).json().items).toMatchObject([
      { amountEur: 10, version: 2 },
    ]);
  });

  it("answers 404 for another workspace's activity or line, and writes nothing there", async () => {
    const other = await factory.workspace('Elsewhere');
    const foreignActivity = await rows.activityRow(other.id);
    const foreignLine = await rows.costLineRow(other.id, foreignActivity.id);
    expect((await inject('GET', `/activities/${foreignActivity.id}/cost-lines`)).statusCode).toBe(404);
    expect((await inject('POST', `/activities/${foreignActivity.id}/cost-lines`, flight)).statusCode).toBe(
      404,
    );
    expect(
      (await inject('PATCH', `/cost-lines/${foreignLine.id}`, { version: 1, amountEur: 1 })).statusCode,
    ).toBe(404);
    expect((await inject('DELETE', `/cost-lines/${foreignLine.id}?version=1`)).statusCode).toBe(404);
    expect((await inject('GET', '/activities/no-such-activity/cost-lines')).statusCode).toBe(404);
    const lines = await t.database.db
      .selectFrom('cost_line')
      .select(['amount_cents', 'version'])
      .where('workspace_id', '=', other.id)
      .execute();
    expect(lines).toEqual([{ amount_cents: 10_000, version: 1 }]);
  });

  it("lets a cluster manager change only its own cluster's lines, and hides lines from members and mentors", async () => {
    const otherCluster = (await factory.cluster(workspaceId)).id;
    const theirs = (await rows.activityRow(workspaceId, { cluster_id: otherCluster })).id;
    const coordinators = (await rows.activityRow(workspaceId)).id;
    const theirLine = await rows.costLineRow(workspaceId, theirs);
    const manager = await factory.memberWithToken(workspaceId, 'cluster_manager', clusterId);
    expect(
      (await inject('POST', `/activities/${activityId}/cost-lines`, flight, manager.headers)).statusCode,
    ).toBe(201);
    expect(
      (await inject('POST', `/activities/${theirs}/cost-lines`, flight, manager.headers)).statusCode,
    ).toBe(403);
    expect(
      (await inject('POST', `/activities/${coordinators}/cost-lines`, flight, manager.headers)).statusCode,
    ).toBe(403);
    const patch = await inject(
      'PATCH',
      `/cost-lines/${theirLine.id}`,
      { version: 1, amountEur: 1 },
      manager.headers,
    );
    expect(patch.statusCode).toBe(403);
    expect(
      (await inject('DELETE', `/cost-lines/${theirLine.id}?version=1`, undefined, manager.headers))
        .statusCode,
    ).toBe(403);
    // Reading is not limited to the own cluster.
    expect(
      (await inject('GET', `/activities/${theirs}/cost-lines`, undefined, manager.headers)).statusCode,
    ).toBe(200);
    const organisation = await factory.organisation(workspaceId, clusterId);
    for (const role of ['member', 'mentor'] as const) {
      const { headers } = await factory.memberWithToken(
        workspaceId,
        role,
        null,
        role === 'member' ? organisation.id : null,
      );
      expect(
        (await inject('GET', `/activities/${activityId}/cost-lines`, undefined, headers)).statusCode,
      ).toBe(403);
    }
    expect(await lineCount()).toBe(2);
  });
});
