import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { addDays, todayIso } from '../../domain/dates.ts';
import {
  PIPELINE_STAGES,
  type PipelineStage,
  type RelationshipStage,
  stageRank,
} from '../../domain/network/types.ts';
import { seededRandom } from '../../domain/random.ts';
import { createActivityBody } from '../activities/schema.ts';
import type { ActivityService } from '../activities/service.ts';
import { AuditRepository, diff } from '../audit/repository.ts';
import { RelationshipRepository, type RelationshipRow } from '../relationships/repository.ts';

/**
 * The network events of the last months that the programme's two-year plans have still ahead (their
 * trade fairs and mentoring come next year): standalone activities, held, through the activities'
 * use case, so the stage changes of the pipeline have past fairs, clubs and mentoring to be
 * attributed to.
 */
const NETWORK_EVENTS: {
  instrumentKey: string;
  title: string;
  daysAgo: number;
  days: number;
  city: string;
  country: string;
}[] = [
  {
    instrumentKey: 'trade-fairs',
    title: 'Space Tech Expo Europe: joint stand',
    daysAgo: 230,
    days: 3,
    city: 'Bremen',
    country: 'DE',
  },
  {
    instrumentKey: 'innovation-clubs',
    title: 'Innovation club: Earth observation for farming',
    daysAgo: 170,
    days: 1,
    city: 'Toulouse',
    country: 'FR',
  },
  {
    instrumentKey: 'trade-fairs',
    title: 'GEOINT Symposium: partner stand',
    daysAgo: 120,
    days: 3,
    city: 'St. Louis',
    country: 'US',
  },
  {
    instrumentKey: 'international-events-conferences',
    title: 'International Astronautical Congress: side event',
    daysAgo: 75,
    days: 2,
    city: 'Sydney',
    country: 'AU',
  },
  {
    instrumentKey: 'mentoring-follow-up',
    title: 'Mentoring follow-up: partnerships of the year',
    daysAgo: 30,
    days: 1,
    city: 'Brussels',
    country: 'BE',
  },
];

async function seedNetworkActivities(activities: ActivityService, actor: Actor): Promise<void> {
  const today = todayIso();
  for (const event of NETWORK_EVENTS) {
    const startsOn = addDays(today, -event.daysAgo);
    await activities.create(
      actor,
      createActivityBody.parse({
        instrumentKey: event.instrumentKey,
        title: event.title,
        startsOn,
        endsOn: addDays(startsOn, event.days - 1),
        city: event.city,
        country: event.country,
        status: 'done',
        outcomeNotes: 'Held as planned: contacts and partners recorded in the pipeline.',
      }),
    );
  }
}

/** How many relationships end at each stage: every stage shows on the board, the funnel narrows. */
export const DEMO_PIPELINE_STAGES: readonly [RelationshipStage, number][] = [
  ['mapped', 20],
  ['contacted', 18],
  ['met', 18],
  ['potential_partner', 16],
  ['partner', 16],
  ['collaborating', 12],
  ['common_project', 8],
  ['dormant', 7],
  ['closed', 5],
];

/** The instruments a step to each stage is most often attributed to (the demo's activities). */
const STEP_INSTRUMENTS: Record<PipelineStage, readonly string[]> = {
  mapped: ['study-visits', 'market-surveys-study'],
  contacted: ['matchmaking-events', 'newsletter'],
  met: ['matchmaking-events', 'trade-fairs', 'study-visits', 'international-events-conferences'],
  potential_partner: ['study-visits'],
  partner: ['trade-fairs', 'international-events-conferences'],
  collaborating: ['innovation-clubs', 'mentoring-follow-up'],
  common_project: ['mentoring-follow-up'],
};

const REASONS = {
  dormant: [
    'No budget this year on their side',
    'Contact person left the company',
    'Waiting for the next call',
  ],
  closed: ['Acquired by a competitor', 'No fit with our members after the pilot'],
};

interface DemoActivity {
  id: string;
  key: string;
  startsOn: string;
  marketId: string | null;
}

/**
 * The partnership pipeline of the demo (issue 21, item 8): about 120 relationships between the
 * demo's clusters or members and the network organisations already in the database (or, when there
 * are none, members of other clusters), at every stage, each with a history whose steps are
 * attributed to the demo's past activities of fitting instruments (study visits for potential
 * partners, trade fairs for partners, mentoring for collaborations), so the pipeline KPIs show
 * real numbers at first start. Deterministic; through the relationships' repository, in one
 * transaction (the KPIs of the activities are refreshed once, before commit).
 */
