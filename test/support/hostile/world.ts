import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../src/db/database.ts';
import { newId } from '../../../src/db/ids.ts';
import { ROLES, type Role } from '../../../src/domain/access/policy.ts';
import { AuthRepository } from '../../../src/features/auth/repository.ts';
import { AuthService } from '../../../src/features/auth/service.ts';
import { MAX_VIEWS_PER_LIST } from '../../../src/features/saved-views/schema.ts';
import { B2bRows } from '../b2b-factories.ts';
import { Factory } from '../factories.ts';
import { NetworkHealthFactory } from '../network-health-factories.ts';
import { readinessAnswers, SurveyRows } from '../survey-factories.ts';

/**
 * The world the hostile requests run in: workspace A, where every caller is a member (one per
 * role), and workspace B, which holds the same kind of data, every text of it carrying `MARKER`.
 * No caller belongs to B: nothing of B may ever show in an answer, and B may never change.
 */
export const MARKER = 'zqxbleak';

/** Who sends a request: a member of A in each role, someone signed in with no workspace, nobody. */
export type CallerName = Role | 'stranger' | 'anonymous';
export const CALLER_NAMES: readonly CallerName[] = [...ROLES, 'stranger', 'anonymous'];

export interface Caller {
  name: CallerName;
  role: Role | null;
  headers: Record<string, string>;
  userId: string | null;
}

export interface Workspace {
  id: string;
  slug: string;
}

/** The ids the seed created in one workspace (the cluster manager's cluster, the member's organisation). */
export interface Seeded {
  clusterIds: string[];
  organisationIds: string[];
  activityIds: string[];
}

export interface World {
  a: Workspace;
  b: Workspace;
  callers: Map<CallerName, Caller>;
  /** Users and tokens of the callers: no generated request may target them (it would end the run). */
  protectedIds: Set<string>;
  /** Writes A's data once more (after the run deleted some of it), as `replenish` does. */
  replenish(): Promise<void>;
}

type Inject = (
  method: string,
  url: string,
  payload?: unknown,
  /** Statuses that leave the step out instead of failing the seed. */
  tolerate?: number[],
) => Promise<{ id?: string; version?: number }>;

/**
 * Creates A and B through the API (as each one's coordinator), then A's callers. Slow parts are
 * avoided: callers reach the API with tokens (no password hashing).
 */
