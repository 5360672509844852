import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { seedCatalogue } from '../../features/instruments/seed.ts';

export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('load the D4.2 instrument catalogue (idempotent; migrates first)')
    .action(async () => {
      const database = openDatabase(loadConfig().databaseUrl);
      try {
        await migrateToLatest(database.db);
        const result = await seedCatalogue(database.db);
        console.log(
          result.changed
            ? `catalogue written: ${result.instruments} instruments, ${result.kpis} KPI definitions`
            : `catalogue already up to date (${result.instruments} instruments)`,
        );
      } finally {
        await database.close();
      }
    });
}
