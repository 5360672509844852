/**
 * Exact B2B meeting scheduler: SAT encoding (after the MaxSAT model of Bofill et al., JAIR 2022)
 * solved by the in-house CDCL solver with native cardinality constraints, iterating on the
 * objective bound: 'unsat' answers raise the lower bound, 'sat' answers lower the upper bound.
 *
 * Objectives, lexicographically: (1) with optionalMeetings, maximise the placed weight;
 * (2) minimise total breaks subject to fairness; (3) with a previous schedule, minimise changes.
 * Pure: no I/O.
 */

import { affordableTotalizer, atMostCounted, atMostK, totalizer } from './cardinality.ts';
import { heuristicSchedule, placementUpperBound } from './heuristic.ts';
import type { Assignment, ScheduleResult, SchedulingProblem, SearchStrategy, SolveOptions } from './model.ts';
import { meetingWeight } from './model.ts';
import { type SatAnswer, SatSolver } from './sat.ts';
import { pause, SharedBounds } from './shared-bounds.ts';
import { assignTables } from './tables.ts';

export interface Encoding {
  solver: SatSolver;
  /** Per meeting (0-based), allowed slots (1-based) and their literals. */
  dom: number[][];
  x: number[][];
  /** Per meeting, the 'placed' literal (constant true when meetings are mandatory). */
  placed: number[];
  /** Break literals, all participants. */
  breakLits: number[];
  /** Per participant, its break literals. */
  breakByP: number[][];
  trueLit: number;
  infeasibleReason: string | null;
  /**
   * With `lazyTableCounting`, adds the table-capacity totalizers that were left out (once; later
   * calls do nothing). Without it, they are already in.
   */
  addTableCounting: () => void;
}

/** Allowed slots per meeting after session, forbidden and fixed-slot filtering and precedence bounds. */
export function computeDomains(problem: SchedulingProblem): { dom: number[][]; reason: string | null } {
  const T = problem.nSlots;
  const forb = problem.forbidden.map((f) => new Set(f));
  const dom: number[][] = problem.meetings.map((m) => {
    const out: number[] = [];
    for (let s = 1; s <= T; s++) {
      if (m.session === 'morning' && s > problem.nMorningSlots) continue;
      if (m.session === 'afternoon' && s <= problem.nMorningSlots) continue;
      if (forb[m.a - 1]?.has(s) || forb[m.b - 1]?.has(s)) continue;
      if (m.fixedSlot !== undefined && m.fixedSlot > 0 && m.fixedSlot !== s) continue;
      out.push(s);
    }
    return out;
  });
  let reason: string | null = null;
  if (!problem.optionalMeetings) {
    // bounds propagation on precedences (before < after)
    let changed = true;
    while (changed && reason === null) {
      changed = false;
      for (const [b, a] of problem.precedences) {
        const db = dom[b - 1];
        const da = dom[a - 1];
        if (!db || !da) continue;
        if (db.length === 0 || da.length === 0) continue;
        const minB = db[0]!;
        const maxA = da[da.length - 1]!;
        const na = da.filter((s) => s > minB);
        const nb = db.filter((s) => s < maxA);
        if (na.length !== da.length || nb.length !== db.length) {
          changed = true;
          dom[a - 1] = na;
          dom[b - 1] = nb;
        }
      }
    }
    dom.forEach((d, i) => {
      if (d.length === 0 && reason === null) reason = `meeting ${i + 1} has no allowed slot`;
    });
  }
  return { dom, reason };
}

export interface EncodeOptions {
  /**
   * Add the implied per-slot limit of 2 x tables busy participants (default true). It makes proofs
   * fast; schedule-finding search is sometimes faster without it, so the portfolio's schedule hunter
   * leaves it out (the two workers then differ in encoding as well as in search).
   */
  impliedSlotLimit?: boolean;
  /**
   * Table capacity as native constraints only, its totalizers (counting arguments for hard proofs)
   * to be added by `addTableCounting` when a search runs long (default false: totalizers from the
   * start where they stay small). On most events the lean encoding finds schedules and proofs several
   * times faster; a few proofs need the counts.
   */
  lazyTableCounting?: boolean;
}

