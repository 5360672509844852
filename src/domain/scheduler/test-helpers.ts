/** Helpers shared by the scheduler tests (not used by the engine). */
import { existsSync } from 'node:fs';
import { expect } from 'vitest';
import { checkSchedule } from './checker.ts';
import type { Meeting, ScheduleResult, SchedulingProblem } from './model.ts';

export const BENCH_DIR = ['/work/shared/benchmarks/b2b', `${process.cwd()}/../shared/benchmarks/b2b`].find(
  (d) => existsSync(`${d}/instances`),
);

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
