import type { Insertable, Kysely } from 'kysely';
import { newId, nowIso } from '../../src/db/ids.ts';
import type {
  DB,
  InteractionTable,
  NetworkOrganisationTable,
  NetworkPersonTable,
} from '../../src/db/schema.ts';

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter} ${Math.random().toString(36).slice(2, 8)}`;

/**
 * Network rows and interactions straight into the database, for the interaction tests (the
 * network registry's API is another helper's). Interactions written here bypass the KPI refresh:
 * tests of the KPIs write through the API.
 */
export class InteractionRows {
  constructor(private readonly db: Kysely<DB>) {}

  networkOrganisation(workspaceId: string, overrides: Partial<Insertable<NetworkOrganisationTable>> = {}) {
    const now = nowIso();
    const name = overrides.name ?? unique('Network organisation');
    return this.db
      .insertInto('network_organisation')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        owner_cluster_id: null,
        name,
        normalised_name: name.toLowerCase(),
        type: 'company',
        country: 'JP',
        city: null,
        website: null,
        website_domain: null,
        space_segments: '[]',
        melca: '[]',
        tags: '[]',
        notes: '',
        created_at: now,
        updated_at: now,
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  networkPerson(
    workspaceId: string,
    organisationId: string | null,
    overrides: Partial<Insertable<NetworkPersonTable>> = {},
  ) {
    const now = nowIso();
    return this.db
      .insertInto('network_person')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        organisation_id: organisationId,
        name: unique('Person'),
        role_title: null,
        email: null,
        phone: null,
        language: null,
        consent_basis: null,
        consent_on: null,
        consent_source: null,
        erased_at: null,
        notes: '',
        created_at: now,
        updated_at: now,
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** An interaction row (a meeting on 2026-03-10 unless told), without refreshing any KPI. */
  interaction(
    workspaceId: string,
    networkOrganisationId: string,
    overrides: Partial<Insertable<InteractionTable>> = {},
  ) {
    const now = nowIso();
    return this.db
      .insertInto('interaction')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        kind: 'meeting',
        occurred_on: '2026-03-10',
        activity_id: null,
        cluster_id: null,
        staff_user_id: null,
        member_organisation_id: null,
        member_person_id: null,
        network_organisation_id: networkOrganisationId,
        network_person_id: null,
        notes: '',
        next_step: null,
        next_step_due_on: null,
        next_step_owner_user_id: null,
        next_step_done_at: null,
        created_by: null,
        created_at: now,
        updated_at: now,
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
