import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { InteractionRows } from '../../../test/support/interactions-factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

type Headers = Record<string, string>;

/**
 * The interaction KPI rules against a fixture counted by hand (decision 0026 "KPI attribution").
 *
 * | #  | organisation | kind            | day        | activity                 |
 * |----|--------------|-----------------|------------|--------------------------|
 * | 1  | A            | meeting         | 2026-03-02 | R (roadshow)             |
 * | 2  | A            | call            | 2026-03-03 | R                        |
 * | 3  | B            | event_encounter | 2026-03-03 | R                        |
 * | 4  | B            | visit           | 2026-02-20 | —                        |
 * | 5  | C            | email           | 2026-04-11 | F (trade fair)           |
 * | 6  | A            | event_encounter | 2026-04-11 | F                        |
 * | 7  | D            | introduction    | 2026-04-12 | F                        |
 * | 8  | D            | meeting         | 2026-04-12 | R  (same day as 7, later)|
 * | 9  | C            | meeting         | 2026-05-01 | S (study visit)          |
 * | 10 | A            | visit           | 2026-05-02 | S                        |
 * | 11 | C            | call            | 2026-05-03 | S                        |
 * | 12 | B            | meeting         | 2026-06-01 | X (ambassador exchange)  |
 * | 13 | E            | meeting         | 2026-06-10 | L (soft landing)         |
 *
 * Meetings of R: #1, #3, #8 = 3 (#2 is a call). New contacts (first interaction per organisation):
 * A #1 → R; B #4 → no activity; C #5 → F; D #7 → F (id before #8); E #13 → L. So R 1, F 2, L 1.
 * Contacts mapped at S: C and A = 2 (C twice). Contacts made at X: B = 1.
 */
