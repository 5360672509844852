import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { PlanningRows } from '../../../test/support/planning-rows.ts';
import { readinessAnswers, SurveyRows } from '../../../test/support/survey-factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { refreshKpiActuals } from './actuals.ts';

/**
 * A fixture with hand-counted KPIs. Period 2027 (A4 starts in 2026, outside it).
 *
 * | activity | instrument          | plan | cluster | status    | participants (attendance)                 | actual costs  |
 * |----------|---------------------|------|---------|-----------|-------------------------------------------|---------------|
 * | A1 02-01 | training            | P    | C1      | done      | O1 present, O2 present, O3 absent, Pe1 expected | 100 + 50.50 |
 * | A2 03-10 | innovation clubs    | P    | C2      | planned   | O1 present, Pe1 (of O1) present           | —             |
 * | A3 06-01 | training            | —    | C1      | cancelled | —                                         | 20            |
 * | A5 04-01 | study visits        | P    | C1      | done      | —                                         | —             |
 * | A4 2026-12-15 | validation surveys | — | —     | done      | O1 present, Pe1 (of O1) present, O2 present | —           |
 *
 * A4's survey wave (issue 23): responses of O1 (twice), O2 and one anonymous → 2 members participating.
 *
 * Targets: A1 trainings 1, A1 present_participants 5, A2 participants 10, A3 trainings 1 (cancelled:
 * ignored); plan P: training/trainings 3, Hub present_participants 20.
 * Entries: A2 feasible_new_ideas 3 and 2; A4 quality_of_facts 4 and 5; A5 remarks (text).
 */
