import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../test/support/databases.ts';
import { type Database, openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { INSTANCE_TABLES, WORKSPACE_TABLES } from './workspace-tables.ts';

/** The tables of a migrated database, without Kysely's own. */
async function tablesOf(database: Database): Promise<string[]> {
  const query =
    database.kind === 'sqlite'
      ? sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`
      : sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = 'public'`;
  const rows = (await query.execute(database.db)).rows;
  return rows.map((row) => row.name).filter((name) => !name.startsWith('kysely_'));
}

describe.each(testDialects())('the ownership of every table on %s', (kind) => {
  let testDatabase: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    testDatabase = await createTestDatabase(kind);
    database = openDatabase(testDatabase.url);
    await migrateToLatest(database.db);
  });
  afterAll(async () => {
    await database?.close();
    await testDatabase?.drop();
  });

  it('classes each table as a workspace’s or the instance’s, once', async () => {
    const owned = WORKSPACE_TABLES.map((entry) => entry.table);
    const instance = Object.keys(INSTANCE_TABLES);
    expect(new Set([...owned, ...instance]).size).toBe(owned.length + instance.length);
    expect([...owned, ...instance].sort()).toEqual((await tablesOf(database)).sort());
  });

  it('lists a parent before its children, and each child by a column it has', async () => {
    for (const [index, entry] of WORKSPACE_TABLES.entries()) {
      if (entry.owner !== 'parent') continue;
      const parentIndex = WORKSPACE_TABLES.findIndex((candidate) => candidate.table === entry.parent);
      expect(parentIndex, `${entry.table} after ${entry.parent}`).toBeGreaterThanOrEqual(0);
      expect(parentIndex).toBeLessThan(index);
      await expect(
        database.db.selectFrom(entry.table).select(sql.ref(entry.foreignKey).as('key')).limit(1).execute(),
      ).resolves.toBeDefined();
    }
  });
});
