import type { Insertable, Kysely } from 'kysely';
import { newId, nowIso } from '../src/db/ids.ts';
import type {
  ActivityParticipantTable,
  ActivityTable,
  CostLineTable,
  DB,
  OrganisationTable,
  PersonTable,
} from '../src/db/schema.ts';
import type { Role } from '../src/domain/access/policy.ts';
import { FUNDING_SOURCES } from '../src/domain/catalogue/types.ts';
import { BUDGET_CATEGORIES } from '../src/domain/planning/types.ts';
import { seededRandom } from '../src/domain/random.ts';
import { normaliseOrganisationName } from '../src/domain/registry/duplicates.ts';
import { AuthRepository } from '../src/features/auth/repository.ts';
import { AuthService } from '../src/features/auth/service.ts';
import { refreshKpiActuals } from '../src/features/kpis/actuals.ts';
import {
  EXPORT_EXPERIENCE,
  MELCA_FIELDS,
  ORGANISATION_TYPES,
  SPACE_SEGMENTS,
} from '../src/features/organisations/schema.ts';
import { WorkspaceRepository } from '../src/features/workspaces/repository.ts';

/** How much is added to the demo workspace for the mixed load. */
export interface LoadShape {
  organisations: number;
  peoplePerOrganisation: number;
  activities: number;
  linesPerActivity: number;
  participantsPerActivity: number;
}

export const DEFAULT_LOAD_SHAPE: LoadShape = {
  organisations: 400,
  peoplePerOrganisation: 2,
  activities: 300,
  linesPerActivity: 6,
  participantsPerActivity: 6,
};

/** One virtual user's identity: a session as the browser holds it (cookie and CSRF token). */
export interface LoadUser {
  email: string;
  role: Role;
  /** The cluster a cluster manager manages (null for the others). */
  clusterId: string | null;
  sessionToken: string;
  csrfToken: string;
}

/** What the virtual users pick their pages and records from (ids read once, before the run). */
export interface LoadWorld {
  slug: string;
  clusterIds: string[];
  marketIds: string[];
  planIds: string[];
  /** Ids of the organisations, with their cluster (a cluster manager edits its own). */
  organisations: { id: string; clusterId: string }[];
  activities: { id: string; clusterId: string | null }[];
  /** Words that find something in the global search and the lists' `q`. */
  searchWords: string[];
  counts: Record<'organisations' | 'people' | 'activities' | 'costLines' | 'participants', number>;
}

const COUNTRIES = ['FR', 'BE', 'IT', 'ES', 'GR', 'PL', 'DE', 'NL', 'PT', 'AT'];
const SYLLABLES = ['or', 'bit', 'sat', 'nova', 'astra', 'lu', 'cel', 'ion', 'ter', 'ra', 'vec', 'sol'];
const BATCH = 500;

/**
 * Adds generated registry and planning data to the demo workspace (`slug`): organisations in its
 * clusters with their people, activities in its plans (and some outside any plan) with budget lines
 * and participants, then the derived KPI values as the writing use cases would leave them. Bulk
 * inserts in one transaction; seeded, so the same data on every run.
 */