describe.each(testDialects())('KPI roll-ups on %s', (kind) => {
  let t: TestApp;
  let slug: string;
  let headers: Record<string, string>;
  const ids: Record<string, string> = {};

  const get = async (path: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/workspaces/${slug}${path}`, headers });
    return { status: res.statusCode, body: res.json() };
  };
  const rollup = async (query: string) => {
    const res = await get(`/kpis/rollup?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const kpiOf = (
    group: { kpis: { instrumentId: string | null; kpiKey: string }[] },
    key: string,
    instrument?: string,
  ) => group.kpis.find((k) => k.kpiKey === key && k.instrumentId === (instrument ? ids[instrument] : null));
  const YEAR = 'from=2027-01-01&to=2027-12-31';

  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    const factory = new Factory(db);
    const rows = new PlanningRows(db);
    const workspace = await factory.workspace();
    slug = workspace.slug;
    ids.workspace = workspace.id;
    headers = (await factory.memberWithToken(workspace.id, 'viewer')).headers;
    const instruments = await db
      .selectFrom('instrument')
      .select(['id', 'key'])
      .where('workspace_id', 'is', null)
      .execute();
    for (const i of instruments) ids[i.key] = i.id;
    ids.c1 = (await factory.cluster(workspace.id, { short_name: 'C1' })).id;
    ids.c2 = (await factory.cluster(workspace.id, { short_name: 'C2' })).id;
    ids.o1 = (await factory.organisation(workspace.id, ids.c1)).id;
    ids.o2 = (await factory.organisation(workspace.id, ids.c1)).id;
    ids.o3 = (await factory.organisation(workspace.id, ids.c2)).id;
    ids.pe1 = (await factory.person(workspace.id, ids.o1)).id;
    ids.market = (await rows.marketRow(workspace.id, { name: 'Japan', country: 'JP' })).id;
    ids.plan = (
      await rows.planRow(workspace.id, {
        market_id: ids.market,
        starts_on: '2027-01-01',
        ends_on: '2027-12-31',
      })
    ).id;
    const activity = async (name: string, instrumentKey: string, values: Record<string, unknown>) => {
      ids[name] = (await rows.activityRow(workspace.id, { instrumentKey, title: name, ...values })).id;
    };
    await activity('A1', 'training-to-go-international', {
      plan_id: ids.plan,
      cluster_id: ids.c1,
      status: 'done',
      starts_on: '2027-02-01',
      ends_on: '2027-02-01',
    });
    await activity('A2', 'innovation-clubs', {
      plan_id: ids.plan,
      cluster_id: ids.c2,
      starts_on: '2027-03-10',
      ends_on: '2027-03-10',
    });
    await activity('A3', 'training-to-go-international', {
      cluster_id: ids.c1,
      status: 'cancelled',
      starts_on: '2027-06-01',
      ends_on: '2027-06-01',
    });
    await activity('A5', 'study-visits', {
      plan_id: ids.plan,
      cluster_id: ids.c1,
      status: 'done',
      starts_on: '2027-04-01',
      ends_on: '2027-04-03',
    });
    await activity('A4', 'validation-surveys', {
      status: 'done',
      starts_on: '2026-12-15',
      ends_on: '2026-12-15',
    });

    const present = 'present' as const;
    await rows.participantRow(ids.A1 as string, { organisation_id: ids.o1, attendance: present });
    await rows.participantRow(ids.A1 as string, { organisation_id: ids.o2, attendance: present });
    await rows.participantRow(ids.A1 as string, { organisation_id: ids.o3, attendance: 'absent' });
    await rows.participantRow(ids.A1 as string, { person_id: ids.pe1 });
    await rows.participantRow(ids.A2 as string, { organisation_id: ids.o1, attendance: present });
    await rows.participantRow(ids.A2 as string, { person_id: ids.pe1, attendance: present });
    await rows.participantRow(ids.A4 as string, { organisation_id: ids.o1, attendance: present });
    await rows.participantRow(ids.A4 as string, { person_id: ids.pe1, attendance: present });
    await rows.participantRow(ids.A4 as string, { organisation_id: ids.o2, attendance: present });
    const surveys = new SurveyRows(db);
    const questionnaire = await surveys.questionnaire(workspace.id);
    const wave = await surveys.wave(workspace.id, questionnaire.id, { activity_id: ids.A4 as string });
    for (const organisation of [ids.o1, ids.o1, ids.o2, null]) {
      await surveys.response(workspace.id, wave.id, readinessAnswers(3), {
        organisation_id: organisation ?? null,
      });
    }
    const actual = { kind: 'actual' as const, incurred_on: '2027-02-01' };
    await rows.costLineRow(workspace.id, ids.A1 as string, { ...actual, amount_cents: 10_000 });
    await rows.costLineRow(workspace.id, ids.A1 as string, { ...actual, amount_cents: 5_050 });
    await rows.costLineRow(workspace.id, ids.A1 as string, { amount_cents: 99_900 }); // planned: not a cost
    await rows.costLineRow(workspace.id, ids.A3 as string, { ...actual, amount_cents: 2_000 });

    const ws = workspace.id;
    await rows.kpiTargetRow(ws, { activity_id: ids.A1, kpi_key: 'trainings', value: 1 });
    await rows.kpiTargetRow(ws, { activity_id: ids.A1, kpi_key: 'present_participants', value: 5 });
    await rows.kpiTargetRow(ws, { activity_id: ids.A2, kpi_key: 'participants', value: 10 });
    await rows.kpiTargetRow(ws, { activity_id: ids.A3, kpi_key: 'trainings', value: 1 });
    await rows.kpiTargetRow(ws, {
      plan_id: ids.plan,
      instrument_id: ids['training-to-go-international'],
      kpi_key: 'trainings',
      value: 3,
    });
    await rows.kpiTargetRow(ws, { plan_id: ids.plan, kpi_key: 'present_participants', value: 20 });
    await rows.kpiEntryRow(ws, ids.A2 as string, { kpi_key: 'feasible_new_ideas', value_number: 3 });
    await rows.kpiEntryRow(ws, ids.A2 as string, { kpi_key: 'feasible_new_ideas', value_number: 2 });
    await rows.kpiEntryRow(ws, ids.A4 as string, { kpi_key: 'quality_of_facts', value_number: 4 });
    await rows.kpiEntryRow(ws, ids.A4 as string, { kpi_key: 'quality_of_facts', value_number: 5 });
    await rows.kpiEntryRow(ws, ids.A5 as string, {
      kpi_key: 'remarks_on_visited_market',
      value_text: 'Strong demand for CubeSat parts',
      recorded_on: '2027-04-04',
    });
    // The writing use cases refresh derived values; rows written straight to the tables need it here.
    await refreshKpiActuals(
      db,
      ['A1', 'A2', 'A3', 'A4', 'A5'].map((name) => ids[name] as string),
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('GET /kpis/rollup', () => {
    it('should sum counts and money over the workspace, with plan targets replacing their activities’', async () => {
      const body = await rollup(YEAR);
      expect(body.activities).toBe(4);
      const [all] = body.groups;
      expect(all).toMatchObject({ key: 'workspace', activities: 4 });
      expect(kpiOf(all, 'held_activities')).toMatchObject({ actual: 2, target: null, source: 'derived' });
      expect(kpiOf(all, 'present_participants')).toMatchObject({ actual: 4, target: 20, progress: 0.2 });
      expect(kpiOf(all, 'actual_costs')).toMatchObject({ actual: 170.5, kind: 'money' });
      expect(kpiOf(all, 'trainings', 'training-to-go-international')).toMatchObject({ actual: 1, target: 3 });
      expect(kpiOf(all, 'participants', 'innovation-clubs')).toMatchObject({ actual: 2, target: 10 });
      expect(kpiOf(all, 'feasible_new_ideas', 'innovation-clubs')).toMatchObject({
        actual: 5,
        source: 'entered',
        rule: null,
      });
      // Derived from the pipeline since issue 21: no relationship reached "collaborating" here.
      expect(kpiOf(all, 'new_collaborations', 'innovation-clubs')).toMatchObject({
        actual: 0,
        target: null,
        source: 'derived',
      });
    });

    it('should list text KPIs instead of summing them', async () => {
      const [all] = (await rollup(YEAR)).groups;
      expect(kpiOf(all, 'remarks_on_visited_market', 'study-visits')).toMatchObject({
        actual: null,
        texts: [{ activityId: ids.A5, value: 'Strong demand for CubeSat parts', recordedOn: '2027-04-04' }],
      });
    });

    it('should count distinct member organisations that answered and average ratings', async () => {
      const [all] = (await rollup('from=2026-12-01&to=2026-12-31')).groups;
      expect(kpiOf(all, 'members_participating', 'validation-surveys')).toMatchObject({ actual: 2 });
      expect(kpiOf(all, 'quality_of_facts', 'validation-surveys')).toMatchObject({
        actual: 4.5,
        kind: 'rating',
      });
      expect(kpiOf(all, 'present_participants')).toMatchObject({ actual: 3 });
    });

    it('should use activity targets when grouped by activity', async () => {
      const body = await rollup(`${YEAR}&groupBy=activity`);
      expect(body.groups.map((g: { label: string }) => g.label)).toEqual(['A1', 'A2', 'A5', 'A3']);
      const a1 = body.groups.find((g: { key: string }) => g.key === ids.A1);
      expect(kpiOf(a1, 'present_participants')).toMatchObject({ actual: 2, target: 5, progress: 0.4 });
      const a3 = body.groups.find((g: { key: string }) => g.key === ids.A3);
      expect(kpiOf(a3, 'trainings', 'training-to-go-international')).toMatchObject({
        actual: 0,
        target: null,
      });
      expect(kpiOf(a3, 'actual_costs')).toMatchObject({ actual: 20 });
    });

    it('should group by market with the country, standalone activities apart', async () => {
      const body = await rollup(`${YEAR}&groupBy=market`);
      expect(body.groups.map((g: { key: string | null }) => g.key)).toEqual([ids.market, null]);
      const [japan, none] = body.groups;
      expect(japan).toMatchObject({ label: 'Japan', country: 'JP', activities: 3 });
      expect(kpiOf(japan, 'present_participants')).toMatchObject({ actual: 4, target: 20 });
      expect(none).toMatchObject({ country: null, activities: 1 });
      expect(kpiOf(none, 'actual_costs')).toMatchObject({ actual: 20 });
    });

    it('should group by instrument and by phase in catalogue order', async () => {
      const byInstrument = await rollup(`${YEAR}&groupBy=instrument`);
      expect(byInstrument.groups.map((g: { key: string }) => g.key)).toEqual([
        ids['training-to-go-international'],
        ids['study-visits'],
        ids['innovation-clubs'],
      ]);
      const training = byInstrument.groups[0];
      expect(kpiOf(training, 'trainings', 'training-to-go-international')).toMatchObject({
        actual: 1,
        target: 3,
      });
      // A plan target on a Hub-wide KPI belongs to no single instrument.
      expect(kpiOf(training, 'present_participants')).toMatchObject({ actual: 2, target: null });
      const byPhase = await rollup(`${YEAR}&groupBy=phase`);
      expect(byPhase.groups.map((g: { key: string }) => g.key)).toEqual(['preparatory']);
      expect(byPhase.groups[0]).toMatchObject({ activities: 4 });
    });

    it('should group by cluster with activity targets only', async () => {
      const body = await rollup(`${YEAR}&groupBy=cluster`);
      const c1 = body.groups.find((g: { key: string }) => g.key === ids.c1);
      expect(c1).toMatchObject({ activities: 3 });
      expect(kpiOf(c1, 'present_participants')).toMatchObject({ actual: 2, target: 5 });
      expect(kpiOf(c1, 'trainings', 'training-to-go-international')).toMatchObject({ actual: 1, target: 1 });
    });

    it('should hide money spent from roles that see no costs', async () => {
      const member = (await new Factory(t.database.db).memberWithToken(ids.workspace as string, 'mentor'))
        .headers;
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${slug}/kpis/rollup?${YEAR}`,
        headers: member,
      });
      expect(res.statusCode).toBe(200);
      const [all] = res.json().groups;
      expect(kpiOf(all, 'held_activities')).toMatchObject({ actual: 2 });
      expect(kpiOf(all, 'actual_costs')).toBeUndefined();
      const records = await t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${slug}/kpis/records?kpiKey=actual_costs`,
        headers: member,
      });
      expect(records.statusCode).toBe(403);
    });

    it('should answer an empty period with no groups', async () => {
      const body = await rollup('from=2030-01-01&to=2030-12-31');
      expect(body).toMatchObject({ activities: 0, groups: [] });
    });

    it('should refuse a period that ends before it starts, naming `to`', async () => {
      const res = await get('/kpis/rollup?from=2027-12-31&to=2027-01-01');
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'query.to' })]);
    });

    it('should refuse an unknown grouping and a malformed date', async () => {
      expect((await get('/kpis/rollup?groupBy=galaxy')).status).toBe(400);
      const res = await get('/kpis/rollup?from=2027-02-30');
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toContain('from');
    });
  });

  describe('GET /kpis/rollups', () => {
    const ALL = ['workspace', 'activity', 'instrument', 'phase', 'market', 'cluster'];

    it('should answer each grouping exactly as /kpis/rollup does for it alone, in the order asked', async () => {
      const scopes = [
        YEAR,
        '',
        'from=2026-12-01&to=2026-12-31',
        `${YEAR}&clusterId=${ids.c1}`,
        `marketId=${ids.market}`,
        `planId=${ids.plan}&instrumentId=${ids['training-to-go-international']}`,
      ];
      for (const scope of scopes) {
        for (const groupings of [ALL, ['market', 'workspace', 'phase'], ['cluster']]) {
          const res = await get(`/kpis/rollups?groupBy=${groupings.join(',')}&${scope}`);
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          expect(res.body.items).toHaveLength(groupings.length);
          for (const [index, groupBy] of groupings.entries()) {
            expect(res.body.items[index], `${groupBy} ${scope}`).toEqual(
              await rollup(`groupBy=${groupBy}&${scope}`),
            );
          }
        }
      }
    });

    it('should hide money spent from roles that see no costs, in every grouping', async () => {
      const mentor = (await new Factory(t.database.db).memberWithToken(ids.workspace as string, 'mentor'))
        .headers;
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${slug}/kpis/rollups?groupBy=${ALL.join(',')}&${YEAR}`,
        headers: mentor,
      });
      expect(res.statusCode).toBe(200);
      const kpis = res
        .json()
        .items.flatMap((r: { groups: { kpis: { kpiKey: string }[] }[] }) =>
          r.groups.flatMap((g) => g.kpis.map((k) => k.kpiKey)),
        );
      expect(kpis).toContain('held_activities');
      expect(kpis).not.toContain('actual_costs');
    });

    it('should refuse an unknown, repeated or missing grouping, naming groupBy', async () => {
      for (const groupBy of ['galaxy', 'workspace,galaxy', 'phase,phase', '', 'workspace,', ',market']) {
        const res = await get(`/kpis/rollups?groupBy=${groupBy}&${YEAR}`);
        expect(res.status, groupBy).toBe(400);
        expect(res.body.errors, groupBy).toEqual([expect.objectContaining({ field: 'query.groupBy' })]);
      }
      expect((await get(`/kpis/rollups?${YEAR}`)).status).toBe(400);
    });

    it('should refuse a period that ends before it starts, naming `to`', async () => {
      const res = await get('/kpis/rollups?groupBy=workspace&from=2027-12-31&to=2027-01-01');
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'query.to' })]);
    });
  });

  describe('GET /kpis/records', () => {
    const records = async (query: string) => {
      const res = await get(`/kpis/records?${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };

    it('should list the participants behind "participants present", page by page', async () => {
      const first = await records(`${YEAR}&kpiKey=present_participants&limit=3`);
      expect(first.kpi).toMatchObject({ kpiKey: 'present_participants', rule: 'participants_present' });
      expect(first.kpi.ruleDescription).toContain('present');
      expect(first.total).toBe(4);
      expect(first.records).toHaveLength(3);
      expect(first.records.every((r: { type: string }) => r.type === 'participant')).toBe(true);
      const second = await records(`${YEAR}&kpiKey=present_participants&limit=3&cursor=${first.nextCursor}`);
      expect(second.records).toHaveLength(1);
      expect(second.nextCursor).toBeNull();
      const activities = [...first.records, ...second.records].map(
        (r: { activityId: string }) => r.activityId,
      );
      expect(activities.sort()).toEqual([ids.A1, ids.A1, ids.A2, ids.A2].sort());
      // Roles in words, never their codes.
      for (const record of [...first.records, ...second.records]) {
        expect(record.description).toMatch(
          / \((participant|speaker|organiser|trainer|host|mentor|mentee|representative)\), present$/,
        );
      }
    });

    it('should narrow to one group of a roll-up, `none` being the group without a market', async () => {
      const japan = await records(`${YEAR}&kpiKey=actual_costs&groupBy=market&groupKey=${ids.market}`);
      expect(japan.total).toBe(2);
      expect(japan.records.map((r: { value: number }) => r.value).sort()).toEqual([100, 50.5].sort());
      const none = await records(`${YEAR}&kpiKey=actual_costs&groupBy=market&groupKey=none`);
      expect(none.records).toEqual([
        expect.objectContaining({ type: 'cost_line', activityId: ids.A3, value: 20 }),
      ]);
      // The category in words ("travel", "staff effort"), never its code.
      for (const record of [...japan.records, ...none.records]) {
        expect(record.description).not.toMatch(/_/);
        expect(record.description).toMatch(/\([a-z &]+\)$/);
      }
    });

    it('should list held activities for an instrument’s derived KPI', async () => {
      const body = await records(
        `${YEAR}&kpiKey=trainings&instrumentId=${ids['training-to-go-international']}`,
      );
      expect(body.total).toBe(1);
      expect(body.records[0]).toMatchObject({ type: 'activity', activityId: ids.A1, value: 1 });
    });

    it('should list distinct organisations that answered for members participating', async () => {
      const body = await records(
        `from=2026-12-01&to=2026-12-31&kpiKey=members_participating&instrumentId=${ids['validation-surveys']}`,
      );
      expect(body.total).toBe(2);
    });

    it('should list the entries of an entered KPI', async () => {
      const body = await records(`${YEAR}&kpiKey=feasible_new_ideas&instrumentId=${ids['innovation-clubs']}`);
      expect(body.kpi.source).toBe('entered');
      expect(body.records.map((r: { value: number }) => r.value).sort()).toEqual([2, 3]);
      expect(body.records[0]).toMatchObject({ type: 'entry', activityId: ids.A2 });
    });

    it('should refuse an unknown KPI key, naming it', async () => {
      const res = await get(`/kpis/records?${YEAR}&kpiKey=happiness`);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'query.kpiKey' })]);
      const ofInstrument = await get(`/kpis/records?kpiKey=trainings`);
      expect(ofInstrument.status).toBe(400);
      expect(ofInstrument.body.errors[0].message).toContain('instrumentId');
    });

    it('should answer 404 for an unknown instrument', async () => {
      const res = await get('/kpis/records?kpiKey=trainings&instrumentId=nope');
      expect(res.status).toBe(404);
    });
  });

  describe('GET /kpis/definitions', () => {
    it('should tell derived KPIs from entered ones', async () => {
      const res = await get(`/kpis/definitions?instrumentId=${ids['innovation-clubs']}`);
      expect(res.status).toBe(200);
      expect(
        res.body.items.map((k: { kpiKey: string; source: string }) => `${k.kpiKey}:${k.source}`),
      ).toEqual([
        'held_activities:derived',
        'present_participants:derived',
        'actual_costs:derived',
        'participants:derived',
        'feasible_new_ideas:entered',
        'new_collaborations:derived',
      ]);
    });
  });

  describe('derived values follow their records', () => {
    it('should move "actual costs" when an actual cost line is added through the API', async () => {
      const coordinator = (
        await new Factory(t.database.db).memberWithToken(ids.workspace as string, 'coordinator')
      ).headers;
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${slug}/activities/${ids.A5}/cost-lines`,
        headers: coordinator,
        payload: {
          kind: 'actual',
          category: 'travel',
          fundingSource: 'cluster',
          description: 'Train',
          amountEur: 12.25,
          effortDays: 0,
          incurredOn: '2026-11-01',
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      const [all] = (await rollup(YEAR)).groups;
      expect(kpiOf(all, 'actual_costs')).toMatchObject({ actual: 182.75 });
      const del = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/workspaces/${slug}/cost-lines/${res.json().id}?version=1`,
        headers: coordinator,
      });
      expect(del.statusCode, del.body).toBe(204);
      const [after] = (await rollup(YEAR)).groups;
      expect(kpiOf(after, 'actual_costs')).toMatchObject({ actual: 170.5 });
    });
  });
});
