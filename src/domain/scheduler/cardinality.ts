/**
 * CNF cardinality encodings (auxiliary variables let the SAT solver learn counting arguments that
 * native constraints cannot express in their explanations). Pure.
 */
import type { SatSolver } from './sat.ts';

/**
 * Totalizer over `lits`, counting up to `cap`: returns outputs o[0..min(n,cap)-1] with
 * (at least j+1 inputs true) -> o[j]. With `both`, also o[j] -> (at least j+1 true).
 */
export function totalizer(solver: SatSolver, lits: number[], cap: number, both = false): number[] {
  if (lits.length <= 1) return lits.slice(0, cap);
  const mid = lits.length >> 1;
  const a = totalizer(solver, lits.slice(0, mid), cap, both);
  const b = totalizer(solver, lits.slice(mid), cap, both);
  const n = Math.min(a.length + b.length, cap);
  const r: number[] = [];
  for (let i = 0; i < n; i++) r.push(2 * solver.newVar());
  // upward: a_i & b_j -> r_{i+j}  (1-based counts; index 0 = "none")
  for (let i = 0; i <= a.length; i++) {
    for (let j = 0; j <= b.length; j++) {
      const s = i + j;
      if (s === 0) continue;
      if (s > n) continue;
      const c: number[] = [r[s - 1]!];
      if (i > 0) c.push(a[i - 1]! ^ 1);
      if (j > 0) c.push(b[j - 1]! ^ 1);
      solver.addClause(c);
    }
  }
  if (both) {
    // downward: !a_{i+1} & !b_{j+1} -> !r_{i+j+1}
    for (let i = 0; i <= a.length; i++) {
      for (let j = 0; j <= b.length; j++) {
        const s = i + j + 1;
        if (s > n) continue;
        const c: number[] = [r[s - 1]! ^ 1];
        if (i < a.length) c.push(a[i]!);
        if (j < b.length) c.push(b[j]!);
        solver.addClause(c);
      }
    }
  }
  return r;
}

/** sum(lits) <= k via a totalizer (or directly when small). */
export function atMostK(solver: SatSolver, lits: number[], k: number): void {
  if (lits.length <= k) return;
  if (k === 0) {
    for (const l of lits) solver.addClause([l ^ 1]);
    return;
  }
  const out = totalizer(solver, lits, k + 1);
  if (out.length > k) solver.addClause([out[k]! ^ 1]);
}

/** Whether a totalizer for sum(n literals) <= k stays small enough to build. */
export function affordableTotalizer(n: number, k: number): boolean {
  return n * (k + 1) <= 40_000;
}

/**
 * sum(lits) <= k as a CNF totalizer where it stays small (its auxiliary counts let learning capture
 * counting arguments), else as the solver's native constraint.
 */
export function atMostCounted(solver: SatSolver, lits: number[], k: number): void {
  if (affordableTotalizer(lits.length, k)) atMostK(solver, lits, k);
  else solver.addAtMost(lits, k);
}

/** Sinz's sequential counter for sum(lits) <= k. */
export function atMostSeq(solver: SatSolver, lits: number[], k: number): void {
  const n = lits.length;
  if (n <= k) return;
  if (k === 0) {
    for (const l of lits) solver.addClause([l ^ 1]);
    return;
  }
  let prev: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = lits[i]!;
    if (i === n - 1) {
      if (prev.length === k) solver.addClause([x ^ 1, prev[k - 1]! ^ 1]);
      break;
    }
    const cur: number[] = [];
    for (let j = 0; j < k; j++) cur.push(2 * solver.newVar());
    solver.addClause([x ^ 1, cur[0]!]);
    for (let j = 0; j < k; j++) {
      if (i > 0) solver.addClause([prev[j]! ^ 1, cur[j]!]);
      if (j > 0) {
        if (i > 0) solver.addClause([x ^ 1, prev[j - 1]! ^ 1, cur[j]!]);
        else solver.addClause([cur[j]! ^ 1]);
      }
    }
    if (i > 0) solver.addClause([x ^ 1, prev[k - 1]! ^ 1]);
    prev = cur;
  }
}
