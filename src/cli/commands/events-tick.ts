/**
 * `space2id events tick`: the marketplace's periodic work run now (for cron and tests), straight on
 * the database: pending meeting requests past their expiry become expired, and pending requests
 * older than two days get their one reminder mail. Safe beside running servers (decision 0036).
 */
import type { Command } from 'commander';
import { createServices } from '../../app/services.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';

export function registerEventsTickCommand(program: Command): void {
  // Other parts of issue 22 may add subcommands to `events`: share the command.
  const events =
    program.commands.find((command) => command.name() === 'events') ??
    program.command('events').description('B2B matchmaking events (issue 22)');
  events
    .command('tick')
    .description("expire pending meeting requests past their expiry and send the requests' reminders")
    .action(async () => {
      const config = loadConfig();
      const database = openDatabase(config.databaseUrl);
      const services = createServices({
        db: database.db,
        mail: { smtpUrl: config.smtpUrl, from: config.mailFrom, publicUrl: config.publicUrl },
      });
      try {
        await migrateToLatest(database.db);
        const run = await services.marketplaceTick.tick();
        console.log(`events tick: ${run.expired} request(s) expired, ${run.reminded} reminder(s) sent`);
      } finally {
        await services.close();
        await database.close();
      }
    });
}