export function encode(
  problem: SchedulingProblem,
  fairness: number | null,
  { impliedSlotLimit = true, lazyTableCounting = false }: EncodeOptions = {},
): Encoding {
  const solver = new SatSolver();
  const T = problem.nSlots;
  const P = problem.nParticipants;
  const M = problem.meetings.length;
  const optional = problem.optionalMeetings === true;
  const tv = solver.newVar();
  const trueLit = 2 * tv;
  solver.addClause([trueLit]);
  const falseLit = trueLit ^ 1;
  const { dom, reason } = computeDomains(problem);
  const x: number[][] = dom.map((d) => d.map(() => 2 * solver.newVar()));
  const xAt = (m: number, s: number): number => {
    const i = dom[m]!.indexOf(s);
    return i < 0 ? falseLit : x[m]![i]!;
  };
  const placed: number[] = [];
  for (let m = 0; m < M; m++) {
    const xs = x[m]!;
    if (optional) {
      const y = 2 * solver.newVar();
      placed.push(y);
      solver.addClause([y ^ 1, ...xs]);
      for (const l of xs) solver.addClause([l ^ 1, y]);
    } else {
      placed.push(trueLit);
      solver.addClause(xs);
    }
    solver.addAtMost(xs, 1);
  }
  // tables per slot, and fixed tables (participant or meeting) as one-per-slot groups
  const tableOf = (m: number): number => {
    const mt = problem.meetings[m]!;
    const t = mt.fixedTable ?? 0;
    if (t > 0) return t;
    const ta = problem.participantTables?.[mt.a - 1] ?? 0;
    const tb = problem.participantTables?.[mt.b - 1] ?? 0;
    if (ta > 0 && tb > 0 && ta !== tb) return -1;
    return ta > 0 ? ta : tb;
  };
  const tableGroups = new Map<number, number[]>();
  for (let m = 0; m < M; m++) {
    const t = tableOf(m);
    if (t === -1 || t > problem.nTables) {
      if (optional) solver.addClause([placed[m]! ^ 1]);
      else solver.addClause([]);
      continue;
    }
    if (t > 0) {
      const g = tableGroups.get(t) ?? [];
      g.push(m);
      tableGroups.set(t, g);
    }
  }
  const slotLits: number[][] = [];
  for (let s = 1; s <= T; s++) {
    const lits: number[] = [];
    for (let m = 0; m < M; m++) {
      const l = xAt(m, s);
      if (l !== falseLit) lits.push(l);
    }
    if (lazyTableCounting) solver.addAtMost(lits, problem.nTables);
    else atMostCounted(solver, lits, problem.nTables);
    slotLits.push(lits);
    for (const g of tableGroups.values()) {
      const gl = g.map((m) => xAt(m, s)).filter((l) => l !== falseLit);
      if (gl.length > 1) solver.addAtMost(gl, 1);
    }
  }
  // precedences
  for (const [b1, a1] of problem.precedences) {
    const b = b1 - 1;
    const a = a1 - 1;
    if (!dom[a] || !dom[b]) continue;
    dom[a]!.forEach((s, i) => {
      const before = dom[b]!.filter((t) => t < s).map((t) => xAt(b, t));
      const c = [x[a]![i]! ^ 1, ...before];
      if (optional) c.push(placed[b]! ^ 1);
      solver.addClause(c);
    });
    if (!optional) {
      dom[b]!.forEach((s, i) => {
        const after = dom[a]!.filter((t) => t > s).map((t) => xAt(a, t));
        solver.addClause([x[b]![i]! ^ 1, ...after]);
      });
    }
  }
  // participants: busy literals, capacity, breaks
  const pMeet: number[][] = Array.from({ length: P }, () => []);
  problem.meetings.forEach((mt, m) => {
    pMeet[mt.a - 1]?.push(m);
    if (mt.b !== mt.a) pMeet[mt.b - 1]?.push(m);
  });
  const breakLits: number[] = [];
  const breakByP: number[][] = [];
  const maxBreaks: number[] = [];
  const uByP: number[][] = [];
  for (let p = 0; p < P; p++) {
    const cap = problem.participantCapacity?.[p] ?? 1;
    const ms = pMeet[p]!;
    const u: number[] = [falseLit]; // index by slot, 1-based
    for (let s = 1; s <= T; s++) {
      const lits = ms.map((m) => xAt(m, s)).filter((l) => l !== falseLit);
      if (lits.length === 0) {
        u.push(falseLit);
        continue;
      }
      solver.addAtMost(lits, cap);
      if (lits.length === 1) {
        u.push(lits[0]!);
        continue;
      }
      const us = 2 * solver.newVar();
      solver.addClause([us ^ 1, ...lits]);
      for (const l of lits) solver.addClause([l ^ 1, us]);
      u.push(us);
    }
    if (!optional && cap === 1) {
      // redundant: exactly |ms| busy slots
      const busy = u.slice(1).filter((l) => l !== falseLit);
      solver.addAtMost(busy, ms.length);
      solver.addAtMost(
        busy.map((l) => l ^ 1),
        busy.length - ms.length,
      );
    }
    // e[s]: busy in some slot > s
    const e: number[] = new Array(T + 1).fill(falseLit);
    for (let s = T - 1; s >= 1; s--) {
      const a = u[s + 1]!;
      const b = e[s + 1]!;
      if (a === falseLit && b === falseLit) continue;
      if (a === falseLit) {
        e[s] = b;
        continue;
      }
      if (b === falseLit) {
        e[s] = a;
        continue;
      }
      const v = 2 * solver.newVar();
      solver.addClause([v ^ 1, a, b]);
      solver.addClause([a ^ 1, v]);
      solver.addClause([b ^ 1, v]);
      e[s] = v;
    }
    const bl: number[] = [];
    for (let s = 1; s <= T - 2; s++) {
      const us = u[s]!;
      const un = u[s + 1]!;
      const en = e[s + 1]!;
      if (us === falseLit || en === falseLit) continue;
      // b <-> us & !un & en
      const bv = 2 * solver.newVar();
      solver.addClause([bv ^ 1, us]);
      if (un !== falseLit) solver.addClause([bv ^ 1, un ^ 1]);
      solver.addClause([bv ^ 1, en]);
      const c = [us ^ 1, en ^ 1, bv];
      if (un !== falseLit) c.push(un);
      solver.addClause(c);
      solver.setPolarity(bv >> 1, false);
      bl.push(bv);
    }
    // window clauses: a participant without breaks holds its meetings in consecutive slots
    const k = ms.length;
    if (!optional && cap === 1 && k >= 2) {
      // f[s]: busy in some slot < s  (prefix OR)
      const f: number[] = new Array(T + 2).fill(falseLit);
      for (let s = 2; s <= T; s++) {
        const a = u[s - 1]!;
        const b = f[s - 1]!;
        if (a === falseLit) f[s] = b;
        else if (b === falseLit) f[s] = a;
        else {
          const v = 2 * solver.newVar();
          solver.addClause([v ^ 1, a, b]);
          solver.addClause([a ^ 1, v]);
          solver.addClause([b ^ 1, v]);
          f[s] = v;
        }
      }
      // z: "p has a break" (b -> z); the window clauses only bind when z is false
      let z = falseLit;
      if (bl.length === 1) z = bl[0]!;
      else if (bl.length > 1) {
        z = 2 * solver.newVar();
        for (const b of bl) solver.addClause([b ^ 1, z]);
        solver.setPolarity(z >> 1, false);
      }
      for (let s = 1; s <= T; s++) {
        const us = u[s]!;
        if (us === falseLit) continue;
        // first at s -> busy at s+k-1 (contiguity then fills the gap); last at s -> busy at s-k+1
        const c1 = [us ^ 1, f[s]!, z];
        if (s + k - 1 <= T) c1.push(u[s + k - 1]!);
        solver.addClause(c1.filter((l) => l !== falseLit));
        const c2 = [us ^ 1, e[s]!, z];
        if (s - k + 1 >= 1) c2.push(u[s - k + 1]!);
        solver.addClause(c2.filter((l) => l !== falseLit));
      }
    }
    uByP.push(u);
    breakByP.push(bl);
    breakLits.push(...bl);
    maxBreaks.push(Math.min(bl.length, Math.max(0, ms.length - 1), Math.floor((T - 1) / 2)));
  }
  // implied: a slot holds at most 2 x nTables busy participants (every meeting occupies at most two).
  // Redundant, but it lets learning count capacity in the participants' view, where breaks live:
  // on tight events it turns minute-long proofs into sub-second ones.
  let counted = !lazyTableCounting;
  const addTableCounting = () => {
    if (counted) return;
    counted = true;
    for (const lits of slotLits)
      if (affordableTotalizer(lits.length, problem.nTables)) atMostK(solver, lits, problem.nTables);
  };
  if (impliedSlotLimit)
    for (let s = 1; s <= T; s++)
      atMostCounted(
        solver,
        uByP.map((u) => u[s]!).filter((l) => l !== falseLit),
        2 * problem.nTables,
      );
  // fairness: lo <= B_p <= lo + d, lo in unary (L_j = lo >= j)
  if (fairness !== null && fairness !== undefined && P > 0) {
    const d = fairness;
    const loMax = optional ? 0 : Math.min(...maxBreaks);
    const L: number[] = [trueLit];
    for (let j = 1; j <= loMax; j++) {
      const l = 2 * solver.newVar();
      L.push(l);
      if (j > 1) solver.addClause([l ^ 1, L[j - 1]!]);
    }
    for (let p = 0; p < P; p++) {
      const bl = breakByP[p]!;
      if (bl.length === 0) {
        for (let j = 1; j <= loMax; j++) solver.addClause([L[j]! ^ 1]);
        continue;
      }
      for (let j = 1; j <= loMax; j++) {
        // L_j -> B_p >= j, i.e. sum(!b) <= n - j
        solver.addAtMost(
          bl.map((l) => l ^ 1),
          bl.length - j,
          undefined,
          L[j]!,
        );
      }
      for (let j = 0; j <= loMax; j++) {
        // !L_{j+1} -> B_p <= j + d
        if (j + d >= bl.length) continue;
        if (j === loMax) solver.addAtMost(bl, j + d);
        else solver.addAtMost(bl, j + d, undefined, L[j + 1]! ^ 1);
      }
    }
  }
  return { solver, dom, x, placed, breakLits, breakByP, trueLit, infeasibleReason: reason, addTableCounting };
}

