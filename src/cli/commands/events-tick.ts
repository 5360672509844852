/**
 * `space2id events tick`: the marketplace's periodic work run now (for cron and tests), straight on
 * the database: pending meeting requests past their expiry become expired, and pending requests
 * older than two days get their one reminder mail. Safe beside running servers (decision 0036).
 */
import type { Command } from 'commander';
import { commandGroup, withServices } from '../context.ts';

export function registerEventsTickCommand(program: Command): void {
  commandGroup(program, 'events', 'B2B matchmaking events (issue 22)')
    .command('tick')
    .description("expire pending meeting requests past their expiry and send the requests' reminders")
    .action(() =>
      withServices(async (services) => {
        const run = await services.marketplaceTick.tick();
        console.log(`events tick: ${run.expired} request(s) expired, ${run.reminded} reminder(s) sent`);
      }),
    );
}
