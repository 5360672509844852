import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { B2bRows } from '../../test/support/b2b-factories.ts';
import { testDialects } from '../../test/support/databases.ts';
import { Factory } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/space2id.mjs');

describe.each(testDialects())('space2id events tick on %s', (kind) => {
  let t: TestApp;
  const cli = (...args: string[]) =>
    run(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: t.testDatabase.url, SMTP_URL: '' },
    });

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('expires pending requests past their expiry and reminds an old one once', async () => {
    const factory = new Factory(t.database.db);
    const rows = new B2bRows(t.database.db);
    const workspace = await factory.workspace();
    const activity = await factory.activity(workspace.id, null, { instrument: '1.2.1' });
    const event = await rows.event(workspace.id, activity.id);
    const a = await rows.participant(workspace.id, event.id);
    const b = await rows.participant(workspace.id, event.id);
    const c = await rows.participant(workspace.id, event.id);
    const expiring = await rows.request(workspace.id, event.id, a.id, b.id, {
      status: 'pending',
      created_at: '2020-01-01T00:00:00.000Z',
      expires_at: '2020-01-08T00:00:00.000Z',
    });
    const old = await rows.request(workspace.id, event.id, a.id, c.id, {
      status: 'pending',
      created_at: '2020-01-01T00:00:00.000Z',
    });
    const first = await cli('events', 'tick');
    expect(first.stdout).toContain('events tick: 1 request(s) expired, 1 reminder(s) sent');
    const again = await cli('events', 'tick');
    expect(again.stdout).toContain('events tick: 0 request(s) expired, 0 reminder(s) sent');
    const rowsNow = await t.database.db
      .selectFrom('b2b_request')
      .where('id', 'in', [expiring.id, old.id])
      .select(['id', 'status', 'reminded_at'])
      .execute();
    expect(rowsNow.find((r) => r.id === expiring.id)?.status).toBe('expired');
    expect(rowsNow.find((r) => r.id === old.id)?.reminded_at).not.toBeNull();
    // The outbox (no SMTP server configured) holds the one reminder, to the asked participant.
    const mails = await t.database.db
      .selectFrom('mail_outbox')
      .where('to', '=', c.contact_email)
      .select('subject')
      .execute();
    expect(mails.map((m) => m.subject)).toEqual([expect.stringContaining('Reminder')]);
  });
});
