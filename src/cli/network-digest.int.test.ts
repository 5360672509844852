import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/support/databases.ts';
import { Factory } from '../../test/support/factories.ts';
import { NetworkHealthFactory } from '../../test/support/network-health-factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/space2id.mjs');

describe.each(testDialects())('space2id network digest on %s', (kind) => {
  let t: TestApp;
  let slug: string;
  let ownerEmail: string;
  const cli = (...args: string[]) =>
    run(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: t.testDatabase.url, SMTP_URL: '' },
    });

  beforeAll(async () => {
    t = await startTestApp(kind);
    const factory = new Factory(t.database.db);
    const network = new NetworkHealthFactory(t.database.db);
    const workspace = await factory.workspace('CLI digest consortium');
    slug = workspace.slug;
    const cluster = await factory.cluster(workspace.id);
    const owner = await factory.memberWithToken(workspace.id, 'cluster_manager', cluster.id);
    ownerEmail = owner.user.email;
    const organisation = await network.organisation(workspace.id, { name: 'Silent Partner KK' });
    // Began in 2020 without any interaction: decaying whatever day the test runs.
    await network.relationship(workspace.id, cluster.id, organisation.id, {
      stage: 'partner',
      started_on: '2020-01-06',
      owner_user_id: owner.user.id,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sends the week’s digest once (to the outbox without SMTP) and refuses a malformed week', async () => {
    const first = await cli('network', 'digest', '--week', '2026-W50', '--workspace', slug);
    expect(first.stdout).toContain('network digest 2026-W50: 1 mail(s) sent, 0 already sent, 1 workspace(s)');
    const mails = await t.database.db.selectFrom('mail_outbox').selectAll().execute();
    const digest = mails.filter((mail) => JSON.stringify(mail).includes(ownerEmail));
    expect(digest).toHaveLength(1);
    expect(JSON.stringify(digest[0])).toContain('Silent Partner KK');

    const again = await cli('network', 'digest', '--week', '2026-W50', '--workspace', slug);
    expect(again.stdout).toContain('0 mail(s) sent, 1 already sent');

    await expect(cli('network', 'digest', '--week', '2026-W60')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--week: "2026-W60" is not an ISO week'),
    });
    await expect(cli('network', 'digest', '--workspace', 'no-such-workspace')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--workspace: no workspace "no-such-workspace"'),
    });
  }, 180_000);
});
