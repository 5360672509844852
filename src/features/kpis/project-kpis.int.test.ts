import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { ProjectRows } from '../../../test/support/projects-factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

/**
 * The project KPI rules (issue 21 item 6) against a fixture counted by hand, written through the
 * projects API: each activity's stored value and the drill-down's records must both match.
 */

type Headers = Record<string, string>;
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

describe.each(testDialects())('project KPIs on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let rows: ProjectRows;
  let slug: string;
  let workspaceId: string;
  let headers: Headers;

  const call = async (method: Method, path: string, payload?: object) => {
    const res = await t.app.inject({
      method,
      url: `/api/v1/workspaces/${slug}${path}`,
      headers,
      ...(payload ? { payload } : {}),
    });
    expect(res.statusCode, `${method} ${path}: ${res.body}`).toBeLessThan(300);
    return res.statusCode === 204 ? null : res.json();
  };
  /** The activity's derived value of a KPI, as its KPI page shows it. */
  const actual = async (activityId: string, kpiKey: string) => {
    const items: { kpiKey: string; actual: number; source: string; rule: string | null }[] = (
      await call('GET', `/activities/${activityId}/kpis`)
    ).items;
    const item = items.find((i) => i.kpiKey === kpiKey);
    expect(item?.source, `${kpiKey} is derived`).toBe('derived');
    return item?.actual;
  };
  /** The drill-down of one activity's KPI: its total and its records' descriptions. */
  const drill = async (activityId: string, kpiKey: string) => {
    const { instrument_id } = await t.database.db
      .selectFrom('activity')
      .select('instrument_id')
      .where('id', '=', activityId)
      .executeTakeFirstOrThrow();
    const body = await call(
      'GET',
      `/kpis/records?kpiKey=${kpiKey}&instrumentId=${instrument_id}&groupBy=activity&groupKey=${activityId}&limit=500`,
    );
    return {
      total: body.total as number,
      records: (body.records as { type: string; description: string; activityId: string }[]).map((r) => {
        expect(r.activityId).toBe(activityId);
        return `${r.type}: ${r.description}`;
      }),
    };
  };
  const project = (payload: object) => call('POST', '/network/projects', payload);

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    rows = new ProjectRows(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    headers = (await factory.memberWithToken(workspaceId, 'coordinator')).headers;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('counts completed, supported, opened, labelled, internationally funded projects and partners as counted by hand', async () => {
    const activity = (instrument: string, title: string) =>
      factory.activity(workspaceId, null, {
        instrument,
        title,
        starts_on: '2027-03-01',
        ends_on: '2027-03-02',
      });
    const mentoring = await activity('mentoring-follow-up', 'Mentoring Osaka');
    const ambassador = await activity('ambassador-staff-exchange', 'Ambassador Seoul');
    const softLanding = await activity('soft-landing', 'Soft landing Toulouse');
    const sustain = await activity('sustaining-the-networks', 'Network days');
    const sustain2 = await activity('sustaining-the-networks', 'Network days II');
    const cluster = await factory.cluster(workspaceId);
    const member = await factory.organisation(workspaceId, cluster.id);
    const net = async (name: string) =>
      (await rows.networkOrganisation(workspaceId, { name, country: 'KR' })).id;
    const [netA, netB, netC, netD] = [
      await net('Alpha'),
      await net('Beta'),
      await net('Gamma'),
      await net('Delta'),
    ];

    // Mentoring: 2 completed (a running and a rejected one do not count).
    for (const status of ['completed', 'running', 'completed', 'rejected']) {
      await project({ title: `Mentoring ${status}`, status, activityId: mentoring.id });
    }
    // Ambassadors: supported = proposal, funded, completed (3); opened = all but the rejected (4).
    for (const status of ['idea', 'proposal', 'funded', 'rejected', 'completed']) {
      await project({ title: `Ambassador ${status}`, status, activityId: ambassador.id });
    }
    // Soft landing: labelled = the running and the idea with a label (2); rejected and unlabelled do not count.
    for (const [status, commonLabel] of [
      ['running', true],
      ['rejected', true],
      ['running', false],
      ['idea', true],
    ] as const) {
      await project({
        title: `Landing ${status} ${commonLabel}`,
        status,
        commonLabel,
        activityId: softLanding.id,
      });
    }
    // Sustaining the networks.
    const n1 = await project({
      title: 'N1',
      status: 'completed',
      commonLabel: true,
      internationalFunding: true,
      activityId: sustain.id,
      partners: [
        { networkOrganisationId: netA, role: 'coordinator' },
        { networkOrganisationId: netB, role: 'partner' },
        { organisationId: member.id, role: 'partner' },
        { clusterId: cluster.id, role: 'associated' },
      ],
    });
    const n2 = await project({
      title: 'N2',
      status: 'running',
      internationalFunding: true,
      activityId: sustain.id,
      partners: [
        { networkOrganisationId: netA, role: 'partner' },
        { networkOrganisationId: netC, role: 'partner' },
      ],
    });
    const n3 = await project({
      title: 'N3',
      status: 'rejected',
      commonLabel: true,
      internationalFunding: true,
      activityId: sustain.id,
      partners: [{ networkOrganisationId: netD, role: 'partner' }],
    });
    const n4 = await project({ title: 'N4', status: 'idea', commonLabel: true, activityId: sustain.id });
    await project({
      title: 'N5',
      status: 'funded',
      activityId: sustain2.id,
      partners: [{ networkOrganisationId: netA, role: 'partner' }],
    });
    // Without an activity: counts for none.
    await project({
      title: 'Loose',
      status: 'completed',
      commonLabel: true,
      internationalFunding: true,
      partners: [{ networkOrganisationId: netB, role: 'partner' }],
    });

    const expected: [string, string, number][] = [
      [mentoring.id, 'common_projects_completed', 2],
      [ambassador.id, 'common_projects_supported', 3],
      [ambassador.id, 'new_opportunities_discovered', 4],
      [softLanding.id, 'collaborative_projects_labelled', 2],
      [sustain.id, 'collaborative_projects_completed', 1],
      [sustain.id, 'collaborative_projects_common_label', 2],
      [sustain.id, 'international_partners_in_common_projects', 3],
      [sustain.id, 'projects_with_international_funding', 2],
      [sustain2.id, 'international_partners_in_common_projects', 1],
      [sustain2.id, 'collaborative_projects_completed', 0],
    ];
    for (const [activityId, kpiKey, value] of expected) {
      expect(await actual(activityId, kpiKey), kpiKey).toBe(value);
      expect((await drill(activityId, kpiKey)).total, `${kpiKey} drill-down`).toBe(value);
      expect((await drill(activityId, kpiKey)).records).toHaveLength(value);
    }
    expect((await drill(mentoring.id, 'common_projects_completed')).records).toEqual([
      'project: Mentoring completed (Completed)',
      'project: Mentoring completed (Completed)',
    ]);
    expect((await drill(sustain.id, 'international_partners_in_common_projects')).records.sort()).toEqual([
      'project_partner: Alpha (KR), partner of 2 projects',
      'project_partner: Beta (KR), partner of 1 project',
      'project_partner: Gamma (KR), partner of 1 project',
    ]);
    // The workspace roll-up sums the activities: Alpha counts once at each of the two activities.
    const rollup = await call('GET', '/kpis/rollup?groupBy=workspace');
    const partnersKpi = rollup.groups[0].kpis.find(
      (k: { kpiKey: string }) => k.kpiKey === 'international_partners_in_common_projects',
    );
    expect(partnersKpi.actual).toBe(4);

    // Changes follow: the rejected N3 is proposed again, a partner leaves N2, N4 moves to the
    // other activity, N1 is deleted.
    await call('PATCH', `/network/projects/${n3.id}`, { version: n3.version, status: 'proposal' });
    expect(await actual(sustain.id, 'international_partners_in_common_projects')).toBe(4);
    expect(await actual(sustain.id, 'collaborative_projects_common_label')).toBe(3);
    expect(await actual(sustain.id, 'projects_with_international_funding')).toBe(3);
    const gamma = n2.partners.find((p: { refId: string }) => p.refId === netC);
    await call('DELETE', `/network/projects/${n2.id}/partners/${gamma.id}`);
    expect(await actual(sustain.id, 'international_partners_in_common_projects')).toBe(3);
    await call('PATCH', `/network/projects/${n4.id}`, { version: n4.version, activityId: sustain2.id });
    expect(await actual(sustain.id, 'collaborative_projects_common_label')).toBe(2);
    expect(await actual(sustain2.id, 'collaborative_projects_common_label')).toBe(1);
    await call('POST', `/network/projects/${n4.id}/partners`, {
      networkOrganisationId: netD,
      role: 'partner',
    });
    expect(await actual(sustain2.id, 'international_partners_in_common_projects')).toBe(2);
    const current = await call('GET', `/network/projects/${n1.id}`);
    await call('DELETE', `/network/projects/${n1.id}?version=${current.version}`);
    expect(await actual(sustain.id, 'collaborative_projects_completed')).toBe(0);
    expect(await actual(sustain.id, 'international_partners_in_common_projects')).toBe(2);
    expect((await drill(sustain.id, 'international_partners_in_common_projects')).total).toBe(2);
  });

  it('pages the partners drill-down in id order without repeating a record', async () => {
    const sustain = await factory.activity(workspaceId, null, { instrument: 'sustaining-the-networks' });
    const partners = [];
    for (let i = 0; i < 7; i++) {
      partners.push({
        networkOrganisationId: (await rows.networkOrganisation(workspaceId)).id,
        role: 'partner',
      });
    }
    await call('POST', '/network/projects', {
      title: 'Big',
      status: 'running',
      activityId: sustain.id,
      partners,
    });
    await call('POST', '/network/projects', {
      title: 'Small',
      status: 'running',
      activityId: sustain.id,
      partners: partners.slice(0, 3),
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { total: number; records: { id: string }[]; nextCursor: string | null } = await call(
        'GET',
        `/kpis/records?kpiKey=international_partners_in_common_projects&instrumentId=${sustain.instrument_id}&groupBy=activity&groupKey=${sustain.id}&limit=3${
          cursor ? `&cursor=${cursor}` : ''
        }`,
      );
      expect(page.total).toBe(7);
      seen.push(...page.records.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect([...seen].sort()).toEqual(seen);
  });
});
