/**
 * `space2id network digest [--week 2026-W50] [--workspace <slug>]`: the weekly network-health
 * digest sent now (for cron and tests), straight on the database. Owners whose digest of that
 * week was already sent (by a server's tick or an earlier run) are skipped.
 */
import type { Command } from 'commander';
import { todayIn } from '../../domain/workspaces/rules.ts';
import { isoWeekOf, mondayOf } from '../../features/network-health/digest.ts';
import { WorkspaceRepository } from '../../features/workspaces/repository.ts';
import { withServices } from '../context.ts';

export function registerNetworkCommand(program: Command): void {
  const network = program.command('network').description('the network of foreign organisations (issue 21)');
  network
    .command('digest')
    .description('send the weekly network-health digest to every relationship owner with something to report')
    .option('--week <week>', 'ISO week, e.g. 2026-W50 (default: this week in UTC)')
    .option('--workspace <slug>', 'only this workspace (default: every active workspace)')
    .action(async (options: { week?: string; workspace?: string }) => {
      const week = options.week?.trim() ?? isoWeekOf(todayIn('UTC'));
      if (mondayOf(week) === null) {
        throw new Error(`--week: "${week}" is not an ISO week written YYYY-Www, e.g. 2026-W50`);
      }
      await withServices(async (services, database) => {
        let workspaceId: string | undefined;
        if (options.workspace) {
          const workspace = await new WorkspaceRepository(database.db).findBySlug(options.workspace);
          if (!workspace) throw new Error(`--workspace: no workspace "${options.workspace}"`);
          workspaceId = workspace.id;
        }
        const runs = await services.networkDigest.sendWeek(week, workspaceId);
        const sent = runs.reduce((sum, run) => sum + run.sent, 0);
        const skipped = runs.reduce((sum, run) => sum + run.alreadySent, 0);
        console.log(
          `network digest ${week}: ${sent} mail(s) sent, ${skipped} already sent, ${runs.length} workspace(s)`,
        );
      });
    });
}
