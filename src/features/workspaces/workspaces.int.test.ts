import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { WORKSPACE_TABLES } from '../../db/workspace-tables.ts';
import { AuthRepository } from '../auth/repository.ts';
import { AuthService } from '../auth/service.ts';
import { deleteWorkspaceRows } from './deletion-job.ts';
import { DeletionRepository } from './deletion-repository.ts';
import { START_LINK_TTL_MS, WorkspaceSetupService } from './setup-service.ts';

const PUBLIC_URL = 'http://hub.example.test';
const PASSWORD = 'a long enough passphrase';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

describe.each(testDialects())('workspaces: set-up links, operator, settings, deletion on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let setup: WorkspaceSetupService;
  let clockOffsetMs = 0;
  const clock = () => new Date(Date.now() + clockOffsetMs);

  beforeAll(async () => {
    t = await startTestApp(kind, {
      mail: { smtpUrl: null, from: 'Hub <hub@example.test>', publicUrl: PUBLIC_URL },
      clock,
    });
    factory = new Factory(t.database.db);
    const auth = new AuthService(new AuthRepository(t.database.db));
    setup = new WorkspaceSetupService({ db: t.database.db, auth, publicUrl: PUBLIC_URL, clock });
  });
  afterAll(async () => {
    await t?.close();
  });

  const count = async (table: 'workspace' | 'app_user' | 'membership' | 'cluster' | 'workspace_setup') =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const snapshot = async () => ({
    workspaces: await count('workspace'),
    users: await count('app_user'),
    memberships: await count('membership'),
    clusters: await count('cluster'),
  });
  const complete = (token: string, payload: object, remoteAddress = '203.0.113.7') =>
    t.app.inject({ method: 'POST', url: `/api/v1/setup/${token}`, payload, remoteAddress });
  const startForm = {
    name: 'Ada Coordinator',
    email: `ada-${kind}@example.test`,
    password: PASSWORD,
    workspaceName: 'Orbit Alliance',
    slug: `orbit-${kind}`,
    cluster: { name: 'Orbit Cluster', shortName: 'ORB', country: 'BE', city: 'Liège' },
  };

  it('on an empty Hub, makes a start link (a new one revokes the old), which sets up the first workspace once', async () => {
    const first = await setup.startLinkIfEmpty();
    const link = await setup.startLinkIfEmpty();
    expect(first && link).toBeTruthy();
    if (!first || !link) return;
    expect(link.url.startsWith(`${PUBLIC_URL}/setup/`)).toBe(true);
    expect(new Date(link.expiresAt).getTime() - Date.now()).toBeGreaterThan(START_LINK_TTL_MS - 60_000);
    const stored = await t.database.db.selectFrom('workspace_setup').select('token_hash').execute();
    expect(stored.map((row) => row.token_hash)).not.toContain(tokenOf(link.url));

    const replaced = await t.app.inject({ method: 'GET', url: `/api/v1/setup/${tokenOf(first.url)}` });
    expect(replaced.statusCode).toBe(400);
    expect(replaced.json().errors[0]).toEqual({
      field: 'params.token',
      message: 'was replaced by a newer link',
    });

    const preview = await t.app.inject({ method: 'GET', url: `/api/v1/setup/${tokenOf(link.url)}` });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ kind: 'start', email: null, workspace: null });

    const missing = await complete(tokenOf(link.url), { ...startForm, cluster: undefined });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('body.cluster');
    const badSlug = await complete(tokenOf(link.url), { ...startForm, slug: 'Not A Slug' });
    expect(badSlug.statusCode).toBe(400);
    expect(badSlug.json().errors[0].field).toBe('body.slug');
    const reserved = await complete(tokenOf(link.url), { ...startForm, slug: 'operator' });
    expect(reserved.json().errors[0].message).toMatch(/reserved/);

    const res = await complete(tokenOf(link.url), startForm);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().workspace).toEqual({ slug: startForm.slug, name: 'Orbit Alliance' });
    const cookie = res.cookies.find((c) => c.name === 'space2id_session');
    expect(cookie).toBeDefined();
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `${cookie?.name}=${cookie?.value}` },
    });
    expect(me.json().workspaces).toEqual([
      expect.objectContaining({ slug: startForm.slug, role: 'coordinator', status: 'active' }),
    ]);
    expect(me.json().operator).toBe(false);
    const clusters = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${startForm.slug}/clusters`,
      headers: { cookie: `${cookie?.name}=${cookie?.value}` },
    });
    expect(clusters.json().items.map((c: { shortName: string }) => c.shortName)).toEqual(['ORB']);

    const before = await snapshot();
    const again = await complete(tokenOf(link.url), { ...startForm, slug: `other-${kind}` });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0]).toEqual({ field: 'params.token', message: 'was already used' });
    expect(await snapshot()).toEqual(before);
    expect(await setup.startLinkIfEmpty()).toBeNull();
  });

  it('refuses an expired link and an unknown one with 400, writing nothing', async () => {
    const operator = await factory.userWithPassword(PASSWORD);
    const link = await setup.passwordLink({ ...operator, password_hash: null });
    const before = await snapshot();
    clockOffsetMs = 8 * 24 * 3600 * 1000;
    try {
      const expired = await complete(tokenOf(link.url), { name: 'X', password: PASSWORD });
      expect(expired.statusCode).toBe(400);
      expect(expired.json().errors[0]).toEqual({ field: 'params.token', message: 'has expired' });
    } finally {
      clockOffsetMs = 0;
    }
    const unknown = await complete('made-up-token', { name: 'X', password: PASSWORD });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('params.token');
    expect(await snapshot()).toEqual(before);
  });

  /** An operator account signed in (cookie and CSRF headers). */
  async function operatorHeaders() {
    const user = await factory.userWithPassword(PASSWORD);
    await t.database.db.updateTable('app_user').set({ is_operator: 1 }).where('id', '=', user.id).execute();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: user.email, password: PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === 'space2id_session');
    return { cookie: `${cookie?.name}=${cookie?.value}`, 'x-csrf-token': res.json().csrfToken as string };
  }

  /** A workspace with content: a cluster, organisations, people, a market, a plan, activities, cost lines. */
  async function workspaceWithContent(organisations = 3) {
    const workspace = await factory.workspace('Content consortium');
    const cluster = await factory.cluster(workspace.id);
    const coordinator = await factory.memberWithToken(workspace.id, 'coordinator');
    const member = await factory.memberWithToken(workspace.id, 'viewer');
    const orgs = [];
    for (let i = 0; i < organisations; i++) {
      const org = await factory.organisation(workspace.id, cluster.id, { name: `Secret Org ${kind} ${i}` });
      await factory.person(workspace.id, org.id, { name: `Secret Person ${kind} ${i}` });
      orgs.push(org);
    }
    const market = await factory.market(workspace.id);
    const plan = await factory.plan(workspace.id, market.id);
    const activity = await factory.activity(workspace.id, plan.id, { title: `Secret Activity ${kind}` });
    await factory.costLine(workspace.id, activity.id);
    return { workspace, cluster, coordinator, member, orgs, activity };
  }

  async function rowsOf(workspaceId: string): Promise<Record<string, number>> {
    const repository = new DeletionRepository(t.database.db);
    const counts: Record<string, number> = {};
    for (const entry of WORKSPACE_TABLES) counts[entry.table] = await repository.count(entry, workspaceId);
    return counts;
  }

  it('answers 403 on operator routes to anyone but the operator, and 401 signed out', async () => {
    const { coordinator } = await workspaceWithContent(1);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/operator/workspaces',
      headers: coordinator.headers,
    });
    expect(list.statusCode).toBe(403);
    expect(list.headers['content-type']).toContain('application/problem+json');
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/v1/operator/workspaces',
      headers: coordinator.headers,
      payload: { slug: `x-${kind}`, name: 'X', coordinatorEmail: 'x@example.test' },
    });
    expect(create.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/operator/workspaces' })).statusCode).toBe(401);
  });

  it('shows the operator names, sizes and coordinators of every workspace, never their content', async () => {
    const { workspace, coordinator } = await workspaceWithContent(2);
    const headers = await operatorHeaders();
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/operator/workspaces', headers });
    expect(res.statusCode, res.body).toBe(200);
    const item = res.json().items.find((w: { id: string }) => w.id === workspace.id);
    expect(item).toMatchObject({
      slug: workspace.slug,
      name: 'Content consortium',
      status: 'active',
      sizes: { members: 2, organisations: 2, activities: 1 },
      coordinators: [{ name: coordinator.user.name, email: coordinator.user.email }],
    });
    const rows = Object.values(await rowsOf(workspace.id)).reduce((a, b) => a + b, 0);
    expect(item.sizes.rows).toBe(rows);
    expect(res.body).not.toContain('Secret');
    expect(res.body).not.toContain('A viewer');
    // Being the operator makes nobody a member.
    const inside = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.slug}/organisations`,
      headers,
    });
    expect(inside.statusCode).toBe(404);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect(me.json()).toMatchObject({ operator: true, workspaces: [] });
  });

  it('creates a workspace pending its coordinator, whose link completes it; a taken or malformed slug writes nothing', async () => {
    const headers = await operatorHeaders();
    const before = await snapshot();
    for (const [slug, message] of [
      ['Bad Slug', /lower-case/],
      ['ab', /3 to 40/],
      ['setup', /reserved/],
      [`orbit-${kind}`, /already taken/],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/operator/workspaces',
        headers,
        payload: { slug, name: 'Taken', coordinatorEmail: 'c@example.test' },
      });
      expect(res.statusCode, slug).toBe(400);
      expect(res.json().errors[0].field).toBe('body.slug');
      expect(res.json().errors[0].message).toMatch(message);
    }
    const badEmail = await t.app.inject({
      method: 'POST',
      url: '/api/v1/operator/workspaces',
      headers,
      payload: { slug: `fine-${kind}`, name: 'Fine', coordinatorEmail: 'not-an-email' },
    });
    expect(badEmail.json().errors[0].field).toBe('body.coordinatorEmail');
    expect(await snapshot()).toEqual(before);

    const email = `grace-${kind}@example.test`;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/operator/workspaces',
      headers,
      payload: {
        slug: `stellar-${kind}`,
        name: 'Stellar',
        coordinatorEmail: email,
        coordinatorName: 'Grace',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().workspace).toMatchObject({
      status: 'pending',
      coordinators: [{ email, name: 'Grace' }],
    });
    const token = tokenOf(created.json().setupUrl);
    const mailed = await t.database.db
      .selectFrom('mail_outbox')
      .select(['text'])
      .where('to', '=', email)
      .execute();
    expect(mailed).toHaveLength(1);
    expect(mailed[0]?.text).toContain(created.json().setupUrl);
    const preview = await t.app.inject({ method: 'GET', url: `/api/v1/setup/${token}` });
    expect(preview.json()).toMatchObject({
      kind: 'workspace',
      email,
      name: 'Grace',
      workspace: { slug: `stellar-${kind}` },
    });
    const done = await complete(token, {
      name: 'Grace Hopper',
      password: PASSWORD,
      workspaceName: 'Stellar Partnership',
      cluster: { name: 'Stellar Cluster', shortName: 'STE', country: 'FR', city: 'Toulouse' },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().workspace).toEqual({ slug: `stellar-${kind}`, name: 'Stellar Partnership' });
    const again = await complete(token, {
      name: 'Grace',
      password: PASSWORD,
      cluster: { name: 'A', shortName: 'A', country: 'FR', city: 'A' },
    });
    expect(again.statusCode).toBe(400);
  });

  it('takes exactly one of ten renames sent at once with the same version', async () => {
    // The generated parallel-edit test acts as a workspace's coordinator, not as the operator.
    const { workspace } = await workspaceWithContent(1);
    const headers = await operatorHeaders();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.app.inject({
          method: 'PATCH',
          url: `/api/v1/operator/workspaces/${workspace.id}`,
          headers,
          payload: { version: 1, name: `Race ${i}` },
        }),
      ),
    );
    expect(answers.map((res) => res.statusCode).sort()).toEqual([200, ...Array(9).fill(409)]);
    const row = await t.database.db
      .selectFrom('workspace')
      .select(['name', 'version'])
      .where('id', '=', workspace.id)
      .executeTakeFirstOrThrow();
    expect(row.version).toBe(2);
    expect(answers.find((res) => res.statusCode === 200)?.json().name).toBe(row.name);
  });

  it('renames, suspends (members get 423 everywhere) and reactivates; a stale version gets 409', async () => {
    const { workspace, coordinator } = await workspaceWithContent(1);
    const headers = await operatorHeaders();
    const patch = (payload: object) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/operator/workspaces/${workspace.id}`, headers, payload });
    const renamed = await patch({ version: 1, name: 'Renamed consortium' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Renamed consortium', version: 2 });
    expect((await patch({ version: 1, name: 'Stale' })).statusCode).toBe(409);
    expect((await patch({ version: 2, status: 'suspended' })).json().status).toBe('suspended');
    for (const url of ['clusters', 'organisations', 'settings']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${workspace.slug}/${url}`,
        headers: coordinator.headers,
      });
      expect(res.statusCode, url).toBe(423);
      expect(res.json().detail).toMatch(/suspended/);
    }
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: coordinator.headers });
    expect(me.json().workspaces[0].status).toBe('suspended');
    expect((await patch({ version: 3, status: 'active' })).json().status).toBe('active');
    const back = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.slug}/clusters`,
      headers: coordinator.headers,
    });
    expect(back.statusCode).toBe(200);
  });

  it('deletes a workspace only with its slug typed, as a job that leaves no row of it, and leaves another untouched', async () => {
    const doomed = await workspaceWithContent(4);
    const other = await workspaceWithContent(2);
    const otherBefore = await rowsOf(other.workspace.id);
    const headers = await operatorHeaders();
    const remove = (confirmSlug: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/operator/workspaces/${doomed.workspace.id}/delete`,
        headers,
        payload: { confirmSlug },
      });
    const wrong = await remove(other.workspace.slug);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('body.confirmSlug');
    expect((await rowsOf(doomed.workspace.id)).organisation).toBe(4);

    const started = await remove(doomed.workspace.slug);
    expect(started.statusCode, started.body).toBe(202);
    // Gone for its members at once.
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${doomed.workspace.slug}/clusters`,
      headers: doomed.coordinator.headers,
    });
    expect(res.statusCode).toBe(404);
    await t.app.jobs.idle();
    const left = await rowsOf(doomed.workspace.id);
    expect(Object.entries(left).filter(([, n]) => n > 0)).toEqual([]);
    expect(
      await t.database.db
        .selectFrom('workspace')
        .select('id')
        .where('id', '=', doomed.workspace.id)
        .execute(),
    ).toEqual([]);
    expect(await rowsOf(other.workspace.id)).toEqual(otherBefore);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/operator/workspaces', headers });
    expect(list.json().items.map((w: { id: string }) => w.id)).not.toContain(doomed.workspace.id);
  });

  it('finishes a deletion interrupted mid-way when run again (idempotent, in batches)', async () => {
    const doomed = await workspaceWithContent(12);
    const other = await workspaceWithContent(1);
    const otherBefore = await rowsOf(other.workspace.id);
    const abort = new AbortController();
    let batches = 0;
    await expect(
      deleteWorkspaceRows(t.database.db, doomed.workspace.id, {
        batch: 5,
        signal: abort.signal,
        progress: () => {
          batches += 1;
          if (batches === 3) abort.abort(new Error('restart'));
        },
      }),
    ).rejects.toThrow('restart');
    const partly = await rowsOf(doomed.workspace.id);
    expect(Object.values(partly).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    await deleteWorkspaceRows(t.database.db, doomed.workspace.id, { batch: 5 });
    expect(Object.entries(await rowsOf(doomed.workspace.id)).filter(([, n]) => n > 0)).toEqual([]);
    expect(await rowsOf(other.workspace.id)).toEqual(otherBefore);
  });

  it('takes exactly one of ten settings edits sent at once with the same version', async () => {
    // The generated parallel-edit test cannot make valid settings (an IANA zone, an ISO currency).
    const { workspace, coordinator } = await workspaceWithContent(1);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.app.inject({
          method: 'PATCH',
          url: `/api/v1/workspaces/${workspace.slug}/settings`,
          headers: coordinator.headers,
          payload: { version: 1, name: `Race ${i}`, fiscalYearStartMonth: i + 1 },
        }),
      ),
    );
    expect(answers.map((res) => res.statusCode).sort()).toEqual([200, ...Array(9).fill(409)]);
    const winner = answers.find((res) => res.statusCode === 200)?.json();
    const row = await t.database.db
      .selectFrom('workspace')
      .select(['name', 'fiscal_year_start_month', 'version'])
      .where('id', '=', workspace.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      name: winner.name,
      fiscal_year_start_month: winner.fiscalYearStartMonth,
      version: 2,
    });
  });

  it('lets coordinators change the settings (others read them), checking every field', async () => {
    const { workspace, coordinator, member } = await workspaceWithContent(1);
    const url = `/api/v1/workspaces/${workspace.slug}/settings`;
    const read = await t.app.inject({ method: 'GET', url, headers: member.headers });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      currency: 'EUR',
      defaultDayRateCents: 45_000,
      languages: ['en'],
      canEdit: false,
      moneyRecorded: true,
    });
    const patch = (payload: object, headers = coordinator.headers) =>
      t.app.inject({ method: 'PATCH', url, headers, payload });
    expect((await patch({ version: 1, name: 'X' }, member.headers)).statusCode).toBe(403);
    for (const [payload, field] of [
      [{ currency: 'EURO' }, 'body.currency'],
      [{ timeZone: 'Mars/Olympus' }, 'body.timeZone'],
      [{ languages: ['fr'] }, 'body.languages'],
      [{ languages: ['en', 'de'] }, 'body.languages.1'],
      [{ fiscalYearStartMonth: 13 }, 'body.fiscalYearStartMonth'],
      [{ defaultDayRateCents: 2 ** 40 }, 'body.defaultDayRateCents'],
      [{ logo: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64') }, 'body.logo'],
      [
        {
          logo: Buffer.concat([PNG, Buffer.alloc(300 * 1024)])
            .toString('base64')
            .slice(0, 359_000),
        },
        'body.logo',
      ],
    ] as const) {
      const res = await patch({ version: 1, ...payload });
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
    }
    const money = await patch({ version: 1, currency: 'USD' });
    expect(money.statusCode).toBe(409);
    expect(money.json().detail).toMatch(/money is already recorded/);

    const ok = await patch({
      version: 1,
      timeZone: 'Europe/Brussels',
      languages: ['fr', 'en', 'pl'],
      fiscalYearStartMonth: 4,
      defaultDayRateCents: 52_000,
      logo: PNG.toString('base64'),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      timeZone: 'Europe/Brussels',
      languages: ['en', 'fr', 'pl'],
      fiscalYearStartMonth: 4,
      version: 2,
    });
    expect((await patch({ version: 1, name: 'Stale' })).statusCode).toBe(409);
    const logo = await t.app.inject({ method: 'GET', url: ok.json().logoUrl, headers: member.headers });
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.headers['cache-control']).toBe('private, max-age=86400');
    expect(logo.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(logo.rawPayload, PNG)).toBe(0);
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select('changes')
      .where('workspace_id', '=', workspace.id)
      .where('entity_type', '=', 'workspace')
      .execute();
    expect(audit).toHaveLength(1);

    // The default day rate is the estimate's fallback.
    const estimate = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.slug}/estimates`,
      headers: coordinator.headers,
      payload: { instrumentKey: '1.1.1', parameters: { units: 1 } },
    });
    expect(estimate.statusCode, estimate.body).toBe(200);
    expect(estimate.json().assumptions).toMatchObject({ dayRateEur: 520, dayRateSource: 'default' });

    // Without money recorded, the currency may change.
    const empty = await factory.workspace('No money');
    const lead = await factory.memberWithToken(empty.id, 'coordinator');
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${empty.slug}/settings`,
      headers: lead.headers,
      payload: { version: 1, currency: 'USD' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().currency).toBe('USD');
  });
});
