import type { Insertable, Kysely } from 'kysely';
import { newId, nowIso } from '../../src/db/ids.ts';
import type {
  DB,
  InteractionTable,
  NetworkOrganisationTable,
  NetworkPersonTable,
} from '../../src/db/schema.ts';
import { normaliseOrganisationName } from '../../src/domain/registry/duplicates.ts';

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter}-${Math.random().toString(36).slice(2, 7)}`;

/**
 * Network rows for the tests of network imports, vCards and GDPR (helper A2), inserted with Kysely
 * straight into the tables of migration 0024, with the fewest required values.
 */
export class NetworkDataFactory {
  constructor(private readonly db: Kysely<DB>) {}

  organisation(workspaceId: string, overrides: Partial<Insertable<NetworkOrganisationTable>> = {}) {
    const now = nowIso();
    const name = overrides.name ?? unique('Network org');
    return this.db
      .insertInto('network_organisation')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        owner_cluster_id: null,
        name,
        normalised_name: normaliseOrganisationName(name),
        type: 'company',
        country: 'JP',
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

  person(
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
        name: unique('Network person'),
        notes: '',
        created_at: now,
        updated_at: now,
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  interaction(
    workspaceId: string,
    organisationId: string,
    personId: string | null,
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
        network_organisation_id: organisationId,
        network_person_id: personId,
        notes: '',
        created_at: now,
        updated_at: now,
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
