import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * PostgreSQL only: a trigram index on the searched name, so a search that matches few members
 * (or none) reads those few instead of the whole workspace — the members list's worst case, 100 ms
 * at 100,000 members without it. `pg_trgm` ships with PostgreSQL and is a trusted extension: the
 * database owner may create it. SQLite answers the same query from the covering indexes of 0005.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create index organisation_name_trgm on organisation using gin (normalised_name gin_trgm_ops)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop index if exists organisation_name_trgm`.execute(db);
}
