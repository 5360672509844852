import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { signIn } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { seedDemo } from '../../app/seed-demo.ts';
import { DEMO_PASSWORD, DEMO_WORKSPACE_SLUG } from './seed-demo.ts';
import { DEMO_CUSTOM_INSTRUMENT } from './seed-demo-instruments.ts';
import { DEMO_PIPELINE_STAGES } from './seed-demo-pipeline.ts';

describe.each(testDialects())('demo workspace on %s', (kind) => {
  let t: TestApp;
  /** The accounts `seedDemo` reports, which the start log prints (`space2id serve`). */
  let printed: { email: string; role: string }[] = [];
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is created on an empty database: 8 clusters in 6 countries and users who can sign in', async () => {
    const result = await seedDemo(t.database.db);
    expect(result.created).toBe(true);
    printed = result.users;
    const coordinator = result.users.find((u) => u.role === 'coordinator');
    const { cookie } = await signIn(t.app, coordinator?.email ?? '', DEMO_PASSWORD);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${DEMO_WORKSPACE_SLUG}/clusters`,
      headers: { cookie },
    });
    const clusters = res.json().items as { country: string }[];
    expect(clusters).toHaveLength(8);
    expect(new Set(clusters.map((c) => c.country)).size).toBe(6);
    const settings = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${DEMO_WORKSPACE_SLUG}/settings`,
      headers: { cookie },
    });
    expect(settings.json()).toMatchObject({
      currency: 'EUR',
      timeZone: 'Europe/Brussels',
      languages: ['en', 'fr', 'es', 'it', 'el', 'pl'],
      fiscalYearStartMonth: 1,
    });
    // The demo coordinator is not the instance operator.
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.json().operator).toBe(false);
  });

  it('has its accounts, as the start log prints them, in the README’s quick start', async () => {
    expect(printed.length).toBeGreaterThanOrEqual(4);
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    const quickStart = readme.slice(
      readme.indexOf('## Quick start'),
      readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1),
    );
    expect(quickStart).toContain(DEMO_PASSWORD);
    for (const { email, role } of printed) expect(quickStart, `${email} (${role})`).toContain(`\`${email}\``);
  });

  it('has about 60 member organisations over the 8 clusters, about 80 people, and a member who edits its own', async () => {
    const db = t.database.db;
    const organisations = await db.selectFrom('organisation').selectAll().execute();
    expect(organisations.length).toBeGreaterThanOrEqual(55);
    expect(new Set(organisations.map((o) => o.cluster_id)).size).toBe(8);
    const markets = new Set(organisations.flatMap((o) => JSON.parse(o.target_market_interests) as string[]));
    expect(
      [...markets].every((m) => ['CN', 'AE', 'CA', 'CO', 'CL', 'JP', 'US', 'BR', 'IN'].includes(m)),
    ).toBe(true);
    expect(new Set(organisations.map((o) => o.type)).size).toBeGreaterThanOrEqual(3);
    const people = await db.selectFrom('person').selectAll().execute();
    expect(people.length).toBeGreaterThanOrEqual(75);
    expect(people.every((p) => p.email === null || /@[a-z0-9.-]+\.example$/.test(p.email))).toBe(true);

    const { cookie, csrfToken } = await signIn(t.app, 'member@demo.space2id.example', DEMO_PASSWORD);
    const base = `/api/v1/workspaces/${DEMO_WORKSPACE_SLUG}/organisations`;
    const list = await t.app.inject({ method: 'GET', url: `${base}?limit=200`, headers: { cookie } });
    expect(list.json().items).toHaveLength(organisations.length);
    const membership = await db
      .selectFrom('membership')
      .innerJoin('app_user', 'app_user.id', 'membership.user_id')
      .select('membership.organisation_id')
      .where('app_user.email', '=', 'member@demo.space2id.example')
      .executeTakeFirstOrThrow();
    const own = organisations.find((o) => o.id === membership.organisation_id);
    const other = organisations.find((o) => o.id !== membership.organisation_id);
    if (!own || !other) throw new Error('the demo member has no organisation');
    const edit = (id: string, version: number) =>
      t.app.inject({
        method: 'PATCH',
        url: `${base}/${id}`,
        headers: { cookie, 'x-csrf-token': csrfToken },
        payload: { version, offers: 'Edited by the demo member' },
      });
    expect((await edit(own.id, own.version)).statusCode).toBe(200);
    expect((await edit(other.id, other.version)).statusCode).toBe(403);
  });

  it('has one custom instrument, the training adapted to 6 days, planned once and estimated from its model', async () => {
    const { cookie } = await signIn(t.app, 'coordinator@demo.space2id.example', DEMO_PASSWORD);
    const base = `/api/v1/workspaces/${DEMO_WORKSPACE_SLUG}`;
    const get = async (path: string) =>
      (await t.app.inject({ method: 'GET', url: `${base}${path}`, headers: { cookie } })).json();
    const custom = (await get('/instruments')).items.filter((i: { origin: string }) => i.origin === 'custom');
    expect(custom).toHaveLength(1);
    expect(custom[0]).toMatchObject({
      key: DEMO_CUSTOM_INSTRUMENT.key,
      basedOn: 'training-to-go-international',
      budget: { items: [{ kind: 'effort_days_per_unit', days: 6 }] },
    });
    const activities = (await get(`/activities?instrumentKey=${DEMO_CUSTOM_INSTRUMENT.key}`)).items;
    expect(activities).toHaveLength(1);
    const lines = await t.database.db
      .selectFrom('cost_line')
      .select('effort_centidays')
      .where('activity_id', '=', activities[0].id)
      .execute();
    expect(lines.map((l) => Number(l.effort_centidays))).toEqual([600]);
  });

  it('has a costed programme: 5 target markets, a two-year plan each, 30–60 activities with planned and actual costs', async () => {
    const { cookie } = await signIn(t.app, 'coordinator@demo.space2id.example', DEMO_PASSWORD);
    const get = async (path: string) => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${DEMO_WORKSPACE_SLUG}${path}`,
        headers: { cookie },
      });
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    const markets = (await get('/markets')).items as { country: string; planCount: number }[];
    expect(markets.map((m) => m.country).sort()).toEqual(['AE', 'CA', 'CL', 'CN', 'CO']);
    expect(markets.every((m) => m.planCount === 1)).toBe(true);
    const activities = (await get('/activities?limit=500')).items as {
      status: string;
      instrumentKey: string;
    }[];
    expect(activities.length).toBeGreaterThanOrEqual(30);
    expect(activities.length).toBeLessThanOrEqual(60);
    expect(new Set(activities.map((a) => a.instrumentKey)).size).toBeGreaterThanOrEqual(6);
    const rollup = await get('/budget/rollup?groupBy=market');
    expect(rollup.groups).toHaveLength(5);
    expect(rollup.totals.plannedEur).toBeGreaterThan(100_000);
    expect(rollup.totals.actualEur).toBeGreaterThan(0);
    const studyVisit = await t.database.db
      .selectFrom('cost_line')
      .innerJoin('activity', 'activity.id', 'cost_line.activity_id')
      .select(['cost_line.formula', 'cost_line.category'])
      .where('activity.title', 'like', 'Study visit%')
      .where('cost_line.category', '=', 'travel')
      .executeTakeFirstOrThrow();
    expect(studyVisit.formula).toMatch(/travellers? × .* EUR travel = /);
  });

  it('has KPI targets and evidence: attendance, entered values and the figures derived from them', async () => {
    const { cookie } = await signIn(t.app, 'coordinator@demo.space2id.example', DEMO_PASSWORD);
    const get = async (path: string) => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${DEMO_WORKSPACE_SLUG}${path}`,
        headers: { cookie },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const [all] = (await get('/kpis/rollup')).groups;
    const hub = (key: string) =>
      all.kpis.find(
        (k: { kpiKey: string; instrumentId: string | null }) => k.kpiKey === key && k.instrumentId === null,
      );
    const present = await t.database.db
      .selectFrom('activity_participant')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('attendance', '=', 'present')
      .executeTakeFirstOrThrow();
    expect(Number(present.n)).toBeGreaterThan(0);
    expect(hub('present_participants')).toMatchObject({ actual: Number(present.n) });
    expect(hub('present_participants').target).toBeGreaterThan(Number(present.n));
    expect(hub('held_activities').actual).toBeGreaterThan(0);
    expect(hub('held_activities').target).toBeGreaterThan(hub('held_activities').actual);
    const entered = all.kpis.filter(
      (k: { source: string; actual: number | null }) => k.source === 'entered' && k.actual !== null,
    );
    expect(entered.length).toBeGreaterThanOrEqual(3);
    const texts = all.kpis.flatMap((k: { texts: unknown[] }) => k.texts);
    expect(texts.length).toBeGreaterThan(0);
    const records = await get('/kpis/records?kpiKey=present_participants&limit=1');
    expect(records.total).toBe(Number(present.n));
  });

  it("shows on its member's page the activities it took part in and a history of who changed what", async () => {
    const { cookie } = await signIn(t.app, 'member@demo.space2id.example', DEMO_PASSWORD);
    const own = await t.database.db
      .selectFrom('membership')
      .innerJoin('app_user', 'app_user.id', 'membership.user_id')
      .select('membership.organisation_id')
      .where('app_user.email', '=', 'member@demo.space2id.example')
      .executeTakeFirstOrThrow();
    const base = `/api/v1/workspaces/${DEMO_WORKSPACE_SLUG}/organisations/${own.organisation_id}`;
    const activities = (
      await t.app.inject({ method: 'GET', url: `${base}/activities`, headers: { cookie } })
    ).json();
    expect(activities.total).toBeGreaterThanOrEqual(3);
    expect(activities.items[0].participation.length).toBeGreaterThanOrEqual(1);
    const history = (
      await t.app.inject({ method: 'GET', url: `${base}/history`, headers: { cookie } })
    ).json();
    const events = history.items.map((e: { entityType: string; action: string; actor: string }) =>
      [e.entityType, e.action, e.actor].join(' '),
    );
    // The member's own edit (this test file's member edits it too), its creation, and its people's.
    expect(events).toContain('organisation update Mia Member');
    expect(events).toContain('organisation create Clara Coordinator');
    expect(events).toContain('person create Clara Coordinator');
  });

  it('has a partnership pipeline at every stage whose changes count in the KPIs of its activities', async () => {
    const db = t.database.db;
    const relationships = await db.selectFrom('relationship').selectAll().execute();
    expect(relationships.length).toBeGreaterThanOrEqual(100);
    expect(new Set(relationships.map((r) => r.stage))).toEqual(
      new Set(DEMO_PIPELINE_STAGES.map(([stage]) => stage)),
    );
    const changes = await db.selectFrom('relationship_stage_change').selectAll().execute();
    expect(changes.length).toBeGreaterThan(relationships.length * 2);
    // Every history runs forward in time, and its last change is the relationship's stage.
    for (const relationship of relationships) {
      const own = changes
        .filter((c) => c.relationship_id === relationship.id)
        .sort((a, b) => a.changed_on.localeCompare(b.changed_on) || a.id.localeCompare(b.id));
      expect(own[0]?.from_stage).toBeNull();
      expect(own[0]?.changed_on).toBe(relationship.started_on);
      expect(own.at(-1)?.to_stage).toBe(relationship.stage);
    }
    // The trade fairs held count new partners, the study visits potential partners.
    const derived = await db
      .selectFrom('kpi_actual')
      .select(['kpi_key', (eb) => eb.fn.sum<number | string>('value').as('total')])
      .where('kpi_key', 'in', ['new_partners', 'potential_partners_estimated', 'collaborations_sustained'])
      .groupBy('kpi_key')
      .execute();
    const totals = Object.fromEntries(derived.map((row) => [row.kpi_key, Number(row.total)]));
    console.log(
      'TOTALS',
      JSON.stringify(totals),
      JSON.stringify(
        await db
          .selectFrom('relationship_stage_change as c')
          .innerJoin('activity as a', 'a.id', 'c.activity_id')
          .innerJoin('instrument as i', 'i.id', 'a.instrument_id')
          .select(['i.key', 'c.to_stage', (eb) => eb.fn.countAll().as('n')])
          .groupBy(['i.key', 'c.to_stage'])
          .execute(),
      ),
    );
    expect(totals.new_partners).toBeGreaterThan(0);
    expect(totals.potential_partners_estimated).toBeGreaterThan(0);
    expect(totals.collaborations_sustained).toBeGreaterThan(0);
  });

  it('is never created again, nor on a database that has workspaces', async () => {
    expect((await seedDemo(t.database.db)).created).toBe(false);
    const workspaces = await t.database.db.selectFrom('workspace').select('id').execute();
    expect(workspaces).toHaveLength(1);
  });
});
