import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

/**
 * The network's duplicate rules read, then write: on PostgreSQL parallel requests really overlap
 * (`inject` calls interleave on the connection pool), so only the unique indexes
 * (`network_organisation_name_key`, `network_person_workspace_email`) keep one row, and the
 * refused requests must get the same 400 as the check, never a 500.
 */
describe.each(testDialects())('parallel network creates of one duplicate key on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let slug: string;
  let workspaceId: string;
  let coordinator: Record<string, string>;
  const post = (path: string, payload: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${slug}/network${path}`,
      headers: coordinator,
      payload,
    });
  const parallel = <T>(n: number, request: (i: number) => Promise<T>) =>
    Promise.all(Array.from({ length: n }, (_, i) => request(i)));
  const statuses = (responses: { statusCode: number }[]) =>
    responses.map((r) => r.statusCode).sort((a, b) => a - b);
  const count = async (table: 'network_organisation' | 'network_person') =>
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
    coordinator = (await factory.memberWithToken(workspaceId, 'coordinator')).headers;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('20 parallel POST /network/organisations of one name and country create one; 19 are 400 naming body.name', async () => {
    const responses = await parallel(20, (i) =>
      post('/organisations', {
        name:
          i % 2 === 0
            ? 'Câmara de Comércio Luso-Japonesa'
            : `CAMARA DE COMERCIO LUSO JAPONESA${' '.repeat(i % 3)}`,
        type: 'chamber_of_commerce',
        country: 'JP',
      }),
    );
    expect(statuses(responses)).toEqual([201, ...Array(19).fill(400)]);
    for (const refused of responses.filter((r) => r.statusCode === 400)) {
      expect(refused.json().errors).toEqual([{ field: 'body.name', message: expect.any(String) }]);
    }
    expect(await count('network_organisation')).toBe(1);
  });

  it('20 parallel POST /network/people with one e-mail create one; 19 are 400 naming body.email', async () => {
    const responses = await parallel(20, (i) =>
      post('/people', {
        name: `Person ${i}`,
        email: i % 2 === 0 ? 'same@example.test' : 'SAME@example.test',
      }),
    );
    expect(statuses(responses)).toEqual([201, ...Array(19).fill(400)]);
    for (const refused of responses.filter((r) => r.statusCode === 400)) {
      expect(refused.json().errors).toEqual([{ field: 'body.email', message: expect.any(String) }]);
    }
    expect(await count('network_person')).toBe(1);
  });
});
