import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/access/policy.ts';
import { testDialects } from '../support/databases.ts';
import { Factory } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Every workspace route, for every role, in the caller's own workspace and in another one.
 * The expected statuses are written out by hand; a route without a row here fails the first test.
 */
type Caller = Role | 'cluster_manager_of_other_cluster';
const CALLERS: Caller[] = [
  'coordinator',
  'cluster_manager',
  'cluster_manager_of_other_cluster',
  'member',
  'mentor',
  'viewer',
];

interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** OpenAPI path, e.g. `/api/v1/workspaces/{workspace}/clusters/{id}` */
  path: string;
  /** Status in the own workspace, per caller (the target cluster is the cluster manager's own). */
  expected: Record<Caller, number>;
  body?: (version: number) => unknown;
  query?: (version: number) => string;
  /** `fresh`: a new cluster without managers per request (deleting the own one is refused while it has managers). */
  target?: 'own' | 'fresh';
}

const all = (status: number): Record<Caller, number> =>
  Object.fromEntries(CALLERS.map((c) => [c, status])) as Record<Caller, number>;
const only = (allowed: Partial<Record<Caller, number>>): Record<Caller, number> => ({
  ...all(403),
  ...allowed,
});

const CASES: RouteCase[] = [
  { method: 'GET', path: '/api/v1/workspaces/{workspace}/clusters', expected: all(200) },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/clusters',
    expected: only({ coordinator: 201 }),
    body: () => ({
      name: 'New',
      shortName: `N${Math.random().toString(36).slice(2, 8)}`,
      country: 'ES',
      city: 'Madrid',
      dayRateEur: 400,
    }),
  },
  { method: 'GET', path: '/api/v1/workspaces/{workspace}/clusters/{id}', expected: all(200) },
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/clusters/{id}',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    body: (version) => ({ version, city: 'Edited' }),
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/clusters/{id}',
    expected: only({ coordinator: 204 }),
    query: (version) => `?version=${version}`,
    target: 'fresh',
  },
  { method: 'GET', path: '/api/v1/workspaces/{workspace}/audit', expected: only({ coordinator: 200 }) },
];

describe.each(testDialects())('role matrix on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  const home = { slug: '', id: '' };
  const foreign = { slug: '', id: '', clusterId: '' };
  const callers = new Map<Caller, Record<string, string>>();
  let ownClusterId = '';
  let otherOwnClusterId = '';

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    const workspace = await factory.workspace('Home');
    Object.assign(home, { slug: workspace.slug, id: workspace.id });
    const other = await factory.workspace('Elsewhere');
    const otherCluster = await factory.cluster(other.id);
    Object.assign(foreign, { slug: other.slug, id: other.id, clusterId: otherCluster.id });
    ownClusterId = (await factory.cluster(workspace.id)).id;
    otherOwnClusterId = (await factory.cluster(workspace.id)).id;
    for (const caller of CALLERS) {
      const role: Role = caller === 'cluster_manager_of_other_cluster' ? 'cluster_manager' : caller;
      const clusterId =
        caller === 'cluster_manager'
          ? ownClusterId
          : caller === 'cluster_manager_of_other_cluster'
            ? otherOwnClusterId
            : null;
      callers.set(caller, (await factory.memberWithToken(workspace.id, role, clusterId)).headers);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('covers every workspace route of the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => path.startsWith('/api/v1/workspaces/'))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(CASES.map((c) => `${c.method} ${c.path}`).sort()).toEqual(documented);
  });

  async function request(
    route: RouteCase,
    caller: Caller,
    workspaceSlug: string,
    clusterId: string,
    version: number,
  ) {
    const url =
      route.path.replace('{workspace}', workspaceSlug).replace('{id}', clusterId) +
      (route.query?.(version) ?? '');
    return t.app.inject({
      method: route.method,
      url,
      headers: callers.get(caller),
      ...(route.body ? { payload: route.body(version) as object } : {}),
    });
  }

  describe.each(CASES)('$method $path', (route) => {
    it.each(CALLERS)('in the own workspace: %s gets the expected status', async (caller) => {
      const targetId = route.target === 'fresh' ? (await factory.cluster(home.id)).id : ownClusterId;
      const current = await t.database.db
        .selectFrom('cluster')
        .select(['id', 'version', 'city'])
        .where('id', '=', targetId)
        .executeTakeFirstOrThrow();
      const res = await request(route, caller, home.slug, current.id, current.version);
      expect(res.statusCode, res.body).toBe(route.expected[caller]);
      if (res.statusCode === 403) {
        const after = await t.database.db
          .selectFrom('cluster')
          .select(['version', 'city'])
          .where('id', '=', current.id)
          .executeTakeFirstOrThrow();
        expect(after).toEqual({ version: current.version, city: current.city });
      }
    });

    it.each(CALLERS)('in another workspace: %s gets 404 and changes nothing', async (caller) => {
      const before = await t.database.db
        .selectFrom('cluster')
        .selectAll()
        .where('workspace_id', '=', foreign.id)
        .execute();
      const res = await request(route, caller, foreign.slug, foreign.clusterId, 1);
      expect(res.statusCode).toBe(404);
      expect(res.json().detail).toContain(foreign.slug);
      const after = await t.database.db
        .selectFrom('cluster')
        .selectAll()
        .where('workspace_id', '=', foreign.id)
        .execute();
      expect(after).toEqual(before);
    });
  });

  it.each(CALLERS)(
    "%s gets 404 for another workspace's cluster id in the own workspace's URL",
    async (caller) => {
      for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
        const res = await t.app.inject({
          method,
          url: `/api/v1/workspaces/${home.slug}/clusters/${foreign.clusterId}${method === 'DELETE' ? '?version=1' : ''}`,
          headers: callers.get(caller),
          ...(method === 'PATCH' ? { payload: { version: 1, city: 'Hijacked' } } : {}),
        });
        // Members without the permission are refused before the lookup (403); nobody learns of the cluster.
        expect([403, 404], `${method}`).toContain(res.statusCode);
        if (method === 'GET' || caller === 'coordinator') expect(res.statusCode).toBe(404);
      }
      const untouched = await t.database.db
        .selectFrom('cluster')
        .select('city')
        .where('id', '=', foreign.clusterId)
        .executeTakeFirstOrThrow();
      expect(untouched.city).toBe('Brussels');
    },
  );

  it('answers 401 to every workspace route without credentials', async () => {
    for (const route of CASES) {
      const res = await request(route, 'viewer', home.slug, ownClusterId, 1).then(() =>
        t.app.inject({
          method: route.method,
          url: route.path.replace('{workspace}', home.slug).replace('{id}', ownClusterId),
        }),
      );
      expect(res.statusCode, `${route.method} ${route.path}`).toBe(401);
    }
  });
});
