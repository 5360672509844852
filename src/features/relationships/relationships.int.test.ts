import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { PipelineRows } from '../../../test/support/pipeline-factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

type Headers = Record<string, string>;

describe.each(testDialects())('relationships API on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let rows: PipelineRows;
  let slug: string;
  let workspaceId: string;
  let clusterId: string;
  let coordinator: { headers: Headers; user: { id: string } };
  let network: { id: string; name: string }[];

  const url = (path = '') => `/api/v1/workspaces/${slug}/network/relationships${path}`;
  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    payload?: object,
    headers?: Headers,
  ) =>
    t.app.inject({
      method,
      url: url(path),
      headers: headers ?? coordinator.headers,
      ...(payload ? { payload } : {}),
    });
  const create = async (payload: object) => {
    const res = await call('POST', '', payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const count = async (table: 'relationship' | 'relationship_stage_change' | 'audit_event') =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('workspace_id', '=', workspaceId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    rows = new PipelineRows(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    clusterId = (await factory.cluster(workspaceId)).id;
    coordinator = await factory.memberWithToken(workspaceId, 'coordinator');
    network = [
      await rows.networkOrganisation(workspaceId, { name: 'Tokyo Space Agency', country: 'JP' }),
      await rows.networkOrganisation(workspaceId, { name: 'Osaka Orbital', country: 'JP' }),
      await rows.networkOrganisation(workspaceId, { name: 'Toronto Space Hub', country: 'CA' }),
    ];
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates, reads, moves, lists, edits and deletes a relationship, audited', async () => {
    const market = await factory.market(workspaceId, { country: 'JP' });
    const fair = await factory.activity(workspaceId, null, { instrument: 'trade-fairs' });
    const created = await create({
      ourClusterId: clusterId,
      networkOrganisationId: network[0]?.id,
      marketId: market.id,
      startedOn: '2026-01-10',
      ownerUserId: coordinator.user.id,
      notes: 'Met at the embassy',
    });
    expect(created).toMatchObject({
      ours: { kind: 'cluster', id: clusterId },
      counterpart: { kind: 'network', id: network[0]?.id, name: 'Tokyo Space Agency', country: 'JP' },
      clusterId,
      marketId: market.id,
      stage: 'mapped',
      startedOn: '2026-01-10',
      stageChangedOn: '2026-01-10',
      ownerName: 'A coordinator',
      version: 1,
    });
    expect(created.changes).toMatchObject([{ fromStage: null, toStage: 'mapped', changedOn: '2026-01-10' }]);

    const moved = await call('POST', `/${created.id}/stage`, {
      version: 1,
      stage: 'partner',
      changedOn: '2026-03-10',
      activityId: fair.id,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ stage: 'partner', stageChangedOn: '2026-03-10', version: 2 });
    expect(moved.json().changes).toMatchObject([
      { toStage: 'mapped' },
      {
        fromStage: 'mapped',
        toStage: 'partner',
        activityId: fair.id,
        activityTitle: fair.title,
        actorName: 'A coordinator',
      },
    ]);
    // A confirmation: the same stage again.
    const confirmed = await call('POST', `/${created.id}/stage`, {
      version: 2,
      stage: 'partner',
      changedOn: '2026-03-10',
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().changes).toHaveLength(3);

    const got = await call('GET', `/${created.id}`);
    expect(got.json()).toMatchObject({ id: created.id, stage: 'partner', version: 3 });
    const list = (await call('GET', '')).json();
    expect(list).toMatchObject({ total: 1, nextCursor: null });
    expect(list.items[0]).toMatchObject({ id: created.id });

    const edited = await call('PATCH', `/${created.id}`, {
      version: 3,
      notes: 'Signed an MoU',
      marketId: null,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ notes: 'Signed an MoU', marketId: null, version: 4 });
    const stale = await call('PATCH', `/${created.id}`, { version: 3, notes: 'Lost' });
    expect(stale.statusCode).toBe(409);

    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'entity_type'])
      .where('workspace_id', '=', workspaceId)
      .where('entity_id', '=', created.id)
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'create', entity_type: 'relationship' },
      { action: 'update', entity_type: 'relationship' },
      { action: 'update', entity_type: 'relationship' },
      { action: 'update', entity_type: 'relationship' },
    ]);

    const log = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${slug}/audit?entityType=relationship`,
      headers: coordinator.headers,
    });
    expect(log.json().items[0]).toMatchObject({
      entityName: expect.stringMatching(/^Tokyo Space Agency · /),
    });
    expect((await call('DELETE', `/${created.id}?version=3`)).statusCode).toBe(409);
    expect((await call('DELETE', `/${created.id}?version=4`)).statusCode).toBe(204);
    expect((await call('GET', `/${created.id}`)).statusCode).toBe(404);
    expect(await count('relationship_stage_change')).toBe(0);
  });

  it("takes a member organisation on either side, scoped to our member's cluster", async () => {
    const ours = await factory.organisation(workspaceId, clusterId);
    const otherCluster = (await factory.cluster(workspaceId)).id;
    const theirs = await factory.organisation(workspaceId, otherCluster, { name: 'Other member' });
    const created = await create({
      ourOrganisationId: ours.id,
      counterpartOrganisationId: theirs.id,
      stage: 'met',
    });
    expect(created).toMatchObject({
      ours: { kind: 'organisation', id: ours.id, name: ours.name },
      counterpart: { kind: 'member', id: theirs.id, name: 'Other member' },
      clusterId,
      stage: 'met',
    });
    const self = await call('POST', '', { ourOrganisationId: ours.id, counterpartOrganisationId: ours.id });
    expect(self.statusCode).toBe(400);
    expect(fieldsOf(self.json())).toEqual(['body.counterpartOrganisationId']);

    // A cluster manager writes in its own cluster's scope only; a viewer reads.
    const manager = await factory.memberWithToken(workspaceId, 'cluster_manager', otherCluster);
    const refused = await call(
      'POST',
      `/${created.id}/stage`,
      { version: 1, stage: 'partner' },
      manager.headers,
    );
    expect(refused.statusCode).toBe(403);
    const own = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: manager.headers,
      payload: { ourClusterId: otherCluster, networkOrganisationId: network[1]?.id },
    });
    expect(own.statusCode, own.body).toBe(201);
    const viewer = await factory.memberWithToken(workspaceId, 'viewer');
    expect((await call('GET', '', undefined, viewer.headers)).json().total).toBe(2);
    expect((await call('DELETE', `/${created.id}?version=1`, undefined, viewer.headers)).statusCode).toBe(
      403,
    );
    const member = await factory.memberWithToken(workspaceId, 'member', null, ours.id);
    expect((await call('GET', '', undefined, member.headers)).statusCode).toBe(403);
  });

  it('refuses bad input with a 4xx naming the field, and writes nothing', async () => {
    const created = await create({
      ourClusterId: clusterId,
      networkOrganisationId: network[0]?.id,
      startedOn: '2026-02-01',
    });
    const before = [
      await count('relationship'),
      await count('relationship_stage_change'),
      await count('audit_event'),
    ];
    const expectNothingWritten = async () =>
      expect([
        await count('relationship'),
        await count('relationship_stage_change'),
        await count('audit_event'),
      ]).toEqual(before);

    // A stage that does not exist.
    const unknownStage = await call('POST', `/${created.id}/stage`, { version: 1, stage: 'married' });
    expect(unknownStage.statusCode).toBe(400);
    expect(fieldsOf(unknownStage.json())).toEqual(['body.stage']);
    const unknownCreateStage = await call('POST', '', {
      ourClusterId: clusterId,
      networkOrganisationId: network[1]?.id,
      stage: 'friends',
    });
    expect(fieldsOf(unknownCreateStage.json())).toEqual(['body.stage']);

    // A change dated before the relationship began.
    const early = await call('POST', `/${created.id}/stage`, {
      version: 1,
      stage: 'met',
      changedOn: '2026-01-31',
    });
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early.json())).toEqual(['body.changedOn']);

    // A duplicate counterpart: 409 naming the existing relationship.
    const duplicate = await call('POST', '', {
      ourClusterId: clusterId,
      networkOrganisationId: network[0]?.id,
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().detail).toContain(created.id);

    // Dormant and closed need a reason.
    const noReason = await call('POST', `/${created.id}/stage`, {
      version: 1,
      stage: 'closed',
      changedOn: '2026-03-01',
    });
    expect(fieldsOf(noReason.json())).toEqual(['body.reason']);

    // Exactly one of ours, exactly one counterpart.
    const both = await call('POST', '', {
      ourClusterId: clusterId,
      ourOrganisationId: clusterId,
      networkOrganisationId: network[1]?.id,
    });
    expect(both.statusCode).toBe(400);
    expect(fieldsOf(both.json())).toEqual(['body.ourClusterId']);
    const none = await call('POST', '', { ourClusterId: clusterId });
    expect(fieldsOf(none.json())).toEqual(['body.networkOrganisationId']);

    // Wrong types, out-of-range numbers, unknown fields, impossible dates.
    for (const [payload, field] of [
      [{ version: '1', stage: 'met' }, 'body.version'],
      [{ version: 2 ** 40, stage: 'met' }, 'body.version'],
      [{ version: 1, stage: 'met', changedOn: '2026-02-30' }, 'body.changedOn'],
      [{ version: 1, stage: 'met', reason: 'x'.repeat(501) }, 'body.reason'],
      [{ version: 1, stage: 'met', colour: 'red' }, 'body'],
    ] as const) {
      const res = await call('POST', `/${created.id}/stage`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(fieldsOf(res.json())[0], JSON.stringify(payload)).toBe(field);
    }
    expect((await call('GET', '?stage=partner,nope')).statusCode).toBe(400);
    expect((await call('GET', '?limit=100000')).statusCode).toBe(400);

    // Another workspace's ids: 404, nothing written.
    const other = await factory.workspace();
    const foreignOrg = await rows.networkOrganisation(other.id);
    const foreignActivity = await factory.activity(other.id, null);
    const foreignCluster = await factory.cluster(other.id);
    const foreignCounterpart = await call('POST', '', {
      ourClusterId: clusterId,
      networkOrganisationId: foreignOrg.id,
    });
    expect(foreignCounterpart.statusCode).toBe(404);
    expect(fieldsOf(foreignCounterpart.json())).toEqual(['body.networkOrganisationId']);
    const foreignOurs = await call('POST', '', {
      ourClusterId: foreignCluster.id,
      networkOrganisationId: network[1]?.id,
    });
    expect(fieldsOf(foreignOurs.json())).toEqual(['body.ourClusterId']);
    const foreignAttribution = await call('POST', `/${created.id}/stage`, {
      version: 1,
      stage: 'met',
      activityId: foreignActivity.id,
    });
    expect(foreignAttribution.statusCode).toBe(404);
    expect(fieldsOf(foreignAttribution.json())).toEqual(['body.activityId']);
    const foreignWorkspace = await factory.workspace();
    const foreignCoordinator = await factory.memberWithToken(foreignWorkspace.id, 'coordinator');
    const elsewhere = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${foreignWorkspace.slug}/network/relationships/${created.id}`,
      headers: foreignCoordinator.headers,
    });
    expect(elsewhere.statusCode).toBe(404);
    const foreignDelete = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/workspaces/${foreignWorkspace.slug}/network/relationships/${created.id}?version=1`,
      headers: foreignCoordinator.headers,
    });
    expect(foreignDelete.statusCode).toBe(404);

    // A stale version.
    const moved = await call('POST', `/${created.id}/stage`, {
      version: 1,
      stage: 'met',
      changedOn: '2026-03-01',
    });
    expect(moved.statusCode).toBe(200);
    before[1] = (before[1] ?? 0) + 1;
    before[2] = (before[2] ?? 0) + 1;
    const stale = await call('POST', `/${created.id}/stage`, {
      version: 1,
      stage: 'partner',
      changedOn: '2026-03-02',
    });
    expect(stale.statusCode).toBe(409);
    // Before the previous change.
    const beforePrevious = await call('POST', `/${created.id}/stage`, {
      version: 2,
      stage: 'partner',
      changedOn: '2026-02-15',
    });
    expect(fieldsOf(beforePrevious.json())).toEqual(['body.changedOn']);
    await expectNothingWritten();
    expect((await call('GET', `/${created.id}`)).json()).toMatchObject({ stage: 'met', version: 2 });
  });

  it('takes one of parallel stage changes or corrections sent with the same version', async () => {
    const created = await create({
      ourClusterId: clusterId,
      networkOrganisationId: network[0]?.id,
      startedOn: '2026-01-01',
    });
    const moves = await Promise.all(
      ['contacted', 'met', 'partner', 'met', 'contacted', 'partner'].map((stage) =>
        call('POST', `/${created.id}/stage`, { version: 1, stage, changedOn: '2026-02-01' }),
      ),
    );
    expect(moves.map((res) => res.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const activity = await factory.activity(workspaceId, null, { instrument: 'trade-fairs' });
    const corrections = await Promise.all(
      Array.from({ length: 6 }, () =>
        call('PATCH', `/${created.id}/changes/${created.changes[0].id}`, {
          version: 2,
          activityId: activity.id,
        }),
      ),
    );
    expect(corrections.map((res) => res.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const detail = (await call('GET', `/${created.id}`)).json();
    expect(detail.version).toBe(3);
    expect(detail.changes).toHaveLength(2);
  });

  it('lists with filters, sort, keyset pages and a total; the board counts per stage', async () => {
    const market = await factory.market(workspaceId, { country: 'JP' });
    const member = await factory.organisation(workspaceId, clusterId, { name: 'Our member' });
    const a = await create({
      ourClusterId: clusterId,
      networkOrganisationId: network[0]?.id,
      marketId: market.id,
      stage: 'partner',
      startedOn: '2026-01-01',
    });
    const b = await create({
      ourClusterId: clusterId,
      networkOrganisationId: network[1]?.id,
      marketId: market.id,
      stage: 'met',
      startedOn: '2026-02-01',
    });
    const c = await create({
      ourOrganisationId: member.id,
      networkOrganisationId: network[2]?.id,
      stage: 'dormant',
      reason: 'No budget',
      startedOn: '2026-03-01',
    });
    const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((i) => i.id);

    expect(ids(await call('GET', '?stage=partner,met&sort=stage'))).toEqual([b.id, a.id]);
    expect(ids(await call('GET', `?marketId=${market.id}&sort=startedOn`))).toEqual([a.id, b.id]);
    expect(ids(await call('GET', `?ours=${member.id}`))).toEqual([c.id]);
    expect(ids(await call('GET', '?q=osaka'))).toEqual([b.id]);
    expect(ids(await call('GET', '?country=CA'))).toEqual([c.id]);
    expect(ids(await call('GET', `?networkOrganisationId=${network[0]?.id}`))).toEqual([a.id]);
    expect(ids(await call('GET', '?sort=counterpart'))).toEqual([b.id, a.id, c.id]);
    expect(ids(await call('GET', '?sort=-stageChangedOn'))).toEqual([c.id, b.id, a.id]);

    const first = (await call('GET', '?sort=counterpart&limit=2')).json();
    expect(first.total).toBe(3);
    expect(first.items.map((i: { id: string }) => i.id)).toEqual([b.id, a.id]);
    const second = (await call('GET', `?sort=counterpart&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second).toMatchObject({ total: 3, nextCursor: null });
    expect(second.items.map((i: { id: string }) => i.id)).toEqual([c.id]);

    const board = (await call('GET', `/board?marketId=${market.id}`)).json();
    expect(board.columns.map((col: { stage: string }) => col.stage)).toEqual([
      'mapped',
      'contacted',
      'met',
      'potential_partner',
      'partner',
      'collaborating',
      'common_project',
      'dormant',
      'closed',
    ]);
    const counts = Object.fromEntries(
      board.columns.map((col: { stage: string; count: number; items: unknown[] }) => [
        col.stage,
        [col.count, col.items.length],
      ]),
    );
    expect(counts).toMatchObject({ partner: [1, 1], met: [1, 1], dormant: [0, 0], mapped: [0, 0] });
    const all = (await call('GET', `/board?clusterId=${clusterId}`)).json();
    expect(all.columns.find((col: { stage: string }) => col.stage === 'dormant').count).toBe(1);
  });
});

