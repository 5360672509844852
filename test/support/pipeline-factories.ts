import type { Kysely } from 'kysely';
import { newId, nowIso } from '../../src/db/ids.ts';
import type { DB } from '../../src/db/schema.ts';

let counter = 0;

/**
 * Rows of the partnership pipeline's tests, straight through Kysely: a network organisation (its
 * API is another branch's), so the relationships' tests make their own counterparts.
 */
export class PipelineRows {
  constructor(private readonly db: Kysely<DB>) {}

  networkOrganisation(
    workspaceId: string,
    overrides: Partial<{ name: string; country: string; owner_cluster_id: string | null }> = {},
  ) {
    const name = overrides.name ?? `Network org ${process.pid}-${++counter}`;
    const now = nowIso();
    return this.db
      .insertInto('network_organisation')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        owner_cluster_id: overrides.owner_cluster_id ?? null,
        name,
        normalised_name: name.toLowerCase(),
        type: 'company',
        country: overrides.country ?? 'JP',
        city: null,
        website: null,
        website_domain: null,
        space_segments: '[]',
        melca: '[]',
        tags: '[]',
        notes: '',
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
