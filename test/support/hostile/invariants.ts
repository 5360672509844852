import { createHash } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import { sql } from 'kysely';
import type { Database } from '../../../src/db/database.ts';
import type { Actor, Permission } from '../../../src/domain/access/policy.ts';
import type { TableInfo } from './targets.ts';

/**
 * What the hostile suite checks after every request: the database as it was (a refused request
 * writes nothing; B never changes), no answer naming B, no write the caller's role may not make.
 */

/**
 * Columns a request may touch without writing anything a user did: when a token or session was
 * last used.
 */
const BOOKKEEPING: Record<string, string[]> = {
  api_token: ['last_used_at'],
  user_session: ['last_seen_at', 'expires_at'],
  job_file: ['content'],
};

/**
 * Tables that are bookkeeping as a whole: a refused request is meant to write them (the shared
 * rate-limit counters count every attempt, 429s included; a failed sign-in counts towards the
 * lock-out of its account from its address), so they are not part of the snapshot.
 */
const BOOKKEEPING_TABLES = new Set(['rate_limit', 'sign_in_lock']);

/** Per table (and, for a table of workspaces, per part: B's rows or the rest): row count and hash. */
export type Snapshot = Map<string, string>;

/**
 * What stands for a row: a versioned record's id, version and update time (every edit bumps the
 * version); any other row's columns (`full`: any row's), each cut to 100 characters (mails and
 * audit changes are long, and never edited).
 */
function rowColumns(table: TableInfo, full = false): string[] {
  const versioned = ['id', 'version', 'updated_at'];
  if (!full && versioned.every((c) => table.columns.includes(c))) return versioned;
  return table.columns.filter((c) => !(BOOKKEEPING[table.name] ?? []).includes(c));
}

/**
 * One statement that counts and hashes every table, B's rows apart (so a change to B shows by
 * itself). SQLite scans a table in rowid order, which an edit keeps: its rows are joined and
 * hashed here; PostgreSQL adds up a hash of each row.
 */
export function snapshotter(database: Database, allTables: TableInfo[], workspaceB: string) {
  const tables = allTables.filter((table) => !BOOKKEEPING_TABLES.has(table.name));
  const postgres = database.kind === 'postgres';
  const parts = tables.map((table) => {
    const text = (columns: string[]) =>
      sql.join(
        columns.map((c) => sql`coalesce(substr(cast(${sql.ref(c)} as text), 1, 100), '~')`),
        sql` || '|' || `,
      );
    const ofB = table.columns.includes('workspace_id');
    const isB = sql`${sql.ref('workspace_id')} = ${workspaceB}`;
    // B's rows whole: B may not change at all, even where a version would not show it.
    const row = ofB
      ? sql`case when ${isB} then ${text(rowColumns(table, true))} else ${text(rowColumns(table))} end`
      : text(rowColumns(table));
    const part = ofB ? sql`case when ${isB} then 'B' else '*' end` : sql`'*'`;
    // PostgreSQL: a sum of row hashes, which needs no order (its scan order may change).
    const aggregate = postgres
      ? sql`coalesce(sum(hashtextextended(r, 0)), 0)::text`
      : sql`coalesce(group_concat(r, ','), '')`;
    return sql`select ${table.name} as t, p, count(*) as n, ${aggregate} as h from (select ${part} as p, ${row} as r from ${sql.table(table.name)}) as rows_of group by p`;
  });
  // Compiled once: building the statement costs more than running it on small tables.
  const compiled = sql<{
    t: string;
    p: string;
    n: number;
    h: string;
  }>`${sql.join(parts, sql` union all `)}`.compile(database.db);
  return async (): Promise<Snapshot> => {
    const { rows } = await database.db.executeQuery(compiled);
    const snapshot: Snapshot = new Map();
    for (const r of rows) {
      const hash = postgres ? r.h : createHash('sha1').update(r.h).digest('hex');
      snapshot.set(`${r.t}${r.p === 'B' ? ' (B)' : ''}`, `${Number(r.n)}:${hash}`);
    }
    return snapshot;
  };
}

/**
 * A number that moves whenever a statement may have written anything, read at almost no cost:
 * the snapshot above is taken again only when it moved. SQLite: `total_changes()` of the one
 * connection the app and the suite share. PostgreSQL: a sequence advanced by a statement trigger
 * on every table (installed here, in the test database; a sequence ignores rollbacks, so a
 * write rolled back still moves it, which only costs a snapshot).
 */
export async function writeCounter(
  database: Database,
  allTables: TableInfo[],
): Promise<() => Promise<string>> {
  const tables = allTables.filter((table) => !BOOKKEEPING_TABLES.has(table.name));
  if (database.kind === 'sqlite') {
    const compiled = sql<{ n: number }>`select total_changes() as n`.compile(database.db);
    return async () => String((await database.db.executeQuery(compiled)).rows[0]?.n);
  }
  await sql`create sequence if not exists hostile_writes`.execute(database.db);
  await sql`create or replace function hostile_count_write() returns trigger language plpgsql as $$
    begin perform nextval('hostile_writes'); return null; end $$`.execute(database.db);
  for (const table of tables) {
    await sql`create or replace trigger hostile_count_write after insert or update or delete on ${sql.table(table.name)}
      for each statement execute function hostile_count_write()`.execute(database.db);
  }
  const compiled = sql<{ n: string }>`select last_value || ':' || is_called as n from hostile_writes`.compile(
    database.db,
  );
  return async () => String((await database.db.executeQuery(compiled)).rows[0]?.n);
}

/** The tables (and B parts) whose count or hash differ. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

/** Finds B's ids, e-mails and marker in an answer, unless the request itself sent them. */
export function leakFinder(secrets: string[]) {
  const escaped = [...new Set(secrets)]
    .filter((s) => s.length >= 6)
    .sort((a, b) => b.length - a.length)
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(escaped.join('|'), 'gi');
  return (answer: string, sent: string): string[] => {
    const found = new Set<string>();
    for (const match of answer.matchAll(pattern)) {
      if (!sent.toLowerCase().includes(match[0].toLowerCase())) found.add(match[0]);
    }
    return [...found];
  };
}

/** What the route that handled the last request declared, and who the caller was in its workspace. */
export interface Handled {
  route: string;
  permission: Permission | undefined;
  actor: Actor | null;
}

/**
 * Listens to Fastify's handler channel: for each request that reached its handler (after every
 * hook, the workspace's and the role's checks included), the route's declared permission.
 */
export function handledRequests() {
  let last: Handled | undefined;
  const channel = diagnostics.tracingChannel('fastify.request.handler');
  const handlers = {
    start(message: unknown) {
      const { request } = message as {
        request: {
          routeOptions: { url?: string; config: { permission?: Permission } };
          actor?: Actor | null;
        };
      };
      last = {
        route: request.routeOptions.url ?? '',
        permission: request.routeOptions.config.permission,
        actor: request.actor ?? null,
      };
    },
    end() {},
    asyncStart() {},
    asyncEnd() {},
    error() {},
  };
  channel.subscribe(handlers);
  return {
    /** The handled request since the last call, if one was. */
    take(): Handled | undefined {
      const value = last;
      last = undefined;
      return value;
    },
    close: () => channel.unsubscribe(handlers),
  };
}
