import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

describe.each(testDialects())('people API on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let slug: string;
  let workspaceId: string;
  let clusterId: string;
  let organisationId: string;
  let coordinator: { headers: Record<string, string> };
  const url = (path = '') => `/api/v1/workspaces/${slug}/people${path}`;
  const newPerson = () => ({
    organisationId,
    name: 'Inès Dupont',
    email: 'Ines.Dupont@Orbita.example',
    phone: '+34 600 123 456',
    roleTitle: 'Export manager',
    consent: true,
  });
  const create = (payload: object) =>
    t.app.inject({ method: 'POST', url: url(), headers: coordinator.headers, payload });
  const get = async (path: string) =>
    (await t.app.inject({ method: 'GET', url: url(path), headers: coordinator.headers })).json();
  const countPeople = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('person')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('workspace_id', '=', workspaceId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    clusterId = (await factory.cluster(workspaceId)).id;
    organisationId = (await factory.organisation(workspaceId, clusterId)).id;
    coordinator = await factory.memberWithToken(workspaceId, 'coordinator');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates, reads, lists, edits and deletes a person, with the e-mail lower-cased and consent dated', async () => {
    const created = await create(newPerson());
    expect(created.statusCode).toBe(201);
    const person = created.json();
    expect(person).toMatchObject({ ...newPerson(), email: 'ines.dupont@orbita.example', version: 1 });
    expect(Date.parse(person.consentAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await get(`/${person.id}`)).toEqual(person);
    expect(await get('')).toEqual({ items: [person], nextCursor: null, total: 1 });

    const edited = await t.app.inject({
      method: 'PATCH',
      url: url(`/${person.id}`),
      headers: coordinator.headers,
      payload: { version: 1, consent: false, phone: null, organisationId: null },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      consent: false,
      consentAt: null,
      phone: null,
      organisationId: null,
      version: 2,
    });

    const deleted = await t.app.inject({
      method: 'DELETE',
      url: url(`/${person.id}?version=2`),
      headers: coordinator.headers,
    });
    expect(deleted.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: url(`/${person.id}`), headers: coordinator.headers }))
        .statusCode,
    ).toBe(404);
  });

  it('answers 409 to a stale edit or delete and changes nothing', async () => {
    const person = (await create(newPerson())).json();
    await t.app.inject({
      method: 'PATCH',
      url: url(`/${person.id}`),
      headers: coordinator.headers,
      payload: { version: 1, roleTitle: 'CEO' },
    });
    const stale = await t.app.inject({
      method: 'PATCH',
      url: url(`/${person.id}`),
      headers: coordinator.headers,
      payload: { version: 1, roleTitle: 'CTO' },
    });
    expect(stale.statusCode).toBe(409);
    const staleDelete = await t.app.inject({
      method: 'DELETE',
      url: url(`/${person.id}?version=1`),
      headers: coordinator.headers,
    });
    expect(staleDelete.statusCode).toBe(409);
    expect(await get(`/${person.id}`)).toMatchObject({ roleTitle: 'CEO', version: 2 });
  });

  it('records every mutation in the audit log with the changed fields', async () => {
    const person = (await create(newPerson())).json();
    await t.app.inject({
      method: 'PATCH',
      url: url(`/${person.id}`),
      headers: coordinator.headers,
      payload: { version: 1, roleTitle: 'CEO', name: 'Inès Dupont' },
    });
    await t.app.inject({
      method: 'DELETE',
      url: url(`/${person.id}?version=2`),
      headers: coordinator.headers,
    });
    const items = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${slug}/audit?entityId=${person.id}`,
        headers: coordinator.headers,
      })
    ).json().items;
    expect(items.map((i: { action: string; entityType: string }) => `${i.action} ${i.entityType}`)).toEqual([
      'delete person',
      'update person',
      'create person',
    ]);
    expect(items[1].changes).toEqual({ role_title: ['Export manager', 'CEO'] });
    expect(items[2].changes.email).toEqual([null, 'ines.dupont@orbita.example']);
  });

  it.each([
    ['an unknown field', { colour: 'red' }, 'body'],
    ['a missing name', { name: undefined }, 'body.name'],
    ['an oversized name', { name: 'x'.repeat(201) }, 'body.name'],
    ['a broken e-mail', { email: 'ines@' }, 'body.email'],
    ['an e-mail without domain dot', { email: 'ines at orbita' }, 'body.email'],
    ['an oversized e-mail', { email: `${'x'.repeat(250)}@a.example` }, 'body.email'],
    ['a phone with letters', { phone: 'call me' }, 'body.phone'],
    ['consent as text', { consent: 'yes' }, 'body.consent'],
    ['an organisation id as a number', { organisationId: 3 }, 'body.organisationId'],
    ['an unknown organisation', { organisationId: 'no-such-organisation' }, 'body.organisationId'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_name, change, field) => {
    const res = await create({ ...newPerson(), ...change });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await countPeople()).toBe(0);
  });

  it('refuses an organisation of another workspace (400) and malformed JSON (400)', async () => {
    const elsewhere = await factory.workspace('Elsewhere');
    const foreign = await factory.organisation(elsewhere.id, (await factory.cluster(elsewhere.id)).id);
    const res = await create({ ...newPerson(), organisationId: foreign.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.organisationId');
    const malformed = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: { ...coordinator.headers, 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(await countPeople()).toBe(0);
  });

  it('refuses a second person with the same e-mail, whatever its case', async () => {
    const first = (await create(newPerson())).json();
    const again = await create({ ...newPerson(), name: 'Someone else', email: 'INES.DUPONT@orbita.example' });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].field).toBe('body.email');
    const other = (await create({ ...newPerson(), email: 'other@orbita.example' })).json();
    const clash = await t.app.inject({
      method: 'PATCH',
      url: url(`/${other.id}`),
      headers: coordinator.headers,
      payload: { version: 1, email: first.email },
    });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().errors[0].field).toBe('body.email');
    // People without e-mail do not clash.
    expect((await create({ ...newPerson(), email: null })).statusCode).toBe(201);
    expect((await create({ ...newPerson(), email: null })).statusCode).toBe(201);
    expect(await countPeople()).toBe(4);
  });

  it("answers 404 to unknown ids and to another workspace's ids, and changes nothing", async () => {
    const elsewhere = await factory.workspace('Elsewhere');
    const foreign = await factory.person(elsewhere.id, null, { name: 'Foreign' });
    for (const id of [foreign.id, 'no-such-person']) {
      for (const request of [
        { method: 'GET' as const, url: url(`/${id}`) },
        { method: 'PATCH' as const, url: url(`/${id}`), payload: { version: 1, name: 'Hijacked' } },
        { method: 'DELETE' as const, url: url(`/${id}?version=1`) },
      ]) {
        const res = await t.app.inject({ ...request, headers: coordinator.headers });
        expect(res.statusCode, `${request.method} ${request.url}`).toBe(404);
      }
    }
    const row = await t.database.db
      .selectFrom('person')
      .select(['name', 'version'])
      .where('id', '=', foreign.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Foreign', version: 1 });
  });

  it('searches names and e-mails, filters by organisation and pages with a cursor', async () => {
    const other = (await factory.organisation(workspaceId, clusterId)).id;
    for (const [name, email, organisation] of [
      ['Ana Ruiz', 'ana@orbita.example', organisationId],
      ['Ben Moreau', 'ben@navi.example', other],
      ['Carla Rossi', 'carla@orbita.example', organisationId],
      ['Dan 100%', null, null],
    ] as const) {
      expect((await create({ name, email, organisationId: organisation })).statusCode).toBe(201);
    }
    const names = (list: { items: { name: string }[] }) => list.items.map((p) => p.name);
    expect(names(await get('?q=ORBITA'))).toEqual(['Ana Ruiz', 'Carla Rossi']);
    expect(names(await get('?q=moreau'))).toEqual(['Ben Moreau']);
    expect(names(await get(`?q=${encodeURIComponent('0%')}`))).toEqual(['Dan 100%']);
    expect(names(await get(`?organisation=${other}`))).toEqual(['Ben Moreau']);
    const first = await get('?limit=3');
    expect(names(first)).toEqual(['Ana Ruiz', 'Ben Moreau', 'Carla Rossi']);
    expect(await get(`?limit=3&cursor=${first.nextCursor}`)).toMatchObject({
      items: [{ name: 'Dan 100%' }],
      nextCursor: null,
    });
    const bad = await t.app.inject({ method: 'GET', url: url('?limit=-1'), headers: coordinator.headers });
    expect(bad.statusCode).toBe(400);
  });

  it("lets a member edit its own organisation's people only, and a cluster manager its cluster's", async () => {
    const otherOrganisation = (
      await factory.organisation(workspaceId, (await factory.cluster(workspaceId)).id)
    ).id;
    const mine = await factory.person(workspaceId, organisationId);
    const theirs = await factory.person(workspaceId, otherOrganisation);
    const member = await factory.memberWithToken(workspaceId, 'member', null, organisationId);
    const manager = await factory.memberWithToken(workspaceId, 'cluster_manager', clusterId);
    const patch = (headers: Record<string, string>, id: string, payload: object) =>
      t.app.inject({ method: 'PATCH', url: url(`/${id}`), headers, payload });
    expect((await patch(member.headers, mine.id, { version: 1, roleTitle: 'CEO' })).statusCode).toBe(200);
    expect((await patch(member.headers, theirs.id, { version: 1, roleTitle: 'CEO' })).statusCode).toBe(403);
    // Moving one's person to another organisation needs the right to add people there.
    expect(
      (await patch(member.headers, mine.id, { version: 2, organisationId: otherOrganisation })).statusCode,
    ).toBe(403);
    expect((await patch(manager.headers, mine.id, { version: 2, roleTitle: 'CTO' })).statusCode).toBe(200);
    expect((await patch(manager.headers, theirs.id, { version: 1, roleTitle: 'CTO' })).statusCode).toBe(403);
    const posted = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: manager.headers,
      payload: { name: 'Elsewhere', organisationId: otherOrganisation },
    });
    expect(posted.statusCode).toBe(403);
    expect(await get(`/${theirs.id}`)).toMatchObject({ roleTitle: null, version: 1 });
  });
});