describe.each(testDialects())('interaction KPIs on %s (hand-counted fixture)', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let rows: InteractionRows;
  let slug: string;
  let workspaceId: string;
  let headers: Headers;
  const activities: Record<'R' | 'F' | 'S' | 'X' | 'L', string> = { R: '', F: '', S: '', X: '', L: '' };
  const organisations: Record<'A' | 'B' | 'C' | 'D' | 'E', string> = { A: '', B: '', C: '', D: '', E: '' };

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: object) =>
    t.app.inject({
      method,
      url: `/api/v1/workspaces/${slug}${path}`,
      headers,
      ...(payload ? { payload } : {}),
    });
  const actual = async (activity: keyof typeof activities, kpiKey: string) => {
    const res = await api('GET', `/activities/${activities[activity]}/kpis`);
    expect(res.statusCode, res.body).toBe(200);
    const item = res.json().items.find((i: { kpiKey: string }) => i.kpiKey === kpiKey);
    expect(item, `${activity} has ${kpiKey}`).toBeDefined();
    expect(item.source).toBe('derived');
    return item.actual;
  };
  const instrumentId = async (key: string) =>
    (
      await t.database.db
        .selectFrom('instrument')
        .select('id')
        .where('key', '=', key)
        .where('workspace_id', 'is', null)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    rows = new InteractionRows(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    headers = (await factory.memberWithToken(workspaceId, 'coordinator')).headers;
    const instruments = {
      R: 'roadshows',
      F: 'trade-fairs',
      S: 'study-visits',
      X: 'ambassador-staff-exchange',
      L: 'soft-landing',
    } as const;
    for (const [name, instrument] of Object.entries(instruments)) {
      activities[name as keyof typeof activities] = (
        await factory.activity(workspaceId, null, { instrument, title: `Activity ${name}` })
      ).id;
    }
    for (const name of Object.keys(organisations)) {
      organisations[name as keyof typeof organisations] = (
        await rows.networkOrganisation(workspaceId, { name: `Organisation ${name}` })
      ).id;
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const fixture: [keyof typeof organisations, string, string, keyof typeof activities | null][] = [
    ['A', 'meeting', '2026-03-02', 'R'],
    ['A', 'call', '2026-03-03', 'R'],
    ['B', 'event_encounter', '2026-03-03', 'R'],
    ['B', 'visit', '2026-02-20', null],
    ['C', 'email', '2026-04-11', 'F'],
    ['A', 'event_encounter', '2026-04-11', 'F'],
    ['D', 'introduction', '2026-04-12', 'F'],
    ['D', 'meeting', '2026-04-12', 'R'],
    ['C', 'meeting', '2026-05-01', 'S'],
    ['A', 'visit', '2026-05-02', 'S'],
    ['C', 'call', '2026-05-03', 'S'],
    ['B', 'meeting', '2026-06-01', 'X'],
    ['E', 'meeting', '2026-06-10', 'L'],
  ];

  const record = async () => {
    const created: { id: string; version: number }[] = [];
    for (const [organisation, kindOf, day, activity] of fixture) {
      const res = await api('POST', '/network/interactions', {
        kind: kindOf,
        occurredOn: day,
        networkOrganisationId: organisations[organisation],
        activityId: activity ? activities[activity] : null,
      });
      expect(res.statusCode, res.body).toBe(201);
      created.push(res.json());
    }
    return created;
  };

  it('counts meetings, contacts met and new contacts as counted by hand, and drills down to them', async () => {
    const created = await record();
    expect(await actual('R', 'meetings')).toBe(3);
    expect(await actual('R', 'new_contacts')).toBe(1);
    expect(await actual('F', 'new_contacts')).toBe(2);
    expect(await actual('S', 'contacts_mapped')).toBe(2);
    expect(await actual('X', 'contacts_made')).toBe(1);
    expect(await actual('L', 'new_contacts_for_new_partners')).toBe(1);

    // The drill-down of the trade fairs' new contacts: C's and D's first interactions.
    const fairs = await instrumentId('trade-fairs');
    const records = await api('GET', `/kpis/records?kpiKey=new_contacts&instrumentId=${fairs}`);
    expect(records.statusCode, records.body).toBe(200);
    const drill = records.json();
    expect(drill.total).toBe(2);
    expect(drill.records.map((r: { id: string }) => r.id).sort()).toEqual(
      [created[4]?.id, created[6]?.id].sort(),
    );
    expect(drill.records[0]).toMatchObject({ type: 'interaction', activityTitle: 'Activity F', value: 1 });
    expect(drill.records.map((r: { description: string }) => r.description).sort()).toEqual([
      'E-mail with Organisation C (JP), first interaction',
      'Introduction with Organisation D (JP), first interaction',
    ]);
    const meetings = await api(
      'GET',
      `/kpis/records?kpiKey=meetings&instrumentId=${await instrumentId('roadshows')}`,
    );
    expect(meetings.json().total).toBe(3);
    const mapped = await api(
      'GET',
      `/kpis/records?kpiKey=contacts_mapped&instrumentId=${await instrumentId('study-visits')}`,
    );
    expect(mapped.json().total).toBe(2);
    expect(
      mapped
        .json()
        .records.map((r: { id: string }) => r.id)
        .sort(),
    ).toEqual([created[8]?.id, created[9]?.id].sort());
  });

  it('moves a new contact to the activity of the organisation’s first interaction when interactions change', async () => {
    const created = await record();
    const [first, second, , visit] = created as [
      { id: string; version: number },
      { id: string; version: number },
      unknown,
      { id: string; version: number },
    ];
    // B's visit without an activity moves after its encounter at R: B becomes a new contact of R.
    const moved = await api('PATCH', `/network/interactions/${visit.id}`, {
      version: visit.version,
      occurredOn: '2026-03-10',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await actual('R', 'new_contacts')).toBe(2);
    // A's first meeting goes: A's first is now its call at R, still R; one meeting fewer.
    expect(
      (await api('DELETE', `/network/interactions/${first.id}?version=${first.version}`)).statusCode,
    ).toBe(204);
    expect(await actual('R', 'new_contacts')).toBe(2);
    expect(await actual('R', 'meetings')).toBe(2);
    // A's call loses its activity: A's first interaction is at no activity, so A counts nowhere.
    const detached = await api('PATCH', `/network/interactions/${second.id}`, {
      version: second.version,
      activityId: null,
    });
    expect(detached.statusCode, detached.body).toBe(200);
    expect(await actual('R', 'new_contacts')).toBe(1);
    expect(await actual('F', 'new_contacts')).toBe(2);
    // C's e-mail at the fair moves to organisation E: E's first is now at F, not L; C's first at S.
    const email = created[4] as { id: string; version: number };
    await api('PATCH', `/network/interactions/${email.id}`, {
      version: email.version,
      networkOrganisationId: organisations.E,
    });
    expect(await actual('F', 'new_contacts')).toBe(2);
    expect(await actual('L', 'new_contacts_for_new_partners')).toBe(0);
    expect(await actual('S', 'contacts_mapped')).toBe(2);
  });

  it('no longer accepts hand-entered values for the derived KPIs', async () => {
    const res = await api('POST', '/kpi-entries', {
      activityId: activities.F,
      kpiKey: 'new_contacts',
      value: 12,
      recordedOn: '2026-04-12',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.kpiKey']);
    const count = await t.database.db
      .selectFrom('kpi_entry')
      .where('workspace_id', '=', workspaceId)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});
