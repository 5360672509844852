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

/** A relationship at `stage` (mapped by default) with its first stage change, straight into the tables. */
export async function relationshipRow(
  db: Kysely<DB>,
  workspaceId: string,
  values: {
    ourClusterId: string;
    networkOrganisationId: string;
    stage?: string;
    startedOn?: string;
    activityId?: string | null;
  },
) {
  const now = nowIso();
  const stage = values.stage ?? 'mapped';
  const startedOn = values.startedOn ?? '2026-01-05';
  const row = await db
    .insertInto('relationship')
    .values({
      id: newId(),
      workspace_id: workspaceId,
      our_cluster_id: values.ourClusterId,
      our_organisation_id: null,
      network_organisation_id: values.networkOrganisationId,
      counterpart_organisation_id: null,
      cluster_id: values.ourClusterId,
      market_id: null,
      stage,
      stage_reason: null,
      started_on: startedOn,
      stage_changed_on: startedOn,
      owner_user_id: null,
      notes: '',
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const change = await db
    .insertInto('relationship_stage_change')
    .values({
      id: newId(),
      workspace_id: workspaceId,
      relationship_id: row.id,
      from_stage: null,
      to_stage: stage,
      changed_on: startedOn,
      reason: null,
      actor_user_id: null,
      activity_id: values.activityId ?? null,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...row, firstChangeId: change.id };
}

/** A new network organisation and a relationship of the cluster with it. */
export async function freshRelationship(db: Kysely<DB>, workspaceId: string, clusterId: string) {
  const counterpart = await new PipelineRows(db).networkOrganisation(workspaceId);
  return relationshipRow(db, workspaceId, { ourClusterId: clusterId, networkOrganisationId: counterpart.id });
}
