/**
 * `space2id surveys tick`: the survey waves' periodic work run now (for cron and tests), straight
 * on the database: open waves past their closing time close, and respondents who have not
 * completed get their one automatic reminder. Idempotent, safe beside running servers (decision 0042).
 */
import type { Command } from 'commander';
import { commandGroup, withServices } from '../context.ts';

export function registerSurveysTickCommand(program: Command): void {
  commandGroup(program, 'surveys', 'Surveys and readiness (issue 23)')
    .command('tick')
    .description('close survey waves past their closing time and send the automatic reminders')
    .action(() =>
      withServices(async (services) => {
        const run = await services.surveyTick.tick();
        console.log(`surveys tick: ${run.closed} wave(s) closed, ${run.reminded} reminder(s) sent`);
      }),
    );
}
