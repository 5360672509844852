import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AuditRepository, type NamedTable } from './repository.ts';

/** Fields whose values are ids of other records, and the table they point into. */
export const REFERENCE_FIELDS: Record<string, NamedTable> = {
  cluster_id: 'cluster',
  owner_cluster_id: 'cluster',
  organisation_id: 'organisation',
  person_id: 'person',
  activity_id: 'activity',
  plan_id: 'plan',
  market_id: 'target_market',
  instrument_id: 'instrument',
  created_by: 'app_user',
  staff_user_id: 'app_user',
  next_step_owner_user_id: 'app_user',
  member_organisation_id: 'organisation',
  member_person_id: 'person',
  network_organisation_id: 'network_organisation',
  network_person_id: 'network_person',
  project_id: 'project',
  our_cluster_id: 'cluster',
  our_organisation_id: 'organisation',
  counterpart_organisation_id: 'organisation',
  owner_user_id: 'app_user',
};

/** What a record's history needs of one audit event. */
export interface HistoryEvent {
  /** The table of the changed record, when its records have names (not, e.g., a KPI target). */
  entityTable: NamedTable | undefined;
  entityId: string;
  changes: Record<string, [unknown, unknown]>;
}

/**
 * The names a page of history or of the audit log needs, read in one small query per table: each changed
 * record's current name (`names`, by id) and, for the fields holding ids of other records, the
 * names of those records that still exist (`references`, by id; what `GET /audit` answers too).
 */
export async function historyNames(
  db: Kysely<DB>,
  workspaceId: string,
  events: readonly HistoryEvent[],
): Promise<{ names: Map<string, string>; references: Record<string, string> }> {
  const ids: Partial<Record<NamedTable, string[]>> = {};
  const want = (table: NamedTable, id: unknown) => {
    if (typeof id !== 'string' || id === '') return;
    ids[table] = [...(ids[table] ?? []), id];
  };
  const referenced = new Set<string>();
  for (const event of events) {
    if (event.entityTable) want(event.entityTable, event.entityId);
    for (const [field, values] of Object.entries(event.changes)) {
      const target = REFERENCE_FIELDS[field];
      if (!target) continue;
      for (const value of values) {
        want(target, value);
        if (typeof value === 'string') referenced.add(value);
      }
    }
  }
  const names = await new AuditRepository(db).names(workspaceId, ids);
  const references: Record<string, string> = {};
  for (const id of referenced) {
    const name = names.get(id);
    if (name !== undefined) references[id] = name;
  }
  return { names, references };
}
