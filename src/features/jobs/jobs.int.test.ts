import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { JobRepository } from '../../jobs/repository.ts';
import { DELETE_WORKSPACE_JOB_KIND } from '../workspaces/deletion-job.ts';
import { JOB_KINDS } from './schema.ts';

describe.each(testDialects())('the jobs API on %s', (kind) => {
  let t: TestApp;
  let slug: string;
  let workspaceId: string;
  let viewer: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const factory = new Factory(t.database.db);
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    viewer = (await factory.memberWithToken(workspaceId, 'viewer')).headers;
  });
  afterAll(() => t?.close());

  it('knows every kind of job the queue works for a workspace', () => {
    // A workspace's deletion outlives the workspace: it is the operator's, not in its job list.
    const workspaceKinds = t.app.jobs.kinds.filter((k) => k !== DELETE_WORKSPACE_JOB_KIND);
    expect(workspaceKinds.length).toBeGreaterThan(0);
    expect([...JOB_KINDS].sort()).toEqual([...workspaceKinds].sort());
  });

  it('shows a job of every kind in the list and on its own', async () => {
    const jobs = new JobRepository(t.database.db);
    const ids: string[] = [];
    for (const jobKind of JOB_KINDS) {
      const job = await jobs.insert({ workspaceId, kind: jobKind, params: { from: 'x' }, createdBy: null });
      ids.push(job.id);
    }
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${slug}/jobs?limit=100`,
      headers: viewer,
    });
    expect(list.statusCode, list.body).toBe(200);
    expect(
      list
        .json()
        .items.map((j: { kind: string }) => j.kind)
        .sort(),
    ).toEqual([...JOB_KINDS].sort());
    for (const id of ids) {
      const one = await t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${slug}/jobs/${id}`,
        headers: viewer,
      });
      expect(one.statusCode, one.body).toBe(200);
    }
  });
});
