import { writeTransaction } from '../../db/write-transaction.ts';
import type { Actor, Role } from '../../domain/access/policy.ts';
import { AuditRepository, diff } from '../audit/repository.ts';
import { AuthRepository } from '../auth/repository.ts';
import { ClusterRepository } from '../clusters/repository.ts';
import { OrganisationRepository } from '../organisations/repository.ts';
import { PersonRepository } from '../people/repository.ts';
import { WorkspaceRepository } from '../workspaces/repository.ts';
import { WorkspaceSettingsRepository } from '../workspaces/settings-repository.ts';
import { demoRegistry } from './demo-registry.ts';
import { seedDemoEvents } from './seed-demo-events.ts';
import { type DemoInstrumentServices, seedDemoCustomInstrument } from './seed-demo-instruments.ts';
import { seedDemoInteractions } from './seed-demo-interactions.ts';
import { seedDemoNetwork } from './seed-demo-network.ts';
import { seedDemoPipeline } from './seed-demo-pipeline.ts';
import { type DemoServices, seedDemoPlanning } from './seed-demo-planning.ts';
import { type DemoProjectServices, seedDemoProjects } from './seed-demo-projects.ts';
import { seedDemoSurveys } from './seed-demo-surveys.ts';

/** The demo's sign-in, printed at start. Only ever on a database that had no workspace. */
export const DEMO_PASSWORD = 'space2id-demo';
export const DEMO_WORKSPACE_SLUG = 'demo';

/** A fictional consortium: 8 partner clusters in 6 EU countries (names invented for the demo). */
const DEMO_CLUSTERS = [
  { short_name: 'BSN', name: 'Brabant Space Network', country: 'BE', city: 'Leuven', day_rate_cents: 52_000 },
  {
    short_name: 'OVS',
    name: 'Occitanie Valley of Space',
    country: 'FR',
    city: 'Toulouse',
    day_rate_cents: 55_000,
  },
  {
    short_name: 'MAR',
    name: 'Mediterranean Aerospace Ring',
    country: 'FR',
    city: 'Marseille',
    day_rate_cents: 50_000,
  },
  {
    short_name: 'HSC',
    name: 'Hellenic Space Constellation',
    country: 'GR',
    city: 'Athens',
    day_rate_cents: 38_000,
  },
  { short_name: 'TSD', name: 'Tiber Space District', country: 'IT', city: 'Rome', day_rate_cents: 46_000 },
  {
    short_name: 'PSA',
    name: 'Po Valley Space Alliance',
    country: 'IT',
    city: 'Turin',
    day_rate_cents: 46_000,
  },
  {
    short_name: 'VOC',
    name: 'Vistula Orbital Cluster',
    country: 'PL',
    city: 'Warsaw',
    day_rate_cents: 32_000,
  },
  { short_name: 'MSH', name: 'Meseta Space Hub', country: 'ES', city: 'Madrid', day_rate_cents: 42_000 },
] as const;

/** `organisation`: index into the generated demo organisations (0 is a member of BSN). */
const DEMO_USERS: { email: string; name: string; role: Role; cluster?: string; organisation?: number }[] = [
  { email: 'coordinator@demo.space2id.example', name: 'Clara Coordinator', role: 'coordinator' },
  { email: 'manager@demo.space2id.example', name: 'Marc Manager', role: 'cluster_manager', cluster: 'BSN' },
  { email: 'viewer@demo.space2id.example', name: 'Vera Viewer', role: 'viewer' },
  { email: 'member@demo.space2id.example', name: 'Mia Member', role: 'member', organisation: 0 },
];

export interface DemoSeedResult {
  created: boolean;
  users: { email: string; role: Role }[];
}

/**
 * Creates the demo workspace when the database has no workspace at all (a fresh install), so a
 * newcomer sees the Hub working at once. Never touches a database that already has workspaces.
 */
/** The demo workspace's settings: euros, Brussels time, the six languages, a calendar fiscal year. */
export const DEMO_SETTINGS = {
  currency: 'EUR',
  default_day_rate_cents: 45_000,
  time_zone: 'Europe/Brussels',
  languages: JSON.stringify(['en', 'fr', 'es', 'it', 'el', 'pl']),
  fiscal_year_start_month: 1,
};

