import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/databases.ts';
import { materialise } from '../support/hostile/materialise.ts';
import { type Operation, operationsOf } from '../support/hostile/operations.ts';
import { type PlannedRequest, requestArbitrary } from '../support/hostile/requests.ts';
import { Pools, pooledTables, tablesOf } from '../support/hostile/targets.ts';
import { createWorld, type World } from '../support/hostile/world.ts';
import { SurveyRows } from '../support/survey-factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Issue 19: edits carry the version they were read at. N edits of one record sent at once with
 * the same version: exactly one is taken (200), the others are told of the conflict (409), and
 * the record's version moved by one. Every PATCH of the OpenAPI document whose body carries a
 * version is tried, with a body the generator made valid (found by sending it once alone).
 */
const PARALLEL = 8;

describe.each(testDialects())('parallel edits with the same version on %s', (kind) => {
  let t: TestApp;
  let world: World;
  let pools: Pools;
  let edits: Operation[];
  let tables: Awaited<ReturnType<typeof tablesOf>>;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const operations = operationsOf((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json());
    world = await createWorld(t.app, t.database);
    tables = await tablesOf(t.database);
    pools = new Pools(
      t.database,
      tables,
      pooledTables(operations, tables),
      { a: world.a.id, b: world.b.id },
      world.protectedIds,
    );
    await pools.refresh();
    // Saved views are each user's own (another user's answers 404), which the generated requests
    // cannot target: their parallel edits have the dedicated test below. The operator's routes
    // need the instance operator, whom the generated world does not have, and valid settings need
    // an IANA time zone and an ISO currency the generator does not make: both races are tested in
    // src/features/workspaces/workspaces.int.test.ts.
    edits = operations.filter(
      (op) =>
        op.method === 'PATCH' &&
        op.bodies['application/json']?.required?.includes('version') === true &&
        !op.path.includes('/saved-views/') &&
        !op.path.startsWith('/api/v1/operator/') &&
        !op.path.endsWith('/settings') &&
        // A stage change is edited with its relationship's version (the generator pairs a change with
        // any relationship): its race is tested in src/features/relationships/relationships.int.test.ts.
        !op.path.endsWith('/changes/{changeId}') &&
        // The event portal's callers sign in with an event link, which the generated callers do not
        // have; its edit is the same versioned update of the participant as the organisers'.
        !op.path.startsWith('/api/v1/event-portal/') &&
        // A valid event set-up needs an IANA time zone and dates in order, which the generator does
        // not make: its race has the dedicated test below.
        op.path !== '/api/v1/workspaces/{workspace}/events/{eventId}' &&
        // A participant is addressed through its own event, a pair the generator does not make:
        // the dedicated test below races its edit (the portal's `PATCH /event-portal/me` is the same).
        op.path !== '/api/v1/workspaces/{workspace}/events/{eventId}/participants/{participantId}' &&
        // Only a draft wave is edited, and the generated world's waves are mostly sent: the
        // dedicated test below races the edit of a draft.
        op.path !== '/api/v1/workspaces/{workspace}/surveys/waves/{id}',
    );
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('finds the edits that carry a version', () => {
    expect(edits.map((op) => op.key)).toContain('PATCH /api/v1/workspaces/{workspace}/clusters/{id}');
    expect(edits.length).toBeGreaterThanOrEqual(8);
  });

  it('takes exactly one of N edits sent at once with the same version, and answers the others 409', async () => {
    const results: string[] = [];
    for (const op of edits) {
      // A body the route takes: generated valid requests, sent one at a time until one is.
      const valid = requestArbitrary(op, 'coordinator', { tables }).filter((p) => p.hostility === 'valid');
      let plan: PlannedRequest | undefined;
      for (let seed = 0; seed < 60 && !plan; seed++) {
        const [candidate] = fc.sample(valid, { seed, numRuns: 1 });
        const probe = materialise(candidate as PlannedRequest, world, pools);
        const res = await t.app.inject({
          method: 'PATCH',
          url: probe.url,
          headers: probe.headers,
          payload: probe.payload,
        });
        await pools.refresh();
        if (res.statusCode === 200) plan = candidate;
      }
      expect(plan, `${op.key}: no valid edit found`).toBeDefined();
      const request = materialise(plan as PlannedRequest, world, pools);
      const target = request.target as NonNullable<typeof request.target>;
      const version = target.row.version as number;
      const answers = await Promise.all(
        Array.from({ length: PARALLEL }, () =>
          t.app.inject({
            method: 'PATCH',
            url: request.url,
            headers: request.headers,
            payload: request.payload,
          }),
        ),
      );
      const statuses = answers.map((a) => a.statusCode).sort();
      await pools.refresh();
      const after = pools.byId(target.table, target.row.id)?.row.version;
      results.push(`${op.key}: ${statuses.join(' ')}; version ${version} → ${after}`);
      expect(statuses, op.key).toEqual([200, ...Array.from({ length: PARALLEL - 1 }, () => 409)]);
      expect(after, op.key).toBe(version + 1);
    }
    console.info(`parallel edits on ${kind}:\n  ${results.join('\n  ')}`);
  }, 120_000);

  it("takes exactly one of N edits of a user's saved view sent at once with the same version", async () => {
    const caller = world.callers.get('coordinator');
    expect(caller).toBeDefined();
    const headers = (caller as { headers: Record<string, string> }).headers;
    const url = `/api/v1/workspaces/${world.a.slug}/saved-views`;
    const created = await t.app.inject({
      method: 'POST',
      url,
      headers,
      payload: { list: 'people', name: 'Parallel', query: { sort: 'name' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const view = created.json();
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        t.app.inject({
          method: 'PATCH',
          url: `${url}/${view.id}`,
          headers,
          payload: { version: view.version, name: `Parallel ${i}` },
        }),
      ),
    );
    const statuses = answers.map((res) => res.statusCode).sort();
    expect(statuses).toEqual([200, ...Array(PARALLEL - 1).fill(409)]);
    const row = await t.database.db
      .selectFrom('saved_view')
      .select('version')
      .where('id', '=', view.id)
      .executeTakeFirstOrThrow();
    expect(row.version).toBe(view.version + 1);
  });

  it('takes exactly one of N edits of a B2B event sent at once with the same version', async () => {
    const caller = world.callers.get('coordinator');
    expect(caller).toBeDefined();
    const headers = (caller as { headers: Record<string, string> }).headers;
    const event = await t.database.db
      .selectFrom('b2b_event')
      .select(['id', 'version'])
      .where('workspace_id', '=', world.a.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        t.app.inject({
          method: 'PATCH',
          url: `/api/v1/workspaces/${world.a.slug}/events/${event.id}`,
          headers,
          payload: { version: event.version, description: `Parallel ${i}` },
        }),
      ),
    );
    const statuses = answers.map((res) => res.statusCode).sort();
    expect(statuses, answers.map((res) => res.body).join('\n')).toEqual([
      200,
      ...Array(PARALLEL - 1).fill(409),
    ]);
    const row = await t.database.db
      .selectFrom('b2b_event')
      .select('version')
      .where('id', '=', event.id)
      .executeTakeFirstOrThrow();
    expect(row.version).toBe(event.version + 1);
  });

  it('takes exactly one of N edits of a draft survey wave sent at once with the same version', async () => {
    const caller = world.callers.get('coordinator');
    expect(caller).toBeDefined();
    const headers = (caller as { headers: Record<string, string> }).headers;
    const rows = new SurveyRows(t.database.db);
    const questionnaire = await rows.questionnaire(world.a.id);
    const wave = await rows.wave(world.a.id, questionnaire.id, { status: 'draft', opened_at: null });
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        t.app.inject({
          method: 'PATCH',
          url: `/api/v1/workspaces/${world.a.slug}/surveys/waves/${wave.id}`,
          headers,
          payload: { version: wave.version, name: `Parallel ${i}` },
        }),
      ),
    );
    const statuses = answers.map((res) => res.statusCode).sort();
    expect(statuses, answers.map((res) => res.body).join('\n')).toEqual([
      200,
      ...Array(PARALLEL - 1).fill(409),
    ]);
    const row = await t.database.db
      .selectFrom('survey_wave')
      .select('version')
      .where('id', '=', wave.id)
      .executeTakeFirstOrThrow();
    expect(row.version).toBe(wave.version + 1);
  });

  it('takes exactly one of N edits of a B2B event participant sent at once with the same version', async () => {
    const caller = world.callers.get('coordinator');
    expect(caller).toBeDefined();
    const headers = (caller as { headers: Record<string, string> }).headers;
    const participant = await t.database.db
      .selectFrom('b2b_participant')
      .select(['id', 'event_id', 'version'])
      .where('workspace_id', '=', world.a.id)
      .where('status', '=', 'approved')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        t.app.inject({
          method: 'PATCH',
          url: `/api/v1/workspaces/${world.a.slug}/events/${participant.event_id}/participants/${participant.id}`,
          headers,
          payload: { version: participant.version, profile: { offers: `Parallel ${i}` } },
        }),
      ),
    );
    const statuses = answers.map((res) => res.statusCode).sort();
    expect(statuses, answers.map((res) => res.body).join('\n')).toEqual([
      200,
      ...Array(PARALLEL - 1).fill(409),
    ]);
    const row = await t.database.db
      .selectFrom('b2b_participant')
      .select('version')
      .where('id', '=', participant.id)
      .executeTakeFirstOrThrow();
    expect(row.version).toBe(participant.version + 1);
  });
});
