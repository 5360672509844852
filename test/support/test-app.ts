import type { FastifyInstance } from 'fastify';
import { type AppOptions, buildApp } from '../../src/app/build-app.ts';
import { type Database, type DatabaseKind, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedCatalogue } from '../../src/features/instruments/seed.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';

/** The Hub over a fresh database of one kind, migrated and seeded, ready for `inject()`. */
export interface TestApp {
  app: FastifyInstance;
  database: Database;
  testDatabase: TestDatabase;
  close(): Promise<void>;
}

/** `options`: any of buildApp's besides the database (web app folder, mail settings, clock…). */
export async function startTestApp(
  kind: DatabaseKind,
  options: Omit<AppOptions, 'database'> = {},
): Promise<TestApp> {
  const testDatabase = await createTestDatabase(kind);
  const database = openDatabase(testDatabase.url);
  await migrateToLatest(database.db);
  await seedCatalogue(database.db);
  const app = await buildApp({ database, ...options });
  return {
    app,
    database,
    testDatabase,
    async close() {
      await app.close();
      await database.close();
      await testDatabase.drop();
    },
  };
}
