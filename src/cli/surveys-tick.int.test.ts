import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/support/databases.ts';
import { Factory } from '../../test/support/factories.ts';
import { SurveyRows } from '../../test/support/survey-factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/space2id.mjs');

describe.each(testDialects())('space2id surveys tick on %s', (kind) => {
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

  it('closes a wave past its closing time and reminds an old invitation once', async () => {
    const workspace = await new Factory(t.database.db).workspace();
    const rows = new SurveyRows(t.database.db);
    const questionnaire = await rows.questionnaire(workspace.id);
    const past = await rows.wave(workspace.id, questionnaire.id, { closes_at: '2020-01-01T00:00:00.000Z' });
    const reminding = await rows.wave(workspace.id, questionnaire.id, { reminder_after_days: 2 });
    const { row } = await rows.invitation(workspace.id, reminding.id, {
      sent_at: '2020-01-01T00:00:00.000Z',
      email: `late-${kind}@example.test`,
    });
    const first = await cli('surveys', 'tick');
    expect(first.stdout).toContain('surveys tick: 1 wave(s) closed, 1 reminder(s) sent');
    const again = await cli('surveys', 'tick');
    expect(again.stdout).toContain('surveys tick: 0 wave(s) closed, 0 reminder(s) sent');
    const wave = await t.database.db
      .selectFrom('survey_wave')
      .select('status')
      .where('id', '=', past.id)
      .executeTakeFirstOrThrow();
    expect(wave.status).toBe('closed');
    const invitation = await t.database.db
      .selectFrom('survey_invitation')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(invitation.reminder_count).toBe(1);
    expect(invitation.token_hash).not.toBe(row.token_hash);
    // The outbox (no SMTP server configured) holds the one reminder, with its new link.
    const mails = await t.database.db
      .selectFrom('mail_outbox')
      .where('to', '=', row.email)
      .select(['subject', 'text'])
      .execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toMatch(/^Reminder: /);
    expect(mails[0]?.text).toMatch(/\/survey#[A-Za-z0-9_-]{32}/);
  });
});
