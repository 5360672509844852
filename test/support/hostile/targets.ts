import { sql } from 'kysely';
import type { Database } from '../../../src/db/database.ts';
import type { Operation } from './operations.ts';
import type { Side } from './placeholders.ts';

/**
 * What a parameter or field names, told from its name alone: `{id}` after `/cost-lines` is a
 * `cost_line`, `ownerClusterId` a `cluster`, `kpiKey` an `instrument_kpi`'s key. A new route whose
 * names follow the same conventions gets real ids of the right table without being listed here.
 */
export interface Target {
  table: string;
  column: string;
}

export interface TableInfo {
  name: string;
  columns: string[];
}

/** The Hub's tables and their columns (not the migrator's own). */
export async function tablesOf(database: Database): Promise<TableInfo[]> {
  const tables = await database.db.introspection.getTables();
  return tables
    .filter((t) => !t.name.startsWith('kysely_') && (t.schema === undefined || t.schema === 'public'))
    .map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `ownerClusterId` → ['owner', 'cluster', 'id']; `cost-lines` → ['cost', 'lines']. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

function singular(word: string): string {
  if (word === 'people') return 'person';
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** The table a noun (`clusters`, `ownerCluster`, `kpi-entries`, `members`) names, if any. */
export function tableNamed(noun: string, tables: TableInfo[]): string | undefined {
  const parts = words(noun);
  if (parts.length === 0) return undefined;
  parts[parts.length - 1] = singular(parts[parts.length - 1] as string);
  const names = tables.map((t) => t.name);
  // Longest suffix first: `owner_cluster` before `cluster`.
  for (let start = 0; start < parts.length; start++) {
    const candidate = parts.slice(start).join('_');
    if (names.includes(candidate)) return candidate;
    // The audit log is never a route's target: `events` are B2B events (issue 22), not audit events.
    const suffixed = names.filter((n) => n.endsWith(`_${candidate}`) && !n.startsWith('audit_'));
    if (suffixed.length === 1) return suffixed[0];
    const prefixed = names.filter((n) => n.startsWith(candidate));
    if (prefixed.length === 1) return prefixed[0];
  }
  return undefined;
}

function columnOf(table: TableInfo, param: string, fallback: string): string {
  const snake = words(param).join('_');
  if (table.columns.includes(snake)) return snake;
  return table.columns.includes(fallback) ? fallback : 'id';
}

/**
 * A path parameter's target: the table of the segment before it (`/cost-lines/{id}`), the column
 * named like the parameter when there is one (`{country}`, `{key}`, `{userId}` → `user_id`).
 */
export function pathParamTarget(op: Operation, param: string, tables: TableInfo[]): Target | undefined {
  const segments = op.path.split('/');
  const index = segments.indexOf(`{${param}}`);
  const before = segments[index - 1];
  // A segment under a prefix names the prefixed table first: `/network/organisations/{id}` is a
  // `network_organisation`, not a member `organisation` (issue 21).
  const prefix = segments[index - 2];
  const prefixed =
    before && prefix && !prefix.startsWith('{') && !before.startsWith('{')
      ? tableNamed(`${prefix}-${before}`, tables)
      : undefined;
  const name = prefixed ?? (before && !before.startsWith('{') ? tableNamed(before, tables) : undefined);
  const table = tables.find((t) => t.name === name);
  if (table) return { table: table.name, column: columnOf(table, param, 'id') };
  return fieldTarget(param, tables);
}

/**
 * A body or query field's target: `…Id` → that table's id, `…Key` → its key, `cluster` → a
 * cluster id; else what its description names ("A cluster of the workspace …").
 */
export function fieldTarget(field: string, tables: TableInfo[], description?: string): Target | undefined {
  const named = fieldTargetByName(field, tables);
  if (named || !description) return named;
  const noun = /^(?:id of )?an? (?:partner |member )?(\w+) of (?:the|this) workspace/i.exec(description)?.[1];
  return noun ? fieldTargetByName(noun, tables) : undefined;
}

function fieldTargetByName(field: string, tables: TableInfo[]): Target | undefined {
  const parts = words(field);
  const last = parts[parts.length - 1];
  const column = last === 'id' ? 'id' : last === 'key' ? 'key' : undefined;
  const noun = column ? parts.slice(0, -1).join('_') : parts.join('_');
  if (!noun) return undefined;
  // A bare noun must be a table itself (`cluster`), not any table that ends like it (`country`).
  if (!column && !tables.some((t) => t.name === noun)) return undefined;
  const name = tableNamed(noun, tables);
  const table = tables.find((t) => t.name === name);
  if (!table?.columns.includes(column ?? 'id')) return undefined;
  return { table: table.name, column: column ?? 'id' };
}

export type Row = Record<string, unknown>;
type Sided = { row: Row; side: Side | 'global' };

/** Records that came, changed (old and new) or went between two reads of a table. */
export interface RowChanges {
  inserted: Sided[];
  updated: [Sided, Sided][];
  deleted: Sided[];
}

function diffRows(before: Sided[], after: Sided[]): RowChanges {
  const key = (r: Sided) => String(r.row.id ?? JSON.stringify(r.row));
  const old = new Map(before.map((r) => [key(r), r]));
  const changes: RowChanges = { inserted: [], updated: [], deleted: [] };
  for (const r of after) {
    const was = old.get(key(r));
    old.delete(key(r));
    if (!was) changes.inserted.push(r);
    else if (JSON.stringify(was.row) !== JSON.stringify(r.row)) changes.updated.push([was, r]);
  }
  changes.deleted.push(...old.values());
  return changes;
}

/**
 * The records of the tables requests point into, each with its side (A, B, or neither), re-read
 * after every write. Records of the callers themselves (their users, tokens and memberships) are
 * never offered: revoking one would end the run rather than test anything.
 */
export class Pools {
  private readonly rows = new Map<string, { row: Row; side: Side | 'global' }[]>();
  private readonly membershipSide = new Map<string, Side | 'global'>();
  private previous = new Map<string, { row: Row; side: Side | 'global' }[]>();

  constructor(
    private readonly database: Database,
    private readonly tables: TableInfo[],
    readonly pooled: Set<string>,
    private readonly workspaces: { a: string; b: string },
    private readonly protectedIds: Set<string>,
  ) {}

  /**
   * Re-reads the given tables (all pooled ones by default) and tells, per table, which records
   * came, changed or went (by id) since the last read.
   */
  async refresh(only: Iterable<string> = this.pooled): Promise<Map<string, RowChanges>> {
    const changes = new Map<string, RowChanges>();
    const wanted = new Set([...only].filter((t) => this.pooled.has(t)));
    if (wanted.size === 0) return changes;
    this.previous = new Map(this.rows);
    if (this.pooled.has('app_user') || this.pooled.has('api_token')) {
      const memberships = await this.database.db
        .selectFrom('membership')
        .select(['user_id', 'workspace_id'])
        .execute();
      this.membershipSide.clear();
      for (const m of memberships) this.membershipSide.set(m.user_id, this.sideOfWorkspace(m.workspace_id));
    }
    // Parents before children: a participant's side is its activity's.
    const order = [...wanted].sort((x, y) => this.depth(x) - this.depth(y));
    for (const name of order) {
      const table = this.tables.find((t) => t.name === name) as TableInfo;
      const columns = table.columns.filter((c) => c !== 'content');
      const order = columns.includes('created_at') ? 'created_at' : columns[0];
      const rows = (
        await sql<Row>`select ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(name)} order by ${sql.ref(order as string)}, ${sql.ref(columns[0] as string)}`.execute(
          this.database.db,
        )
      ).rows;
      const fresh = rows.map((row) => ({ row, side: this.sideOf(table, row) }));
      changes.set(name, diffRows(this.rows.get(name) ?? [], fresh));
      this.rows.set(name, fresh);
    }
    return changes;
  }

  /** The record of `table` with that id, as it is now or, if it went, as it was. */
  byId(table: string, id: unknown): { row: Row; side: Side | 'global' } | undefined {
    return (
      this.rows.get(table)?.find((r) => r.row.id === id) ??
      this.previous.get(table)?.find((r) => r.row.id === id)
    );
  }

  private depth(name: string): number {
    const table = this.tables.find((t) => t.name === name);
    return table?.columns.includes('workspace_id') ? 0 : 1;
  }

  private sideOfWorkspace(id: unknown): Side | 'global' {
    if (id === this.workspaces.a) return 'A';
    if (id === this.workspaces.b) return 'B';
    return 'global';
  }

  private sideOf(table: TableInfo, row: Row): Side | 'global' {
    if (table.columns.includes('workspace_id')) return this.sideOfWorkspace(row.workspace_id);
    if (table.name === 'app_user') return this.membershipSide.get(row.id as string) ?? 'global';
    if (table.columns.includes('user_id')) return this.membershipSide.get(row.user_id as string) ?? 'global';
    // Through a parent it points at: `activity_id` → the activity's side.
    for (const column of table.columns) {
      const parent = column.endsWith('_id') ? column.slice(0, -3) : undefined;
      const rows = parent ? this.rows.get(parent) : undefined;
      const found = rows?.find((r) => r.row.id === row[column]);
      if (found) return found.side;
    }
    return 'global';
  }

  /**
   * A value of `column` from the `side`'s records of `table`; undefined when there is none.
   * Records related to `parent` come first: its children (`activity_id` = the activity), or
   * records sharing an owner with it (a KPI of the activity's instrument: the same
   * `instrument_id`), so a body's fields fit together more often than by chance.
   */
  pick(
    table: string,
    column: string,
    side: Side,
    pick: number,
    parent?: { table: string; id: string; row?: Row },
  ): { value: string; row: Row } | undefined {
    const all = (this.rows.get(table) ?? []).filter(
      (r) =>
        (r.side === side || (r.side === 'global' && side === 'A')) &&
        !this.protectedIds.has(r.row.id as string) &&
        !this.protectedIds.has(r.row.user_id as string) &&
        r.row[column] !== null &&
        r.row[column] !== undefined,
    );
    const related = parent ? all.filter((r) => isRelated(r.row, parent)) : [];
    const candidates = related.length > 0 ? related : all;
    if (candidates.length === 0) return undefined;
    const chosen = candidates[pick % candidates.length] as { row: Row };
    return { value: String(chosen.row[column]), row: chosen.row };
  }

  /** Tables where `side` has a record a request may target. */
  tablesWith(side: Side): string[] {
    return [...this.pooled].filter((table) => this.pick(table, 'id', side, 0) !== undefined);
  }

  /** The record of `table` whose `column` is `value`, on side A. */
  find(table: string, column: string, value: string): Row | undefined {
    return this.rows.get(table)?.find((r) => r.side !== 'B' && String(r.row[column]) === value)?.row;
  }

  /** Every id (and e-mail) of B's records: none may appear in an answer to a caller in A. */
  secretsOfB(): string[] {
    const secrets = new Set<string>();
    for (const rows of this.rows.values()) {
      for (const { row, side } of rows) {
        if (side !== 'B') continue;
        if (typeof row.id === 'string') secrets.add(row.id);
        if (typeof row.email === 'string') secrets.add(row.email);
      }
    }
    return [...secrets];
  }
}

/** `row` points at `parent`, or both point at the same owner (other than the workspace). */
function isRelated(row: Row, parent: { table: string; id: string; row?: Row }): boolean {
  if (row[`${parent.table}_id`] === parent.id) return true;
  const owner = parent.row;
  if (!owner) return false;
  return Object.keys(row).some(
    (c) =>
      c.endsWith('_id') &&
      c !== 'workspace_id' &&
      row[c] !== null &&
      row[c] !== undefined &&
      row[c] === owner[c],
  );
}

/** The tables any operation's parameters or fields point into (the pools to keep). */
export function pooledTables(operations: Operation[], tables: TableInfo[]): Set<string> {
  const pooled = new Set<string>(['membership', 'app_user']);
  const visit = (name: string, schema: unknown): void => {
    const target = fieldTarget(name, tables, (schema as { description?: string })?.description);
    if (target) pooled.add(target.table);
    const s = schema as { properties?: Record<string, unknown>; items?: unknown; anyOf?: unknown[] };
    for (const [k, v] of Object.entries(s?.properties ?? {})) visit(k, v);
    if (s?.items) visit(name, s.items);
    for (const branch of s?.anyOf ?? []) visit(name, branch);
  };
  for (const op of operations) {
    for (const p of op.pathParams) {
      const target = pathParamTarget(op, p.name, tables);
      if (target) pooled.add(target.table);
    }
    for (const p of op.queryParams) visit(p.name, p.schema);
    for (const schema of Object.values(op.bodies)) visit('', schema);
  }
  // A parent decides the side of its children: keep every table a pooled one points at.
  for (const name of [...pooled]) {
    const table = tables.find((t) => t.name === name);
    for (const column of table?.columns ?? []) {
      const parent = column.endsWith('_id') ? column.slice(0, -3) : '';
      if (tables.some((t) => t.name === parent)) pooled.add(parent);
    }
  }
  pooled.delete('workspace');
  return pooled;
}
