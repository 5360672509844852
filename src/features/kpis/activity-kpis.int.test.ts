import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { KpiRows } from '../../../test/support/kpi-rows.ts';
import { PlanningRows } from '../../../test/support/planning-rows.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { refreshKpiActuals } from './actuals.ts';

type Headers = Record<string, string>;
interface Item {
  kpiKey: string;
  actual: number | null;
  target: { value: number } | null;
  entries: { value: number | string }[];
}

describe.each(testDialects())('activity KPIs API on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let planning: PlanningRows;
  let kpiRows: KpiRows;
  let slug: string;
  let workspaceId: string;
  let coordinator: { headers: Headers; user: { id: string; name: string } };
  let surveyId: string;

  const get = (activityId: string, headers: Headers = coordinator.headers) =>
    t.app.inject({ method: 'GET', url: `/api/v1/workspaces/${slug}/activities/${activityId}/kpis`, headers });
  const post = (path: string, payload: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${slug}${path}`,
      headers: coordinator.headers,
      payload,
    });
  const byKey = (items: Item[]) => new Map(items.map((item) => [item.kpiKey, item]));

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    planning = new PlanningRows(t.database.db);
    kpiRows = new KpiRows(t.database.db);
    surveyId = await kpiRows.instrumentId('market-surveys-study');
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    coordinator = await factory.memberWithToken(workspaceId, 'coordinator');
  });
  afterAll(async () => {
    await t?.close();
  });

  it("lists the Hub's KPIs then the instrument's, each with its source, target, actual and entries", async () => {
    const activity = await planning.activityRow(workspaceId, {
      instrumentKey: 'market-surveys-study',
      status: 'done',
    });
    const cluster = await factory.cluster(workspaceId);
    // Three participants, two marked present: present_participants is 2.
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const organisation = await factory.organisation(workspaceId, cluster.id);
      ids.push(
        (
          await post(`/activities/${activity.id}/participants`, {
            organisationId: organisation.id,
            role: 'participant',
          })
        ).json().id,
      );
    }
    for (const id of ids.slice(0, 2)) {
      const marked = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/workspaces/${slug}/activities/${activity.id}/participants/${id}`,
        headers: coordinator.headers,
        payload: { attendance: 'present' },
      });
      expect(marked.statusCode, marked.body).toBe(200);
    }
    await post('/kpi-targets', { activityId: activity.id, kpiKey: 'market_covered', value: 40 });
    await post('/kpi-targets', { activityId: activity.id, kpiKey: 'present_participants', value: 10 });
    const entries = [
      { kpiKey: 'market_covered', value: 5, recordedOn: '2026-03-04', comment: 'Day one' },
      { kpiKey: 'market_covered', value: 7, recordedOn: '2026-03-03' },
      { kpiKey: 'new_knowledge_acquired', value: 'Slow procurement', recordedOn: '2026-03-04' },
    ];
    for (const entry of entries) {
      expect((await post('/kpi-entries', { activityId: activity.id, ...entry })).statusCode).toBe(201);
    }

    const res = await get(activity.id);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items.map((i: Item) => i.kpiKey)).toEqual([
      'held_activities',
      'present_participants',
      'actual_costs',
      'new_knowledge_acquired',
      'market_covered',
      'stakeholder_diversity',
    ]);
    const kpis = byKey(items);
    expect(kpis.get('present_participants')).toEqual({
      instrumentId: null,
      kpiKey: 'present_participants',
      label: 'Participants present',
      kind: 'count',
      unit: 'participants',
      source: 'derived',
      rule: 'participants_present',
      ruleDescription: expect.stringContaining('marked present'),
      target: { id: expect.any(String), value: 10, version: 1 },
      actual: 2,
      entries: [],
    });
    expect(kpis.get('held_activities')).toMatchObject({ source: 'derived', actual: 1, target: null });
    expect(kpis.get('actual_costs')).toMatchObject({ kind: 'money', actual: 0 });
    // Entered by hand: a percentage, its entries averaged.
    const contacts = kpis.get('market_covered');
    expect(contacts).toMatchObject({
      instrumentId: surveyId,
      source: 'entered',
      rule: null,
      ruleDescription: null,
      target: { value: 40 },
      actual: 6,
    });
    // Derived from the respondents of the activity's survey waves (issue 23): none yet.
    expect(kpis.get('stakeholder_diversity')).toMatchObject({
      source: 'derived',
      rule: 'survey_stakeholder_types',
      entries: [],
    });
    // By the day recorded: the 3rd before the 4th.
    expect(contacts?.entries).toEqual([
      expect.objectContaining({ value: 7, recordedOn: '2026-03-03', comment: '' }),
      expect.objectContaining({
        value: 5,
        recordedOn: '2026-03-04',
        comment: 'Day one',
        author: { id: coordinator.user.id, name: coordinator.user.name },
      }),
    ]);
    expect(kpis.get('new_knowledge_acquired')).toMatchObject({
      kind: 'text',
      actual: null,
      entries: [expect.objectContaining({ value: 'Slow procurement' })],
    });
  });

  it('sums counts and money (in EUR), averages ratings, and shows no actual before any value', async () => {
    const activity = await planning.activityRow(workspaceId, {
      instrumentKey: 'sales-marketing-representative',
    });
    const values = [
      ['customer_satisfaction', 4],
      ['customer_satisfaction', 5],
      ['customer_satisfaction', 2.5],
      ['sales_volume_variation', 1_000.5],
      ['sales_volume_variation', -200.25],
    ] as const;
    for (const [kpiKey, value] of values) {
      const res = await post('/kpi-entries', {
        activityId: activity.id,
        kpiKey,
        value,
        recordedOn: '2026-03-04',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const kpis = byKey((await get(activity.id)).json().items);
    // (4 + 5 + 2.5) / 3 = 3.8333…; 1,000.50 − 200.25 = 800.25 EUR.
    expect(kpis.get('customer_satisfaction')?.actual).toBeCloseTo(11.5 / 3, 10);
    expect(kpis.get('sales_volume_variation')?.actual).toBe(800.25);
    expect(kpis.get('new_customers')?.actual).toBeNull();
    // The activity was not held: its derived value is 0.
    expect(kpis.get('held_activities')?.actual).toBe(0);
  });

  it('shows the actual costs in EUR from the stored derived value', async () => {
    const activity = await planning.activityRow(workspaceId, { instrumentKey: 'study-visits' });
    await planning.costLineRow(workspaceId, activity.id, {
      kind: 'actual',
      amount_cents: 123_456,
      incurred_on: '2026-03-02',
    });
    await planning.costLineRow(workspaceId, activity.id, { kind: 'planned', amount_cents: 999_900 });
    await refreshKpiActuals(t.database.db, [activity.id]);
    expect(byKey((await get(activity.id)).json().items).get('actual_costs')?.actual).toBe(1_234.56);
  });

  it('leaves the actual costs out for roles that do not see costs', async () => {
    const activity = await planning.activityRow(workspaceId, { instrumentKey: 'study-visits' });
    const keys = async (role: 'member' | 'mentor' | 'viewer') => {
      const { headers } = await factory.memberWithToken(workspaceId, role);
      const res = await get(activity.id, headers);
      expect(res.statusCode).toBe(200);
      return res.json().items.map((i: Item) => i.kpiKey);
    };
    expect(await keys('mentor')).not.toContain('actual_costs');
    expect(await keys('member')).not.toContain('actual_costs');
    expect(await keys('viewer')).toContain('actual_costs');
  });

  it("answers 404 for another workspace's activity and for an unknown one", async () => {
    const other = await factory.workspace('Elsewhere');
    const theirs = await planning.activityRow(other.id);
    const res = await get(theirs.id);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await get('no-such-activity')).statusCode).toBe(404);
  });
});
