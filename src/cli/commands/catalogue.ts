import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { PHASE_LABELS, PHASES } from '../../domain/catalogue/types.ts';
import { InstrumentRepository } from '../../features/instruments/repository.ts';
import { InstrumentService } from '../../features/instruments/service.ts';
import { openReadyDatabase } from '../context.ts';

export function registerCatalogueCommand(program: Command): void {
  program
    .command('catalogue')
    .description('print the instrument catalogue')
    .option('--json', 'print JSON exactly as GET /api/v1/instruments returns it')
    .action(async (options: { json?: boolean }) => {
      const database = await openReadyDatabase(loadConfig());
      try {
        const items = await new InstrumentService(new InstrumentRepository(database.db)).list();
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ items })}\n`);
          return;
        }
        for (const phase of PHASES) {
          console.log(`\n${PHASE_LABELS[phase]}`);
          for (const i of items.filter((item) => item.phase === phase)) {
            console.log(`  ${i.code}  ${i.name.padEnd(40)} ${i.budget.formula}`);
          }
        }
      } finally {
        await database.close();
      }
    });
}