interface MinimizeResult {
  status: 'optimal' | 'feasible' | 'infeasible' | 'unknown';
  best: number | null;
  lb: number;
  model: Uint8Array | null;
}

function costOf(model: Uint8Array, lits: number[], ws: number[]): number {
  let c = 0;
  for (let i = 0; i < lits.length; i++) {
    const l = lits[i]!;
    const v = model[l >> 1] === 1;
    if ((l & 1) === 0 ? v : !v) c += ws[i]!;
  }
  return c;
}

interface MinimizeOptions {
  deadline: number;
  /** A model to start from (its cost is the first upper bound). */
  initial: Uint8Array | null;
  report: (best: number | null, lb: number) => void;
  lns?: (model: Uint8Array, round: number, fraction: number) => number[];
  strategy?: SearchStrategy;
  shared?: SharedBounds;
  /** 'below': when one call runs past `conflicts`, `add` strengthens the encoding (once). */
  lazy?: { conflicts: number; add: () => void };
}

/**
 * Minimises sum(ws * lits) over the solver's current constraints. 'below' probes: is cost <= lb
 * possible? (unsat raises lb; sat is optimal). 'above' steps: find cost <= best - 1 (or the middle
 * of a wide gap), helped by large-neighbourhood steps around the best model; 'above' alone
 * alternates those rounds with short calls at cost <= lb. The 'alternate'
 * strategy interleaves both with growing conflict budgets; 'below' and 'above' do one side only,
 * for a portfolio whose solvers exchange bounds through `shared`. Unit weights use a totalizer over
 * the objective literals whose outputs are assumed false to bound the cost (learnt clauses carry over
 * between bounds); weighted objectives use native guarded constraints. On return with a model,
 * cost <= best is added for good.
 */
