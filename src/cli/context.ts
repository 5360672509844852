import type { Command } from 'commander';
import { seedDemo } from '../app/seed-demo.ts';
import { createServices, type Services } from '../app/services.ts';
import { type Config, loadConfig } from '../config.ts';
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

/**
 * Runs `work` with the Hub's services on the configured database, migrated, with the configured
 * mail (SMTP, or the dev outbox), then closes both: the periodic commands run straight on the
 * database beside running servers (`events tick`, `surveys tick`, `network digest`).
 */
export async function withServices(
  work: (services: Services, database: Database) => Promise<void>,
): Promise<void> {
  const config = loadConfig();
  const database = openDatabase(config.databaseUrl);
  const services = createServices({
    db: database.db,
    mail: { smtpUrl: config.smtpUrl, from: config.mailFrom, publicUrl: config.publicUrl },
  });
  try {
    await migrateToLatest(database.db);
    await work(services, database);
  } finally {
    await services.close();
    await database.close();
  }
}

/** The top-level command `name`, made once and shared by the commands that add subcommands to it. */
export function commandGroup(program: Command, name: string, description: string): Command {
  return (
    program.commands.find((command) => command.name() === name) ??
    program.command(name).description(description)
  );
}
