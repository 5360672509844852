/**
 * Synthetic large B2B event (1,000 participants, 5,000 requests, 24 slots in two sessions,
 * 150 tables): more requests than capacity (24 x 150 = 3,600 meetings at most). Popularity is
 * skewed (some participants are asked for more meetings than they have slots), 10 % of the
 * participants have forbidden slots, 20 % of the requests are session-bound, weights 1-3.
 *
 * node --import tsx bench/b2b/generate-large.ts [--seed 1] [--time-limit 60] [--out bench/results/b2b-large.md]
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSchedule } from '../../src/domain/scheduler/checker.ts';
import type { Meeting, SchedulingProblem } from '../../src/domain/scheduler/model.ts';
import { runInWorker } from '../../src/jobs/scheduler/run-in-worker.ts';

export interface LargeOptions {
  participants?: number;
  requests?: number;
  slots?: number;
  morningSlots?: number;
  tables?: number;
  seed?: number;
}

export function generateLarge(o: LargeOptions = {}): SchedulingProblem {
  const P = o.participants ?? 1000;
  const R = o.requests ?? 5000;
  const T = o.slots ?? 24;
  const morning = o.morningSlots ?? Math.floor(T / 2);
  const tables = o.tables ?? 150;
  let seed = o.seed ?? 1;
  const rnd = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 4294967296;
  };
  // skewed popularity: weight ~ 1/(rank^0.6)
  const pop = Array.from({ length: P }, (_, i) => 1 / (i + 1) ** 0.6);
  const cum: number[] = [];
  let acc = 0;
  for (const w of pop) {
    acc += w;
    cum.push(acc);
  }
  const pick = () => {
    const r = rnd() * acc;
    let lo = 0;
    let hi = P - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cum[mid] ?? 0) < r) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  const seen = new Set<string>();
  const meetings: Meeting[] = [];
  while (meetings.length < R) {
    const a = 1 + Math.floor(rnd() * P); // requester: uniform
    const b = pick(); // requested: popular
    if (a === b) continue;
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const r = rnd();
    const session = r < 0.1 ? 'morning' : r < 0.2 ? 'afternoon' : 'either';
    meetings.push({ a, b, session, weight: 1 + Math.floor(rnd() * 3) });
  }
  const forbidden: number[][] = Array.from({ length: P }, () =>
    rnd() < 0.1
      ? [1 + Math.floor(rnd() * T), 1 + Math.floor(rnd() * T)].filter((s, i, arr) => arr.indexOf(s) === i)
      : [],
  );
  return {
    name: `large-${P}p-${R}r-${T}s-${tables}t-seed${o.seed ?? 1}`,
    nParticipants: P,
    nSlots: T,
    nMorningSlots: morning,
    nTables: tables,
    meetings,
    forbidden,
    precedences: [],
    optionalMeetings: true,
  };
}

export async function main(args: string[]): Promise<void> {
  const get = (k: string, d: string) => {
    const i = args.indexOf(k);
    return (i >= 0 ? args[i + 1] : undefined) ?? d;
  };
  const here = dirname(fileURLToPath(import.meta.url));
  const seed = Number(get('--seed', '1'));
  const timeLimit = Number(get('--time-limit', '60'));
  const out = resolve(get('--out', join(here, '..', 'results', 'b2b-large.md')));
  const problem = generateLarge({ seed });
  const t0 = Date.now();
  const r = await runInWorker(problem, { fairness: 2, timeLimitSeconds: timeLimit });
  const wall = (Date.now() - t0) / 1000;
  const c = checkSchedule(problem, r, 2);
  const totalW = problem.meetings.reduce((a, m) => a + (m.weight ?? 1), 0);
  const lines = [
    '# B2B synthetic large event',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores, Node ${process.version}`,
    `- Instance: ${problem.name}: ${problem.nParticipants} participants, ${problem.meetings.length} requests (total weight ${totalW}), ${problem.nSlots} slots (${problem.nMorningSlots} morning), ${problem.nTables} tables (capacity ${problem.nSlots * problem.nTables} meetings), fairness d = 2, time limit ${timeLimit} s`,
    '',
    '| figure | value |',
    '|---|---|',
    `| status | ${r.status} |`,
    `| meetings placed | ${r.assignments.length} of ${problem.meetings.length} requested |`,
    `| placed weight | ${r.placedWeight ?? '-'} |`,
    `| upper bound on placed weight | ${r.placedWeightUpperBound ?? '-'} |`,
    `| total breaks | ${r.breaks ?? '-'} (fairness spread ${r.maxBreakSpread ?? '-'}) |`,
    `| solver seconds / wall seconds (incl. worker start) | ${r.seconds.toFixed(2)} / ${wall.toFixed(2)} |`,
    `| independent checker | ${c.errors.length === 0 ? 'valid' : `INVALID: ${c.errors.slice(0, 3).join('; ')}`} |`,
    '',
  ];
  writeFileSync(out, lines.join('\n'));
  console.log(lines.join('\n'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
