import type { Insertable, Kysely } from 'kysely';
import { newId, nowIso } from '../../src/db/ids.ts';
import type { DB, ProjectTable } from '../../src/db/schema.ts';

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter} ${Math.random().toString(36).slice(2, 8)}`;

/**
 * Rows of collaborative projects and the network organisations they need, straight through
 * Kysely (the network organisations API is another part of issue 21): the fewest required values.
 */
export class ProjectRows {
  constructor(private readonly db: Kysely<DB>) {}

  /** A network organisation (a company in Japan by default), unowned. */
  networkOrganisation(workspaceId: string, overrides: Partial<Insertable<DB['network_organisation']>> = {}) {
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

  /** A project row (an idea, unowned, without activity), without marking KPI evidence: tests only. */
  project(workspaceId: string, overrides: Partial<Insertable<ProjectTable>> = {}) {
    const now = nowIso();
    return this.db
      .insertInto('project')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        cluster_id: null,
        title: unique('Project'),
        description: '',
        funding_programme: null,
        amount_minor: null,
        currency: null,
        status: 'idea',
        activity_id: null,
        instrument_id: null,
        starts_on: null,
        ends_on: null,
        completed_on: null,
        created_at: now,
        updated_at: now,
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
