/**
 * Greedy construction + local search for large events (thousands of requests), where the exact SAT
 * model is too big: places meetings by weight (most constrained first), keeps every participant at
 * <= d breaks (so the fairness spread is <= d), then tries to insert the unplaced meetings (moving
 * one blocking meeting if needed) and to remove breaks by moving single meetings.
 * Also gives an upper bound on the weighted number of placeable meetings. Pure.
 */
import type { SchedulingProblem } from './model.ts';
import { meetingWeight } from './model.ts';

function popcount(x0: number): number {
  let x = x0 - ((x0 >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Breaks of a busy bitmask (bit s-1 = slot s): number of runs minus one. */
export function maskBreaks(mask: number): number {
  if (mask === 0) return 0;
  return popcount(mask & ~(mask << 1)) - 1;
}

/**
 * Upper bound on the weighted number of meetings that can be placed: per slot at most nTables
 * meetings, and per participant at most (allowed slots x capacity) meetings; the bound is the best
 * of: all meetings; capacity filled by the heaviest meetings; for each participant, its heaviest
 * placeable meetings plus all meetings not involving it (refined over the most loaded participants).
 */
export function placementUpperBound(problem: SchedulingProblem, domains: number[][]): number {
  const ws = problem.meetings.map(meetingWeight);
  const placeable = problem.meetings.map((_, m) => (domains[m]?.length ?? 0) > 0);
  const sortedW = ws.filter((_, m) => placeable[m]).sort((a, b) => b - a);
  const cap = problem.nSlots * problem.nTables;
  let ub = sortedW.slice(0, cap).reduce((a, b) => a + b, 0);
  // per participant: meetings of p beyond its available slots cannot all be placed
  const P = problem.nParticipants;
  const byP: number[][] = Array.from({ length: P }, () => []);
  problem.meetings.forEach((mt, m) => {
    if (!placeable[m]) return;
    byP[mt.a - 1]?.push(m);
    byP[mt.b - 1]?.push(m);
  });
  // sum over participants of the weight they can keep, each meeting counted twice (once per end)
  let twice = 0;
  for (let p = 0; p < P; p++) {
    const slots = new Set<number>();
    for (const m of byP[p]!) for (const s of domains[m]!) slots.add(s);
    const capP = slots.size * (problem.participantCapacity?.[p] ?? 1);
    const w = byP[p]!.map((m) => ws[m]!).sort((a, b) => b - a);
    twice += w.slice(0, capP).reduce((a, b) => a + b, 0);
  }
  ub = Math.min(ub, Math.floor(twice / 2));
  return ub;
}

export interface HeuristicResult {
  /** Slot per meeting (0-based index), 0 = unplaced. */
  slotOf: number[];
  placedWeight: number;
  breaks: number;
}

export function heuristicSchedule(
  problem: SchedulingProblem,
  domains: number[][],
  fairness: number | null,
  deadline: number,
): HeuristicResult {
  const M = problem.meetings.length;
  const P = problem.nParticipants;
  const T = problem.nSlots;
  if (T > 30) throw new Error('heuristic supports at most 30 slots');
  const ws = problem.meetings.map(meetingWeight);
  const maxB = fairness === null ? Number.POSITIVE_INFINITY : fairness;
  const capOf = (p: number) => problem.participantCapacity?.[p] ?? 1;
  const load: Int32Array = new Int32Array(P * (T + 1));
  const mask: Int32Array = new Int32Array(P);
  const slotCount: Int32Array = new Int32Array(T + 1);
  const fixedTableUse = new Map<string, number>(); // `${slot}:${table}` -> meeting
  const tableOf = (m: number): number => {
    const mt = problem.meetings[m]!;
    if (mt.fixedTable && mt.fixedTable > 0) return mt.fixedTable;
    const ta = problem.participantTables?.[mt.a - 1] ?? 0;
    const tb = problem.participantTables?.[mt.b - 1] ?? 0;
    if (ta > 0 && tb > 0 && ta !== tb) return -1;
    return ta > 0 ? ta : tb;
  };
  const preds: number[][] = Array.from({ length: M }, () => []);
  const succs: number[][] = Array.from({ length: M }, () => []);
  for (const [b, a] of problem.precedences) {
    preds[a - 1]?.push(b - 1);
    succs[b - 1]?.push(a - 1);
  }
  const slotOf: number[] = new Array(M).fill(0);
  const parts = (m: number): [number, number] => {
    const mt = problem.meetings[m]!;
    return [mt.a - 1, mt.b - 1];
  };
  const bit = (s: number) => 1 << (s - 1);

  const canPlace = (m: number, s: number): boolean => {
    if (slotCount[s]! >= problem.nTables) return false;
    const t = tableOf(m);
    if (t < 0) return false;
    if (t > 0 && fixedTableUse.has(`${s}:${t}`)) return false;
    for (const b of preds[m]!) if (slotOf[b]! > 0 && slotOf[b]! >= s) return false;
    for (const a of succs[m]!) if (slotOf[a]! > 0 && slotOf[a]! <= s) return false;
    const [a, b] = parts(m);
    for (const p of [a, b]) {
      if (load[p * (T + 1) + s]! >= capOf(p)) return false;
      if (maskBreaks(mask[p]! | bit(s)) > maxB) return false;
    }
    return true;
  };
  const inSlot: Set<number>[] = Array.from({ length: T + 1 }, () => new Set<number>());
  const place = (m: number, s: number) => {
    slotOf[m] = s;
    inSlot[s]!.add(m);
    slotCount[s]!++;
    const t = tableOf(m);
    if (t > 0) fixedTableUse.set(`${s}:${t}`, m);
    for (const p of parts(m)) {
      load[p * (T + 1) + s]!++;
      mask[p] = mask[p]! | bit(s);
    }
  };
  const unplace = (m: number) => {
    const s = slotOf[m]!;
    slotOf[m] = 0;
    inSlot[s]!.delete(m);
    slotCount[s]!--;
    const t = tableOf(m);
    if (t > 0) fixedTableUse.delete(`${s}:${t}`);
    for (const p of parts(m)) {
      const i = p * (T + 1) + s;
      load[i]!--;
      if (load[i] === 0) mask[p] = mask[p]! & ~bit(s);
    }
  };
  /** Extra breaks from placing m at s (both participants), and closeness to their blocks. */
  const score = (m: number, s: number): number => {
    let sc = 0;
    for (const p of parts(m)) {
      const mk = mask[p]!;
      sc += 10 * (maskBreaks(mk | bit(s)) - maskBreaks(mk));
      if (mk !== 0 && (mk & ((bit(s) << 1) | (bit(s) >> 1))) === 0) sc += 1;
    }
    return sc + slotCount[s]! / (problem.nTables + 1);
  };
  const best = (m: number): number => {
    let bs = 0;
    let bv = Number.POSITIVE_INFINITY;
    for (const s of domains[m] ?? []) {
      if (!canPlace(m, s)) continue;
      const v = score(m, s);
      if (v < bv) {
        bv = v;
        bs = s;
      }
    }
    return bs;
  };

  // fixed-slot meetings first, then by weight, then most loaded participants, fewest slots
  const deg = new Int32Array(P);
  for (let m = 0; m < M; m++) for (const p of parts(m)) deg[p]!++;
  const order = [...Array(M).keys()].sort((x, y) => {
    const fx = problem.meetings[x]!.fixedSlot ? 1 : 0;
    const fy = problem.meetings[y]!.fixedSlot ? 1 : 0;
    if (fx !== fy) return fy - fx;
    if (ws[x] !== ws[y]) return ws[y]! - ws[x]!;
    const [xa, xb] = parts(x);
    const [ya, yb] = parts(y);
    const dx = Math.max(deg[xa]!, deg[xb]!);
    const dy = Math.max(deg[ya]!, deg[yb]!);
    if (dx !== dy) return dy - dx;
    return (domains[x]?.length ?? 0) - (domains[y]?.length ?? 0);
  });
  for (const m of order) {
    const s = best(m);
    if (s > 0) place(m, s);
  }

  // local search: insert unplaced meetings (possibly moving one blocking meeting), reduce breaks
  const totalBreaks = () => {
    let b = 0;
    for (let p = 0; p < P; p++) b += maskBreaks(mask[p]!);
    return b;
  };
  const meetingsOf: number[][] = Array.from({ length: P }, () => []);
  for (let m = 0; m < M; m++) for (const p of parts(m)) meetingsOf[p]!.push(m);
  let improved = true;
  let rounds = 0;
  while (improved && Date.now() < deadline && rounds < 50) {
    improved = false;
    rounds++;
    for (const m of order) {
      if (Date.now() >= deadline) break;
      if (slotOf[m]! > 0) continue;
      let s = best(m);
      if (s === 0) {
        // try to move one meeting of a participant of m out of the way
        outer: for (const p of parts(m)) {
          for (const m2 of meetingsOf[p]!) {
            const s2 = slotOf[m2]!;
            if (s2 === 0 || problem.meetings[m2]!.fixedSlot) continue;
            if (!(domains[m] ?? []).includes(s2)) continue;
            unplace(m2);
            if (canPlace(m, s2)) {
              place(m, s2);
              const s3 = best(m2);
              if (s3 > 0) {
                place(m2, s3);
                s = s2;
                break outer;
              }
              unplace(m);
            }
            place(m2, s2);
          }
        }
      } else place(m, s);
      if (s === 0) {
        // replace a lighter meeting: evict it, place m, re-place the evicted one elsewhere if possible
        const w = ws[m]!;
        swap: for (const s2 of domains[m] ?? []) {
          for (const v of [...inSlot[s2]!]) {
            if (ws[v]! >= w || problem.meetings[v]!.fixedSlot) continue;
            unplace(v);
            if (canPlace(m, s2)) {
              place(m, s2);
              const s3 = best(v);
              if (s3 > 0) place(v, s3);
              // evicting v may open a gap for its participants: keep the move only if fairness holds
              if (parts(v).every((p) => maskBreaks(mask[p]!) <= maxB)) {
                s = s2;
                break swap;
              }
              if (s3 > 0) unplace(v);
              unplace(m);
            }
            place(v, s2);
          }
        }
      }
      if (s > 0) improved = true;
    }
    // break reduction by single moves
    for (let p = 0; p < P && Date.now() < deadline; p++) {
      if (maskBreaks(mask[p]!) === 0) continue;
      for (const m of meetingsOf[p]!) {
        const s0 = slotOf[m]!;
        if (s0 === 0 || problem.meetings[m]!.fixedSlot) continue;
        const [a, b] = parts(m);
        const before = maskBreaks(mask[a]!) + maskBreaks(mask[b]!);
        unplace(m);
        let bestS = s0;
        let bestV = before;
        for (const s of domains[m] ?? []) {
          if (s === s0 || !canPlace(m, s)) continue;
          place(m, s);
          const v = maskBreaks(mask[a]!) + maskBreaks(mask[b]!);
          unplace(m);
          if (v < bestV) {
            bestV = v;
            bestS = s;
          }
        }
        place(m, bestS);
        if (bestS !== s0) improved = true;
      }
    }
  }
  let placedWeight = 0;
  for (let m = 0; m < M; m++) if (slotOf[m]! > 0) placedWeight += ws[m]!;
  return { slotOf, placedWeight, breaks: totalBreaks() };
}
