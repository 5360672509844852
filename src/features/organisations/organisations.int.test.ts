import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const newOrganisation = {
  name: 'Órbita Ingeniería, S.L.',
  type: 'sme',
  size: 'small',
  country: 'ES',
  city: 'Madrid',
  website: 'https://orbita.example',
  registrationId: 'ESB12345678',
  spaceSegments: ['earth_observation', 'ground_segment'],
  melca: ['agriculture'],
  offers: 'Crop monitoring from Sentinel-2 data',
  offerTags: ['crop monitoring', 'sentinel-2'],
  requests: 'Distributors in Latin America',
  requestTags: ['distribution'],
  targetMarketInterests: ['CL', 'CO'],
  exportExperience: 'occasional',
};

describe.each(testDialects())('organisations API on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let slug: string;
  let workspaceId: string;
  let clusterId: string;
  let coordinator: { headers: Record<string, string> };
  const url = (path = '') => `/api/v1/workspaces/${slug}/organisations${path}`;
  const create = (payload: object) =>
    t.app.inject({
      method: 'POST',
      url: url(),
      headers: coordinator.headers,
      payload: { clusterId, ...payload },
    });
  const get = async (path: string) =>
    (await t.app.inject({ method: 'GET', url: url(path), headers: coordinator.headers })).json();
  const names = (list: { items: { name: string }[] }) => list.items.map((o) => o.name);
  const countOrganisations = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('organisation')
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
    coordinator = await factory.memberWithToken(workspaceId, 'coordinator');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates, reads, lists, edits and deletes an organisation', async () => {
    const created = await create(newOrganisation);
    expect(created.statusCode).toBe(201);
    const organisation = created.json();
    expect(organisation).toMatchObject({ ...newOrganisation, clusterId, version: 1 });
    const row = await t.database.db
      .selectFrom('organisation')
      .select(['normalised_name', 'space_segments'])
      .where('id', '=', organisation.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      normalised_name: 'orbita ingenieria',
      space_segments: '["earth_observation","ground_segment"]',
    });

    expect(await get(`/${organisation.id}`)).toEqual({ ...organisation, peopleCount: 0 });
    expect(await get('')).toEqual({ items: [organisation], nextCursor: null, total: 1 });

    const edited = await t.app.inject({
      method: 'PATCH',
      url: url(`/${organisation.id}`),
      headers: coordinator.headers,
      payload: { version: 1, city: 'Valencia', size: null, offerTags: [] },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ city: 'Valencia', size: null, offerTags: [], version: 2 });

    const deleted = await t.app.inject({
      method: 'DELETE',
      url: url(`/${organisation.id}?version=2`),
      headers: coordinator.headers,
    });
    expect(deleted.statusCode).toBe(204);
    const gone = await t.app.inject({
      method: 'GET',
      url: url(`/${organisation.id}`),
      headers: coordinator.headers,
    });
    expect(gone.statusCode).toBe(404);
  });

  it('fills the optional fields with empty values', async () => {
    const res = await create({ name: 'Minimal', type: 'other', country: 'BE' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      size: null,
      city: null,
      website: null,
      registrationId: null,
      spaceSegments: [],
      offerTags: [],
      offers: '',
      exportExperience: 'none',
    });
  });

  it('answers 409 to a stale edit or delete and changes nothing', async () => {
    const organisation = (await create(newOrganisation)).json();
    await t.app.inject({
      method: 'PATCH',
      url: url(`/${organisation.id}`),
      headers: coordinator.headers,
      payload: { version: 1, city: 'Valencia' },
    });
    const stale = await t.app.inject({
      method: 'PATCH',
      url: url(`/${organisation.id}`),
      headers: coordinator.headers,
      payload: { version: 1, city: 'Sevilla' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('version 2');
    const staleDelete = await t.app.inject({
      method: 'DELETE',
      url: url(`/${organisation.id}?version=1`),
      headers: coordinator.headers,
    });
    expect(staleDelete.statusCode).toBe(409);
    expect(await get(`/${organisation.id}`)).toMatchObject({ city: 'Valencia', version: 2 });
  });

  it('records every mutation in the audit log with the changed fields', async () => {
    const organisation = (await create(newOrganisation)).json();
    await t.app.inject({
      method: 'PATCH',
      url: url(`/${organisation.id}`),
      headers: coordinator.headers,
      payload: { version: 1, city: 'Valencia', name: newOrganisation.name },
    });
    await t.app.inject({
      method: 'DELETE',
      url: url(`/${organisation.id}?version=2`),
      headers: coordinator.headers,
    });
    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${slug}/audit?entityId=${organisation.id}`,
      headers: coordinator.headers,
    });
    const items = audit.json().items;
    expect(items.map((i: { action: string; entityType: string }) => `${i.action} ${i.entityType}`)).toEqual([
      'delete organisation',
      'update organisation',
      'create organisation',
    ]);
    expect(items[1].changes).toEqual({ city: ['Madrid', 'Valencia'] });
    expect(items[2].changes.registration_id).toEqual([null, 'ESB12345678']);
    expect(items[0].changes.name).toEqual([newOrganisation.name, null]);
  });

  it.each([
    ['an unknown field', { ...newOrganisation, colour: 'red' }, 'body'],
    ['a missing name', { ...newOrganisation, name: undefined }, 'body.name'],
    ['a blank name', { ...newOrganisation, name: '   ' }, 'body.name'],
    ['an oversized name', { ...newOrganisation, name: 'x'.repeat(201) }, 'body.name'],
    ['a name as a number', { ...newOrganisation, name: 42 }, 'body.name'],
    ['an unknown type', { ...newOrganisation, type: 'startup' }, 'body.type'],
    ['an unknown size', { ...newOrganisation, size: 'huge' }, 'body.size'],
    ['a lower-case country', { ...newOrganisation, country: 'es' }, 'body.country'],
    ['a country that does not exist', { ...newOrganisation, country: 'XX' }, 'body.country'],
    ['a javascript: website', { ...newOrganisation, website: 'javascript:alert(1)' }, 'body.website'],
    ['a website that is no URL', { ...newOrganisation, website: 'orbita' }, 'body.website'],
    [
      'a registration id with symbols',
      { ...newOrganisation, registrationId: 'ES<b>' },
      'body.registrationId',
    ],
    ['an unknown segment', { ...newOrganisation, spaceSegments: ['rockets'] }, 'body.spaceSegments.0'],
    ['a repeated segment', { ...newOrganisation, spaceSegments: ['satcom', 'satcom'] }, 'body.spaceSegments'],
    ['segments as text', { ...newOrganisation, spaceSegments: 'satcom' }, 'body.spaceSegments'],
    ['an unknown MELCA field', { ...newOrganisation, melca: ['tourism'] }, 'body.melca.0'],
    ['oversized offers', { ...newOrganisation, offers: 'x'.repeat(4001) }, 'body.offers'],
    [
      '21 tags',
      { ...newOrganisation, offerTags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
      'body.offerTags',
    ],
    ['a tag of 41 characters', { ...newOrganisation, requestTags: ['x'.repeat(41)] }, 'body.requestTags.0'],
    ['an empty tag', { ...newOrganisation, requestTags: [''] }, 'body.requestTags.0'],
    [
      'a target market that is no country',
      { ...newOrganisation, targetMarketInterests: ['XX'] },
      'body.targetMarketInterests.0',
    ],
    [
      'an unknown export experience',
      { ...newOrganisation, exportExperience: 'lots' },
      'body.exportExperience',
    ],
    ['a cluster id that is a number', { ...newOrganisation, clusterId: 7 }, 'body.clusterId'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_name, payload, field) => {
    const res = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: coordinator.headers,
      payload: { clusterId, ...payload },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await countOrganisations()).toBe(0);
  });

  it('refuses malformed JSON, an oversized body and a non-JSON body without writing', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: { ...coordinator.headers, 'content-type': 'application/json' },
      payload: '{"name": "Broken",',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    const huge = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: { ...coordinator.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ ...newOrganisation, clusterId, offers: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    const text = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: { ...coordinator.headers, 'content-type': 'text/plain' },
      payload: 'name=Orbita',
    });
    expect(text.statusCode).toBe(400);
    const xml = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: { ...coordinator.headers, 'content-type': 'application/xml' },
      payload: '<organisation/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(await countOrganisations()).toBe(0);
  });

  it('refuses a cluster of another workspace or an unknown one (400 naming body.clusterId)', async () => {
    const elsewhere = await factory.workspace('Elsewhere');
    const foreignCluster = await factory.cluster(elsewhere.id);
    for (const id of [foreignCluster.id, 'no-such-cluster']) {
      const res = await create({ ...newOrganisation, clusterId: id });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('body.clusterId');
    }
    expect(await countOrganisations()).toBe(0);
  });

  it('refuses duplicates: the same registration id, or the same normalised name in the same country', async () => {
    const first = (await create(newOrganisation)).json();
    const sameRegistration = await create({
      ...newOrganisation,
      name: 'Other',
      registrationId: 'esb-1234 5678',
    });
    expect(sameRegistration.statusCode).toBe(400);
    expect(sameRegistration.json().errors[0].field).toBe('body.registrationId');
    expect(sameRegistration.json().detail).toContain(first.id);
    const sameName = await create({ ...newOrganisation, name: 'ORBITA INGENIERIA SL', registrationId: null });
    expect(sameName.statusCode).toBe(400);
    expect(sameName.json().errors[0].field).toBe('body.name');
    expect(await countOrganisations()).toBe(1);
    const otherCountry = await create({ ...newOrganisation, country: 'PT', registrationId: null });
    expect(otherCountry.statusCode).toBe(201);

    const clash = await t.app.inject({
      method: 'PATCH',
      url: url(`/${otherCountry.json().id}`),
      headers: coordinator.headers,
      payload: { version: 1, registrationId: 'ESB12345678' },
    });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().errors[0].field).toBe('body.registrationId');
    // Editing an organisation's other fields is not a clash with itself.
    const self = await t.app.inject({
      method: 'PATCH',
      url: url(`/${first.id}`),
      headers: coordinator.headers,
      payload: { version: 1, name: 'Órbita Ingeniería', registrationId: 'ESB12345678' },
    });
    expect(self.statusCode).toBe(200);
  });

  it('keeps a duplicate left by an old race editable; an edit that derives its key again is checked', async () => {
    const first = (await create({ ...newOrganisation, registrationId: null })).json();
    // As migration 0014 leaves a later duplicate: its key suffixed with its id.
    const copy = await factory.organisation(workspaceId, clusterId, {
      name: newOrganisation.name,
      country: 'ES',
      normalised_name: 'orbita ingenieria #copy',
    });
    const edit = (version: number, payload: object) =>
      t.app.inject({
        method: 'PATCH',
        url: url(`/${copy.id}`),
        headers: coordinator.headers,
        payload: { version, ...payload },
      });
    // The form sends the name with every edit: the same name keeps the stored key.
    const same = await edit(1, { name: newOrganisation.name, city: 'Vigo' });
    expect(same.statusCode, same.body).toBe(200);
    const renamed = await edit(2, { name: 'Orbita Ingenieria Norte' });
    expect(renamed.statusCode).toBe(200);
    const back = await edit(3, { name: 'ORBITA INGENIERIA' });
    expect(back.statusCode).toBe(400);
    expect(back.json().errors[0].field).toBe('body.name');
    expect(back.json().detail).toContain(first.id);
    const key = await t.database.db
      .selectFrom('organisation')
      .select('normalised_name')
      .where('id', '=', copy.id)
      .executeTakeFirstOrThrow();
    expect(key.normalised_name).toBe('orbita ingenieria norte');
  });

  it("answers 404 to unknown ids and to another workspace's ids, and changes nothing", async () => {
    const elsewhere = await factory.workspace('Elsewhere');
    const foreign = await factory.organisation(elsewhere.id, (await factory.cluster(elsewhere.id)).id, {
      name: 'Foreign',
    });
    for (const id of [foreign.id, '01890000-0000-7000-8000-000000000000']) {
      const requests = [
        { method: 'GET' as const, url: url(`/${id}`) },
        { method: 'GET' as const, url: url(`/${id}/people`) },
        { method: 'PATCH' as const, url: url(`/${id}`), payload: { version: 1, name: 'Hijacked' } },
        { method: 'DELETE' as const, url: url(`/${id}?version=1`) },
      ];
      for (const request of requests) {
        const res = await t.app.inject({ ...request, headers: coordinator.headers });
        expect(res.statusCode, `${request.method} ${request.url}`).toBe(404);
      }
    }
    const untouched = await t.database.db
      .selectFrom('organisation')
      .select(['name', 'version'])
      .where('id', '=', foreign.id)
      .executeTakeFirstOrThrow();
    expect(untouched).toEqual({ name: 'Foreign', version: 1 });
  });

  it('filters by cluster, country, segment, type and search text, and pages with a cursor', async () => {
    const otherCluster = (await factory.cluster(workspaceId)).id;
    const rows: [string, string, string, string[], string][] = [
      ['Orbital Farms', clusterId, 'FR', ['earth_observation'], 'sme'],
      ['Sat Orbweaver GmbH', clusterId, 'DE', ['satcom', 'ground_segment'], 'large_company'],
      ['Navi Labs', otherCluster, 'FR', ['navigation'], 'rd_centre'],
      ['Université Spatiale', otherCluster, 'FR', ['space_science', 'satcom'], 'university'],
      ['100% Launch_Co', clusterId, 'IT', ['launch'], 'sme'],
    ];
    for (const [name, cluster, country, spaceSegments, type] of rows) {
      const res = await create({ name, clusterId: cluster, country, spaceSegments, type });
      expect(res.statusCode).toBe(201);
    }
    expect(names(await get(`?cluster=${otherCluster}`))).toEqual(['Navi Labs', 'Université Spatiale']);
    expect(names(await get('?country=FR'))).toEqual(['Orbital Farms', 'Navi Labs', 'Université Spatiale']);
    expect(names(await get('?segment=satcom'))).toEqual(['Sat Orbweaver GmbH', 'Université Spatiale']);
    expect(names(await get('?type=sme'))).toEqual(['Orbital Farms', '100% Launch_Co']);
    expect(names(await get('?q=ORB'))).toEqual(['Orbital Farms', 'Sat Orbweaver GmbH']);
    expect(names(await get('?q=universite'))).toEqual(['Université Spatiale']);
    expect(names(await get('?q=orb&country=FR&segment=earth_observation'))).toEqual(['Orbital Farms']);
    // The search text is normalised like the names: punctuation (LIKE's wildcards too) and legal forms go.
    expect(names(await get(`?q=${encodeURIComponent('100%')}`))).toEqual(['100% Launch_Co']);
    expect(names(await get(`?q=${encodeURIComponent('launch_co')}`))).toEqual(['100% Launch_Co']);
    expect(names(await get(`?q=${encodeURIComponent('0_l')}`))).toEqual(['100% Launch_Co']);
    expect(names(await get(`?q=${encodeURIComponent('s_t')}`))).toEqual([]);

    const first = await get('?limit=2');
    expect(names(first)).toEqual(['Orbital Farms', 'Sat Orbweaver GmbH']);
    const second = await get(`?limit=2&cursor=${first.nextCursor}`);
    expect(names(second)).toEqual(['Navi Labs', 'Université Spatiale']);
    const third = await get(`?limit=2&cursor=${second.nextCursor}`);
    expect(third).toMatchObject({ items: [{ name: '100% Launch_Co' }], nextCursor: null });
  });

  it.each([
    ['segment=rockets', 'query.segment'],
    ['type=startup', 'query.type'],
    ['country=fr', 'query.country'],
    ['limit=0', 'query.limit'],
    ['limit=201', 'query.limit'],
    ['limit=ten', 'query.limit'],
    [`q=${'x'.repeat(101)}`, 'query.q'],
  ])('refuses the list query %s with 400 naming the parameter', async (query, field) => {
    const res = await t.app.inject({ method: 'GET', url: url(`?${query}`), headers: coordinator.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('shows the people count on the organisation and lists its people', async () => {
    const organisation = (await create(newOrganisation)).json();
    const ana = await factory.person(workspaceId, organisation.id, { name: 'Ana' });
    const ben = await factory.person(workspaceId, organisation.id, { name: 'Ben' });
    await factory.person(workspaceId, null, { name: 'Nobody' });
    expect((await get(`/${organisation.id}`)).peopleCount).toBe(2);
    const people = await get(`/${organisation.id}/people`);
    expect(people.items.map((p: { id: string }) => p.id)).toEqual([ana.id, ben.id]);
    const paged = await get(`/${organisation.id}/people?limit=1`);
    expect(paged).toMatchObject({ items: [{ id: ana.id }], total: 2 });
    const next = await get(`/${organisation.id}/people?limit=1&cursor=${paged.nextCursor}`);
    expect(next).toMatchObject({ items: [{ id: ben.id }], nextCursor: null, total: 2 });
  });

  it('lets a member edit its own organisation but not move it to another cluster, nor edit another', async () => {
    const own = (await create(newOrganisation)).json();
    const other = (await create({ ...newOrganisation, name: 'Other', registrationId: null })).json();
    const member = await factory.memberWithToken(workspaceId, 'member', null, own.id);
    const edit = (id: string, payload: object) =>
      t.app.inject({ method: 'PATCH', url: url(`/${id}`), headers: member.headers, payload });
    expect((await edit(own.id, { version: 1, offers: 'Updated by the member' })).statusCode).toBe(200);
    const moved = await edit(own.id, { version: 2, clusterId: (await factory.cluster(workspaceId)).id });
    expect(moved.statusCode).toBe(403);
    expect((await edit(other.id, { version: 1, offers: 'Not mine' })).statusCode).toBe(403);
    expect(await get(`/${own.id}`)).toMatchObject({ clusterId, version: 2 });
    expect(await get(`/${other.id}`)).toMatchObject({ offers: newOrganisation.offers, version: 1 });
  });

  it('lets a cluster manager add members to its own cluster only', async () => {
    const manager = await factory.memberWithToken(workspaceId, 'cluster_manager', clusterId);
    const otherCluster = (await factory.cluster(workspaceId)).id;
    const post = (cluster: string, name: string) =>
      t.app.inject({
        method: 'POST',
        url: url(),
        headers: manager.headers,
        payload: { ...newOrganisation, registrationId: null, name, clusterId: cluster },
      });
    expect((await post(clusterId, 'Mine')).statusCode).toBe(201);
    expect((await post(otherCluster, 'Not mine')).statusCode).toBe(403);
    expect(await countOrganisations()).toBe(1);
  });

  it("keeps an organisation's people when it is deleted, without the organisation", async () => {
    const organisation = (await create(newOrganisation)).json();
    const person = await factory.person(workspaceId, organisation.id);
    const res = await t.app.inject({
      method: 'DELETE',
      url: url(`/${organisation.id}?version=1`),
      headers: coordinator.headers,
    });
    expect(res.statusCode).toBe(204);
    const row = await t.database.db
      .selectFrom('person')
      .select('organisation_id')
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(row.organisation_id).toBeNull();
  });
});
