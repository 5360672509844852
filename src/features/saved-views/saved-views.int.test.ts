import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { Role } from '../../domain/access/policy.ts';
import { MAX_VIEWS_PER_LIST } from './schema.ts';

const ROLES: Role[] = ['coordinator', 'cluster_manager', 'member', 'mentor', 'viewer'];

describe.each(testDialects())('saved views API on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let slug: string;
  let workspaceId: string;
  let alice: Record<string, string>;
  let bob: Record<string, string>;
  const url = (path = '') => `/api/v1/workspaces/${slug}/saved-views${path}`;

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    alice = (await factory.memberWithToken(workspaceId, 'viewer')).headers;
    bob = (await factory.memberWithToken(workspaceId, 'coordinator')).headers;
  });
  afterAll(async () => {
    await t?.close();
  });

  const inject = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    headers: Record<string, string>,
    payload?: object,
  ) => t.app.inject({ method, url: url(path), headers, ...(payload ? { payload } : {}) });

  async function auditActions(entityId: string) {
    const rows = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'entity_type'])
      .where('entity_id', '=', entityId)
      .orderBy('id')
      .execute();
    return rows.map((row) => `${row.entity_type}.${row.action}`);
  }

  it('creates, lists by name, renames, re-saves and deletes a view, each step audited', async () => {
    const created = await inject('POST', '', alice, {
      list: 'organisations',
      name: '  Spanish SMEs ',
      query: { country: 'ES', type: 'sme', sort: '-name' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const view = created.json();
    expect(view).toMatchObject({
      list: 'organisations',
      name: 'Spanish SMEs',
      query: { country: 'ES', type: 'sme', sort: '-name' },
      version: 1,
    });
    await inject('POST', '', alice, { list: 'organisations', name: 'Belgians', query: { country: 'BE' } });
    await inject('POST', '', alice, { list: 'people', name: 'Zeta', query: {} });

    const listed = (await inject('GET', '?list=organisations', alice)).json();
    expect(listed.items.map((v: { name: string }) => v.name)).toEqual(['Belgians', 'Spanish SMEs']);

    const renamed = await inject('PATCH', `/${view.id}`, alice, { version: 1, name: 'SMEs in Spain' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'SMEs in Spain', query: view.query, version: 2 });
    const resaved = await inject('PATCH', `/${view.id}`, alice, { version: 2, query: { country: 'ES' } });
    expect(resaved.json()).toMatchObject({ name: 'SMEs in Spain', query: { country: 'ES' }, version: 3 });

    const stale = await inject('DELETE', `/${view.id}?version=1`, alice);
    expect(stale.statusCode).toBe(409);
    const deleted = await inject('DELETE', `/${view.id}?version=3`, alice);
    expect(deleted.statusCode).toBe(204);
    expect((await inject('GET', '?list=organisations', alice)).json().items).toHaveLength(1);
    expect(await auditActions(view.id)).toEqual([
      'saved_view.create',
      'saved_view.update',
      'saved_view.update',
      'saved_view.delete',
    ]);
  });

  it("keeps each user's views to that user: another user's view is 404 and unchanged", async () => {
    const view = (
      await inject('POST', '', alice, { list: 'markets', name: 'Mine', query: { status: 'active' } })
    ).json();
    expect((await inject('GET', '?list=markets', bob)).json().items).toEqual([]);
    const rename = await inject('PATCH', `/${view.id}`, bob, { version: 1, name: 'Taken' });
    expect(rename.statusCode).toBe(404);
    const remove = await inject('DELETE', `/${view.id}?version=1`, bob);
    expect(remove.statusCode).toBe(404);
    // The same name is free for another user.
    const same = await inject('POST', '', bob, { list: 'markets', name: 'Mine', query: {} });
    expect(same.statusCode).toBe(201);
    expect((await inject('GET', '?list=markets', alice)).json().items).toEqual([view]);
  });

  it("never shows or changes a view of the same user in another workspace (404 for that workspace's id)", async () => {
    const other = await factory.workspace('Elsewhere');
    const { user, headers } = await factory.memberWithToken(workspaceId, 'viewer');
    await factory.addMember(other.id, user.id, 'viewer');
    const foreign = (
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${other.slug}/saved-views`,
        headers,
        payload: { list: 'people', name: 'There', query: {} },
      })
    ).json();
    expect((await inject('GET', '?list=people', headers)).json().items).toEqual([]);
    expect((await inject('PATCH', `/${foreign.id}`, headers, { version: 1, name: 'Here' })).statusCode).toBe(
      404,
    );
    expect((await inject('DELETE', `/${foreign.id}?version=1`, headers)).statusCode).toBe(404);
  });

  it.each(ROLES)('lets a %s keep views', async (role) => {
    const { headers } = await factory.memberWithToken(workspaceId, role);
    const created = await inject('POST', '', headers, {
      list: 'activities',
      name: 'Mine',
      query: { status: 'done' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await inject('GET', '?list=activities', headers)).json().items).toHaveLength(1);
  });

  it('refuses a second view of the same name on the same list (400), but not on another list', async () => {
    await inject('POST', '', alice, { list: 'audit', name: 'Deletes', query: {} });
    const twice = await inject('POST', '', alice, { list: 'audit', name: 'Deletes', query: {} });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors).toEqual([{ field: 'body.name', message: expect.any(String) }]);
    const elsewhere = await inject('POST', '', alice, { list: 'people', name: 'Deletes', query: {} });
    expect(elsewhere.statusCode).toBe(201);
    const other = (await inject('POST', '', alice, { list: 'audit', name: 'Other', query: {} })).json();
    const clash = await inject('PATCH', `/${other.id}`, alice, { version: 1, name: 'Deletes' });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().errors[0].field).toBe('body.name');
  });

  it(`keeps at most ${MAX_VIEWS_PER_LIST} views per list`, async () => {
    const now = new Date().toISOString();
    const user = await t.database.db
      .selectFrom('app_user')
      .innerJoin('membership', 'membership.user_id', 'app_user.id')
      .select('app_user.id')
      .where('membership.workspace_id', '=', workspaceId)
      .where('membership.role', '=', 'viewer')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('saved_view')
      .values(
        Array.from({ length: MAX_VIEWS_PER_LIST }, (_, i) => ({
          id: `view-${i}`,
          workspace_id: workspaceId,
          user_id: user.id,
          list: 'people',
          name: `View ${i}`,
          query: '{}',
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    const full = await inject('POST', '', alice, { list: 'people', name: 'One more', query: {} });
    expect(full.statusCode).toBe(400);
    expect(full.json().errors[0].field).toBe('body.list');
  });

  it.each([
    ['an unknown list', { list: 'clusters', name: 'x', query: {} }, 'body.list'],
    ['an empty name', { list: 'people', name: '   ', query: {} }, 'body.name'],
    ['a name of 81 characters', { list: 'people', name: 'n'.repeat(81), query: {} }, 'body.name'],
    [
      'a parameter that is not a name',
      { list: 'people', name: 'x', query: { 'a b': '1' } },
      'body.query.a b',
    ],
    ['a value that is not text', { list: 'people', name: 'x', query: { q: 3 } }, 'body.query.q'],
    [
      'a value of 201 characters',
      { list: 'people', name: 'x', query: { q: 'q'.repeat(201) } },
      'body.query.q',
    ],
    [
      '21 parameters',
      {
        list: 'people',
        name: 'x',
        query: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`p${i}`, 'v'])),
      },
      'body.query',
    ],
    ['an unknown field', { list: 'people', name: 'x', query: {}, shared: true }, 'body'],
  ])('answers 400 naming the field for %s, and saves nothing', async (_label, payload, field) => {
    const res = await inject('POST', '', alice, payload);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    const stored = await t.database.db
      .selectFrom('saved_view')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .execute();
    expect(stored).toEqual([]);
  });

  it('answers 400 for a list query without a list or with an unknown one', async () => {
    expect((await inject('GET', '', alice)).json().errors[0].field).toBe('query.list');
    expect((await inject('GET', '?list=users', alice)).statusCode).toBe(400);
  });
});
