import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { B2bRows } from '../../../test/support/b2b-factories.ts';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { InteractionRows } from '../../../test/support/interactions-factories.ts';
import { PipelineRows } from '../../../test/support/pipeline-factories.ts';
import { PlanningRows } from '../../../test/support/planning-rows.ts';
import { ProjectRows } from '../../../test/support/projects-factories.ts';
import { readinessAnswers, SurveyRows } from '../../../test/support/survey-factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { DB } from '../../db/schema.ts';
import { markEvidence, writeTransaction } from '../../db/write-transaction.ts';
import { refreshKpiActuals } from './actuals.ts';
import { EVIDENCE_TABLES } from './rules/index.ts';

/**
 * Decision 0013: no write to evidence may leave `kpi_actual` stale. For every evidence table,
 * every kind of write the API offers is made, and after each one the stored values must equal a
 * recomputation from scratch. A new evidence table (a rule's `table`) fails this file until a
 * scenario writes to it here.
 */

type Headers = Record<string, string>;
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type StoredValue = { activity_id: string; kpi_key: string; value: number };

class Rollback extends Error {}

/** The workspace's stored KPI values, in a stable order. */
async function storedValues(db: Kysely<DB>, workspaceId: string): Promise<StoredValue[]> {
  const rows = await db
    .selectFrom('kpi_actual')
    .select(['activity_id', 'kpi_key', 'value'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('activity_id')
    .orderBy('kpi_key')
    .execute();
  return rows.map((row) => ({ ...row, value: Number(row.value) }));
}

/** What the values would be if every activity of the workspace were recomputed now (nothing is kept). */
async function recomputedValues(db: Kysely<DB>, workspaceId: string): Promise<StoredValue[]> {
  let values: StoredValue[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      const ids = await trx
        .selectFrom('activity')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .execute();
      await refreshKpiActuals(
        trx,
        ids.map((row) => row.id),
      );
      values = await storedValues(trx, workspaceId);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return values;
}

describe.each(testDialects())('KPI values stay fresh after every evidence write on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let planning: PlanningRows;
  let slug: string;
  let workspaceId: string;
  let headers: Headers;
  let clusterId: string;
  let organisationIds: string[];

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
  const expectFresh = async (step: string) => {
    const stored = await storedValues(t.database.db, workspaceId);
    expect(stored.length, `${step}: some values are stored`).toBeGreaterThan(0);
    expect(stored, `${step}: kpi_actual equals a recomputation`).toEqual(
      await recomputedValues(t.database.db, workspaceId),
    );
  };
  const newActivity = (title: string, extra: object = {}) =>
    call('POST', '/activities', {
      instrumentKey: 'study-visits',
      title,
      startsOn: '2026-05-04',
      endsOn: '2026-05-06',
      clusterId,
      ...extra,
    });

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    planning = new PlanningRows(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    headers = (await factory.memberWithToken(workspaceId, 'coordinator')).headers;
    clusterId = (await factory.cluster(workspaceId)).id;
    organisationIds = [
      (await factory.organisation(workspaceId, clusterId)).id,
      (await factory.organisation(workspaceId, clusterId)).id,
    ];
  });
  afterAll(async () => {
    await t?.close();
  });

  /** One scenario per evidence table: every write the API makes to it. */
  const scenarios: Record<string, () => Promise<void>> = {
    activity: async () => {
      const activity = await newActivity('A study visit');
      await expectFresh('activity created');
      const held = await call('PATCH', `/activities/${activity.id}`, {
        version: activity.version,
        status: 'done',
      });
      await expectFresh('activity done');
      const moved = await call('PATCH', `/activities/${activity.id}`, {
        version: held.version,
        instrumentKey: 'innovation-clubs',
      });
      await expectFresh('instrument changed');
      await call('DELETE', `/activities/${activity.id}?version=${moved.version}`);
      await newActivity('Another one');
      await expectFresh('activity deleted');
    },
    activity_participant: async () => {
      const activity = await newActivity('A study visit');
      const present = await call('POST', `/activities/${activity.id}/participants`, {
        organisationId: organisationIds[0],
        role: 'participant',
      });
      await call('POST', `/activities/${activity.id}/participants`, {
        organisationId: organisationIds[1],
        role: 'participant',
      });
      await expectFresh('participants added');
      await call('PATCH', `/activities/${activity.id}/participants/${present.id}`, { attendance: 'present' });
      await expectFresh('attendance marked');
      await call('DELETE', `/activities/${activity.id}/participants/${present.id}`);
      await expectFresh('participant removed');
    },
    cost_line: async () => {
      const activity = await newActivity('A study visit');
      const line = await call('POST', `/activities/${activity.id}/cost-lines`, {
        kind: 'actual',
        category: 'travel',
        fundingSource: 'eu_programme',
        description: 'Flights',
        amountEur: 1200,
        incurredOn: '2026-05-04',
      });
      await expectFresh('actual cost added');
      const edited = await call('PATCH', `/cost-lines/${line.id}`, {
        version: line.version,
        amountEur: 1450.5,
      });
      await expectFresh('actual cost edited');
      await call('DELETE', `/cost-lines/${line.id}?version=${edited.version}`);
      await expectFresh('actual cost deleted');
      await call('POST', `/activities/${activity.id}/estimate`, {
        parameters: { units: 1, travellers: 2, nights: 2, destination: 'JP' },
        fundingSource: 'eu_programme',
        apply: true,
        version: activity.version,
      });
      await expectFresh('estimate applied');
      const market = await planning.marketRow(workspaceId);
      const plan = await planning.planRow(workspaceId, { market_id: market.id });
      const planned = await newActivity('In a plan', {
        planId: plan.id,
        startsOn: plan.starts_on,
        endsOn: plan.starts_on,
      });
      await call('POST', `/activities/${planned.id}/cost-lines`, {
        kind: 'actual',
        category: 'travel',
        fundingSource: 'eu_programme',
        description: 'Hotel',
        amountEur: 300,
        incurredOn: plan.starts_on,
      });
      await call('POST', `/plans/${plan.id}/copy`, { marketId: market.id, includeActivities: true });
      await expectFresh('plan copied with its activities and planned lines');
    },
    interaction: async () => {
      // Roadshows count meetings and new contacts: the first interaction of an organisation decides
      // which activity it is a new contact of, so moving one interaction changes another activity.
      const first = await newActivity('A roadshow', { instrumentKey: 'roadshows' });
      const second = await newActivity('A trade fair', { instrumentKey: 'trade-fairs' });
      const network = new InteractionRows(t.database.db);
      const counterpart = await network.networkOrganisation(workspaceId);
      const other = await network.networkOrganisation(workspaceId);
      const early = await call('POST', '/network/interactions', {
        kind: 'meeting',
        occurredOn: '2026-05-04',
        activityId: first.id,
        networkOrganisationId: counterpart.id,
      });
      await call('POST', '/network/interactions', {
        kind: 'event_encounter',
        occurredOn: '2026-05-10',
        activityId: second.id,
        networkOrganisationId: counterpart.id,
      });
      await expectFresh('interactions recorded');
      const later = await call('PATCH', `/network/interactions/${early.id}`, {
        version: early.version,
        occurredOn: '2026-05-20',
      });
      await expectFresh('the first interaction moved after the second');
      const elsewhere = await call('PATCH', `/network/interactions/${early.id}`, {
        version: later.version,
        networkOrganisationId: other.id,
        kind: 'email',
      });
      await expectFresh('interaction moved to another organisation');
      const detached = await call('PATCH', `/network/interactions/${early.id}`, {
        version: elsewhere.version,
        activityId: null,
      });
      await expectFresh('interaction taken from its activity');
      await call('DELETE', `/network/interactions/${early.id}?version=${detached.version}`);
      await expectFresh('interaction deleted');
    },
    b2b_meeting: async () => {
      // Matchmaking counts held meetings; a held meeting with a network organisation is also an interaction.
      const activity = await newActivity('A matchmaking event', { instrumentKey: 'matchmaking-events' });
      const b2b = new B2bRows(t.database.db);
      const event = await b2b.event(workspaceId, activity.id);
      const ours = await b2b.participant(workspaceId, event.id, {
        organisation_id: organisationIds[0] ?? null,
        organisation_type: null,
      });
      const counterpart = await new InteractionRows(t.database.db).networkOrganisation(workspaceId);
      const theirs = await b2b.participant(workspaceId, event.id, {
        network_organisation_id: counterpart.id,
      });
      const request = await b2b.request(workspaceId, event.id, ours.id, theirs.id);
      const meeting = await b2b.meeting(workspaceId, event.id, request.id, '2026-05-04T08:00:00.000Z');
      const path = `/events/${event.id}/meetings/${meeting.id}/status`;
      const held = await call('POST', path, { status: 'held', version: meeting.version });
      await expectFresh('meeting held');
      const noShow = await call('POST', path, { status: 'no_show', version: held.version });
      await expectFresh('meeting marked no-show');
      const again = await call('POST', path, { status: 'held', version: noShow.version });
      await expectFresh('meeting held again');
      await call('POST', path, { status: 'cancelled', version: again.version });
      await expectFresh('meeting cancelled');
    },
    b2b_request: async () => {
      // The requests' API is the marketplace branch's (b2b-requests): until it is merged, requests
      // are written here as its repository must, inside writeTransaction marking the activity.
      const activity = await newActivity('A matchmaking event', { instrumentKey: 'matchmaking-events' });
      const b2b = new B2bRows(t.database.db);
      const event = await b2b.event(workspaceId, activity.id);
      const a = await b2b.participant(workspaceId, event.id);
      const b = await b2b.participant(workspaceId, event.id);
      await writeTransaction(t.database.db, async (trx) => {
        markEvidence(trx, [activity.id]);
        await new B2bRows(trx).request(workspaceId, event.id, a.id, b.id, { status: 'pending' });
      });
      await expectFresh('request sent');
      await writeTransaction(t.database.db, async (trx) => {
        markEvidence(trx, [activity.id]);
        await trx
          .updateTable('b2b_request')
          .set({ status: 'cancelled' })
          .where('event_id', '=', event.id)
          .execute();
      });
      await expectFresh('request withdrawn');
    },
    survey_invitation: async () => {
      // Issue 23: the answering of survey waves is the waves branch's; until it is merged,
      // invitations are completed here as its repository must, inside writeTransaction marking
      // the wave's activity. Two respondents of different types, then one of them moved.
      const activity = await newActivity('A market survey', { instrumentKey: 'market-surveys-study' });
      const surveys = new SurveyRows(t.database.db);
      const questionnaire = await surveys.questionnaire(workspaceId, { kind: 'market' });
      const wave = await surveys.wave(workspaceId, questionnaire.id, { activity_id: activity.id });
      const network = new InteractionRows(t.database.db);
      const agency = await network.networkOrganisation(workspaceId, { type: 'agency' });
      const company = await network.networkOrganisation(workspaceId, { type: 'company' });
      const invitations: { id: string }[] = [];
      for (const organisation of [agency, company]) {
        invitations.push(
          (await surveys.invitation(workspaceId, wave.id, { network_organisation_id: organisation.id })).row,
        );
      }
      for (const invitation of invitations) {
        await writeTransaction(t.database.db, async (trx) => {
          markEvidence(trx, [activity.id]);
          await trx
            .updateTable('survey_invitation')
            .set({ completed_at: new Date().toISOString() })
            .where('id', '=', invitation.id)
            .execute();
        });
        await expectFresh('a respondent completed the survey');
      }
      await writeTransaction(t.database.db, async (trx) => {
        markEvidence(trx, [activity.id]);
        await trx
          .deleteFrom('survey_invitation')
          .where('id', '=', invitations[0]?.id ?? '')
          .execute();
      });
      await expectFresh('a respondent removed');
    },
    survey_response: async () => {
      // Issue 23: responses are written by the answering branch's submit route; until it is merged
      // they are written here as its repository must, inside writeTransaction marking the activity.
      const activity = await newActivity('A validation survey', { instrumentKey: 'validation-surveys' });
      const surveys = new SurveyRows(t.database.db);
      const questionnaire = await surveys.questionnaire(workspaceId);
      const wave = await surveys.wave(workspaceId, questionnaire.id, { activity_id: activity.id });
      for (const organisationId of [organisationIds[0], organisationIds[1], null]) {
        await writeTransaction(t.database.db, async (trx) => {
          markEvidence(trx, [activity.id]);
          await new SurveyRows(trx).response(workspaceId, wave.id, readinessAnswers(3), {
            organisation_id: organisationId ?? null,
          });
        });
      }
      await expectFresh('responses submitted');
    },
    kpi_entry: async () => {
      const activity = await newActivity('A market study', { instrumentKey: 'market-surveys-study' });
      const entry = await call('POST', '/kpi-entries', {
        activityId: activity.id,
        kpiKey: 'market_covered',
        value: 12,
        recordedOn: '2026-05-06',
      });
      await expectFresh('value entered');
      const edited = await call('PATCH', `/kpi-entries/${entry.id}`, { version: entry.version, value: 15 });
      await expectFresh('value corrected');
      await call('DELETE', `/kpi-entries/${entry.id}?version=${edited.version}`);
      await newActivity('Another one');
      await expectFresh('value removed');
    },
    project: async () => {
      const first = await newActivity('Sustaining the networks', {
        instrumentKey: 'sustaining-the-networks',
      });
      const second = await newActivity('Ambassadors', { instrumentKey: 'ambassador-staff-exchange' });
      const project = await call('POST', '/network/projects', {
        title: 'A common project',
        status: 'proposal',
        activityId: first.id,
      });
      await expectFresh('project created');
      const completed = await call('PATCH', `/network/projects/${project.id}`, {
        version: project.version,
        status: 'completed',
        commonLabel: true,
        internationalFunding: true,
      });
      await expectFresh('project completed, labelled, internationally funded');
      const moved = await call('PATCH', `/network/projects/${project.id}`, {
        version: completed.version,
        activityId: second.id,
      });
      await expectFresh('project moved to another activity');
      const rejected = await call('PATCH', `/network/projects/${project.id}`, {
        version: moved.version,
        status: 'rejected',
      });
      await expectFresh('project rejected');
      await call('DELETE', `/network/projects/${project.id}?version=${rejected.version}`);
      await expectFresh('project deleted');
    },
    project_partner: async () => {
      const activity = await newActivity('Sustaining the networks', {
        instrumentKey: 'sustaining-the-networks',
      });
      const counterpart = await new ProjectRows(t.database.db).networkOrganisation(workspaceId);
      const project = await call('POST', '/network/projects', {
        title: 'A common project',
        status: 'running',
        activityId: activity.id,
        partners: [{ organisationId: organisationIds[0], role: 'coordinator' }],
      });
      await expectFresh('project with one of ours created');
      const partner = await call('POST', `/network/projects/${project.id}/partners`, {
        networkOrganisationId: counterpart.id,
        role: 'partner',
      });
      await expectFresh('counterpart added');
      await call('DELETE', `/network/projects/${project.id}/partners/${partner.id}`);
      await expectFresh('counterpart removed');
    },
    relationship_stage_change: async () => {
      // Issue 21: the pipeline's stage changes, counted at the activity that first reached a stage.
      const fair = await newActivity('A trade fair', { instrumentKey: 'trade-fairs' });
      const other = await newActivity('Another fair', { instrumentKey: 'trade-fairs' });
      const visit = await newActivity('A study visit');
      const counterpart = await new PipelineRows(t.database.db).networkOrganisation(workspaceId);
      const relationship = await call('POST', '/network/relationships', {
        ourClusterId: clusterId,
        networkOrganisationId: counterpart.id,
        startedOn: '2026-05-01',
        stage: 'potential_partner',
        activityId: visit.id,
      });
      await expectFresh('relationship added at a potential partner');
      const moved = await call('POST', `/network/relationships/${relationship.id}/stage`, {
        version: relationship.version,
        stage: 'partner',
        changedOn: '2026-05-05',
        activityId: fair.id,
      });
      await expectFresh('moved to partner at a fair');
      const change = moved.changes.at(-1);
      const corrected = await call(
        'PATCH',
        `/network/relationships/${relationship.id}/changes/${change.id}`,
        {
          version: moved.version,
          activityId: other.id,
        },
      );
      await expectFresh('attributed to another fair');
      await call('DELETE', `/network/relationships/${relationship.id}?version=${corrected.version}`);
      await expectFresh('relationship deleted');
    },
  };

  it('has a scenario for every evidence table the KPI rules read', () => {
    expect(Object.keys(scenarios).sort()).toEqual([...EVIDENCE_TABLES].sort());
  });

  for (const table of EVIDENCE_TABLES) {
    it(`recomputes the values after every write to ${table}`, async () => {
      const scenario = scenarios[table];
      expect(scenario, `no scenario writes to ${table}`).toBeDefined();
      await scenario?.();
    });
  }

  it('recomputes the values when the organisation or person behind a participant moves or goes', async () => {
    // Validation surveys count member organisations present: a person stands for their organisation.
    const activity = await newActivity('A validation survey', { instrumentKey: 'validation-surveys' });
    const person = await call('POST', '/people', { organisationId: organisationIds[1], name: 'Ada' });
    for (const who of [{ organisationId: organisationIds[0] }, { personId: person.id }]) {
      const participant = await call('POST', `/activities/${activity.id}/participants`, {
        ...who,
        role: 'participant',
      });
      await call('PATCH', `/activities/${activity.id}/participants/${participant.id}`, {
        attendance: 'present',
      });
    }
    await expectFresh('two organisations present');
    const moved = await call('PATCH', `/people/${person.id}`, {
      version: person.version,
      organisationId: organisationIds[0],
    });
    await expectFresh('the person moved to the other organisation');
    const renamed = await call('PATCH', `/people/${person.id}`, {
      version: moved.version,
      organisationId: organisationIds[0],
      name: 'Ada L.',
    });
    await expectFresh('the person renamed');
    const organisation = await call('GET', `/organisations/${organisationIds[0]}`);
    await call('DELETE', `/organisations/${organisationIds[0]}?version=${organisation.version}`);
    await expectFresh('their organisation deleted');
    await call('DELETE', `/people/${person.id}?version=${renamed.version}`);
    await newActivity('Another one');
    await expectFresh('the person deleted');
  });

  it('notices a stale value: evidence written behind the repositories is caught by the check', async () => {
    const activity = await newActivity('A study visit');
    await expectFresh('before');
    await planning.participantRow(activity.id, {
      organisation_id: organisationIds[0] ?? null,
      attendance: 'present',
    });
    const stored = await storedValues(t.database.db, workspaceId);
    expect(stored).not.toEqual(await recomputedValues(t.database.db, workspaceId));
  });

  it('refuses evidence written outside writeTransaction, before anything is written', async () => {
    const activity = await newActivity('A study visit');
    const { ActivityRepository } = await import('../activities/repository.ts');
    await expect(
      new ActivityRepository(t.database.db).setAttendance(activity.id, 'none', 'present'),
    ).rejects.toThrow(/inside writeTransaction/);
  });
  it('refuses edits and removals of cost lines and KPI values outside writeTransaction, before writing', async () => {
    const activity = await newActivity('A study visit');
    const line = await planning.costLineRow(workspaceId, activity.id);
    const entry = await planning.kpiEntryRow(workspaceId, activity.id, {
      kpi_key: 'contacts_mapped',
      value_number: 3,
    });
    const { CostLineRepository } = await import('../budgets/repository.ts');
    const { KpiEntryRepository } = await import('./entries-repository.ts');
    const lines = new CostLineRepository(t.database.db);
    const entries = new KpiEntryRepository(t.database.db);
    await expect(lines.update(workspaceId, line.id, 1, { amount_cents: 1 })).rejects.toThrow(
      /inside writeTransaction/,
    );
    await expect(lines.delete(workspaceId, line.id, 1)).rejects.toThrow(/inside writeTransaction/);
    await expect(entries.update(workspaceId, entry.id, 1, { value_number: 9 })).rejects.toThrow(
      /inside writeTransaction/,
    );
    await expect(entries.delete(workspaceId, entry.id, 1)).rejects.toThrow(/inside writeTransaction/);
    const db = t.database.db;
    expect(
      await db
        .selectFrom('cost_line')
        .select(['amount_cents', 'version'])
        .where('id', '=', line.id)
        .executeTakeFirst(),
    ).toEqual({ amount_cents: 10_000, version: 1 });
    expect(
      await db
        .selectFrom('kpi_entry')
        .select(['value_number', 'version'])
        .where('id', '=', entry.id)
        .executeTakeFirst(),
    ).toEqual({ value_number: 3, version: 1 });
  });
});