export async function createWorld(app: FastifyInstance, database: Database): Promise<World> {
  const factory = new Factory(database.db);
  const a = await factory.workspace('Alpha consortium');
  const b = await factory.workspace(`Consortium ${MARKER}`);
  const bCoordinator = await factory.memberWithToken(b.id, 'coordinator');
  const aCoordinator = await factory.memberWithToken(a.id, 'coordinator');
  const seededB = await seedWorkspace(app, b.slug, bCoordinator.headers, MARKER);
  const seededA = await seedWorkspace(app, a.slug, aCoordinator.headers, 'alpha');
  // Issue 23 — questionnaires: a wave of each "Sent" questionnaire freezes its version 1.
  await freezeQuestionnaireVersions(database, b.id, a.id);
  // Network health reads the network's tables: one relationship with an interaction in each.
  await seedNetworkHealth(database, b.id, seededB.clusterIds[0] as string, MARKER);
  await seedNetworkHealth(database, a.id, seededA.clusterIds[0] as string, 'alpha');
  // Scheduling (issue 22): an event with slots, tables and accepted requests, so runs can start.
  await seedScheduleEvent(database, b.id, seededB.clusterIds[0] as string, MARKER);
  await seedScheduleEvent(database, a.id, seededA.clusterIds[0] as string, 'alpha');
  // A published B2B event with meetings, feed tokens and a table in each (issue 22: agendas).
  await seedAgendaEvent(database, b.id, seededB.clusterIds[0] as string, seededB.organisationIds[0], MARKER);
  await seedAgendaEvent(database, a.id, seededA.clusterIds[0] as string, seededA.organisationIds[0], 'alpha');
  // A B2B event with meetings in each (issue 22): the day's check-in, outcomes and follow-up.
  await seedB2bEvent(database, b.id, seededB, MARKER, 'KR');
  await seedB2bEvent(database, a.id, seededA, 'alpha', 'SE');
  // B2B events (issue 22): an open event with a public slug and participants in each.
  await seedRegistrationEvent(database, b.id, seededB, MARKER, 'KR');
  await seedRegistrationEvent(database, a.id, seededA, 'alpha', 'CA');
  // A B2B event's marketplace in each: approved participants (one the member's organisation) and requests.
  await seedMarketplace(database, b.id, seededB, MARKER);
  await seedMarketplace(database, a.id, seededA, 'alpha');
  // Issue 23 — market surveys: a market-survey wave of the owned market and a finding from it in each.
  await seedMarketFindings(database, b.id, MARKER);
  await seedMarketFindings(database, a.id, 'alpha');
  // Issue 23 — survey waves: a questionnaire, a draft wave that can be sent and an open wave in each.
  await seedSurveyWaves(database, b.id, seededB, MARKER);
  await seedSurveyWaves(database, a.id, seededA, 'alpha');
  // Issue 23 — results and readiness: a readiness wave with members' and anonymous responses in each.
  await seedReadinessWave(database, b.id, seededB, MARKER);
  await seedReadinessWave(database, a.id, seededA, 'alpha');
  // A few more members of each workspace (targets for the member routes, never callers).
  for (const role of ['viewer', 'mentor'] as const) {
    await factory.memberWithToken(a.id, role);
    await factory.memberWithToken(b.id, role);
  }

  const callers = new Map<CallerName, Caller>();
  const protectedIds = new Set<string>();
  for (const role of ROLES) {
    const member =
      role === 'coordinator'
        ? aCoordinator
        : await factory.memberWithToken(
            a.id,
            role,
            role === 'cluster_manager' ? (seededA.clusterIds[0] ?? null) : null,
            role === 'member' ? (seededA.organisationIds[0] ?? null) : null,
          );
    callers.set(role, { name: role, role, headers: member.headers, userId: member.user.id });
  }
  // Signed in, but a member of no workspace.
  const users = new AuthRepository(database.db);
  const strangerUser = await users.createUser({
    email: `stranger-${a.id}@example.test`,
    name: 'A stranger',
    passwordHash: null,
  });
  const stranger = await new AuthService(users).createApiToken(strangerUser.id, 'stranger', null);
  callers.set('stranger', {
    name: 'stranger',
    role: null,
    headers: { authorization: `Bearer ${stranger.secret}` },
    userId: strangerUser.id,
  });
  callers.set('anonymous', { name: 'anonymous', role: null, headers: {}, userId: null });

  for (const caller of callers.values()) {
    if (caller.userId) protectedIds.add(caller.userId);
  }
  const tokens = await database.db
    .selectFrom('api_token')
    .select('id')
    .where('user_id', 'in', [...protectedIds])
    .execute();
  for (const token of tokens) protectedIds.add(token.id);
  const memberships = await database.db
    .selectFrom('membership')
    .select('id')
    .where('user_id', 'in', [...protectedIds])
    .execute();
  for (const membership of memberships) protectedIds.add(membership.id);
  let round = 0;
  const replenish = async () => {
    round++;
    const seeded = await seedWorkspace(app, a.slug, aCoordinator.headers, `alpha${round}`, round);
    await freezeQuestionnaireVersions(database, a.id);
    for (const role of ['viewer', 'mentor'] as const) await factory.memberWithToken(a.id, role);
    // The member caller acts for an organisation; the run may have deleted it.
    await database.db
      .updateTable('membership')
      .set({ organisation_id: seeded.organisationIds[0] ?? null })
      .where('user_id', '=', callers.get('member')?.userId ?? '')
      .where('organisation_id', 'is', null)
      .execute();
  };
  return { a, b, callers, protectedIds, replenish };
}

/**
 * One workspace's data, written through the API as its coordinator: two clusters, three
 * organisations, people, two markets with plans, activities with participants, cost lines, an
 * applied estimate, KPI targets and entries, a travel rate, an invitation and a finished report.
 * Every text holds `tag`.
 */
