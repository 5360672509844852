import { describe, expect, it } from 'vitest';
import { SatSolver } from './sat.ts';

type Cnf = number[][]; // DIMACS-style literals: +v / -v, v from 1

function load(nVars: number, cnf: Cnf, solver = new SatSolver()): SatSolver {
  solver.newVars(nVars);
  for (const c of cnf) solver.addClause(c.map((l) => (l > 0 ? 2 * (l - 1) : 2 * (-l - 1) + 1)));
  return solver;
}

function satisfies(solver: SatSolver, cnf: Cnf): boolean {
  return cnf.every((c) => c.some((l) => solver.modelValue(l > 0 ? 2 * (l - 1) : 2 * (-l - 1) + 1)));
}

function bruteForceSat(nVars: number, cnf: Cnf): boolean {
  for (let m = 0; m < 1 << nVars; m++)
    if (cnf.every((c) => c.some((l) => ((m >> (Math.abs(l) - 1)) & 1) === (l > 0 ? 1 : 0)))) return true;
  return false;
}

/** n+1 pigeons in n holes: unsatisfiable, and hard enough to need real search for n >= 6. */
function pigeonhole(n: number): { nVars: number; cnf: Cnf } {
  const v = (p: number, h: number) => p * n + h + 1;
  const cnf: Cnf = [];
  for (let p = 0; p <= n; p++) cnf.push(Array.from({ length: n }, (_, h) => v(p, h)));
  for (let h = 0; h < n; h++)
    for (let p = 0; p <= n; p++) for (let q = p + 1; q <= n; q++) cnf.push([-v(p, h), -v(q, h)]);
  return { nVars: (n + 1) * n, cnf };
}

const MODES = ['auto', 'focused', 'stable'] as const;

describe('SatSolver', () => {
  it.each(MODES)('%s mode agrees with exhaustive search on random 3-SAT near the threshold', (mode) => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    let sat = 0;
    let unsat = 0;
    for (let it = 0; it < 60; it++) {
      const n = 12;
      const cnf: Cnf = Array.from({ length: 51 }, () =>
        Array.from({ length: 3 }, () => (1 + rnd(n)) * (rnd(2) === 0 ? 1 : -1)),
      );
      const s = load(n, cnf);
      s.mode = mode;
      const r = s.solve();
      const expected = bruteForceSat(n, cnf);
      expect(r).toBe(expected ? 'sat' : 'unsat');
      if (r === 'sat') {
        expect(satisfies(s, cnf)).toBe(true);
        sat++;
      } else unsat++;
    }
    // the generator sits near the phase transition: both answers occur
    expect(sat).toBeGreaterThan(5);
    expect(unsat).toBeGreaterThan(5);
  });

  it.each(MODES)('%s mode proves the pigeonhole principle for 7 pigeons in 6 holes', (mode) => {
    const { nVars, cnf } = pigeonhole(6);
    const s = load(nVars, cnf);
    s.mode = mode;
    s.probing = mode === 'auto';
    expect(s.solve()).toBe('unsat');
    expect(s.conflicts).toBeGreaterThan(100);
  });

  it('answers unsat under contradicting assumptions and stays usable', () => {
    const s = load(3, [
      [1, 2],
      [-1, 3],
      [-2, 3],
    ]);
    expect(s.solve([5])).toBe('unsat'); // ¬x3
    expect(s.ok).toBe(true);
    expect(s.solve([4])).toBe('sat'); // x3
    expect(s.modelValue(4)).toBe(true);
  });

  it('stops when the stop callback says so', () => {
    const { nVars, cnf } = pigeonhole(9);
    const s = load(nVars, cnf);
    let polls = 0;
    const r = s.solve([], { stop: () => ++polls > 2 });
    expect(r).toBe('unknown');
    expect(polls).toBe(3);
  });

  it('probing turns a failed literal into a unit', () => {
    // x1 -> x2 and x1 -> ¬x2: x1 fails; x3 is free
    const s = load(3, [
      [-1, 2],
      [-1, -2],
      [3, 2, -1],
    ]);
    expect(s.probe([0, 4])).toBe(1);
    expect(s.rootValue(1)).toBe(1); // ¬x1 fixed at level 0
    expect(s.rootValue(4)).toBe(0); // x3 untouched
  });

  it('probing under an assumption keeps the failed literal conditional on it', () => {
    // a=x1: (¬a ∨ ¬x2 ∨ x3), (¬a ∨ ¬x2 ∨ ¬x3): under a, x2 fails
    const s = load(3, [
      [-1, -2, 3],
      [-1, -2, -3],
    ]);
    expect(s.probe([2], [0])).toBe(1);
    expect(s.rootValue(3)).toBe(0); // not a unit: only a -> ¬x2
    expect(s.solve([0, 2])).toBe('unsat');
    expect(s.solve([1, 2])).toBe('sat'); // ¬a, x2 is still possible
  });

  it('probing answers unsat when the assumptions themselves are refuted', () => {
    // a -> x2 and a -> ¬x2 (through x3 and x4 in both polarities of x3)
    const s = load(3, [
      [-1, 2],
      [-1, 3],
      [-2, -3],
    ]);
    expect(s.probe([4, 5], [0])).toBe('unsat');
    expect(s.ok).toBe(true);
    expect(s.probe([4, 5], [])).not.toBe('unsat');
  });

  it('native at-most constraints, guarded ones only while the guard holds', () => {
    const s = new SatSolver();
    s.newVars(5);
    const lits = [0, 2, 4, 6];
    s.addAtMost(lits, 1, undefined, 8); // guard x5
    s.addClause([0]);
    s.addClause([2]);
    expect(s.solve([8])).toBe('unsat');
    expect(s.solve([9])).toBe('sat');
    s.addAtMost(lits, 2, [1, 1, 2, 2]);
    expect(s.solve([4])).toBe('unsat'); // 1 + 1 + 2 > 2
    expect(s.solve([5, 7])).toBe('sat');
  });
});
