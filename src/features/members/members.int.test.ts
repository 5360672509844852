import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

describe.each(testDialects())('workspace members on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  const home = { id: '', slug: '', clusterId: '', organisationId: '' };
  const foreign = { id: '', slug: '', clusterId: '', organisationId: '', userId: '' };
  let coordinator: { user: { id: string; email: string }; headers: Record<string, string> };

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    const workspace = await factory.workspace('Orbit Consortium');
    Object.assign(home, { id: workspace.id, slug: workspace.slug });
    home.clusterId = (await factory.cluster(workspace.id)).id;
    home.organisationId = (await factory.organisation(workspace.id, home.clusterId)).id;
    coordinator = await factory.memberWithToken(workspace.id, 'coordinator');
    const other = await factory.workspace('Elsewhere');
    foreign.id = other.id;
    foreign.slug = other.slug;
    foreign.clusterId = (await factory.cluster(other.id)).id;
    foreign.organisationId = (await factory.organisation(other.id, foreign.clusterId)).id;
    foreign.userId = (await factory.memberWithToken(other.id, 'coordinator')).user.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const url = (path = '') => `/api/v1/workspaces/${home.slug}/members${path}`;
  const list = async (query = '') => {
    const res = await t.app.inject({ method: 'GET', url: url(query), headers: coordinator.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      items: { userId: string; email: string; role: string; version: number }[];
      nextCursor: string | null;
    };
  };
  const patch = (userId: string, payload: object, headers = coordinator.headers) =>
    t.app.inject({ method: 'PATCH', url: url(`/${userId}`), headers, payload });
  const remove = (userId: string, version: number, headers = coordinator.headers) =>
    t.app.inject({ method: 'DELETE', url: url(`/${userId}?version=${version}`), headers });
  const membership = (userId: string) =>
    t.database.db
      .selectFrom('membership')
      .select(['role', 'cluster_id', 'organisation_id', 'version'])
      .where('workspace_id', '=', home.id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  const auditOf = (userId: string) =>
    t.database.db
      .selectFrom('audit_event')
      .select(['action', 'entity_type', 'changes', 'actor_user_id'])
      .where('workspace_id', '=', home.id)
      .where('entity_id', '=', userId)
      .orderBy('id')
      .execute();

  describe('GET /workspaces/{workspace}/members', () => {
    it('lists the members with name, e-mail, role, scope and version — not those of other workspaces', async () => {
      const manager = await factory.memberWithToken(home.id, 'cluster_manager', home.clusterId);
      const page = await list('?limit=200');
      const item = page.items.find((i) => i.userId === manager.user.id);
      expect(item).toEqual({
        userId: manager.user.id,
        name: 'A cluster_manager',
        email: manager.user.email,
        role: 'cluster_manager',
        clusterId: home.clusterId,
        organisationId: null,
        createdAt: expect.any(String),
        version: 1,
      });
      expect(page.items.map((i) => i.userId)).not.toContain(foreign.userId);
    });

    it('searches name and e-mail, filters by role and pages with a cursor', async () => {
      const mentors = [];
      for (let i = 0; i < 3; i++) mentors.push(await factory.memberWithToken(home.id, 'mentor'));
      const byRole = await list('?role=mentor&limit=200');
      expect(byRole.items.every((i) => i.role === 'mentor')).toBe(true);
      expect(byRole.items.map((i) => i.userId)).toEqual(
        expect.arrayContaining(mentors.map((m) => m.user.id)),
      );

      const email = mentors[1]?.user.email ?? '';
      expect((await list(`?q=${encodeURIComponent(email.toUpperCase())}`)).items.map((i) => i.email)).toEqual(
        [email],
      );
      // A LIKE wildcard is searched for literally.
      expect((await list('?q=%25')).items).toEqual([]);

      const first = await list('?role=mentor&limit=2');
      expect(first.items).toHaveLength(2);
      expect(first.nextCursor).not.toBeNull();
      const rest = await list(`?role=mentor&limit=200&cursor=${first.nextCursor}`);
      expect([...first.items, ...rest.items].map((i) => i.userId)).toEqual(byRole.items.map((i) => i.userId));
      expect(rest.nextCursor).toBeNull();
    });

    it('refuses an unknown role filter, naming the field', async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: url('?role=admin'),
        headers: coordinator.headers,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('query.role');
    });
  });

  describe('PATCH /workspaces/{workspace}/members/{userId}', () => {
    it('changes the role with its cluster, raises the version and audits the change', async () => {
      const { user } = await factory.memberWithToken(home.id, 'viewer');
      const res = await patch(user.id, { version: 1, role: 'cluster_manager', clusterId: home.clusterId });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ role: 'cluster_manager', clusterId: home.clusterId, version: 2 });
      expect(await membership(user.id)).toEqual({
        role: 'cluster_manager',
        cluster_id: home.clusterId,
        organisation_id: null,
        version: 2,
      });
      const audit = await auditOf(user.id);
      expect(audit).toEqual([
        {
          action: 'update',
          entity_type: 'membership',
          actor_user_id: coordinator.user.id,
          changes: JSON.stringify({
            role: ['viewer', 'cluster_manager'],
            cluster_id: [null, home.clusterId],
          }),
        },
      ]);
    });

    it('makes a member a member of an organisation of the workspace', async () => {
      const { user } = await factory.memberWithToken(home.id, 'viewer');
      const res = await patch(user.id, { version: 1, role: 'member', organisationId: home.organisationId });
      expect(res.statusCode, res.body).toBe(200);
      expect((await membership(user.id))?.organisation_id).toBe(home.organisationId);
    });

    it('refuses a stale version with 409 and changes nothing', async () => {
      const { user } = await factory.memberWithToken(home.id, 'viewer');
      expect((await patch(user.id, { version: 1, role: 'mentor' })).statusCode).toBe(200);
      const stale = await patch(user.id, { version: 1, role: 'member' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().detail).toMatch(/changed by someone else/);
      expect((await membership(user.id))?.role).toBe('mentor');
    });

    it.each([
      ['a cluster manager without a cluster', { role: 'cluster_manager' }, 'body.clusterId'],
      [
        'a cluster of another workspace',
        { role: 'cluster_manager', clusterId: 'FOREIGN_CLUSTER' },
        'body.clusterId',
      ],
      ['a viewer with a cluster', { role: 'viewer', clusterId: 'OWN_CLUSTER' }, 'body.clusterId'],
      ['a mentor with an organisation', { role: 'mentor', organisationId: 'OWN_ORG' }, 'body.organisationId'],
      [
        'an organisation of another workspace',
        { role: 'member', organisationId: 'FOREIGN_ORG' },
        'body.organisationId',
      ],
      ['an unknown role', { role: 'admin' }, 'body.role'],
      ['no version', { role: 'viewer', version: undefined }, 'body.version'],
      ['an unknown field', { role: 'viewer', email: 'x@example.test' }, 'body'],
    ])('refuses %s with 400 naming %s, changing nothing', async (_what, body, field) => {
      const { user } = await factory.memberWithToken(home.id, 'viewer');
      const ids: Record<string, string> = {
        FOREIGN_CLUSTER: foreign.clusterId,
        OWN_CLUSTER: home.clusterId,
        OWN_ORG: home.organisationId,
        FOREIGN_ORG: foreign.organisationId,
      };
      const payload = Object.fromEntries(
        Object.entries({ version: 1, ...body }).map(([k, v]) => [
          k,
          typeof v === 'string' ? (ids[v] ?? v) : v,
        ]),
      );
      const res = await patch(user.id, payload);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await membership(user.id)).toEqual({
        role: 'viewer',
        cluster_id: null,
        organisation_id: null,
        version: 1,
      });
    });

    it('answers 404 for a user who is not a member of this workspace (a member elsewhere)', async () => {
      const res = await patch(foreign.userId, { version: 1, role: 'viewer' });
      expect(res.statusCode).toBe(404);
      const foreignRole = await t.database.db
        .selectFrom('membership')
        .select('role')
        .where('user_id', '=', foreign.userId)
        .executeTakeFirstOrThrow();
      expect(foreignRole.role).toBe('coordinator');
    });
  });

  describe('DELETE /workspaces/{workspace}/members/{userId}', () => {
    it('removes the member (the account stays) and audits it', async () => {
      const { user, headers } = await factory.memberWithToken(home.id, 'mentor');
      const res = await remove(user.id, 1);
      expect(res.statusCode, res.body).toBe(204);
      expect(await membership(user.id)).toBeUndefined();
      const account = await t.database.db
        .selectFrom('app_user')
        .select('id')
        .where('id', '=', user.id)
        .executeTakeFirst();
      expect(account).toEqual({ id: user.id });
      expect((await auditOf(user.id)).map((a) => [a.action, JSON.parse(a.changes).role])).toEqual([
        ['delete', ['mentor', null]],
      ]);
      // The removed user no longer sees the workspace.
      const after = await t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${home.slug}/clusters`,
        headers,
      });
      expect(after.statusCode).toBe(404);
    });

    it('refuses a stale version with 409 and a missing one with 400 naming query.version', async () => {
      const { user } = await factory.memberWithToken(home.id, 'viewer');
      expect((await remove(user.id, 7)).statusCode).toBe(409);
      const missing = await t.app.inject({
        method: 'DELETE',
        url: url(`/${user.id}`),
        headers: coordinator.headers,
      });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().errors[0].field).toBe('query.version');
      expect(await membership(user.id)).toBeDefined();
    });

    it("answers 404 for another workspace's member", async () => {
      expect((await remove(foreign.userId, 1)).statusCode).toBe(404);
    });
  });

  describe('the last coordinator', () => {
    it('cannot be removed or demoted, not even by themselves (409); with a second coordinator they can', async () => {
      const workspace = await factory.workspace('Solo');
      const solo = await factory.memberWithToken(workspace.id, 'coordinator');
      const soloUrl = (path: string) => `/api/v1/workspaces/${workspace.slug}/members${path}`;
      const demote = await t.app.inject({
        method: 'PATCH',
        url: soloUrl(`/${solo.user.id}`),
        headers: solo.headers,
        payload: { version: 1, role: 'viewer' },
      });
      expect(demote.statusCode).toBe(409);
      expect(demote.json().detail).toMatch(/at least one coordinator/);
      const leave = await t.app.inject({
        method: 'DELETE',
        url: soloUrl(`/${solo.user.id}?version=1`),
        headers: solo.headers,
      });
      expect(leave.statusCode).toBe(409);
      // Keeping the role (e.g. a no-op save) is fine.
      const keep = await t.app.inject({
        method: 'PATCH',
        url: soloUrl(`/${solo.user.id}`),
        headers: solo.headers,
        payload: { version: 1, role: 'coordinator' },
      });
      expect(keep.statusCode, keep.body).toBe(200);

      const second = await factory.memberWithToken(workspace.id, 'coordinator');
      const stepDown = await t.app.inject({
        method: 'PATCH',
        url: soloUrl(`/${solo.user.id}`),
        headers: solo.headers,
        payload: { version: 2, role: 'viewer' },
      });
      expect(stepDown.statusCode, stepDown.body).toBe(200);
      const last = await t.app.inject({
        method: 'DELETE',
        url: soloUrl(`/${second.user.id}?version=1`),
        headers: second.headers,
      });
      expect(last.statusCode).toBe(409);
    });

    it('survives two coordinators demoting each other at the same time: one of them stays', async () => {
      const workspace = await factory.workspace('Pair');
      const a = await factory.memberWithToken(workspace.id, 'coordinator');
      const b = await factory.memberWithToken(workspace.id, 'coordinator');
      const demote = (who: typeof a, by: typeof a) =>
        t.app.inject({
          method: 'PATCH',
          url: `/api/v1/workspaces/${workspace.slug}/members/${who.user.id}`,
          headers: by.headers,
          payload: { version: 1, role: 'viewer' },
        });
      const results = await Promise.all([demote(a, b), demote(b, a)]);
      const statuses = results.map((r) => r.statusCode).sort();
      // The second one either finds no other coordinator (409) or, having lost its role, is refused (403).
      expect(statuses[0]).toBe(200);
      expect([403, 409]).toContain(statuses[1]);
      const coordinators = await t.database.db
        .selectFrom('membership')
        .select('user_id')
        .where('workspace_id', '=', workspace.id)
        .where('role', '=', 'coordinator')
        .execute();
      expect(coordinators).toHaveLength(1);
    });
  });
});
