import { randomBytes } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { newId } from '../../db/ids.ts';
import type { DB, SurveyInvitationTable, SurveyResponseTable } from '../../db/schema.ts';
import { markEvidence, writeTransaction } from '../../db/write-transaction.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { addDays, todayIso } from '../../domain/dates.ts';
import { seededRandom } from '../../domain/random.ts';
import { defaultReadinessQuestionnaire } from '../../domain/surveys/default-readiness.ts';
import { isShown, scoreReadiness } from '../../domain/surveys/readiness.ts';
import type { Answer, Answers, Question, QuestionnaireDefinition } from '../../domain/surveys/types.ts';
import { createActivityBody } from '../activities/schema.ts';
import type { ActivityService } from '../activities/service.ts';
import { AuditRepository, diff } from '../audit/repository.ts';
import { hashSecret } from '../auth/secrets.ts';

/**
 * The demo's surveys (issue 23 item 9): the default readiness questionnaire installed, two closed
 * readiness waves a year apart on two validation-survey activities across the demo members (their
 * answers drawn around a level of their own that mostly rises between the waves, scored with
 * `scoreReadiness`), and one market survey sent to network people of a demo market's country,
 * with responses and two findings in that market's dossier. Written straight as rows, like the
 * events demo, in one transaction that marks the activities' KPI evidence. Deterministic.
 */
export const DEMO_SURVEYS = {
  readiness: [
    { daysAgo: 380, closedDaysAgo: 352, share: 0.7 },
    { daysAgo: 30, closedDaysAgo: 2, share: 0.8 },
  ],
  marketInvited: 14,
  marketCompleted: 10,
} as const;

/** A small market questionnaire written for the demo. */
export function demoMarketQuestionnaire(): QuestionnaireDefinition {
  const t = (en: string, fr: string) => ({ en, fr });
  return {
    languages: ['en', 'fr'],
    sections: [
      {
        key: 'demand',
        title: t('Your needs', 'Vos besoins'),
        questions: [
          {
            key: 'interest',
            type: 'scale',
            label: t(
              'How interested are you in working with European space SMEs?',
              'Dans quelle mesure souhaitez-vous travailler avec des PME spatiales européennes ?',
            ),
            required: true,
            scaleLabels: { low: t('Not at all', 'Pas du tout'), high: t('Very', 'Beaucoup') },
          },
          {
            key: 'needs',
            type: 'multiple_choice',
            label: t('What do you look for?', 'Que recherchez-vous ?'),
            required: true,
            options: [
              { key: 'eo_data', label: t('Earth observation data', 'Données d’observation de la Terre') },
              { key: 'components', label: t('Flight components', 'Composants de vol') },
              { key: 'ground', label: t('Ground-segment services', 'Services sol') },
              { key: 'research', label: t('Research partners', 'Partenaires de recherche') },
            ],
          },
          {
            key: 'channel',
            type: 'single_choice',
            label: t('How would you rather start?', 'Comment préféreriez-vous commencer ?'),
            required: true,
            options: [
              { key: 'meeting', label: t('A B2B meeting', 'Un rendez-vous d’affaires') },
              { key: 'visit', label: t('A visit to Europe', 'Une visite en Europe') },
              { key: 'pilot', label: t('A small pilot project', 'Un petit projet pilote') },
            ],
          },
          {
            key: 'barriers',
            type: 'text',
            label: t('What stands in the way?', 'Qu’est-ce qui fait obstacle ?'),
            required: false,
          },
        ],
      },
    ],
  };
}

/** Answers to one question at a level from 0 (nothing in place) to 1 (everything in place). */
function answerAt(question: Question, level: number, random: () => number, markets: string[]): Answer {
  const noisy = () => Math.max(0, Math.min(1, level + (random() - 0.5) * 0.35));
  switch (question.type) {
    case 'single_choice': {
      const options = [...(question.options ?? [])].sort((a, b) => (a.points ?? 0) - (b.points ?? 0));
      return options[Math.round(noisy() * (options.length - 1))]?.key ?? null;
    }
    case 'multiple_choice': {
      const options = question.options ?? [];
      if (question.dimension) {
        const chosen = options.filter((o) => (o.points ?? 0) > 0 && random() < noisy()).map((o) => o.key);
        const none = options.find((o) => (o.points ?? 0) === 0)?.key;
        return chosen.length > 0 || !none ? chosen : [none];
      }
      const chosen = options.filter(() => random() < 0.35).map((o) => o.key);
      return chosen.length > 0 ? chosen : [options[Math.floor(random() * options.length)]?.key ?? ''];
    }
    case 'scale':
      return 1 + Math.round(noisy() * 4);
    case 'matrix':
      return Object.fromEntries((question.rows ?? []).map((row) => [row.key, 1 + Math.round(noisy() * 4)]));
    case 'number':
      return Math.round(noisy() * 40);
    case 'market':
      return markets.length > 0 ? (markets[Math.floor(random() * markets.length)] ?? null) : null;
    default:
      return null;
  }
}