function minimize(solver: SatSolver, lits: number[], ws: number[], o: MinimizeOptions): MinimizeResult {
  const { deadline, report, lns, shared } = o;
  let lazy = o.lazy;
  const strategy = o.strategy ?? 'alternate';
  let lb = shared ? shared.lowerBound : 0;
  let best: number | null = null;
  let model: Uint8Array | null = o.initial;
  if (model) best = costOf(model, lits, ws);
  let total = 0;
  for (const w of ws) total += w;
  let budget = 4000;
  const unit = ws.every((w) => w === 1);
  let out: number[] = [];
  const stop = shared ? () => shared.closed : undefined;
  const fixBest = () => {
    if (best === null) return;
    if (best < out.length) solver.addClause([out[best]! ^ 1]);
    else solver.addAtMost(lits, best, ws);
  };
  const finish = (status: MinimizeResult['status']): MinimizeResult => {
    fixBest();
    return { status, best, lb, model };
  };
  const raise = (k: number) => {
    lb = Math.max(lb, k);
    shared?.raiseLowerBound(lb);
    report(best, lb);
  };
  if (lits.length === 0 || total === 0) {
    if (model === null) {
      const r = solver.solve([], { deadline, stop });
      if (r === 'unsat') return { status: 'infeasible', best: null, lb: 0, model: null };
      if (r === 'unknown') return { status: 'unknown', best: null, lb: 0, model: null };
      model = solver.model;
    }
    shared?.lowerBest(0);
    return { status: 'optimal', best: 0, lb: 0, model };
  }
  // the first totalizer over the objective counts up to 24; widen() grows it when bounds outgrow it
  if (unit) out = totalizer(solver, lits, Math.min(lits.length, 24));
  /** The bound outgrew the totalizer: build a wider one (at least twice as wide) with the known bounds. */
  const widen = (k: number) => {
    if (!unit || k < out.length || out.length >= lits.length) return;
    out = totalizer(solver, lits, Math.min(lits.length, Math.max(k + 2, 2 * out.length)));
    if (lb > 0) solver.addClause([out[Math.min(lb, out.length) - 1]!]);
    if (best !== null && best < out.length) solver.addClause([out[best]! ^ 1]);
  };
  /** Solve with cost <= k (k < 0: unbounded). */
  const tryBound = (k: number, maxConflicts: number | undefined): SatAnswer => {
    if (k < 0) return solver.solve([], { deadline, maxConflicts, stop });
    widen(k);
    if (k < out.length) {
      const r = solver.solve([out[k]! ^ 1], { deadline, maxConflicts, stop });
      if (r === 'unsat' && solver.ok) solver.addClause([out[k]!]);
      return r;
    }
    if (k >= total) return solver.solve([], { deadline, maxConflicts, stop });
    const g = 2 * solver.newVar();
    solver.addAtMost(lits, k, ws, g);
    const r = solver.solve([g], { deadline, maxConflicts, stop });
    solver.addClause([g ^ 1]); // retire the guard (a fresh one is made next time)
    return r;
  };
  let current: Uint8Array | null = null;
  let jump = 0;
  let cheapProofs = 0;
  let lnsFrac = 0.2;
  const lnsShare = strategy === 'above' ? 1 : 3;
  let round = 0;
  const take = () => {
    model = solver.model;
    best = costOf(model, lits, ws);
    fixBest();
    shared?.lowerBest(best);
    report(best, lb);
  };
  // 'above' alternates its rounds: one attacks the proved lower bound itself (a schedule found there is
  // optimal at once; a refutation raises the bound), the next improves the best schedule from above
  let targetTurn = false;
  let targetBudget = 4000;
  // the large-neighbourhood steps get as much time as the last attack, so the schedules keep improving
  let attackMs = 0;
  for (;;) {
    if (shared && shared.lowerBound > lb) {
      // another solver proved more: the prover's jumps start again from that bound
      lb = shared.lowerBound;
      jump = 0;
      cheapProofs = 0;
    }
    if (best !== null && lb >= best) return finish('optimal');
    // another solver of the portfolio holds a schedule that meets the proved bound
    if (shared?.closed) return finish(best === null ? 'unknown' : 'feasible');
    if (Date.now() >= deadline) {
      return finish(best === null ? 'unknown' : 'feasible');
    }
    let belowMs = 0;
    if (strategy === 'above') targetTurn = !targetTurn;
    if (targetTurn) {
      const tAttack = Date.now();
      const rt = tryBound(lb, targetBudget);
      attackMs = Date.now() - tAttack;
      targetBudget = Math.floor(targetBudget * 1.5);
      if (!solver.ok) {
        if (best === null) return { status: 'infeasible', best: null, lb, model: null };
        raise(best);
        return { status: 'optimal', best, lb, model };
      }
      if (rt === 'sat') {
        take();
        return finish('optimal');
      }
      if (rt === 'unsat') raise(lb + 1);
      continue;
    }
    if (strategy !== 'above') {
      // (a) from below: is cost <= k possible, k = lb (+ a jump while proofs come cheap, 'below'
      // only)? 'below' gives it all the time there is. A 'sat' at k > lb is a schedule, not a proof.
      const ceiling = best ?? shared?.best ?? null;
      const k = ceiling === null ? lb + jump : Math.max(lb, Math.min(lb + jump, ceiling - 1));
      const tBelow = Date.now();
      const c0 = solver.conflicts;
      const rl = tryBound(k, strategy === 'below' ? lazy?.conflicts : budget);
      if (rl === 'unknown' && lazy && strategy === 'below') {
        lazy.add();
        lazy = undefined;
        continue;
      }
      belowMs = Date.now() - tBelow;
      if (!solver.ok) {
        if (best === null) return { status: 'infeasible', best: null, lb, model: null };
        raise(best);
        return { status: 'optimal', best, lb, model };
      }
      if (rl === 'sat') {
        take();
        if (k === lb) return finish('optimal');
        jump = 0;
        continue;
      }
      if (rl === 'unsat') {
        // jumps pay off far from the optimum: start them after four cheap proofs in a row
        // (a bound refuted by propagation alone says nothing of how far the optimum is: not counted)
        const used = solver.conflicts - c0;
        if (used > 0) cheapProofs = used < 2000 ? cheapProofs + 1 : 0;
        if (strategy === 'below') jump = cheapProofs >= 4 ? 2 * jump + 1 : 0;
        raise(k + 1);
        continue;
      }
      if (strategy === 'below') {
        jump = 0;
        continue;
      }
    }
    // (b0) large-neighbourhood steps: keep most of the best schedule (assumed), re-solve the rest
    if (lns && model !== null && best !== null && best > lb) {
      const lnsEnd = Math.min(deadline, Date.now() + Math.max(300, lnsShare * Math.max(belowMs, attackMs)));
      const bestBefore = best;
      while (Date.now() < lnsEnd && best > lb && !shared?.closed) {
        const fixed = lns(current ?? model, round, lnsFrac);
        const plateau = round % 2 === 1;
        round++;
        const k = plateau ? best : best - 1;
        let assumps: number[];
        let g = -1;
        if (k < out.length) assumps = [out[k]! ^ 1, ...fixed];
        else {
          g = 2 * solver.newVar();
          solver.addAtMost(lits, k, ws, g);
          assumps = [g, ...fixed];
        }
        const r = solver.solve(assumps, { deadline: lnsEnd, maxConflicts: 300, stop });
        if (g >= 0) solver.addClause([g ^ 1]);
        if (r === 'unknown') lnsFrac = Math.max(0.03, lnsFrac * 0.85);
        else if (r === 'unsat') lnsFrac = Math.min(0.6, lnsFrac * 1.1);
        if (!solver.ok) break;
        if (r === 'sat') {
          const c = costOf(solver.model, lits, ws);
          current = solver.model;
          if (c < best) take();
        }
      }
      if (!solver.ok) {
        raise(best);
        return { status: 'optimal', best, lb, model };
      }
      if (best <= lb) continue;
      if (best < bestBefore) {
        budget = Math.floor(budget * 1.5);
        continue; // LNS is making progress: skip the full from-above search this round
      }
    }
    // (b) from above: best - 1, or the middle of a wide gap
    const gap = best === null ? 0 : best - lb;
    const k = best === null ? -1 : gap > 4 && strategy === 'alternate' ? lb + Math.floor(gap / 2) : best - 1;
    const ra = tryBound(k, budget);
    if (ra === 'sat') take();
    else if (ra === 'unsat' || !solver.ok) {
      if (best === null) return { status: 'infeasible', best: null, lb, model: null };
      raise(solver.ok ? k + 1 : best);
      if (lb >= best) return { status: 'optimal', best, lb, model };
    }
    budget = Math.floor(budget * 1.5);
  }
}

