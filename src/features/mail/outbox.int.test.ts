import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory, signIn } from '../../../test/support/factories.ts';
import { linkToken } from '../../../test/support/smtp.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { BackgroundTasks } from './background.ts';

const PASSWORD = 'outbox test password';

/** Without SMTP_URL (development) mail stays in the database, and each user can read theirs. */
describe.each(testDialects())('the development outbox on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  const background = new BackgroundTasks((error) => {
    throw error;
  });

  beforeAll(async () => {
    t = await startTestApp(kind, { background });
    factory = new Factory(t.database.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  const outbox = (headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url: '/api/v1/dev/outbox', headers });

  it('keeps an invitation mail, shows it to the coordinator who sent it, and its link works', async () => {
    const workspace = await factory.workspace('Outbox Consortium');
    const coordinator = await factory.memberWithToken(workspace.id, 'coordinator');
    const email = `outbox-invitee-${kind}@example.test`;
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.slug}/invitations`,
      headers: coordinator.headers,
      payload: { email, name: 'Olga', role: 'viewer' },
    });
    expect(created.statusCode, created.body).toBe(201);

    const res = await outbox(coordinator.headers);
    expect(res.statusCode).toBe(200);
    const [mail] = res.json().items;
    expect(mail).toMatchObject({
      to: email,
      subject: 'You are invited to Outbox Consortium on SPACE2ID Hub',
    });
    expect(mail.html).toContain('http://localhost:3000/accept-invitation?token=');
    const token = linkToken(mail, 'http://localhost:3000/accept-invitation');
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/accept-invitation',
      payload: { token, password: PASSWORD },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
  });

  it("keeps a password-reset mail for its user only, not for anyone else's eyes", async () => {
    const user = await factory.userWithPassword(PASSWORD);
    const other = await factory.userWithPassword(PASSWORD);
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: user.email },
    });
    expect(asked.statusCode).toBe(202);
    await background.idle();
    const { cookie } = await signIn(t.app, user.email, PASSWORD);
    const mine = (await outbox({ cookie })).json().items;
    expect(mine.map((m: { subject: string; to: string }) => [m.to, m.subject])).toEqual([
      [user.email, 'Reset your SPACE2ID Hub password'],
    ]);
    const theirs = await signIn(t.app, other.email, PASSWORD);
    expect((await outbox({ cookie: theirs.cookie })).json().items).toEqual([]);
  });

  it('answers 401 without credentials', async () => {
    expect((await outbox({})).statusCode).toBe(401);
  });
});
