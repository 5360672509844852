import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { readinessAnswers, SurveyRows } from '../../../test/support/survey-factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

describe.each(testDialects())('the recommended roadmap on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let slug: string;
  let workspaceId: string;
  let clusterId: string;
  let marketId: string;
  let coordinator: { headers: Record<string, string> };
  const url = (market: string, query = 'budget=2000000&from=2027-01-01&to=2027-12-31') =>
    `/api/v1/workspaces/${slug}/markets/${market}/recommendation${query ? `?${query}` : ''}`;
  const count = async (table: 'plan' | 'activity' | 'cost_line') =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('workspace_id', '=', workspaceId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    clusterId = (await factory.cluster(workspaceId)).id;
    coordinator = await factory.memberWithToken(workspaceId, 'coordinator');
    marketId = (
      await factory.market(workspaceId, { name: 'Japan', country: 'JP', owner_cluster_id: clusterId })
    ).id;
    for (const name of ['Orbital', 'Kite', 'Lumen']) {
      await factory.organisation(workspaceId, clusterId, { name, target_market_interests: '["JP","CA"]' });
    }
  });

  it('chooses instruments and quantities under the cap, proven optimal, with a reason for every instrument', async () => {
    const response = await t.app.inject({ method: 'GET', url: url(marketId), headers: coordinator.headers });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.empty).toBeNull();
    expect(body.facts.interestedMembers).toBe(3);
    expect(body.periodMonths).toBe(12);
    expect(body.proof.status).toBe('optimal');
    expect(body.chosen.length).toBeGreaterThan(0);
    expect(body.totalCostCents).toBeLessThanOrEqual(2_000_000);
    expect(body.totalCostCents).toBe(
      body.chosen.reduce((s: number, c: { costCents: number }) => s + c.costCents, 0),
    );
    expect(body.chosen.length + body.rejected.length).toBe(17);
    for (const item of [...body.chosen, ...body.rejected]) expect(item.reasons.length).toBeGreaterThan(0);
    // Matchmaking counts entities: at most the three interested members.
    const matchmaking = [...body.chosen].find(
      (c: { instrumentKey: string }) => c.instrumentKey === 'matchmaking-events',
    );
    if (matchmaking) expect(matchmaking.quantity).toBeLessThanOrEqual(3);
    // No partners in Japan and nothing done: soft landing is not chosen unless a matchmaking, visit or roadshow is.
    const keys = body.chosen.map((c: { instrumentKey: string }) => c.instrumentKey);
    if (keys.includes('soft-landing')) {
      expect(keys.some((k: string) => ['matchmaking-events', 'study-visits', 'roadshows'].includes(k))).toBe(
        true,
      );
    }
    // Lines are the budget engine's for Japan: a chosen study visit has travel to Japan.
    for (const c of body.chosen) {
      expect(c.lines.reduce((s: number, l: { amountCents: number }) => s + l.amountCents, 0)).toBe(
        c.costCents,
      );
    }
    // Phase order: the chosen list reads preparatory, then leads, then sustain.
    const order = body.chosen.map((c: { phase: string }) =>
      ['preparatory', 'leads', 'sustain'].indexOf(c.phase),
    );
    expect(order).toEqual([...order].sort());
  });

  it('a tiny cap says over budget; members not ready favour preparatory instruments', async () => {
    const tiny = (
      await t.app.inject({
        method: 'GET',
        url: url(marketId, 'budget=100&from=2027-01-01&to=2027-06-30'),
        headers: coordinator.headers,
      })
    ).json();
    expect(tiny.chosen).toEqual([]);
    expect(
      tiny.rejected.every((r: { reasons: Array<{ code: string }> }) =>
        r.reasons.some((x) => x.code === 'over_budget'),
      ),
    ).toBe(true);

    const surveys = new SurveyRows(t.database.db);
    const questionnaire = await surveys.questionnaire(workspaceId);
    const wave = await surveys.wave(workspaceId, questionnaire.id);
    const members = await t.database.db
      .selectFrom('organisation')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .execute();
    for (const member of members) {
      await surveys.response(workspaceId, wave.id, readinessAnswers(1), { organisation_id: member.id });
    }
    const body = (
      await t.app.inject({ method: 'GET', url: url(marketId), headers: coordinator.headers })
    ).json();
    expect(body.facts.membersNotReady).toBe(true);
    expect(body.facts.stages).toEqual([{ stage: 'impasse', members: 3 }]);
    const reasons = [...body.chosen, ...body.rejected].flatMap((c: { reasons: Array<{ code: string }> }) =>
      c.reasons.map((r) => r.code),
    );
    expect(reasons).toContain('prepares_members');
    expect(reasons).toContain('members_not_ready');
  });

  it('a market with no interested members: 200 with an explained empty result; accepting it writes nothing', async () => {
    const empty = (
      await factory.market(workspaceId, { name: 'Brazil', country: 'BR', owner_cluster_id: clusterId })
    ).id;
    const response = await t.app.inject({ method: 'GET', url: url(empty), headers: coordinator.headers });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.empty).toBe('no_interested_members');
    expect(body.chosen).toEqual([]);
    expect(body.rejected).toHaveLength(17);
    expect(body.rejected[0].reasons[0].code).toBe('needs_interested_members');
    const accept = await t.app.inject({
      method: 'POST',
      url: `${url(empty, '')}/accept`,
      headers: coordinator.headers,
      payload: { budget: 2_000_000, from: '2027-01-01', to: '2027-12-31', name: 'Brazil 2027' },
    });
    expect(accept.statusCode).toBe(400);
    expect(await count('plan')).toBe(0);
  });

  it('refuses bad input with 4xx naming the field, and another workspace market with 404', async () => {
    const cases: Array<[string, string]> = [
      ['budget=0&from=2027-01-01&to=2027-12-31', 'query.budget'],
      ['budget=-5&from=2027-01-01&to=2027-12-31', 'query.budget'],
      ['budget=12.5&from=2027-01-01&to=2027-12-31', 'query.budget'],
      ['budget=abc&from=2027-01-01&to=2027-12-31', 'query.budget'],
      ['budget=1000&from=2027-02-30&to=2027-12-31', 'query.from'],
      ['budget=1000&from=2027-06-01&to=2027-01-01', 'query.to'],
      ['budget=1000&from=2027-01-01&to=2040-01-01', 'query.to'],
      ['from=2027-01-01&to=2027-12-31', 'query.budget'],
    ];
    for (const [query, field] of cases) {
      const response = await t.app.inject({
        method: 'GET',
        url: url(marketId, query),
        headers: coordinator.headers,
      });
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const other = await factory.workspace('Other');
    const foreign = (await factory.market(other.id, { name: 'Canada', country: 'CA' })).id;
    expect(
      (await t.app.inject({ method: 'GET', url: url(foreign), headers: coordinator.headers })).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: url('nope'), headers: coordinator.headers })).statusCode,
    ).toBe(404);
    const bad = await t.app.inject({
      method: 'POST',
      url: `${url(marketId, '')}/accept`,
      headers: coordinator.headers,
      payload: { budget: 0, from: '2027-01-01', to: '2027-12-31', name: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(await count('plan')).toBe(0);
  });

  it('members without budget.read may not see it; a member of another cluster may not accept', async () => {
    const viewer = await factory.memberWithToken(workspaceId, 'member');
    expect(
      (await t.app.inject({ method: 'GET', url: url(marketId), headers: viewer.headers })).statusCode,
    ).toBe(403);
    const otherCluster = (await factory.cluster(workspaceId)).id;
    const manager = await factory.memberWithToken(workspaceId, 'cluster_manager', otherCluster);
    const accept = await t.app.inject({
      method: 'POST',
      url: `${url(marketId, '')}/accept`,
      headers: manager.headers,
      payload: { budget: 2_000_000, from: '2027-01-01', to: '2027-12-31', name: 'Japan 2027' },
    });
    expect(accept.statusCode).toBe(403);
    expect(await count('plan')).toBe(0);
  });

  it('accepting creates a draft plan with dated activities in phase order and their estimated cost lines, audited', async () => {
    const recommendation = (
      await t.app.inject({ method: 'GET', url: url(marketId), headers: coordinator.headers })
    ).json();
    const response = await t.app.inject({
      method: 'POST',
      url: `${url(marketId, '')}/accept`,
      headers: coordinator.headers,
      payload: { budget: 2_000_000, from: '2027-01-01', to: '2027-12-31', name: 'Japan 2027' },
    });
    expect(response.statusCode).toBe(201);
    const accepted = response.json();
    expect(accepted.totalCostCents).toBe(recommendation.totalCostCents);
    const plan = await t.database.db
      .selectFrom('plan')
      .selectAll()
      .where('id', '=', accepted.planId)
      .executeTakeFirstOrThrow();
    expect(plan).toMatchObject({
      name: 'Japan 2027',
      status: 'draft',
      market_id: marketId,
      starts_on: '2027-01-01',
      ends_on: '2027-12-31',
    });
    expect(Number(plan.budget_cap_cents)).toBe(2_000_000);
    const activities = await t.database.db
      .selectFrom('activity as a')
      .innerJoin('instrument as i', 'i.id', 'a.instrument_id')
      .select(['a.id', 'a.starts_on', 'a.ends_on', 'a.status', 'a.country', 'i.phase', 'i.key'])
      .where('a.plan_id', '=', accepted.planId)
      .orderBy('a.starts_on')
      .execute();
    expect(activities).toHaveLength(accepted.activities);
    for (const a of activities) {
      expect(a.starts_on >= '2027-01-01' && a.ends_on <= '2027-12-31' && a.starts_on <= a.ends_on).toBe(true);
      expect(a.status).toBe('planned');
      expect(a.country).toBe('JP');
    }
    // Each phase's activities start after the earlier phase's first activity.
    const firstStart = (phase: string) => activities.find((a) => a.phase === phase)?.starts_on;
    const prep = firstStart('preparatory');
    const leads = firstStart('leads');
    if (prep && leads) expect(prep < leads).toBe(true);
    const lines = await t.database.db
      .selectFrom('cost_line')
      .select(['amount_cents', 'kind', 'origin'])
      .where(
        'activity_id',
        'in',
        activities.map((a) => a.id),
      )
      .execute();
    expect(lines).toHaveLength(accepted.costLines);
    expect(lines.reduce((s, l) => s + Number(l.amount_cents), 0)).toBe(recommendation.totalCostCents);
    expect(lines.every((l) => l.kind === 'planned' && l.origin === 'estimate')).toBe(true);
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['entity_type'])
      .where('workspace_id', '=', workspaceId)
      .where('action', '=', 'create')
      .execute();
    expect(audit.filter((a) => a.entity_type === 'plan')).toHaveLength(1);
    expect(audit.filter((a) => a.entity_type === 'activity')).toHaveLength(accepted.activities);
    // The plan page shows it.
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${slug}/plans/${accepted.planId}`,
      headers: coordinator.headers,
    });
    expect(page.statusCode).toBe(200);
    expect(page.json().activities).toHaveLength(accepted.activities);
  });
});