/** Neighbourhoods for LNS: assumptions fixing every meeting outside a random participant group. */
function makeLns(
  problem: SchedulingProblem,
  enc: Encoding,
): (model: Uint8Array, round: number, fraction: number) => number[] {
  const M = problem.meetings.length;
  const P = problem.nParticipants;
  let seed = 0x9e3779b9;
  const rnd = (n: number) => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed % n;
  };
  const partners: number[][] = Array.from({ length: P }, () => []);
  problem.meetings.forEach((mt, m) => {
    partners[mt.a - 1]?.push(m);
    partners[mt.b - 1]?.push(m);
  });
  return (model, round, fraction) => {
    const slotOf = (m: number) => {
      const xs = enc.x[m]!;
      for (let i = 0; i < xs.length; i++) if (model[xs[i]! >> 1] === 1) return i;
      return -1;
    };
    const target = Math.max(6, Math.floor(M * fraction * (0.75 + 0.25 * (round % 3))));
    const free = new Uint8Array(M);
    let nFree = 0;
    if (round % 4 === 3) {
      // a window of consecutive slots
      const T = problem.nSlots;
      const w = Math.max(2, Math.round((T * target) / M));
      const s0 = 1 + rnd(Math.max(1, T - w + 1));
      for (let m = 0; m < M; m++) {
        const i = slotOf(m);
        const sl = i >= 0 ? enc.dom[m]![i]! : -1;
        if (sl >= s0 && sl < s0 + w) free[m] = 1;
      }
    } else {
      // participants with breaks first, then their partners
      const breaking: number[] = [];
      for (let p = 0; p < P; p++) for (const b of enc.breakByP[p]!) if (model[b >> 1] === 1) breaking.push(p);
      const queue: number[] = [];
      if (breaking.length > 0) queue.push(breaking[rnd(breaking.length)]!);
      else queue.push(rnd(P));
      const seen = new Set<number>(queue);
      while (nFree < target && queue.length > 0) {
        const p = queue.splice(rnd(queue.length), 1)[0]!;
        for (const m of partners[p]!) {
          if (!free[m]) {
            free[m] = 1;
            nFree++;
          }
          const mt = problem.meetings[m]!;
          for (const q of [mt.a - 1, mt.b - 1])
            if (!seen.has(q)) {
              seen.add(q);
              queue.push(q);
            }
        }
        if (queue.length === 0 && nFree < target && breaking.length > 0) {
          const q = breaking[rnd(breaking.length)]!;
          if (!seen.has(q)) {
            seen.add(q);
            queue.push(q);
          }
        }
      }
    }
    const fixed: number[] = [];
    for (let m = 0; m < M; m++) {
      if (free[m]) continue;
      const i = slotOf(m);
      if (i >= 0) fixed.push(enc.x[m]![i]!);
    }
    return fixed;
  };
}

