import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { PlanningRows } from '../../../test/support/planning-rows.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { addDays, todayIso } from '../../domain/dates.ts';

type Headers = Record<string, string>;
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

describe.each(testDialects())('KPI entries API on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let planning: PlanningRows;
  let slug: string;
  let workspaceId: string;
  let coordinator: { headers: Headers; user: { id: string; name: string } };
  let clusterId: string;
  /** Two market studies (one for counts and text), a sales representative and a training (all derived KPIs). */
  const activities = { market: '', sales: '', survey: '', training: '' };

  const inject = (method: Method, path: string, payload?: object, headers?: Headers) =>
    t.app.inject({
      method,
      url: `/api/v1/workspaces/${slug}${path}`,
      headers: headers ?? coordinator.headers,
      ...(payload ? { payload } : {}),
    });
  const entryRows = () =>
    t.database.db
      .selectFrom('kpi_entry')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('id')
      .execute();
  const fieldsOf = (res: { json(): { errors?: { field: string }[] } }) =>
    (res.json().errors ?? []).map((e) => e.field);
  const entry = (activityId: string, kpiKey: string, value: number | string, extra: object = {}) =>
    inject('POST', '/kpi-entries', { activityId, kpiKey, value, recordedOn: '2026-03-04', ...extra });

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    planning = new PlanningRows(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    coordinator = await factory.memberWithToken(workspaceId, 'coordinator');
    clusterId = (await factory.cluster(workspaceId)).id;
    const activity = (instrumentKey: string) =>
      planning.activityRow(workspaceId, { cluster_id: clusterId, instrumentKey });
    activities.market = (await activity('market-surveys-study')).id;
    activities.sales = (await activity('sales-marketing-representative')).id;
    activities.survey = (await activity('market-surveys-study')).id;
    activities.training = (await activity('training-to-go-international')).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('enters, corrects and removes a value with its author, day and comment, each change audited', async () => {
    const created = await entry(activities.sales, 'new_customers', 12, {
      comment: ' Met at the embassy ',
    });
    expect(created.statusCode, created.body).toBe(201);
    const value = created.json();
    expect(value).toEqual({
      id: expect.any(String),
      activityId: activities.sales,
      kpiKey: 'new_customers',
      kind: 'count',
      value: 12,
      recordedOn: '2026-03-04',
      comment: 'Met at the embassy',
      author: { id: coordinator.user.id, name: coordinator.user.name },
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });

    const corrected = await inject('PATCH', `/kpi-entries/${value.id}`, {
      value: 14,
      recordedOn: '2026-03-05',
      version: 1,
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({
      value: 14,
      recordedOn: '2026-03-05',
      comment: 'Met at the embassy',
      version: 2,
    });

    expect((await inject('DELETE', `/kpi-entries/${value.id}?version=2`)).statusCode).toBe(204);
    expect(await entryRows()).toEqual([]);
    const audit = (await inject('GET', '/audit')).json().items;
    expect(audit.map((e: { action: string; entityType: string }) => `${e.action} ${e.entityType}`)).toEqual([
      'delete kpi_entry',
      'update kpi_entry',
      'create kpi_entry',
    ]);
    expect(audit[1].changes).toEqual({ value_number: [12, 14], recorded_on: ['2026-03-04', '2026-03-05'] });
    expect(audit[2].changes).toMatchObject({
      kpi_key: [null, 'new_customers'],
      value_number: [null, 12],
    });
  });

  it('keeps each kind as it is: money in cents (a fall in sales is negative), ratings, percentages, text', async () => {
    const sales = await entry(activities.sales, 'sales_volume_variation', -2_500.75);
    expect(sales.statusCode, sales.body).toBe(201);
    expect(sales.json()).toMatchObject({ kind: 'money', value: -2_500.75 });
    const rating = await entry(activities.sales, 'customer_satisfaction', 4.5);
    expect(rating.json()).toMatchObject({ kind: 'rating', value: 4.5 });
    const percent = await entry(activities.survey, 'market_covered', 37.5);
    expect(percent.json()).toMatchObject({ kind: 'percent', value: 37.5 });
    const remark = await entry(
      activities.market,
      'new_knowledge_acquired',
      '  Distributors want local stock.  ',
    );
    expect(remark.statusCode, remark.body).toBe(201);
    expect(remark.json()).toMatchObject({ kind: 'text', value: 'Distributors want local stock.' });
    expect((await entryRows()).map((row) => [row.kpi_key, row.value_number, row.value_text])).toEqual([
      ['sales_volume_variation', -250_075, null],
      ['customer_satisfaction', 4.5, null],
      ['market_covered', 37.5, null],
      ['new_knowledge_acquired', null, 'Distributors want local stock.'],
    ]);
    const edited = await inject('PATCH', `/kpi-entries/${sales.json().id}`, { value: 1_000, version: 1 });
    expect(edited.json()).toMatchObject({ value: 1_000 });
    expect((await entryRows())[0]?.value_number).toBe(100_000);
  });

  it('refuses a stale version with 409 and keeps the newer value', async () => {
    const value = (await entry(activities.sales, 'new_customers', 3)).json();
    expect(
      (await inject('PATCH', `/kpi-entries/${value.id}`, { comment: 'Checked', version: 1 })).statusCode,
    ).toBe(200);
    const stale = await inject('PATCH', `/kpi-entries/${value.id}`, { value: 30, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await inject('DELETE', `/kpi-entries/${value.id}?version=1`)).statusCode).toBe(409);
    expect((await entryRows()).map((row) => [row.value_number, row.comment, row.version])).toEqual([
      [3, 'Checked', 2],
    ]);
  });

  describe('refuses bad input with 400 naming the field, writing nothing', () => {
    const yearAhead = addDays(todayIso(), 400);
    const cases: [string, () => object, string][] = [
      [
        'an unknown KPI key',
        () => ({ activityId: activities.market, kpiKey: 'smiles', value: 1 }),
        'body.kpiKey',
      ],
      [
        'a KPI of another instrument',
        () => ({ activityId: activities.market, kpiKey: 'new_customers', value: 1 }),
        'body.kpiKey',
      ],
      [
        'a derived Hub KPI',
        () => ({ activityId: activities.market, kpiKey: 'present_participants', value: 3 }),
        'body.kpiKey',
      ],
      [
        'a derived instrument KPI',
        () => ({ activityId: activities.training, kpiKey: 'trainings', value: 1 }),
        'body.kpiKey',
      ],
      [
        'a KPI computed from survey respondents (issue 23)',
        () => ({ activityId: activities.market, kpiKey: 'stakeholder_diversity', value: 4 }),
        'body.kpiKey',
      ],
      [
        'text for a count',
        () => ({ activityId: activities.sales, kpiKey: 'new_customers', value: 'twelve' }),
        'body.value',
      ],
      [
        'a negative count',
        () => ({ activityId: activities.sales, kpiKey: 'new_customers', value: -2 }),
        'body.value',
      ],
      [
        'a fractional count',
        () => ({ activityId: activities.sales, kpiKey: 'new_customers', value: 1.5 }),
        'body.value',
      ],
      [
        'a number for a text KPI',
        () => ({ activityId: activities.market, kpiKey: 'new_knowledge_acquired', value: 4 }),
        'body.value',
      ],
      [
        'blank text',
        () => ({ activityId: activities.market, kpiKey: 'new_knowledge_acquired', value: '   ' }),
        'body.value',
      ],
      [
        'text over 2,000 characters',
        () => ({
          activityId: activities.market,
          kpiKey: 'new_knowledge_acquired',
          value: 'x'.repeat(2_001),
        }),
        'body.value',
      ],
      [
        'a rating of 0',
        () => ({ activityId: activities.sales, kpiKey: 'customer_satisfaction', value: 0 }),
        'body.value',
      ],
      [
        'a percentage of 101',
        () => ({ activityId: activities.survey, kpiKey: 'market_covered', value: 101 }),
        'body.value',
      ],
      [
        'money with 3 decimals',
        () => ({ activityId: activities.sales, kpiKey: 'sales_volume_variation', value: 0.125 }),
        'body.value',
      ],
      [
        'a boolean value',
        () => ({ activityId: activities.sales, kpiKey: 'new_customers', value: true }),
        'body.value',
      ],
      [
        'a day more than a year ahead',
        () => ({
          activityId: activities.sales,
          kpiKey: 'new_customers',
          value: 1,
          recordedOn: yearAhead,
        }),
        'body.recordedOn',
      ],
      [
        'a day that does not exist',
        () => ({
          activityId: activities.sales,
          kpiKey: 'new_customers',
          value: 1,
          recordedOn: '2026-02-30',
        }),
        'body.recordedOn',
      ],
      [
        'a comment over 2,000 characters',
        () => ({
          activityId: activities.sales,
          kpiKey: 'new_customers',
          value: 1,
          comment: 'y'.repeat(2_001),
        }),
        'body.comment',
      ],
      ['no activity', () => ({ kpiKey: 'new_customers', value: 1 }), 'body.activityId'],
    ];
    it.each(cases)('%s', async (_name, body, field) => {
      const res = await inject('POST', '/kpi-entries', { recordedOn: '2026-03-04', ...body() });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(res)).toContain(field);
      expect(await entryRows()).toEqual([]);
    });

    it('malformed JSON and an oversized key', async () => {
      const malformed = await t.app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${slug}/kpi-entries`,
        headers: { ...coordinator.headers, 'content-type': 'application/json' },
        payload: '{"value": 3,',
      });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.headers['content-type']).toContain('application/problem+json');
      const longKey = await entry(activities.market, 'k'.repeat(101), 1);
      expect(fieldsOf(longKey)).toEqual(['body.kpiKey']);
      expect(await entryRows()).toEqual([]);
    });

    it('says a derived KPI is computed from records', async () => {
      const res = await entry(activities.market, 'held_activities', 1);
      expect(res.json().errors).toEqual([
        {
          field: 'body.kpiKey',
          message: expect.stringMatching(
            /^is computed from records \(Activities in the scope whose status is done/,
          ),
        },
      ]);
    });

    it('checks a correction by the same rules', async () => {
      const value = (await entry(activities.sales, 'new_customers', 3)).json();
      for (const [payload, field] of [
        [{ value: 'three', version: 1 }, 'body.value'],
        [{ value: -3, version: 1 }, 'body.value'],
        [{ recordedOn: yearAhead, version: 1 }, 'body.recordedOn'],
        [{ comment: 'z'.repeat(2_001), version: 1 }, 'body.comment'],
        [{ value: 4 }, 'body.version'],
        [{ kpiKey: 'market_covered', version: 1 }, 'body'],
      ] as const) {
        const res = await inject('PATCH', `/kpi-entries/${value.id}`, payload);
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(fieldsOf(res)).toContain(field);
      }
      expect((await entryRows()).map((row) => [row.value_number, row.version])).toEqual([[3, 1]]);
    });
  });

  it("answers 404 for another workspace's activity and entry, changing nothing", async () => {
    const other = await factory.workspace('Elsewhere');
    const theirActivity = await planning.activityRow(other.id, {
      instrumentKey: 'sales-marketing-representative',
    });
    const theirEntry = await planning.kpiEntryRow(other.id, theirActivity.id, {
      kpi_key: 'new_customers',
      value_number: 9,
    });
    const onActivity = await entry(theirActivity.id, 'new_customers', 1);
    expect(onActivity.statusCode).toBe(404);
    expect(fieldsOf(onActivity)).toEqual(['body.activityId']);
    expect(
      (await inject('PATCH', `/kpi-entries/${theirEntry.id}`, { value: 1, version: 1 })).statusCode,
    ).toBe(404);
    expect((await inject('DELETE', `/kpi-entries/${theirEntry.id}`)).statusCode).toBe(404);
    expect((await inject('DELETE', `/kpi-entries/${theirEntry.id}?version=1`)).statusCode).toBe(404);
    expect(await entryRows()).toEqual([]);
    const theirs = await t.database.db
      .selectFrom('kpi_entry')
      .select(['value_number', 'version'])
      .where('workspace_id', '=', other.id)
      .execute();
    expect(theirs).toEqual([{ value_number: 9, version: 1 }]);
  });

  it("lets a cluster manager enter values for its own cluster's activities only; viewers none", async () => {
    const manager = await factory.memberWithToken(workspaceId, 'cluster_manager', clusterId);
    const stranger = await factory.memberWithToken(
      workspaceId,
      'cluster_manager',
      (await factory.cluster(workspaceId)).id,
    );
    const viewer = await factory.memberWithToken(workspaceId, 'viewer');
    const body = {
      activityId: activities.sales,
      kpiKey: 'new_customers',
      value: 2,
      recordedOn: '2026-03-04',
    };
    expect((await inject('POST', '/kpi-entries', body, stranger.headers)).statusCode).toBe(403);
    expect((await inject('POST', '/kpi-entries', body, viewer.headers)).statusCode).toBe(403);
    const own = await inject('POST', '/kpi-entries', body, manager.headers);
    expect(own.statusCode).toBe(201);
    expect(own.json().author).toEqual({ id: manager.user.id, name: manager.user.name });
    expect(
      (await inject('PATCH', `/kpi-entries/${own.json().id}`, { value: 5, version: 1 }, stranger.headers))
        .statusCode,
    ).toBe(403);
    expect(
      (await inject('DELETE', `/kpi-entries/${own.json().id}`, undefined, stranger.headers)).statusCode,
    ).toBe(403);
    expect((await entryRows()).map((row) => row.value_number)).toEqual([2]);
  });
});
