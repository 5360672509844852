/**
 * `space2id surveys tick`: the survey waves' periodic work run now (for cron and tests), straight
 * on the database: open waves past their closing time close, and respondents who have not
 * completed get their one automatic reminder. Idempotent, safe beside running servers (decision 0042).
 */
import type { Command } from 'commander';
import { createServices } from '../../app/services.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';

export function registerSurveysTickCommand(program: Command): void {
  // Other parts of issue 23 may add subcommands to `surveys`: share the command.
  const surveys =
    program.commands.find((command) => command.name() === 'surveys') ??
    program.command('surveys').description('Surveys and readiness (issue 23)');
  surveys
    .command('tick')
    .description('close survey waves past their closing time and send the automatic reminders')
    .action(async () => {
      const config = loadConfig();
      const database = openDatabase(config.databaseUrl);
      const services = createServices({
        db: database.db,
        mail: { smtpUrl: config.smtpUrl, from: config.mailFrom, publicUrl: config.publicUrl },
      });
      try {
        await migrateToLatest(database.db);
        const run = await services.surveyTick.tick();
        console.log(`surveys tick: ${run.closed} wave(s) closed, ${run.reminded} reminder(s) sent`);
      } finally {
        await services.close();
        await database.close();
      }
    });
}