describe.each(testDialects())('relationships and the registry on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let rows: PipelineRows;

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    rows = new PipelineRows(t.database.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("keeps a cluster with relationships, moves a member's relationships with it, and counts its deletion", async () => {
    const workspace = await factory.workspace();
    const clusterId = (await factory.cluster(workspace.id)).id;
    const otherCluster = await factory.cluster(workspace.id);
    const { headers } = await factory.memberWithToken(workspace.id, 'coordinator');
    const api = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: object) =>
      t.app.inject({
        method,
        url: `/api/v1/workspaces/${workspace.slug}${path}`,
        headers,
        ...(payload ? { payload } : {}),
      });
    const member = await factory.organisation(workspace.id, clusterId);
    const fair = await factory.activity(workspace.id, null, { instrument: 'trade-fairs' });
    const counterpart = await rows.networkOrganisation(workspace.id);
    const created = await api('POST', '/network/relationships', {
      ourOrganisationId: member.id,
      networkOrganisationId: counterpart.id,
      stage: 'partner',
      activityId: fair.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const newPartners = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('kpi_actual')
            .select('value')
            .where('activity_id', '=', fair.id)
            .where('kpi_key', '=', 'new_partners')
            .executeTakeFirst()
        )?.value ?? 0,
      );
    expect(await newPartners()).toBe(1);

    const refused = await api('DELETE', `/clusters/${clusterId}?version=1`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('relationship');

    const moved = await api('PATCH', `/organisations/${member.id}`, {
      version: 1,
      clusterId: otherCluster.id,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await api('GET', `/network/relationships/${created.json().id}`)).json().clusterId).toBe(
      otherCluster.id,
    );

    expect((await api('DELETE', `/organisations/${member.id}?version=2`)).statusCode).toBe(204);
    expect((await api('GET', `/network/relationships/${created.json().id}`)).statusCode).toBe(404);
    expect(await newPartners()).toBe(0);
  });
});
