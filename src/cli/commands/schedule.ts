/**
 * `space2id schedule <file.dzn|file.json> [--fairness D] [--time-limit SECONDS] [--json]`:
 * schedules a B2B meeting event (the solver runs in a worker thread) and prints the result.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { parseDzn } from '../../domain/scheduler/dzn.ts';
import { parseScheduleJson } from '../../domain/scheduler/json.ts';
import type { ScheduleResult, SchedulingProblem } from '../../domain/scheduler/model.ts';
import { runInWorker } from '../../jobs/scheduler/run-in-worker.ts';

export function loadProblem(file: string): SchedulingProblem {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.dzn')) return parseDzn(text, basename(file, '.dzn'));
  return parseScheduleJson(JSON.parse(text));
}

export function resultJson(r: ScheduleResult): string {
  const out: Record<string, unknown> = {
    status: r.status,
    breaks: r.breaks,
    lowerBound: r.lowerBound,
    maxBreakSpread: r.maxBreakSpread,
    seconds: r.seconds,
    assignments: r.assignments.map((a) => ({ meeting: a.meeting, slot: a.slot, table: a.table })),
  };
  if (r.unplaced !== undefined) out.unplaced = r.unplaced;
  if (r.placedWeight !== undefined) out.placedWeight = r.placedWeight;
  if (r.placedWeightUpperBound !== undefined) out.placedWeightUpperBound = r.placedWeightUpperBound;
  if (r.changes !== undefined) out.changes = r.changes;
  return JSON.stringify(out);
}

function parseNonNegative(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number`);
    return n;
  };
}

export function registerScheduleCommand(program: Command): void {
  program
    .command('schedule')
    .description('Schedule B2B meetings from a .dzn benchmark file or the Hub JSON format')
    .argument('<file>', 'a .dzn or .json event file')
    .option(
      '--fairness <d>',
      'max difference between two participants’ break counts',
      parseNonNegative('fairness'),
      2,
    )
    .option('--time-limit <seconds>', 'time limit in seconds', parseNonNegative('time limit'), 60)
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { fairness: number; timeLimit: number; json?: boolean }) => {
      const problem = loadProblem(file);
      const result = await runInWorker(problem, {
        fairness: opts.fairness,
        timeLimitSeconds: opts.timeLimit,
        onProgress: opts.json
          ? undefined
          : (p) =>
              process.stderr.write(
                `[${p.seconds.toFixed(1)}s] ${p.phase}: best ${p.best ?? '-'}, lower bound ${p.lowerBound}\n`,
              ),
      });
      if (opts.json) {
        process.stdout.write(`${resultJson(result)}\n`);
        return;
      }
      process.stdout.write(
        `${result.status}: breaks ${result.breaks ?? '-'}, lower bound ${result.lowerBound}, ` +
          `spread ${result.maxBreakSpread ?? '-'}, ${result.assignments.length} meetings placed, ${result.seconds.toFixed(2)} s\n`,
      );
      for (const a of result.assignments)
        process.stdout.write(`meeting ${a.meeting}: slot ${a.slot}, table ${a.table}\n`);
    });
}
