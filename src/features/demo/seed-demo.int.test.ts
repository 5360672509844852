import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { signIn } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { DEMO_PASSWORD, DEMO_WORKSPACE_SLUG, seedDemoWorkspace } from './seed-demo.ts';

describe.each(testDialects())('demo workspace on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is created on an empty database: 8 clusters in 6 countries and users who can sign in', async () => {
    const result = await seedDemoWorkspace(t.database.db);
    expect(result.created).toBe(true);
    const coordinator = result.users.find((u) => u.role === 'coordinator');
    const { cookie } = await signIn(t.app, coordinator?.email ?? '', DEMO_PASSWORD);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${DEMO_WORKSPACE_SLUG}/clusters`,
      headers: { cookie },
    });
    const clusters = res.json().items as { country: string }[];
    expect(clusters).toHaveLength(8);
    expect(new Set(clusters.map((c) => c.country)).size).toBe(6);
  });

  it('is never created again, nor on a database that has workspaces', async () => {
    expect((await seedDemoWorkspace(t.database.db)).created).toBe(false);
    const workspaces = await t.database.db.selectFrom('workspace').select('id').execute();
    expect(workspaces).toHaveLength(1);
  });
});
