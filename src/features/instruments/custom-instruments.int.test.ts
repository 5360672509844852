import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const TRAINING = 'training-to-go-international';

describe.each(testDialects())('custom instruments API on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let slug: string;
  let workspaceId: string;
  let coordinator: { headers: Record<string, string> };
  const url = (path = '') => `/api/v1/workspaces/${slug}/instruments${path}`;
  const inject = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    payload?: unknown,
    as = coordinator,
  ) =>
    t.app.inject({
      method,
      url: path.startsWith('/api') ? path : url(path),
      headers: as.headers,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });

  const count = async (table: 'instrument' | 'audit_event') => {
    const row = await t.database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  const copyTraining = async () => {
    const res = await inject('POST', `/${TRAINING}/copy`, {});
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
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

  it('copies a D4.2 instrument, lists it beside the catalogue, and keeps it out of the global catalogue', async () => {
    const copy = await copyTraining();
    expect(copy).toMatchObject({
      key: `${TRAINING}-adapted`,
      code: 'C1',
      origin: 'custom',
      basedOn: TRAINING,
      name: 'Training to go international (adapted)',
      version: 1,
      budget: { items: [{ kind: 'effort_days_per_unit', days: 4, unit: 'training_package' }] },
      kpis: [{ key: 'trainings', kind: 'count', rule: 'activity_held' }],
    });
    const list = (await inject('GET', '')).json();
    expect(list.items).toHaveLength(18);
    expect(list.items.at(-1)).toEqual(copy);
    expect(list.items[0]).toMatchObject({ origin: 'd4.2', basedOn: null, key: TRAINING });
    expect(list.kpiRules.map((r: { key: string }) => r.key)).toContain('activity_held');

    const global = await t.app.inject({ method: 'GET', url: '/api/v1/instruments' });
    expect(global.json().items).toHaveLength(17);
    expect(global.body).not.toContain('adapted');
    // by id, by key; the audit log has the creation
    expect((await inject('GET', `/${copy.id}`)).json()).toEqual(copy);
    expect((await inject('GET', `/${copy.key}`)).json()).toEqual(copy);
    expect(await count('audit_event')).toBe(1);
  });

  it('edits the day count with the version, and the estimate follows the custom model', async () => {
    const copy = await copyTraining();
    const items = [{ ...copy.budget.items[0], days: 6 }];
    const edited = await inject('PATCH', `/${copy.id}`, { version: 1, budgetItems: items });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      version: 2,
      budget: { formula: '6 days × day rate per training package' },
    });

    const estimate = (key: string) =>
      inject('POST', `/api/v1/workspaces/${slug}/estimates`, {
        instrumentKey: key,
        parameters: { units: 2 },
      });
    expect((await estimate(TRAINING)).json().totalEur).toBe(3600);
    expect((await estimate(copy.key)).json().totalEur).toBe(5400);

    const stale = await inject('PATCH', `/${copy.id}`, { version: 1, name: 'Late edit' });
    expect(stale.statusCode).toBe(409);
    expect((await inject('GET', `/${copy.id}`)).json().name).toBe(copy.name);
  });

  it('shows what differs from D4.2, field by field', async () => {
    const copy = await copyTraining();
    expect((await inject('GET', `/${copy.id}/differences`)).json()).toMatchObject({
      basedOn: TRAINING,
      differences: [{ area: 'field', field: 'name', change: 'changed' }],
    });
    await inject('PATCH', `/${copy.id}`, {
      version: 1,
      budgetItems: [{ ...copy.budget.items[0], days: 5 }],
      kpis: [
        ...copy.kpis,
        { key: 'satisfaction', label: 'Satisfaction', kind: 'rating', unit: '1–5', rule: null },
      ],
    });
    const diff = (await inject('GET', `/${copy.id}/differences`)).json();
    expect(diff.differences).toEqual([
      expect.objectContaining({ area: 'field', field: 'name' }),
      expect.objectContaining({
        area: 'budgetItem',
        index: 0,
        change: 'changed',
        reference: expect.objectContaining({ days: 4 }),
        custom: expect.objectContaining({ days: 5 }),
      }),
      expect.objectContaining({ area: 'kpi', key: 'satisfaction', change: 'added' }),
    ]);
  });

  describe('refuses bad input, writing nothing', () => {
    const base = {
      key: 'regional-bootcamp',
      name: 'Regional bootcamp',
      phase: 'preparatory',
      budgetItems: [{ kind: 'effort_days_per_unit', days: 3, unit: 'event', source: '' }],
      kpis: [
        {
          key: 'bootcamps',
          label: 'Bootcamps held',
          kind: 'count',
          unit: 'bootcamps',
          rule: 'activity_held',
        },
      ],
    };

    it('creates a valid one from nothing (the control)', async () => {
      const res = await inject('POST', '', base);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ origin: 'custom', basedOn: null, code: 'C1' });
    });

    it.each([
      [
        'a budget item the engine cannot read (negative days)',
        { budgetItems: [{ ...base.budgetItems[0], days: -2 }] },
        'body.budgetItems.0.days',
      ],
      [
        'an unknown effort unit',
        { budgetItems: [{ ...base.budgetItems[0], unit: 'fortnight' }] },
        'body.budgetItems.0.unit',
      ],
      ['an unknown kind of item', { budgetItems: [{ kind: 'per_smile', days: 1 }] }, 'body.budgetItems.0'],
      [
        'travellers min above max',
        { budgetItems: [{ kind: 'travellers_per_mission', min: 4, max: 2, who: 'staff', source: '' }] },
        'body.budgetItems.0.max',
      ],
      ['a KPI of an unknown kind', { kpis: [{ ...base.kpis[0], kind: 'vibes' }] }, 'body.kpis.0.kind'],
      [
        'a rule that does not fit the KPI kind',
        { kpis: [{ ...base.kpis[0], kind: 'money', rule: 'activity_held' }] },
        'body.kpis.0.rule',
      ],
      ['an unregistered rule', { kpis: [{ ...base.kpis[0], rule: 'guesswork' }] }, 'body.kpis.0.rule'],
      ['a KPI key twice', { kpis: [base.kpis[0], base.kpis[0]] }, 'body.kpis.1.key'],
      ['a D4.2 key', { key: TRAINING }, 'body.key'],
      ['a key that is no slug', { key: 'Bad Key' }, 'body.key'],
    ])('%s', async (_name, change, field) => {
      const res = await inject('POST', '', { ...base, ...change });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(
        res
          .json()
          .errors.map((e: { field: string }) => e.field)
          .join(' '),
      ).toContain(field);
      expect(await count('instrument')).toBe(0);
      expect(await count('audit_event')).toBe(0);
    });

    it('refuses an item the engine cannot read on an edit too, keeping the stored model', async () => {
      const copy = await copyTraining();
      const res = await inject('PATCH', `/${copy.id}`, {
        version: 1,
        budgetItems: [{ ...copy.budget.items[0], days: 1e9 }],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('body.budgetItems.0.days');
      expect((await inject('GET', `/${copy.id}`)).json().version).toBe(1);
    });
  });

  it("answers 404 for another workspace's custom instrument, and 409 for editing a D4.2 one", async () => {
    const other = await factory.workspace();
    const otherCoordinator = await factory.memberWithToken(other.id, 'coordinator');
    const theirs = (
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${other.slug}/instruments/${TRAINING}/copy`,
        headers: otherCoordinator.headers,
        payload: {},
      })
    ).json();
    for (const res of [
      await inject('GET', `/${theirs.id}`),
      await inject('PATCH', `/${theirs.id}`, { version: 1, name: 'Mine now' }),
      await inject('DELETE', `/${theirs.id}?version=1`),
      await inject('GET', `/${theirs.id}/differences`),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
    }
    expect((await inject('GET', '')).json().items).toHaveLength(17);
    const planned = await inject('POST', `/api/v1/workspaces/${slug}/estimates`, {
      instrumentKey: theirs.key,
      parameters: { units: 1 },
    });
    expect(planned.statusCode).toBe(400);

    const d42 = await inject('PATCH', `/${TRAINING}`, { version: 1, name: 'Renamed' });
    expect(d42.statusCode).toBe(409);
    const member = await factory.memberWithToken(workspaceId, 'member');
    expect((await inject('POST', `/${TRAINING}/copy`, {}, member)).statusCode).toBe(403);
  });

  it('refuses to delete an instrument an activity uses (409 naming why), deletes an unused one', async () => {
    const copy = await copyTraining();
    const activity = await inject('POST', `/api/v1/workspaces/${slug}/activities`, {
      instrumentKey: copy.key,
      title: 'Bootcamp in Toulouse',
      startsOn: '2026-05-04',
      endsOn: '2026-05-05',
    });
    expect(activity.statusCode, activity.body).toBe(201);
    const refused = await inject('DELETE', `/${copy.id}?version=1`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('1 activity');

    const unused = (await inject('POST', `/branding-toolkits/copy`, {})).json();
    expect((await inject('DELETE', `/${unused.id}?version=2`)).statusCode).toBe(409);
    expect((await inject('DELETE', `/${unused.id}?version=1`)).statusCode).toBe(204);
    expect((await inject('GET', `/${unused.id}`)).statusCode).toBe(404);
  });

  it('keeps an applied estimate when the model changes; re-estimating uses the new model', async () => {
    const copy = await copyTraining();
    const activity = (
      await inject('POST', `/api/v1/workspaces/${slug}/activities`, {
        instrumentKey: copy.key,
        title: 'Export readiness training',
        startsOn: '2026-05-04',
        endsOn: '2026-05-04',
      })
    ).json();
    const apply = (version: number) =>
      inject('POST', `/api/v1/workspaces/${slug}/activities/${activity.id}/estimate`, {
        version,
        parameters: { units: 1 },
        apply: true,
        fundingSource: 'cluster',
      });
    const first = await apply(activity.version);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().totalEur).toBe(1800);
    await inject('PATCH', `/${copy.id}`, {
      version: 1,
      budgetItems: [{ ...copy.budget.items[0], days: 10 }],
    });

    const stored = await t.database.db
      .selectFrom('cost_line')
      .select('amount_cents')
      .where('activity_id', '=', activity.id)
      .execute();
    expect(stored.map((r) => Number(r.amount_cents))).toEqual([180_000]);
    const current = (await inject('GET', `/api/v1/workspaces/${slug}/activities/${activity.id}`)).json();
    const again = await apply(current.version);
    expect(again.json().totalEur).toBe(4500);
  });

  it('derives a custom KPI by the rule it names, and recomputes values when the rule changes', async () => {
    const copy = await copyTraining();
    const activity = (
      await inject('POST', `/api/v1/workspaces/${slug}/activities`, {
        instrumentKey: copy.key,
        title: 'Training held',
        startsOn: '2026-03-02',
        endsOn: '2026-03-02',
        status: 'done',
      })
    ).json();
    const value = async () => {
      const row = await t.database.db
        .selectFrom('kpi_actual')
        .select('value')
        .where('activity_id', '=', activity.id)
        .where('kpi_key', '=', 'trainings')
        .executeTakeFirst();
      return row === undefined ? undefined : Number(row.value);
    };
    expect(await value()).toBe(1);
    const edited = await inject('PATCH', `/${copy.id}`, {
      version: 1,
      kpis: [{ ...copy.kpis[0], rule: null }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await value()).toBeUndefined();
  });
});
