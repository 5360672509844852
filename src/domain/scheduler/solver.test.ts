import { describe, expect, it } from 'vitest';
import { bruteForce, expectValid, problem } from '../../../test/support/scheduler.ts';
import type { SchedulingProblem } from './model.ts';
import { encode, solve } from './solver.ts';

describe('solve: small hand-made instances', () => {
  it('a triangle of meetings in three slots needs exactly one break (lower bound proved)', () => {
    const p = problem(3, 3, 1, [
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
    const r = solve(p, { timeLimitSeconds: 10 });
    expectValid(p, r);
    expect(r.status).toBe('optimal');
    expect(r.breaks).toBe(1);
    expect(r.lowerBound).toBe(1);
  });

  it('fairness 0 makes the triangle infeasible (one participant would have a break, another none)', () => {
    const p = problem(3, 3, 1, [
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
    const r = solve(p, { fairness: 0, timeLimitSeconds: 10 });
    expect(r.status).toBe('infeasible');
    const r1 = solve(p, { fairness: 1, timeLimitSeconds: 10 });
    expectValid(p, r1, 1);
    expect(r1.breaks).toBe(1);
  });

  it('an instance with no break needed is optimal at 0 and tables are distinct', () => {
    const p = problem(4, 2, 2, [
      [1, 2],
      [3, 4],
      [1, 3],
      [2, 4],
    ]);
    const r = solve(p);
    expectValid(p, r);
    expect(r.status).toBe('optimal');
    expect(r.breaks).toBe(0);
    expect(r.assignments).toHaveLength(4);
  });

  it('proves infeasibility: more meetings than slots for one participant', () => {
    const p = problem(3, 1, 5, [
      [1, 2],
      [1, 3],
    ]);
    expect(solve(p).status).toBe('infeasible');
  });

  it('proves infeasibility: table capacity', () => {
    const p = problem(6, 1, 2, [
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(solve(p).status).toBe('infeasible');
  });

  it('proves infeasibility: a precedence cycle', () => {
    const p = problem(3, 4, 2, [
      [1, 2],
      [1, 3],
    ]);
    p.precedences = [
      [1, 2],
      [2, 1],
    ];
    expect(solve(p).status).toBe('infeasible');
  });

  it('respects sessions, forbidden slots, fixed slots and precedences', () => {
    const p: SchedulingProblem = {
      nParticipants: 4,
      nSlots: 6,
      nMorningSlots: 3,
      nTables: 2,
      meetings: [
        { a: 1, b: 2, session: 'morning' },
        { a: 1, b: 3, session: 'afternoon' },
        { a: 2, b: 3, session: 'either', fixedSlot: 2 },
        { a: 1, b: 4, session: 'either' },
        { a: 3, b: 4, session: 'either' },
      ],
      forbidden: [[1], [], [6], []],
      precedences: [[4, 1]],
    };
    const r = solve(p);
    expectValid(p, r);
    expect(r.status).toBe('optimal');
    // with a single table, meeting 4 (before 1, participant 1 forbidden at 1) collides with fixed meeting 3
    expect(solve({ ...p, nTables: 1 }).status).toBe('infeasible');
    const slot = (m: number) => r.assignments.find((a) => a.meeting === m)?.slot;
    expect(slot(3)).toBe(2);
    expect(slot(4)!).toBeLessThan(slot(1)!);
    expect(slot(1)!).toBeLessThanOrEqual(3);
    expect(slot(2)!).toBeGreaterThan(3);
  });

  it('a fixed slot in a forbidden slot is infeasible', () => {
    const p = problem(2, 3, 1, [[1, 2]]);
    p.meetings[0]!.fixedSlot = 2;
    p.forbidden[1] = [2];
    expect(solve(p).status).toBe('infeasible');
  });

  it('matches exhaustive search on random tiny instances (optimum, infeasibility, fairness)', () => {
    let seed = 12345;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let nontrivial = 0;
    for (let it = 0; it < 40; it++) {
      const P = 3 + rnd(3);
      const T = 3 + rnd(3);
      const M = 3 + rnd(3);
      const pairs: [number, number][] = [];
      for (let i = 0; i < M; i++) {
        const a = 1 + rnd(P);
        let b = 1 + rnd(P);
        if (b === a) b = (a % P) + 1;
        pairs.push([a, b]);
      }
      const p = problem(P, T, 1 + rnd(2), pairs);
      if (rnd(2) === 0) p.forbidden[rnd(P)] = [1 + rnd(T)];
      if (rnd(3) === 0) p.precedences = [[1, 2]];
      const fairness = rnd(3) === 0 ? 0 : rnd(2) === 0 ? 1 : 2;
      const exact = bruteForce(p, fairness);
      const r = solve(p, { fairness, timeLimitSeconds: 10 });
      if (exact === null) expect(r.status).toBe('infeasible');
      else {
        expectValid(p, r, fairness);
        expect(r.status).toBe('optimal');
        expect(r.breaks).toBe(exact);
        if (exact > 0) nontrivial++;
      }
    }
    expect(nontrivial).toBeGreaterThan(3);
  });

  it('reports progress and honours a time limit', () => {
    const p = problem(3, 3, 1, [
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
    const seen: number[] = [];
    const r = solve(p, { timeLimitSeconds: 5, onProgress: (x) => seen.push(x.lowerBound) });
    expect(r.seconds).toBeLessThan(5);
    expect(seen.length).toBeGreaterThan(0);
  });
});

describe('encode: lazy table counting', () => {
  // 6 meetings of 6 distinct pairs in 3 slots: 2 tables fit them, 1 table does not
  const pairs: [number, number][] = [
    [1, 2],
    [3, 4],
    [5, 6],
    [7, 8],
    [9, 10],
    [11, 12],
  ];

  it('native table capacity alone, then with the totalizers added, answers alike and respects capacity', () => {
    const fits = encode(problem(12, 3, 2, pairs), 2, { lazyTableCounting: true });
    expect(fits.solver.solve()).toBe('sat');
    fits.addTableCounting();
    fits.addTableCounting(); // a second call adds nothing
    expect(fits.solver.solve()).toBe('sat');
    const perSlot = [0, 0, 0, 0];
    for (let m = 0; m < fits.x.length; m++)
      for (let i = 0; i < fits.x[m]!.length; i++)
        if (fits.solver.modelValue(fits.x[m]![i]!)) perSlot[fits.dom[m]![i]!]!++;
    expect(Math.max(...perSlot)).toBeLessThanOrEqual(2);

    const tooFew = encode(problem(12, 3, 1, pairs), 2, { lazyTableCounting: true });
    expect(tooFew.solver.solve()).toBe('unsat');
    const counted = encode(problem(12, 3, 1, pairs), 2, { lazyTableCounting: true });
    counted.addTableCounting();
    expect(counted.solver.solve()).toBe('unsat');
  });
});
