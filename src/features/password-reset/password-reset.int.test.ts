import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory, signIn } from '../../../test/support/factories.ts';
import { linkToken, startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { MAX_FAILED_SIGN_INS } from '../auth/service.ts';
import { SIGN_IN_RATE } from '../auth/sign-in.ts';
import { BackgroundTasks } from '../mail/background.ts';
import { MAX_RESETS_PER_HOUR, RESET_TTL_MS } from './service.ts';

const PUBLIC_URL = 'http://hub.example.test';
const RESET_LINK = `${PUBLIC_URL}/reset-password`;
const OLD_PASSWORD = 'the old password';
const NEW_PASSWORD = 'a brand new passphrase';

describe.each(testDialects())('password reset by mail on %s', (kind) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let factory: Factory;
  let clockOffsetMs = 0;
  const background = new BackgroundTasks((error) => {
    throw error;
  });

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp(kind, {
      mail: { smtpUrl: smtp.url, from: 'SPACE2ID Hub <hub@example.test>', publicUrl: PUBLIC_URL },
      clock: () => new Date(Date.now() + clockOffsetMs),
      background,
    });
    factory = new Factory(t.database.db);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const requestReset = (email: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email } });
  const confirm = (token: string, password = NEW_PASSWORD) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password },
    });
  /** Asks for a reset and returns the token of the link in the mail that arrives. */
  async function resetToken(email: string): Promise<string> {
    expect((await requestReset(email)).statusCode).toBe(202);
    const mail = await smtp.waitFor((m) => m.to.includes(email));
    return linkToken(mail, RESET_LINK);
  }

  it('mails a reset link that sets the new password once, and signs out everywhere', async () => {
    const user = await factory.userWithPassword(OLD_PASSWORD);
    const { cookie } = await signIn(t.app, user.email, OLD_PASSWORD);
    expect((await requestReset(user.email.toUpperCase())).statusCode).toBe(202);
    const mail = await smtp.waitFor((m) => m.to.includes(user.email));
    expect(mail.subject).toBe('Reset your SPACE2ID Hub password');
    expect(mail.text).toContain('Hello Test User');
    const token = linkToken(mail, RESET_LINK);
    const stored = await t.database.db
      .selectFrom('password_reset')
      .select(['token_hash', 'created_at', 'expires_at'])
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(new Date(stored.expires_at).getTime() - new Date(stored.created_at).getTime()).toBe(RESET_TTL_MS);

    const res = await confirm(token);
    expect(res.statusCode, res.body).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(
      401,
    );
    await signIn(t.app, user.email, NEW_PASSWORD);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: user.email, password: OLD_PASSWORD },
    });
    expect(old.statusCode).toBe(401);

    const again = await confirm(token, 'yet another passphrase');
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].field).toBe('body.token');
  });

  it('answers an unknown e-mail exactly like a known one, and sends nothing', async () => {
    const user = await factory.userWithPassword(OLD_PASSWORD);
    const unknown = `nobody-${kind}@example.test`;
    const before = smtp.messages.length;
    const forUnknown = await requestReset(unknown);
    const forKnown = await requestReset(user.email);
    await background.idle();
    expect(forUnknown.statusCode).toBe(202);
    expect(forUnknown.body).toBe(forKnown.body);
    expect(forUnknown.headers['content-type']).toBe(forKnown.headers['content-type']);
    await smtp.waitFor((m) => m.to.includes(user.email));
    expect(smtp.messages.slice(before).map((m) => m.to)).toEqual([[user.email]]);
  });

  it('lifts the lock-out of an account from every address that failed', async () => {
    const user = await factory.userWithPassword(OLD_PASSWORD);
    const addresses = ['203.0.113.1', '2001:db8:5::1'];
    const signInFrom = (remoteAddress: string, password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: user.email, password },
        remoteAddress,
      });
    for (const address of addresses) {
      for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
        expect((await signInFrom(address, `wrong-${i}`)).statusCode).toBe(401);
      }
    }
    expect((await signInFrom(addresses[0] as string, OLD_PASSWORD)).statusCode).toBe(401);
    expect((await confirm(await resetToken(user.email))).statusCode).toBe(204);
    for (const address of addresses) {
      const res = await signInFrom(address, NEW_PASSWORD);
      expect(res.statusCode, `${address}: ${res.body}`).toBe(200);
    }
  });

  it('refuses an expired link with 400 and keeps the password', async () => {
    const user = await factory.userWithPassword(OLD_PASSWORD);
    const token = await resetToken(user.email);
    clockOffsetMs = RESET_TTL_MS + 1000;
    try {
      const res = await confirm(token);
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toMatch(/expired/);
    } finally {
      clockOffsetMs = 0;
    }
    await signIn(t.app, user.email, OLD_PASSWORD);
  });

  it('refuses an unknown token and a short password with 400 naming the field', async () => {
    expect((await confirm('made-up')).json().errors[0].field).toBe('body.token');
    const user = await factory.userWithPassword(OLD_PASSWORD);
    const short = await confirm(await resetToken(user.email), 'short');
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('body.password');
  });

  it(`sends at most ${MAX_RESETS_PER_HOUR} mails an hour per account, answering every request alike`, async () => {
    const user = await factory.userWithPassword(OLD_PASSWORD);
    const statuses: number[] = [];
    for (let i = 0; i < MAX_RESETS_PER_HOUR + 2; i++)
      statuses.push((await requestReset(user.email)).statusCode);
    await background.idle();
    expect(statuses).toEqual(Array(MAX_RESETS_PER_HOUR + 2).fill(202));
    const rows = await t.database.db
      .selectFrom('password_reset')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    expect(rows).toHaveLength(MAX_RESETS_PER_HOUR);
    expect(smtp.messages.filter((m) => m.to.includes(user.email))).toHaveLength(MAX_RESETS_PER_HOUR);
  });

  it('rate-limits confirmations per client address with 429, other addresses unaffected', async () => {
    const confirmFrom = (remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset/confirm',
        payload: { token: 'guessed', password: NEW_PASSWORD },
        remoteAddress,
      });
    const statuses: number[] = [];
    for (let i = 0; i <= SIGN_IN_RATE.max; i++)
      statuses.push((await confirmFrom('198.51.100.33')).statusCode);
    expect(statuses).toEqual([...Array(SIGN_IN_RATE.max).fill(400), 429]);
    expect((await confirmFrom('198.51.100.34')).statusCode).toBe(400);
  });

  it('rate-limits requests for one address and e-mail with 429', async () => {
    const email = `rate-limited-${kind}@example.test`;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await requestReset(email)).statusCode);
    expect(statuses).toEqual([...Array(10).fill(202), 429, 429]);
  });
});
