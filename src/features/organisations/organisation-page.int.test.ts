import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { PlanningRows } from '../../../test/support/planning-rows.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { Role } from '../../domain/access/policy.ts';

const ROLES: Role[] = ['coordinator', 'cluster_manager', 'member', 'mentor', 'viewer'];

/**
 * The member page (issue 18): the activities an organisation took part in (the activities list
 * filtered by `organisationId`) and its history (`GET /organisations/{id}/history`).
 */
describe.each(testDialects())("a member organisation's page on %s", (kind) => {
  let t: TestApp;
  let factory: Factory;
  let planning: PlanningRows;
  let slug: string;
  let workspaceId: string;
  let clusterId: string;
  let coordinator: { headers: Record<string, string>; user: { name: string } };
  let organisationId: string;
  let foreign: { slug: string; organisationId: string; headers: Record<string, string> };
  const activityIds: Record<string, string> = {};
  let beaId: string;
  let personId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    planning = new PlanningRows(t.database.db);
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    clusterId = (await factory.cluster(workspaceId)).id;
    coordinator = await factory.memberWithToken(workspaceId, 'coordinator');
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${slug}/organisations`,
      headers: coordinator.headers,
      payload: { name: 'Orbita', clusterId, type: 'sme', country: 'ES' },
    });
    organisationId = created.json().id;
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${slug}/organisations/${organisationId}`,
      headers: coordinator.headers,
      payload: { version: 1, city: 'Madrid' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const person = await factory.person(workspaceId, organisationId, { name: 'Ada' });
    const other = await factory.organisation(workspaceId, clusterId, { name: 'Someone else' });
    // The organisation's people are in its history; another organisation's are not.
    const bea = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${slug}/people`,
      headers: coordinator.headers,
      payload: { name: 'Bea', organisationId },
    });
    expect(bea.statusCode, bea.body).toBe(201);
    beaId = bea.json().id;
    const beaEdited = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${slug}/people/${beaId}`,
      headers: coordinator.headers,
      payload: { version: 1, roleTitle: 'CTO' },
    });
    expect(beaEdited.statusCode, beaEdited.body).toBe(200);
    const stranger = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${slug}/people`,
      headers: coordinator.headers,
      payload: { name: 'Stranger', organisationId: other.id },
    });
    expect(stranger.statusCode, stranger.body).toBe(201);

    // Took part as an organisation; through one of its people; both; not at all.
    const asOrganisation = await planning.activityRow(workspaceId, {
      title: 'Fair',
      starts_on: '2026-05-01',
      ends_on: '2026-05-02',
    });
    await planning.participantRow(asOrganisation.id, { organisation_id: organisationId });
    const throughPerson = await planning.activityRow(workspaceId, {
      title: 'Visit',
      starts_on: '2026-02-01',
      ends_on: '2026-02-02',
    });
    personId = person.id;
    await planning.participantRow(throughPerson.id, { person_id: person.id, role: 'speaker' });
    const both = await planning.activityRow(workspaceId, {
      title: 'Forum',
      starts_on: '2026-03-01',
      ends_on: '2026-03-01',
    });
    await planning.participantRow(both.id, { organisation_id: organisationId });
    await planning.participantRow(both.id, {
      organisation_id: organisationId,
      person_id: person.id,
      attendance: 'present',
    });
    const without = await planning.activityRow(workspaceId, {
      title: 'Elsewhere',
      starts_on: '2026-01-01',
      ends_on: '2026-01-01',
    });
    await planning.participantRow(without.id, { organisation_id: other.id });
    Object.assign(activityIds, {
      asOrganisation: asOrganisation.id,
      throughPerson: throughPerson.id,
      both: both.id,
    });

    const otherWorkspace = await factory.workspace('Elsewhere');
    const otherCluster = await factory.cluster(otherWorkspace.id);
    const foreignOrganisation = await factory.organisation(otherWorkspace.id, otherCluster.id);
    const foreignActivity = await planning.activityRow(otherWorkspace.id, { title: 'Foreign' });
    await planning.participantRow(foreignActivity.id, { organisation_id: foreignOrganisation.id });
    foreign = {
      slug: otherWorkspace.slug,
      organisationId: foreignOrganisation.id,
      headers: (await factory.memberWithToken(otherWorkspace.id, 'coordinator')).headers,
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (path: string, headers: Record<string, string>, workspace = slug) =>
    t.app.inject({ method: 'GET', url: `/api/v1/workspaces/${workspace}${path}`, headers });

  it('lists the activities the organisation or its people took part in, each once, by start day', async () => {
    const res = await get(`/activities?organisationId=${organisationId}`, coordinator.headers);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      items: [{ title: 'Visit' }, { title: 'Forum' }, { title: 'Fair' }],
      total: 3,
      nextCursor: null,
    });
    const latestFirst = (
      await get(`/activities?organisationId=${organisationId}&sort=-startsOn&limit=2`, coordinator.headers)
    ).json();
    expect(latestFirst.items.map((a: { id: string }) => a.id)).toEqual([
      activityIds.asOrganisation,
      activityIds.both,
    ]);
  });

  it('lists nothing for an organisation of another workspace (never its activities)', async () => {
    const res = await get(`/activities?organisationId=${foreign.organisationId}`, coordinator.headers);
    expect(res.json()).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('shows the history of the organisation and of its people newest first, naming who changed what', async () => {
    const res = await get(`/organisations/${organisationId}/history`, coordinator.headers);
    expect(res.statusCode, res.body).toBe(200);
    const history = res.json();
    expect(history.nextCursor).toBeNull();
    expect(
      history.items.map((e: { entityType: string; action: string; entityName: string }) => [
        e.entityType,
        e.action,
        e.entityName,
      ]),
    ).toEqual([
      ['person', 'update', 'Bea'],
      ['person', 'create', 'Bea'],
      ['organisation', 'update', 'Orbita'],
      ['organisation', 'create', 'Orbita'],
    ]);
    expect(history.items[0]).toMatchObject({
      actor: coordinator.user.name,
      entityId: beaId,
      changes: { role_title: [null, 'CTO'] },
    });
    expect(history.items[2]).toMatchObject({
      action: 'update',
      actor: coordinator.user.name,
      entityId: organisationId,
      changes: { city: [null, 'Madrid'] },
    });
    expect(history.items[3].changes.name).toEqual([null, 'Orbita']);
    // The ids the changes hold are named: the cluster of the organisation, the organisation of Bea.
    expect(history.items[3].changes.cluster_id).toEqual([null, clusterId]);
    expect(history.references[clusterId]).toMatch(/·/);
    expect(history.references[organisationId]).toBe('Orbita');
  });

  it('pages through the history with the cursor, each event once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=3&cursor=${cursor}` : '?limit=3';
      const page = (
        await get(`/organisations/${organisationId}/history${query}`, coordinator.headers)
      ).json();
      seen.push(...page.items.map((e: { id: string }) => e.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(2);
    const all = (await get(`/organisations/${organisationId}/history`, coordinator.headers)).json();
    expect(seen).toEqual(all.items.map((e: { id: string }) => e.id));
  });

  it('lists the activities with how the organisation took part, latest first, with their market', async () => {
    const res = await get(`/organisations/${organisationId}/activities`, coordinator.headers);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json();
    expect(list.total).toBe(3);
    expect(list.nextCursor).toBeNull();
    expect(list.items.map((a: { title: string }) => a.title)).toEqual(['Fair', 'Forum', 'Visit']);
    const [fair, forum, visit] = list.items;
    expect(fair.participation).toEqual([
      {
        id: expect.any(String),
        personId: null,
        personName: null,
        role: 'participant',
        attendance: 'expected',
      },
    ]);
    expect(forum.participation.map((p: { personName: string | null }) => p.personName)).toEqual([
      null,
      'Ada',
    ]);
    expect(forum.participation[1]).toMatchObject({ personId, attendance: 'present' });
    expect(visit.participation).toEqual([
      { id: expect.any(String), personId, personName: 'Ada', role: 'speaker', attendance: 'expected' },
    ]);
    expect(fair).toMatchObject({ status: 'planned', startsOn: '2026-05-01', marketName: null });
  });

  it('pages through the activities and filters them by status', async () => {
    const first = (
      await get(`/organisations/${organisationId}/activities?limit=2`, coordinator.headers)
    ).json();
    expect(first.items.map((a: { title: string }) => a.title)).toEqual(['Fair', 'Forum']);
    expect(first.total).toBe(3);
    const second = (
      await get(
        `/organisations/${organisationId}/activities?limit=2&cursor=${first.nextCursor}`,
        coordinator.headers,
      )
    ).json();
    expect(second).toMatchObject({ items: [{ title: 'Visit' }], nextCursor: null, total: 3 });
    const byTitle = (
      await get(`/organisations/${organisationId}/activities?sort=title`, coordinator.headers)
    ).json();
    expect(byTitle.items.map((a: { title: string }) => a.title)).toEqual(['Fair', 'Forum', 'Visit']);
    const done = (
      await get(`/organisations/${organisationId}/activities?status=done`, coordinator.headers)
    ).json();
    expect(done).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it.each(ROLES)('lets a %s read the activities and the history', async (role) => {
    const { headers } = await factory.memberWithToken(
      workspaceId,
      role,
      role === 'cluster_manager' ? clusterId : null,
      role === 'member' ? organisationId : null,
    );
    expect((await get(`/activities?organisationId=${organisationId}`, headers)).json().total).toBe(3);
    const activities = await get(`/organisations/${organisationId}/activities`, headers);
    expect(activities.statusCode).toBe(200);
    expect(activities.json().total).toBe(3);
    const history = await get(`/organisations/${organisationId}/history`, headers);
    expect(history.statusCode).toBe(200);
    expect(history.json().items).toHaveLength(4);
  });

  it.each(['history', 'activities'])(
    "answers 404 for another workspace's organisation on its %s, from either workspace's address",
    async (part) => {
      expect(
        (await get(`/organisations/${foreign.organisationId}/${part}`, coordinator.headers)).statusCode,
      ).toBe(404);
      expect(
        (await get(`/organisations/${organisationId}/${part}`, coordinator.headers, foreign.slug)).statusCode,
      ).toBe(404);
      expect(
        (await get(`/organisations/${organisationId}/${part}`, foreign.headers, foreign.slug)).statusCode,
      ).toBe(404);
      expect((await get(`/organisations/no-such-organisation/${part}`, coordinator.headers)).statusCode).toBe(
        404,
      );
    },
  );

  it.each(['history', 'activities'])('answers 401 for the %s without credentials', async (part) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${slug}/organisations/${organisationId}/${part}`,
    });
    expect(res.statusCode).toBe(401);
  });

  it.each([
    ['a limit of 0', '?limit=0', 'query.limit'],
    ['a limit of 201', '?limit=201', 'query.limit'],
    ['a cursor longer than 100 characters', `?cursor=${'c'.repeat(101)}`, 'query.cursor'],
  ])('answers 400 naming the field for a history with %s', async (_label, query, field) => {
    const res = await get(`/organisations/${organisationId}/history${query}`, coordinator.headers);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe(field);
  });

  it.each([
    ['a limit of 0', '?limit=0', 'query.limit'],
    ['a limit of 201', '?limit=201', 'query.limit'],
    ['an unknown sort', '?sort=budget', 'query.sort'],
    ['an unknown status', '?status=maybe', 'query.status'],
    ['a cursor that is not one', '?cursor=not-a-cursor!', 'query.cursor'],
    ['an organisation id longer than 100 characters', '', 'params.id', 'x'.repeat(101)],
  ])(
    'answers 400 naming the field for the activities with %s',
    async (_label, query, field, id = organisationId) => {
      const res = await get(`/organisations/${id}/activities${query}`, coordinator.headers);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
    },
  );

  it('answers 400 when a cursor of one order is sent with another', async () => {
    const first = (
      await get(`/organisations/${organisationId}/activities?limit=1`, coordinator.headers)
    ).json();
    const res = await get(
      `/organisations/${organisationId}/activities?limit=1&sort=title&cursor=${first.nextCursor}`,
      coordinator.headers,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('query.cursor');
  });

  it('answers 400 for an organisation id longer than 100 characters in the activities filter', async () => {
    const res = await get(`/activities?organisationId=${'x'.repeat(101)}`, coordinator.headers);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('query.organisationId');
  });
});
