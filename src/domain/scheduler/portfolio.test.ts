import { describe, expect, it } from 'vitest';
import { bruteForce, expectValid, problem } from '../../../test/support/scheduler.ts';
import type { ScheduleResult } from './model.ts';
import { combineResults, portfolioFits } from './portfolio.ts';
import { SharedBounds } from './shared-bounds.ts';
import { solve } from './solver.ts';

function result(over: Partial<ScheduleResult>): ScheduleResult {
  return {
    status: 'feasible',
    breaks: null,
    lowerBound: 0,
    maxBreakSpread: null,
    seconds: 1,
    assignments: [],
    ...over,
  };
}

describe('SharedBounds', () => {
  it('only raises the lower bound and only lowers the best', () => {
    const b = new SharedBounds(SharedBounds.createCells());
    expect(b.lowerBound).toBe(0);
    expect(b.best).toBeNull();
    expect(b.closed).toBe(false);
    b.raiseLowerBound(3);
    b.raiseLowerBound(2);
    expect(b.lowerBound).toBe(3);
    b.lowerBest(9);
    b.lowerBest(12);
    expect(b.best).toBe(9);
    expect(b.closed).toBe(false);
    b.lowerBest(3);
    expect(b.closed).toBe(true);
  });
});

describe('combineResults', () => {
  const a = [{ meeting: 1, slot: 1, table: 1 }];
  it('takes the fewest breaks and the highest proved lower bound', () => {
    const r = combineResults([
      result({ status: 'unknown', lowerBound: 4, seconds: 2 }),
      result({ breaks: 4, lowerBound: 1, assignments: a, seconds: 3 }),
    ]);
    expect(r.status).toBe('optimal');
    expect(r.breaks).toBe(4);
    expect(r.lowerBound).toBe(4);
    expect(r.assignments).toBe(a);
    expect(r.seconds).toBe(3);
  });

  it('stays feasible while the bounds have not met', () => {
    const r = combineResults(
      [
        result({ breaks: 7, lowerBound: 2, assignments: a }),
        result({ breaks: 6, lowerBound: 3, assignments: a }),
      ],
      4,
    );
    expect(r).toMatchObject({ status: 'feasible', breaks: 6, lowerBound: 4 });
  });

  it('a proof of infeasibility wins; nothing found is unknown with the bound', () => {
    expect(combineResults([result({ breaks: 3 }), result({ status: 'infeasible' })]).status).toBe(
      'infeasible',
    );
    expect(
      combineResults([result({ status: 'unknown', lowerBound: 2 }), result({ status: 'unknown' })]),
    ).toMatchObject({ status: 'unknown', lowerBound: 2, breaks: null });
  });

  it('is not used for optional meetings or rescheduling', () => {
    const p = problem(3, 3, 1, [[1, 2]]);
    expect(portfolioFits(p)).toBe(true);
    expect(portfolioFits({ ...p, optionalMeetings: true })).toBe(false);
    expect(portfolioFits({ ...p, previous: [{ meeting: 1, slot: 1 }] })).toBe(false);
  });
});

describe('search strategies', () => {
  it.each(['below', 'above'] as const)(
    '%s alone reaches the exhaustive optimum on random tiny instances',
    (strategy) => {
      let seed = 99;
      const rnd = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % n;
      };
      for (let it = 0; it < 25; it++) {
        const P = 3 + rnd(3);
        const T = 3 + rnd(3);
        const pairs: [number, number][] = [];
        for (let i = 0; i < 3 + rnd(3); i++) {
          const a = 1 + rnd(P);
          let b = 1 + rnd(P);
          if (b === a) b = (a % P) + 1;
          pairs.push([a, b]);
        }
        const p = problem(P, T, 1 + rnd(2), pairs);
        const exact = bruteForce(p, 2);
        const r = solve(p, { strategy, timeLimitSeconds: 10 });
        if (exact === null) expect(r.status).toBe('infeasible');
        else {
          expectValid(p, r);
          expect(r).toMatchObject({ status: 'optimal', breaks: exact });
        }
      }
    },
  );

  it('a solver stops as soon as shared bounds meet, and reports the shared lower bound', () => {
    const p = problem(3, 3, 1, [
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
    const cells = SharedBounds.createCells();
    const shared = new SharedBounds(cells);
    shared.raiseLowerBound(1);
    shared.lowerBest(1); // another solver already holds a schedule with one break
    const r = solve(p, { strategy: 'below', sharedBounds: cells, timeLimitSeconds: 10 });
    // nothing left to prove or find: it hands back at once, with the shared bound and no schedule
    expect(r).toMatchObject({ status: 'unknown', lowerBound: 1, breaks: null, assignments: [] });
  });
});
