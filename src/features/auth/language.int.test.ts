import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory, signIn } from '../../../test/support/factories.ts';
import { readWorkbook } from '../../../test/support/report-files.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const PASSWORD = 'correct horse battery staple';

describe.each(testDialects())('the interface language of a user on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  beforeAll(async () => {
    t = await startTestApp(kind, { jobs: { pollMs: 600_000 } });
    factory = new Factory(t.database.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers });
  const patchMe = (headers: Record<string, string>, payload: unknown) =>
    t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers, payload: payload as object });

  describe('PATCH /api/v1/me', () => {
    it('should store the language on the account, shown by GET /me and the session', async () => {
      const user = await factory.userWithPassword(PASSWORD);
      const { cookie, csrfToken } = await signIn(t.app, user.email, PASSWORD);
      const headers = { cookie, 'x-csrf-token': csrfToken };
      expect((await me(headers)).json().language).toBeNull();

      const changed = await patchMe(headers, { language: 'fr' });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json().language).toBe('fr');
      const session = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
      expect(session.json().me.language).toBe('fr');

      const back = await patchMe(headers, { language: null });
      expect(back.json().language).toBeNull();
    });

    it('should refuse a language without a message file with a 400 naming the field, writing nothing', async () => {
      const user = await factory.userWithPassword(PASSWORD);
      const { cookie, csrfToken } = await signIn(t.app, user.email, PASSWORD);
      const headers = { cookie, 'x-csrf-token': csrfToken };
      await patchMe(headers, { language: 'pl' });
      for (const payload of [
        { language: 'de' },
        { language: 'FR' },
        { language: 42 },
        {},
        { language: 'fr', x: 1 },
      ]) {
        const refused = await patchMe(headers, payload);
        expect(refused.statusCode, JSON.stringify(payload)).toBe(400);
        expect(refused.headers['content-type']).toContain('application/problem+json');
        expect(refused.json().errors[0].field).toMatch(/^body(\.language)?$/);
      }
      const de = await patchMe(headers, { language: 'de' });
      expect(JSON.stringify(de.json())).toContain('body.language');
      expect((await me(headers)).json().language).toBe('pl');
    });

    it('should need a signed-in user and, with a cookie, the CSRF token', async () => {
      expect((await patchMe({}, { language: 'fr' })).statusCode).toBe(401);
      const user = await factory.userWithPassword(PASSWORD);
      const { cookie } = await signIn(t.app, user.email, PASSWORD);
      expect((await patchMe({ cookie }, { language: 'fr' })).statusCode).toBe(403);
      expect((await me({ cookie })).json().language).toBeNull();
    });
  });

  describe('POST /reports in the user’s language', () => {
    it('should write the report in the requester’s language unless the request names one', async () => {
      const workspace = await factory.workspace('Ελληνικός Σύνδεσμος');
      const { headers } = await factory.memberWithToken(workspace.id, 'coordinator');
      expect((await patchMe(headers, { language: 'fr' })).statusCode).toBe(200);
      const sheetsOf = async (body: object) => {
        const started = await t.app.inject({
          method: 'POST',
          url: `/api/v1/workspaces/${workspace.slug}/reports`,
          headers,
          payload: { from: '2026-01-01', to: '2026-12-31', format: 'xlsx', ...body },
        });
        expect(started.statusCode, started.body).toBe(202);
        await t.app.jobs.idle();
        const job = (
          await t.app.inject({
            method: 'GET',
            url: `/api/v1/workspaces/${workspace.slug}/jobs/${started.json().job.id}`,
            headers,
          })
        ).json();
        expect(job.status, job.error).toBe('succeeded');
        const file = await t.app.inject({ method: 'GET', url: job.file.url, headers });
        return (await readWorkbook(file.rawPayload)).worksheets.map((sheet) => sheet.name);
      };
      expect((await sheetsOf({}))[0]).toBe('Synthèse');
      expect((await sheetsOf({ language: 'it' }))[0]).toBe('Sintesi');
    }, 60_000);

    it('should refuse a report language without message file with a 400 naming body.language', async () => {
      const workspace = await factory.workspace('Orbit');
      const { headers } = await factory.memberWithToken(workspace.id, 'coordinator');
      const refused = await t.app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${workspace.slug}/reports`,
        headers,
        payload: { from: '2026-01-01', to: '2026-12-31', format: 'pdf', language: 'de' },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('body.language');
      const jobs = await t.database.db
        .selectFrom('job')
        .select('id')
        .where('workspace_id', '=', workspace.id)
        .execute();
      expect(jobs).toEqual([]);
    });
  });
});
