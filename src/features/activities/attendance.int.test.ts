import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { PlanningRows } from '../../../test/support/planning-rows.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

type Headers = Record<string, string>;
type Attendance = 'expected' | 'present' | 'absent';

describe.each(testDialects())('attendance of participants on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let planning: PlanningRows;
  let slug: string;
  let workspaceId: string;
  let clusterId: string;
  let coordinator: { headers: Headers };

  const url = (activityId: string, path = '') => `/api/v1/workspaces/${slug}/activities/${activityId}${path}`;
  const mark = (
    activityId: string,
    participantId: string,
    attendance: unknown,
    headers = coordinator.headers,
  ) =>
    t.app.inject({
      method: 'PATCH',
      url: url(activityId, `/participants/${participantId}`),
      headers,
      payload: { attendance },
    });
  const addOrganisation = async (activityId: string, organisationId: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: url(activityId, '/participants'),
      headers: coordinator.headers,
      payload: { organisationId, role: 'participant' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  /** The stored derived values of an activity, by KPI key. */
  const actuals = async (activityId: string) =>
    Object.fromEntries(
      (
        await t.database.db
          .selectFrom('kpi_actual')
          .select(['kpi_key', 'value'])
          .where('activity_id', '=', activityId)
          .execute()
      ).map((row) => [row.kpi_key, row.value]),
    );
  const attendanceOf = async (activityId: string) =>
    (
      await t.database.db
        .selectFrom('activity_participant')
        .select('attendance')
        .where('activity_id', '=', activityId)
        .orderBy('id')
        .execute()
    ).map((row) => row.attendance);

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    planning = new PlanningRows(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    clusterId = (await factory.cluster(workspaceId)).id;
    coordinator = await factory.memberWithToken(workspaceId, 'coordinator');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('recounts the participants present with every mark, addition and removal', async () => {
    // An innovation club: its "Number of participants" is derived from attendance too.
    const club = await planning.activityRow(workspaceId, {
      instrumentKey: 'innovation-clubs',
      cluster_id: clusterId,
    });
    const organisations: string[] = [];
    for (let i = 0; i < 5; i++) organisations.push((await factory.organisation(workspaceId, clusterId)).id);
    const [a, b, c, d, e] = organisations as [string, string, string, string, string];
    const participantOf = new Map<string, string>();
    for (const organisation of [a, b, c, d])
      participantOf.set(organisation, await addOrganisation(club.id, organisation));
    const of = (organisation: string) => participantOf.get(organisation) as string;
    expect(await actuals(club.id)).toMatchObject({ present_participants: 0, participants: 0 });

    const steps: [string, Attendance, number][] = [
      [of(a), 'present', 1],
      [of(b), 'present', 2],
      [of(c), 'absent', 2],
      [of(d), 'present', 3],
      [of(b), 'expected', 2],
      [of(c), 'present', 3],
    ];
    for (const [participant, attendance, present] of steps) {
      const res = await mark(club.id, participant, attendance);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ id: participant, attendance });
      expect(await actuals(club.id), `${attendance} → ${present}`).toMatchObject({
        present_participants: present,
        participants: present,
      });
    }
    expect(await attendanceOf(club.id)).toEqual(['present', 'expected', 'present', 'present']);

    // Removing a present participant takes it out of the count; a new one is expected.
    const removed = await t.app.inject({
      method: 'DELETE',
      url: url(club.id, `/participants/${of(d)}`),
      headers: coordinator.headers,
    });
    expect(removed.statusCode).toBe(204);
    expect(await actuals(club.id)).toMatchObject({ present_participants: 2 });
    await addOrganisation(club.id, e);
    expect(await actuals(club.id)).toMatchObject({ present_participants: 2 });

    // The activity page and its KPI panel say the same.
    const detail = (
      await t.app.inject({ method: 'GET', url: url(club.id), headers: coordinator.headers })
    ).json();
    expect(detail.participants.map((p: { attendance: Attendance }) => p.attendance)).toEqual([
      'present',
      'expected',
      'present',
      'expected',
    ]);
    const kpis = (
      await t.app.inject({ method: 'GET', url: url(club.id, '/kpis'), headers: coordinator.headers })
    ).json();
    const actualOf = (key: string) => kpis.items.find((i: { kpiKey: string }) => i.kpiKey === key).actual;
    expect(actualOf('present_participants')).toBe(2);
    expect(actualOf('participants')).toBe(2);
  });

  it('counts member organisations present once, whether their people or they themselves came', async () => {
    const survey = await planning.activityRow(workspaceId, {
      instrumentKey: 'validation-surveys',
      cluster_id: clusterId,
    });
    const orbitech = await factory.organisation(workspaceId, clusterId);
    const kestrel = await factory.organisation(workspaceId, clusterId);
    const ada = await factory.person(workspaceId, orbitech.id);
    const grace = await factory.person(workspaceId, null);
    const add = async (payload: object) =>
      (
        await t.app.inject({
          method: 'POST',
          url: url(survey.id, '/participants'),
          headers: coordinator.headers,
          payload: { ...payload, role: 'participant' },
        })
      ).json().id as string;
    const marks: [string, Attendance][] = [
      [await add({ organisationId: orbitech.id }), 'present'],
      [await add({ personId: ada.id }), 'present'],
      [await add({ organisationId: kestrel.id }), 'absent'],
      [await add({ personId: grace.id }), 'present'],
    ];
    for (const [participant, attendance] of marks) {
      expect((await mark(survey.id, participant, attendance)).statusCode).toBe(200);
    }
    // Present: Orbitech, Ada (of Orbitech), Grace (of no organisation) → 3 people. Members
    // participating in a validation survey are its respondents since issue 23, not its attendance.
    expect(await actuals(survey.id)).toMatchObject({ present_participants: 3 });
    expect(Number((await actuals(survey.id)).members_participating ?? 0)).toBe(0);
  });

  it('audits a change of attendance, and nothing when it stays the same', async () => {
    const activity = await planning.activityRow(workspaceId, { cluster_id: clusterId });
    const participant = await addOrganisation(
      activity.id,
      (await factory.organisation(workspaceId, clusterId)).id,
    );
    await mark(activity.id, participant, 'present');
    await mark(activity.id, participant, 'present');
    const audit = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${slug}/audit`,
        headers: coordinator.headers,
      })
    ).json().items;
    expect(audit.map((e: { action: string; entityType: string }) => `${e.action} ${e.entityType}`)).toEqual([
      'update activity_participant',
      'create activity_participant',
    ]);
    expect(audit[0]).toMatchObject({
      entityId: participant,
      changes: { attendance: ['expected', 'present'] },
    });
  });

  it('refuses a wrong attendance (400 naming the field) and unknown or foreign ids (404), changing nothing', async () => {
    const activity = await planning.activityRow(workspaceId, { cluster_id: clusterId });
    const participant = await addOrganisation(
      activity.id,
      (await factory.organisation(workspaceId, clusterId)).id,
    );
    for (const payload of [
      { attendance: 'late' },
      {},
      { attendance: 'present', role: 'host' },
      { attendance: 1 },
    ]) {
      const res = await t.app.inject({
        method: 'PATCH',
        url: url(activity.id, `/participants/${participant}`),
        headers: coordinator.headers,
        payload,
      });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)[0]).toMatch(/^body/);
    }
    expect((await mark(activity.id, 'no-such-participant', 'present')).statusCode).toBe(404);
    const another = await planning.activityRow(workspaceId, { cluster_id: clusterId });
    expect((await mark(another.id, participant, 'present')).statusCode).toBe(404);
    const other = await factory.workspace('Elsewhere');
    const theirs = await planning.activityRow(other.id);
    expect((await mark(theirs.id, participant, 'present')).statusCode).toBe(404);
    expect(await attendanceOf(activity.id)).toEqual(['expected']);
  });

  it("lets a cluster manager mark its own cluster's activities only", async () => {
    const activity = await planning.activityRow(workspaceId, { cluster_id: clusterId });
    const participant = await addOrganisation(
      activity.id,
      (await factory.organisation(workspaceId, clusterId)).id,
    );
    const stranger = await factory.memberWithToken(
      workspaceId,
      'cluster_manager',
      (await factory.cluster(workspaceId)).id,
    );
    const viewer = await factory.memberWithToken(workspaceId, 'viewer');
    expect((await mark(activity.id, participant, 'present', stranger.headers)).statusCode).toBe(403);
    expect((await mark(activity.id, participant, 'present', viewer.headers)).statusCode).toBe(403);
    expect(await attendanceOf(activity.id)).toEqual(['expected']);
    const manager = await factory.memberWithToken(workspaceId, 'cluster_manager', clusterId);
    expect((await mark(activity.id, participant, 'absent', manager.headers)).statusCode).toBe(200);
    expect(await attendanceOf(activity.id)).toEqual(['absent']);
  });
});
