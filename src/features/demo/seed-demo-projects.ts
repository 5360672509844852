import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { FUNDING_PROGRAMMES, PROJECT_PARTNER_ROLES, type ProjectStatus } from '../../domain/network/types.ts';
import { seededRandom } from '../../domain/random.ts';
import { createActivityBody } from '../activities/schema.ts';
import type { ActivityService } from '../activities/service.ts';
import { createProjectBody, type PartnerInput } from '../projects/schema.ts';
import type { ProjectService } from '../projects/service.ts';

export interface DemoProjectServices {
  db: Kysely<DB>;
  activities: ActivityService;
  projects: ProjectService;
}

/** The instruments whose KPIs count projects (issue 21), each with a demo activity. */
const PROJECT_INSTRUMENTS = [
  'mentoring-follow-up',
  'ambassador-staff-exchange',
  'soft-landing',
  'sustaining-the-networks',
] as const;

/** Where the demo's 20 projects stand: every status, most of them somewhere along the way. */
const STATUSES: ProjectStatus[] = [
  'idea',
  'idea',
  'idea',
  'proposal',
  'proposal',
  'proposal',
  'proposal',
  'funded',
  'funded',
  'funded',
  'running',
  'running',
  'running',
  'running',
  'completed',
  'completed',
  'completed',
  'completed',
  'rejected',
  'rejected',
];

const THEMES = [
  'Lunar regolith processing',
  'Smallsat ground station network',
  'Earth observation for vineyards',
  'In-orbit servicing demonstrator',
  'Space weather alerts for grids',
  'GNSS for precision farming',
  'Satcom for maritime safety',
  'Debris tracking data exchange',
  'Cubesat test campaign',
  'Methane monitoring service',
  'Space-grade battery pack',
  'Quantum key distribution link',
  'Wildfire detection constellation',
  'Launch services brokerage',
  'Hyperspectral crop analytics',
  'Radiation-hard FPGA board',
  'Urban heat island mapping',
  'Spaceport logistics study',
  'Optical inter-satellite link',
  'Coastal erosion monitoring',
];

/**
 * The demo's collaborative projects (issue 21 item 8): 20 projects across statuses and funding
 * programmes, partners from the demo clusters, members and the network organisations already in
 * the database, many attributed to activities of mentoring, ambassadors, soft landing and
 * sustaining the networks (one of each is created here when the programme has none), written
 * through the projects use cases as the demo coordinator. Deterministic.
 */
export async function seedDemoProjects(services: DemoProjectServices, actor: Actor): Promise<number> {
  const { db } = services;
  const random = seededRandom(21_004);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const clusters = await db
    .selectFrom('cluster')
    .select(['id', 'country'])
    .where('workspace_id', '=', actor.workspaceId)
    .orderBy('short_name')
    .execute();
  if (clusters.length === 0) return 0;
  const members = await db
    .selectFrom('organisation')
    .select(['id', 'cluster_id'])
    .where('workspace_id', '=', actor.workspaceId)
    .orderBy('normalised_name')
    .limit(60)
    .execute();
  const counterparts = await db
    .selectFrom('network_organisation')
    .select('id')
    .where('workspace_id', '=', actor.workspaceId)
    .orderBy('normalised_name')
    .limit(80)
    .execute();

  const activityIds: string[] = [];
  for (const [index, instrumentKey] of PROJECT_INSTRUMENTS.entries()) {
    activityIds.push(
      await activityOf(services, actor, instrumentKey, clusters[index % clusters.length]?.id ?? null),
    );
  }

  let created = 0;
  for (const [index, status] of STATUSES.entries()) {
    const cluster = clusters[index % clusters.length] as { id: string };
    const partners: PartnerInput[] = [
      { clusterId: cluster.id, role: index % 3 === 0 ? 'coordinator' : 'partner' },
    ];
    const ownMembers = members.filter((m) => m.cluster_id === cluster.id);
    if (ownMembers.length > 0) partners.push({ organisationId: pick(ownMembers).id, role: 'partner' });
    const taken = new Set<string>();
    for (let n = 0; n < 1 + (index % 3) && counterparts.length > 0; n++) {
      const counterpart = pick(counterparts).id;
      if (taken.has(counterpart)) continue;
      taken.add(counterpart);
      partners.push({ networkOrganisationId: counterpart, role: pick(PROJECT_PARTNER_ROLES) });
    }
    const programme = FUNDING_PROGRAMMES[
      index % FUNDING_PROGRAMMES.length
    ] as (typeof FUNDING_PROGRAMMES)[number];
    // Completed projects ran in 2025–2026; the others start from 2026 on.
    const year = status === 'completed' ? 2025 : 2026 + (index % 3);
    // Four projects in five came from an activity of the four instruments; the rest stand alone.
    const activityId = index % 5 === 4 ? null : (activityIds[index % activityIds.length] ?? null);
    await services.projects.create(
      actor,
      createProjectBody.parse({
        title: THEMES[index] ?? `Project ${index + 1}`,
        description: `A joint ${THEMES[index]?.toLowerCase() ?? 'project'} with partners met through the network.`,
        clusterId: cluster.id,
        fundingProgramme: programme,
        amount: Math.round(50_000 + random() * 2_000_000),
        currency: programme === 'private' && index % 2 === 0 ? 'USD' : 'EUR',
        status,
        commonLabel: index % 3 !== 1,
        internationalFunding: programme === 'esa' || programme === 'private' || index % 5 === 0,
        activityId,
        startsOn: `${year}-0${1 + (index % 9)}-01`,
        endsOn: status === 'completed' ? '2026-06-30' : `${year + 2}-0${1 + (index % 9)}-01`,
        ...(status === 'completed' ? { completedOn: '2026-06-30' } : {}),
        partners,
      }),
    );
    created++;
  }
  return created;
}

/** The first activity of the instrument in the demo programme, or a new one created for it. */
async function activityOf(
  services: DemoProjectServices,
  actor: Actor,
  instrumentKey: string,
  clusterId: string | null,
): Promise<string> {
  const existing = await services.db
    .selectFrom('activity')
    .innerJoin('instrument', 'instrument.id', 'activity.instrument_id')
    .select('activity.id')
    .where('activity.workspace_id', '=', actor.workspaceId)
    .where('instrument.key', '=', instrumentKey)
    .orderBy('activity.starts_on')
    .orderBy('activity.id')
    .executeTakeFirst();
  if (existing) return existing.id;
  const created = await services.activities.create(
    actor,
    createActivityBody.parse({
      instrumentKey,
      title: `Network partners: ${instrumentKey.replaceAll('-', ' ')}`,
      startsOn: '2026-09-01',
      endsOn: '2026-12-15',
      clusterId,
      status: 'done',
      outcomeNotes: 'Common projects followed up with the partners met.',
    }),
  );
  return created.id;
}
