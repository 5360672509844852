import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory, signIn } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildApp } from '../../app/build-app.ts';
import { InvalidCredentialsError } from '../../domain/errors.ts';
import { AuthRepository } from './repository.ts';
import {
  AuthService,
  LOCK_MS,
  MAX_FAILED_SIGN_INS,
  SIGN_IN_FAILURES_PER_SOURCE,
  SOURCE_WINDOW_MS,
} from './service.ts';

const PASSWORD = 'correct horse battery staple';

describe.each(testDialects())('sign-in, sessions and API tokens on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('POST /api/v1/auth/sign-in', () => {
    it('opens a session: an HttpOnly SameSite cookie and a CSRF token', async () => {
      const user = await factory.userWithPassword(PASSWORD);
      const { response, csrfToken } = await signIn(t.app, user.email.toUpperCase(), PASSWORD);
      const cookie = response.cookies.find((c) => c.name === 'space2id_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(csrfToken.length).toBeGreaterThan(30);
      expect(response.json().user).toEqual({ id: user.id, email: user.email, name: 'Test User' });
    });

    it('stores only a hash of the session token', async () => {
      const user = await factory.userWithPassword(PASSWORD);
      const { cookie } = await signIn(t.app, user.email, PASSWORD);
      const token = cookie.split('=')[1] as string;
      const rows = await t.database.db
        .selectFrom('user_session')
        .select('token_hash')
        .where('user_id', '=', user.id)
        .execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]?.token_hash).not.toContain(token);
      expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('answers the same 401 for a wrong password and an unknown e-mail', async () => {
      const user = await factory.userWithPassword(PASSWORD);
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: user.email, password: 'nope' },
      });
      const unknown = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: 'nobody@example.test', password: 'nope' },
      });
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.json().detail).toBe(unknown.json().detail);
      expect(wrong.cookies).toEqual([]);
    });

    it('rate-limits repeated attempts for one address and e-mail with 429', async () => {
      const payload = { email: 'rate-limited@example.test', password: 'x' };
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        statuses.push(
          (
            await t.app.inject({
              method: 'POST',
              url: '/api/v1/auth/sign-in',
              payload,
              remoteAddress: '198.51.100.1',
            })
          ).statusCode,
        );
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses.slice(10)).toEqual([429, 429]);
    });

    it.each([
      ['malformed JSON', '{"email":', 'application/json', 400],
      ['a non-e-mail', JSON.stringify({ email: 'not-an-email', password: 'x' }), 'application/json', 400],
      ['a missing password', JSON.stringify({ email: 'a@example.test' }), 'application/json', 400],
      [
        'a number as password',
        JSON.stringify({ email: 'a@example.test', password: 5 }),
        'application/json',
        400,
      ],
      ['a form body', 'email=a', 'application/x-www-form-urlencoded', 415],
    ])('refuses %s with a problem naming it', async (_name, payload, contentType, status) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload,
        headers: { 'content-type': contentType },
      });
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('refuses an oversized body with 413', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: 'a@example.test', password: 'x'.repeat(2 * 1024 * 1024) },
      });
      expect(res.statusCode).toBe(413);
    });
  });

  describe('abuse of sign-in (issue 19, item 9)', () => {
    /** A sign-in attempt from a client address (documentation ranges: RFC 5737, RFC 3849). */
    const signInFrom = (remoteAddress: string, email: string, password: string, app = t.app) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email, password },
        remoteAddress,
      });
    const lockOf = (userId: string, source: string) =>
      t.database.db
        .selectFrom('sign_in_lock')
        .selectAll()
        .where('user_id', '=', userId)
        .where('source', '=', source)
        .executeTakeFirst();

    it(`after ${MAX_FAILED_SIGN_INS} failures from one address, refuses even the right password from it — and not from another`, async () => {
      const user = await factory.userWithPassword(PASSWORD);
      const attacker = '203.0.113.10';
      for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
        expect((await signInFrom(attacker, user.email, `wrong-${i}`)).statusCode).toBe(401);
      }
      const fromAttacker = await signInFrom(attacker, user.email, PASSWORD);
      expect(fromAttacker.statusCode).toBe(401);
      expect(fromAttacker.cookies).toEqual([]);
      expect(new Date((await lockOf(user.id, attacker))?.locked_until ?? 0).getTime()).toBeGreaterThan(
        Date.now(),
      );

      const fromOwner = await signInFrom('203.0.113.20', user.email, PASSWORD);
      expect(fromOwner.statusCode, fromOwner.body).toBe(200);
      expect(fromOwner.cookies.map((c) => c.name)).toEqual(['space2id_session']);
      // The owner's success clears the owner's count only: the attacker stays locked out.
      expect((await signInFrom(attacker, user.email, PASSWORD)).statusCode).toBe(401);
    });

    it('counts an IPv6 /64 as one address', async () => {
      const user = await factory.userWithPassword(PASSWORD);
      for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
        expect((await signInFrom(`2001:db8:a:b::${i + 1}`, user.email, `wrong-${i}`)).statusCode).toBe(401);
      }
      expect((await signInFrom('2001:db8:a:b:ffff::1', user.email, PASSWORD)).statusCode).toBe(401);
      expect((await signInFrom('2001:db8:a:c::1', user.email, PASSWORD)).statusCode).toBe(200);
    });

    it("clears an address's count when it signs in", async () => {
      const user = await factory.userWithPassword(PASSWORD);
      const address = '203.0.113.30';
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) {
          expect((await signInFrom(address, user.email, `wrong-${i}`)).statusCode).toBe(401);
        }
        expect((await lockOf(user.id, address))?.failures).toBe(MAX_FAILED_SIGN_INS - 1);
        expect((await signInFrom(address, user.email, PASSWORD)).statusCode).toBe(200);
        expect(await lockOf(user.id, address)).toBeUndefined();
      }
    });

    it(`locks an address out for ${LOCK_MS / 60_000} minutes, then lets the right password in`, async () => {
      const user = await factory.userWithPassword(PASSWORD);
      // From the real time: the store's sweep deletes counters whose window ended by the real clock.
      let now = new Date();
      const service = new AuthService(new AuthRepository(t.database.db), () => now);
      const source = '203.0.113.40';
      for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
        await expect(service.checkPassword(user.email, `wrong-${i}`, source)).rejects.toThrow(
          InvalidCredentialsError,
        );
      }
      now = new Date(now.getTime() + LOCK_MS - 1000);
      await expect(service.checkPassword(user.email, PASSWORD, source)).rejects.toThrow(
        InvalidCredentialsError,
      );
      now = new Date(now.getTime() + 2000);
      expect((await service.checkPassword(user.email, PASSWORD, source)).id).toBe(user.id);
    });

    it(`answers 429 after ${SIGN_IN_FAILURES_PER_SOURCE} failures from one address across 25 e-mails, on every server sharing the database`, async () => {
      const second = await buildApp({ database: t.database });
      try {
        const address = '198.51.100.50';
        const answers = [];
        for (let i = 0; i < 25; i++) {
          // Alternate servers: the budget is counted in the database they share.
          const app = i % 2 === 0 ? t.app : second;
          answers.push(await signInFrom(address, `sprayed-${i}-${kind}@example.test`, 'Summer2026!', app));
        }
        const statuses = answers.map((res) => res.statusCode);
        expect(statuses).toEqual([
          ...Array(SIGN_IN_FAILURES_PER_SOURCE).fill(401),
          ...Array(25 - SIGN_IN_FAILURES_PER_SOURCE).fill(429),
        ]);
        const refused = answers.at(-1);
        expect(refused?.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(refused?.json()).toMatchObject({
          status: 429,
          title: 'Too many requests',
          detail: expect.stringMatching(
            /Too many failed sign-ins from your network address: try again in \d+ minutes?\./,
          ),
        });
        const retryAfter = Number(refused?.headers['retry-after']);
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(SOURCE_WINDOW_MS / 1000);
        // Even the right password of a real account waits: the budget is checked before any password.
        const user = await factory.userWithPassword(PASSWORD);
        expect((await signInFrom(address, user.email, PASSWORD)).statusCode).toBe(429);
        // Another address is not affected.
        expect((await signInFrom('198.51.100.51', user.email, PASSWORD)).statusCode).toBe(200);
      } finally {
        await second.close();
      }
    });

    it('gives a successful sign-in its attempt back: only failures use the budget', async () => {
      const user = await factory.userWithPassword(PASSWORD);
      const address = '198.51.100.60';
      for (let i = 0; i < SIGN_IN_FAILURES_PER_SOURCE - 1; i++) {
        expect((await signInFrom(address, `unknown-${i}@example.test`, 'x')).statusCode).toBe(401);
      }
      for (let i = 0; i < 3; i++)
        expect((await signInFrom(address, user.email, PASSWORD)).statusCode).toBe(200);
      expect((await signInFrom(address, 'one-more@example.test', 'x')).statusCode).toBe(401);
      expect((await signInFrom(address, 'and-another@example.test', 'x')).statusCode).toBe(429);
    });

    it('starts a new budget when the window ends', async () => {
      // From the real time: the store's sweep deletes counters whose window ended by the real clock.
      let now = new Date();
      const service = new AuthService(new AuthRepository(t.database.db), () => now);
      const source = '198.51.100.70';
      for (let i = 0; i < SIGN_IN_FAILURES_PER_SOURCE; i++) {
        await expect(service.checkPassword(`nobody-${i}@example.test`, 'x', source)).rejects.toThrow(
          InvalidCredentialsError,
        );
      }
      await expect(service.checkPassword('late@example.test', 'x', source)).rejects.toMatchObject({
        name: 'TooManyAttemptsError',
        retryAfterSeconds: SOURCE_WINDOW_MS / 1000,
      });
      now = new Date(now.getTime() + SOURCE_WINDOW_MS);
      await expect(service.checkPassword('late@example.test', 'x', source)).rejects.toThrow(
        InvalidCredentialsError,
      );
    });
  });

  describe('a session', () => {
    it('identifies the user on GET /api/v1/me, with the workspaces and roles', async () => {
      const user = await factory.userWithPassword(PASSWORD);
      const workspace = await factory.workspace('Orbit');
      await factory.addMember(workspace.id, user.id, 'viewer');
      const { cookie, csrfToken } = await signIn(t.app, user.email, PASSWORD);
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toEqual({
        user: { id: user.id, email: user.email, name: 'Test User' },
        via: 'session',
        language: null,
        csrfToken,
        workspaces: [
          {
            slug: workspace.slug,
            name: 'Orbit',
            role: 'viewer',
            clusterId: null,
            organisationId: null,
            status: 'active',
          },
        ],
        operator: false,
      });
    });

    it('needs the CSRF token for mutations, and signs out', async () => {
      const user = await factory.userWithPassword(PASSWORD);
      const { cookie, csrfToken } = await signIn(t.app, user.email, PASSWORD);
      const noCsrf = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-out',
        headers: { cookie },
      });
      expect(noCsrf.statusCode).toBe(403);
      expect(noCsrf.json().detail).toContain('x-csrf-token');
      const out = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-out',
        headers: { cookie, 'x-csrf-token': csrfToken },
      });
      expect(out.statusCode).toBe(204);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(
        401,
      );
    });

    it('ends everywhere: every session of the user stops working', async () => {
      const user = await factory.userWithPassword(PASSWORD);
      const first = await signIn(t.app, user.email, PASSWORD);
      const second = await signIn(t.app, user.email, PASSWORD);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-out-everywhere',
        headers: { cookie: second.cookie, 'x-csrf-token': second.csrfToken },
      });
      expect(res.json()).toEqual({ sessionsEnded: 2 });
      for (const { cookie } of [first, second]) {
        expect(
          (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode,
        ).toBe(401);
      }
    });

    it('answers 401 without a session, with an unknown cookie or a bad bearer token', async () => {
      for (const headers of [
        {},
        { cookie: 'space2id_session=forged' },
        { authorization: 'Bearer s2id_forged' },
      ]) {
        const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers });
        expect(res.statusCode).toBe(401);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    });
  });

  describe('GET /api/v1/auth/session', () => {
    it('answers a signed-out caller 200 with nobody, never 401 (a browser would log the 401)', async () => {
      for (const headers of [
        {},
        { cookie: 'space2id_session=forged' },
        { authorization: 'Bearer s2id_forged' },
      ]) {
        const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual({ me: null });
      }
    });

    it('answers a signed-in caller with what GET /me gives, by session or by token', async () => {
      const user = await factory.userWithPassword(PASSWORD);
      const workspace = await factory.workspace('Orbit');
      await factory.addMember(workspace.id, user.id, 'viewer');
      const { cookie } = await signIn(t.app, user.email, PASSWORD);
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
      const session = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
      expect(session.statusCode).toBe(200);
      expect(session.json()).toEqual({ me: me.json() });

      const member = await factory.memberWithToken(workspace.id, 'viewer');
      const byToken = await t.app.inject({
        method: 'GET',
        url: '/api/v1/auth/session',
        headers: member.headers,
      });
      expect(byToken.json().me).toMatchObject({
        user: { id: member.user.id },
        via: 'token',
        csrfToken: null,
      });
    });
  });

  describe('personal API tokens', () => {
    it('are created once with their secret, authenticate without CSRF, and can be revoked', async () => {
      const user = await factory.userWithPassword(PASSWORD);
      const session = await signIn(t.app, user.email, PASSWORD);
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/tokens',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
        payload: { name: 'nightly export' },
      });
      expect(created.statusCode).toBe(201);
      const { secret, token } = created.json();
      expect(secret).toMatch(/^s2id_/);
      expect(token.expiresAt).not.toBeNull();

      const bearer = { authorization: `Bearer ${secret}` };
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer });
      expect(me.json()).toMatchObject({ via: 'token', csrfToken: null });
      const listed = await t.app.inject({ method: 'GET', url: '/api/v1/me/tokens', headers: bearer });
      expect(listed.json().items.map((i: { id: string }) => i.id)).toEqual([token.id]);
      expect(JSON.stringify(listed.json())).not.toContain(secret);

      const revoked = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/me/tokens/${token.id}`,
        headers: bearer,
      });
      expect(revoked.statusCode).toBe(204);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(
        401,
      );
    });

    it('records when a token was last used, at most once a minute', async () => {
      const workspace = await factory.workspace();
      const { user, headers } = await factory.memberWithToken(workspace.id, 'viewer');
      const secret = headers.authorization.slice('Bearer '.length);
      let now = new Date('2026-03-02T10:00:00.000Z');
      const repository = new AuthRepository(t.database.db);
      const service = new AuthService(repository, () => now);
      const lastUsed = async () => {
        const tokens = await repository.listApiTokens(user.id);
        return tokens[0]?.last_used_at;
      };
      expect(await service.authenticateToken(secret)).toMatchObject({ via: 'token' });
      expect(await lastUsed()).toBe('2026-03-02T10:00:00.000Z');
      now = new Date('2026-03-02T10:00:59.000Z');
      await service.authenticateToken(secret);
      expect(await lastUsed()).toBe('2026-03-02T10:00:00.000Z');
      now = new Date('2026-03-02T10:01:01.000Z');
      await service.authenticateToken(secret);
      expect(await lastUsed()).toBe('2026-03-02T10:01:01.000Z');
    });

    it("cannot revoke another user's token (404)", async () => {
      const workspace = await factory.workspace();
      const owner = await factory.memberWithToken(workspace.id, 'viewer');
      const other = await factory.memberWithToken(workspace.id, 'viewer');
      const { items } = (
        await t.app.inject({ method: 'GET', url: '/api/v1/me/tokens', headers: owner.headers })
      ).json();
      const res = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/me/tokens/${items[0].id}`,
        headers: other.headers,
      });
      expect(res.statusCode).toBe(404);
    });
  });
});
