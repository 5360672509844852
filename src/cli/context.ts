import { seedDemo } from '../app/seed-demo.ts';
import type { Config } from '../config.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { DemoSeedResult } from '../features/demo/seed-demo.ts';
import { seedCatalogue } from '../features/instruments/seed.ts';

/**
 * Opens the configured database and brings it to a usable state: migrations, then the seed
 * steps (idempotent). Every command that reads data goes through here.
 */
export async function openReadyDatabase(config: Config): Promise<Database & { demo: DemoSeedResult }> {
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database.db);
    await seedCatalogue(database.db);
    const demo = config.seedDemo ? await seedDemo(database.db) : { created: false, users: [] };
    return { ...database, demo };
  } catch (error) {
    await database.close();
    throw error;
  }
}