export async function addLoadData(db: Kysely<DB>, slug: string, shape: LoadShape): Promise<LoadWorld> {
  const random = seededRandom(19);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const workspaceId = (
    await db.selectFrom('workspace').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()
  ).id;
  const ids = async (table: 'cluster' | 'target_market' | 'plan') =>
    (
      await db.selectFrom(table).select('id').where('workspace_id', '=', workspaceId).orderBy('id').execute()
    ).map((row) => row.id);
  const clusterIds = await ids('cluster');
  const marketIds = await ids('target_market');
  const plans = await db
    .selectFrom('plan')
    .select(['id', 'starts_on', 'ends_on'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute();
  const instruments = (
    await db.selectFrom('instrument').select('id').where('workspace_id', 'is', null).execute()
  ).map((row) => row.id);
  const now = nowIso();
  const counts = { organisations: 0, people: 0, activities: 0, costLines: 0, participants: 0 };
  const organisations: LoadWorld['organisations'] = [];
  const activities: LoadWorld['activities'] = [];
  const word = () => {
    let w = '';
    const n = 2 + Math.floor(random() * 2);
    for (let k = 0; k < n; k++) w += pick(SYLLABLES);
    return w.charAt(0).toUpperCase() + w.slice(1);
  };

  await db.transaction().execute(async (trx) => {
    const orgRows: Insertable<OrganisationTable>[] = [];
    const personRows: Insertable<PersonTable>[] = [];
    for (let i = 0; i < shape.organisations; i++) {
      const id = newId();
      const clusterId = pick(clusterIds);
      const name = `${word()} ${word()} ${i}`;
      organisations.push({ id, clusterId });
      orgRows.push({
        id,
        workspace_id: workspaceId,
        cluster_id: clusterId,
        name,
        normalised_name: normaliseOrganisationName(name),
        type: pick(ORGANISATION_TYPES),
        size: null,
        country: pick(COUNTRIES),
        city: 'City',
        website: null,
        registration_id: `LOAD${i}`,
        space_segments: JSON.stringify(SPACE_SEGMENTS.filter(() => random() < 0.25)),
        melca: JSON.stringify(MELCA_FIELDS.filter(() => random() < 0.2)),
        offers: 'Offers of a generated organisation',
        offer_tags: '["generated"]',
        requests: 'Requests of a generated organisation',
        request_tags: '[]',
        target_market_interests: '["CN","JP"]',
        export_experience: pick(EXPORT_EXPERIENCE),
        created_at: now,
        updated_at: now,
      });
      for (let p = 0; p < shape.peoplePerOrganisation; p++) {
        personRows.push({
          id: newId(),
          workspace_id: workspaceId,
          organisation_id: id,
          name: `${word()} ${word()}`,
          email: `person-${i}-${p}@load.example`,
          phone: null,
          role_title: 'Engineer',
          consent: 1,
          consent_at: now,
          created_at: now,
          updated_at: now,
        });
      }
    }
    for (let start = 0; start < orgRows.length; start += BATCH) {
      await trx
        .insertInto('organisation')
        .values(orgRows.slice(start, start + BATCH))
        .execute();
    }
    for (let start = 0; start < personRows.length; start += BATCH) {
      await trx
        .insertInto('person')
        .values(personRows.slice(start, start + BATCH))
        .execute();
    }
    counts.organisations = orgRows.length;
    counts.people = personRows.length;

    const activityRows: Insertable<ActivityTable>[] = [];
    const lineRows: Insertable<CostLineTable>[] = [];
    const participantRows: Insertable<ActivityParticipantTable>[] = [];
    for (let a = 0; a < shape.activities; a++) {
      const id = newId();
      const plan = plans.length > 0 && random() < 0.85 ? pick(plans) : null;
      const year = plan ? Number(plan.starts_on.slice(0, 4)) : 2025 + Math.floor(random() * 3);
      const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
      const startsOn = `${year}-${month}-${String(1 + Math.floor(random() * 20)).padStart(2, '0')}`;
      const endsOn = `${year}-${month}-${String(21 + Math.floor(random() * 7)).padStart(2, '0')}`;
      const clusterId = random() < 0.1 ? null : pick(clusterIds);
      activities.push({ id, clusterId });
      activityRows.push({
        id,
        workspace_id: workspaceId,
        plan_id: plan?.id ?? null,
        instrument_id: pick(instruments),
        title: `${word()} mission ${a}`,
        starts_on: startsOn,
        ends_on: endsOn,
        city: 'City',
        country: pick(['CN', 'JP', 'CA', 'AE', 'IN', 'BR', 'US']),
        cluster_id: clusterId,
        status: random() < 0.05 ? 'cancelled' : pick(['planned', 'confirmed', 'done'] as const),
        outcome_notes: '',
        estimate_parameters: '{"units":2}',
        created_at: now,
        updated_at: now,
      });
      for (let l = 0; l < shape.linesPerActivity; l++) {
        const actual = l % 3 === 2;
        const category = pick(BUDGET_CATEGORIES);
        lineRows.push({
          id: newId(),
          workspace_id: workspaceId,
          activity_id: id,
          kind: actual ? 'actual' : 'planned',
          category,
          funding_source: pick(FUNDING_SOURCES),
          description: `Line ${l}`,
          formula: null,
          amount_cents: 1_000 + Math.floor(random() * 500_000),
          effort_centidays: category === 'staff' ? 200 : 0,
          origin: 'manual',
          incurred_on: actual ? startsOn : null,
          created_at: now,
          updated_at: now,
        });
      }
      const taken = new Set<string>();
      for (let p = 0; p < shape.participantsPerActivity; p++) {
        const organisation = pick(organisations);
        if (taken.has(organisation.id)) continue;
        taken.add(organisation.id);
        const roll = random();
        participantRows.push({
          id: newId(),
          activity_id: id,
          organisation_id: organisation.id,
          person_id: null,
          role: 'participant',
          attendance: roll < 0.7 ? 'present' : roll < 0.85 ? 'absent' : 'expected',
          created_at: now,
        });
      }
    }
    for (let start = 0; start < activityRows.length; start += BATCH) {
      await trx
        .insertInto('activity')
        .values(activityRows.slice(start, start + BATCH))
        .execute();
    }
    for (let start = 0; start < lineRows.length; start += BATCH) {
      await trx
        .insertInto('cost_line')
        .values(lineRows.slice(start, start + BATCH))
        .execute();
    }
    for (let start = 0; start < participantRows.length; start += BATCH) {
      await trx
        .insertInto('activity_participant')
        .values(participantRows.slice(start, start + BATCH))
        .execute();
    }
    counts.activities = activityRows.length;
    counts.costLines = lineRows.length;
    counts.participants = participantRows.length;
    await refreshKpiActuals(
      trx,
      activities.map((a) => a.id),
    );
  });

  const allActivities = await db
    .selectFrom('activity')
    .select(['id', 'cluster_id'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute();
  const allOrganisations = await db
    .selectFrom('organisation')
    .select(['id', 'cluster_id'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute();
  return {
    slug,
    clusterIds,
    marketIds,
    planIds: plans.map((plan) => plan.id),
    organisations: allOrganisations.map((row) => ({ id: row.id, clusterId: row.cluster_id })),
    activities: allActivities.map((row) => ({ id: row.id, clusterId: row.cluster_id })),
    searchWords: ['or', 'sat', 'nova', 'astra', 'mission', 'lu', 'orbit', 'space'],
    counts,
  };
}

/**
 * The role of the `index`-th of the virtual users: one in five a coordinator, two in five cluster
 * managers (spread over the clusters), two in five viewers.
 */
export function roleOfUser(index: number): 'coordinator' | 'cluster_manager' | 'viewer' {
  const slot = index % 5;
  return slot === 0 ? 'coordinator' : slot <= 2 ? 'cluster_manager' : 'viewer';
}

/**
 * `count` users, members of the workspace with the roles of `roleOfUser`, each with an open session
 * (what signing in leaves: the cookie's secret and the session's CSRF token). Sessions are opened
 * with the sign-in's own `openSession`, not through `POST /auth/sign-in`: fifty sign-ins from one
 * address would (rightly) meet the sign-in rate limit, and the password hash is not what is measured.
 */
export async function createLoadUsers(db: Kysely<DB>, world: LoadWorld, count: number): Promise<LoadUser[]> {
  const repository = new AuthRepository(db);
  const auth = new AuthService(repository);
  const workspaces = new WorkspaceRepository(db);
  const workspaceId = (
    await db.selectFrom('workspace').select('id').where('slug', '=', world.slug).executeTakeFirstOrThrow()
  ).id;
  const users: LoadUser[] = [];
  for (let i = 0; i < count; i++) {
    const role = roleOfUser(i);
    const clusterId =
      role === 'cluster_manager' ? (world.clusterIds[i % world.clusterIds.length] as string) : null;
    const email = `load-user-${i}@load.example`;
    const user = await repository.createUser({ email, name: `Load user ${i}`, passwordHash: null });
    await workspaces.addMember({ workspaceId, userId: user.id, role, clusterId });
    const { token, session } = await auth.openSession(user.id);
    users.push({ email, role, clusterId, sessionToken: token, csrfToken: session.csrf_token });
  }
  return users;
}
