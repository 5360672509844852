import { Command } from 'commander';
import { VERSION } from '../version.ts';
import { registerArchiveCommands } from './commands/archive.ts';
import { registerCatalogueCommand } from './commands/catalogue.ts';
import { registerEstimateCommand } from './commands/estimate.ts';
import { registerEventsTickCommand } from './commands/events-tick.ts';
import { registerMigrateCommand } from './commands/migrate.ts';
import { registerNetworkCommand } from './commands/network.ts';
import { registerOperatorCommand } from './commands/operator.ts';
import { registerReportCommand } from './commands/report.ts';
import { registerScheduleCommand } from './commands/schedule.ts';
import { registerSeedCommand } from './commands/seed.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerSurveysTickCommand } from './commands/surveys-tick.ts';
import { registerWorkspaceCommand } from './commands/workspace.ts';

/** `space2id <command>`: the Hub's command-line interface. */
export function createProgram(): Command {
  const program = new Command('space2id')
    .description('SPACE2ID Hub command-line interface')
    .version(VERSION)
    .showHelpAfterError();
  registerServeCommand(program);
  registerMigrateCommand(program);
  registerSeedCommand(program);
  registerCatalogueCommand(program);
  registerScheduleCommand(program);
  registerEstimateCommand(program);
  registerReportCommand(program);
  registerArchiveCommands(program);
  registerNetworkCommand(program);
  registerEventsTickCommand(program);
  registerSurveysTickCommand(program);

  registerWorkspaceCommand(program);
  registerOperatorCommand(program);
  return program;
}

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  console.error(`space2id: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