export function breaksOfParticipants(problem: SchedulingProblem, slotOf: (m: number) => number): number[] {
  const busy: boolean[][] = Array.from({ length: problem.nParticipants }, () =>
    new Array(problem.nSlots + 2).fill(false),
  );
  problem.meetings.forEach((mt, m) => {
    const s = slotOf(m);
    if (s <= 0) return;
    busy[mt.a - 1]![s] = true;
    busy[mt.b - 1]![s] = true;
  });
  return busy.map((row) => {
    let first = -1;
    let last = -1;
    for (let s = 1; s <= problem.nSlots; s++)
      if (row[s]) {
        if (first < 0) first = s;
        last = s;
      }
    let br = 0;
    for (let s = first; s >= 1 && s < last; s++) if (row[s] && !row[s + 1]) br++;
    return br;
  });
}

/** How long a portfolio's schedule hunter waits before it starts (see solve). */
const HUNTER_START_DELAY_MS = 300;

/** A 'below' call longer than this many conflicts adds the table-capacity totalizers. */
const LAZY_COUNTING_CONFLICTS = 20_000;

/** Above this many (meeting, slot) pairs, optional-meeting events go to the heuristic engine. */
export const LARGE_EVENT_PAIRS = 20_000;

function solveLarge(problem: SchedulingProblem, options: SolveOptions, t0: number): ScheduleResult {
  const fairness = options.fairness === undefined ? 2 : options.fairness;
  const deadline = t0 + (options.timeLimitSeconds ?? 60) * 1000;
  const { dom } = computeDomains(problem);
  const ub = placementUpperBound(problem, dom);
  const h = heuristicSchedule(problem, dom, fairness, deadline);
  options.onProgress?.({
    phase: 'heuristic',
    seconds: (Date.now() - t0) / 1000,
    best: h.breaks,
    lowerBound: 0,
    conflicts: 0,
  });
  const perP = breaksOfParticipants(problem, (m) => h.slotOf[m]!);
  const tables = assignTables(problem, h.slotOf);
  const assignments: Assignment[] = [];
  const unplaced: number[] = [];
  h.slotOf.forEach((s, m) => {
    if (s > 0) assignments.push({ meeting: m + 1, slot: s, table: tables[m]! });
    else unplaced.push(m + 1);
  });
  const breaks = perP.reduce((a, b) => a + b, 0);
  const optimal = breaks === 0 && h.placedWeight === ub;
  return {
    status: optimal ? 'optimal' : 'feasible',
    breaks,
    lowerBound: 0,
    maxBreakSpread: perP.length ? Math.max(...perP) - Math.min(...perP) : 0,
    seconds: (Date.now() - t0) / 1000,
    assignments,
    unplaced,
    placedWeight: h.placedWeight,
    placedWeightUpperBound: ub,
  };
}

