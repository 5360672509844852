/**
 * Table assignment: every placed meeting gets a table 1..nTables, distinct within its slot.
 * Meetings with a fixed table (their own, or one of their participants') keep it; the others take
 * the lowest free table. Pure.
 */
import type { SchedulingProblem } from './model.ts';

/** slotOfM[m] = slot of meeting m (0-based index), 0 when unplaced. Returns the table per meeting (0 if unplaced). */
export function assignTables(problem: SchedulingProblem, slotOfM: number[]): number[] {
  const M = problem.meetings.length;
  const tables: number[] = new Array(M).fill(0);
  const bySlot = new Map<number, number[]>();
  for (let m = 0; m < M; m++) {
    const s = slotOfM[m] ?? 0;
    if (s <= 0) continue;
    const l = bySlot.get(s) ?? [];
    l.push(m);
    bySlot.set(s, l);
  }
  const wanted = (m: number): number => {
    const mt = problem.meetings[m]!;
    if (mt.fixedTable && mt.fixedTable > 0) return mt.fixedTable;
    const ta = problem.participantTables?.[mt.a - 1] ?? 0;
    const tb = problem.participantTables?.[mt.b - 1] ?? 0;
    return ta > 0 ? ta : tb;
  };
  for (const ms of bySlot.values()) {
    const used = new Set<number>();
    const rest: number[] = [];
    for (const m of ms) {
      const t = wanted(m);
      if (t > 0 && !used.has(t)) {
        tables[m] = t;
        used.add(t);
      } else rest.push(m);
    }
    let next = 1;
    for (const m of rest) {
      while (used.has(next)) next++;
      tables[m] = next;
      used.add(next);
    }
  }
  return tables;
}
