import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';
import { cachingStatements } from './sqlite-statement-cache.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

/** An open database: the Kysely instance plus which engine is behind it. */
export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** Where it is, without credentials (for logs and /api/health). */
  location: string;
  close(): Promise<void>;
}

// COUNT(*) and BIGINT arrive as strings from pg; the Hub's counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** True when the URL selects PostgreSQL (`postgres://` or `postgresql://`). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * Opens the database named by `url`: PostgreSQL for `postgres://…`, otherwise SQLite at the
 * given path (`sqlite:` prefix optional, `:memory:` allowed). The SQLite file's folder is created.
 *
 * @example
 * const { db, kind, close } = openDatabase('./data/space2id.db');
 */
export function openDatabase(url: string): Database {
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    let closing = false;
    // An idle client can lose its connection (server restart, admin termination); without a
    // listener pg would throw it as an uncaught error. The pool replaces the client on next use.
    pool.on('error', (error) => {
      if (!closing) console.warn(`PostgreSQL idle connection error: ${error.message}`);
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const close = async () => {
      closing = true;
      await db.destroy();
    };
    return { db, kind: 'postgres', location: redactPassword(url), close };
  }
  const file = url.replace(/^sqlite:/, '');
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL: readers do not block the writer; NORMAL sync is durable across process crashes in WAL.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
  return { db, kind: 'sqlite', location: file, close: () => db.destroy() };
}

function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres';
  }
}
