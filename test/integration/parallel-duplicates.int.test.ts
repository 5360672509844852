import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../support/databases.ts';
import { Factory } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Issue 19, item 4: the duplicate rules read, then write. Requests that run at the same time all
 * read "no duplicate" and all write, unless the database refuses the later writes. SQLite runs one
 * write transaction at a time and hides the race; on PostgreSQL the requests below really overlap
 * (`inject` calls interleave on the pool of 10 connections), so these tests fail there when the
 * unique indexes are missing.
 */
describe.each(testDialects())('parallel writes of one duplicate key on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let slug: string;
  let workspaceId: string;
  let cluster: { id: string; short_name: string };
  let coordinator: Record<string, string>;
  const url = (path: string) => `/api/v1/workspaces/${slug}${path}`;
  const post = (path: string, payload: object) =>
    t.app.inject({ method: 'POST', url: url(path), headers: coordinator, payload });
  const parallel = <T>(n: number, request: (i: number) => Promise<T>) =>
    Promise.all(Array.from({ length: n }, (_, i) => request(i)));
  const statuses = (responses: { statusCode: number }[]) =>
    responses.map((r) => r.statusCode).sort((a, b) => a - b);
  const count = async (table: 'organisation' | 'person') =>
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
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    cluster = await factory.cluster(workspaceId, { short_name: `PAR${Date.now()}` });
    coordinator = (await factory.memberWithToken(workspaceId, 'coordinator')).headers;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('20 parallel POST /organisations with one name and country create one; 19 are 400 naming body.name', async () => {
    const responses = await parallel(20, (i) =>
      post('/organisations', {
        clusterId: cluster.id,
        // Different spellings of one name: the rule's key, not the text, must be unique.
        name: i % 2 === 0 ? 'Orbitech S.L.' : `ORBITECH${' '.repeat(i % 3)}`,
        type: 'sme',
        country: 'ES',
        exportExperience: 'none',
      }),
    );
    expect(statuses(responses)).toEqual([201, ...Array(19).fill(400)]);
    const winner = responses.find((r) => r.statusCode === 201)?.json();
    for (const refused of responses.filter((r) => r.statusCode === 400)) {
      expect(refused.json().errors).toEqual([{ field: 'body.name', message: expect.any(String) }]);
      // The answer names the organisation that won, as the check before the write does.
      expect(refused.json().detail).toContain(winner.id);
    }
    expect(await count('organisation')).toBe(1);
  });

  it('20 parallel POST /organisations with one registration id create one; 19 are 400 naming body.registrationId', async () => {
    const responses = await parallel(20, (i) =>
      post('/organisations', {
        clusterId: cluster.id,
        name: `Registered ${i}`,
        type: 'sme',
        country: 'BE',
        registrationId: i % 2 === 0 ? 'BE 0123.456.789' : 'be0123456789',
        exportExperience: 'none',
      }),
    );
    expect(statuses(responses)).toEqual([201, ...Array(19).fill(400)]);
    const winner = responses.find((r) => r.statusCode === 201)?.json();
    for (const refused of responses.filter((r) => r.statusCode === 400)) {
      expect(refused.json().errors).toEqual([{ field: 'body.registrationId', message: expect.any(String) }]);
      expect(refused.json().detail).toContain(winner.id);
    }
    expect(await count('organisation')).toBe(1);
  });

  it('10 parallel edits giving 10 organisations one name keep one; 9 are 400 naming body.name', async () => {
    const organisations = await parallel(10, (i) =>
      factory.organisation(workspaceId, cluster.id, { name: `Before ${i}`, country: 'ES' }),
    );
    const responses = await parallel(10, (i) =>
      t.app.inject({
        method: 'PATCH',
        url: url(`/organisations/${organisations[i]?.id}`),
        headers: coordinator,
        payload: { version: 1, name: 'Orbitech S.L.' },
      }),
    );
    expect(statuses(responses)).toEqual([200, ...Array(9).fill(400)]);
    for (const refused of responses.filter((r) => r.statusCode === 400)) {
      expect(refused.json().errors).toEqual([{ field: 'body.name', message: expect.any(String) }]);
    }
    const renamed = await t.database.db
      .selectFrom('organisation')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('normalised_name', '=', 'orbitech')
      .execute();
    expect(renamed).toHaveLength(1);
  });

  it('20 parallel POST /people with one e-mail create one; 19 are 400 naming body.email', async () => {
    // Three rounds: migration 0003's index already kept one person per e-mail, but a request that
    // lost the race got a generic 409 instead of the form's answer, in most rounds, not all.
    for (const email of ['ines@orbita.example', 'marc@orbita.example', 'vera@orbita.example']) {
      const responses = await parallel(20, (i) =>
        post('/people', { name: `Person ${i}`, email: i % 2 === 0 ? email : email.toUpperCase() }),
      );
      expect(statuses(responses)).toEqual([201, ...Array(19).fill(400)]);
      const winner = responses.find((r) => r.statusCode === 201)?.json();
      for (const refused of responses.filter((r) => r.statusCode === 400)) {
        expect(refused.json().errors).toEqual([{ field: 'body.email', message: expect.any(String) }]);
        expect(refused.json().detail).toContain(winner.id);
      }
    }
    expect(await count('person')).toBe(3);
  });

  it('10 parallel edits giving 10 people one e-mail keep one; 9 are 400 naming body.email', async () => {
    const people = await parallel(10, (i) =>
      factory.person(workspaceId, null, { email: `before-${i}@x.test` }),
    );
    const responses = await parallel(10, (i) =>
      t.app.inject({
        method: 'PATCH',
        url: url(`/people/${people[i]?.id}`),
        headers: coordinator,
        payload: { version: 1, email: 'Same@X.test' },
      }),
    );
    expect(statuses(responses)).toEqual([200, ...Array(9).fill(400)]);
    for (const refused of responses.filter((r) => r.statusCode === 400)) {
      expect(refused.json().errors).toEqual([{ field: 'body.email', message: expect.any(String) }]);
    }
  });

  it('10 parallel commits of one 30-row import write its 30 rows once; the others write nothing', async () => {
    // No registration ids: only the name-and-country rule stands between the copies.
    const rows = Array.from({ length: 30 }, (_, i) => ({
      name: `Parallel Member ${i}`,
      cluster: cluster.short_name,
      type: 'sme',
      country: 'BE',
    }));
    const responses = await parallel(10, () => post('/imports/organisations', { rows, dryRun: false }));
    expect(responses.map((r) => r.statusCode).filter((s) => s !== 200 && s !== 409)).toEqual([]);
    const committed = responses.filter((r) => r.statusCode === 200).map((r) => r.json());
    // One commit created the rows; a commit that started after it committed found them all
    // duplicates (200, nothing created); one that overlapped it was refused with 409.
    expect(committed.filter((body) => body.created === 30)).toHaveLength(1);
    for (const body of committed.filter((b) => b.created !== 30)) {
      expect(body).toMatchObject({ created: 0, duplicates: 30 });
    }
    for (const refused of responses.filter((r) => r.statusCode === 409)) {
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.json().detail).toMatch(/run the dry run again/i);
    }
    expect(await count('organisation')).toBe(30);
  });

  it('20 parallel invitations of one address leave one pending; each is 201 or 409', async () => {
    const email = `parallel-${kind}@example.test`;
    const responses = await parallel(20, (i) =>
      post('/invitations', {
        email: i % 2 === 0 ? email : email.toUpperCase(),
        name: 'Nina',
        role: 'viewer',
      }),
    );
    expect(responses.map((r) => r.statusCode).filter((s) => s !== 201 && s !== 409)).toEqual([]);
    const pending = await t.database.db
      .selectFrom('invitation')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
    expect(pending).toHaveLength(1);
    const created = responses.filter((r) => r.statusCode === 201).map((r) => r.json().id);
    expect(created).toContain(pending[0]?.id);
    for (const refused of responses.filter((r) => r.statusCode === 409)) {
      expect(refused.json().detail).toMatch(/at the same time/);
    }
    const list = await t.app.inject({ method: 'GET', url: url('/invitations'), headers: coordinator });
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([pending[0]?.id]);
  });
});
