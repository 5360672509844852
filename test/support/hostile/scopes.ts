import type { Actor } from '../../../src/domain/access/policy.ts';
import type { Pools, Row, RowChanges } from './targets.ts';

/**
 * Whose a record is, as the access policy scopes it (`src/domain/access/policy.ts`): a cluster
 * manager acts on its own cluster's records, a member on its own organisation and its people.
 * Each table names the column that points at its owner; the owner's owner follows, up to a
 * cluster (none: the coordinators'). A table not listed here is checked by the role alone.
 */
const OWNER: Record<string, { column: string; table: string }[]> = {
  organisation: [{ column: 'cluster_id', table: 'cluster' }],
  person: [{ column: 'organisation_id', table: 'organisation' }],
  target_market: [{ column: 'owner_cluster_id', table: 'cluster' }],
  plan: [{ column: 'market_id', table: 'target_market' }],
  plan_instrument: [{ column: 'plan_id', table: 'plan' }],
  activity: [{ column: 'cluster_id', table: 'cluster' }],
  activity_participant: [{ column: 'activity_id', table: 'activity' }],
  cost_line: [{ column: 'activity_id', table: 'activity' }],
  kpi_entry: [{ column: 'activity_id', table: 'activity' }],
  kpi_target: [
    { column: 'activity_id', table: 'activity' },
    { column: 'plan_id', table: 'plan' },
  ],
  relationship: [{ column: 'cluster_id', table: 'cluster' }],
  relationship_stage_change: [{ column: 'relationship_id', table: 'relationship' }],
};

export const SCOPED_TABLES = ['cluster', ...Object.keys(OWNER)];

/** The cluster a record belongs to; null: the coordinators'; undefined: its owner is unknown. */
function clusterOf(table: string, row: Row, pools: Pools, depth = 0): string | null | undefined {
  if (table === 'cluster') return row.id as string;
  if (depth > 5) return undefined;
  for (const owner of OWNER[table] ?? []) {
    const id = row[owner.column];
    if (id === null || id === undefined) continue;
    if (owner.table === 'cluster') return id as string;
    const parent = pools.byId(owner.table, id);
    return parent ? clusterOf(owner.table, parent.row, pools, depth + 1) : undefined;
  }
  return null;
}

function organisationOf(table: string, row: Row): string | null | undefined {
  if (table === 'organisation') return row.id as string;
  if (table === 'person') return (row.organisation_id as string | null) ?? null;
  return undefined;
}

/**
 * The records a request wrote that were not the actor's to write: for a cluster manager, any of
 * another cluster (or of the coordinators'), before or after; for a member, anything but its
 * organisation and its people. Written means created, edited (a versioned record's version moved;
 * any other's values changed) or deleted when versioned, so that what the database does on its
 * own (a deleted organisation's people keep no organisation) is not counted.
 */
export function writesOutOfScope(actor: Actor, changes: Map<string, RowChanges>, pools: Pools): string[] {
  if (actor.role === 'coordinator') return [];
  const found = new Set<string>();
  for (const [table, change] of changes) {
    if (!SCOPED_TABLES.includes(table)) continue;
    const states: Row[] = [];
    for (const r of change.inserted) states.push(r.row);
    for (const [was, now] of change.updated) {
      if ('version' in now.row && was.row.version === now.row.version) continue;
      states.push(was.row, now.row);
    }
    for (const r of change.deleted) if ('version' in r.row) states.push(r.row);
    for (const row of states) {
      if (row.workspace_id !== undefined && row.workspace_id !== actor.workspaceId) {
        found.add(`${table} ${row.id} of another workspace`);
        continue;
      }
      if (actor.role === 'cluster_manager') {
        const cluster = clusterOf(table, row, pools);
        if (cluster !== actor.clusterId)
          found.add(`${table} ${row.id} of cluster ${cluster} (not ${actor.clusterId})`);
      } else if (actor.role === 'member') {
        const organisation = organisationOf(table, row);
        if (organisation !== actor.organisationId) {
          found.add(`${table} ${row.id} of organisation ${organisation} (not ${actor.organisationId})`);
        }
      } else {
        found.add(`${table} ${row.id} written by a ${actor.role}`);
      }
    }
  }
  return [...found];
}
