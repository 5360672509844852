import { createHash } from 'node:crypto';
import { type AddressInfo, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory, signIn } from '../../../test/support/factories.ts';
import { linkToken, startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { MAX_FAILED_SIGN_INS } from '../auth/service.ts';
import { SIGN_IN_RATE } from '../auth/sign-in.ts';
import { INVITATION_TTL_MS } from './service.ts';

const PUBLIC_URL = 'http://hub.example.test';
const ACCEPT_LINK = `${PUBLIC_URL}/accept-invitation`;
const PASSWORD = 'a passphrase long enough';

describe.each(testDialects())('invitations by mail on %s', (kind) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let factory: Factory;
  /** The services' clock runs this far ahead of real time. */
  let clockOffsetMs = 0;
  const home = { id: '', slug: '', clusterId: '' };
  let coordinator: Record<string, string>;
  let inviteCounter = 0;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp(kind, {
      mail: { smtpUrl: smtp.url, from: 'SPACE2ID Hub <hub@example.test>', publicUrl: PUBLIC_URL },
      clock: () => new Date(Date.now() + clockOffsetMs),
    });
    factory = new Factory(t.database.db);
    const workspace = await factory.workspace('Orbit Consortium');
    Object.assign(home, { id: workspace.id, slug: workspace.slug });
    home.clusterId = (await factory.cluster(workspace.id)).id;
    coordinator = (await factory.memberWithToken(workspace.id, 'coordinator')).headers;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  /** Mails already handed to a test, so a second invitation of one address waits for its own mail. */
  const seen = new Set<object>();
  const url = (path = '') => `/api/v1/workspaces/${home.slug}/invitations${path}`;
  const newEmail = () => `invitee-${kind}-${++inviteCounter}@example.test`;

  function invite(payload: object, headers = coordinator) {
    return t.app.inject({ method: 'POST', url: url(), headers, payload });
  }
  let addressCounter = 0;
  /**
   * Accepts from `remoteAddress`; by default each call from an address of its own, as invitees are
   * different people: the route takes SIGN_IN_RATE.max a minute per address (tested below), and
   * this file accepts more often than that.
   */
  function accept(payload: object, remoteAddress = `192.0.2.${++addressCounter}`) {
    return t.app.inject({ method: 'POST', url: '/api/v1/auth/accept-invitation', payload, remoteAddress });
  }
  /** Invites `email` and returns the token of the link in the mail that arrives. */
  async function inviteAndReadToken(
    payload: { email: string; name?: string; role?: string; clusterId?: string },
    headers = coordinator,
  ) {
    const res = await invite({ name: 'Nina Invitee', role: 'viewer', ...payload }, headers);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const mail = await smtp.waitFor(
      (m) => m.to.includes(payload.email) && m.text.includes(ACCEPT_LINK) && !seen.has(m),
    );
    seen.add(mail);
    return { id, token: linkToken(mail, ACCEPT_LINK), mail };
  }

  describe('POST /workspaces/{workspace}/invitations', () => {
    it('mails a link through SMTP to the invitee, with the workspace in the subject', async () => {
      const email = newEmail();
      const { mail, id, token } = await inviteAndReadToken({ email, name: 'Nina Invitee' });
      expect(mail.to).toEqual([email]);
      expect(mail.from).toBe('hub@example.test');
      expect(mail.subject).toBe('You are invited to Orbit Consortium on SPACE2ID Hub');
      expect(mail.text).toContain('Hello Nina Invitee');
      expect(mail.html).toContain(`href="${ACCEPT_LINK}?token=`);
      const row = await t.database.db
        .selectFrom('invitation')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(new Date(row.expires_at).getTime() - new Date(row.created_at).getTime()).toBe(INVITATION_TTL_MS);
    });

    it('lists the pending invitation to coordinators, without its token', async () => {
      const email = newEmail();
      await inviteAndReadToken({ email });
      const list = await t.app.inject({ method: 'GET', url: url(), headers: coordinator });
      expect(list.statusCode).toBe(200);
      const item = list.json().items.find((i: { email: string }) => i.email === email);
      expect(item).toMatchObject({ email, name: 'Nina Invitee', role: 'viewer', clusterId: null });
      expect(JSON.stringify(list.json())).not.toMatch(/token/i);
    });

    it.each([
      ['a cluster manager without a cluster', { role: 'cluster_manager' }, 'body.clusterId'],
      [
        'a cluster manager of a cluster of another workspace',
        { role: 'cluster_manager', clusterId: 'foreign' },
        'body.clusterId',
      ],
      ['a viewer with a cluster', { role: 'viewer', clusterId: 'own' }, 'body.clusterId'],
      ['an organisation for a mentor', { role: 'mentor', organisationId: 'org-1' }, 'body.organisationId'],
      [
        'a member of an organisation of another workspace',
        { role: 'member', organisationId: 'foreign' },
        'body.organisationId',
      ],
      ['an unknown role', { role: 'admin' }, 'body.role'],
      ['a broken e-mail', { role: 'viewer', email: 'not-an-email' }, 'body.email'],
    ])('refuses %s with 400 naming the field', async (_case, fields, field) => {
      const other = await factory.workspace('Elsewhere');
      const foreignCluster = (await factory.cluster(other.id)).id;
      const clusterId =
        'clusterId' in fields ? (fields.clusterId === 'own' ? home.clusterId : foreignCluster) : undefined;
      const organisationId =
        'organisationId' in fields && fields.organisationId === 'foreign'
          ? (await factory.organisation(other.id, foreignCluster)).id
          : undefined;
      const res = await invite({
        email: newEmail(),
        name: 'Wrong',
        ...fields,
        ...(clusterId ? { clusterId } : {}),
        ...(organisationId ? { organisationId } : {}),
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('answers 409 for an address that is already a member', async () => {
      const member = await factory.memberWithToken(home.id, 'viewer');
      const res = await invite({ email: member.user.email, name: 'Again', role: 'mentor' });
      expect(res.statusCode).toBe(409);
    });

    it('audits the invitation without its token', async () => {
      const email = newEmail();
      const { id, token } = await inviteAndReadToken({ email });
      const events = await t.database.db
        .selectFrom('audit_event')
        .selectAll()
        .where('entity_id', '=', id)
        .execute();
      expect(events.map((e) => [e.entity_type, e.action])).toEqual([['invitation', 'create']]);
      expect(events[0]?.changes).toContain(email);
      expect(events[0]?.changes).not.toContain(token);
    });
  });

  describe('POST /auth/accept-invitation', () => {
    it('creates the account, adds the membership and signs in — and the link works only once', async () => {
      const email = newEmail();
      const { token, id } = await inviteAndReadToken({
        email,
        role: 'cluster_manager',
        clusterId: home.clusterId,
      });
      const res = await accept({ token, name: 'Nina N.', password: PASSWORD });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        user: { email, name: 'Nina N.' },
        workspace: { slug: home.slug, name: 'Orbit Consortium', role: 'cluster_manager' },
      });
      const cookie = res.cookies.find((c) => c.name === 'space2id_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
      const me = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { cookie: `space2id_session=${cookie?.value}` },
      });
      expect(me.json().workspaces).toEqual([
        {
          slug: home.slug,
          name: 'Orbit Consortium',
          role: 'cluster_manager',
          clusterId: home.clusterId,
          organisationId: null,
          status: 'active',
        },
      ]);
      expect(me.json().csrfToken).toBe(res.json().csrfToken);
      // The new password signs in.
      await signIn(t.app, email, PASSWORD);

      const again = await accept({ token, password: PASSWORD });
      expect(again.statusCode).toBe(400);
      expect(again.json().detail).toMatch(/already accepted/);
      expect(again.json().errors[0].field).toBe('body.token');

      const audit = await t.database.db
        .selectFrom('audit_event')
        .select(['entity_type', 'action'])
        .where('workspace_id', '=', home.id)
        .where((eb) => eb.or([eb('entity_id', '=', id), eb('entity_id', '=', res.json().user.id)]))
        .orderBy('id')
        .execute();
      expect(audit).toEqual([
        { entity_type: 'invitation', action: 'create' },
        { entity_type: 'invitation', action: 'update' },
        { entity_type: 'membership', action: 'create' },
      ]);
    });

    it('makes an invited member a member of its organisation', async () => {
      const organisation = await factory.organisation(home.id, home.clusterId);
      const email = newEmail();
      const res = await invite({ email, name: 'Mo', role: 'member', organisationId: organisation.id });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().organisationId).toBe(organisation.id);
      const mail = await smtp.waitFor((m) => m.to.includes(email));
      const accepted = await accept({ token: linkToken(mail, ACCEPT_LINK), password: PASSWORD });
      expect(accepted.statusCode, accepted.body).toBe(200);
      const membership = await t.database.db
        .selectFrom('membership')
        .select(['role', 'organisation_id'])
        .where('user_id', '=', accepted.json().user.id)
        .executeTakeFirstOrThrow();
      expect(membership).toEqual({ role: 'member', organisation_id: organisation.id });
      const cookie = accepted.cookies.find((c) => c.name === 'space2id_session');
      const me = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { cookie: `space2id_session=${cookie?.value}` },
      });
      expect(me.json().workspaces).toEqual([
        expect.objectContaining({ role: 'member', clusterId: null, organisationId: organisation.id }),
      ]);
    });

    it('refuses a new account with a short password, naming the field, and keeps the link usable', async () => {
      const { token } = await inviteAndReadToken({ email: newEmail() });
      const short = await accept({ token, password: 'short' });
      expect(short.statusCode).toBe(400);
      expect(short.json().errors[0].field).toBe('body.password');
      expect((await accept({ token, password: PASSWORD })).statusCode).toBe(200);
    });

    it('adds the workspace to an existing account only with its current password', async () => {
      const existing = await factory.userWithPassword('existing password 1');
      const { token } = await inviteAndReadToken({ email: existing.email, role: 'mentor' });
      const wrong = await accept({ token, password: 'not the password at all' });
      expect(wrong.statusCode).toBe(401);
      const memberships = () =>
        t.database.db.selectFrom('membership').select('role').where('user_id', '=', existing.id).execute();
      expect(await memberships()).toEqual([]);
      const right = await accept({ token, password: 'existing password 1' });
      expect(right.statusCode, right.body).toBe(200);
      expect(right.json().user.id).toBe(existing.id);
      expect(await memberships()).toEqual([{ role: 'mentor' }]);
    });

    it("checks an existing account's password as a sign-in from the caller's address", async () => {
      const existing = await factory.userWithPassword('existing password 2');
      const { token } = await inviteAndReadToken({ email: existing.email, role: 'viewer' });
      const guesser = '203.0.113.77';
      for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
        expect((await accept({ token, password: `guess number ${i}` }, guesser)).statusCode).toBe(401);
      }
      // That address is locked out of the account, even with the right password…
      expect((await accept({ token, password: 'existing password 2' }, guesser)).statusCode).toBe(401);
      // …and the owner, elsewhere, is not.
      const owner = await accept({ token, password: 'existing password 2' }, '203.0.113.78');
      expect(owner.statusCode, owner.body).toBe(200);
    });

    it('is rate-limited per client address (429 with Retry-After), other addresses unaffected', async () => {
      const address = '198.51.100.99';
      const answers = [];
      for (let i = 0; i <= SIGN_IN_RATE.max; i++) {
        answers.push(await accept({ token: `guess-${i}`, password: PASSWORD }, address));
      }
      expect(answers.map((res) => res.statusCode)).toEqual([...Array(SIGN_IN_RATE.max).fill(400), 429]);
      const refused = answers.at(-1);
      expect(refused?.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
      expect(
        (await accept({ token: 'guess-elsewhere', password: PASSWORD }, '198.51.100.98')).statusCode,
      ).toBe(400);
    });

    it('refuses an expired link with 400 and drops it from the pending list', async () => {
      const email = newEmail();
      const { token, id } = await inviteAndReadToken({ email });
      clockOffsetMs = INVITATION_TTL_MS + 60_000;
      try {
        const res = await accept({ token, password: PASSWORD });
        expect(res.statusCode).toBe(400);
        expect(res.json().detail).toMatch(/expired/);
        const list = await t.app.inject({ method: 'GET', url: url(), headers: coordinator });
        expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
      } finally {
        clockOffsetMs = 0;
      }
    });

    it('refuses a revoked link with 400; revoking twice answers 404', async () => {
      const { token, id } = await inviteAndReadToken({ email: newEmail() });
      const revoked = await t.app.inject({ method: 'DELETE', url: url(`/${id}`), headers: coordinator });
      expect(revoked.statusCode).toBe(204);
      const res = await accept({ token, password: PASSWORD });
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toMatch(/withdrawn/);
      expect(
        (await t.app.inject({ method: 'DELETE', url: url(`/${id}`), headers: coordinator })).statusCode,
      ).toBe(404);
      const audit = await t.database.db
        .selectFrom('audit_event')
        .select('action')
        .where('entity_id', '=', id)
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    });

    it('replaces a pending invitation of the same address: the older link stops working', async () => {
      const email = newEmail();
      const first = await inviteAndReadToken({ email });
      const second = await inviteAndReadToken({ email, role: 'mentor' });
      expect((await accept({ token: first.token, password: PASSWORD })).statusCode).toBe(400);
      const res = await accept({ token: second.token, password: PASSWORD });
      expect(res.json().workspace.role).toBe('mentor');
    });

    it('invites an address again after its invitation expired, which revokes the expired one', async () => {
      const email = newEmail();
      const expired = await inviteAndReadToken({ email });
      clockOffsetMs = INVITATION_TTL_MS + 60_000;
      let again: { id: string; token: string };
      try {
        again = await inviteAndReadToken({ email });
      } finally {
        clockOffsetMs = 0;
      }
      const open = await t.database.db
        .selectFrom('invitation')
        .select('id')
        .where('email', '=', email)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .execute();
      expect(open).toEqual([{ id: again.id }]);
      expect((await accept({ token: expired.token, password: PASSWORD })).statusCode).toBe(400);
    });

    it('refuses an unknown token with 400', async () => {
      const res = await accept({ token: 'made-up-token', password: PASSWORD });
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toMatch(/not valid/);
    });
  });

  describe('POST /auth/invitation-preview', () => {
    function preview(token: string) {
      return t.app.inject({ method: 'POST', url: '/api/v1/auth/invitation-preview', payload: { token } });
    }

    it('tells a new invitee who invites them where, in which role, and that a new password is needed — changing nothing', async () => {
      const inviter = await factory.userWithPassword('inviter password 1');
      await factory.addMember(home.id, inviter.id, 'coordinator');
      const { cookie, csrfToken } = await signIn(t.app, inviter.email, 'inviter password 1');
      const email = newEmail();
      const { token, id } = await inviteAndReadToken(
        { email, role: 'mentor' },
        {
          cookie,
          'x-csrf-token': csrfToken,
        },
      );
      const res = await preview(token);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({
        email,
        name: 'Nina Invitee',
        workspaceName: 'Orbit Consortium',
        role: 'mentor',
        invitedBy: 'Test User',
        expiresAt: expect.any(String),
        accountExists: false,
      });
      const row = await t.database.db
        .selectFrom('invitation')
        .select(['accepted_at', 'revoked_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ accepted_at: null, revoked_at: null });
      expect((await accept({ token, password: PASSWORD })).statusCode).toBe(200);
    });

    it('says when the address already has an account (accepting then asks for its password)', async () => {
      const existing = await factory.userWithPassword('existing password 2');
      const { token } = await inviteAndReadToken({ email: existing.email });
      const res = await preview(token);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ email: existing.email, accountExists: true });
    });

    it('answers 400 naming body.token for an unknown, used, withdrawn or expired link, as accepting does', async () => {
      expect((await preview('made-up-token')).json()).toMatchObject({
        status: 400,
        detail: expect.stringMatching(/not valid/),
        errors: [{ field: 'body.token' }],
      });
      const used = await inviteAndReadToken({ email: newEmail() });
      expect((await accept({ token: used.token, password: PASSWORD })).statusCode).toBe(200);
      expect((await preview(used.token)).json().detail).toMatch(/already accepted/);
      const withdrawn = await inviteAndReadToken({ email: newEmail() });
      await t.app.inject({ method: 'DELETE', url: url(`/${withdrawn.id}`), headers: coordinator });
      expect((await preview(withdrawn.token)).json().detail).toMatch(/withdrawn/);
      const expired = await inviteAndReadToken({ email: newEmail() });
      clockOffsetMs = INVITATION_TTL_MS + 60_000;
      try {
        const res = await preview(expired.token);
        expect(res.statusCode).toBe(400);
        expect(res.json().detail).toMatch(/expired/);
      } finally {
        clockOffsetMs = 0;
      }
    });

    it('refuses a body without a token, naming the field', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/invitation-preview', payload: {} });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('body.token');
    });

    it('is rate-limited per client address like sign-in (429)', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await preview(`guess-${i}`)).statusCode);
      expect(statuses).toContain(429);
      expect(statuses.at(-1)).toBe(429);
    });
  });

  describe('access', () => {
    it('answers 404 to a coordinator of another workspace on every invitation route, and changes nothing', async () => {
      const other = await factory.workspace('Elsewhere');
      const outsider = (await factory.memberWithToken(other.id, 'coordinator')).headers;
      const { id, token } = await inviteAndReadToken({ email: newEmail() });
      const responses = await Promise.all([
        t.app.inject({ method: 'GET', url: url(), headers: outsider }),
        invite({ email: newEmail(), name: 'X', role: 'viewer' }, outsider),
        t.app.inject({ method: 'DELETE', url: url(`/${id}`), headers: outsider }),
      ]);
      expect(responses.map((r) => r.statusCode)).toEqual([404, 404, 404]);
      expect((await accept({ token, password: PASSWORD })).statusCode).toBe(200);
    });

    it("answers 404 when a coordinator revokes another workspace's invitation through its own workspace", async () => {
      const other = await factory.workspace('Elsewhere');
      const otherCoordinator = (await factory.memberWithToken(other.id, 'coordinator')).headers;
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${other.slug}/invitations`,
        headers: otherCoordinator,
        payload: { email: newEmail(), name: 'Theirs', role: 'viewer' },
      });
      expect(res.statusCode).toBe(201);
      const del = await t.app.inject({
        method: 'DELETE',
        url: url(`/${res.json().id}`),
        headers: coordinator,
      });
      expect(del.statusCode).toBe(404);
    });

    it('has no development outbox while mail goes through SMTP', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/dev/outbox', headers: coordinator });
      expect(res.statusCode).toBe(404);
    });
  });
});

describe.each(testDialects())('invitations when the mail server is down, on %s', (kind) => {
  it('answers 503 saying the invitation is saved and can be sent again', async () => {
    // A port nobody listens on: the connection is refused.
    const closed = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const t = await startTestApp(kind, {
      mail: { smtpUrl: `smtp://127.0.0.1:${closed}`, from: 'hub@example.test', publicUrl: PUBLIC_URL },
    });
    try {
      const factory = new Factory(t.database.db);
      const workspace = await factory.workspace();
      const { headers } = await factory.memberWithToken(workspace.id, 'coordinator');
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${workspace.slug}/invitations`,
        headers,
        payload: { name: 'Nina Invitee', role: 'viewer', email: `down-${kind}@example.test` },
      });
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().detail).toContain('invite again later');
    } finally {
      await t.close();
    }
  });
});