export function solve(problem: SchedulingProblem, options: SolveOptions = {}): ScheduleResult {
  const t0 = Date.now();
  const fairness = options.fairness === undefined ? 2 : options.fairness;
  const deadline = t0 + (options.timeLimitSeconds ?? 60) * 1000;
  const secs = () => (Date.now() - t0) / 1000;
  if (
    problem.optionalMeetings &&
    problem.meetings.length * problem.nSlots > LARGE_EVENT_PAIRS &&
    problem.nSlots <= 30
  )
    return solveLarge(problem, options, t0);
  const strategy = options.strategy ?? 'alternate';
  // in a portfolio the schedule hunter starts a moment after the prover: on small events the prover
  // answers alone within half a second, and the hunter's start (its encoding, the compilation of the
  // hot code) competing for the two cores made that answer about 1.5x slower
  if (strategy === 'above' && options.sharedBounds) pause(HUNTER_START_DELAY_MS);
  // the bound prover starts lean (native table capacity) and adds the table counts if a call runs
  // long; the schedule hunter keeps them from the start but leaves out the implied slot limit
  const enc = encode(problem, fairness, {
    impliedSlotLimit: strategy !== 'above',
    lazyTableCounting: strategy === 'below',
  });
  const { solver } = enc;
  const empty = (status: ScheduleResult['status'], lowerBound = 0): ScheduleResult => ({
    status,
    breaks: null,
    lowerBound,
    maxBreakSpread: null,
    seconds: secs(),
    assignments: [],
  });
  if (enc.infeasibleReason !== null || !solver.ok) return empty('infeasible');
  let phase = 'breaks';
  const report = (best: number | null, lb: number) =>
    options.onProgress?.({ phase, seconds: secs(), best, lowerBound: lb, conflicts: solver.conflicts });

  let model: Uint8Array | null = null;
  let placedUB: number | undefined;
  let allOptimal = true;
  const M = problem.meetings.length;
  const weights = problem.meetings.map(meetingWeight);
  if (problem.optionalMeetings) {
    phase = 'placement';
    const lits = enc.placed.map((l) => l ^ 1);
    const r = minimize(solver, lits, weights, { deadline, initial: null, report });
    const totalW = weights.reduce((a, b) => a + b, 0);
    placedUB = totalW - r.lb;
    if (r.status === 'infeasible') return empty('infeasible');
    if (r.model === null) return empty('unknown');
    model = r.model;
    if (r.status !== 'optimal') allOptimal = false;
    phase = 'breaks';
  }
  // the schedule hunter searches in stable mode without probing (proof machinery that perturbs it)
  solver.mode = strategy === 'above' ? 'stable' : 'auto';
  solver.probing = strategy !== 'above';
  const rb = minimize(
    solver,
    enc.breakLits,
    enc.breakLits.map(() => 1),
    {
      deadline,
      initial: model,
      report,
      lns: makeLns(problem, enc),
      lazy:
        strategy === 'below' ? { conflicts: LAZY_COUNTING_CONFLICTS, add: enc.addTableCounting } : undefined,
      strategy,
      shared: options.sharedBounds ? new SharedBounds(options.sharedBounds) : undefined,
    },
  );
  solver.mode = 'auto';
  solver.probing = false;
  if (rb.status === 'infeasible') return empty('infeasible');
  if (rb.model === null) return empty(model === null ? 'unknown' : 'feasible', rb.lb);
  model = rb.model;
  if (rb.status !== 'optimal') allOptimal = false;
  let breakLb = rb.lb;
  if (problem.previous && problem.previous.length > 0 && allOptimal) {
    phase = 'changes';
    const prev = new Map(problem.previous.map((a) => [a.meeting - 1, a.slot]));
    const lits: number[] = [];
    for (const [m, s] of prev) {
      if (m < 0 || m >= M) continue;
      const i = enc.dom[m]!.indexOf(s);
      lits.push(i < 0 ? enc.trueLit : enc.x[m]![i]! ^ 1);
    }
    const rc = minimize(
      solver,
      lits,
      lits.map(() => 1),
      { deadline, initial: model, report },
    );
    if (rc.model) model = rc.model;
    if (rc.status !== 'optimal') allOptimal = false;
  }
  // decode
  const slotOfM: number[] = new Array(M).fill(0);
  for (let m = 0; m < M; m++) {
    const xs = enc.x[m]!;
    for (let i = 0; i < xs.length; i++)
      if (model[xs[i]! >> 1] === 1) {
        slotOfM[m] = enc.dom[m]![i]!;
        break;
      }
  }
  const perP = breaksOfParticipants(problem, (m) => slotOfM[m]!);
  const breaks = perP.reduce((a, b) => a + b, 0);
  const spread = perP.length ? Math.max(...perP) - Math.min(...perP) : 0;
  const tables = assignTables(problem, slotOfM);
  const assignments: Assignment[] = [];
  const unplaced: number[] = [];
  for (let m = 0; m < M; m++) {
    if (slotOfM[m]! > 0) assignments.push({ meeting: m + 1, slot: slotOfM[m]!, table: tables[m]! });
    else unplaced.push(m + 1);
  }
  if (allOptimal) breakLb = breaks;
  const res: ScheduleResult = {
    status: allOptimal ? 'optimal' : 'feasible',
    breaks,
    lowerBound: problem.optionalMeetings ? (allOptimal ? breaks : 0) : breakLb,
    maxBreakSpread: spread,
    seconds: secs(),
    assignments,
  };
  if (problem.optionalMeetings) {
    res.unplaced = unplaced;
    res.placedWeight = assignments.reduce((a, x) => a + weights[x.meeting - 1]!, 0);
    res.placedWeightUpperBound = placedUB ?? res.placedWeight;
  }
  if (problem.previous && problem.previous.length > 0) {
    const prev = new Map(problem.previous.map((a) => [a.meeting, a.slot]));
    res.changes = assignments.filter((a) => prev.has(a.meeting) && prev.get(a.meeting) !== a.slot).length;
  }
  return res;
}