async function seedWorkspace(
  app: FastifyInstance,
  slug: string,
  headers: Record<string, string>,
  tag: string,
  round = 0,
): Promise<Seeded> {
  const base = `/api/v1/workspaces/${slug}`;
  const send: Inject = async (method, url, payload, tolerate = []) => {
    const res = await app.inject({
      method: method as 'POST',
      url: `${base}${url}`,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    if (tolerate.includes(res.statusCode)) return {};
    if (res.statusCode >= 300) throw new Error(`seeding ${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.body ? res.json() : {};
  };
  const clusterIds: string[] = [];
  for (const [i, country] of (['BE', 'ES'] as const).entries()) {
    const cluster = await send('POST', '/clusters', {
      name: `Cluster ${i} ${tag}`,
      shortName: `C${i}${tag}`.slice(0, 20),
      country,
      city: `City ${tag}`,
      dayRateEur: 400 + i,
      website: `https://${tag}.example/${i}`,
    });
    clusterIds.push(cluster.id as string);
  }
  const [c0, c1] = clusterIds as [string, string];
  const organisationIds: string[] = [];
  for (const [i, clusterId] of [c0, c0, c1].entries()) {
    const organisation = await send('POST', '/organisations', {
      clusterId,
      name: `Org ${i} ${tag}`,
      type: 'sme',
      country: 'FR',
      city: `Lyon ${tag}`,
      registrationId: `REG${i}${tag}`.toUpperCase(),
      offers: `Offers ${tag}`,
      offerTags: [`tag-${tag}`],
      requests: `Requests ${tag}`,
      targetMarketInterests: ['JP'],
    });
    organisationIds.push(organisation.id as string);
  }
  const [o0, , o2] = organisationIds as [string, string, string];
  for (const [i, organisationId] of [o0, o2].entries()) {
    await send('POST', '/people', {
      organisationId,
      name: `Person ${i} ${tag}`,
      email: `person${i}.${tag}@example.org`,
      phone: '+32 2 123 45 67',
      roleTitle: `Title ${tag}`,
      consent: true,
    });
  }
  // A network organisation and one of its people (issue 21), owned by the first cluster.
  const counterpart = await send('POST', '/network/organisations', {
    name: `Counterpart ${round} ${tag}`,
    type: 'agency',
    country: 'JP',
    city: `Osaka ${tag}`,
    website: `https://${tag}.example/network/${round}`,
    ownerClusterId: c0,
    tags: [`tag-${tag}`],
    notes: `Notes ${tag}`,
  });
  await send('POST', '/network/people', {
    organisationId: counterpart.id,
    name: `Contact ${round} ${tag}`,
    email: `network${round}.${tag}@example.org`,
    language: 'ja',
    consentBasis: 'consent',
    consentOn: '2026-01-15',
    consentSource: `Card ${tag}`,
  });
  // A custom instrument of the workspace (issue 20): its routes need one to edit and compare.
  await send('POST', '/instruments/training-to-go-international/copy', { name: `Training ${tag}` });
  const owned = await send('POST', '/markets', {
    name: `Japan ${tag}`,
    country: 'JP',
    ownerClusterId: c0,
    rationale: `Why ${tag}`,
    findings: `Found ${tag}`,
  });
  const unowned = await send('POST', '/markets', { name: `Canada ${tag}`, country: 'CA' });
  const plan = await send('POST', '/plans', {
    marketId: owned.id,
    name: `Plan ${tag}`,
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    budgetCapEur: 50_000,
    notes: `Notes ${tag}`,
    instruments: [{ instrumentKey: 'study-visits', rationale: `Rationale ${tag}` }],
  });
  await send('POST', '/plans', {
    marketId: unowned.id,
    name: `Other plan ${tag}`,
    startsOn: '2026-01-01',
    endsOn: '2026-06-30',
  });
  const activityIds: string[] = [];
  for (const [i, values] of [
    { instrumentKey: 'training-to-go-international', clusterId: c0, planId: plan.id },
    { instrumentKey: 'study-visits', clusterId: c0, planId: plan.id },
    { instrumentKey: 'study-visits', clusterId: c1 },
  ].entries()) {
    const activity = await send('POST', '/activities', {
      ...values,
      title: `Activity ${i} ${tag}`,
      startsOn: '2026-04-13',
      endsOn: '2026-04-17',
      city: `Tokyo ${tag}`,
      country: 'JP',
      outcomeNotes: `Outcome ${tag}`,
    });
    activityIds.push(activity.id as string);
    await send('POST', `/activities/${activity.id}/participants`, {
      organisationId: o0,
      role: 'participant',
    });
    await send('POST', `/activities/${activity.id}/cost-lines`, {
      kind: 'actual',
      category: 'travel',
      fundingSource: 'cluster',
      description: `Flight ${tag}`,
      amountEur: 640.5,
      incurredOn: '2026-04-13',
    });
  }
  // A network organisation and person (issue 21), through the network import (helper A2), so the
  // vCard and GDPR routes have a person to work on; a later round reports them as duplicates.
  await send('POST', '/imports/network-organisations', {
    dryRun: false,
    rows: [
      { name: `Network org ${tag}`, type: 'agency', country: 'JP', website: `https://${tag}.example.jp` },
    ],
  });
  await send('POST', '/imports/network-people', {
    dryRun: false,
    rows: [
      {
        name: `Network person ${tag}`,
        email: `network.${tag}@example.jp`,
        organisation: `Network org ${tag}`,
        consentBasis: 'consent',
        consentOn: '2026-01-15',
      },
    ],
  });
  // The partnership pipeline (issue 21): a relationship of a member with another member, moved
  // once at the study visit (a network organisation comes with the network's own routes). The
  // run may have left it there already (409): enough.
  const relationship = await send(
    'POST',
    '/network/relationships',
    {
      ourOrganisationId: o0,
      counterpartOrganisationId: o2,
      stage: 'met',
      startedOn: '2026-04-13',
      notes: `Notes ${tag}`,
      activityId: activityIds[1],
    },
    [409],
  );
  if (relationship.id) {
    await send('POST', `/network/relationships/${relationship.id}/stage`, {
      version: relationship.version,
      stage: 'potential_partner',
      changedOn: '2026-04-15',
      activityId: activityIds[1],
    });
  }
  // A saved view of the seeding caller (the coordinator), so its edits have a record to work on;
  // the run's own valid requests may have filled that list to its limit already: then it has some.
  const views = await app.inject({ method: 'GET', url: `${base}/saved-views?list=organisations`, headers });
  if (views.statusCode !== 200)
    throw new Error(`seeding GET /saved-views: ${views.statusCode} ${views.body}`);
  if ((views.json().items as unknown[]).length < MAX_VIEWS_PER_LIST) {
    await send(
      'POST',
      '/saved-views',
      { list: 'organisations', name: `View ${tag} ${round}`, query: { sort: 'name' } },
      [409],
    );
  }
  const [training, visit] = activityIds as [string, string];
  const current = await app.inject({ method: 'GET', url: `${base}/activities/${training}`, headers });
  await send('POST', `/activities/${training}/estimate`, {
    parameters: { units: 2 },
    fundingSource: 'cluster',
    apply: true,
    version: current.json().version,
  });
  const destination = ['JP', 'CN', 'US', 'BR', 'IN', 'KR', 'AU', 'ZA'][round % 8];
  // The run may have given A a rate for that country already (409 without its version): enough.
  await send(
    'PUT',
    `/travel-rates/${destination}`,
    { travelEur: 1100, accommodationPerNightEur: 140, subsistencePerDayEur: 65 },
    [409],
  );
  await send('POST', '/kpi-targets', { activityId: training, kpiKey: 'held_activities', value: 2 });
  await send('POST', '/kpi-entries', {
    activityId: visit,
    kpiKey: 'remarks_on_visited_market',
    value: `Remark ${tag}`,
    recordedOn: '2026-04-14',
    comment: `Comment ${tag}`,
  });
  // An interaction with the network organisation at the study visit (issue 21), with an open next step.
  if (counterpart.id) {
    await send('POST', '/network/interactions', {
      kind: 'meeting',
      occurredOn: '2026-04-14',
      activityId: visit,
      clusterId: c0,
      networkOrganisationId: counterpart.id,
      notes: `Notes ${tag}`,
      nextStep: `Follow up ${tag}`,
      nextStepDueOn: '2026-05-01',
    });
  }
  await send('POST', '/invitations', {
    email: `invitee.${tag}@example.org`,
    name: `Invitee ${tag}`,
    role: 'viewer',
  });
  // A collaborative project (issue 21) of the first cluster, from the training, with two of ours as partners.
  await send('POST', '/network/projects', {
    title: `Project ${tag}`,
    description: `About ${tag}`,
    clusterId: c0,
    fundingProgramme: 'horizon_europe',
    amount: 125_000.5,
    currency: 'EUR',
    status: 'proposal',
    commonLabel: true,
    activityId: training,
    partners: [
      { clusterId: c0, role: 'coordinator' },
      { organisationId: o0, role: 'partner' },
    ],
  });
  // Issue 23 — questionnaires: one with a condition, in English and French, and a second one
  // with a wave that froze version 1 (so a version can be read and a delete is refused).
  const questionnaireDefinition = {
    languages: ['en', 'fr'],
    sections: [
      {
        key: 'company',
        title: { en: `Company ${tag}`, fr: `Entreprise ${tag}` },
        questions: [
          {
            key: 'exports',
            type: 'single_choice',
            label: { en: `Do you export ${tag}?`, fr: `Exportez-vous ${tag} ?` },
            required: true,
            dimension: 'heritage',
            options: [
              { key: 'no', label: { en: 'No', fr: 'Non' }, points: 0 },
              { key: 'yes', label: { en: 'Yes', fr: 'Oui' }, points: 5 },
            ],
          },
          {
            key: 'commitment',
            type: 'scale',
            label: { en: `Commitment ${tag}`, fr: `Engagement ${tag}` },
            required: false,
            dimension: 'engagement',
            showIf: { question: 'exports', anyOf: ['yes'] },
          },
        ],
      },
    ],
  };
  await send('POST', '/surveys/questionnaires', {
    name: `Readiness ${round} ${tag}`,
    kind: 'readiness',
    description: `About ${tag}`,
    definition: questionnaireDefinition,
  });
  const sentQuestionnaire = await send('POST', '/surveys/questionnaires', {
    name: `Sent ${round} ${tag}`,
    kind: 'readiness',
    definition: questionnaireDefinition,
  });
  questionnairesWithWave.push(sentQuestionnaire.id as string);
  // A B2B matchmaking event (issue 22) on a matchmaking activity of the first cluster, with two
  // sessions (one with a break), three tables and an open registration page.
  const matchmaking = await send('POST', '/activities', {
    instrumentKey: '1.2.1',
    clusterId: c0,
    title: `Matchmaking ${round} ${tag}`,
    startsOn: '2026-04-13',
    endsOn: '2026-04-14',
    city: `Tokyo ${tag}`,
    country: 'JP',
  });
  const event = await send('POST', '/events', {
    activityId: matchmaking.id,
    format: 'hybrid',
    videoLink: `https://${tag}.example/meet`,
    venue: `Hall ${tag}`,
    description: `B2B ${tag}`,
    slotMinutes: 30,
    timeZone: 'Asia/Tokyo',
    maxRequestsPerParticipant: 10,
    sessions: [
      {
        name: `Morning ${tag}`,
        day: '2026-04-13',
        startTime: '09:00',
        endTime: '12:00',
        breaks: [{ start: '10:30', end: '11:00', label: `Coffee ${tag}` }],
      },
      { name: `Afternoon ${tag}`, day: '2026-04-14', startTime: '14:00', endTime: '16:00', breaks: [] },
    ],
    tableCount: 3,
  });
  await send('POST', `/events/${event.id}/status`, { status: 'open' });
  await send('POST', '/reports', { from: '2026-01-01', to: '2026-12-31', format: 'xlsx' });
  await app.jobs.idle();
  return { clusterIds, organisationIds, activityIds };
}

/** A network organisation with an interaction and a relationship of the cluster (texts carry `tag`). */
async function seedNetworkHealth(database: Database, workspaceId: string, clusterId: string, tag: string) {
  const network = new NetworkHealthFactory(database.db);
  const organisation = await network.organisation(workspaceId, {
    name: `Health org ${tag}`,
    city: `Osaka ${tag}`,
  });
  await network.interaction(workspaceId, organisation.id, '2026-03-02', { notes: `Met ${tag}` });
  await network.relationship(workspaceId, clusterId, organisation.id, {
    stage: 'partner',
    started_on: '2026-01-10',
    notes: `Partner ${tag}`,
  });
}

/**
 * A matchmaking event of the cluster ready to schedule (issue 22 item 4): a morning of six slots,
 * three tables (one reserved), four approved participants (in Norway: names unlike the other
 * events' participants) and three accepted requests. Texts carry `tag`.
 */
async function seedScheduleEvent(database: Database, workspaceId: string, clusterId: string, tag: string) {
  const activity = await new Factory(database.db).activity(workspaceId, null, {
    instrument: '1.2.1',
    cluster_id: clusterId,
    title: `Schedule event ${tag}`,
  });
  const rows = new B2bRows(database.db);
  const event = await rows.event(workspaceId, activity.id, { description: `Brokerage ${tag}` });
  await rows.session(event.id, { name: `Morning ${tag}` });
  const tables = await rows.tables(event.id, 3);
  const participants = [];
  for (const i of [0, 1, 2, 3])
    participants.push(
      await rows.participant(workspaceId, event.id, {
        name: `Scheduled company ${i} ${tag}`,
        country: 'NO',
        contact_email: `scheduled${i}.${tag}@example.org`,
      }),
    );
  const [p0, p1, p2, p3] = participants.map((p) => ({ id: p.id })) as [
    { id: string },
    { id: string },
    { id: string },
    { id: string },
  ];
  await database.db
    .updateTable('b2b_table')
    .set({ reserved_participant_id: p0.id })
    .where('id', '=', tables[0]?.id ?? '')
    .execute();
  await rows.request(workspaceId, event.id, p0.id, p1.id, { message: `Meet ${tag}`, priority: 3 });
  await rows.request(workspaceId, event.id, p0.id, p2.id, { message: `Meet ${tag}` });
  await rows.request(workspaceId, event.id, p2.id, p3.id, { message: `Meet ${tag}`, priority: 1 });
}

/**
 * A published B2B event of the cluster (issue 22) with three approved participants — the member
 * organisation (when given) and two outside companies, one name per country — two meetings on
 * tables and a calendar feed token: what the agenda routes read (texts carry `tag`).
 */
async function seedAgendaEvent(
  database: Database,
  workspaceId: string,
  clusterId: string,
  organisationId: string | undefined,
  tag: string,
) {
  const factory = new Factory(database.db);
  const b2b = new B2bRows(database.db);
  const activity = await factory.activity(workspaceId, null, {
    instrument: '1.2.1',
    title: `Matchmaking ${tag}`,
    cluster_id: clusterId,
  });
  const event = await b2b.event(workspaceId, activity.id, {
    venue: `Venue ${tag}`,
    published_at: '2026-03-01T10:00:00.000Z',
    agenda_revision: 1,
  });
  await b2b.session(event.id, { name: `Morning ${tag}` });
  const tables = await b2b.tables(event.id, 2);
  const member = organisationId
    ? await b2b.participant(workspaceId, event.id, {
        name: `Member participant ${tag}`,
        country: 'BE',
        organisation_id: organisationId,
        source: 'member',
      })
    : null;
  const outside = await b2b.participant(workspaceId, event.id, {
    name: `Agenda company ${tag}`,
    country: 'JP',
    description: `Profile ${tag}`,
    offers: `Offers ${tag}`,
    looking_for: `Looking for ${tag}`,
    feed_token: `cal_${tag.padEnd(43, 'x').slice(0, 43)}`,
  });
  const third = await b2b.participant(workspaceId, event.id, {
    name: `Agenda partner ${tag}`,
    country: 'GR',
  });
  const first = await b2b.request(workspaceId, event.id, member?.id ?? third.id, outside.id);
  await b2b.meeting(workspaceId, event.id, first.id, '2026-03-10T08:00:00.000Z', {
    table_id: tables[0]?.id ?? null,
    published: 1,
  });
  if (member) {
    const second = await b2b.request(workspaceId, event.id, third.id, member.id);
    await b2b.meeting(workspaceId, event.id, second.id, '2026-03-10T08:30:00.000Z', {
      table_id: tables[1]?.id ?? null,
      published: 1,
    });
  }
}

/**
 * A matchmaking event of the first cluster running today, with a member organisation, an outside
 * company known to the network and one that is not, requests between them, and meetings: one held
 * yesterday, one scheduled tomorrow (issue 22's day and follow-up routes need them). Participant
 * names carry `tag` and the country (one per workspace: names never collide).
 */
async function seedB2bEvent(
  database: Database,
  workspaceId: string,
  seeded: Seeded,
  tag: string,
  country: string,
) {
  const factory = new Factory(database.db);
  const rows = new B2bRows(database.db);
  const day = (offset: number) => new Date(Date.now() + offset * 24 * 3600_000).toISOString();
  const activity = await factory.activity(workspaceId, null, {
    instrument: '1.2.1',
    cluster_id: seeded.clusterIds[0] ?? null,
    title: `Matchmaking ${tag}`,
    starts_on: day(-1).slice(0, 10),
    ends_on: day(1).slice(0, 10),
  });
  const event = await rows.event(workspaceId, activity.id, {
    description: `B2B ${tag}`,
    venue: `Hall ${tag}`,
  });
  await rows.session(event.id, { name: `Morning ${tag}`, day: day(0).slice(0, 10) });
  const [table] = await rows.tables(event.id, 2);
  const network = await database.db
    .insertInto('network_organisation')
    .values({
      id: `b2b-network-${workspaceId}`,
      workspace_id: workspaceId,
      owner_cluster_id: null,
      name: `Event counterpart ${tag}`,
      normalised_name: `event counterpart ${tag}`,
      type: 'company',
      country,
      city: null,
      website: null,
      website_domain: null,
      space_segments: '[]',
      melca: '[]',
      tags: '[]',
      notes: '',
      created_at: day(0),
      updated_at: day(0),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const member = await rows.participant(workspaceId, event.id, {
    organisation_id: seeded.organisationIds[0] ?? null,
    organisation_type: null,
    name: `Member ${country} ${tag}`,
    country,
  });
  const outside = await rows.participant(workspaceId, event.id, {
    network_organisation_id: network.id,
    name: `Outside ${country} ${tag}`,
    country,
  });
  const other = await rows.participant(workspaceId, event.id, {
    name: `Unlinked ${country} ${tag}`,
    country,
  });
  const held = await rows.request(workspaceId, event.id, member.id, outside.id, { message: `Hello ${tag}` });
  const soon = await rows.request(workspaceId, event.id, other.id, member.id, { message: `Meet ${tag}` });
  await rows.request(workspaceId, event.id, outside.id, other.id, {
    status: 'pending',
    message: `Maybe ${tag}`,
  });
  await rows.meeting(workspaceId, event.id, held.id, day(-1), {
    status: 'held',
    table_id: table?.id ?? null,
    published: 1,
  });
  await rows.meeting(workspaceId, event.id, soon.id, day(1), { table_id: table?.id ?? null, published: 1 });
}

/**
 * An open B2B event of the first cluster's matchmaking activity with a public slug, one session,
 * an outside participant (pending, with a portal link; its country `country`, one per world) and
 * the first member organisation registered (registration's routes, issue 22).
 */
async function seedRegistrationEvent(
  database: Database,
  workspaceId: string,
  seeded: Seeded,
  tag: string,
  country: string,
) {
  const factory = new Factory(database.db);
  const rows = new B2bRows(database.db);
  const activity = await factory.activity(workspaceId, null, {
    instrument: '1.2.1',
    cluster_id: seeded.clusterIds[0] ?? null,
    title: `Matchmaking ${tag}`,
  });
  const event = await rows.event(workspaceId, activity.id, {
    description: `Meet ${tag}`,
    public_slug: `reg-${tag}-${workspaceId.slice(-6)}`,
  });
  await rows.session(event.id, { name: `Morning ${tag}` });
  await rows.participant(workspaceId, event.id, {
    name: `Outside company ${tag}`,
    country,
    status: 'pending',
    source: 'public',
    network_consent: 1,
    contact_email: `outside.${tag}.${workspaceId.slice(-6)}@example.org`,
  });
  const organisationId = seeded.organisationIds[0];
  if (organisationId)
    await rows.participant(workspaceId, event.id, {
      name: `Member participant ${tag}`,
      country: 'BE',
      organisation_id: organisationId,
      source: 'member',
      contact_email: `member.${tag}.${workspaceId.slice(-6)}@example.org`,
    });
}

/**
 * A B2B event on the seed's first activity, with three approved participants
 * (the first member organisation's and two outside companies, one name per country), a pending
 * participant, and requests between them in several states (issue 22 item 3).
 */
async function seedMarketplace(database: Database, workspaceId: string, seeded: Seeded, tag: string) {
  const rows = new B2bRows(database.db);
  // On an activity the seed already made: a new one would shift the picks of the other routes'
  // generated requests (the parallel-edits test samples activities by position).
  const activityId = seeded.activityIds[0];
  if (!activityId) throw new Error('the seed made no activity');
  const event = await rows.event(workspaceId, activityId, {
    description: `B2B ${tag}`,
    meeting_types: '["b2b","b2i"]',
    request_expiry_days: 7,
    max_requests_per_participant: 20,
  });
  const profile = (country: string, offers: string, lookingFor: string) => ({
    name: `Market ${tag} ${country}`,
    country,
    city: `City ${tag}`,
    description: `Profile ${tag}`,
    offers: `${offers} ${tag}`,
    looking_for: `${lookingFor} ${tag}`,
    tags: JSON.stringify([`tag-${tag}`, 'eo']),
    space_segments: '["earth_observation"]',
    target_markets: '["JP","BE"]',
    meeting_types: '["b2b","b2i"]',
    contact_name: `Contact ${tag} ${country}`,
  });
  const member = await rows.participant(workspaceId, event.id, {
    ...profile('BE', 'Optical payloads', 'SAR imagery'),
    organisation_id: seeded.organisationIds[0] ?? null,
    organisation_type: null,
    source: 'member',
  });
  const japan = await rows.participant(
    workspaceId,
    event.id,
    profile('JP', 'SAR imagery', 'Optical payloads'),
  );
  const france = await rows.participant(workspaceId, event.id, profile('FR', 'Ground stations', 'Launch'));
  await rows.participant(workspaceId, event.id, { ...profile('DE', 'Antennas', 'Data'), status: 'pending' });
  await rows.request(workspaceId, event.id, japan.id, member.id, {
    status: 'pending',
    message: `Shall we meet? ${tag}`,
  });
  await rows.request(workspaceId, event.id, member.id, france.id, {
    status: 'accepted',
    message: `Yes ${tag}`,
  });
  await rows.request(workspaceId, event.id, france.id, japan.id, {
    status: 'declined',
    decline_reason: `Busy ${tag}`,
  });
}

/**
 * Issue 23 — market surveys: a market questionnaire's wave on the workspace's owned market (its
 * first market with an owner cluster) and a finding of that market naming it.
 */
async function seedMarketFindings(database: Database, workspaceId: string, tag: string) {
  const market = await database.db
    .selectFrom('target_market')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('owner_cluster_id', 'is not', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const surveys = new SurveyRows(database.db);
  const questionnaire = await surveys.questionnaire(workspaceId, {
    kind: 'market',
    name: `Market survey ${tag}`,
    description: `About ${tag}`,
  });
  const wave = await surveys.wave(workspaceId, questionnaire.id, {
    market_id: market.id,
    name: `Wave ${tag}`,
  });
  const now = new Date().toISOString();
  await database.db
    .insertInto('market_finding')
    .values({
      id: newId(),
      workspace_id: workspaceId,
      market_id: market.id,
      wave_id: wave.id,
      title: `Finding ${tag}`,
      body: `Integrators ${tag} look for partners`,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

// Issue 23 — questionnaires: the ids of the "Sent" questionnaires seeded since the last freeze.
const questionnairesWithWave: string[] = [];

/** A wave for each "Sent" questionnaire seeded (B's first, then A's), freezing its version 1. */
async function freezeQuestionnaireVersions(database: Database, ...workspaceIds: string[]): Promise<void> {
  const rows = new SurveyRows(database.db);
  const ids = questionnairesWithWave.splice(0);
  for (const [index, id] of ids.entries()) {
    await rows.wave(workspaceIds[index] as string, id);
  }
}

/**
 * Issue 23 — survey waves: a readiness questionnaire, a draft wave of the first cluster whose
 * audience (the first organisation) holds a consenting person with an e-mail, and an open wave
 * with one invitation. Texts and e-mails carry `tag`.
 */
async function seedSurveyWaves(database: Database, workspaceId: string, seeded: Seeded, tag: string) {
  const rows = new SurveyRows(database.db);
  const clusterId = seeded.clusterIds[0] ?? null;
  const organisationId = seeded.organisationIds[0];
  if (!organisationId) throw new Error('the seed made no organisation');
  await new Factory(database.db).person(workspaceId, organisationId, {
    name: `Respondent ${tag}`,
    email: `respondent.${tag}.${workspaceId.slice(-6)}@example.org`,
    consent: 1,
    consent_at: '2026-01-01',
  });
  const questionnaire = await rows.questionnaire(workspaceId, { name: `Readiness ${tag}` });
  const audience = JSON.stringify({ kind: 'members', organisationIds: [organisationId] });
  const draft = await rows.wave(workspaceId, questionnaire.id, {
    name: `Draft wave ${tag}`,
    cluster_id: clusterId,
    audience,
  });
  await database.db
    .updateTable('survey_wave')
    .set({ status: 'draft', questionnaire_version_id: null, opened_at: null })
    .where('id', '=', draft.id)
    .execute();
  const open = await rows.wave(workspaceId, questionnaire.id, {
    name: `Open wave ${tag}`,
    cluster_id: clusterId,
    audience,
  });
  await rows.invitation(workspaceId, open.id, {
    name: `Invited ${tag}`,
    email: `invited.${tag}.${workspaceId.slice(-6)}@example.org`,
    organisation_id: organisationId,
  });
}

/**
 * Issue 23 — results and readiness: a readiness questionnaire, a wave of it with two members'
 * scored responses and an anonymous one whose text answer carries `tag`, so results, exports,
 * profiles and a market's readiness have something to read.
 */
async function seedReadinessWave(database: Database, workspaceId: string, seeded: Seeded, tag: string) {
  const surveys = new SurveyRows(database.db);
  const questionnaire = await surveys.questionnaire(workspaceId, { name: `Readiness ${tag}` });
  const wave = await surveys.wave(workspaceId, questionnaire.id, { name: `Wave ${tag}` });
  for (const [index, organisationId] of seeded.organisationIds.slice(0, 2).entries()) {
    await surveys.response(workspaceId, wave.id, readinessAnswers(index === 0 ? 2 : 4), {
      organisation_id: organisationId,
    });
  }
  await surveys.response(workspaceId, wave.id, { ...readinessAnswers(3), gaps: `Contacts ${tag}` });
}
