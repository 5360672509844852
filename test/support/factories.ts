import type { FastifyInstance } from 'fastify';
import type { Insertable, Kysely } from 'kysely';
import { newId, nowIso } from '../../src/db/ids.ts';
import type { ActivityTable, CostLineTable, DB, PlanTable, TargetMarketTable } from '../../src/db/schema.ts';
import type { Role } from '../../src/domain/access/policy.ts';
import { AuthRepository } from '../../src/features/auth/repository.ts';
import { AuthService } from '../../src/features/auth/service.ts';
import { ClusterRepository } from '../../src/features/clusters/repository.ts';
import {
  OrganisationRepository,
  type OrganisationValues,
} from '../../src/features/organisations/repository.ts';
import { PersonRepository, type PersonValues } from '../../src/features/people/repository.ts';
import { WorkspaceRepository } from '../../src/features/workspaces/repository.ts';

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

/** Small builders of test data straight through the repositories (tests make their own data). */
export class Factory {
  private readonly auth: AuthService;
  private readonly workspaces: WorkspaceRepository;

  constructor(private readonly db: Kysely<DB>) {
    this.auth = new AuthService(new AuthRepository(db));
    this.workspaces = new WorkspaceRepository(db);
  }

  workspace(name = 'Test consortium') {
    return this.workspaces.create(unique('ws'), name);
  }

  cluster(
    workspaceId: string,
    overrides: Partial<{ name: string; short_name: string; country: string }> = {},
  ) {
    const shortName = overrides.short_name ?? unique('CL');
    return new ClusterRepository(this.db).create(workspaceId, {
      name: overrides.name ?? `Cluster ${shortName}`,
      short_name: shortName,
      country: overrides.country ?? 'BE',
      city: 'Brussels',
      day_rate_cents: 45_000,
      website: null,
    });
  }

  /** A user with a password (argon2id: ~50–150 ms), for sign-in tests. */
  userWithPassword(password: string, email = `${unique('user')}@example.test`) {
    return this.auth.createUser(email, 'Test User', password);
  }

  /** A member organisation of the cluster (unique name), straight through the repository. */
  organisation(workspaceId: string, clusterId: string, overrides: Partial<OrganisationValues> = {}) {
    const name = overrides.name ?? unique('Org');
    return new OrganisationRepository(this.db).create(workspaceId, {
      cluster_id: clusterId,
      name,
      normalised_name: name.toLowerCase(),
      type: 'sme',
      size: null,
      country: 'BE',
      city: null,
      website: null,
      registration_id: null,
      space_segments: '[]',
      melca: '[]',
      offers: '',
      offer_tags: '[]',
      requests: '',
      request_tags: '[]',
      target_market_interests: '[]',
      export_experience: 'none',
      ...overrides,
    });
  }

  /** A person, by default of no organisation and without e-mail. */
  person(workspaceId: string, organisationId: string | null, overrides: Partial<PersonValues> = {}) {
    return new PersonRepository(this.db).create(workspaceId, {
      organisation_id: organisationId,
      name: unique('Person'),
      email: null,
      phone: null,
      role_title: null,
      consent: 0,
      consent_at: null,
      ...overrides,
    });
  }

  /**
   * A member of the workspace with a role, reached by an API token (no password hashing); a
   * cluster manager has a cluster, a `member` an organisation.
   */
  async memberWithToken(
    workspaceId: string,
    role: Role,
    clusterId: string | null = null,
    organisationId: string | null = null,
  ) {
    const user = await new AuthRepository(this.db).createUser({
      email: `${unique(role)}@example.test`,
      name: `A ${role}`,
      passwordHash: null,
    });
    await this.workspaces.addMember({ workspaceId, userId: user.id, role, clusterId, organisationId });
    const { secret } = await this.auth.createApiToken(user.id, 'tests', null);
    return { user, headers: { authorization: `Bearer ${secret}` } };
  }

  addMember(workspaceId: string, userId: string, role: Role, clusterId: string | null = null) {
    return this.workspaces.addMember({ workspaceId, userId, role, clusterId });
  }

  // Planning (issue 4): rows straight through Kysely, with the fewest required values. Dates are
  // YYYY-MM-DD, money integer cents, as the tables keep them.

  /** A target market, by default in Japan, unowned (the coordinators'). */
  market(workspaceId: string, overrides: Partial<Insertable<TargetMarketTable>> = {}) {
    const now = nowIso();
    return this.db
      .insertInto('target_market')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        name: unique('Market'),
        country: 'JP',
        segments: '[]',
        priority: 'medium',
        status: 'exploring',
        rationale: '',
        findings: '',
        owner_cluster_id: null,
        created_at: now,
        updated_at: now,
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** A draft plan of the market for 2026, without cap or instruments. */
  plan(workspaceId: string, marketId: string, overrides: Partial<Insertable<PlanTable>> = {}) {
    const now = nowIso();
    return this.db
      .insertInto('plan')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        market_id: marketId,
        name: unique('Plan'),
        starts_on: '2026-01-01',
        ends_on: '2026-12-31',
        budget_cap_cents: null,
        status: 'draft',
        notes: '',
        created_at: now,
        updated_at: now,
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /**
   * A planned activity (of `planId`, or standalone with null) of a global instrument named by
   * key or code (default `study-visits`), on 2026-03-10..12.
   */
  async activity(
    workspaceId: string,
    planId: string | null,
    overrides: Partial<Insertable<ActivityTable>> & { instrument?: string } = {},
  ) {
    const { instrument = 'study-visits', ...values } = overrides;
    const { id: instrumentId } = await this.db
      .selectFrom('instrument')
      .select('id')
      .where('workspace_id', 'is', null)
      .where((eb) => eb.or([eb('key', '=', instrument), eb('code', '=', instrument)]))
      .executeTakeFirstOrThrow();
    const now = nowIso();
    return this.db
      .insertInto('activity')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        plan_id: planId,
        instrument_id: instrumentId,
        title: unique('Activity'),
        starts_on: '2026-03-10',
        ends_on: '2026-03-12',
        city: null,
        country: null,
        cluster_id: null,
        status: 'planned',
        outcome_notes: '',
        estimate_parameters: '{}',
        created_at: now,
        updated_at: now,
        ...values,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** A cost line of the activity: by default planned, 1,000.00 EUR of travel, funded by an EU programme, manual. */
  costLine(workspaceId: string, activityId: string, overrides: Partial<Insertable<CostLineTable>> = {}) {
    const now = nowIso();
    return this.db
      .insertInto('cost_line')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        activity_id: activityId,
        kind: 'planned',
        category: 'travel',
        funding_source: 'eu_programme',
        description: 'Travel',
        formula: null,
        amount_cents: 100_000,
        origin: 'manual',
        incurred_on: null,
        created_at: now,
        updated_at: now,
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}

/** Signs in through the API; returns the cookie and CSRF headers a browser would send. */
export async function signIn(app: FastifyInstance, email: string, password: string) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'space2id_session');
  if (!cookie) throw new Error('no session cookie');
  return {
    cookie: `${cookie.name}=${cookie.value}`,
    csrfToken: res.json().csrfToken as string,
    response: res,
  };
}
