import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/databases.ts';
import { Factory } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

// PostgreSQL refuses NUL in text (it would be a 500 there and stored on SQLite): both answer 400.
describe.each(testDialects())('NUL characters in requests on %s', (kind) => {
  let t: TestApp;
  let slug: string;
  let clusterId: string;
  let headers: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp(kind);
    const factory = new Factory(t.database.db);
    const workspace = await factory.workspace();
    slug = workspace.slug;
    clusterId = (await factory.cluster(workspace.id)).id;
    headers = (await factory.memberWithToken(workspace.id, 'coordinator')).headers;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses one in a JSON body, naming the field, and writes nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${slug}/organisations`,
      headers,
      payload: { clusterId, name: 'Orbit\u0000 Labs', type: 'sme', country: 'FR' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().errors).toEqual([{ field: 'body.name', message: 'must not contain a NUL character' }]);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${slug}/organisations`,
      headers,
    });
    expect(list.json().items).toEqual([]);
  });

  it('refuses one in a query parameter', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${slug}/organisations?q=orb%00it`,
      headers,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('query.q');
  });
});
