import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

describe.each(testDialects())('plans API on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let slug: string;
  let workspaceId: string;
  let clusterId: string;
  let marketId: string;
  let coordinator: { headers: Record<string, string> };
  const url = (path = '') => `/api/v1/workspaces/${slug}/plans${path}`;
  const newPlan = () => ({
    marketId,
    name: 'Japan 2026',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    budgetCapEur: 10_000,
  });

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    clusterId = (await factory.cluster(workspaceId)).id;
    marketId = (await factory.market(workspaceId, { name: 'Japan', owner_cluster_id: clusterId })).id;
    coordinator = await factory.memberWithToken(workspaceId, 'coordinator');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function count(table: 'plan' | 'plan_instrument' | 'audit_event'): Promise<number> {
    const db = t.database.db;
    const row =
      table === 'plan_instrument'
        ? await db
            .selectFrom('plan_instrument')
            .innerJoin('plan', 'plan.id', 'plan_instrument.plan_id')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('plan.workspace_id', '=', workspaceId)
            .executeTakeFirstOrThrow()
        : await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('workspace_id', '=', workspaceId)
            .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('creates a plan with instruments named by key or code and shows them in D4.2 phase order', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: coordinator.headers,
      payload: {
        ...newPlan(),
        notes: 'First year',
        instruments: [
          { instrumentKey: 'mentoring-follow-up', rationale: 'Keep the leads warm' },
          { instrumentKey: 'trade-fairs' },
          { instrumentKey: '1.1.3', rationale: 'See the market first' },
          { instrumentKey: 'training-to-go-international' },
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json();
    expect(plan).toMatchObject({
      marketId,
      marketName: 'Japan',
      marketCountry: 'JP',
      name: 'Japan 2026',
      budgetCapEur: 10_000,
      status: 'draft',
      notes: 'First year',
      activityCount: 0,
      version: 1,
      market: { id: marketId, name: 'Japan', country: 'JP', ownerClusterId: clusterId },
      activities: [],
      budget: { capEur: 10_000, plannedEur: 0, actualEur: 0, overCap: false, warnings: [] },
    });
    expect(
      plan.instruments.map((i: { instrumentKey: string; phase: string; position: number }) => [
        i.instrumentKey,
        i.phase,
        i.position,
      ]),
    ).toEqual([
      ['study-visits', 'preparatory', 0],
      ['training-to-go-international', 'preparatory', 1],
      ['trade-fairs', 'leads', 0],
      ['mentoring-follow-up', 'sustain', 0],
    ]);
    expect(plan.instruments[0]).toMatchObject({ code: '1.1.3', rationale: 'See the market first' });
    expect(plan.instruments[1].rationale).toBe('');
    const read = await t.app.inject({ method: 'GET', url: url(`/${plan.id}`), headers: coordinator.headers });
    expect(read.json()).toEqual(plan);
  });

  it("accepts the workspace's own custom instrument but not another workspace's", async () => {
    const elsewhere = await factory.workspace('Elsewhere');
    const now = new Date().toISOString();
    for (const [id, ws, key] of [
      ['custom-own', workspaceId, 'space-hackathon'],
      ['custom-foreign', elsewhere.id, 'their-hackathon'],
    ] as const) {
      await t.database.db
        .insertInto('instrument')
        .values({
          id: `${id}-${workspaceId}`,
          workspace_id: ws,
          origin: 'custom',
          code: 'C.1',
          key,
          phase: 'leads',
          name: 'Hackathon',
          description: '',
          benefits: '[]',
          business_model: '',
          funding_sources: '[]',
          budget_text: '',
          budget_items: '[]',
          position: 100,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    const own = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: coordinator.headers,
      payload: { ...newPlan(), instruments: [{ instrumentKey: 'space-hackathon' }] },
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().instruments[0]).toMatchObject({ instrumentKey: 'space-hackathon', phase: 'leads' });
    const foreign = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: coordinator.headers,
      payload: { ...newPlan(), instruments: [{ instrumentKey: 'their-hackathon' }] },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].field).toBe('body.instruments.0.instrumentKey');
  });

  it.each([
    ['an end before the start', { endsOn: '2025-12-31' }, 'body.endsOn'],
    ['a date that does not exist', { startsOn: '2026-02-30' }, 'body.startsOn'],
    ['a date in another format', { endsOn: '31/12/2026' }, 'body.endsOn'],
    ['a negative cap', { budgetCapEur: -1 }, 'body.budgetCapEur'],
    ['a cap over 20 million', { budgetCapEur: 20_000_000.01 }, 'body.budgetCapEur'],
    ['a cap with 3 decimals', { budgetCapEur: 10.005 }, 'body.budgetCapEur'],
    ['a cap as text', { budgetCapEur: '10000' }, 'body.budgetCapEur'],
    [
      'an unknown instrument',
      { instruments: [{ instrumentKey: 'trade-fairs' }, { instrumentKey: 'moon-base' }] },
      'body.instruments.1.instrumentKey',
    ],
    [
      'an unknown D4.2 code',
      { instruments: [{ instrumentKey: '9.9.9' }] },
      'body.instruments.0.instrumentKey',
    ],
    [
      'an instrument twice',
      { instruments: [{ instrumentKey: 'newsletter' }, { instrumentKey: 'newsletter' }] },
      'body.instruments.1.instrumentKey',
    ],
    [
      'an instrument by key and by code',
      { instruments: [{ instrumentKey: 'study-visits' }, { instrumentKey: '1.1.3' }] },
      'body.instruments.1.instrumentKey',
    ],
    [
      '51 instruments',
      { instruments: Array.from({ length: 51 }, (_, i) => ({ instrumentKey: `k${i}` })) },
      'body.instruments',
    ],
    [
      'a rationale over 2,000 characters',
      { instruments: [{ instrumentKey: 'newsletter', rationale: 'x'.repeat(2001) }] },
      'body.instruments.0.rationale',
    ],
    [
      'an unknown field of an instrument',
      { instruments: [{ instrumentKey: 'newsletter', weight: 2 }] },
      'body.instruments.0',
    ],
    ['an oversized name', { name: 'x'.repeat(201) }, 'body.name'],
    ['notes over 5,000 characters', { notes: 'x'.repeat(5001) }, 'body.notes'],
    ['an unknown status', { status: 'won' }, 'body.status'],
    ['an unknown field', { colour: 'red' }, 'body'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_name, change, field) => {
    const res = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: coordinator.headers,
      payload: { ...newPlan(), ...change },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await count('plan')).toBe(0);
    expect(await count('plan_instrument')).toBe(0);
    expect(await count('audit_event')).toBe(0);
  });

  it("answers 404 naming body.marketId for another workspace's market or an unknown one, and writes nothing", async () => {
    const elsewhere = await factory.workspace('Elsewhere');
    const foreignMarket = await factory.market(elsewhere.id);
    for (const id of [foreignMarket.id, 'no-such-market']) {
      const res = await t.app.inject({
        method: 'POST',
        url: url(),
        headers: coordinator.headers,
        payload: { ...newPlan(), marketId: id },
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().errors).toEqual([
        { field: 'body.marketId', message: 'is not a market of this workspace' },
      ]);
    }
    expect(await count('plan')).toBe(0);
    const inForeign = await t.database.db
      .selectFrom('plan')
      .select('id')
      .where('workspace_id', '=', elsewhere.id)
      .execute();
    expect(inForeign).toEqual([]);
  });

  it("answers 404 to another workspace's plan id on every route, and changes nothing", async () => {
    const elsewhere = await factory.workspace('Elsewhere');
    const foreignPlan = await factory.plan(elsewhere.id, (await factory.market(elsewhere.id)).id, {
      name: 'Theirs',
    });
    for (const [method, path, payload] of [
      ['GET', '', undefined],
      ['PATCH', '', { version: 1, name: 'Hijacked' }],
      ['DELETE', '?version=1', undefined],
      ['POST', '/copy', { marketId }],
    ] as const) {
      const res = await t.app.inject({
        method,
        url: url(`/${foreignPlan.id}${path}`),
        headers: coordinator.headers,
        ...(payload ? { payload } : {}),
      });
      expect(res.statusCode, `${method} ${path}`).toBe(404);
    }
    const untouched = await t.database.db
      .selectFrom('plan')
      .select(['name', 'version'])
      .where('id', '=', foreignPlan.id)
      .executeTakeFirstOrThrow();
    expect(untouched).toEqual({ name: 'Theirs', version: 1 });
    expect(await count('plan')).toBe(0);
  });

  it('shows every activity with its planned and actual cost, the totals and a warning past the cap', async () => {
    const plan = await factory.plan(workspaceId, marketId, { budget_cap_cents: 1_000_000 });
    const visit = await factory.activity(workspaceId, plan.id, {
      title: 'Visit',
      starts_on: '2026-05-01',
      ends_on: '2026-05-03',
    });
    const fair = await factory.activity(workspaceId, plan.id, {
      title: 'Fair',
      instrument: '1.2.3',
      starts_on: '2026-02-01',
      ends_on: '2026-02-04',
    });
    const idle = await factory.activity(workspaceId, plan.id, {
      title: 'No costs yet',
      starts_on: '2026-09-01',
      ends_on: '2026-09-01',
    });
    await factory.costLine(workspaceId, visit.id, { amount_cents: 600_000 });
    await factory.costLine(workspaceId, visit.id, { amount_cents: 234_550, category: 'staff' });
    await factory.costLine(workspaceId, visit.id, {
      kind: 'actual',
      amount_cents: 700_000,
      incurred_on: '2026-05-02',
    });
    await factory.costLine(workspaceId, fair.id, { amount_cents: 400_000 });
    // Another plan's lines do not count.
    const elsewhere = await factory.plan(workspaceId, marketId);
    await factory.costLine(workspaceId, (await factory.activity(workspaceId, elsewhere.id)).id, {
      amount_cents: 99_999_900,
    });

    const page = (
      await t.app.inject({ method: 'GET', url: url(`/${plan.id}`), headers: coordinator.headers })
    ).json();
    expect(page.activityCount).toBe(3);
    expect(
      page.activities.map((a: { title: string; plannedEur: number; actualEur: number }) => [
        a.title,
        a.plannedEur,
        a.actualEur,
      ]),
    ).toEqual([
      ['Fair', 4000, 0],
      ['Visit', 8345.5, 7000],
      ['No costs yet', 0, 0],
    ]);
    expect(page.activities[0]).toMatchObject({
      id: fair.id,
      instrumentKey: 'trade-fairs',
      phase: 'leads',
      planId: plan.id,
    });
    expect(page.activities[2].id).toBe(idle.id);
    expect(page.budget).toEqual({
      capEur: 10_000,
      plannedEur: 12_345.5,
      actualEur: 7000,
      overCap: true,
      warnings: ["Planned 12,345.50 EUR exceeds the plan's cap of 10,000 EUR by 2,345.50 EUR"],
    });

    // Cancelling the fair takes its 4,000 EUR out of the planned total (as the roll-ups do); it
    // still shows on its own row.
    await t.database.db
      .updateTable('activity')
      .set({ status: 'cancelled' })
      .where('id', '=', fair.id)
      .execute();
    const after = (
      await t.app.inject({ method: 'GET', url: url(`/${plan.id}`), headers: coordinator.headers })
    ).json();
    expect(after.activities[0].plannedEur).toBe(4000);
    expect(after.budget).toEqual({
      capEur: 10_000,
      plannedEur: 8345.5,
      actualEur: 7000,
      overCap: false,
      warnings: [],
    });
  });

  it('lets members, mentors and viewers read a plan; members and mentors see no money', async () => {
    const plan = await factory.plan(workspaceId, marketId, { budget_cap_cents: 500_000 });
    const activity = await factory.activity(workspaceId, plan.id);
    await factory.costLine(workspaceId, activity.id);
    const organisation = await factory.organisation(workspaceId, clusterId);
    for (const [role, seesMoney] of [
      ['member', false],
      ['mentor', false],
      ['viewer', true],
    ] as const) {
      const caller = await factory.memberWithToken(
        workspaceId,
        role,
        null,
        role === 'member' ? organisation.id : null,
      );
      const page = await t.app.inject({ method: 'GET', url: url(`/${plan.id}`), headers: caller.headers });
      expect(page.statusCode, role).toBe(200);
      const body = page.json();
      const list = (await t.app.inject({ method: 'GET', url: url(), headers: caller.headers })).json();
      if (seesMoney) {
        expect(body.budget).toMatchObject({ capEur: 5000, plannedEur: 1000 });
        expect(body.activities[0].plannedEur).toBe(1000);
        expect(list.items[0].budgetCapEur).toBe(5000);
      } else {
        expect(body.budget, role).toBeNull();
        expect(body.budgetCapEur, role).toBeNull();
        expect(body.activities[0]).toMatchObject({ plannedEur: null, actualEur: null });
        expect(list.items[0].budgetCapEur, role).toBeNull();
      }
      const edit = await t.app.inject({
        method: 'PATCH',
        url: url(`/${plan.id}`),
        headers: caller.headers,
        payload: { version: 1, name: 'Mine now' },
      });
      expect(edit.statusCode, role).toBe(403);
    }
  });

  it("lets a cluster manager plan for its cluster's markets only (403 otherwise, nothing written)", async () => {
    const manager = await factory.memberWithToken(workspaceId, 'cluster_manager', clusterId);
    const otherMarket = await factory.market(workspaceId, {
      owner_cluster_id: (await factory.cluster(workspaceId)).id,
    });
    const unowned = await factory.market(workspaceId);
    expect(
      (await t.app.inject({ method: 'POST', url: url(), headers: manager.headers, payload: newPlan() }))
        .statusCode,
    ).toBe(201);
    for (const market of [otherMarket, unowned]) {
      const res = await t.app.inject({
        method: 'POST',
        url: url(),
        headers: manager.headers,
        payload: { ...newPlan(), marketId: market.id },
      });
      expect(res.statusCode).toBe(403);
    }
    const theirs = await factory.plan(workspaceId, otherMarket.id, { name: 'Theirs' });
    for (const [method, path, payload] of [
      ['PATCH', '', { version: 1, name: 'Hijacked' }],
      ['DELETE', '?version=1', undefined],
    ] as const) {
      const res = await t.app.inject({
        method,
        url: url(`/${theirs.id}${path}`),
        headers: manager.headers,
        ...(payload ? { payload } : {}),
      });
      expect(res.statusCode, method).toBe(403);
    }
    const ownPlan = await factory.plan(workspaceId, marketId);
    const move = await t.app.inject({
      method: 'PATCH',
      url: url(`/${ownPlan.id}`),
      headers: manager.headers,
      payload: { version: 1, marketId: otherMarket.id },
    });
    expect(move.statusCode).toBe(403);
    expect(await count('plan')).toBe(3);
    const rows = await t.database.db
      .selectFrom('plan')
      .select(['name', 'market_id', 'version'])
      .where('id', 'in', [theirs.id, ownPlan.id])
      .execute();
    expect(rows).toEqual(
      expect.arrayContaining([
        { name: 'Theirs', market_id: otherMarket.id, version: 1 },
        { name: ownPlan.name, market_id: marketId, version: 1 },
      ]),
    );
  });

  it('edits a plan: replaces the instrument list, answers 409 to a stale version and audits the change', async () => {
    const plan = (
      await t.app.inject({
        method: 'POST',
        url: url(),
        headers: coordinator.headers,
        payload: {
          ...newPlan(),
          instruments: [{ instrumentKey: 'newsletter' }, { instrumentKey: 'roadshows' }],
        },
      })
    ).json();
    const edited = await t.app.inject({
      method: 'PATCH',
      url: url(`/${plan.id}`),
      headers: coordinator.headers,
      payload: {
        version: 1,
        status: 'approved',
        budgetCapEur: null,
        instruments: [
          { instrumentKey: 'soft-landing', rationale: 'Open an office' },
          { instrumentKey: 'newsletter' },
        ],
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ status: 'approved', budgetCapEur: null, version: 2 });
    expect(edited.json().instruments.map((i: { instrumentKey: string }) => i.instrumentKey)).toEqual([
      'newsletter',
      'soft-landing',
    ]);
    const stale = await t.app.inject({
      method: 'PATCH',
      url: url(`/${plan.id}`),
      headers: coordinator.headers,
      payload: { version: 1, name: 'Lost edit', instruments: [] },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('version 2');
    expect(await count('plan_instrument')).toBe(2);

    const audit = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${slug}/audit?entityId=${plan.id}`,
        headers: coordinator.headers,
      })
    ).json().items;
    expect(audit.map((i: { action: string; entityType: string }) => `${i.action} ${i.entityType}`)).toEqual([
      'update plan',
      'create plan',
    ]);
    expect(audit[0].changes).toEqual({
      status: ['draft', 'approved'],
      budget_cap_cents: [1_000_000, null],
      instruments: [
        [
          { key: 'newsletter', rationale: '' },
          { key: 'roadshows', rationale: '' },
        ],
        [
          { key: 'newsletter', rationale: '' },
          { key: 'soft-landing', rationale: 'Open an office' },
        ],
      ],
    });
    expect(audit[1].changes.market_id).toEqual([null, marketId]);
  });

  it.each([
    ['no version', { name: 'X' }, 'body.version'],
    ['an unknown field', { version: 1, colour: 'red' }, 'body'],
    ['a negative cap', { version: 1, budgetCapEur: -0.01 }, 'body.budgetCapEur'],
    ['a cap with 3 decimals', { version: 1, budgetCapEur: 1.234 }, 'body.budgetCapEur'],
    [
      'an unknown instrument',
      { version: 1, instruments: [{ instrumentKey: 'moon-base' }] },
      'body.instruments.0.instrumentKey',
    ],
    ['a date that does not exist', { version: 1, endsOn: '2026-04-31' }, 'body.endsOn'],
    ['an empty name', { version: 1, name: '' }, 'body.name'],
  ])('refuses an edit with %s (400 naming the field) and changes nothing', async (_name, payload, field) => {
    const plan = await factory.plan(workspaceId, marketId, { budget_cap_cents: 100 });
    const res = await t.app.inject({
      method: 'PATCH',
      url: url(`/${plan.id}`),
      headers: coordinator.headers,
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    const row = await t.database.db
      .selectFrom('plan')
      .selectAll()
      .where('id', '=', plan.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual(plan);
    expect(await count('plan_instrument')).toBe(0);
  });

  it("moves a plan to another market of the workspace, but answers 404 for another workspace's market", async () => {
    const plan = await factory.plan(workspaceId, marketId);
    const elsewhere = await factory.workspace('Elsewhere');
    const foreignMarket = await factory.market(elsewhere.id);
    const refused = await t.app.inject({
      method: 'PATCH',
      url: url(`/${plan.id}`),
      headers: coordinator.headers,
      payload: { version: 1, marketId: foreignMarket.id },
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().errors[0].field).toBe('body.marketId');
    const canada = await factory.market(workspaceId, { name: 'Canada', country: 'CA' });
    const moved = await t.app.inject({
      method: 'PATCH',
      url: url(`/${plan.id}`),
      headers: coordinator.headers,
      payload: { version: 1, marketId: canada.id },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      marketId: canada.id,
      marketName: 'Canada',
      marketCountry: 'CA',
      version: 2,
    });
  });

  it('refuses a new period that would leave activities outside it, naming the field and how many', async () => {
    const plan = await factory.plan(workspaceId, marketId);
    await factory.activity(workspaceId, plan.id, { starts_on: '2026-01-15', ends_on: '2026-01-16' });
    await factory.activity(workspaceId, plan.id, { starts_on: '2026-02-01', ends_on: '2026-02-02' });
    await factory.activity(workspaceId, plan.id, { starts_on: '2026-11-01', ends_on: '2026-12-20' });
    const patch = (payload: object) =>
      t.app.inject({
        method: 'PATCH',
        url: url(`/${plan.id}`),
        headers: coordinator.headers,
        payload: { version: 1, ...payload },
      });

    const later = await patch({ startsOn: '2026-02-01' });
    expect(later.statusCode).toBe(400);
    expect(later.json().errors).toEqual([
      { field: 'body.startsOn', message: '1 activity of the plan start before 2026-02-01' },
    ]);
    const shorter = await patch({ startsOn: '2026-03-01', endsOn: '2026-06-30' });
    expect(shorter.json().errors).toEqual([
      { field: 'body.startsOn', message: '2 activities of the plan start before 2026-03-01' },
      { field: 'body.endsOn', message: '1 activity of the plan end after 2026-06-30' },
    ]);
    const reversed = await patch({ endsOn: '2025-06-30' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0].field).toBe('body.endsOn');
    const reversedByStart = await patch({ startsOn: '2027-06-30' });
    expect(reversedByStart.json().errors[0].field).toBe('body.startsOn');

    const fits = await patch({ startsOn: '2026-01-15', endsOn: '2026-12-20' });
    expect(fits.statusCode, fits.body).toBe(200);
    const row = await t.database.db
      .selectFrom('plan')
      .select(['starts_on', 'ends_on', 'version'])
      .where('id', '=', plan.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ starts_on: '2026-01-15', ends_on: '2026-12-20', version: 2 });
  });

  it('refuses to delete a plan with activities (409 saying how many), then deletes it without', async () => {
    const plan = await factory.plan(workspaceId, marketId);
    const a = await factory.activity(workspaceId, plan.id);
    await factory.activity(workspaceId, plan.id);
    const refused = await t.app.inject({
      method: 'DELETE',
      url: url(`/${plan.id}?version=1`),
      headers: coordinator.headers,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('still has 2 activities');
    await t.database.db.deleteFrom('activity').where('plan_id', '=', plan.id).execute();
    const stale = await t.app.inject({
      method: 'DELETE',
      url: url(`/${plan.id}?version=2`),
      headers: coordinator.headers,
    });
    expect(stale.statusCode).toBe(409);
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: url(`/${plan.id}?version=1`),
      headers: coordinator.headers,
    });
    expect(deleted.statusCode).toBe(204);
    expect(await count('plan')).toBe(0);
    expect(a.plan_id).toBe(plan.id);
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'entity_type', 'changes'])
      .where('entity_id', '=', plan.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'delete', entity_type: 'plan' });
  });

  it('lists plans with filters by market and status and a cursor', async () => {
    const other = await factory.market(workspaceId, { name: 'Canada', country: 'CA' });
    const a = await factory.plan(workspaceId, marketId, { name: 'A' });
    await factory.plan(workspaceId, other.id, { name: 'B', status: 'active' });
    await factory.plan(workspaceId, marketId, { name: 'C', status: 'active' });
    await factory.activity(workspaceId, a.id);
    const names = async (query: string) =>
      (await t.app.inject({ method: 'GET', url: url(query), headers: coordinator.headers })).json();
    const first = await names('?limit=2');
    expect(first.items.map((p: { name: string }) => p.name)).toEqual(['A', 'B']);
    expect(first.items[0]).toMatchObject({ activityCount: 1, marketName: 'Japan', marketCountry: 'JP' });
    expect(first.items[1]).toMatchObject({ marketName: 'Canada', activityCount: 0 });
    const second = await names(`?limit=2&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ items: [{ name: 'C' }], nextCursor: null });
    expect((await names(`?marketId=${marketId}`)).items.map((p: { name: string }) => p.name)).toEqual([
      'A',
      'C',
    ]);
    expect((await names('?status=active')).items.map((p: { name: string }) => p.name)).toEqual(['B', 'C']);
  });
});
