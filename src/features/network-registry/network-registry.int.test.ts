import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { newNetworkOrganisation, newNetworkPerson } from '../../../test/support/network-factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { newId, nowIso } from '../../db/ids.ts';

const embassy = {
  name: 'Embajada de España en Tokio',
  type: 'embassy_or_consulate',
  country: 'JP',
  city: 'Tokyo',
  website: 'https://www.exteriores.example/tokio',
  spaceSegments: ['satcom'],
  melca: ['agriculture'],
  tags: ['trade office', 'fair 2026'],
  notes: 'Commercial section on the 3rd floor',
};

describe.each(testDialects())('network organisations and people API on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let slug: string;
  let workspaceId: string;
  let clusterId: string;
  let coordinator: { headers: Record<string, string> };
  const url = (path: string) => `/api/v1/workspaces/${slug}/network${path}`;
  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    payload?: object,
    headers = coordinator.headers,
  ) => t.app.inject({ method, url: url(path), headers, ...(payload ? { payload } : {}) });
  const count = async (table: 'network_organisation' | 'network_person' | 'audit_event') =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('workspace_id', '=', workspaceId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const fields = (response: { json: () => unknown }) =>
    ((response.json() as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);

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

  it('creates, reads, lists, edits and deletes an organisation, audited', async () => {
    const created = await call('POST', '/organisations', { ...embassy, ownerClusterId: clusterId });
    expect(created.statusCode).toBe(201);
    const organisation = created.json();
    expect(organisation).toMatchObject({ ...embassy, ownerClusterId: clusterId, version: 1, peopleCount: 0 });
    const row = await t.database.db
      .selectFrom('network_organisation')
      .select(['normalised_name', 'website_domain'])
      .where('id', '=', organisation.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      normalised_name: 'embajada de espana en tokio',
      website_domain: 'exteriores.example',
    });

    expect((await call('GET', `/organisations/${organisation.id}`)).json()).toEqual(organisation);
    const list = (await call('GET', '/organisations?q=ESPANA')).json();
    expect(list.total).toBe(1);
    expect(list.items[0].id).toBe(organisation.id);

    const edited = await call('PATCH', `/organisations/${organisation.id}`, {
      version: 1,
      city: 'Osaka',
      tags: [],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ city: 'Osaka', tags: [], version: 2 });
    const stale = await call('PATCH', `/organisations/${organisation.id}`, { version: 1, city: 'Kyoto' });
    expect(stale.statusCode).toBe(409);

    expect((await call('DELETE', `/organisations/${organisation.id}?version=1`)).statusCode).toBe(409);
    expect((await call('DELETE', `/organisations/${organisation.id}?version=2`)).statusCode).toBe(204);
    expect((await call('GET', `/organisations/${organisation.id}`)).statusCode).toBe(404);
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'entity_type'])
      .where('entity_id', '=', organisation.id)
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'create', entity_type: 'network_organisation' },
      { action: 'update', entity_type: 'network_organisation' },
      { action: 'delete', entity_type: 'network_organisation' },
    ]);
  });

  it('filters, sorts and pages the organisations with a total', async () => {
    await newNetworkOrganisation(t.database.db, workspaceId, {
      name: 'Alpha Agency',
      type: 'agency',
      country: 'JP',
      tags: '["fair"]',
    });
    await newNetworkOrganisation(t.database.db, workspaceId, {
      name: 'Beta Corp',
      type: 'company',
      country: 'BR',
      space_segments: '["satcom"]',
    });
    await newNetworkOrganisation(t.database.db, workspaceId, {
      name: 'Gamma Investors',
      type: 'investor',
      country: 'JP',
      owner_cluster_id: clusterId,
    });
    const names = async (query: string) =>
      ((await call('GET', `/organisations${query}`)).json() as { items: { name: string }[] }).items.map(
        (o) => o.name,
      );
    expect(await names('')).toEqual(['Alpha Agency', 'Beta Corp', 'Gamma Investors']);
    expect(await names('?country=JP')).toEqual(['Alpha Agency', 'Gamma Investors']);
    expect(await names('?type=company')).toEqual(['Beta Corp']);
    expect(await names('?segment=satcom')).toEqual(['Beta Corp']);
    expect(await names('?tag=FAIR')).toEqual(['Alpha Agency']);
    expect(await names(`?ownerClusterId=${clusterId}`)).toEqual(['Gamma Investors']);
    expect(await names('?sort=-name')).toEqual(['Gamma Investors', 'Beta Corp', 'Alpha Agency']);
    expect(await names('?sort=country')).toEqual(['Beta Corp', 'Alpha Agency', 'Gamma Investors']);
    const first = (await call('GET', '/organisations?limit=2')).json();
    expect(first.total).toBe(3);
    expect(first.items.map((o: { name: string }) => o.name)).toEqual(['Alpha Agency', 'Beta Corp']);
    const second = (await call('GET', `/organisations?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((o: { name: string }) => o.name)).toEqual(['Gamma Investors']);
    expect(second.nextCursor).toBeNull();
    expect(
      (await call('GET', `/organisations?limit=2&sort=type&cursor=${first.nextCursor}`)).statusCode,
    ).toBe(400);
  });

  it('refuses bad organisation input naming the field, writing nothing', async () => {
    const before = await count('network_organisation');
    const cases: [object, string][] = [
      [{ ...embassy, name: '' }, 'body.name'],
      [{ ...embassy, name: 'x'.repeat(201) }, 'body.name'],
      [{ ...embassy, type: 'sme' }, 'body.type'],
      [{ ...embassy, country: 'UK' }, 'body.country'],
      [{ ...embassy, country: 'XX' }, 'body.country'],
      [{ ...embassy, website: 'ftp://x.example' }, 'body.website'],
      [{ ...embassy, spaceSegments: ['warp_drive'] }, 'body.spaceSegments.0'],
      [{ ...embassy, melca: ['fishing', 'fishing'] }, 'body.melca'],
      [{ ...embassy, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'body.tags'],
      [{ ...embassy, ownerClusterId: 'no-such-cluster' }, 'body.ownerClusterId'],
      [{ ...embassy, extra: 1 }, 'body'],
    ];
    for (const [payload, field] of cases) {
      const response = await call('POST', '/organisations', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(
        fields(response).some((f) => f.startsWith(field)),
        `${field} in ${response.body}`,
      ).toBe(true);
    }
    const other = await factory.workspace();
    const otherCluster = await factory.cluster(other.id);
    const response = await call('POST', '/organisations', { ...embassy, ownerClusterId: otherCluster.id });
    expect(response.statusCode).toBe(400);
    expect(fields(response)).toEqual(['body.ownerClusterId']);
    expect(await count('network_organisation')).toBe(before);
  });

  it('refuses a duplicate counterpart (same normalised name in the same country) and warns on the website', async () => {
    const first = (await call('POST', '/organisations', embassy)).json();
    const duplicate = await call('POST', '/organisations', {
      ...embassy,
      name: 'EMBAJADA DE ESPAÑA EN TOKIO S.L.',
      website: null,
    });
    expect(duplicate.statusCode).toBe(400);
    expect(fields(duplicate)).toEqual(['body.name']);
    expect(duplicate.json().detail).toContain(first.id);
    expect(await count('network_organisation')).toBe(1);
    // The same name elsewhere is another organisation.
    expect(
      (await call('POST', '/organisations', { ...embassy, country: 'KR', website: null })).statusCode,
    ).toBe(201);
    const warnings = (
      await call(
        'GET',
        `/organisations/duplicates?name=${encodeURIComponent('Embajada de España en Tokio')}&country=JP&website=${encodeURIComponent('http://exteriores.example/other')}`,
      )
    ).json();
    expect(warnings.organisations).toEqual([
      expect.objectContaining({ id: first.id, reason: 'name_and_country' }),
    ]);
    const byWebsite = (
      await call(
        'GET',
        `/organisations/duplicates?name=Other&country=JP&website=${encodeURIComponent('https://exteriores.example')}`,
      )
    ).json();
    expect(byWebsite.organisations).toEqual([
      expect.objectContaining({ id: first.id, reason: 'website_domain' }),
    ]);
    const excluded = (
      await call(
        'GET',
        `/organisations/duplicates?name=${encodeURIComponent(embassy.name)}&country=JP&excludeId=${first.id}`,
      )
    ).json();
    expect(excluded.organisations).toEqual([]);
    // Renaming another organisation into the duplicate is refused too.
    const other = (await call('POST', '/organisations', { ...embassy, name: 'Other', website: null })).json();
    const rename = await call('PATCH', `/organisations/${other.id}`, { version: 1, name: embassy.name });
    expect(rename.statusCode).toBe(400);
    expect(fields(rename)).toEqual(['body.name']);
  });

  it('refuses to delete an organisation that interactions, relationships or projects hold, naming them', async () => {
    const organisation = await newNetworkOrganisation(t.database.db, workspaceId);
    const now = nowIso();
    await t.database.db
      .insertInto('interaction')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        kind: 'meeting',
        occurred_on: '2026-03-01',
        network_organisation_id: organisation.id,
        notes: '',
        created_at: now,
        updated_at: now,
        activity_id: null,
        cluster_id: null,
        staff_user_id: null,
        member_organisation_id: null,
        member_person_id: null,
        network_person_id: null,
        next_step: null,
        next_step_due_on: null,
        next_step_owner_user_id: null,
        next_step_done_at: null,
        created_by: null,
      })
      .execute();
    const response = await call('DELETE', `/organisations/${organisation.id}?version=1`);
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toMatch(/1 interaction.*merge/);
    expect(await count('network_organisation')).toBe(1);
  });

  it('answers 404 for another workspace’s records and changes nothing', async () => {
    const other = await factory.workspace();
    const foreign = await newNetworkOrganisation(t.database.db, other.id);
    const foreignPerson = await newNetworkPerson(t.database.db, other.id, { organisation_id: foreign.id });
    expect((await call('GET', `/organisations/${foreign.id}`)).statusCode).toBe(404);
    expect(
      (await call('PATCH', `/organisations/${foreign.id}`, { version: 1, name: 'Taken' })).statusCode,
    ).toBe(404);
    expect((await call('DELETE', `/organisations/${foreign.id}?version=1`)).statusCode).toBe(404);
    expect((await call('GET', `/people/${foreignPerson.id}`)).statusCode).toBe(404);
    expect(
      (await call('PATCH', `/people/${foreignPerson.id}`, { version: 1, name: 'Taken' })).statusCode,
    ).toBe(404);
    expect((await call('DELETE', `/people/${foreignPerson.id}?version=1`)).statusCode).toBe(404);
    const person = await call('POST', '/people', { name: 'Ana', organisationId: foreign.id });
    expect(person.statusCode).toBe(404);
    expect(fields(person)).toEqual(['body.organisationId']);
    const mine = await newNetworkOrganisation(t.database.db, workspaceId);
    const merge = await call('POST', `/organisations/${mine.id}/merge`, { intoId: foreign.id, version: 1 });
    expect(merge.statusCode).toBe(404);
    expect(fields(merge)).toEqual(['body.intoId']);
    const stored = await t.database.db
      .selectFrom('network_organisation')
      .select(['name', 'version'])
      .where('id', '=', foreign.id)
      .executeTakeFirstOrThrow();
    expect(stored.version).toBe(1);
    expect(await count('network_person')).toBe(0);
    expect(await count('network_organisation')).toBe(1);
  });

  it('creates, lists, edits and deletes a person with consent', async () => {
    const organisation = await newNetworkOrganisation(t.database.db, workspaceId, {
      name: 'Kiso Space',
      country: 'JP',
    });
    const created = await call('POST', '/people', {
      organisationId: organisation.id,
      name: 'Haruki Sato',
      roleTitle: 'Business development',
      email: 'H.Sato@Kiso.example',
      phone: '+81 3 1234 5678',
      language: 'ja',
      consentBasis: 'consent',
      consentOn: '2026-02-03',
      consentSource: 'Business card at Space Tech Expo',
    });
    expect(created.statusCode).toBe(201);
    const person = created.json();
    expect(person).toMatchObject({
      organisationName: 'Kiso Space',
      email: 'h.sato@kiso.example',
      language: 'ja',
      erased: false,
      version: 1,
    });
    expect((await call('GET', `/organisations/${organisation.id}`)).json().peopleCount).toBe(1);
    await newNetworkPerson(t.database.db, workspaceId, { name: 'Zoe Martin', language: 'fr' });
    const list = async (query: string) =>
      (await call('GET', `/people${query}`)).json() as { items: { name: string }[]; total: number };
    expect((await list('')).items.map((p) => p.name)).toEqual(['Haruki Sato', 'Zoe Martin']);
    expect((await list('?q=KISO.example')).items.map((p) => p.name)).toEqual(['Haruki Sato']);
    expect((await list(`?organisationId=${organisation.id}`)).total).toBe(1);
    expect((await list('?country=JP')).items.map((p) => p.name)).toEqual(['Haruki Sato']);
    expect((await list('?language=fr')).items.map((p) => p.name)).toEqual(['Zoe Martin']);
    expect((await list('?sort=-name')).items.map((p) => p.name)).toEqual(['Zoe Martin', 'Haruki Sato']);

    const edited = await call('PATCH', `/people/${person.id}`, {
      version: 1,
      consentBasis: 'legitimate_interest',
    });
    expect(edited.json()).toMatchObject({ consentBasis: 'legitimate_interest', version: 2 });
    expect((await call('PATCH', `/people/${person.id}`, { version: 1, name: 'X' })).statusCode).toBe(409);
    expect((await call('DELETE', `/people/${person.id}?version=2`)).statusCode).toBe(204);
    expect((await call('GET', `/people/${person.id}`)).statusCode).toBe(404);
  });

  it('refuses bad person input naming the field, writing nothing', async () => {
    await newNetworkPerson(t.database.db, workspaceId, { email: 'taken@example.test' });
    const before = await count('network_person');
    const tomorrow = new Date(Date.now() + 86_400_000 * 2).toISOString().slice(0, 10);
    const cases: [object, string][] = [
      [{ name: '' }, 'body.name'],
      [{ name: 'A', email: 'not-an-email' }, 'body.email'],
      [{ name: 'A', email: 'TAKEN@example.test' }, 'body.email'],
      [{ name: 'A', phone: 'call me' }, 'body.phone'],
      [{ name: 'A', language: 'xx' }, 'body.language'],
      [{ name: 'A', language: 'FR' }, 'body.language'],
      [{ name: 'A', consentBasis: 'maybe' }, 'body.consentBasis'],
      [{ name: 'A', consentOn: tomorrow }, 'body.consentOn'],
      [{ name: 'A', consentOn: '2026-02-30' }, 'body.consentOn'],
      [{ name: 'A', consentSource: 'x'.repeat(301) }, 'body.consentSource'],
      [{ name: 'A', organisationId: 123 }, 'body.organisationId'],
    ];
    for (const [payload, field] of cases) {
      const response = await call('POST', '/people', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(fields(response), response.body).toContain(field);
    }
    const unknown = await call('POST', '/people', { name: 'A', organisationId: 'nope' });
    expect(unknown.statusCode).toBe(404);
    expect(fields(unknown)).toEqual(['body.organisationId']);
    expect(await count('network_person')).toBe(before);
    const duplicates = (await call('GET', '/organisations/duplicates?email=Taken@example.test')).json();
    expect(duplicates.people).toEqual([
      expect.objectContaining({ email: 'taken@example.test', reason: 'email' }),
    ]);
  });

  it('refuses to edit an erased person', async () => {
    const erased = await newNetworkPerson(t.database.db, workspaceId, {
      name: 'Erased person',
      erased_at: nowIso(),
    });
    const response = await call('PATCH', `/people/${erased.id}`, { version: 1, name: 'Back' });
    expect(response.statusCode).toBe(409);
    expect((await call('GET', `/people/${erased.id}`)).json()).toMatchObject({
      erased: true,
      name: 'Erased person',
    });
  });

  it('lets a cluster manager write in its own cluster only, and a viewer read', async () => {
    const otherCluster = (await factory.cluster(workspaceId)).id;
    const manager = await factory.memberWithToken(workspaceId, 'cluster_manager', clusterId);
    const viewer = await factory.memberWithToken(workspaceId, 'viewer');
    const member = await factory.memberWithToken(workspaceId, 'member');
    expect(
      (await call('POST', '/organisations', { ...embassy, ownerClusterId: clusterId }, manager.headers))
        .statusCode,
    ).toBe(201);
    expect(
      (
        await call(
          'POST',
          '/organisations',
          { ...embassy, country: 'KR', ownerClusterId: otherCluster },
          manager.headers,
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (await call('POST', '/organisations', { ...embassy, country: 'KR' }, manager.headers)).statusCode,
    ).toBe(403);
    const theirs = await newNetworkOrganisation(t.database.db, workspaceId, {
      owner_cluster_id: otherCluster,
    });
    expect(
      (await call('PATCH', `/organisations/${theirs.id}`, { version: 1, city: 'X' }, manager.headers))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('POST', '/people', { name: 'P', organisationId: theirs.id }, manager.headers)).statusCode,
    ).toBe(403);
    expect((await call('GET', '/organisations', undefined, viewer.headers)).statusCode).toBe(200);
    expect(
      (await call('POST', '/organisations', { ...embassy, country: 'CN' }, viewer.headers)).statusCode,
    ).toBe(403);
    expect((await call('GET', '/organisations', undefined, member.headers)).statusCode).toBe(403);
    expect((await call('GET', '/people', undefined, member.headers)).statusCode).toBe(403);
  });
});
