import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { NetworkHealthFactory } from '../../../test/support/network-health-factories.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { type Database, openDatabase } from '../../db/database.ts';
import { AuthRepository } from '../auth/repository.ts';
import { createMailer } from '../mail/create-mailer.ts';
import { DEFAULT_MAIL_SETTINGS } from '../mail/mailer.ts';
import { isoWeekOf, mondayOf, NetworkDigestService } from './digest.ts';

/** Monday 7 December 2026, 10:00 UTC (ISO week 2026-W50): "today" is 2026-12-07. */
const NOW = new Date('2026-12-07T10:00:00Z');
const PUBLIC_URL = 'https://hub.example.test';

describe('ISO weeks', () => {
  it('numbers weeks as ISO 8601 does, and finds their Monday', () => {
    expect(isoWeekOf('2026-12-07')).toBe('2026-W50');
    expect(isoWeekOf('2026-12-13')).toBe('2026-W50');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOf('2025-12-29')).toBe('2026-W01');
    expect(mondayOf('2026-W50')).toBe('2026-12-07');
    expect(mondayOf('2026-W01')).toBe('2025-12-29');
    expect(mondayOf('2025-W53')).toBeNull();
    expect(mondayOf('2026-W00')).toBeNull();
    expect(mondayOf('2026-50')).toBeNull();
  });
});