export async function seedDemoPipeline(
  services: { db: Kysely<DB>; activities: ActivityService },
  context: { workspaceId: string; coordinatorId: string },
): Promise<number> {
  const { db } = services;
  const { workspaceId, coordinatorId } = context;
  const today = todayIso();
  await seedNetworkActivities(services.activities, {
    userId: coordinatorId,
    workspaceId,
    role: 'coordinator',
    clusterId: null,
    organisationId: null,
  });
  const random = seededRandom(21);
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];

  const clusters = await db
    .selectFrom('cluster')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .orderBy('short_name')
    .execute();
  const members = await db
    .selectFrom('organisation')
    .select(['id', 'cluster_id'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .execute();
  const network = await db
    .selectFrom('network_organisation')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .execute();
  const activities: DemoActivity[] = (
    await db
      .selectFrom('activity as a')
      .innerJoin('instrument as i', 'i.id', 'a.instrument_id')
      .leftJoin('plan as p', 'p.id', 'a.plan_id')
      .select(['a.id', 'i.key', 'a.starts_on', 'p.market_id'])
      .where('a.workspace_id', '=', workspaceId)
      .where('a.starts_on', '<=', today)
      .where('a.status', '!=', 'cancelled')
      .orderBy('a.starts_on')
      .orderBy('a.id')
      .execute()
  ).map((a) => ({ id: a.id, key: a.key, startsOn: a.starts_on, marketId: a.market_id }));
  if (clusters.length === 0 || members.length < 2) return 0;

  const pairs = new Set<string>();
  const plans: {
    ours: { cluster: string } | { organisation: string; cluster: string };
    counterpart: { network: string } | { member: string };
    final: RelationshipStage;
  }[] = [];
  const finals = DEMO_PIPELINE_STAGES.flatMap(([stage, count]) => Array.from({ length: count }, () => stage));
  for (const [index, final] of finals.entries()) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const byCluster = random() < 0.5;
      const member = pick(members);
      const cluster = pick(clusters);
      if (!member || !cluster) break;
      const ours = byCluster
        ? { cluster: cluster.id }
        : { organisation: member.id, cluster: member.cluster_id };
      const counterpartMember = members[(index * 7 + attempt * 3) % members.length];
      const counterpart =
        network.length > 0
          ? { network: (network[(index * 5 + attempt) % network.length] as { id: string }).id }
          : { member: (counterpartMember as { id: string }).id };
      const oursId = 'organisation' in ours ? ours.organisation : ours.cluster;
      const counterpartId = 'network' in counterpart ? counterpart.network : counterpart.member;
      // A member is not its own counterpart, and a cluster's own members are not its counterparts.
      if (oursId === counterpartId) continue;
      if ('member' in counterpart) {
        const theirs = members.find((m) => m.id === counterpart.member);
        if (theirs?.cluster_id === ours.cluster) continue;
      }
      const key = `${oursId}|${counterpartId}`;
      if (pairs.has(key)) continue;
      pairs.add(key);
      plans.push({ ours, counterpart, final });
      break;
    }
  }

  return writeTransaction(db, async (trx) => {
    const relationships = new RelationshipRepository(trx);
    const created: { row: RelationshipRow; activityId: string | null }[] = [];
    for (const plan of plans) {
      const top = stageRank(plan.final) ?? 1 + Math.floor(random() * 4);
      const path: RelationshipStage[] = PIPELINE_STAGES.slice(0, top + 1).filter(
        // Some relationships skip a step (met at a fair straight after mapping).
        (stage, i) => i === 0 || i === top || random() < 0.75 || stage === 'partner',
      );
      if (stageRank(plan.final) === null) path.push(plan.final);
      // Steps dated along the demo's past activities of fitting instruments, in order.
      let day = addDays(today, -(240 + Math.floor(random() * 200)));
      const steps: { stage: RelationshipStage; day: string; activity: DemoActivity | null }[] = [];
      for (const stage of path) {
        const wanted = stageRank(stage) === null ? [] : STEP_INSTRUMENTS[stage as PipelineStage];
        const candidates = activities.filter((a) => wanted.includes(a.key) && a.startsOn >= day);
        const activity =
          candidates.length > 0 && random() < 0.85 ? (pick(candidates.slice(0, 4)) ?? null) : null;
        const next = activity ? activity.startsOn : addDays(day, 5 + Math.floor(random() * 40));
        day = next;
        if (day > today) day = today;
        steps.push({ stage, day, activity });
      }
      const [first, ...rest] = steps;
      if (!first) continue;
      const market = steps.find((s) => s.activity?.marketId)?.activity?.marketId ?? null;
      let row = await relationships.create(
        workspaceId,
        {
          our_cluster_id: 'organisation' in plan.ours ? null : plan.ours.cluster,
          our_organisation_id: 'organisation' in plan.ours ? plan.ours.organisation : null,
          network_organisation_id: 'network' in plan.counterpart ? plan.counterpart.network : null,
          counterpart_organisation_id: 'member' in plan.counterpart ? plan.counterpart.member : null,
          cluster_id: plan.ours.cluster,
          market_id: market,
          stage: first.stage,
          stage_reason: null,
          started_on: first.day,
          stage_changed_on: first.day,
          owner_user_id: coordinatorId,
          notes: '',
        },
        { actorUserId: coordinatorId, activityId: first.activity?.id ?? null },
      );
      created.push({ row, activityId: first.activity?.id ?? null });
      for (const step of rest) {
        const reason =
          step.stage === 'dormant' || step.stage === 'closed' ? (pick(REASONS[step.stage]) ?? null) : null;
        const updated = await relationships.changeStage(row, row.version, {
          toStage: step.stage,
          changedOn: step.day,
          reason,
          actorUserId: coordinatorId,
          activityId: step.activity?.id ?? null,
        });
        if (updated) row = updated;
      }
    }
    await new AuditRepository(trx).recordMany(
      created.map(({ row, activityId }) => ({
        workspaceId,
        actorUserId: coordinatorId,
        action: 'create' as const,
        entityType: 'relationship',
        entityId: row.id,
        changes: diff(
          {},
          {
            our_cluster_id: row.our_cluster_id,
            our_organisation_id: row.our_organisation_id,
            network_organisation_id: row.network_organisation_id,
            counterpart_organisation_id: row.counterpart_organisation_id,
            started_on: row.started_on,
            activity_id: activityId,
          },
        ),
      })),
    );
    return created.length;
  });
}