/**
 * A complete set of answers at a level from 0 to 1, each shown question in order (also the survey
 * results benchmark's respondents).
 */
export function answersAt(
  definition: QuestionnaireDefinition,
  level: number,
  random: () => number,
  markets: string[],
): Answers {
  const answers: Answers = {};
  for (const section of definition.sections) {
    for (const question of section.questions) {
      if (!isShown(question, answers)) continue;
      const answer = answerAt(question, level, random, markets);
      if (answer !== null) answers[question.key] = answer;
    }
  }
  return answers;
}

/** The moment `days` before `today` at `hour` UTC. */
const at = (today: string, days: number, hour: number) =>
  `${addDays(today, -days)}T${String(hour).padStart(2, '0')}:00:00.000Z`;

export async function seedDemoSurveys(
  services: { db: Kysely<DB>; activities: ActivityService },
  context: { workspaceId: string; coordinatorId: string },
  today: string = todayIso(),
): Promise<{ readinessWaveIds: string[]; marketWaveId: string | null } | null> {
  const { db } = services;
  const { workspaceId, coordinatorId } = context;
  const actor: Actor = {
    userId: coordinatorId,
    workspaceId,
    role: 'coordinator',
    clusterId: null,
    organisationId: null,
  };
  const members = await db
    .selectFrom('organisation')
    .innerJoin('person', 'person.organisation_id', 'organisation.id')
    .select(['organisation.id', 'person.id as person_id', 'person.name', 'person.email'])
    .where('organisation.workspace_id', '=', workspaceId)
    .where('person.email', 'is not', null)
    .where('person.consent', '=', 1)
    .orderBy('organisation.name')
    .orderBy('person.id')
    .execute();
  const markets = await db
    .selectFrom('target_market')
    .select(['id', 'name', 'country'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .execute();
  if (members.length === 0 || markets.length === 0) return null;
  // One respondent per member organisation: its first person with an e-mail who consented.
  const respondents = [...new Map(members.map((m) => [m.id, m])).values()];
  const marketIds = markets.map((m) => m.id);
  const random = seededRandom(23);

  // The activities the waves run in (the validation surveys and, below, a market study).
  const activityIds: string[] = [];
  for (const [index, wave] of DEMO_SURVEYS.readiness.entries()) {
    const activity = await services.activities.create(
      actor,
      createActivityBody.parse({
        instrumentKey: 'validation-surveys',
        title:
          index === 0
            ? 'Readiness survey of the members, first wave'
            : 'Readiness survey of the members, a year on',
        startsOn: addDays(today, -wave.daysAgo),
        endsOn: addDays(today, -wave.closedDaysAgo),
        status: 'done',
        outcomeNotes: 'Members assessed their readiness to go international over the six CHROME dimensions.',
      }),
    );
    activityIds.push(activity.id);
  }

  // The market survey goes to the market whose country has the most network people with consent.
  const reachable = await db
    .selectFrom('network_person as p')
    .innerJoin('network_organisation as o', 'o.id', 'p.organisation_id')
    .select(['p.id', 'p.name', 'p.email', 'o.id as organisation_id', 'o.country'])
    .where('p.workspace_id', '=', workspaceId)
    .where('p.email', 'is not', null)
    .where('p.consent_basis', 'is not', null)
    .where('p.erased_at', 'is', null)
    .orderBy('p.id')
    .execute();
  const byCountry = (country: string) => reachable.filter((p) => p.country === country);
  const market = [...markets].sort((a, b) => byCountry(b.country).length - byCountry(a.country).length)[0];
  const marketActivity =
    market && byCountry(market.country).length > 0
      ? await services.activities.create(
          actor,
          createActivityBody.parse({
            instrumentKey: 'market-surveys-study',
            title: `${market.name}: survey of the local network`,
            startsOn: addDays(today, -75),
            endsOn: addDays(today, -45),
            country: market.country,
            status: 'done',
            outcomeNotes:
              'Agencies, integrators and research centres asked what they look for in European partners.',
          }),
        )
      : null;

  return writeTransaction(db, async (trx) => {
    markEvidence(trx, [...activityIds, marketActivity?.id]);
    const readiness = defaultReadinessQuestionnaire();
    const questionnaireId = newId();
    await trx
      .insertInto('survey_questionnaire')
      .values({
        id: questionnaireId,
        workspace_id: workspaceId,
        kind: 'readiness',
        name: readiness.name,
        description: readiness.description,
        definition: JSON.stringify(readiness.definition),
        current_version: 1,
        is_default: 1,
        created_by: coordinatorId,
        created_at: at(today, 400, 9),
        updated_at: at(today, 400, 9),
      })
      .execute();
    const versionId = newId();
    await trx
      .insertInto('survey_questionnaire_version')
      .values({
        id: versionId,
        workspace_id: workspaceId,
        questionnaire_id: questionnaireId,
        number: 1,
        definition: JSON.stringify(readiness.definition),
        created_at: at(today, DEMO_SURVEYS.readiness[0].daysAgo, 9),
      })
      .execute();

    // Each member's own level; a year on it mostly rises (advice, training, the first trips).
    const levels = new Map(respondents.map((r) => [r.id, 0.15 + random() * 0.7]));
    const readinessWaveIds: string[] = [];
    for (const [index, wave] of DEMO_SURVEYS.readiness.entries()) {
      const waveId = newId();
      readinessWaveIds.push(waveId);
      await trx
        .insertInto('survey_wave')
        .values({
          id: waveId,
          workspace_id: workspaceId,
          questionnaire_id: questionnaireId,
          questionnaire_version_id: versionId,
          activity_id: activityIds[index] ?? null,
          market_id: null,
          cluster_id: null,
          name: index === 0 ? 'Readiness of the members, first wave' : 'Readiness of the members, a year on',
          audience: JSON.stringify({ kind: 'members' }),
          status: 'closed',
          opened_at: at(today, wave.daysAgo, 8),
          closes_at: at(today, wave.closedDaysAgo, 18),
          closed_at: at(today, wave.closedDaysAgo, 18),
          reminder_after_days: 7,
          created_by: coordinatorId,
          created_at: at(today, wave.daysAgo + 2, 10),
          updated_at: at(today, wave.closedDaysAgo, 18),
        })
        .execute();
      const invitations: Insertable<SurveyInvitationTable>[] = [];
      const responses: Insertable<SurveyResponseTable>[] = [];
      for (const respondent of respondents) {
        const invitationId = newId();
        const answered = random() < wave.share;
        const day = Math.floor(random() * (wave.daysAgo - wave.closedDaysAgo));
        const submittedAt = at(today, wave.daysAgo - day, 9 + Math.floor(random() * 8));
        invitations.push({
          id: invitationId,
          workspace_id: workspaceId,
          wave_id: waveId,
          token_hash: hashSecret(randomBytes(24).toString('base64url')),
          person_id: respondent.person_id,
          network_person_id: null,
          organisation_id: respondent.id,
          network_organisation_id: null,
          email: respondent.email as string,
          name: respondent.name,
          language: 'en',
          sent_at: at(today, wave.daysAgo, 8),
          opened_at: answered ? submittedAt : null,
          started_at: answered ? submittedAt : null,
          completed_at: answered ? submittedAt : null,
          reminded_at: answered ? null : at(today, wave.daysAgo - 7, 8),
          reminder_count: answered ? 0 : 1,
          draft_answers: null,
          draft_updated_at: null,
          created_at: at(today, wave.daysAgo, 8),
        });
        if (index === 1) {
          const level = levels.get(respondent.id) ?? 0.5;
          levels.set(respondent.id, Math.max(0.05, Math.min(0.98, level + (random() - 0.25) * 0.35)));
        }
        if (!answered) continue;
        const answers = answersAt(readiness.definition, levels.get(respondent.id) ?? 0.5, random, marketIds);
        const score = scoreReadiness(readiness.definition, answers);
        responses.push({
          id: newId(),
          workspace_id: workspaceId,
          wave_id: waveId,
          invitation_id: invitationId,
          organisation_id: respondent.id,
          network_organisation_id: null,
          language: 'en',
          answers: JSON.stringify(answers),
          completeness: 1,
          scores: JSON.stringify(score.dimensions),
          readiness_score: score.total,
          stage: score.stage,
          submitted_at: submittedAt,
          created_at: submittedAt,
        });
      }
      await trx.insertInto('survey_invitation').values(invitations).execute();
      if (responses.length > 0) await trx.insertInto('survey_response').values(responses).execute();
    }

    if (!market || !marketActivity) return { readinessWaveIds, marketWaveId: null };
    const definition = demoMarketQuestionnaire();
    const marketQuestionnaireId = newId();
    await trx
      .insertInto('survey_questionnaire')
      .values({
        id: marketQuestionnaireId,
        workspace_id: workspaceId,
        kind: 'market',
        name: `What ${market.name} looks for in European partners`,
        description: 'A short survey of the local network before the next mission.',
        definition: JSON.stringify(definition),
        current_version: 1,
        created_by: coordinatorId,
        created_at: at(today, 80, 9),
        updated_at: at(today, 80, 9),
      })
      .execute();
    const marketVersionId = newId();
    await trx
      .insertInto('survey_questionnaire_version')
      .values({
        id: marketVersionId,
        workspace_id: workspaceId,
        questionnaire_id: marketQuestionnaireId,
        number: 1,
        definition: JSON.stringify(definition),
        created_at: at(today, 75, 8),
      })
      .execute();
    const marketWaveId = newId();
    await trx
      .insertInto('survey_wave')
      .values({
        id: marketWaveId,
        workspace_id: workspaceId,
        questionnaire_id: marketQuestionnaireId,
        questionnaire_version_id: marketVersionId,
        activity_id: marketActivity.id,
        market_id: market.id,
        cluster_id: null,
        name: `${market.name}: the local network’s needs`,
        audience: JSON.stringify({ kind: 'network', countries: [market.country] }),
        status: 'closed',
        opened_at: at(today, 75, 8),
        closes_at: at(today, 45, 18),
        closed_at: at(today, 45, 18),
        reminder_after_days: 10,
        created_by: coordinatorId,
        created_at: at(today, 76, 10),
        updated_at: at(today, 45, 18),
      })
      .execute();
    // One person per organisation, the first ones of the country.
    const people = [...new Map(byCountry(market.country).map((p) => [p.organisation_id, p])).values()].slice(
      0,
      DEMO_SURVEYS.marketInvited,
    );
    const invitations: Insertable<SurveyInvitationTable>[] = [];
    const responses: Insertable<SurveyResponseTable>[] = [];
    for (const [index, person] of people.entries()) {
      const invitationId = newId();
      const answered = index < DEMO_SURVEYS.marketCompleted;
      const submittedAt = at(today, 74 - Math.floor(random() * 25), 7 + Math.floor(random() * 8));
      invitations.push({
        id: invitationId,
        workspace_id: workspaceId,
        wave_id: marketWaveId,
        token_hash: hashSecret(randomBytes(24).toString('base64url')),
        person_id: null,
        network_person_id: person.id,
        organisation_id: null,
        network_organisation_id: person.organisation_id,
        email: person.email as string,
        name: person.name,
        language: 'en',
        sent_at: at(today, 75, 8),
        opened_at: answered || index % 2 === 0 ? submittedAt : null,
        started_at: answered ? submittedAt : null,
        completed_at: answered ? submittedAt : null,
        reminded_at: answered ? null : at(today, 65, 8),
        reminder_count: answered ? 0 : 1,
        draft_answers: null,
        draft_updated_at: null,
        created_at: at(today, 75, 8),
      });
      if (!answered) continue;
      const answers = answersAt(definition, 0.4 + random() * 0.6, random, marketIds);
      answers.barriers =
        ['Export licences take too long.', 'We need a local partner for tenders.', ''][index % 3] ?? '';
      responses.push({
        id: newId(),
        workspace_id: workspaceId,
        wave_id: marketWaveId,
        invitation_id: invitationId,
        organisation_id: null,
        network_organisation_id: person.organisation_id,
        language: 'en',
        answers: JSON.stringify(answers),
        completeness: answers.barriers ? 1 : 0.75,
        scores: null,
        readiness_score: null,
        stage: null,
        submitted_at: submittedAt,
        created_at: submittedAt,
      });
    }
    if (invitations.length > 0) await trx.insertInto('survey_invitation').values(invitations).execute();
    if (responses.length > 0) await trx.insertInto('survey_response').values(responses).execute();

    const findings = [
      {
        title: 'Integrators look for European suppliers of Earth observation data',
        body: 'Most respondents named EO data first; several want a pilot project before any contract.',
      },
      {
        title: 'Export licences and a local partner come up before price',
        body: 'Public tenders need a local partner; licences for components slow the first orders down.',
      },
    ];
    const audit = new AuditRepository(trx);
    for (const [index, finding] of findings.entries()) {
      const id = newId();
      const createdAt = at(today, 40 - index * 5, 11);
      const values = {
        market_id: market.id,
        wave_id: marketWaveId,
        title: finding.title,
        body: finding.body,
      };
      await trx
        .insertInto('market_finding')
        .values({
          id,
          workspace_id: workspaceId,
          ...values,
          created_by: coordinatorId,
          created_at: createdAt,
          updated_at: createdAt,
        })
        .execute();
      await audit.record({
        workspaceId,
        actorUserId: coordinatorId,
        action: 'create',
        entityType: 'market_finding',
        entityId: id,
        changes: diff({}, values),
      });
    }
    return { readinessWaveIds, marketWaveId };
  });
}
