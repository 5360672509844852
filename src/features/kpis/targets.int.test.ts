import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { KpiRows } from '../../../test/support/kpi-rows.ts';
import { PlanningRows } from '../../../test/support/planning-rows.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

type Headers = Record<string, string>;
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

describe.each(testDialects())('KPI targets API on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let planning: PlanningRows;
  let kpiRows: KpiRows;
  let slug: string;
  let workspaceId: string;
  let coordinator: { headers: Headers };
  let clusterId: string;
  let planId: string;
  let studyVisitsId: string;
  let trainingId: string;
  /** A study visit (contacts mapped, potential partners, remarks), a sales representative, a training. */
  const activities = { study: '', sales: '', training: '' };

  const inject = (method: Method, path: string, payload?: object, headers?: Headers) =>
    t.app.inject({
      method,
      url: `/api/v1/workspaces/${slug}${path}`,
      headers: headers ?? coordinator.headers,
      ...(payload ? { payload } : {}),
    });
  const targetRows = () =>
    t.database.db
      .selectFrom('kpi_target')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('id')
      .execute();
  const fieldsOf = (res: { json(): { errors?: { field: string }[] } }) =>
    (res.json().errors ?? []).map((e) => e.field);

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    planning = new PlanningRows(t.database.db);
    kpiRows = new KpiRows(t.database.db);
    trainingId = await kpiRows.instrumentId('training-to-go-international');
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    coordinator = await factory.memberWithToken(workspaceId, 'coordinator');
    clusterId = (await factory.cluster(workspaceId)).id;
    const market = await planning.marketRow(workspaceId, { owner_cluster_id: clusterId });
    planId = (await planning.planRow(workspaceId, { market_id: market.id })).id;
    studyVisitsId = await kpiRows.planInstrument(planId, 'study-visits');
    await kpiRows.planInstrument(planId, 'sales-marketing-representative', 1);
    const activity = (instrumentKey: string) =>
      planning.activityRow(workspaceId, { plan_id: planId, cluster_id: clusterId, instrumentKey });
    activities.study = (await activity('study-visits')).id;
    activities.sales = (await activity('sales-marketing-representative')).id;
    activities.training = (await activity('training-to-go-international')).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sets, lists, changes and clears an activity target, each change audited', async () => {
    const created = await inject('POST', '/kpi-targets', {
      activityId: activities.study,
      kpiKey: 'contacts_mapped',
      value: 40,
    });
    expect(created.statusCode, created.body).toBe(201);
    const target = created.json();
    expect(target).toEqual({
      id: expect.any(String),
      activityId: activities.study,
      planId: null,
      instrumentId: studyVisitsId,
      kpiKey: 'contacts_mapped',
      kind: 'count',
      value: 40,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const list = await inject('GET', `/kpi-targets?activityId=${activities.study}`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({ items: [target] });

    const changed = await inject('PATCH', `/kpi-targets/${target.id}`, { value: 45, version: 1 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ value: 45, version: 2 });

    expect((await inject('DELETE', `/kpi-targets/${target.id}?version=2`)).statusCode).toBe(204);
    expect((await inject('GET', `/kpi-targets?activityId=${activities.study}`)).json()).toEqual({
      items: [],
    });
    expect(await targetRows()).toEqual([]);

    const audit = (await inject('GET', '/audit')).json().items;
    expect(audit.map((e: { action: string; entityType: string }) => `${e.action} ${e.entityType}`)).toEqual([
      'delete kpi_target',
      'update kpi_target',
      'create kpi_target',
    ]);
    expect(audit[1].changes).toEqual({ value: [40, 45] });
    expect(audit[2].changes).toMatchObject({ activity_id: [null, activities.study], value: [null, 40] });
  });

  it('takes money targets in EUR and keeps them in cents; a Hub KPI of an activity has no instrument', async () => {
    const sales = await inject('POST', '/kpi-targets', {
      activityId: activities.sales,
      kpiKey: 'sales_volume_variation',
      value: 12_500.5,
    });
    expect(sales.statusCode, sales.body).toBe(201);
    expect(sales.json()).toMatchObject({ kind: 'money', value: 12_500.5 });
    const costs = await inject('POST', '/kpi-targets', {
      activityId: activities.sales,
      kpiKey: 'actual_costs',
      value: 3_000,
    });
    expect(costs.statusCode, costs.body).toBe(201);
    expect(costs.json()).toMatchObject({ instrumentId: null, kind: 'money', value: 3_000 });
    expect((await targetRows()).map((row) => [row.kpi_key, row.value])).toEqual([
      ['sales_volume_variation', 1_250_050],
      ['actual_costs', 300_000],
    ]);
    const changed = await inject('PATCH', `/kpi-targets/${sales.json().id}`, { value: 0.1, version: 1 });
    expect(changed.json()).toMatchObject({ value: 0.1 });
    expect((await targetRows())[0]?.value).toBe(10);
  });

  it("sets plan targets on an instrument of the plan and on the Hub KPIs, and lists the plan's", async () => {
    const onInstrument = await inject('POST', '/kpi-targets', {
      planId,
      instrumentId: studyVisitsId,
      kpiKey: 'contacts_mapped',
      value: 120,
    });
    expect(onInstrument.statusCode, onInstrument.body).toBe(201);
    expect(onInstrument.json()).toMatchObject({
      activityId: null,
      planId,
      instrumentId: studyVisitsId,
      kpiKey: 'contacts_mapped',
      value: 120,
    });
    const hub = await inject('POST', '/kpi-targets', {
      planId,
      instrumentId: null,
      kpiKey: 'present_participants',
      value: 60,
    });
    expect(hub.statusCode, hub.body).toBe(201);
    expect(hub.json()).toMatchObject({ planId, instrumentId: null, kpiKey: 'present_participants' });
    // The same KPI key on an activity of the plan is another scope.
    const onActivity = await inject('POST', '/kpi-targets', {
      activityId: activities.study,
      kpiKey: 'contacts_mapped',
      value: 30,
    });
    expect(onActivity.statusCode).toBe(201);

    const list = (await inject('GET', `/kpi-targets?planId=${planId}`)).json();
    expect(list.items.map((i: { kpiKey: string; value: number }) => [i.kpiKey, i.value])).toEqual([
      ['contacts_mapped', 120],
      ['present_participants', 60],
    ]);
  });

  it('refuses a second target for the same KPI and scope with 409, writing nothing', async () => {
    const bodies = [
      { activityId: activities.study, kpiKey: 'contacts_mapped', value: 40 },
      { planId, instrumentId: studyVisitsId, kpiKey: 'contacts_mapped', value: 100 },
      { planId, instrumentId: null, kpiKey: 'held_activities', value: 8 },
    ];
    for (const body of bodies) {
      expect((await inject('POST', '/kpi-targets', body)).statusCode).toBe(201);
    }
    const before = await targetRows();
    for (const body of bodies) {
      const again = await inject('POST', '/kpi-targets', { ...body, value: 1 });
      expect(again.statusCode, JSON.stringify(body)).toBe(409);
      expect(again.json().detail).toContain('already has a target');
    }
    expect(await targetRows()).toEqual(before);
  });

  it('refuses a stale version with 409 and keeps the newer value', async () => {
    const target = (
      await inject('POST', '/kpi-targets', {
        activityId: activities.study,
        kpiKey: 'contacts_mapped',
        value: 40,
      })
    ).json();
    expect((await inject('PATCH', `/kpi-targets/${target.id}`, { value: 50, version: 1 })).statusCode).toBe(
      200,
    );
    const stale = await inject('PATCH', `/kpi-targets/${target.id}`, { value: 60, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('changed by someone else');
    expect((await inject('DELETE', `/kpi-targets/${target.id}?version=1`)).statusCode).toBe(409);
    expect((await targetRows()).map((row) => [row.value, row.version])).toEqual([[50, 2]]);
    // Without a version a delete is unconditional.
    expect((await inject('DELETE', `/kpi-targets/${target.id}`)).statusCode).toBe(204);
    expect((await inject('DELETE', `/kpi-targets/${target.id}`)).statusCode).toBe(404);
  });

  describe('refuses bad input with 400 naming the field, writing nothing', () => {
    const cases: [string, () => object, string][] = [
      [
        'an unknown KPI key',
        () => ({ activityId: activities.study, kpiKey: 'smiles', value: 1 }),
        'body.kpiKey',
      ],
      [
        "a KPI the activity's instrument does not have",
        () => ({ activityId: activities.study, kpiKey: 'trainings', value: 1 }),
        'body.kpiKey',
      ],
      [
        'a text KPI (no numeric target)',
        () => ({ activityId: activities.study, kpiKey: 'remarks_on_visited_market', value: 1 }),
        'body.kpiKey',
      ],
      [
        'text for a count',
        () => ({ activityId: activities.study, kpiKey: 'contacts_mapped', value: 'forty' }),
        'body.value',
      ],
      [
        'a negative count',
        () => ({ activityId: activities.study, kpiKey: 'contacts_mapped', value: -1 }),
        'body.value',
      ],
      [
        'a fractional count',
        () => ({ activityId: activities.study, kpiKey: 'contacts_mapped', value: 2.5 }),
        'body.value',
      ],
      [
        'a rating above 5',
        () => ({ activityId: activities.sales, kpiKey: 'customer_satisfaction', value: 6 }),
        'body.value',
      ],
      [
        'money with 3 decimals',
        () => ({ activityId: activities.sales, kpiKey: 'sales_volume_variation', value: 1.005 }),
        'body.value',
      ],
      [
        'a negative money target',
        () => ({ activityId: activities.sales, kpiKey: 'sales_volume_variation', value: -10 }),
        'body.value',
      ],
      [
        'an instrument the plan does not have',
        () => ({ planId, instrumentId: trainingId, kpiKey: 'trainings', value: 2 }),
        'body.instrumentId',
      ],
      [
        'an instrument id that is no instrument',
        () => ({ planId, instrumentId: 'no-such-instrument', kpiKey: 'trainings', value: 2 }),
        'body.instrumentId',
      ],
      [
        'a KPI of another instrument on a plan instrument',
        () => ({ planId, instrumentId: studyVisitsId, kpiKey: 'new_customers', value: 2 }),
        'body.kpiKey',
      ],
      [
        "an instrument's KPI as a Hub KPI of the plan",
        () => ({ planId, instrumentId: null, kpiKey: 'contacts_mapped', value: 2 }),
        'body.kpiKey',
      ],
      [
        'a Hub KPI on a plan instrument',
        () => ({ planId, instrumentId: studyVisitsId, kpiKey: 'held_activities', value: 2 }),
        'body.kpiKey',
      ],
      [
        'both an activity and a plan',
        () => ({
          activityId: activities.study,
          planId,
          instrumentId: null,
          kpiKey: 'held_activities',
          value: 1,
        }),
        'body.activityId',
      ],
      ['neither an activity nor a plan', () => ({ kpiKey: 'held_activities', value: 1 }), 'body.activityId'],
      [
        'a plan without instrumentId',
        () => ({ planId, kpiKey: 'held_activities', value: 1 }),
        'body.instrumentId',
      ],
      [
        'an activity with an instrumentId',
        () => ({ activityId: activities.study, instrumentId: null, kpiKey: 'held_activities', value: 1 }),
        'body.instrumentId',
      ],
      ['no value', () => ({ activityId: activities.study, kpiKey: 'contacts_mapped' }), 'body.value'],
    ];
    it.each(cases)('%s', async (_name, body, field) => {
      const res = await inject('POST', '/kpi-targets', body());
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(res)).toContain(field);
      expect(await targetRows()).toEqual([]);
    });

    it('malformed JSON and oversized ids or keys', async () => {
      const malformed = await t.app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${slug}/kpi-targets`,
        headers: { ...coordinator.headers, 'content-type': 'application/json' },
        payload: '{"activityId": ',
      });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.headers['content-type']).toContain('application/problem+json');
      const longKey = await inject('POST', '/kpi-targets', {
        activityId: activities.study,
        kpiKey: 'k'.repeat(101),
        value: 1,
      });
      expect(fieldsOf(longKey)).toEqual(['body.kpiKey']);
      const longId = await inject('POST', '/kpi-targets', {
        activityId: 'a'.repeat(101),
        kpiKey: 'x',
        value: 1,
      });
      expect(fieldsOf(longId)).toEqual(['body.activityId']);
      expect(
        (await inject('PATCH', `/kpi-targets/${'t'.repeat(101)}`, { value: 1, version: 1 })).statusCode,
      ).toBe(400);
      expect(await targetRows()).toEqual([]);
    });

    it('an unknown field, a wrong value on edit, a list without scope', async () => {
      const unknown = await inject('POST', '/kpi-targets', {
        activityId: activities.study,
        kpiKey: 'contacts_mapped',
        value: 1,
        colour: 'red',
      });
      expect(unknown.statusCode).toBe(400);
      const target = (
        await inject('POST', '/kpi-targets', {
          activityId: activities.study,
          kpiKey: 'contacts_mapped',
          value: 40,
        })
      ).json();
      const negative = await inject('PATCH', `/kpi-targets/${target.id}`, { value: -3, version: 1 });
      expect(negative.statusCode).toBe(400);
      expect(fieldsOf(negative)).toEqual(['body.value']);
      const noVersion = await inject('PATCH', `/kpi-targets/${target.id}`, { value: 3 });
      expect(fieldsOf(noVersion)).toEqual(['body.version']);
      expect((await targetRows()).map((row) => [row.value, row.version])).toEqual([[40, 1]]);
      const unscoped = await inject('GET', '/kpi-targets');
      expect(unscoped.statusCode).toBe(400);
      expect(fieldsOf(unscoped)).toEqual(['query.activityId']);
    });
  });

  it("answers 404 for another workspace's activity, plan and target, changing nothing", async () => {
    const other = await factory.workspace('Elsewhere');
    const theirActivity = await planning.activityRow(other.id, { instrumentKey: 'study-visits' });
    const theirPlan = await planning.planRow(other.id);
    await kpiRows.planInstrument(theirPlan.id, 'study-visits');
    const theirTarget = await planning.kpiTargetRow(other.id, {
      activity_id: theirActivity.id,
      kpi_key: 'held_activities',
      value: 7,
    });

    const onActivity = await inject('POST', '/kpi-targets', {
      activityId: theirActivity.id,
      kpiKey: 'contacts_mapped',
      value: 1,
    });
    expect(onActivity.statusCode).toBe(404);
    expect(fieldsOf(onActivity)).toEqual(['body.activityId']);
    const onPlan = await inject('POST', '/kpi-targets', {
      planId: theirPlan.id,
      instrumentId: studyVisitsId,
      kpiKey: 'contacts_mapped',
      value: 1,
    });
    expect(onPlan.statusCode).toBe(404);
    expect(fieldsOf(onPlan)).toEqual(['body.planId']);
    expect((await inject('GET', `/kpi-targets?activityId=${theirActivity.id}`)).statusCode).toBe(404);
    expect((await inject('GET', `/kpi-targets?planId=${theirPlan.id}`)).statusCode).toBe(404);
    expect(
      (await inject('PATCH', `/kpi-targets/${theirTarget.id}`, { value: 9, version: 1 })).statusCode,
    ).toBe(404);
    expect((await inject('DELETE', `/kpi-targets/${theirTarget.id}`)).statusCode).toBe(404);

    expect(await targetRows()).toEqual([]);
    const theirs = await t.database.db
      .selectFrom('kpi_target')
      .select(['value', 'version'])
      .where('workspace_id', '=', other.id)
      .execute();
    expect(theirs).toEqual([{ value: 7, version: 1 }]);
  });

  it("lets a cluster manager set targets of its own cluster's activities and plans only", async () => {
    const manager = await factory.memberWithToken(workspaceId, 'cluster_manager', clusterId);
    const otherCluster = await factory.cluster(workspaceId);
    const stranger = await factory.memberWithToken(workspaceId, 'cluster_manager', otherCluster.id);
    const activityBody = { activityId: activities.study, kpiKey: 'contacts_mapped', value: 10 };
    const planBody = { planId, instrumentId: null, kpiKey: 'held_activities', value: 4 };

    expect((await inject('POST', '/kpi-targets', activityBody, stranger.headers)).statusCode).toBe(403);
    expect((await inject('POST', '/kpi-targets', planBody, stranger.headers)).statusCode).toBe(403);
    expect(await targetRows()).toEqual([]);
    const own = await inject('POST', '/kpi-targets', activityBody, manager.headers);
    expect(own.statusCode, own.body).toBe(201);
    expect((await inject('POST', '/kpi-targets', planBody, manager.headers)).statusCode).toBe(201);
    expect(
      (await inject('PATCH', `/kpi-targets/${own.json().id}`, { value: 11, version: 1 }, stranger.headers))
        .statusCode,
    ).toBe(403);
    expect(
      (await inject('DELETE', `/kpi-targets/${own.json().id}`, undefined, stranger.headers)).statusCode,
    ).toBe(403);

    // A plan of an unowned market is the coordinators'.
    const unowned = await planning.planRow(workspaceId);
    const unownedBody = { planId: unowned.id, instrumentId: null, kpiKey: 'held_activities', value: 1 };
    expect((await inject('POST', '/kpi-targets', unownedBody, manager.headers)).statusCode).toBe(403);
    const viewer = await factory.memberWithToken(workspaceId, 'viewer');
    expect((await inject('POST', '/kpi-targets', unownedBody, viewer.headers)).statusCode).toBe(403);
    expect(
      (await inject('GET', `/kpi-targets?planId=${planId}`, undefined, viewer.headers)).json().items,
    ).toHaveLength(1);
  });

  it('hides targets of actual costs from roles that do not see costs', async () => {
    await inject('POST', '/kpi-targets', {
      activityId: activities.study,
      kpiKey: 'actual_costs',
      value: 900,
    });
    await inject('POST', '/kpi-targets', {
      activityId: activities.study,
      kpiKey: 'held_activities',
      value: 1,
    });
    const member = await factory.memberWithToken(workspaceId, 'mentor');
    const keys = async (headers: Headers) =>
      (await inject('GET', `/kpi-targets?activityId=${activities.study}`, undefined, headers))
        .json()
        .items.map((i: { kpiKey: string }) => i.kpiKey);
    expect(await keys(coordinator.headers)).toEqual(['actual_costs', 'held_activities']);
    expect(await keys(member.headers)).toEqual(['held_activities']);
  });
});