export async function seedDemoWorkspace(
  services: DemoServices & DemoInstrumentServices & DemoProjectServices,
): Promise<DemoSeedResult> {
  const { db } = services;
  const existing = await db.selectFrom('workspace').select('id').limit(1).executeTakeFirst();
  if (existing) return { created: false, users: [] };
  const passwordHash = await services.auth.hashForSeed(DEMO_PASSWORD);
  const seeded = await writeTransaction(db, async (trx) => {
    const workspaces = new WorkspaceRepository(trx);
    const workspace = await workspaces.create(DEMO_WORKSPACE_SLUG, 'Orbit Alliance (demo consortium)');
    // Its settings filled as a real consortium's would be (issue 20): the demo coordinator is NOT
    // the instance operator (`space2id operator grant EMAIL` makes one).
    await new WorkspaceSettingsRepository(trx).update(workspace.id, workspace.version, DEMO_SETTINGS);
    const clusters = new ClusterRepository(trx);
    const clusterIds = new Map<string, string>();
    for (const cluster of DEMO_CLUSTERS) {
      const row = await clusters.create(workspace.id, { ...cluster, website: null });
      clusterIds.set(cluster.short_name, row.id);
    }
    const registry = demoRegistry(DEMO_CLUSTERS, new Date().toISOString());
    const organisations = new OrganisationRepository(trx);
    const organisationIds: string[] = [];
    for (const organisation of registry.organisations) {
      const clusterId = clusterIds.get(organisation.clusterShortName) as string;
      organisationIds.push(
        (await organisations.create(workspace.id, { ...organisation.values, cluster_id: clusterId })).id,
      );
    }
    const people = new PersonRepository(trx);
    const personIds: string[] = [];
    for (const person of registry.people) {
      const values = { ...person.values, organisation_id: organisationIds[person.organisation] ?? null };
      personIds.push((await people.create(workspace.id, values)).id);
    }
    const users = new AuthRepository(trx);
    let coordinatorId = '';
    const memberUserIds = new Map<string, string>();
    for (const person of DEMO_USERS) {
      const user = await users.createUser({ email: person.email, name: person.name, passwordHash });
      if (person.role === 'coordinator') coordinatorId = user.id;
      memberUserIds.set(person.email, user.id);
      await workspaces.addMember({
        workspaceId: workspace.id,
        userId: user.id,
        role: person.role,
        clusterId: person.cluster ? (clusterIds.get(person.cluster) ?? null) : null,
        organisationId:
          person.organisation === undefined ? null : (organisationIds[person.organisation] ?? null),
      });
    }
    // The registry as the coordinator entered it: each organisation and person has its creation
    // in the audit log, as if added on its page (a member page shows its history).
    await new AuditRepository(trx).recordMany([
      ...registry.organisations.map((organisation, index) => ({
        workspaceId: workspace.id,
        actorUserId: coordinatorId,
        action: 'create' as const,
        entityType: 'organisation' as const,
        entityId: organisationIds[index] as string,
        changes: diff(
          {},
          { ...organisation.values, cluster_id: clusterIds.get(organisation.clusterShortName) },
        ),
      })),
      ...registry.people.map((person, index) => ({
        workspaceId: workspace.id,
        actorUserId: coordinatorId,
        action: 'create' as const,
        entityType: 'person' as const,
        entityId: personIds[index] as string,
        changes: diff(
          {},
          { ...person.values, organisation_id: organisationIds[person.organisation] ?? null },
        ),
      })),
    ]);
    const member = DEMO_USERS.find((user) => user.role === 'member');
    return {
      workspaceId: workspace.id,
      coordinatorId,
      clusterIds,
      memberOrganisationId: organisationIds[member?.organisation ?? 0] ?? null,
      memberUserId: memberUserIds.get(member?.email ?? '') ?? null,
    };
  });
  // The programme goes through the planning use cases, each in its own transaction.
  await seedDemoPlanning(
    services,
    {
      userId: seeded.coordinatorId,
      workspaceId: seeded.workspaceId,
      role: 'coordinator',
      clusterId: null,
      organisationId: null,
    },
    seeded.clusterIds,
  );
  await seedDemoCustomInstrument(services, {
    userId: seeded.coordinatorId,
    workspaceId: seeded.workspaceId,
    role: 'coordinator',
    clusterId: null,
    organisationId: null,
  });
  await seedDemoNetwork(services, {
    userId: seeded.coordinatorId,
    workspaceId: seeded.workspaceId,
    role: 'coordinator',
    clusterId: null,
    organisationId: null,
  });
  // The network's interactions, after its organisations and people (none: none written).
  await seedDemoInteractions(db, seeded.workspaceId);
  await seedDemoProjects(services, {
    userId: seeded.coordinatorId,
    workspaceId: seeded.workspaceId,
    role: 'coordinator',
    clusterId: null,
    organisationId: null,
  });
  await seedDemoPipeline(services, { workspaceId: seeded.workspaceId, coordinatorId: seeded.coordinatorId });
  // B2B events (issue 22): a past one with its meetings and follow-ups, an upcoming one open for requests.
  await seedDemoEvents(services, {
    workspaceId: seeded.workspaceId,
    coordinatorId: seeded.coordinatorId,
    memberOrganisationId: seeded.memberOrganisationId,
  });
  // Surveys (issue 23): two readiness waves a year apart, a market survey and its findings.
  await seedDemoSurveys(services, { workspaceId: seeded.workspaceId, coordinatorId: seeded.coordinatorId });
  if (seeded.memberOrganisationId && seeded.memberUserId) {
    await updateMemberProfile(services, {
      userId: seeded.memberUserId,
      workspaceId: seeded.workspaceId,
      role: 'member',
      clusterId: null,
      organisationId: seeded.memberOrganisationId,
    });
  }
  return { created: true, users: DEMO_USERS.map(({ email, role }) => ({ email, role })) };
}

/**
 * The demo member keeps its profile up to date, through the same use case as on its page: its
 * organisation's history shows a change by someone other than the coordinator.
 */
async function updateMemberProfile(services: DemoServices, member: Actor): Promise<void> {
  const organisationId = member.organisationId as string;
  const current = await services.organisations.get(member, organisationId);
  await services.organisations.update(member, organisationId, {
    version: current.version,
    offerTags: [...new Set([...current.offerTags, 'export-ready'])].slice(0, 20),
    requests: [current.requests.replace(/[.\s]*$/, ''), 'Distributors in Japan and the Gulf.']
      .filter(Boolean)
      .join('. '),
  });
}
