import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** How many distinct statements are kept (the Hub issues a few hundred shapes of query). */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * The SQLite database as Kysely's dialect sees it, with its prepared statements kept for reuse.
 * Kysely's SQLite driver prepares every query anew; compiling the SQL cost about a tenth of the
 * server's CPU under the mixed load (bench/load.ts), while the Hub sends the same few hundred
 * statements again and again. A statement busy in an unfinished `iterate()` (a streamed query) is
 * not handed out twice: the caller gets a fresh one. Least recently used statements are dropped
 * past `size`. Schema changes need no care: SQLite re-prepares a stale statement by itself.
 *
 * @example
 * new SqliteDialect({ database: cachingStatements(new SQLite(file)) });
 */
export function cachingStatements(sqlite: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      const cached = statements.get(sql);
      if (cached && !cached.busy) {
        // Map order is insertion order: moved to the end, it is the most recently used.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (!cached) {
        statements.set(sql, statement);
        if (statements.size > size) statements.delete(statements.keys().next().value as string);
      }
      return statement;
    },
  };
}
