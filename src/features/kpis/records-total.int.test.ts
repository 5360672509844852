import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { PlanningRows } from '../../../test/support/planning-rows.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { seededRandom } from '../../domain/random.ts';
import { refreshKpiActuals } from './actuals.ts';
import { KpiRepository } from './repository.ts';
import { ruleByKey } from './rules/index.ts';

/**
 * The drill-down's `total` of a rule whose records each add 1 to their activity's value
 * (`countIsValue`) is the sum of the stored values instead of a count of the records. Over a
 * seeded workspace (three instruments, two markets and standalone activities, two clusters, every
 * attendance, participants standing for an organisation or through a person), it must equal both
 * the number of records the pages list and a count of the records, for every scope the
 * dashboard's links can ask; and a scope where a stored value is missing must still be counted.
 */
describe.each(testDialects())('the total of a drill-down on %s', (kind) => {
  let t: TestApp;
  let slug: string;
  let workspaceId: string;
  let headers: Record<string, string>;
  const ids: Record<string, string> = {};
  const activityIds: string[] = [];

  const get = async (path: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/workspaces/${slug}${path}`, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** Every record of the drill-down, page after page, and the total of its first page. */
  const drill = async (query: string) => {
    const first = await get(`/kpis/records?${query}&limit=7`);
    let listed = first.records.length;
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await get(`/kpis/records?${query}&limit=7&cursor=${cursor}`);
      expect(page.total).toBe(first.total);
      listed += page.records.length;
      cursor = page.nextCursor;
    }
    return { total: first.total as number, listed, rule: first.kpi.rule as string | null };
  };
  /** The count of the records as the rule makes it, over the same scope. */
  const counted = (rule: string, scope: Parameters<KpiRepository['scope']>[1]) =>
    (ruleByKey(rule) ?? expect.unreachable(`no rule ${rule}`)).count(
      t.database.db,
      new KpiRepository(t.database.db).scope(workspaceId, scope),
    );

  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    const factory = new Factory(db);
    const rows = new PlanningRows(db);
    const random = seededRandom(19);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    headers = (await factory.memberWithToken(workspaceId, 'coordinator')).headers;
    ids.c1 = (await factory.cluster(workspaceId, { short_name: 'C1' })).id;
    ids.c2 = (await factory.cluster(workspaceId, { short_name: 'C2' })).id;
    const organisations = [];
    for (let i = 0; i < 6; i++) {
      organisations.push((await factory.organisation(workspaceId, i % 2 ? ids.c1 : ids.c2)).id);
    }
    const people = [];
    for (let i = 0; i < 5; i++) {
      // One person of no organisation: a participant standing for none.
      people.push((await factory.person(workspaceId, i === 4 ? null : pick(organisations))).id);
    }
    const plans: (string | null)[] = [null];
    for (const country of ['JP', 'US']) {
      const market = await rows.marketRow(workspaceId, { name: country, country });
      ids[country] = market.id;
      const plan = await rows.planRow(workspaceId, {
        market_id: market.id,
        starts_on: '2027-01-01',
        ends_on: '2027-12-31',
      });
      plans.push(plan.id);
    }
    const instruments = ['training-to-go-international', 'innovation-clubs', 'validation-surveys'];
    for (const key of instruments) {
      ids[key] = (
        await db
          .selectFrom('instrument')
          .select('id')
          .where('workspace_id', 'is', null)
          .where('key', '=', key)
          .executeTakeFirstOrThrow()
      ).id;
    }
    for (let a = 0; a < 18; a++) {
      const month = String(1 + (a % 12)).padStart(2, '0');
      const day = `${a < 15 ? 2027 : 2026}-${month}-1${a % 10}`;
      const activity = await rows.activityRow(workspaceId, {
        instrumentKey: instruments[a % 3],
        title: `A${a}`,
        plan_id: a < 15 ? pick(plans) : null,
        cluster_id: pick([ids.c1, ids.c2, null]),
        status: pick(['planned', 'done', 'done', 'cancelled'] as const),
        starts_on: day,
        ends_on: day,
      });
      activityIds.push(activity.id);
      // Some activities have no participant at all.
      const participants = a % 5 === 4 ? 0 : 3 + Math.floor(random() * 12);
      for (let p = 0; p < participants; p++) {
        const attendance = pick(['present', 'present', 'absent', 'expected'] as const);
        const who = random() < 0.7 ? { organisation_id: pick(organisations) } : { person_id: pick(people) };
        await rows.participantRow(activity.id, { ...who, attendance });
      }
      if (random() < 0.5) {
        await rows.costLineRow(workspaceId, activity.id, { kind: 'actual', amount_cents: 1_000 });
      }
    }
    // As the writing use cases leave them.
    await refreshKpiActuals(db, activityIds);
  });

  afterAll(async () => {
    await t?.close();
  });

  const YEAR = 'from=2027-01-01&to=2027-12-31';
  /** The scopes of the dashboard's links: the period, a market, a cluster, a group of a roll-up. */
  const scopes = () => [
    { query: '', scope: {} },
    { query: YEAR, scope: { from: '2027-01-01', to: '2027-12-31' } },
    { query: `marketId=${ids.JP}`, scope: { marketId: ids.JP } },
    { query: `clusterId=${ids.c1}`, scope: { clusterId: ids.c1 } },
    {
      query: `${YEAR}&groupBy=market&groupKey=none`,
      scope: { from: '2027-01-01', to: '2027-12-31', group: { by: 'market' as const, key: null } },
    },
    {
      query: `groupBy=market&groupKey=${ids.US}`,
      scope: { group: { by: 'market' as const, key: ids.US as string } },
    },
    {
      query: `groupBy=cluster&groupKey=none`,
      scope: { group: { by: 'cluster' as const, key: null } },
    },
    {
      query: `groupBy=phase&groupKey=preparatory`,
      scope: { group: { by: 'phase' as const, key: 'preparatory' } },
    },
    {
      query: `groupBy=activity&groupKey=${activityIds[3]}`,
      scope: { group: { by: 'activity' as const, key: activityIds[3] as string } },
    },
    { query: 'from=2030-01-01', scope: { from: '2030-01-01' } },
  ];

  it('should equal the records listed and their count for the Hub-wide KPIs, in every scope', async () => {
    let nonZero = 0;
    for (const { query, scope } of scopes()) {
      for (const kpiKey of ['present_participants', 'held_activities', 'actual_costs']) {
        const { total, listed, rule } = await drill(`kpiKey=${kpiKey}&${query}`);
        expect(total, `${kpiKey} ${query}`).toBe(listed);
        expect(total, `${kpiKey} ${query}`).toBe(await counted(rule as string, scope));
        if (total > 0) nonZero++;
      }
    }
    expect(nonZero, 'the scopes hold records').toBeGreaterThan(15);
  });

  it('should equal the records listed and their count for instruments’ derived KPIs', async () => {
    const cases = [
      ['training-to-go-international', 'trainings'],
      ['innovation-clubs', 'participants'],
      ['validation-surveys', 'members_participating'],
    ] as const;
    for (const [instrument, kpiKey] of cases) {
      for (const { query, scope } of scopes()) {
        const { total, listed, rule } = await drill(
          `kpiKey=${kpiKey}&instrumentId=${ids[instrument]}&${query}`,
        );
        expect(total, `${kpiKey} ${query}`).toBe(listed);
        expect(total, `${kpiKey} ${query}`).toBe(
          await counted(rule as string, { ...scope, instrumentId: ids[instrument] }),
        );
      }
    }
  });

  it('should list the same pages whether participants are walked in id order or found by activity', async () => {
    // Past many records in scope the rule walks the participants in id order (no index on the
    // scope); below, it reads the activities' participants and sorts them. Same pages either way.
    const rule = ruleByKey('participants_present') ?? expect.unreachable();
    const repository = new KpiRepository(t.database.db);
    for (const { scope } of scopes()) {
      const pages = async (total: number) => {
        const ids: string[][] = [];
        let after: string | null = null;
        do {
          const page = await rule.records(
            t.database.db,
            repository.scope(workspaceId, scope),
            { after, limit: 6 },
            total,
          );
          ids.push(page.map((record) => record.id));
          after = page.length === 6 ? (page.at(-1)?.id ?? null) : null;
        } while (after);
        return ids;
      };
      const byActivity = await pages(0);
      expect(await pages(1_000_000_000), JSON.stringify(scope)).toEqual(byActivity);
    }
  });

  it('should take the total from the stored values when every activity in scope has one', async () => {
    // Shown by moving one stored value behind the records' back (only a test does that), then
    // putting it back: the total follows the stored values, not a count.
    const activityId = activityIds[0] as string;
    const db = t.database.db;
    const stored = await db
      .selectFrom('kpi_actual')
      .select('value')
      .where('activity_id', '=', activityId)
      .where('kpi_key', '=', 'present_participants')
      .executeTakeFirstOrThrow();
    const before = (await drill('kpiKey=present_participants')).total;
    const set = (value: number) =>
      db
        .updateTable('kpi_actual')
        .set({ value })
        .where('activity_id', '=', activityId)
        .where('kpi_key', '=', 'present_participants')
        .execute();
    try {
      await set(Number(stored.value) + 1000);
      expect((await get('/kpis/records?kpiKey=present_participants')).total).toBe(before + 1000);
    } finally {
      await set(Number(stored.value));
    }
  });

  it('should count the records when an activity in scope has no stored value', async () => {
    const db = t.database.db;
    const activityId = activityIds[1] as string;
    const present = await counted('participants_present', {});
    expect(present).toBeGreaterThan(0);
    await db
      .deleteFrom('kpi_actual')
      .where('activity_id', '=', activityId)
      .where('kpi_key', '=', 'present_participants')
      .execute();
    try {
      const { total, listed } = await drill('kpiKey=present_participants');
      expect(total).toBe(present);
      expect(total).toBe(listed);
      // The stored values alone would miss that activity's participants.
      const sum = await new KpiRepository(db).storedSum(workspaceId, {}, 'present_participants');
      expect(sum.values).toBe(sum.activities - 1);
    } finally {
      await refreshKpiActuals(db, [activityId]);
    }
  });

  it('should follow attendance marked through the API', async () => {
    const activityId = activityIds[2] as string;
    const before = (await drill('kpiKey=present_participants')).total;
    const organisation = await get('/organisations?limit=1');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${slug}/activities/${activityId}/participants`,
      headers,
      payload: { organisationId: organisation.items[0].id, role: 'speaker' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const marked = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${slug}/activities/${activityId}/participants/${res.json().id}`,
      headers,
      payload: { attendance: 'present' },
    });
    expect(marked.statusCode, marked.body).toBe(200);
    const after = await drill('kpiKey=present_participants');
    expect(after.total).toBe(before + 1);
    expect(after.total).toBe(after.listed);
  });
});
