import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { PlanningRows } from '../../../test/support/planning-rows.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { D42_INSTRUMENTS } from '../../domain/catalogue/instruments.ts';
import { estimateBudget, requiredParameters } from '../../domain/planning/budget-estimate.ts';
import { defaultTravelRate } from '../../domain/planning/travel-rates.ts';

type Headers = Record<string, string>;

/** The catalogue's definition of an instrument, as the engine takes it. */
function catalogued(key: string) {
  const found = D42_INSTRUMENTS.find((instrument) => instrument.key === key);
  if (!found) throw new Error(`no instrument ${key}`);
  return found;
}

describe.each(testDialects())('budget estimates API on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let rows: PlanningRows;
  let slug: string;
  let workspaceId: string;
  let coordinator: { headers: Headers };
  let cluster: { id: string; country: string; city: string };
  const inject = (method: 'GET' | 'POST' | 'PUT', path: string, payload?: object, headers?: Headers) =>
    t.app.inject({
      method,
      url: `/api/v1/workspaces/${slug}${path}`,
      headers: headers ?? coordinator.headers,
      ...(payload ? { payload } : {}),
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
    const row = await factory.cluster(workspaceId, { country: 'FR' });
    await t.database.db
      .updateTable('cluster')
      .set({ day_rate_cents: 52_000 })
      .where('id', '=', row.id)
      .execute();
    cluster = { id: row.id, country: row.country, city: row.city };
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('the preview', () => {
    it('estimates 2 training packages as 8 days at the default day rate, writing nothing', async () => {
      const res = await inject('POST', '/estimates', {
        instrumentKey: 'training-to-go-international',
        parameters: { units: 2 },
      });
      expect(res.statusCode, res.body).toBe(200);
      const estimate = res.json();
      expect(estimate).toMatchObject({
        effortDays: 8,
        totalEur: 3600,
        assumptions: { dayRateEur: 450, dayRateSource: 'default', travelRate: null },
      });
      expect(estimate.lines).toEqual([
        expect.objectContaining({ category: 'staff', amountEur: 3600, effortDays: 8 }),
      ]);
      expect(estimate.lines[0].formula).toContain('3,600 EUR');
      const audit = await t.database.db
        .selectFrom('audit_event')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .execute();
      expect(audit).toEqual([]);
    });

    it("takes the cluster's day rate, or the override, and says which", async () => {
      const byCluster = (
        await inject('POST', '/estimates', {
          instrumentKey: '1.1.2',
          parameters: { units: 1 },
          clusterId: cluster.id,
        })
      ).json();
      expect(byCluster).toMatchObject({
        effortDays: 20,
        totalEur: 10_400,
        assumptions: { dayRateEur: 520, dayRateSource: 'cluster' },
      });
      const overridden = (
        await inject('POST', '/estimates', {
          instrumentKey: '1.1.2',
          parameters: { units: 1 },
          clusterId: cluster.id,
          dayRateEur: 400.5,
        })
      ).json();
      expect(overridden).toMatchObject({
        totalEur: 8010,
        assumptions: { dayRateEur: 400.5, dayRateSource: 'override' },
      });
    });

    it("costs travel with the workspace's rate for the destination, else the default from the cluster's home", async () => {
      const parameters = { units: 1, travellers: 3, nights: 4, destination: 'JP' };
      const studyVisits = catalogued('study-visits');
      const byDefault = (
        await inject('POST', '/estimates', {
          instrumentKey: 'study-visits',
          parameters,
          clusterId: cluster.id,
        })
      ).json();
      const defaultRate = defaultTravelRate({ country: 'FR', city: cluster.city }, 'JP');
      const expected = estimateBudget({
        instrument: studyVisits,
        parameters,
        dayRateCents: 52_000,
        travelRate: defaultRate,
      });
      expect(byDefault.totalEur).toBe(expected.totalCents / 100);
      expect(byDefault.effortDays).toBe(expected.effortDays);
      expect(byDefault.assumptions.travelRate).toMatchObject({
        country: 'JP',
        isDefault: true,
        version: null,
      });

      const put = await inject('PUT', '/travel-rates/JP', {
        travelEur: 1500,
        accommodationPerNightEur: 180,
        subsistencePerDayEur: 80,
      });
      expect(put.statusCode, put.body).toBe(200);
      const edited = (
        await inject('POST', '/estimates', {
          instrumentKey: 'study-visits',
          parameters,
          clusterId: cluster.id,
        })
      ).json();
      const expectedEdited = estimateBudget({
        instrument: studyVisits,
        parameters,
        dayRateCents: 52_000,
        travelRate: {
          country: 'JP',
          travelCents: 150_000,
          accommodationPerNightCents: 18_000,
          subsistencePerDayCents: 8_000,
          isDefault: false,
          basis: null,
        },
      });
      expect(edited.totalEur).toBe(expectedEdited.totalCents / 100);
      expect(edited.assumptions.travelRate).toEqual({
        country: 'JP',
        travelEur: 1500,
        accommodationPerNightEur: 180,
        subsistencePerDayEur: 80,
        isDefault: false,
        basis: null,
        version: 1,
      });
      expect(edited.lines.map((l: { formula: string }) => l.formula).join(' ')).toContain('1,500 EUR');
    });

    it('names every parameter the budget model needs and was not sent', async () => {
      for (const key of [
        'study-visits',
        'matchmaking-events',
        'mentoring-follow-up',
        'training-to-go-international',
      ]) {
        const needed = requiredParameters(catalogued(key).budget);
        expect(needed.length, key).toBeGreaterThan(0);
        const res = await inject('POST', '/estimates', { instrumentKey: key, parameters: {} });
        expect(res.statusCode, key).toBe(400);
        expect(
          res
            .json()
            .errors.map((e: { field: string }) => e.field)
            .sort(),
        ).toEqual(needed.map((name) => `body.parameters.${name}`).sort());
      }
      const training = await inject('POST', '/estimates', {
        instrumentKey: 'training-to-go-international',
        parameters: {},
      });
      expect(training.json().errors[0]).toMatchObject({ field: 'body.parameters.units' });
    });

    it.each([
      ['an unknown instrument', { instrumentKey: 'space-tourism', parameters: {} }, 'body.instrumentKey'],
      [
        'an unknown parameter',
        { instrumentKey: '1.1.1', parameters: { units: 1, rockets: 2 } },
        'body.parameters',
      ],
      [
        'a negative number of units',
        { instrumentKey: '1.1.1', parameters: { units: -1 } },
        'body.parameters.units',
      ],
      [
        'a fractional number of units',
        { instrumentKey: '1.1.1', parameters: { units: 1.5 } },
        'body.parameters.units',
      ],
      [
        'an absurd number of months',
        { instrumentKey: '1.1.4', parameters: { months: 10_000 } },
        'body.parameters.months',
      ],
      [
        'a destination name',
        { instrumentKey: '1.1.3', parameters: { destination: 'Japan' } },
        'body.parameters.destination',
      ],
      [
        'a negative day rate',
        { instrumentKey: '1.1.1', parameters: { units: 1 }, dayRateEur: -5 },
        'body.dayRateEur',
      ],
      [
        'a day rate with 3 decimals',
        { instrumentKey: '1.1.1', parameters: { units: 1 }, dayRateEur: 1.234 },
        'body.dayRateEur',
      ],
      [
        "another workspace's cluster",
        { instrumentKey: '1.1.1', parameters: { units: 1 }, clusterId: 'x' },
        'body.clusterId',
      ],
    ])('refuses %s with 400 naming the field', async (_name, body, field) => {
      const res = await inject('POST', '/estimates', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('is refused to members and mentors (they do not see costs), allowed to viewers', async () => {
      const organisation = await factory.organisation(workspaceId, cluster.id);
      const body = { instrumentKey: '1.1.1', parameters: { units: 1 } };
      for (const [role, status] of [
        ['member', 403],
        ['mentor', 403],
        ['viewer', 200],
      ] as const) {
        const { headers } = await factory.memberWithToken(
          workspaceId,
          role,
          null,
          role === 'member' ? organisation.id : null,
        );
        expect((await inject('POST', '/estimates', body, headers)).statusCode, role).toBe(status);
      }
    });
  });

  describe("an activity's estimate", () => {
    let activityId: string;
    const lines = () =>
      t.database.db
        .selectFrom('cost_line')
        .select([
          'kind',
          'origin',
          'category',
          'funding_source',
          'amount_cents',
          'effort_centidays',
          'formula',
        ])
        .where('activity_id', '=', activityId)
        .orderBy('id')
        .execute();

    beforeEach(async () => {
      activityId = (await rows.activityRow(workspaceId, { cluster_id: cluster.id })).id;
    });

    it('previews without writing when apply is false', async () => {
      const res = await inject('POST', `/activities/${activityId}/estimate`, {
        parameters: { units: 2 },
        fundingSource: 'cluster',
        apply: false,
        version: 1,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        effortDays: 8,
        totalEur: 4160,
        assumptions: { dayRateSource: 'cluster' },
      });
      expect(await lines()).toEqual([]);
      const activity = (await inject('GET', `/activities/${activityId}`)).json();
      expect(activity).toMatchObject({ version: 1, estimateParameters: {} });
    });

    it('applies: stores the parameters and replaces only the lines of the previous estimate', async () => {
      await rows.costLineRow(workspaceId, activityId, {
        category: 'marketing_material',
        amount_cents: 25_000,
        funding_source: 'cluster',
      });
      await rows.costLineRow(workspaceId, activityId, {
        kind: 'actual',
        incurred_on: '2026-03-03',
        amount_cents: 9_900,
      });
      const first = await inject('POST', `/activities/${activityId}/estimate`, {
        parameters: { units: 2 },
        fundingSource: 'eu_programme',
        apply: true,
        version: 1,
      });
      expect(first.statusCode, first.body).toBe(200);
      const afterFirst = await lines();
      expect(afterFirst).toHaveLength(3);
      expect(afterFirst.filter((l) => l.origin === 'estimate')).toEqual([
        {
          kind: 'planned',
          origin: 'estimate',
          category: 'staff',
          funding_source: 'eu_programme',
          amount_cents: 416_000,
          effort_centidays: 800,
          formula: first.json().lines[0].formula,
        },
      ]);
      expect((await inject('GET', `/activities/${activityId}`)).json()).toMatchObject({
        version: 2,
        estimateParameters: { units: 2 },
        budget: { plannedEur: 250 + 4160, actualEur: 99, effortDays: 8 },
      });

      const second = await inject('POST', `/activities/${activityId}/estimate`, {
        parameters: { units: 3 },
        dayRateEur: 500,
        fundingSource: 'cluster',
        apply: true,
        version: 2,
      });
      expect(second.statusCode, second.body).toBe(200);
      const afterSecond = await lines();
      expect(afterSecond.map((l) => [l.origin, l.kind, l.amount_cents])).toEqual([
        ['manual', 'planned', 25_000],
        ['manual', 'actual', 9_900],
        ['estimate', 'planned', 600_000],
      ]);
      expect((await inject('GET', `/activities/${activityId}`)).json()).toMatchObject({
        version: 3,
        estimateParameters: { units: 3, dayRateEur: 500 },
      });
      const audit = (await inject('GET', '/audit')).json().items;
      expect(audit.map((e: { action: string; entityType: string }) => `${e.action} ${e.entityType}`)).toEqual(
        ['create cost_line', 'delete cost_line', 'update activity', 'create cost_line', 'update activity'],
      );
    });

    it('refuses a stale version with 409 and writes nothing', async () => {
      const res = await inject('POST', `/activities/${activityId}/estimate`, {
        parameters: { units: 2 },
        fundingSource: 'cluster',
        apply: true,
        version: 7,
      });
      expect(res.statusCode).toBe(409);
      expect(await lines()).toEqual([]);
      expect((await inject('GET', `/activities/${activityId}`)).json().version).toBe(1);
    });

    it('names the missing parameters and writes nothing', async () => {
      const res = await inject('POST', `/activities/${activityId}/estimate`, {
        parameters: {},
        fundingSource: 'cluster',
        apply: true,
        version: 1,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.parameters.units']);
      expect(await lines()).toEqual([]);
    });

    it.each([
      ['an unknown funding source', { fundingSource: 'lottery' }, 'body.fundingSource'],
      ['apply as text', { apply: 'yes' }, 'body.apply'],
      ['no version', { version: undefined }, 'body.version'],
    ])('refuses %s with 400', async (_name, change, field) => {
      const res = await inject('POST', `/activities/${activityId}/estimate`, {
        parameters: { units: 2 },
        fundingSource: 'cluster',
        apply: true,
        version: 1,
        ...change,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await lines()).toEqual([]);
    });

    it("is refused to a cluster manager of another cluster, and 404 for another workspace's activity", async () => {
      const otherCluster = await factory.cluster(workspaceId);
      const manager = await factory.memberWithToken(workspaceId, 'cluster_manager', otherCluster.id);
      const body = { parameters: { units: 2 }, fundingSource: 'cluster', apply: true, version: 1 };
      expect(
        (await inject('POST', `/activities/${activityId}/estimate`, body, manager.headers)).statusCode,
      ).toBe(403);
      const other = await factory.workspace('Elsewhere');
      const foreign = await rows.activityRow(other.id);
      expect((await inject('POST', `/activities/${foreign.id}/estimate`, body)).statusCode).toBe(404);
      const foreignLines = await t.database.db
        .selectFrom('cost_line')
        .select('id')
        .where('activity_id', '=', foreign.id)
        .execute();
      expect(foreignLines).toEqual([]);
      expect(await lines()).toEqual([]);
    });
  });
});
