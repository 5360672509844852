import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { InteractionRows } from '../../../test/support/interactions-factories.ts';
import { SurveyRows } from '../../../test/support/survey-factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { markEvidence, writeTransaction } from '../../db/write-transaction.ts';

type Method = 'GET' | 'POST';

/**
 * Issue 23: "Diversity of interested stakeholders" of market surveys and studies is the number of
 * distinct types of the network organisations that completed the activity's survey waves; the
 * stored value and the drill-down's records must agree, anonymous waves count, unfinished
 * invitations and member respondents do not. "Percentage of market covered" stays entered by hand.
 */
describe.each(testDialects())('market survey KPIs on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let surveys: SurveyRows;
  let network: InteractionRows;
  let slug: string;
  let workspaceId: string;
  let headers: Record<string, string>;

  const call = async (method: Method, path: string, payload?: object) => {
    const res = await t.app.inject({
      method,
      url: `/api/v1/workspaces/${slug}${path}`,
      headers,
      ...(payload ? { payload } : {}),
    });
    expect(res.statusCode, `${method} ${path}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const kpisOf = async (activityId: string) =>
    (await call('GET', `/activities/${activityId}/kpis`)).items as {
      kpiKey: string;
      actual: number | null;
      source: string;
      rule: string | null;
    }[];
  const drill = async (activityId: string) => {
    const { instrument_id: instrumentId } = await t.database.db
      .selectFrom('activity')
      .select('instrument_id')
      .where('id', '=', activityId)
      .executeTakeFirstOrThrow();
    const body = await call(
      'GET',
      `/kpis/records?kpiKey=stakeholder_diversity&instrumentId=${instrumentId}&groupBy=activity&groupKey=${activityId}&limit=500`,
    );
    return {
      total: body.total as number,
      records: (body.records as { type: string; description: string; activityId: string }[]).map(
        (r) => `${r.activityId === activityId ? '' : 'ELSEWHERE '}${r.type}: ${r.description}`,
      ),
    };
  };

  /** Marks the invitation completed as the answering of a wave must: marking the wave's activity. */
  const complete = (invitationId: string, activityId: string, at = '2026-05-06T09:00:00.000Z') =>
    writeTransaction(t.database.db, async (trx) => {
      markEvidence(trx, [activityId]);
      await trx
        .updateTable('survey_invitation')
        .set({ completed_at: at })
        .where('id', '=', invitationId)
        .execute();
    });

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    surveys = new SurveyRows(t.database.db);
    network = new InteractionRows(t.database.db);
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

  it('counts the distinct stakeholder types among the respondents, with one record per type', async () => {
    const newStudy = (title: string) =>
      call('POST', '/activities', {
        instrumentKey: 'market-surveys-study',
        title,
        startsOn: '2026-05-04',
        endsOn: '2026-05-29',
      });
    const study = await newStudy('Japan EO market survey');
    const other = await newStudy('Korea market survey');
    const questionnaire = await surveys.questionnaire(workspaceId, { kind: 'market' });
    const named = await surveys.wave(workspaceId, questionnaire.id, { activity_id: study.id });
    const anonymous = await surveys.wave(workspaceId, questionnaire.id, {
      activity_id: study.id,
      anonymous: 1,
    });
    const elsewhere = await surveys.wave(workspaceId, questionnaire.id, { activity_id: other.id });

    const organisation = (name: string, type: string) =>
      network.networkOrganisation(workspaceId, { name, normalised_name: name.toLowerCase(), type });
    const jaxa = await organisation('JAXA', 'agency');
    const ispace = await organisation('ispace', 'company');
    const synspective = await organisation('Synspective', 'company');
    const tokyoTech = await organisation('Tokyo Tech', 'research_or_university');
    const jsf = await organisation('Japan Space Forum', 'association');
    const investor = await organisation('Orbit Ventures', 'investor');
    const invite = async (waveId: string, networkOrganisationId: string | null) =>
      (await surveys.invitation(workspaceId, waveId, { network_organisation_id: networkOrganisationId })).row;

    const before = await kpisOf(study.id);
    expect(before.find((k) => k.kpiKey === 'stakeholder_diversity')).toMatchObject({
      source: 'derived',
      rule: 'survey_stakeholder_types',
      actual: 0,
    });

    for (const [waveId, org] of [
      [named.id, jaxa.id],
      [named.id, ispace.id],
      [named.id, synspective.id],
      [anonymous.id, tokyoTech.id],
      [anonymous.id, jsf.id],
    ] as const) {
      await complete((await invite(waveId, org)).id, study.id);
    }
    // Not counted: an invitation not completed, a member respondent, another activity's wave.
    await invite(named.id, investor.id);
    await complete((await invite(named.id, null)).id, study.id);
    await complete((await invite(elsewhere.id, investor.id)).id, other.id);

    const kpis = await kpisOf(study.id);
    expect(kpis.find((k) => k.kpiKey === 'stakeholder_diversity')?.actual).toBe(4);
    expect(kpis.find((k) => k.kpiKey === 'market_covered')).toMatchObject({ source: 'entered', rule: null });
    expect((await kpisOf(other.id)).find((k) => k.kpiKey === 'stakeholder_diversity')?.actual).toBe(1);

    const drilled = await drill(study.id);
    expect(drilled.total).toBe(4);
    expect(drilled.records.sort()).toEqual([
      'respondent: Agency: 1 responding organisation (first: JAXA)',
      'respondent: Association: 1 responding organisation (first: Japan Space Forum)',
      'respondent: Company: 2 responding organisations (first: Synspective)',
      'respondent: Research centre or university: 1 responding organisation (first: Tokyo Tech)',
    ]);

    // Entering it by hand is refused: it is computed from the respondents.
    const typed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${slug}/kpi-entries`,
      headers,
      payload: { activityId: study.id, kpiKey: 'stakeholder_diversity', value: 9, recordedOn: '2026-05-29' },
    });
    expect(typed.statusCode).toBe(400);
    expect(typed.body).toContain('body.kpiKey');
  });
});
