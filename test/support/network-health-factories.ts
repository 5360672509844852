import type { Insertable, Kysely } from 'kysely';
import { newId, nowIso } from '../../src/db/ids.ts';
import type {
  DB,
  InteractionTable,
  NetworkOrganisationTable,
  RelationshipStageChangeTable,
  RelationshipTable,
} from '../../src/db/schema.ts';

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

/**
 * Rows of the network's tables straight through Kysely, for the network-health tests (the
 * network organisations, interactions and relationships APIs are other features').
 */
export class NetworkHealthFactory {
  constructor(private readonly db: Kysely<DB>) {}

  /** A network organisation, by default a company in Japan (Tokyo). */
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
        normalised_name: name.toLowerCase(),
        type: 'company',
        country: 'JP',
        city: 'Tokyo',
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

  /** An interaction (a meeting) with the network organisation on `occurredOn`. */
  interaction(
    workspaceId: string,
    networkOrganisationId: string,
    occurredOn: string,
    overrides: Partial<Insertable<InteractionTable>> = {},
  ) {
    const now = nowIso();
    return this.db
      .insertInto('interaction')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        kind: 'meeting',
        occurred_on: occurredOn,
        network_organisation_id: networkOrganisationId,
        notes: '',
        created_at: now,
        updated_at: now,
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /**
   * A relationship of the cluster (ours) with the network organisation at `stage`, begun on
   * `startedOn`, with its first stage change on that day.
   */
  async relationship(
    workspaceId: string,
    clusterId: string,
    networkOrganisationId: string,
    overrides: Partial<Insertable<RelationshipTable>> = {},
  ) {
    const now = nowIso();
    const row = await this.db
      .insertInto('relationship')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        our_cluster_id: clusterId,
        network_organisation_id: networkOrganisationId,
        cluster_id: clusterId,
        stage: 'contacted',
        started_on: '2026-01-05',
        notes: '',
        stage_changed_on: overrides.started_on ?? '2026-01-05',
        created_at: now,
        updated_at: now,
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.stageChange(workspaceId, row.id, null, row.stage, row.started_on);
    return row;
  }

  stageChange(
    workspaceId: string,
    relationshipId: string,
    fromStage: string | null,
    toStage: string,
    changedOn: string,
    overrides: Partial<Insertable<RelationshipStageChangeTable>> = {},
  ) {
    return this.db
      .insertInto('relationship_stage_change')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        relationship_id: relationshipId,
        from_stage: fromStage,
        to_stage: toStage,
        changed_on: changedOn,
        created_at: nowIso(),
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Moves a relationship to `stage` on `changedOn`, recording the change. */
  async move(workspaceId: string, relationshipId: string, stage: string, changedOn: string) {
    const current = await this.db
      .selectFrom('relationship')
      .select('stage')
      .where('id', '=', relationshipId)
      .executeTakeFirstOrThrow();
    await this.db
      .updateTable('relationship')
      .set({ stage, stage_changed_on: changedOn })
      .where('id', '=', relationshipId)
      .execute();
    return this.stageChange(workspaceId, relationshipId, current.stage, stage, changedOn);
  }
}