describe.each(testDialects())('network health on %s', (kind) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let factory: Factory;
  let network: NetworkHealthFactory;
  let slug: string;
  let workspaceId: string;
  let clusterId: string;
  let marketId: string;
  let coordinator: Awaited<ReturnType<Factory['memberWithToken']>>;
  let manager: Awaited<ReturnType<Factory['memberWithToken']>>;
  let viewer: Awaited<ReturnType<Factory['memberWithToken']>>;
  let other: { slug: string; marketId: string; headers: Record<string, string> };
  const ids: Record<string, string> = {};
  const url = (path: string) => `/api/v1/workspaces/${slug}/network${path}`;
  const get = (path: string, headers: Record<string, string> = coordinator.headers) =>
    t.app.inject({ method: 'GET', url: url(path), headers });

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp(kind, {
      clock: () => NOW,
      mail: { smtpUrl: smtp.url, from: 'SPACE2ID Hub <hub@example.test>', publicUrl: PUBLIC_URL },
    });
    factory = new Factory(t.database.db);
    network = new NetworkHealthFactory(t.database.db);
    const workspace = await factory.workspace('Health consortium');
    slug = workspace.slug;
    workspaceId = workspace.id;
    clusterId = (await factory.cluster(workspaceId)).id;
    marketId = (await factory.market(workspaceId, { name: 'Japan', country: 'JP' })).id;
    coordinator = await factory.memberWithToken(workspaceId, 'coordinator');
    manager = await factory.memberWithToken(workspaceId, 'cluster_manager', clusterId);
    viewer = await factory.memberWithToken(workspaceId, 'viewer');
    await new AuthRepository(t.database.db).setLanguage(manager.user.id, 'fr');

    const org = async (key: string, overrides = {}) => {
      ids[key] = (await network.organisation(workspaceId, { name: `Org ${key}`, ...overrides })).id;
      return ids[key] as string;
    };
    const rel = async (key: string, orgId: string, overrides = {}) => {
      ids[`r${key}`] = (await network.relationship(workspaceId, clusterId, orgId, overrides)).id;
    };
    // A: partner (limit 60), last interaction 2026-10-01 → 67 days: decaying.
    await org('A');
    await network.interaction(workspaceId, ids.A as string, '2026-09-01');
    await network.interaction(workspaceId, ids.A as string, '2026-10-01');
    await rel('A', ids.A as string, { stage: 'partner', owner_user_id: coordinator.user.id });
    // B: contacted (limit 90), 2026-11-20 → 17 days; in the market; owned by the viewer.
    await org('B');
    await network.interaction(workspaceId, ids.B as string, '2026-11-20');
    await rel('B', ids.B as string, {
      stage: 'contacted',
      market_id: marketId,
      owner_user_id: viewer.user.id,
    });
    // C: met (limit 90), no interaction, began 2026-08-01 → 128 days: decaying.
    await org('C', { city: 'Osaka' });
    await rel('C', ids.C as string, {
      stage: 'met',
      started_on: '2026-08-01',
      owner_user_id: coordinator.user.id,
    });
    // D: mapped (no limit), began 2025-01-01 → 705 days, never decaying.
    await org('D', { country: 'KR', city: 'Seoul' });
    await rel('D', ids.D as string, {
      stage: 'mapped',
      started_on: '2025-01-01',
      owner_user_id: coordinator.user.id,
    });
    // E: dormant: not followed.
    await org('E');
    await network.interaction(workspaceId, ids.E as string, '2026-12-01');
    await rel('E', ids.E as string, { stage: 'dormant', stage_reason: 'Left the sector' });
    // F: met (limit 90), last interaction 2026-09-08 → exactly 90 days: decaying; the manager's.
    await org('F', { city: null });
    await network.interaction(workspaceId, ids.F as string, '2026-09-08');
    await rel('F', ids.F as string, { stage: 'met', owner_user_id: manager.user.id });
    // Next steps: the manager's overdue one is listed; a done one and a future one are not.
    await network.interaction(workspaceId, ids.B as string, '2026-11-20', {
      next_step: 'Send the MoU draft',
      next_step_due_on: '2026-12-01',
      next_step_owner_user_id: manager.user.id,
    });
    await network.interaction(workspaceId, ids.B as string, '2026-11-20', {
      next_step: 'Already done',
      next_step_due_on: '2026-11-25',
      next_step_owner_user_id: manager.user.id,
      next_step_done_at: '2026-11-26T10:00:00Z',
    });
    await network.interaction(workspaceId, ids.B as string, '2026-11-20', {
      next_step: 'Not due yet',
      next_step_due_on: '2026-12-10',
      next_step_owner_user_id: viewer.user.id,
    });

    const otherWorkspace = await factory.workspace('Other consortium');
    const otherCoordinator = await factory.memberWithToken(otherWorkspace.id, 'coordinator');
    other = {
      slug: otherWorkspace.slug,
      marketId: (await factory.market(otherWorkspace.id)).id,
      headers: otherCoordinator.headers,
    };
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('lists the relationships in the pipeline, longest silence first, with the hand-checked days', async () => {
    const response = await get('/health');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.today).toBe('2026-12-07');
    expect(body.total).toBe(5);
    expect(body.nextCursor).toBeNull();
    const rows = body.items.map((item: Record<string, unknown>) => [
      item.relationshipId,
      item.stage,
      item.lastInteractionOn,
      item.daysSince,
      item.decayDays,
      item.decaying,
    ]);
    expect(rows).toEqual([
      [ids.rD, 'mapped', null, 705, null, false],
      [ids.rC, 'met', null, 128, 90, true],
      [ids.rF, 'met', '2026-09-08', 90, 90, true],
      [ids.rA, 'partner', '2026-10-01', 67, 60, true],
      [ids.rB, 'contacted', '2026-11-20', 17, 90, false],
    ]);
    expect(body.items[3]).toMatchObject({
      counterpart: { kind: 'network_organisation', id: ids.A, name: 'Org A', country: 'JP' },
      ours: { kind: 'cluster', id: clusterId },
      owner: { id: coordinator.user.id, name: 'A coordinator' },
      market: null,
      clusterId,
    });
    expect(body.items[4].market).toEqual({ id: marketId, name: 'Japan' });

    const ascending = (await get('/health?sort=daysSince')).json();
    expect(ascending.items.map((i: { relationshipId: string }) => i.relationshipId)).toEqual([
      ids.rB,
      ids.rA,
      ids.rF,
      ids.rC,
      ids.rD,
    ]);
  });

  it('filters: decaying only, stage, market, cluster, owner=me; pages with a cursor', async () => {
    const ofQuery = async (query: string, headers = coordinator.headers) => {
      const response = await get(`/health?${query}`, headers);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      return { ids: body.items.map((i: { relationshipId: string }) => i.relationshipId), total: body.total };
    };
    expect(await ofQuery('decaying=true')).toEqual({ ids: [ids.rC, ids.rF, ids.rA], total: 3 });
    expect(await ofQuery('stage=partner')).toEqual({ ids: [ids.rA], total: 1 });
    expect(await ofQuery(`marketId=${marketId}`)).toEqual({ ids: [ids.rB], total: 1 });
    expect((await ofQuery(`clusterId=${clusterId}`)).total).toBe(5);
    expect(await ofQuery('owner=me')).toEqual({ ids: [ids.rD, ids.rC, ids.rA], total: 3 });
    expect(await ofQuery('owner=me', manager.headers)).toEqual({ ids: [ids.rF], total: 1 });
    expect(await ofQuery('owner=me&decaying=true', viewer.headers)).toEqual({ ids: [], total: 0 });

    const first = (await get('/health?limit=2')).json();
    expect(first.items.map((i: { relationshipId: string }) => i.relationshipId)).toEqual([ids.rD, ids.rC]);
    expect(first.total).toBe(5);
    const second = (await get(`/health?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((i: { relationshipId: string }) => i.relationshipId)).toEqual([ids.rF, ids.rA]);
    const third = (await get(`/health?limit=2&cursor=${second.nextCursor}`)).json();
    expect(third.items.map((i: { relationshipId: string }) => i.relationshipId)).toEqual([ids.rB]);
    expect(third.nextCursor).toBeNull();
  });

  it('keeps the last interaction day through edits and deletes of interactions (triggers)', async () => {
    const db = t.database.db;
    const orgId = (await network.organisation(workspaceId, { name: 'Org triggers' })).id;
    const early = await network.interaction(workspaceId, orgId, '2026-03-01');
    const relationship = await network.relationship(workspaceId, clusterId, orgId, {
      stage: 'met',
      started_on: '2026-06-01',
    });
    const state = async () => {
      const r = await db
        .selectFrom('relationship')
        .select(['last_interaction_on', 'health_on'])
        .where('id', '=', relationship.id)
        .executeTakeFirstOrThrow();
      const o = await db
        .selectFrom('network_organisation')
        .select('last_interaction_on')
        .where('id', '=', orgId)
        .executeTakeFirstOrThrow();
      return [r.last_interaction_on, r.health_on, o.last_interaction_on];
    };
    // A relationship made after the interaction finds it.
    expect(await state()).toEqual(['2026-03-01', '2026-03-01', '2026-03-01']);
    const late = await network.interaction(workspaceId, orgId, '2026-11-01');
    await network.interaction(workspaceId, orgId, '2026-05-01');
    expect(await state()).toEqual(['2026-11-01', '2026-11-01', '2026-11-01']);
    await db
      .updateTable('interaction')
      .set({ occurred_on: '2026-04-01' })
      .where('id', '=', late.id)
      .execute();
    expect(await state()).toEqual(['2026-05-01', '2026-05-01', '2026-05-01']);
    await db
      .deleteFrom('interaction')
      .where('network_organisation_id', '=', orgId)
      .where('id', '<>', early.id)
      .execute();
    expect(await state()).toEqual(['2026-03-01', '2026-03-01', '2026-03-01']);
    // Moved to another organisation: both sides recomputed; without any, days count from the start.
    const otherOrg = (await network.organisation(workspaceId, { name: 'Org triggers 2' })).id;
    await db
      .updateTable('interaction')
      .set({ network_organisation_id: otherOrg })
      .where('id', '=', early.id)
      .execute();
    expect(await state()).toEqual([null, '2026-06-01', null]);
    await db
      .updateTable('relationship')
      .set({ started_on: '2026-06-02' })
      .where('id', '=', relationship.id)
      .execute();
    expect(await state()).toEqual([null, '2026-06-02', null]);
    await db.deleteFrom('relationship').where('id', '=', relationship.id).execute();
    await db.deleteFrom('interaction').where('network_organisation_id', '=', otherOrg).execute();
    await db.deleteFrom('network_organisation').where('id', 'in', [orgId, otherOrg]).execute();
  });

  it('refuses bad input naming the field', async () => {
    for (const [query, field] of [
      ['stage=dormant', 'query.stage'],
      ['stage=nonsense', 'query.stage'],
      ['decaying=yes', 'query.decaying'],
      ['owner=someone', 'query.owner'],
      ['limit=0', 'query.limit'],
      ['limit=99999999999', 'query.limit'],
      ['sort=name', 'query.sort'],
      ['cursor=%25%25', 'query.cursor'],
      [`marketId=${'x'.repeat(101)}`, 'query.marketId'],
    ] as const) {
      const response = await get(`/health?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(JSON.stringify(response.json().errors), query).toContain(field);
    }
    for (const query of [`marketId=${other.marketId}`, 'marketId=nope', 'clusterId=nope']) {
      const response = await get(`/health?${query}`);
      expect(response.statusCode, query).toBe(404);
      expect(JSON.stringify(response.json()), query).toContain(query.split('=')[0] as string);
    }
    const first = (await get('/health?limit=1')).json();
    const mixed = await get(`/health?limit=1&sort=daysSince&cursor=${first.nextCursor}`);
    expect(mixed.statusCode).toBe(400);
    expect(JSON.stringify(mixed.json().errors)).toContain('query.cursor');
  });

  it('gives each network organisation its days since the last interaction', async () => {
    const response = await get('/health/organisations');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.total).toBe(6);
    const rows = body.items.map((i: Record<string, unknown>) => [
      i.name,
      i.lastInteractionOn,
      i.daysSince,
      i.relationshipCount,
    ]);
    // Never contacted first (C, D in id order), then the longest silence.
    expect(rows.slice(0, 2).sort()).toEqual([
      ['Org C', null, null, 1],
      ['Org D', null, null, 1],
    ]);
    expect(rows.slice(2)).toEqual([
      ['Org F', '2026-09-08', 90, 1],
      ['Org A', '2026-10-01', 67, 1],
      ['Org B', '2026-11-20', 17, 1],
      ['Org E', '2026-12-01', 6, 0],
    ]);
    const korea = (await get('/health/organisations?country=KR')).json();
    expect(korea.items.map((i: { name: string }) => i.name)).toEqual(['Org D']);
    const searched = (await get('/health/organisations?q=org%20f')).json();
    expect(searched.items.map((i: { name: string }) => i.name)).toEqual(['Org F']);
    const bad = await get('/health/organisations?country=UK');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('query.country');
  });

  it('summarises the network of a market’s country; another workspace’s market answers 404', async () => {
    const response = await get(`/markets/${marketId}/summary`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.market).toEqual({ id: marketId, name: 'Japan', country: 'JP' });
    expect(body.organisations.total).toBe(5);
    expect(body.organisations.byCity).toEqual([
      { city: 'Tokyo', count: 3 },
      { city: null, count: 1 },
      { city: 'Osaka', count: 1 },
    ]);
    const byStage = Object.fromEntries(
      body.relationshipsByStage.map((s: { stage: string; count: number }) => [s.stage, s.count]),
    );
    expect(byStage).toEqual({
      mapped: 0,
      contacted: 1,
      met: 2,
      potential_partner: 0,
      partner: 1,
      collaborating: 0,
      common_project: 0,
      dormant: 1,
      closed: 0,
    });
    expect((await get(`/markets/${other.marketId}/summary`)).statusCode).toBe(404);
    expect((await get('/markets/no-such-market/summary')).statusCode).toBe(404);
  });

  it('lets staff read and refuses members and mentors', async () => {
    expect((await get('/health', viewer.headers)).statusCode).toBe(200);
    expect((await get('/funnel', manager.headers)).statusCode).toBe(200);
    const member = await factory.memberWithToken(
      workspaceId,
      'member',
      null,
      (await factory.organisation(workspaceId, clusterId)).id,
    );
    expect((await get('/health', member.headers)).statusCode).toBe(403);
    expect((await get('/health', other.headers)).statusCode).toBe(404);
  });

  describe('the funnel', () => {
    let funnelSlug: string;
    let headers: Record<string, string>;
    let m2: string;
    let c2: string;

    beforeAll(async () => {
      const workspace = await factory.workspace('Funnel consortium');
      funnelSlug = workspace.slug;
      const ws = workspace.id;
      const cluster = (await factory.cluster(ws)).id;
      c2 = (await factory.cluster(ws)).id;
      headers = (await factory.memberWithToken(ws, 'coordinator')).headers;
      const m1 = (await factory.market(ws)).id;
      m2 = (await factory.market(ws, { country: 'KR' })).id;
      const org = async () => (await network.organisation(ws)).id;
      // R1: mapped 02-01, contacted 03-10, met 05-01.
      const r1 = await network.relationship(ws, cluster, await org(), {
        stage: 'mapped',
        started_on: '2026-02-01',
        market_id: m1,
      });
      await network.move(ws, r1.id, 'contacted', '2026-03-10');
      await network.move(ws, r1.id, 'met', '2026-05-01');
      // R2: begins at contacted on 04-15 (mapped too), jumps to partner on 08-01 (met, potential partner too).
      const r2 = await network.relationship(ws, cluster, await org(), {
        stage: 'contacted',
        started_on: '2026-04-15',
        market_id: m1,
      });
      await network.move(ws, r2.id, 'partner', '2026-08-01');
      // R3: mapped before the period, contacted 01-10, dormant 06-01 (never counts).
      const r3 = await network.relationship(ws, cluster, await org(), {
        stage: 'mapped',
        started_on: '2025-12-01',
      });
      await network.move(ws, r3.id, 'contacted', '2026-01-10');
      await network.move(ws, r3.id, 'dormant', '2026-06-01');
      // R4: mapped 10-01, in the second market and cluster.
      await network.relationship(ws, c2, await org(), {
        stage: 'mapped',
        started_on: '2026-10-01',
        market_id: m2,
        our_cluster_id: c2,
      });
      // R5: reached contacted in 2027: after the period, not counted.
      const r5 = await network.relationship(ws, cluster, await org(), {
        stage: 'mapped',
        started_on: '2026-12-01',
      });
      await network.move(ws, r5.id, 'contacted', '2027-01-05');
    });

    const funnel = (query: string) =>
      t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${funnelSlug}/network/funnel?${query}`,
        headers,
      });
    const reached = (stages: { reached: number }[]) => stages.map((s) => s.reached);

    it('counts the relationships that first reached each stage in the period, hand-counted', async () => {
      const response = await funnel('from=2026-01-01&to=2026-12-31&period=quarter');
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      // mapped: R1, R2, R4, R5 · contacted: R1, R2, R3 · met: R1, R2 · potential partner, partner: R2.
      expect(reached(body.stages)).toEqual([4, 3, 2, 1, 1, 0, 0]);
      expect(body.stages.map((s: { conversion: number | null }) => s.conversion)).toEqual([
        null,
        0.75,
        2 / 3,
        0.5,
        1,
        0,
        null,
      ]);
      expect(body.periods.map((p: { period: string }) => p.period)).toEqual([
        '2026-Q1',
        '2026-Q2',
        '2026-Q3',
        '2026-Q4',
      ]);
      expect(body.periods.map((p: { stages: { reached: number }[] }) => reached(p.stages))).toEqual([
        [1, 2, 0, 0, 0, 0, 0],
        [1, 1, 1, 0, 0, 0, 0],
        [0, 0, 1, 1, 1, 0, 0],
        [2, 0, 0, 0, 0, 0, 0],
      ]);
    });

    it('filters by market and cluster, buckets by month and year', async () => {
      expect(reached((await funnel(`from=2026-01-01&to=2026-12-31&marketId=${m2}`)).json().stages)).toEqual([
        1, 0, 0, 0, 0, 0, 0,
      ]);
      expect(reached((await funnel(`from=2026-01-01&to=2026-12-31&clusterId=${c2}`)).json().stages)).toEqual([
        1, 0, 0, 0, 0, 0, 0,
      ]);
      const months = (await funnel('from=2026-03-01&to=2026-05-31&period=month')).json();
      expect(months.periods.map((p: { period: string }) => p.period)).toEqual([
        '2026-03',
        '2026-04',
        '2026-05',
      ]);
      expect(reached(months.stages)).toEqual([1, 2, 1, 0, 0, 0, 0]);
      const years = (await funnel('from=2025-01-01&to=2027-12-31&period=year')).json();
      expect(
        years.periods.map((p: { period: string; stages: { reached: number }[] }) => [
          p.period,
          reached(p.stages),
        ]),
      ).toEqual([
        ['2025', [1, 0, 0, 0, 0, 0, 0]],
        ['2026', [4, 3, 2, 1, 1, 0, 0]],
        ['2027', [0, 1, 0, 0, 0, 0, 0]],
      ]);
      // Defaults: the year up to today (2026-12-07).
      const defaults = (await funnel('')).json();
      expect([defaults.from, defaults.to, defaults.period]).toEqual(['2025-12-08', '2026-12-07', 'quarter']);
    });

    it('refuses bad input naming the field', async () => {
      for (const [query, field, status] of [
        ['from=2026-12-31&to=2026-01-01', 'query.to', 400],
        ['period=week', 'query.period', 400],
        ['from=2026-02-30', 'query.from', 400],
        ['to=yesterday', 'query.to', 400],
        ['marketId=nope', 'query.marketId', 404],
        [`marketId=${other.marketId}`, 'query.marketId', 404],
        ['clusterId=nope', 'query.clusterId', 404],
      ] as const) {
        const response = await funnel(query);
        expect(response.statusCode, query).toBe(status);
        expect(JSON.stringify(response.json()), query).toContain(field);
      }
    });
  });

  describe('the weekly digest', () => {
    let second: Database;
    const digestService = (db: Database['db']) =>
      new NetworkDigestService({
        db,
        mailer: createMailer(
          {
            ...DEFAULT_MAIL_SETTINGS,
            smtpUrl: smtp.url,
            from: 'SPACE2ID Hub <hub@example.test>',
            publicUrl: PUBLIC_URL,
          },
          db,
        ),
        publicUrl: PUBLIC_URL,
        clock: () => NOW,
      });

    beforeAll(() => {
      second = openDatabase(t.testDatabase.url);
    });
    afterAll(async () => {
      await second?.close();
    });

    it('mails each owner with something to report once, even with two servers racing', async () => {
      const before = smtp.messages.length;
      const runs = await Promise.all([
        digestService(t.database.db).sendWorkspace(workspaceId, '2026-W50'),
        digestService(second.db).sendWorkspace(workspaceId, '2026-W50'),
      ]);
      // The coordinator (A, C decaying) and the manager (F decaying, an overdue step); the viewer
      // owns only B, which is fresh, and a step not due yet: nothing, no mail.
      expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(2);
      expect(runs.reduce((sum, run) => sum + run.alreadySent, 0)).toBe(2);
      const mails = smtp.messages.slice(before);
      expect(mails.map((m) => m.to[0]).sort()).toEqual([coordinator.user.email, manager.user.email].sort());
      const rows = await t.database.db
        .selectFrom('network_digest')
        .select(['user_id', 'week', 'sent_at'])
        .where('workspace_id', '=', workspaceId)
        .execute();
      expect(rows).toHaveLength(2);
      expect(rows.every((row) => row.week === '2026-W50' && row.sent_at !== null)).toBe(true);

      const again = await digestService(t.database.db).sendWorkspace(workspaceId, '2026-W50');
      expect(again).toEqual({ week: '2026-W50', sent: 0, alreadySent: 2 });
      expect(smtp.messages.length).toBe(before + 2);
    });

    it('writes the decaying relationships and overdue next steps, in the owner’s language', async () => {
      const english = await smtp.waitFor((m) => m.to.includes(coordinator.user.email));
      expect(english.subject).toBe('Network health 2026-W50: relationships to revive (Health consortium)');
      expect(english.text).toContain("Relationships without contact past their stage's limit (2):");
      expect(english.text).toContain('- Org C (Met): 128 days without contact, limit 90');
      expect(english.text).toContain('- Org A (Partner): 67 days without contact, limit 60');
      expect(english.text.indexOf('Org C')).toBeLessThan(english.text.indexOf('Org A'));
      expect(english.text).not.toContain('Org D');
      expect(english.text).not.toContain('Overdue');
      expect(english.html).toContain(`href="${PUBLIC_URL}/w/${slug}/network/health"`);

      const french = await smtp.waitFor((m) => m.to.includes(manager.user.email));
      expect(french.subject).toBe('Santé du réseau 2026-W50 : relations à relancer (Health consortium)');
      expect(french.text).toContain('- Org F (Rencontré) : 90 jours sans contact, limite 90');
      expect(french.text).toContain('Prochaines étapes en retard (1) :');
      expect(french.text).toContain('- Org B : Send the MoU draft (échéance 2026-12-01)');
      expect(french.text).not.toContain('Already done');
      expect(french.text).not.toContain('Not due yet');
    });

    it('the tick sends the week of each workspace’s time zone, and refuses a malformed week', async () => {
      const runs = await digestService(t.database.db).tick();
      const ours = runs.filter((run) => run.alreadySent > 0);
      expect(ours).toEqual([{ week: '2026-W50', sent: 0, alreadySent: 2 }]);
      await expect(digestService(t.database.db).sendWeek('2026-W54')).rejects.toThrow('not an ISO week');
      const next = await digestService(t.database.db).sendWeek('2026-W51', workspaceId);
      expect(next).toEqual([{ week: '2026-W51', sent: 2, alreadySent: 0 }]);
    });
  });
});
