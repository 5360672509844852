import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { InteractionRows } from '../../../test/support/interactions-factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { addDays, todayIso } from '../../domain/dates.ts';

type Headers = Record<string, string>;
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

describe.each(testDialects())('interactions API on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let rows: InteractionRows;
  let slug: string;
  let workspaceId: string;
  let coordinator: { headers: Headers; user: { id: string; name: string } };
  let clusterId: string;
  let otherClusterId: string;
  let counterpart: { id: string; name: string };
  let person: { id: string; name: string };
  let activity: { id: string; title: string };
  let member: { organisationId: string; personId: string };

  const url = (path = '') => `/api/v1/workspaces/${slug}/network/interactions${path}`;
  const inject = (method: Method, path: string, payload?: object, headers?: Headers) =>
    t.app.inject({
      method,
      url: url(path),
      headers: headers ?? coordinator.headers,
      ...(payload ? { payload } : {}),
    });
  const count = async (table: 'interaction' | 'audit_event') => {
    const row = await t.database.db
      .selectFrom(table)
      .where('workspace_id', '=', workspaceId)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const body = (extra: object = {}) => ({
    kind: 'meeting',
    occurredOn: '2026-03-11',
    networkOrganisationId: counterpart.id,
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    rows = new InteractionRows(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    coordinator = await factory.memberWithToken(workspaceId, 'coordinator');
    clusterId = (await factory.cluster(workspaceId, { short_name: 'AV' })).id;
    otherClusterId = (await factory.cluster(workspaceId, { short_name: 'OT' })).id;
    counterpart = await rows.networkOrganisation(workspaceId, { name: 'Tokyo Space Agency' });
    person = await rows.networkPerson(workspaceId, counterpart.id, { name: 'Haruka Sato' });
    activity = await factory.activity(workspaceId, null, { instrument: 'trade-fairs', title: 'Space Expo' });
    const organisation = await factory.organisation(workspaceId, clusterId, { name: 'Orbital Ltd' });
    const memberPerson = await factory.person(workspaceId, organisation.id, { name: 'Ada Orbit' });
    member = { organisationId: organisation.id, personId: memberPerson.id };
  });
  afterAll(async () => {
    await t?.close();
  });

  it('records, reads, lists, edits and deletes an interaction, with every name resolved, audited', async () => {
    const created = await inject(
      'POST',
      '',
      body({
        activityId: activity.id,
        clusterId,
        memberOrganisationId: member.organisationId,
        memberPersonId: member.personId,
        networkPersonId: person.id,
        notes: 'Interested in our CubeSat platform',
        nextStep: 'Send the brochure',
        nextStepDueOn: '2026-03-20',
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const interaction = created.json();
    expect(interaction).toMatchObject({
      kind: 'meeting',
      occurredOn: '2026-03-11',
      activityId: activity.id,
      activityTitle: 'Space Expo',
      clusterId,
      clusterShortName: 'AV',
      staffUserId: coordinator.user.id,
      staffName: coordinator.user.name,
      memberOrganisationId: member.organisationId,
      memberOrganisationName: 'Orbital Ltd',
      memberPersonId: member.personId,
      memberPersonName: 'Ada Orbit',
      networkOrganisationId: counterpart.id,
      networkOrganisationName: 'Tokyo Space Agency',
      networkOrganisationCountry: 'JP',
      networkPersonId: person.id,
      networkPersonName: 'Haruka Sato',
      notes: 'Interested in our CubeSat platform',
      nextStep: 'Send the brochure',
      nextStepDueOn: '2026-03-20',
      nextStepOwnerUserId: coordinator.user.id,
      nextStepOwnerName: coordinator.user.name,
      nextStepDoneAt: null,
      createdBy: coordinator.user.id,
      version: 1,
    });
    expect((await inject('GET', `/${interaction.id}`)).json()).toEqual(interaction);
    const list = (await inject('GET', `?networkOrganisationId=${counterpart.id}`)).json();
    expect(list).toEqual({ items: [interaction], nextCursor: null, total: 1 });

    const edited = await inject('PATCH', `/${interaction.id}`, {
      version: 1,
      kind: 'call',
      nextStep: 'Send the price list',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ kind: 'call', nextStep: 'Send the price list', version: 2 });

    const done = await inject('POST', `/${interaction.id}/next-step/done`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().nextStepDoneAt).toEqual(expect.any(String));
    expect(done.json().version).toBe(3);
    // Again: nothing changes.
    expect((await inject('POST', `/${interaction.id}/next-step/done`)).json().version).toBe(3);

    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'entity_type'])
      .where('entity_id', '=', interaction.id)
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'create', entity_type: 'interaction' },
      { action: 'update', entity_type: 'interaction' },
      { action: 'update', entity_type: 'interaction' },
    ]);

    // The audit log names the interaction and the records it points at.
    const log = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${slug}/audit?entityType=interaction`,
      headers: coordinator.headers,
    });
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().items[0].entityName).toBe('Tokyo Space Agency · 2026-03-11');
    expect(Object.values(log.json().references)).toEqual(
      expect.arrayContaining(['Tokyo Space Agency', 'Haruka Sato', 'Space Expo', 'Ada Orbit']),
    );

    expect((await inject('DELETE', `/${interaction.id}?version=1`)).statusCode).toBe(409);
    expect((await inject('DELETE', `/${interaction.id}?version=3`)).statusCode).toBe(204);
    expect((await inject('GET', `/${interaction.id}`)).statusCode).toBe(404);
    expect(await count('interaction')).toBe(0);
  });

  it('lists newest first with filters, a keyset cursor and the total', async () => {
    const other = await rows.networkOrganisation(workspaceId, { name: 'Osaka Chamber' });
    const days = ['2026-01-05', '2026-02-10', '2026-02-10', '2026-03-01', '2026-04-15'];
    const ids: string[] = [];
    for (const [index, day] of days.entries()) {
      const res = await inject(
        'POST',
        '',
        body({
          occurredOn: day,
          kind: index % 2 === 0 ? 'meeting' : 'email',
          networkOrganisationId: index < 3 ? counterpart.id : other.id,
          activityId: index === 4 ? activity.id : null,
          ...(index === 1 ? { nextStep: 'Call back', nextStepDueOn: '2026-02-20' } : {}),
        }),
      );
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    // Newest first; the two of 2026-02-10 by id, descending.
    const expected = [ids[4], ids[3], ids[2], ids[1], ids[0]];
    const first = (await inject('GET', '?limit=2')).json();
    expect(first.total).toBe(5);
    expect(first.items.map((i: { id: string }) => i.id)).toEqual(expected.slice(0, 2));
    const second = (await inject('GET', `?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((i: { id: string }) => i.id)).toEqual(expected.slice(2, 4));
    const third = (await inject('GET', `?limit=2&cursor=${second.nextCursor}`)).json();
    expect(third.items.map((i: { id: string }) => i.id)).toEqual(expected.slice(4));
    expect(third.nextCursor).toBeNull();

    const ids_ = async (query: string) => {
      const res = await inject('GET', query);
      expect(res.statusCode, res.body).toBe(200);
      const json = res.json();
      expect(json.total).toBe(json.items.length);
      return json.items.map((i: { id: string }) => i.id);
    };
    expect(await ids_(`?networkOrganisationId=${other.id}`)).toEqual([ids[4], ids[3]]);
    expect(await ids_(`?activityId=${activity.id}`)).toEqual([ids[4]]);
    expect(await ids_('?kind=email')).toEqual([ids[3], ids[1]]);
    expect(await ids_('?from=2026-02-10&to=2026-03-01')).toEqual([ids[3], ids[2], ids[1]]);
    expect(await ids_('?openNextStep=true')).toEqual([ids[1]]);
    expect(await ids_('?openNextStep=true&nextStepOwner=me')).toEqual([ids[1]]);
    expect(await ids_(`?nextStepOwner=${coordinator.user.id}`)).toEqual([ids[1]]);
    expect(await ids_(`?clusterId=${clusterId}`)).toEqual([]);
    const byDue = (await inject('GET', '?sort=nextStepDueOn&limit=1')).json();
    expect(byDue.items.map((i: { id: string }) => i.id)).toEqual([ids[1]]);
    await inject('POST', `/${ids[1]}/next-step/done`);
    expect(await ids_('?openNextStep=true')).toEqual([]);
  });

  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const elsewhere = await factory.workspace();
    const foreignOrganisation = await rows.networkOrganisation(elsewhere.id, { name: 'Foreign' });
    const foreignActivity = await factory.activity(elsewhere.id, null);
    const strangerOrganisation = await rows.networkOrganisation(workspaceId, { name: 'Stranger' });
    const strangersPerson = await rows.networkPerson(workspaceId, strangerOrganisation.id);
    const otherMember = await factory.organisation(workspaceId, clusterId, { name: 'Other member' });
    const outsider = await factory.userWithPassword('a-long-password-1');
    const erased = await rows.networkPerson(workspaceId, counterpart.id, {
      erased_at: '2026-01-01T00:00:00Z',
    });
    const cases: [string, object, string][] = [
      ['an unknown kind', body({ kind: 'lunch' }), 'body.kind'],
      ['a day that is no date', body({ occurredOn: '2026-02-30' }), 'body.occurredOn'],
      ['a day too far ahead', body({ occurredOn: addDays(todayIso(), 400) }), 'body.occurredOn'],
      ['a number for a date', body({ occurredOn: 20260301 }), 'body.occurredOn'],
      ['no organisation', { kind: 'call', occurredOn: '2026-03-01' }, 'body.networkOrganisationId'],
      [
        "another workspace's organisation",
        body({ networkOrganisationId: foreignOrganisation.id }),
        'body.networkOrganisationId',
      ],
      ['an unknown organisation', body({ networkOrganisationId: 'nope' }), 'body.networkOrganisationId'],
      [
        "another organisation's person",
        body({ networkPersonId: strangersPerson.id }),
        'body.networkPersonId',
      ],
      ['an erased person', body({ networkPersonId: erased.id }), 'body.networkPersonId'],
      ["another workspace's activity", body({ activityId: foreignActivity.id }), 'body.activityId'],
      ['an unknown cluster', body({ clusterId: 'nope' }), 'body.clusterId'],
      ['a staff member outside the workspace', body({ staffUserId: outsider.id }), 'body.staffUserId'],
      ['an unknown member organisation', body({ memberOrganisationId: 'nope' }), 'body.memberOrganisationId'],
      [
        'a person of another member organisation',
        body({ memberOrganisationId: otherMember.id, memberPersonId: member.personId }),
        'body.memberPersonId',
      ],
      ['notes over 5,000 characters', body({ notes: 'x'.repeat(5001) }), 'body.notes'],
      ['a next step over 500 characters', body({ nextStep: 'x'.repeat(501) }), 'body.nextStep'],
      ['a due date without a next step', body({ nextStepDueOn: '2026-04-01' }), 'body.nextStep'],
      [
        'an owner outside the workspace',
        body({ nextStep: 'Call', nextStepOwnerUserId: outsider.id }),
        'body.nextStepOwnerUserId',
      ],
      ['an unknown field', body({ colour: 'red' }), 'body'],
    ];
    for (const [what, payload, field] of cases) {
      const res = await inject('POST', '', payload);
      expect(res.statusCode, `${what}: ${res.body}`).toBe(400);
      const fields = res.json().errors.map((e: { field: string }) => e.field);
      expect(fields, what).toContain(field);
    }
    expect(await count('interaction')).toBe(0);
    expect(await count('audit_event')).toBe(0);

    const bad = await inject('GET', '?from=2026-05-01&to=2026-04-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('query.to');
    expect((await inject('GET', '?kind=lunch')).statusCode).toBe(400);
    expect((await inject('GET', '?limit=100000')).statusCode).toBe(400);
    expect((await inject('GET', '?cursor=@@')).statusCode).toBe(400);
  });

  it('refuses bad edits and stale versions, and answers 404 for another workspace', async () => {
    const created = (
      await inject(
        'POST',
        '',
        body({ networkPersonId: person.id, nextStep: 'Call', activityId: activity.id }),
      )
    ).json();
    const other = await rows.networkOrganisation(workspaceId, { name: 'Kyoto Lab' });
    // Moving to another organisation without its person: the person is not theirs.
    const moved = await inject('PATCH', `/${created.id}`, { version: 1, networkOrganisationId: other.id });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.networkPersonId']);
    const stale = await inject('PATCH', `/${created.id}`, { version: 7, notes: 'late' });
    expect(stale.statusCode).toBe(409);
    expect((await inject('PATCH', `/${created.id}`, { version: 1, occurredOn: 'soon' })).statusCode).toBe(
      400,
    );
    expect((await inject('GET', `/${created.id}`)).json()).toMatchObject({ version: 1, notes: '' });

    // Another workspace sees nothing of it.
    const elsewhere = await factory.workspace();
    const stranger = await factory.memberWithToken(elsewhere.id, 'coordinator');
    const strange = (method: Method, path: string, payload?: object) =>
      t.app.inject({
        method,
        url: `/api/v1/workspaces/${elsewhere.slug}/network/interactions${path}`,
        headers: stranger.headers,
        ...(payload ? { payload } : {}),
      });
    expect((await strange('GET', `/${created.id}`)).statusCode).toBe(404);
    expect((await strange('PATCH', `/${created.id}`, { version: 1, notes: 'x' })).statusCode).toBe(404);
    expect((await strange('DELETE', `/${created.id}?version=1`)).statusCode).toBe(404);
    expect((await strange('POST', `/${created.id}/next-step/done`)).statusCode).toBe(404);
    expect((await strange('GET', '')).json().total).toBe(0);
    expect((await inject('GET', `/${created.id}`)).json()).toMatchObject({
      version: 1,
      nextStepDoneAt: null,
    });

    const noStep = (await inject('POST', '', body())).json();
    const notDone = await inject('POST', `/${noStep.id}/next-step/done`);
    expect(notDone.statusCode).toBe(400);
  });

  it("lets a cluster manager write its cluster's interactions only, a viewer read, a member nothing", async () => {
    const manager = await factory.memberWithToken(workspaceId, 'cluster_manager', clusterId);
    const viewer = await factory.memberWithToken(workspaceId, 'viewer');
    const memberUser = await factory.memberWithToken(workspaceId, 'member', null, member.organisationId);

    const own = await inject('POST', '', body(), manager.headers);
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ clusterId, staffUserId: manager.user.id });
    expect((await inject('POST', '', body({ clusterId: otherClusterId }), manager.headers)).statusCode).toBe(
      403,
    );
    expect((await inject('POST', '', body({ clusterId: null }), manager.headers)).statusCode).toBe(403);

    const theirs = (await inject('POST', '', body({ clusterId: otherClusterId }))).json();
    expect(
      (await inject('PATCH', `/${theirs.id}`, { version: 1, notes: 'x' }, manager.headers)).statusCode,
    ).toBe(403);
    expect(
      (await inject('PATCH', `/${own.json().id}`, { version: 1, clusterId: otherClusterId }, manager.headers))
        .statusCode,
    ).toBe(403);
    expect((await inject('DELETE', `/${theirs.id}?version=1`, undefined, manager.headers)).statusCode).toBe(
      403,
    );

    // The owner of a next step marks it done, whatever the cluster.
    const task = (
      await inject(
        'POST',
        '',
        body({ clusterId: otherClusterId, nextStep: 'Visit', nextStepOwnerUserId: manager.user.id }),
      )
    ).json();
    expect((await inject('POST', `/${task.id}/next-step/done`, undefined, manager.headers)).statusCode).toBe(
      200,
    );

    expect((await inject('GET', '', undefined, viewer.headers)).json().total).toBe(3);
    expect((await inject('POST', '', body(), viewer.headers)).statusCode).toBe(403);
    expect((await inject('GET', '', undefined, memberUser.headers)).statusCode).toBe(403);
    expect((await inject('GET', `/${theirs.id}`, undefined, memberUser.headers)).statusCode).toBe(403);
  });
});
