import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { NetworkDataFactory } from '../../../test/support/network-data-factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { readVCards, writeVCards } from '../../domain/network/vcard.ts';

describe.each(testDialects())('network data (imports, vCards, GDPR) on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let network: NetworkDataFactory;
  let slug: string;
  let workspaceId: string;
  let cluster: { id: string; short_name: string };
  let otherCluster: { id: string; short_name: string };
  let coordinator: { headers: Record<string, string>; user: { id: string; name: string } };
  let manager: { headers: Record<string, string> };
  let viewer: { headers: Record<string, string> };
  let member: { headers: Record<string, string> };
  const url = (path: string) => `/api/v1/workspaces/${slug}${path}`;
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
  const uploadCards = (
    body: string | Buffer,
    query: string,
    headers: Record<string, string> = coordinator.headers,
    contentType = 'text/vcard',
  ) =>
    t.app.inject({
      method: 'POST',
      url: url(`/network/people/vcards?${query}`),
      headers: { ...headers, 'content-type': contentType },
      payload: body,
    });
  const card = (name: string, email: string | null, org: string | null = null) =>
    writeVCards([
      { name, email, phone: null, roleTitle: null, language: null, notes: '', organisationName: org },
    ]);

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    network = new NetworkDataFactory(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    cluster = await factory.cluster(workspaceId, { short_name: 'GSC', name: 'Galicia Space Cluster' });
    otherCluster = await factory.cluster(workspaceId, { short_name: 'OTH' });
    coordinator = await factory.memberWithToken(workspaceId, 'coordinator');
    manager = await factory.memberWithToken(workspaceId, 'cluster_manager', cluster.id);
    viewer = await factory.memberWithToken(workspaceId, 'viewer');
    const organisation = await factory.organisation(workspaceId, cluster.id);
    member = await factory.memberWithToken(workspaceId, 'member', null, organisation.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('vCard export', () => {
    it('downloads one person as a vCard that reads back to the person', async () => {
      const org = await network.organisation(workspaceId, { name: 'Tokyo Space Ventures', country: 'JP' });
      const person = await network.person(workspaceId, org.id, {
        name: 'Haruka Sato',
        email: 'haruka@tsv.jp',
        phone: '+81 3 0000 0000',
        role_title: 'Partnerships, Asia; Europe',
        language: 'ja',
        notes: 'Met at the ISTS fair.\nFollow up in May.',
      });
      const res = await t.app.inject({
        url: url(`/network/people/${person.id}/vcard`),
        headers: viewer.headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('text/vcard; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="haruka-sato.vcf"');
      expect(readVCards(res.rawPayload)).toEqual([
        {
          index: 0,
          version: '4.0',
          name: 'Haruka Sato',
          email: 'haruka@tsv.jp',
          phone: '+81 3 0000 0000',
          roleTitle: 'Partnerships, Asia; Europe',
          language: 'ja',
          notes: 'Met at the ISTS fair.\nFollow up in May.',
          organisationName: 'Tokyo Space Ventures',
          errors: [],
        },
      ]);
    });

    it('downloads the people the filters select, without erased people', async () => {
      const jp = await network.organisation(workspaceId, { country: 'JP' });
      const fr = await network.organisation(workspaceId, { country: 'FR' });
      await network.person(workspaceId, jp.id, { name: 'Aiko', email: 'aiko@x.jp' });
      await network.person(workspaceId, jp.id, { name: 'Erased person', erased_at: nowish() });
      await network.person(workspaceId, fr.id, { name: 'Benoît' });
      const all = await t.app.inject({ url: url('/network/people/vcards'), headers: coordinator.headers });
      expect(all.statusCode, all.body).toBe(200);
      expect(all.headers['x-card-count']).toBe('2');
      expect(readVCards(all.rawPayload).map((c) => c.name)).toEqual(['Aiko', 'Benoît']);
      expect(all.headers['content-disposition']).toBe(`attachment; filename="network-people-${slug}.vcf"`);
      const japan = await t.app.inject({
        url: url('/network/people/vcards?country=JP'),
        headers: coordinator.headers,
      });
      expect(readVCards(japan.rawPayload).map((c) => c.name)).toEqual(['Aiko']);
      const byOrganisation = await t.app.inject({
        url: url(`/network/people/vcards?organisationId=${fr.id}`),
        headers: coordinator.headers,
      });
      expect(readVCards(byOrganisation.rawPayload).map((c) => c.name)).toEqual(['Benoît']);
      const badLanguage = await t.app.inject({
        url: url('/network/people/vcards?language=EN'),
        headers: coordinator.headers,
      });
      expect(badLanguage.json().errors[0].field).toBe('query.language');
      const search = await t.app.inject({
        url: url('/network/people/vcards?q=AIKO@'),
        headers: coordinator.headers,
      });
      expect(search.headers['x-card-count']).toBe('1');
      const bad = await t.app.inject({
        url: url('/network/people/vcards?country=XX'),
        headers: coordinator.headers,
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('query.country');
    });

    it('answers 404 for another workspace’s person, 409 for an erased one, 403 for a member', async () => {
      const other = await factory.workspace();
      const theirs = await network.person(other.id, null, { name: 'Theirs' });
      const res = await t.app.inject({
        url: url(`/network/people/${theirs.id}/vcard`),
        headers: coordinator.headers,
      });
      expect(res.statusCode).toBe(404);
      const erased = await network.person(workspaceId, null, { name: 'Erased person', erased_at: nowish() });
      const gone = await t.app.inject({
        url: url(`/network/people/${erased.id}/vcard`),
        headers: coordinator.headers,
      });
      expect(gone.statusCode).toBe(409);
      const mine = await network.person(workspaceId, null);
      const forbidden = await t.app.inject({
        url: url(`/network/people/${mine.id}/vcard`),
        headers: member.headers,
      });
      expect(forbidden.statusCode).toBe(403);
    });
  });

  describe('vCard import', () => {
    it('checks without writing, then imports: created, skipped as duplicates by e-mail, organisations matched or created', async () => {
      const known = await network.organisation(workspaceId, { name: 'CNES', country: 'FR' });
      await network.person(workspaceId, known.id, { name: 'Already here', email: 'dup@cnes.fr' });
      const file = [
        'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Dupont;Marie;;;\r\nORG:C.N.E.S.\r\nEMAIL;TYPE=INTERNET:Marie@CNES.fr\r\nEND:VCARD',
        'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Dup Licate\r\nEMAIL:dup@cnes.fr\r\nEND:VCARD',
        'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Kenji Ito\r\nORG:Kibo Robotics\r\nTITLE:CEO\r\nLANG:ja\r\nEND:VCARD',
        'BEGIN:VCARD\r\nVERSION:4.0\r\nEMAIL:noname@x.eu\r\nEND:VCARD',
        '',
      ].join('\r\n');
      const before = await count('network_person');
      const check = await uploadCards(file, 'dryRun=true&country=JP');
      expect(check.statusCode, check.body).toBe(200);
      expect(check.json()).toMatchObject({
        dryRun: true,
        total: 4,
        create: 2,
        update: 0,
        skip: 1,
        invalid: 1,
      });
      expect(check.json().cards.map((c: { action: string }) => c.action)).toEqual([
        'create',
        'skip',
        'create',
        'invalid',
      ]);
      expect(check.json().cards[0].organisation).toEqual({ id: known.id, name: 'CNES', created: false });
      expect(check.json().cards[2].organisation).toMatchObject({ name: 'Kibo Robotics', created: true });
      expect(check.json().cards[3].errors).toEqual([{ field: 'name', message: 'is missing (no FN or N)' }]);
      expect(await count('network_person')).toBe(before);

      const done = await uploadCards(file, 'dryRun=false&country=JP');
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toMatchObject({ dryRun: false, create: 2, organisationsCreated: 1 });
      expect(await count('network_person')).toBe(before + 2);
      const kenji = await t.database.db
        .selectFrom('network_person')
        .innerJoin('network_organisation', 'network_organisation.id', 'network_person.organisation_id')
        .select([
          'network_person.role_title',
          'network_person.language',
          'network_organisation.country',
          'network_organisation.type',
        ])
        .where('network_person.workspace_id', '=', workspaceId)
        .where('network_person.name', '=', 'Kenji Ito')
        .executeTakeFirstOrThrow();
      expect(kenji).toEqual({ role_title: 'CEO', language: 'ja', country: 'JP', type: 'other' });
      const marie = await t.database.db
        .selectFrom('network_person')
        .select(['email', 'organisation_id'])
        .where('workspace_id', '=', workspaceId)
        .where('name', '=', 'Marie Dupont')
        .executeTakeFirstOrThrow();
      expect(marie).toEqual({ email: 'marie@cnes.fr', organisation_id: known.id });
      const audit = await t.database.db
        .selectFrom('audit_event')
        .select(['entity_type', 'action'])
        .where('workspace_id', '=', workspaceId)
        .execute();
      expect(audit.filter((e) => e.entity_type === 'network_person')).toHaveLength(2);
      expect(audit.filter((e) => e.entity_type === 'network_organisation')).toHaveLength(1);
      expect(audit.filter((e) => e.entity_type === 'network_person_import')).toHaveLength(1);
    });

    it('round-trips: an exported vCard file imported into another workspace gives the same people', async () => {
      const org = await network.organisation(workspaceId, { name: 'Ζενίθ Διαστημική', country: 'GR' });
      await network.person(workspaceId, org.id, {
        name: 'Ελένη Παππά',
        email: 'eleni@zenith.gr',
        language: 'el',
        notes: 'α, β; γ',
      });
      await network.person(workspaceId, null, { name: 'No Org', phone: '+30 210 000' });
      const exported = await t.app.inject({
        url: url('/network/people/vcards'),
        headers: coordinator.headers,
      });
      const other = await factory.workspace();
      const otherCoordinator = await factory.memberWithToken(other.id, 'coordinator');
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${other.slug}/network/people/vcards?dryRun=false&country=GR`,
        headers: { ...otherCoordinator.headers, 'content-type': 'text/vcard' },
        payload: exported.rawPayload,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ create: 2, organisationsCreated: 1 });
      const back = await t.app.inject({
        url: `/api/v1/workspaces/${other.slug}/network/people/vcards`,
        headers: otherCoordinator.headers,
      });
      expect(readVCards(back.rawPayload)).toEqual(readVCards(exported.rawPayload));
    });

    it('updates the person with the same e-mail when asked, and reads a multipart form', async () => {
      const person = await network.person(workspaceId, null, {
        name: 'Old Name',
        email: 'same@x.eu',
        consent_basis: 'consent',
        consent_on: '2026-01-02',
      });
      const boundary = 'b0undary';
      const form = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="c.vcf"\r\nContent-Type: text/vcard\r\n\r\n`,
        ),
        Buffer.from(card('New Name', 'same@x.eu')),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await uploadCards(
        form,
        'dryRun=false&onDuplicate=update',
        coordinator.headers,
        `multipart/form-data; boundary=${boundary}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ update: 1, create: 0 });
      const row = await t.database.db
        .selectFrom('network_person')
        .selectAll()
        .where('id', '=', person.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ name: 'New Name', consent_basis: 'consent', version: 2 });
    });

    it('refuses a broken encoding, 10 MB of lines, too many cards and too long a line, writing nothing', async () => {
      const before = await count('network_person');
      const latin1 = Buffer.from(
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:J\xf6rg M\xfcller\r\nEND:VCARD\r\n',
        'latin1',
      );
      const broken = await uploadCards(latin1, 'dryRun=false');
      expect(broken.statusCode).toBe(400);
      expect(broken.json().errors[0].field).toBe('body');
      expect(broken.json().detail).toMatch(/not UTF-8/);
      const huge = Buffer.from('NOTE:x\r\n'.repeat((10 * 1024 * 1024) / 8));
      const tooBig = await uploadCards(huge, 'dryRun=false');
      expect(tooBig.statusCode).toBe(413);
      expect(tooBig.json().detail).toMatch(/limit of 1 MB/);
      const oneAndHalf = Buffer.from('NOTE:x\r\n'.repeat((1.5 * 1024 * 1024) / 8));
      const over = await uploadCards(oneAndHalf, 'dryRun=false');
      expect(over.statusCode).toBe(413);
      expect(over.json().detail).toMatch(/limit of 1 MB/);
      const many = await uploadCards('BEGIN:VCARD\nFN:A\nEND:VCARD\n'.repeat(5001), 'dryRun=false');
      expect(many.statusCode).toBe(413);
      expect(many.json().detail).toMatch(/5000 cards/);
      const long = await uploadCards(`BEGIN:VCARD\nFN:${'a'.repeat(20_000)}\nEND:VCARD\n`, 'dryRun=false');
      expect(long.statusCode).toBe(400);
      expect(long.json().detail).toMatch(/Line 2 is longer than the limit of 10000 characters/);
      const json = await uploadCards('{}', 'dryRun=false', coordinator.headers, 'application/json');
      expect(json.statusCode).toBe(415);
      const noDryRun = await uploadCards(card('A', null), '');
      expect(noDryRun.statusCode).toBe(400);
      expect(noDryRun.json().errors[0].field).toBe('query.dryRun');
      expect(await count('network_person')).toBe(before);
    });

    it('asks for a country when ORG names no organisation, and keeps a cluster manager in its cluster', async () => {
      const noCountry = await uploadCards(card('Ana', 'ana@new.es', 'Nueva SL'), 'dryRun=true');
      expect(noCountry.json().cards[0]).toMatchObject({ action: 'invalid', errors: [{ field: 'country' }] });
      const res = await uploadCards(
        card('Ana', 'ana@new.es', 'Nueva SL'),
        'dryRun=false&country=ES',
        manager.headers,
      );
      expect(res.statusCode, res.body).toBe(200);
      const org = await t.database.db
        .selectFrom('network_organisation')
        .select('owner_cluster_id')
        .where('workspace_id', '=', workspaceId)
        .where('name', '=', 'Nueva SL')
        .executeTakeFirstOrThrow();
      expect(org.owner_cluster_id).toBe(cluster.id);
      const theirs = await network.organisation(workspaceId, {
        name: 'Their Org',
        owner_cluster_id: otherCluster.id,
      });
      const refused = await uploadCards(card('Bo', 'bo@x.eu', theirs.name), 'dryRun=true', manager.headers);
      expect(refused.json().cards[0]).toMatchObject({
        action: 'invalid',
        errors: [{ field: 'organisation', message: 'is not of your cluster' }],
      });
      const otherOwner = await uploadCards(
        card('Cy', null, 'Z'),
        `dryRun=true&country=ES&ownerCluster=${otherCluster.id}`,
        manager.headers,
      );
      expect(otherOwner.statusCode).toBe(400);
      expect(otherOwner.json().errors[0].field).toBe('query.ownerCluster');
      const viewerTry = await uploadCards(card('V', null), 'dryRun=true', viewer.headers);
      expect(viewerTry.statusCode).toBe(403);
    });
  });

  describe('GDPR', () => {
    it('exports everything held about a person: row, organisation, interactions, audit entries', async () => {
      const org = await network.organisation(workspaceId, { name: 'Kibo Robotics', country: 'JP' });
      const person = await network.person(workspaceId, org.id, {
        name: 'Kenji Ito',
        email: 'kenji@kibo.jp',
        consent_basis: 'consent',
        consent_on: '2026-02-01',
      });
      await network.interaction(workspaceId, org.id, person.id, { notes: 'Coffee at the fair' });
      await network.interaction(workspaceId, org.id, null, { notes: 'Someone else' });
      await t.database.db
        .insertInto('audit_event')
        .values({
          id: '01900000-0000-7000-8000-000000000001',
          workspace_id: workspaceId,
          actor_user_id: coordinator.user.id,
          action: 'create',
          entity_type: 'network_person',
          entity_id: person.id,
          changes: JSON.stringify({ name: [null, 'Kenji Ito'], email: [null, 'kenji@kibo.jp'] }),
          created_at: nowish(),
        })
        .execute();
      const res = await t.app.inject({
        url: url(`/network/people/${person.id}/data-export`),
        headers: coordinator.headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="personal-data-${person.id}.json"`,
      );
      const data = res.json();
      expect(data.person).toMatchObject({
        id: person.id,
        name: 'Kenji Ito',
        email: 'kenji@kibo.jp',
        consentBasis: 'consent',
      });
      expect(data.organisation).toMatchObject({ id: org.id, name: 'Kibo Robotics', country: 'JP' });
      expect(data.interactions).toHaveLength(1);
      expect(data.interactions[0]).toMatchObject({
        kind: 'meeting',
        notes: 'Coffee at the fair',
        organisation: 'Kibo Robotics',
      });
      expect(data.auditEvents).toEqual([
        expect.objectContaining({
          action: 'create',
          actor: coordinator.user.name,
          changes: { name: [null, 'Kenji Ito'], email: [null, 'kenji@kibo.jp'] },
        }),
      ]);
      for (const who of [manager, viewer]) {
        const forbidden = await t.app.inject({
          url: url(`/network/people/${person.id}/data-export`),
          headers: who.headers,
        });
        expect(forbidden.statusCode).toBe(403);
      }
      const other = await factory.workspace();
      const theirs = await network.person(other.id, null);
      const missing = await t.app.inject({
        url: url(`/network/people/${theirs.id}/data-export`),
        headers: coordinator.headers,
      });
      expect(missing.statusCode).toBe(404);
    });

    it('erases a person: anonymised, interactions kept, audit records who without the values; twice is 409', async () => {
      const org = await network.organisation(workspaceId);
      const person = await network.person(workspaceId, org.id, {
        name: 'Kenji Ito',
        email: 'kenji@kibo.jp',
        phone: '+81',
        role_title: 'CEO',
        language: 'ja',
        notes: 'Private',
        consent_basis: 'consent',
        consent_on: '2026-02-01',
        consent_source: 'Card',
      });
      const interaction = await network.interaction(workspaceId, org.id, person.id);
      await t.database.db
        .insertInto('audit_event')
        .values({
          id: '01900000-0000-7000-8000-000000000002',
          workspace_id: workspaceId,
          actor_user_id: coordinator.user.id,
          action: 'create',
          entity_type: 'network_person',
          entity_id: person.id,
          changes: JSON.stringify({
            name: [null, 'Kenji Ito'],
            email: [null, 'kenji@kibo.jp'],
            organisation_id: [null, org.id],
          }),
          created_at: nowish(),
        })
        .execute();
      const erase = (confirm: unknown, headers = coordinator.headers, id = person.id) =>
        t.app.inject({
          method: 'POST',
          url: url(`/network/people/${id}/erase`),
          headers,
          payload: { confirm },
        });

      const wrong = await erase('Kenji');
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().errors).toEqual([{ field: 'body.confirm', message: 'is not the person’s name' }]);
      const typed = await erase(42);
      expect(typed.statusCode).toBe(400);
      expect(typed.json().errors[0].field).toBe('body.confirm');
      expect((await erase('Kenji Ito', manager.headers)).statusCode).toBe(403);
      expect(
        (
          await t.database.db
            .selectFrom('network_person')
            .select('name')
            .where('id', '=', person.id)
            .executeTakeFirstOrThrow()
        ).name,
      ).toBe('Kenji Ito');

      const res = await erase('kenji ito');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        id: person.id,
        name: 'Erased person',
        email: null,
        phone: null,
        roleTitle: null,
        language: null,
        notes: '',
        consentBasis: null,
        consentOn: null,
        consentSource: null,
        organisationId: org.id,
      });
      expect(res.json().erasedAt).not.toBeNull();
      const kept = await t.database.db
        .selectFrom('interaction')
        .select('network_person_id')
        .where('id', '=', interaction.id)
        .executeTakeFirstOrThrow();
      expect(kept.network_person_id).toBe(person.id);
      const audit = await t.database.db
        .selectFrom('audit_event')
        .select(['actor_user_id', 'action', 'changes'])
        .where('entity_id', '=', person.id)
        .orderBy('id')
        .execute();
      expect(audit).toHaveLength(2);
      expect(JSON.parse(audit[0]?.changes ?? '')).toEqual({
        name: [null, '(erased)'],
        email: [null, '(erased)'],
        organisation_id: [null, org.id],
      });
      expect(audit[1]).toMatchObject({ actor_user_id: coordinator.user.id, action: 'update' });
      expect(Object.keys(JSON.parse(audit[1]?.changes ?? ''))).toEqual(['erased_at']);
      expect(JSON.stringify(audit)).not.toMatch(/Kenji|kibo/);

      const again = await erase('Erased person');
      expect(again.statusCode).toBe(409);
      expect(again.json().detail).toMatch(/already erased/);
      const other = await factory.workspace();
      const theirs = await network.person(other.id, null, { name: 'X' });
      expect((await erase('X', coordinator.headers, theirs.id)).statusCode).toBe(404);
      expect(
        (
          await t.database.db
            .selectFrom('network_person')
            .select('erased_at')
            .where('id', '=', theirs.id)
            .executeTakeFirstOrThrow()
        ).erased_at,
      ).toBeNull();
    });
  });

  describe('CSV import of the network', () => {
    const parse = async (csv: string, headers = coordinator.headers) => {
      const res = await t.app.inject({
        method: 'POST',
        url: url('/imports/parse'),
        headers: { ...headers, 'content-type': 'text/csv' },
        payload: csv,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        rows: string[][];
        suggestedMapping: Record<string, Record<string, number | null>>;
      };
    };
    const mapped = (
      parsed: Awaited<ReturnType<typeof parse>>,
      what: 'networkOrganisations' | 'networkPeople',
    ) =>
      parsed.rows.map((cells) =>
        Object.fromEntries(
          Object.entries(parsed.suggestedMapping[what] ?? {})
            .filter((entry): entry is [string, number] => entry[1] !== null)
            .map(([field, column]) => [field, cells[column] ?? null]),
        ),
      );
    const importRows = (
      what: 'network-organisations' | 'network-people',
      rows: object[],
      dryRun: boolean,
      headers = coordinator.headers,
    ) => t.app.inject({ method: 'POST', url: url(`/imports/${what}`), headers, payload: { rows, dryRun } });

    it('imports organisations from French headers with labels, reporting duplicates per row', async () => {
      await network.organisation(workspaceId, { name: 'CNES', country: 'FR', website_domain: 'cnes.fr' });
      const parsed = await parse(
        'Nom;Type;Pays;Site web;Segments;Cluster\n' +
          'Kibo Robotics Inc.;Company;jp;kibo.jp;EO, GNSS;GSC\n' +
          'C.N.E.S.;Agency;FR;;;\n' +
          'Kibo Robotics;company;JP;;;\n' +
          'Astro Invest;investor;FR;https://www.cnes.fr/fund;;\n' +
          'Bad;startup;XX;;cooking;NOPE\n',
      );
      expect(parsed.suggestedMapping.networkOrganisations).toMatchObject({
        name: 0,
        type: 1,
        country: 2,
        website: 3,
        spaceSegments: 4,
        ownerCluster: 5,
      });
      const rows = mapped(parsed, 'networkOrganisations');
      const before = await count('network_organisation');
      const check = await importRows('network-organisations', rows, true);
      expect(check.statusCode, check.body).toBe(200);
      const result = check.json();
      expect(result).toMatchObject({ total: 5, valid: 2, invalid: 1, duplicates: 2, created: 0 });
      expect(result.rows[1].duplicateOf).toMatchObject({ name: 'CNES', reason: 'name and country' });
      expect(result.rows[2].duplicateOf).toMatchObject({ id: null, reason: 'same file', row: 0 });
      expect(result.rows[3].warnings[0]).toMatchObject({ field: 'website' });
      expect(result.rows[4].errors.map((e: { field: string }) => e.field)).toEqual([
        'type',
        'country',
        'spaceSegments',
        'ownerCluster',
      ]);
      expect(await count('network_organisation')).toBe(before);
      const done = await importRows('network-organisations', rows, false);
      expect(done.json()).toMatchObject({ created: 2 });
      const kibo = await t.database.db
        .selectFrom('network_organisation')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('name', '=', 'Kibo Robotics Inc.')
        .executeTakeFirstOrThrow();
      expect(kibo).toMatchObject({
        type: 'company',
        country: 'JP',
        owner_cluster_id: cluster.id,
        website_domain: 'kibo.jp',
        space_segments: '["earth_observation","navigation"]',
      });
    });

    it('keeps a cluster manager’s rows in its cluster, and refuses a viewer', async () => {
      const res = await importRows(
        'network-organisations',
        [
          { name: 'A', type: 'agency', country: 'FR' },
          { name: 'B', type: 'agency', country: 'FR', ownerCluster: 'OTH' },
        ],
        false,
        manager.headers,
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().rows[1].errors).toEqual([{ field: 'ownerCluster', message: 'is not your cluster' }]);
      const a = await t.database.db
        .selectFrom('network_organisation')
        .select('owner_cluster_id')
        .where('workspace_id', '=', workspaceId)
        .where('name', '=', 'A')
        .executeTakeFirstOrThrow();
      expect(a.owner_cluster_id).toBe(cluster.id);
      expect(
        (
          await importRows(
            'network-organisations',
            [{ name: 'C', type: 'agency', country: 'FR' }],
            true,
            viewer.headers,
          )
        ).statusCode,
      ).toBe(403);
      const bad = await importRows('network-organisations', [{ name: 'C', color: 'red' }], true);
      expect(bad.statusCode).toBe(400);
    });

    it('imports people linked to their organisation by name, duplicates by e-mail', async () => {
      const org = await network.organisation(workspaceId, {
        name: 'Kibo Robotics',
        country: 'JP',
        owner_cluster_id: cluster.id,
      });
      await network.person(workspaceId, org.id, { email: 'taken@kibo.jp' });
      const parsed = await parse(
        'Full name,E-mail,Company,Consent basis,Consent date,Language\n' +
          'Kenji Ito,Kenji@Kibo.jp,KIBO ROBOTICS,Consent given,2026-02-01,ja\n' +
          'Taken,taken@kibo.jp,Kibo Robotics,,,\n' +
          'Again,kenji@kibo.jp,,,,\n' +
          'Nobody,n@x.eu,Unknown Corp,consent,,\n',
      );
      const rows = mapped(parsed, 'networkPeople');
      const res = await importRows('network-people', rows, false);
      expect(res.statusCode, res.body).toBe(200);
      const result = res.json();
      expect(result).toMatchObject({ total: 4, created: 1, duplicates: 2, invalid: 1 });
      expect(result.rows[1].duplicateOf).toMatchObject({ reason: 'e-mail' });
      expect(result.rows[2].duplicateOf).toMatchObject({ reason: 'same file', row: 0 });
      expect(result.rows[3].errors.map((e: { field: string }) => e.field)).toEqual([
        'consentOn',
        'organisation',
      ]);
      const kenji = await t.database.db
        .selectFrom('network_person')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('email', '=', 'kenji@kibo.jp')
        .executeTakeFirstOrThrow();
      expect(kenji).toMatchObject({
        name: 'Kenji Ito',
        organisation_id: org.id,
        consent_basis: 'consent',
        consent_on: '2026-02-01',
        language: 'ja',
      });
      const byManager = await importRows(
        'network-people',
        [{ name: 'Free', email: 'free@x.eu' }],
        true,
        manager.headers,
      );
      expect(byManager.json().rows[0].errors[0]).toMatchObject({ field: 'organisation' });
    });
  });
});

function nowish(): string {
  return new Date().toISOString();
}
