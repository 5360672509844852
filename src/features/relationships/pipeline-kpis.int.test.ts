import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { PipelineRows } from '../../../test/support/pipeline-factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

/**
 * The pipeline's KPI rules (docs/kpis.md, decision 0026) against a fixture counted by hand,
 * written through the API: the stored value, the drill-down's total and its records agree.
 *
 * R1: mapped at SV → potential partner at SV → partner at TF1 → partner again at TF2 → collaborating
 *     at IC → collaborating again at MF, twice.
 * R2: met (no activity) → partner at TF2 → dormant at TF1 → partner again at TF1.
 * R3: began at partner at TF1.
 * R4: mapped at SV → common project at MF (a jump).
 * R5: mapped → potential partner at SV.
 *
 * By hand: SV potential partners 2 (R1, R5; R4 reached it at MF); TF1 new partners 2 (R1, R3; R2's
 * return no more); TF2 new partners 1 (R2; R1's confirmation no more); IC new collaborations 1 (R1);
 * MF collaborations sustained 2 (R1 once despite two confirmations, R4).
 */
describe.each(testDialects())('pipeline KPI rules on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let rows: PipelineRows;
  let slug: string;
  let workspaceId: string;
  let clusterId: string;
  let headers: Record<string, string>;

  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: object) => {
    const res = await t.app.inject({
      method,
      url: `/api/v1/workspaces/${slug}${path}`,
      headers,
      ...(payload ? { payload } : {}),
    });
    expect(res.statusCode, `${method} ${path}: ${res.body}`).toBeLessThan(300);
    return res.statusCode === 204 ? null : res.json();
  };
  const stored = async (activityId: string, kpiKey: string) => {
    const row = await t.database.db
      .selectFrom('kpi_actual')
      .select('value')
      .where('activity_id', '=', activityId)
      .where('kpi_key', '=', kpiKey)
      .executeTakeFirst();
    return row ? Number(row.value) : 0;
  };
  const instrumentOf = new Map<string, string>();
  const records = (activityId: string, kpiKey: string) =>
    call(
      'GET',
      `/kpis/records?kpiKey=${kpiKey}&instrumentId=${instrumentOf.get(activityId)}&groupBy=activity&groupKey=${activityId}`,
    );

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    rows = new PipelineRows(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    clusterId = (await factory.cluster(workspaceId, { short_name: 'ORB' })).id;
    headers = (await factory.memberWithToken(workspaceId, 'coordinator')).headers;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('counts each relationship once per KPI, at the activity where it first reached the stage', async () => {
    const activity = async (instrument: string, title: string) => {
      const row = await factory.activity(workspaceId, null, { instrument, title });
      instrumentOf.set(row.id, row.instrument_id);
      return row.id;
    };
    const sv = await activity('study-visits', 'Study visit Tokyo');
    const tf1 = await activity('trade-fairs', 'Space Tech Expo');
    const tf2 = await activity('trade-fairs', 'Farnborough');
    const ic = await activity('innovation-clubs', 'Innovation club');
    const mf = await activity('mentoring-follow-up', 'Mentoring');
    const org = async (name: string) => (await rows.networkOrganisation(workspaceId, { name })).id;

    const begin = (name: string, extra: object) =>
      org(name).then((id) =>
        call('POST', '/network/relationships', {
          ourClusterId: clusterId,
          networkOrganisationId: id,
          ...extra,
        }),
      );
    const versions = new Map<string, number>();
    const move = async (
      id: string,
      stage: string,
      changedOn: string,
      activityId: string | null,
      reason?: string,
    ) => {
      const moved = await call('POST', `/network/relationships/${id}/stage`, {
        version: versions.get(id) ?? 1,
        stage,
        changedOn,
        activityId,
        ...(reason ? { reason } : {}),
      });
      versions.set(id, moved.version);
      return moved;
    };

    const r1 = await begin('Alpha KK', { startedOn: '2026-01-01', activityId: sv });
    await move(r1.id, 'potential_partner', '2026-01-10', sv);
    await move(r1.id, 'partner', '2026-02-01', tf1);
    await move(r1.id, 'partner', '2026-02-05', tf2);
    await move(r1.id, 'collaborating', '2026-03-01', ic);
    await move(r1.id, 'collaborating', '2026-04-01', mf);
    const last = await move(r1.id, 'collaborating', '2026-04-02', mf);
    const r2 = await begin('Beta Ltd', { startedOn: '2026-01-01', stage: 'met' });
    await move(r2.id, 'partner', '2026-02-01', tf2);
    await move(r2.id, 'dormant', '2026-03-01', tf1, 'Budget frozen');
    await move(r2.id, 'partner', '2026-03-05', tf1);
    const r3 = await begin('Gamma Inc', { startedOn: '2026-01-15', stage: 'partner', activityId: tf1 });
    const r4 = await begin('Delta SA', { startedOn: '2026-01-01', activityId: sv });
    await move(r4.id, 'common_project', '2026-05-01', mf);
    const r5 = await begin('Epsilon GmbH', { startedOn: '2026-01-01' });
    await move(r5.id, 'potential_partner', '2026-01-20', sv);

    const expected = {
      sv: [sv, 'potential_partners_estimated', 2],
      tf1: [tf1, 'new_partners', 2],
      tf2: [tf2, 'new_partners', 1],
      ic: [ic, 'new_collaborations', 1],
      mf: [mf, 'collaborations_sustained', 2],
    } as const;
    for (const [name, [activityId, kpiKey, value]] of Object.entries(expected)) {
      expect(await stored(activityId, kpiKey), name).toBe(value);
      const drill = await records(activityId, kpiKey);
      expect(drill.total, name).toBe(value);
      expect(drill.records, name).toHaveLength(value);
      for (const record of drill.records) expect(record.type).toBe('stage_change');
    }
    const tf1Records = (await records(tf1, 'new_partners')).records.map(
      (r: { description: string }) => r.description,
    );
    expect(tf1Records.sort()).toEqual([
      'Alpha KK with ORB: partner on 2026-02-01',
      'Gamma Inc with ORB: partner on 2026-01-15',
    ]);

    // Correcting an attribution moves the count from one activity to another.
    const partnerChange = last.changes.find(
      (c: { toStage: string; changedOn: string }) => c.changedOn === '2026-02-01',
    );
    const edited = await call('PATCH', `/network/relationships/${r1.id}/changes/${partnerChange.id}`, {
      version: versions.get(r1.id),
      activityId: tf2,
    });
    versions.set(r1.id, edited.version);
    expect(await stored(tf1, 'new_partners')).toBe(1);
    expect(await stored(tf2, 'new_partners')).toBe(2);

    // Deleting a relationship takes its counts away.
    await call('DELETE', `/network/relationships/${r3.id}?version=1`);
    expect(await stored(tf1, 'new_partners')).toBe(0);
    await call('DELETE', `/network/relationships/${r1.id}?version=${versions.get(r1.id)}`);
    expect(await stored(tf2, 'new_partners')).toBe(1);
    expect(await stored(mf, 'collaborations_sustained')).toBe(1);
    expect(await stored(ic, 'new_collaborations')).toBe(0);
    expect(await stored(sv, 'potential_partners_estimated')).toBe(1);
    expect((await records(sv, 'potential_partners_estimated')).total).toBe(1);
  });
});
