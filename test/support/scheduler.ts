/** Helpers shared by the scheduler tests (not used by the engine). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { checkSchedule } from '../../src/domain/scheduler/checker.ts';
import type { Meeting, ScheduleResult, SchedulingProblem } from '../../src/domain/scheduler/model.ts';

/**
 * The JAIR 2022 benchmark folder (instances/*.dzn, published/*.csv): $B2B_BENCH_DIR, else
 * `../shared/benchmarks/b2b` beside the repository (the lookup of bench/b2b/run.ts); undefined when
 * neither holds instances, and the benchmark tests are skipped.
 */
export const BENCH_DIR = [
  process.env.B2B_BENCH_DIR,
  path.resolve(import.meta.dirname, '../../../shared/benchmarks/b2b'),
].find((d): d is string => !!d && existsSync(path.join(d, 'instances')));

/** The text of the benchmark instance `instances/<name>.dzn` (BENCH_DIR must be set). */
export function benchInstanceText(name: string): string {
  if (!BENCH_DIR) throw new Error('b2b benchmark folder not found (set B2B_BENCH_DIR)');
  return readFileSync(path.join(BENCH_DIR, 'instances', `${name}.dzn`), 'utf8');
}

export function problem(
  nParticipants: number,
  nSlots: number,
  nTables: number,
  pairs: [number, number][],
  extra: Partial<SchedulingProblem> = {},
): SchedulingProblem {
  const meetings: Meeting[] = pairs.map(([a, b]) => ({ a, b, session: 'either' }));
  return {
    nParticipants,
    nSlots,
    nMorningSlots: nSlots,
    nTables,
    meetings,
    forbidden: Array.from({ length: nParticipants }, () => []),
    precedences: [],
    ...extra,
  };
}

/** Runs the independent checker on every schedule a test produces. */
export function expectValid(p: SchedulingProblem, r: ScheduleResult, fairness: number | null = 2): void {
  if (r.status === 'infeasible' || r.status === 'unknown') {
    expect(r.assignments).toEqual([]);
    return;
  }
  const c = checkSchedule(p, r, fairness);
  expect(c.errors).toEqual([]);
  expect(r.breaks).toBe(c.breaks);
  expect(r.lowerBound).toBeLessThanOrEqual(c.breaks);
  if (r.status === 'optimal' && !p.optionalMeetings) expect(r.lowerBound).toBe(r.breaks);
}

/** Exhaustive optimum (min total breaks under fairness) of a tiny instance; null if infeasible. */
export function bruteForce(p: SchedulingProblem, fairness: number | null): number | null {
  const M = p.meetings.length;
  const slots: number[] = new Array(M).fill(0);
  let best: number | null = null;
  const rec = (m: number): void => {
    if (m === M) {
      const r = checkSchedule(
        p,
        {
          assignments: slots.map((s, i) => ({
            meeting: i + 1,
            slot: s,
            table: 1 + slots.slice(0, i).filter((t) => t === s).length,
          })),
          breaks: null,
          maxBreakSpread: null,
        },
        fairness,
      );
      if (r.errors.length === 0 && (best === null || r.breaks < best)) best = r.breaks;
      return;
    }
    for (let s = 1; s <= p.nSlots; s++) {
      slots[m] = s;
      rec(m + 1);
    }
  };
  rec(0);
  return best;
}
