import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { readinessAnswers, SurveyRows } from '../../../test/support/survey-factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { refreshKpiActuals } from '../kpis/actuals.ts';
import { ReadinessReader } from './readiness-reader.ts';

type Headers = Record<string, string>;

describe.each(testDialects())('survey results and readiness on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let surveys: SurveyRows;
  let slug: string;
  let workspaceId: string;
  let clusterId: string;
  let otherClusterId: string;
  let coordinator: Headers;
  let viewer: Headers;
  let questionnaireId: string;
  const get = (path: string, headers = coordinator) =>
    t.app.inject({ method: 'GET', url: `/api/v1/workspaces/${slug}${path}`, headers });
  const org = (cluster: string, name: string, interests: string[] = []) =>
    factory.organisation(workspaceId, cluster, { name, target_market_interests: JSON.stringify(interests) });

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    surveys = new SurveyRows(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    clusterId = (await factory.cluster(workspaceId)).id;
    otherClusterId = (await factory.cluster(workspaceId)).id;
    coordinator = (await factory.memberWithToken(workspaceId, 'coordinator')).headers;
    viewer = (await factory.memberWithToken(workspaceId, 'viewer')).headers;
    questionnaireId = (await surveys.questionnaire(workspaceId)).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reads the results afresh once another response comes in (the figures are kept only for the same responses)', async () => {
    const wave = await surveys.wave(workspaceId, questionnaireId);
    const a = await org(clusterId, 'Alpha');
    const b = await org(clusterId, 'Beta');
    await surveys.response(workspaceId, wave.id, readinessAnswers(1), { organisation_id: a.id });
    const results = async () => {
      const res = await get(`/surveys/waves/${wave.id}/results`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const before = await results();
    expect(before.respondents).toBe(1);
    expect(await results()).toEqual(before);
    await surveys.response(workspaceId, wave.id, readinessAnswers(5), { organisation_id: b.id });
    const after = await results();
    expect(after.respondents).toBe(2);
    expect(after.readiness.scored).toBe(2);
    expect(after.readiness.meanTotal).toBeGreaterThan(before.readiness.meanTotal);
    expect(after.questions).not.toEqual(before.questions);
  });

  it("summarises a wave's answers by question in its frozen version, with stages and dimension means", async () => {
    const wave = await surveys.wave(workspaceId, questionnaireId);
    // The questionnaire changes after the wave was sent: the results keep the wave's version.
    await t.database.db
      .updateTable('survey_questionnaire')
      .set({ definition: JSON.stringify({ languages: ['en'], sections: [] }) })
      .where('id', '=', questionnaireId)
      .execute();
    const a = await org(clusterId, 'Alpha');
    const b = await org(clusterId, 'Beta');
    await surveys.invitation(workspaceId, wave.id);
    await surveys.response(workspaceId, wave.id, readinessAnswers(1), {
      organisation_id: a.id,
      completeness: 0.5,
    });
    await surveys.response(workspaceId, wave.id, readinessAnswers(5), {
      organisation_id: b.id,
      completeness: 1,
    });
    await surveys.response(workspaceId, wave.id, readinessAnswers(3));

    const res = await get(`/surveys/waves/${wave.id}/results`, viewer);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      wave: { id: wave.id, anonymous: false, kind: 'readiness', versionNumber: 1 },
      invited: 1,
      respondents: 3,
      meanCompleteness: 0.833,
      meanEntropy: expect.any(Number),
      languages: ['en', 'fr'],
    });
    const byKey = Object.fromEntries(body.questions.map((q: { key: string }) => [q.key, q]));
    expect(Object.keys(byKey)).toEqual([
      'plan',
      'sales_abroad',
      'partners',
      'offer_fit',
      'resources',
      'commitment',
      'target',
      'gaps',
    ]);
    expect(byKey.plan).toMatchObject({
      section: 'company',
      type: 'single_choice',
      label: { en: 'Is there an export plan?', fr: 'Avez-vous un plan export ?' },
      dimension: 'competencies',
      options: [
        { key: 'no', count: 1, label: { en: 'No' } },
        { key: 'partly', count: 1 },
        { key: 'yes', count: 1 },
      ],
      entropy: 1,
    });
    expect(byKey.partners).toMatchObject({ shown: 2, answered: 2 });
    expect(byKey.offer_fit).toMatchObject({ histogram: [1, 0, 1, 0, 1], mean: 3, median: 3 });
    expect(byKey.resources.rows).toEqual([
      { key: 'staff', label: { en: 'Staff', fr: 'Personnel' }, answered: 3, mean: 3 },
      { key: 'budget', label: { en: 'Budget', fr: 'Budget' }, answered: 3, mean: 3 },
    ]);
    expect(byKey.target.counts).toEqual([{ value: 'JP', label: 'Japan', count: 3 }]);
    expect(byKey.gaps.texts).toEqual(['Contacts abroad']);
    expect(body.readiness.scored).toBe(3);
    expect(body.readiness.stages).toEqual([
      { stage: 'impasse', count: 1 },
      { stage: 'entry', count: 1 },
      { stage: 'mid', count: 0 },
      { stage: 'passe_partout', count: 1 },
    ]);
    expect(body.readiness.dimensions).toHaveLength(6);
    expect(body.readiness.dimensions[0]).toMatchObject({ dimension: 'competencies', mean: 53.3 });
  });

  it('answers an empty wave with zeros, and a wave of another workspace or a member with 404 / 403', async () => {
    const wave = await surveys.wave(workspaceId, questionnaireId);
    const empty = (await get(`/surveys/waves/${wave.id}/results`)).json();
    expect(empty).toMatchObject({ respondents: 0, invited: 0, meanCompleteness: null, meanEntropy: null });
    expect(empty.readiness.stages.every((s: { count: number }) => s.count === 0)).toBe(true);

    const other = await factory.workspace();
    const foreign = await surveys.wave(other.id, (await surveys.questionnaire(other.id)).id);
    const missing = await get(`/surveys/waves/${foreign.id}/results`);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect((await get(`/surveys/waves/${foreign.id}/results.csv`)).statusCode).toBe(404);

    const member = await org(clusterId, 'Gamma');
    const asMember = (await factory.memberWithToken(workspaceId, 'member', null, member.id)).headers;
    expect((await get(`/surveys/waves/${wave.id}/results`, asMember)).statusCode).toBe(403);
    expect((await get(`/surveys/waves/${wave.id}/results.xlsx`, asMember)).statusCode).toBe(403);
  });

  it('exports one row per response and one column per question, read back from CSV and XLSX', async () => {
    const wave = await surveys.wave(workspaceId, questionnaireId);
    const a = await org(clusterId, 'Alpha Space');
    await surveys.response(workspaceId, wave.id, readinessAnswers(5), { organisation_id: a.id });
    await surveys.response(workspaceId, wave.id, { ...readinessAnswers(1), gaps: '=HYPERLINK("x")' });

    const csv = await get(`/surveys/waves/${wave.id}/results.csv`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="survey-results-.*\.csv"$/);
    const rows: string[][] = parse(csv.body, { bom: true });
    const header = rows[0] as string[];
    expect(header.slice(0, 7)).toEqual([
      'Response',
      'Organisation',
      'Submitted at',
      'Language',
      'Completeness (%)',
      'Readiness (out of 200)',
      'Stage',
    ]);
    expect(header.slice(-8)).toEqual([
      'Is there an export plan?',
      'Do you sell abroad?',
      'Where are your partners?',
      'Our offer fits foreign markets',
      'Resources for going abroad',
      'Commitment of the management',
      'Your first target country',
      'What do you miss most?',
    ]);
    expect(rows).toHaveLength(3);
    const alpha = rows.find((row) => row[1] === 'Alpha Space') as string[];
    const cell = (row: string[], name: string) => row[header.indexOf(name)];
    expect(cell(alpha, 'Is there an export plan?')).toBe('Yes');
    expect(cell(alpha, 'Where are your partners?')).toBe('Americas; Asia');
    expect(cell(alpha, 'Resources for going abroad')).toBe('Staff: 5; Budget: 5');
    expect(cell(alpha, 'Stage')).toBe('Ready for any market');
    const other = rows.find((row) => row[1] === '') as string[];
    // A formula typed as an answer stays text.
    expect(cell(other, 'What do you miss most?')).toBe('\'=HYPERLINK("x")');

    const xlsx = await get(`/surveys/waves/${wave.id}/results.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.rowCount).toBe(3);
    const headerValues = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headerValues).toEqual(header);
    const values = [2, 3].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
    expect(values.some((row) => row.includes('Alpha Space') && row.includes('Staff: 5; Budget: 5'))).toBe(
      true,
    );
  });

  it('exports an anonymous wave without any respondent column', async () => {
    const wave = await surveys.wave(workspaceId, questionnaireId, { anonymous: 1 });
    await surveys.response(workspaceId, wave.id, readinessAnswers(2));
    await surveys.response(workspaceId, wave.id, readinessAnswers(4));
    const csv = await get(`/surveys/waves/${wave.id}/results.csv`);
    const rows: string[][] = parse(csv.body, { bom: true });
    expect(rows[0]?.slice(0, 2)).toEqual(['Completeness (%)', 'Readiness (out of 200)']);
    for (const name of ['Response', 'Organisation', 'Submitted at', 'Language'])
      expect(rows[0]).not.toContain(name);
    expect(rows).toHaveLength(3);
    const results = (await get(`/surveys/waves/${wave.id}/results`)).json();
    expect(results.wave.anonymous).toBe(true);
    expect(results.respondents).toBe(2);
  });

  it("profiles a member's readiness: latest, previous, change and percentiles, never others' scores", async () => {
    const first = await surveys.wave(workspaceId, questionnaireId);
    const second = await surveys.wave(workspaceId, questionnaireId);
    const a = await org(clusterId, 'Alpha');
    const b = await org(clusterId, 'Beta');
    const c = await org(otherClusterId, 'Gamma');
    const d = await org(otherClusterId, 'Delta');
    await surveys.response(workspaceId, first.id, readinessAnswers(2), {
      organisation_id: a.id,
      submitted_at: '2025-11-01T10:00:00.000Z',
    });
    await surveys.response(workspaceId, second.id, readinessAnswers(4), {
      organisation_id: a.id,
      submitted_at: '2026-11-01T10:00:00.000Z',
    });
    await surveys.response(workspaceId, second.id, readinessAnswers(5), { organisation_id: b.id });
    await surveys.response(workspaceId, second.id, readinessAnswers(1), { organisation_id: c.id });
    // An anonymous response counts in no one's benchmark.
    await surveys.response(workspaceId, second.id, readinessAnswers(5));

    const res = await get(`/organisations/${a.id}/readiness`, viewer);
    expect(res.statusCode, res.body).toBe(200);
    const profile = res.json();
    expect(profile.latest).toMatchObject({ waveId: second.id, stage: 'mid' });
    expect(profile.previous).toMatchObject({ waveId: first.id, stage: 'impasse' });
    expect(profile.change.total).toBeCloseTo(profile.latest.total - profile.previous.total, 5);
    expect(profile.change.total).toBeGreaterThan(0);
    // Cluster: Alpha and Beta (Beta higher) → 25; consortium: Gamma below, Beta above → 50.
    expect(profile.cluster).toMatchObject({ members: 2, percentile: 25 });
    expect(profile.consortium).toMatchObject({ members: 3, percentile: 50 });
    expect(profile.consortium.dimensions).toHaveLength(6);

    // A member reads its own profile, which holds ranks and counts but no other member's scores.
    const asA = (await factory.memberWithToken(workspaceId, 'member', null, a.id)).headers;
    const own = await get(`/organisations/${a.id}/readiness`, asA);
    expect(own.statusCode).toBe(200);
    const betaTotal = (await get(`/organisations/${b.id}/readiness`)).json().latest.total;
    expect(JSON.stringify(own.json())).not.toContain(b.id);
    expect(own.json().cluster).toEqual(profile.cluster);
    expect(Object.keys(own.json().cluster)).toEqual(['members', 'percentile', 'dimensions']);
    expect(betaTotal).toBeGreaterThan(own.json().latest.total);
    // …and not another member's.
    expect((await get(`/organisations/${b.id}/readiness`, asA)).statusCode).toBe(403);

    // No readiness yet: an empty profile.
    const none = (await get(`/organisations/${d.id}/readiness`)).json();
    expect(none).toMatchObject({
      latest: null,
      previous: null,
      change: null,
      cluster: null,
      consortium: null,
    });
    // Another workspace's organisation is not found.
    const other = await factory.workspace();
    const foreign = await factory.organisation(other.id, (await factory.cluster(other.id)).id);
    expect((await get(`/organisations/${foreign.id}/readiness`)).statusCode).toBe(404);
  });

  it("lists the readiness of a market's interested members; a member sees only its own", async () => {
    const wave = await surveys.wave(workspaceId, questionnaireId);
    const market = await factory.market(workspaceId, { country: 'JP' });
    const a = await org(clusterId, 'Alpha', ['JP', 'CA']);
    const b = await org(otherClusterId, 'Beta', ['JP']);
    await org(clusterId, 'Gamma', ['JP']);
    await org(clusterId, 'Delta', ['CA']);
    await surveys.response(workspaceId, wave.id, readinessAnswers(5), { organisation_id: a.id });
    await surveys.response(workspaceId, wave.id, readinessAnswers(1), { organisation_id: b.id });

    const res = await get(`/markets/${market.id}/readiness`, viewer);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.members.map((m: { name: string; stage: string | null }) => [m.name, m.stage])).toEqual([
      ['Alpha', 'passe_partout'],
      ['Beta', 'impasse'],
      ['Gamma', null],
    ]);
    expect(body).toMatchObject({ interested: 3, notAnswered: 1, ownOnly: false });
    expect(body.stages).toEqual([
      { stage: 'impasse', count: 1 },
      { stage: 'entry', count: 0 },
      { stage: 'mid', count: 0 },
      { stage: 'passe_partout', count: 1 },
    ]);

    const asA = (await factory.memberWithToken(workspaceId, 'member', null, a.id)).headers;
    const own = (await get(`/markets/${market.id}/readiness`, asA)).json();
    expect(own).toMatchObject({ ownOnly: true, interested: null, stages: null, notAnswered: null });
    expect(own.members.map((m: { name: string }) => m.name)).toEqual(['Alpha']);

    const mentor = (await factory.memberWithToken(workspaceId, 'mentor')).headers;
    expect((await get(`/markets/${market.id}/readiness`, mentor)).statusCode).toBe(403);
    const other = await factory.workspace();
    const foreign = await factory.market(other.id);
    expect((await get(`/markets/${foreign.id}/readiness`)).statusCode).toBe(404);
  });

  it("reads members' latest scored readiness, skipping anonymous and unscored responses", async () => {
    const wave = await surveys.wave(workspaceId, questionnaireId);
    const a = await org(clusterId, 'Alpha');
    const b = await org(clusterId, 'Beta');
    await surveys.response(workspaceId, wave.id, readinessAnswers(1), {
      organisation_id: a.id,
      submitted_at: '2025-01-01T00:00:00.000Z',
    });
    const newest = await surveys.response(workspaceId, wave.id, readinessAnswers(5), {
      organisation_id: a.id,
      submitted_at: '2026-01-01T00:00:00.000Z',
    });
    await surveys.response(workspaceId, wave.id, readinessAnswers(3));
    const reader = new ReadinessReader(t.database.db);
    const all = await reader.latest(workspaceId);
    expect([...all.keys()]).toEqual([a.id]);
    expect(all.get(a.id)).toMatchObject({ responseId: newest.id, stage: 'passe_partout', total: 200 });
    expect((await reader.latest(workspaceId, [b.id])).size).toBe(0);
    expect((await reader.latest(workspaceId, [])).size).toBe(0);
  });

  it("derives a validation survey's members participating from its waves' responses, with a drill-down", async () => {
    const activity = await factory.activity(workspaceId, null, { instrument: 'validation-surveys' });
    const wave = await surveys.wave(workspaceId, questionnaireId, { activity_id: activity.id });
    const a = await org(clusterId, 'Alpha');
    const b = await org(clusterId, 'Beta');
    // Two people of Alpha, one of Beta and an anonymous respondent: two members participating.
    for (const organisation of [a.id, a.id, b.id, null]) {
      await surveys.response(workspaceId, wave.id, readinessAnswers(3), { organisation_id: organisation });
    }
    // Rows written straight to the tables: refreshed as the submitting use case does.
    await refreshKpiActuals(t.database.db, [activity.id]);
    const actual = await t.database.db
      .selectFrom('kpi_actual')
      .select('value')
      .where('activity_id', '=', activity.id)
      .where('kpi_key', '=', 'members_participating')
      .executeTakeFirstOrThrow();
    expect(Number(actual.value)).toBe(2);
    const res = await get(
      `/kpis/records?kpiKey=members_participating&instrumentId=${activity.instrument_id}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const drill = res.json();
    expect(drill.total).toBe(2);
    expect(
      drill.records.map((r: { type: string; description: string }) => [r.type, r.description]).sort(),
    ).toEqual([
      ['response', `Alpha answered “${wave.name}”`],
      ['response', `Beta answered “${wave.name}”`],
    ]);
  });
});
