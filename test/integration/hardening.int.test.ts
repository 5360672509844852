import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app/build-app.ts';
import { SIGN_IN_RATE } from '../../src/features/auth/sign-in.ts';
import { testDialects } from '../support/databases.ts';
import { Factory } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Inputs that once answered 500 or slipped past a check (issue 19): each test failed before its
 * fix. Every refused request must be a 4xx naming the problem and change nothing.
 */
describe.each(testDialects())('hostile inputs of issue 19 on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let slug: string;
  let workspaceId: string;
  let headers: Record<string, string>;

  const deepJson = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
  const fieldsOf = (res: { json(): { errors?: { field: string; message: string }[] } }) =>
    (res.json().errors ?? []).map((e) => e.field);

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    headers = (await factory.memberWithToken(workspaceId, 'coordinator')).headers;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 400 to JSON nested 10,000 levels deep, signed in or not', async () => {
    for (const [url, auth] of [
      ['/api/v1/auth/sign-in', {}],
      [`/api/v1/workspaces/${slug}/clusters`, headers],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { ...auth, 'content-type': 'application/json' },
        payload: deepJson(10_000),
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().detail).toContain('nests deeper than');
    }
    expect(
      await t.database.db
        .selectFrom('cluster')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .execute(),
    ).toEqual([]);
  });

  it('still takes ordinary nesting (an import of rows of fields)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${slug}/clusters`,
      headers,
      payload: { name: 'Nested enough', shortName: 'NE', country: 'BE', city: 'Gent', dayRateEur: 450 },
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('answers 400 naming params.workspace to a NUL byte in the workspace slug', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/workspaces/${slug}%00/clusters`, headers });
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res)).toEqual(['params.workspace']);
  });

  it('answers 400 naming the field to a version beyond a 32-bit integer, and changes nothing', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${slug}/clusters`,
      headers,
      payload: { name: 'Versioned', shortName: 'VE', country: 'BE', city: 'Gent', dayRateEur: 450 },
    });
    const id = created.json().id;
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${slug}/clusters/${id}`,
      headers,
      payload: { version: 2_147_483_648, name: 'Renamed' },
    });
    expect(patch.statusCode, patch.body).toBe(400);
    expect(fieldsOf(patch)).toEqual(['body.version']);
    const remove = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/workspaces/${slug}/clusters/${id}?version=2147483648`,
      headers,
    });
    expect(remove.statusCode, remove.body).toBe(400);
    expect(fieldsOf(remove)).toEqual(['query.version']);
    const row = await t.database.db
      .selectFrom('cluster')
      .select(['name', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Versioned', version: 1 });
  });

  it('refuses to apply an estimate whose line would exceed what a budget line holds, writing nothing', async () => {
    const cluster = await factory.cluster(workspaceId);
    const rate = (eur: number) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/workspaces/${slug}/travel-rates/JP`,
        headers,
        payload: { travelEur: eur, accommodationPerNightEur: eur, subsistencePerDayEur: eur },
      });
    // A rate the budget engine would refuse is refused when it is stored, not when it is used.
    expect(fieldsOf(await rate(20_000.01))).toEqual([
      'body.travelEur',
      'body.accommodationPerNightEur',
      'body.subsistencePerDayEur',
    ]);
    expect((await rate(20_000)).statusCode).toBe(200);
    const activity = (
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${slug}/activities`,
        headers,
        payload: {
          instrumentKey: 'study-visits',
          title: 'A costly visit',
          startsOn: '2026-05-04',
          endsOn: '2026-05-06',
          clusterId: cluster.id,
        },
      })
    ).json();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${slug}/activities/${activity.id}/estimate`,
      headers,
      payload: {
        parameters: { units: 1, travellers: 100, nights: 365, destination: 'JP' },
        fundingSource: 'eu_programme',
        apply: true,
        version: activity.version,
      },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.parameters']);
    expect(
      await t.database.db
        .selectFrom('cost_line')
        .select('id')
        .where('activity_id', '=', activity.id)
        .execute(),
    ).toEqual([]);
  });

  it('tells the browser and any cache not to keep personal and workspace answers', async () => {
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect(me.headers['cache-control']).toBe('no-store');
    const clusters = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${slug}/clusters`,
      headers,
    });
    expect(clusters.headers['cache-control']).toBe('no-store');
    const refused = await t.app.inject({ method: 'GET', url: `/api/v1/workspaces/${slug}/clusters` });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
    // The public catalogue revalidates with its entity tag instead.
    const catalogue = await t.app.inject({ method: 'GET', url: '/api/v1/instruments' });
    expect(catalogue.headers['cache-control']).toBe('no-cache');
  });

  it('checks country codes in one way: UK and EU are refused with what to write instead', async () => {
    for (const [country, hint] of [
      ['UK', '"GB"'],
      ['EU', 'member state'],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${slug}/clusters`,
        headers,
        payload: {
          name: `Cluster ${country}`,
          shortName: country,
          country,
          city: 'Somewhere',
          dayRateEur: 450,
        },
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors).toEqual([{ field: 'body.country', message: expect.stringContaining(hint) }]);
    }
    const market = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${slug}/markets`,
      headers,
      payload: { name: 'Britain', country: 'UK' },
    });
    expect(market.statusCode, market.body).toBe(400);
    expect(fieldsOf(market)).toContain('body.country');
  });

  it('marks the session cookie Secure behind a TLS proxy it trusts, and only then', async () => {
    const password = 'correct horse battery staple';
    const user = await factory.userWithPassword(password);
    const signIn = (app: TestApp['app']) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: user.email, password },
      });
    const untrusting = await signIn(t.app);
    expect(untrusting.statusCode, untrusting.body).toBe(200);
    expect(String(untrusting.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
    const behindProxy = await buildApp({ database: t.database, trustProxy: true });
    try {
      const trusting = await signIn(behindProxy);
      expect(trusting.statusCode, trusting.body).toBe(200);
      expect(String(trusting.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    } finally {
      await behindProxy.close();
    }
  });

  it('answers a URL the router cannot read, or a path segment too long to route, with a problem document', async () => {
    // Found by the hostile-input suite: Fastify answered these in its own JSON, before any hook.
    for (const [url, status] of [
      [`/api/v1/workspaces/${slug}/clusters/%zz`, 400],
      [`/api/v1/workspaces/%C0%AF/clusters`, 400],
      [`/api/v1/workspaces/${slug}/clusters/${'x'.repeat(3000)}`, 414],
    ] as const) {
      const res = await t.app.inject({ method: 'DELETE', url: `${url}?version=1`, headers });
      expect(res.statusCode, url).toBe(status);
      expect(res.headers['content-type'], url).toMatch(/^application\/problem\+json/);
      expect(res.json(), url).toMatchObject({ status, detail: expect.any(String) });
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it("refuses a cluster manager copying a plan with another cluster's activities, and writes nothing", async () => {
    // Found by the hostile-input suite: the copy created activities (and their planned budget)
    // in the name of other clusters, which POST /activities refuses the manager.
    const own = await factory.cluster(workspaceId);
    const other = await factory.cluster(workspaceId);
    const manager = await factory.memberWithToken(workspaceId, 'cluster_manager', own.id);
    const market = await factory.market(workspaceId, { owner_cluster_id: own.id });
    const plan = await factory.plan(workspaceId, market.id);
    const foreignActivity = await factory.activity(workspaceId, plan.id, { cluster_id: other.id });
    await factory.costLine(workspaceId, foreignActivity.id);
    const count = async (table: 'plan' | 'activity' | 'cost_line') =>
      (await t.database.db.selectFrom(table).select('id').where('workspace_id', '=', workspaceId).execute())
        .length;
    const before = [await count('plan'), await count('activity'), await count('cost_line')];
    const copy = (payload: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${slug}/plans/${plan.id}/copy`,
        headers: manager.headers,
        payload: { marketId: market.id, ...payload },
      });
    const refused = await copy({});
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().detail).toContain('activity.create');
    expect([await count('plan'), await count('activity'), await count('cost_line')]).toEqual(before);
    // Its own cluster's activities it may copy, and the plan without activities.
    await t.database.db
      .updateTable('activity')
      .set({ cluster_id: own.id })
      .where('id', '=', foreignActivity.id)
      .execute();
    expect((await copy({})).statusCode).toBe(201);
    await t.database.db
      .updateTable('activity')
      .set({ cluster_id: other.id })
      .where('id', '=', foreignActivity.id)
      .execute();
    expect((await copy({ includeActivities: false })).statusCode).toBe(201);
  });

  it('takes cost lines of one activity sent at once, and its actual costs count every one', async () => {
    // Found by the kill -9 burst: on PostgreSQL, transactions refreshing the same activity's KPIs
    // at once deleted rows the other could not see yet and inserted the same keys (409 "unique
    // value" for most of them), or would have summed the lines without the other's.
    const cluster = await factory.cluster(workspaceId);
    const activity = await factory.activity(workspaceId, null, { cluster_id: cluster.id });
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: `/api/v1/workspaces/${slug}/activities/${activity.id}/cost-lines`,
          headers,
          payload: {
            kind: 'actual',
            category: 'travel',
            fundingSource: 'cluster',
            description: `Line ${i}`,
            amountEur: i + 1,
            incurredOn: '2026-03-10',
          },
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 201));
    const actual = await t.database.db
      .selectFrom('kpi_actual')
      .select('value')
      .where('activity_id', '=', activity.id)
      .where('kpi_key', '=', 'actual_costs')
      .executeTakeFirstOrThrow();
    // 1 + 2 + … + 12 EUR, in cents.
    expect(actual.value).toBe(7_800);
  });
  it('rate-limits every public auth route, accepting an invitation included, per client address', async () => {
    // Found by the outside test: accept-invitation answered every request. A valid body for each
    // public POST under /api/v1/auth (a body that fails validation is refused before any limit
    // counts); a new public auth route fails here until it is listed, and limited.
    const bodies: Record<string, object> = {
      '/api/v1/auth/sign-in': { email: 'limited@example.test', password: 'not the password' },
      '/api/v1/auth/password-reset': { email: 'limited@example.test' },
      '/api/v1/auth/password-reset/confirm': { token: 'guessed', password: 'a long enough new passphrase' },
      '/api/v1/auth/invitation-preview': { token: 'guessed' },
      '/api/v1/auth/accept-invitation': { token: 'guessed', password: 'a long enough new passphrase' },
    };
    const signedIn = new Set(['/api/v1/auth/sign-out', '/api/v1/auth/sign-out-everywhere']);
    const paths = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths as Record<
      string,
      Record<string, unknown>
    >;
    const publicAuthPosts = Object.keys(paths).filter(
      (path) => path.startsWith('/api/v1/auth/') && paths[path]?.post && !signedIn.has(path),
    );
    expect(publicAuthPosts.sort()).toEqual(Object.keys(bodies).sort());
    for (const [index, url] of publicAuthPosts.entries()) {
      const remoteAddress = `192.0.2.${200 + index}`;
      const statuses: number[] = [];
      for (let i = 0; i <= SIGN_IN_RATE.max; i++) {
        statuses.push(
          (await t.app.inject({ method: 'POST', url, payload: bodies[url], remoteAddress })).statusCode,
        );
      }
      expect(statuses.slice(0, SIGN_IN_RATE.max), url).not.toContain(429);
      expect(statuses.at(-1), url).toBe(429);
    }
  });
});
