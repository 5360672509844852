import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema up to date')
    .action(async () => {
      const database = openDatabase(loadConfig().databaseUrl);
      try {
        const results = await migrateToLatest(database.db);
        for (const r of results) console.log(`${r.status.toLowerCase()}: ${r.migrationName}`);
        console.log(
          results.length === 0 ? 'schema already up to date' : `${results.length} migration(s) run`,
        );
      } finally {
        await database.close();
      }
    });
}
