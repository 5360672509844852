import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { ProjectRows } from '../../../test/support/projects-factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

type Headers = Record<string, string>;

describe.each(testDialects())('collaborative projects API on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let rows: ProjectRows;
  let slug: string;
  let workspaceId: string;
  let clusterId: string;
  let otherClusterId: string;
  let memberId: string;
  let networkId: string;
  let coordinator: Headers;
  const url = (path = '') => `/api/v1/workspaces/${slug}/network/projects${path}`;
  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    payload?: object,
    headers = coordinator,
  ) => t.app.inject({ method, url: url(path), headers, ...(payload ? { payload } : {}) });
  const projectCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('project')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('workspace_id', '=', workspaceId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    rows = new ProjectRows(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    clusterId = (await factory.cluster(workspaceId)).id;
    otherClusterId = (await factory.cluster(workspaceId)).id;
    memberId = (await factory.organisation(workspaceId, clusterId)).id;
    networkId = (await rows.networkOrganisation(workspaceId, { name: 'Tokyo Space Agency', country: 'JP' }))
      .id;
    coordinator = (await factory.memberWithToken(workspaceId, 'coordinator')).headers;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates a project with partners, reads, lists, edits, completes and deletes it, all audited', async () => {
    const activity = await factory.activity(workspaceId, null, { instrument: 'sustaining-the-networks' });
    const created = await call('POST', '', {
      title: 'Lunar regolith lab',
      description: 'A joint lab',
      clusterId,
      fundingProgramme: 'horizon_europe',
      amount: 1250000.5,
      currency: 'EUR',
      status: 'proposal',
      commonLabel: true,
      activityId: activity.id,
      startsOn: '2027-01-01',
      endsOn: '2028-12-31',
      partners: [
        { clusterId, role: 'coordinator' },
        { organisationId: memberId, role: 'partner' },
        { networkOrganisationId: networkId, role: 'associated' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const project = created.json();
    expect(project).toMatchObject({
      title: 'Lunar regolith lab',
      amount: 1250000.5,
      amountMinor: 125000050,
      currency: 'EUR',
      status: 'proposal',
      commonLabel: true,
      internationalFunding: false,
      activityId: activity.id,
      activityTitle: activity.title,
      instrumentId: activity.instrument_id,
      completedOn: null,
      partnerCount: 3,
      canEdit: true,
      version: 1,
    });
    expect(
      project.partners.map((p: { side: string; kind: string; role: string }) => [p.side, p.kind, p.role]),
    ).toEqual([
      ['ours', 'cluster', 'coordinator'],
      ['ours', 'organisation', 'partner'],
      ['counterpart', 'network_organisation', 'associated'],
    ]);
    expect(project.partners[2]).toMatchObject({
      name: 'Tokyo Space Agency',
      country: 'JP',
      refId: networkId,
    });

    const read = await call('GET', `/${project.id}`);
    expect(read.json()).toEqual(project);

    const list = (await call('GET', '?status=proposal,funded&commonLabel=true')).json();
    expect(list.total).toBe(1);
    expect(list.items[0].id).toBe(project.id);
    expect(list.totalsByStatus).toEqual({ proposal: 1 });
    expect(list.canCreate).toBe(true);

    const stale = await call('PATCH', `/${project.id}`, { version: 99, title: 'x' });
    expect(stale.statusCode).toBe(409);

    const completed = await call('PATCH', `/${project.id}`, { version: 1, status: 'completed' });
    expect(completed.statusCode, completed.body).toBe(200);
    expect(completed.json().completedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(completed.json().version).toBe(2);
    const reopened = await call('PATCH', `/${project.id}`, { version: 2, status: 'running' });
    expect(reopened.json()).toMatchObject({ status: 'running', completedOn: null });

    const gone = await call('DELETE', `/${project.id}?version=3`);
    expect(gone.statusCode).toBe(204);
    expect(await projectCount()).toBe(0);
    expect((await call('GET', `/${project.id}`)).statusCode).toBe(404);
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['entity_type', 'action'])
      .where('workspace_id', '=', workspaceId)
      .where('entity_type', 'in', ['project', 'project_partner'])
      .orderBy('id')
      .execute();
    expect(audit.map((e) => `${e.entity_type}:${e.action}`)).toEqual([
      'project:create',
      'project_partner:create',
      'project_partner:create',
      'project_partner:create',
      'project:update',
      'project:update',
      'project:delete',
    ]);
  });

  it('adds and removes partners one by one; a duplicate partner is 409 and another workspace’s 404', async () => {
    const project = (await call('POST', '', { title: 'Smallsat constellation' })).json();
    const added = await call('POST', `/${project.id}/partners`, {
      networkOrganisationId: networkId,
      role: 'partner',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ side: 'counterpart', name: 'Tokyo Space Agency', role: 'partner' });
    const again = await call('POST', `/${project.id}/partners`, {
      networkOrganisationId: networkId,
      role: 'funder',
    });
    expect(again.statusCode).toBe(409);

    const other = await factory.workspace();
    const foreign = await rows.networkOrganisation(other.id);
    const foreignCluster = await factory.cluster(other.id);
    for (const [body, field] of [
      [{ networkOrganisationId: foreign.id, role: 'partner' }, 'body.networkOrganisationId'],
      [{ clusterId: foreignCluster.id, role: 'partner' }, 'body.clusterId'],
      [{ organisationId: 'nope', role: 'partner' }, 'body.organisationId'],
    ] as const) {
      const res = await call('POST', `/${project.id}/partners`, body);
      expect(res.statusCode).toBe(404);
      expect(fields(res.json())).toEqual([field]);
    }
    const two = await call('POST', `/${project.id}/partners`, {
      clusterId,
      organisationId: memberId,
      role: 'partner',
    });
    expect(two.statusCode).toBe(400);
    expect(fields(two.json())).toContain('body.networkOrganisationId');
    const badRole = await call('POST', `/${project.id}/partners`, { clusterId, role: 'boss' });
    expect(badRole.statusCode).toBe(400);
    expect(fields(badRole.json())).toContain('body.role');

    const partnerCount = async () =>
      (
        await t.database.db
          .selectFrom('project_partner')
          .select('id')
          .where('project_id', '=', project.id)
          .execute()
      ).length;
    expect(await partnerCount()).toBe(1);
    const removed = await call('DELETE', `/${project.id}/partners/${added.json().id}`);
    expect(removed.statusCode).toBe(204);
    expect(await partnerCount()).toBe(0);
    expect((await call('DELETE', `/${project.id}/partners/${added.json().id}`)).statusCode).toBe(404);
  });

  it('refuses bad input with a 4xx naming the field, and writes nothing', async () => {
    const other = await factory.workspace();
    const foreignActivity = await factory.activity(other.id, null);
    const foreignNetwork = await rows.networkOrganisation(other.id);
    const cases: [object, number, string][] = [
      [{ title: 'x', amount: -1, currency: 'EUR' }, 400, 'body.amount'],
      [{ title: 'x', amount: 10, currency: 'XYZ' }, 400, 'body.currency'],
      [{ title: 'x', amount: 10, currency: 'eur' }, 400, 'body.currency'],
      [{ title: 'x', amount: 10 }, 400, 'body.currency'],
      [{ title: 'x', amount: 10.5, currency: 'JPY' }, 400, 'body.amount'],
      [{ title: 'x', amount: 10.123, currency: 'EUR' }, 400, 'body.amount'],
      [{ title: 'x', amount: 1e15, currency: 'EUR' }, 400, 'body.amount'],
      [{ title: 'x', amount: '10', currency: 'EUR' }, 400, 'body.amount'],
      [{ title: '' }, 400, 'body.title'],
      [{ title: 'x'.repeat(301) }, 400, 'body.title'],
      [{ title: 42 }, 400, 'body.title'],
      [{}, 400, 'body.title'],
      [{ title: 'x', status: 'won' }, 400, 'body.status'],
      [{ title: 'x', fundingProgramme: 'lottery' }, 400, 'body.fundingProgramme'],
      [{ title: 'x', startsOn: '2027-05-01', endsOn: '2027-04-30' }, 400, 'body.endsOn'],
      [{ title: 'x', startsOn: '2027-02-30' }, 400, 'body.startsOn'],
      [{ title: 'x', completedOn: '2027-02-01' }, 400, 'body.completedOn'],
      [{ title: 'x', commonLabel: 'yes' }, 400, 'body.commonLabel'],
      [{ title: 'x', surprise: 1 }, 400, 'body'],
      [{ title: 'x', activityId: foreignActivity.id }, 404, 'body.activityId'],
      [{ title: 'x', instrumentId: 'nope' }, 404, 'body.instrumentId'],
      [{ title: 'x', clusterId: 'nope' }, 404, 'body.clusterId'],
      [
        { title: 'x', partners: [{ networkOrganisationId: foreignNetwork.id, role: 'partner' }] },
        404,
        'body.partners.0.networkOrganisationId',
      ],
      [
        {
          title: 'x',
          partners: [
            { networkOrganisationId: networkId, role: 'partner' },
            { networkOrganisationId: networkId, role: 'funder' },
          ],
        },
        400,
        'body.partners.1.networkOrganisationId',
      ],
    ];
    for (const [payload, status, field] of cases) {
      const res = await call('POST', '', payload);
      expect(res.statusCode, `${JSON.stringify(payload)}: ${res.body}`).toBe(status);
      const named = fields(res.json());
      expect(
        named.some(
          (f) => f === field || f.startsWith(`${field}.`) || (field === 'body' && f.startsWith('body')),
        ),
        `${JSON.stringify(payload)} names ${field}: ${named}`,
      ).toBe(true);
    }
    expect(await projectCount()).toBe(0);
    expect(
      (
        await t.database.db
          .selectFrom('audit_event')
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .where('entity_type', 'like', 'project%')
          .execute()
      ).length,
    ).toBe(0);

    // Edits: a negative amount, a currency dropped while an amount stays, a stale version.
    const project = (await call('POST', '', { title: 'Ok', amount: 100, currency: 'EUR' })).json();
    for (const [payload, field] of [
      [{ version: 1, amount: -5 }, 'body.amount'],
      [{ version: 1, currency: null }, 'body.currency'],
      [{ version: 1, currency: 'USD' }, 'body.amount'],
      [{ version: 1, currency: 'ABC', amount: 3 }, 'body.currency'],
      [{ version: 1, endsOn: '2020-01-01', startsOn: '2021-01-01' }, 'body.endsOn'],
      [{ version: 'one' }, 'body.version'],
    ] as const) {
      const res = await call('PATCH', `/${project.id}`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(fields(res.json())).toContain(field);
    }
    const unchanged = (await call('GET', `/${project.id}`)).json();
    expect(unchanged).toMatchObject({ version: 1, amount: 100, currency: 'EUR' });
    const moved = await call('PATCH', `/${project.id}`, { version: 1, currency: 'JPY', amount: 15000 });
    expect(moved.json()).toMatchObject({ amount: 15000, amountMinor: 15000, currency: 'JPY' });
  });

  it('answers 404 for another workspace’s project and changes nothing', async () => {
    const other = await factory.workspace();
    const foreign = await rows.project(other.id, { title: 'Theirs' });
    expect((await call('GET', `/${foreign.id}`)).statusCode).toBe(404);
    expect((await call('PATCH', `/${foreign.id}`, { version: 1, title: 'Mine' })).statusCode).toBe(404);
    expect((await call('DELETE', `/${foreign.id}?version=1`)).statusCode).toBe(404);
    expect(
      (await call('POST', `/${foreign.id}/partners`, { networkOrganisationId: networkId, role: 'partner' }))
        .statusCode,
    ).toBe(404);
    const after = await t.database.db
      .selectFrom('project')
      .selectAll()
      .where('id', '=', foreign.id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ title: 'Theirs', version: 1 });
  });

  it('filters by status, programme, cluster, partner, activity, flags and title; pages with a cursor', async () => {
    const activity = await factory.activity(workspaceId, null, { instrument: 'mentoring-follow-up' });
    const made = [];
    for (const [index, status] of [
      'idea',
      'proposal',
      'funded',
      'running',
      'completed',
      'rejected',
    ].entries()) {
      const res = await call('POST', '', {
        title: `Project ${index} ${status}`,
        status,
        clusterId: index % 2 === 0 ? clusterId : otherClusterId,
        fundingProgramme: index < 3 ? 'esa' : 'national',
        internationalFunding: index === 2,
        activityId: index < 2 ? activity.id : null,
        partners: index === 3 ? [{ networkOrganisationId: networkId, role: 'partner' }] : [],
      });
      expect(res.statusCode, res.body).toBe(201);
      made.push(res.json());
    }
    const ids = async (query: string) =>
      ((await call('GET', query)).json().items as { id: string }[]).map((p) => p.id).sort();
    expect(await ids('?status=idea,rejected')).toEqual([made[0].id, made[5].id].sort());
    expect(await ids('?fundingProgramme=esa')).toEqual([made[0].id, made[1].id, made[2].id].sort());
    expect(await ids(`?clusterId=${otherClusterId}`)).toEqual([made[1].id, made[3].id, made[5].id].sort());
    expect(await ids(`?partner=${networkId}`)).toEqual([made[3].id]);
    expect(await ids(`?activityId=${activity.id}`)).toEqual([made[0].id, made[1].id].sort());
    expect(await ids('?internationalFunding=true')).toEqual([made[2].id]);
    expect(await ids('?q=2%20FUNDED')).toEqual([made[2].id]);
    const totals = (await call('GET', '?status=idea')).json();
    expect(totals.total).toBe(1);
    expect(totals.totalsByStatus).toEqual({
      idea: 1,
      proposal: 1,
      funded: 1,
      running: 1,
      completed: 1,
      rejected: 1,
    });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null; total: number } = (
        await call('GET', `?sort=title&limit=4${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      expect(page.total).toBe(6);
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(made.map((p) => p.id));

    for (const [query, field] of [
      ['?status=won', 'query.status'],
      ['?limit=0', 'query.limit'],
      ['?sort=amount', 'query.sort'],
      ['?commonLabel=maybe', 'query.commonLabel'],
      ['?cursor=%%%', 'query.cursor'],
    ] as const) {
      const res = await call('GET', query);
      expect(res.statusCode, query).toBe(400);
      expect(fields(res.json())).toContain(field);
    }
  });

  it('lets a cluster manager write its cluster’s projects only, a viewer read, a member nothing', async () => {
    const manager = (await factory.memberWithToken(workspaceId, 'cluster_manager', clusterId)).headers;
    const viewer = (await factory.memberWithToken(workspaceId, 'viewer')).headers;
    const member = (await factory.memberWithToken(workspaceId, 'member', null, memberId)).headers;
    expect((await call('POST', '', { title: 'Theirs', clusterId: otherClusterId }, manager)).statusCode).toBe(
      403,
    );
    expect((await call('POST', '', { title: 'Unowned' }, manager)).statusCode).toBe(403);
    const own = await call('POST', '', { title: 'Ours', clusterId }, manager);
    expect(own.statusCode).toBe(201);
    const theirs = (await call('POST', '', { title: 'Theirs', clusterId: otherClusterId })).json();
    expect((await call('PATCH', `/${theirs.id}`, { version: 1, title: 'Taken' }, manager)).statusCode).toBe(
      403,
    );
    expect(
      (await call('PATCH', `/${own.json().id}`, { version: 1, clusterId: otherClusterId }, manager))
        .statusCode,
    ).toBe(403);
    expect((await call('GET', `/${theirs.id}`, undefined, manager)).json().canEdit).toBe(false);
    expect((await call('GET', '', undefined, viewer)).json().total).toBe(2);
    expect((await call('GET', '', undefined, viewer)).json().canCreate).toBe(false);
    expect((await call('POST', '', { title: 'No' }, viewer)).statusCode).toBe(403);
    expect((await call('GET', '', undefined, member)).statusCode).toBe(403);
  });
});
