/**
 * Placement repair after the engine's fast placement (issue 22, decision 0037 "large events"): the
 * greedy placement and local search leave a few meetings unplaced on large events although a
 * schedule placing them exists. This module inserts them by ejection chains: an unplaced meeting
 * takes a slot where both sides are free; else one or two meetings blocking it there (a side's
 * meeting, the holder of a reserved table, or any meeting when all tables are full) move to
 * another slot, themselves possibly ejecting others, up to `maxDepth` moves deep. Depths are tried
 * in increasing order (the shortest chain first, as a breadth-first search would) within a time
 * budget. Meetings with a fixed slot (locked) never move; forbidden slots, sessions, participant
 * capacity, reserved and fixed tables, precedences and the table count per slot are kept. Among
 * slots the search prefers those adding the fewest breaks, but placing wins over breaks (the
 * engine's fairness limit on breaks is not enforced here). Placed meetings never become unplaced.
 * Pure (the clock is injectable).
 */

import { type Assignment, meetingWeight, type SchedulingProblem } from '../scheduler/model.ts';
import { assignTables } from '../scheduler/tables.ts';

export interface RepairOptions {
  /** Total time budget in milliseconds (default 2,000). */
  budgetMs?: number;
  /** Longest ejection chain: meetings moved to place one (default 3). */
  maxDepth?: number;
  /**
   * Breaks a participant may reach (the engine's fairness: its fast placement keeps everyone at or
   * under 2). The repair first inserts within it (half the budget), then without it: placing wins.
   * Default null: no limit.
   */
  maxBreaks?: number | null;
  /** Clock in milliseconds (default Date.now). */
  now?: () => number;
}

export interface RepairResult {
  assignments: Assignment[];
  /** Meeting ids (1-based) still unplaced, ascending. */
  unplaced: number[];
  placedWeight: number;
  /** Meetings the repair placed (0 when it found nothing or its schedule failed the final check). */
  inserted: number;
  /** Meetings already placed that the repair moved to another slot. */
  moved: number;
  /** Whether the budget ran out before every unplaced meeting was tried at every depth. */
  timedOut: boolean;
  milliseconds: number;
}

/** Meetings tried, at most, for leaving a slot whose tables are all taken. */
const TABLE_MOVERS = 12;

type Op = { kind: 'place' | 'unplace'; m: number; s: number };

/** The table a meeting must take (0 = any, -1 = two different reserved tables: it cannot be placed). */
function wantedTable(problem: SchedulingProblem, m: number): number {
  const mt = problem.meetings[m]!;
  if (mt.fixedTable && mt.fixedTable > 0) return mt.fixedTable;
  const ta = problem.participantTables?.[mt.a - 1] ?? 0;
  const tb = problem.participantTables?.[mt.b - 1] ?? 0;
  if (ta > 0 && tb > 0 && ta !== tb) return -1;
  return ta > 0 ? ta : tb;
}

/** Slots (1-based) a meeting may take, whatever the others do. */
function domainOf(problem: SchedulingProblem, m: number): number[] {
  const mt = problem.meetings[m]!;
  if (wantedTable(problem, m) < 0 || wantedTable(problem, m) > problem.nTables) return [];
  const fa = new Set(problem.forbidden[mt.a - 1] ?? []);
  const fb = new Set(problem.forbidden[mt.b - 1] ?? []);
  const out: number[] = [];
  for (let s = 1; s <= problem.nSlots; s++) {
    if (fa.has(s) || fb.has(s)) continue;
    if (mt.session === 'morning' && s > problem.nMorningSlots) continue;
    if (mt.session === 'afternoon' && s <= problem.nMorningSlots) continue;
    if (mt.fixedSlot && mt.fixedSlot > 0 && mt.fixedSlot !== s) continue;
    out.push(s);
  }
  return out;
}

/** Breaks of a sorted list of distinct busy slots. */
function breaksOf(busy: Iterable<number>): number {
  const sorted = [...new Set(busy)].sort((a, b) => a - b);
  let br = 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i]! - sorted[i - 1]! > 1) br++;
  return br;
}

export function repairPlacement(
  problem: SchedulingProblem,
  assignments: readonly Assignment[],
  options: RepairOptions = {},
): RepairResult {
  const now = options.now ?? Date.now;
  const t0 = now();
  const budget = options.budgetMs ?? 2000;
  const fairCap = options.maxBreaks ?? null;
  let deadline = t0 + (fairCap === null ? budget : budget / 2);
  const maxDepth = options.maxDepth ?? 3;
  const M = problem.meetings.length;
  const P = problem.nParticipants;
  const T = problem.nSlots;
  const cap = (p: number) => problem.participantCapacity?.[p - 1] ?? 1;
  const slotOf: number[] = new Array(M).fill(0);
  const tableBefore: number[] = new Array(M).fill(0);
  for (const a of assignments) {
    slotOf[a.meeting - 1] = a.slot;
    tableBefore[a.meeting - 1] = a.table;
  }
  const original = [...slotOf];
  const domains = problem.meetings.map((_, m) => domainOf(problem, m));
  const wanted = problem.meetings.map((_, m) => wantedTable(problem, m));
  const movable = problem.meetings.map((mt) => !(mt.fixedSlot && mt.fixedSlot > 0));
  const preds: number[][] = Array.from({ length: M }, () => []);
  const succs: number[][] = Array.from({ length: M }, () => []);
  for (const [before, after] of problem.precedences) {
    preds[after - 1]?.push(before - 1);
    succs[before - 1]?.push(after - 1);
  }
  // who meets in each slot: per participant and per slot
  const inSlot: Set<number>[] = Array.from({ length: T + 1 }, () => new Set<number>());
  const byPS: Set<number>[] = Array.from({ length: (P + 1) * (T + 1) }, () => new Set<number>());
  const key = (p: number, s: number) => p * (T + 1) + s;
  const tableHolder = new Map<number, number>(); // s * (nTables + 1) + table -> meeting (wanted tables only)
  const tkey = (s: number, t: number) => s * (problem.nTables + 1) + t;
  const sides = (m: number): number[] => {
    const mt = problem.meetings[m]!;
    return mt.a === mt.b ? [mt.a] : [mt.a, mt.b];
  };
  const log: Op[] = [];
  const place = (m: number, s: number) => {
    slotOf[m] = s;
    inSlot[s]!.add(m);
    for (const p of sides(m)) byPS[key(p, s)]!.add(m);
    if (wanted[m]! > 0) tableHolder.set(tkey(s, wanted[m]!), m);
    log.push({ kind: 'place', m, s });
  };
  const unplace = (m: number) => {
    const s = slotOf[m]!;
    slotOf[m] = 0;
    inSlot[s]!.delete(m);
    for (const p of sides(m)) byPS[key(p, s)]!.delete(m);
    if (wanted[m]! > 0) tableHolder.delete(tkey(s, wanted[m]!));
    log.push({ kind: 'unplace', m, s });
  };
  const rollback = (mark: number) => {
    while (log.length > mark) {
      const op = log.pop()!;
      if (op.kind === 'place') {
        unplace(op.m);
        log.pop();
      } else {
        place(op.m, op.s);
        log.pop();
      }
    }
  };
  for (let m = 0; m < M; m++) if (slotOf[m]! > 0) place(m, slotOf[m]!);
  log.length = 0;

  const precedenceOk = (m: number, s: number) => {
    for (const b of preds[m]!) if (slotOf[b]! > 0 && slotOf[b]! >= s) return false;
    for (const a of succs[m]!) if (slotOf[a]! > 0 && slotOf[a]! <= s) return false;
    return true;
  };
  /**
   * Meetings that may leave a slot whose tables are all taken: those that can move at once to a
   * slot with a free table where both sides are free come first; at most TABLE_MOVERS of them (a
   * full slot holds as many meetings as tables: trying them all would not end within the budget).
   */
  const tableMovers = (s: number): number[] => {
    const direct: number[] = [];
    const other: number[] = [];
    for (const x of inSlot[s]!) {
      if (!movable[x]) continue;
      const free = domains[x]!.some(
        (t) =>
          t !== s &&
          inSlot[t]!.size < problem.nTables &&
          sides(x).every((p) => byPS[key(p, t)]!.size < cap(p)) &&
          (wanted[x]! <= 0 || !tableHolder.has(tkey(t, wanted[x]!))),
      );
      (free ? direct : other).push(x);
    }
    return [...direct, ...other].slice(0, TABLE_MOVERS);
  };
  /**
   * What keeps meeting m out of slot s: groups of meetings, one of each group must leave (null when
   * something no move can fix blocks it: a precedence, or a locked meeting in every blocking place).
   */
  const blockers = (m: number, s: number): number[][] | null => {
    if (!precedenceOk(m, s)) return null;
    const groups: number[][] = [];
    for (const p of sides(m)) {
      const here = byPS[key(p, s)]!;
      if (here.size >= cap(p)) groups.push([...here].filter((x) => movable[x]));
    }
    const t = wanted[m]!;
    if (t > 0) {
      const holder = tableHolder.get(tkey(s, t));
      if (holder !== undefined) groups.push(movable[holder] ? [holder] : []);
    }
    if (inSlot[s]!.size >= problem.nTables && groups.length === 0) groups.push(tableMovers(s));
    if (groups.some((g) => g.length === 0)) return null;
    return groups;
  };
  // breaks added by putting m in s (on the engine's slot numbering), for the order of the slots tried
  const addedBreaks = (m: number, s: number): number => {
    let d = 0;
    for (const p of sides(m)) {
      const busy: number[] = [];
      for (let x = 1; x <= T; x++) if (byPS[key(p, x)]!.size > 0) busy.push(x);
      d += breaksOf([...busy, s]) - breaksOf(busy);
    }
    return d;
  };
  let timedOut = false;
  let nodes = 0;
  const outOfTime = () => {
    if (timedOut) return true;
    if (++nodes % 64 === 0 && now() > deadline) timedOut = true;
    return timedOut;
  };
  const breaksNow = (p: number): number => {
    const busy: number[] = [];
    for (let x = 1; x <= T; x++) if (byPS[key(p, x)]!.size > 0) busy.push(x);
    return breaksOf(busy);
  };
  const baseline: number[] = Array.from({ length: P + 1 }, (_, p) => (p === 0 ? 0 : breaksNow(p)));
  let limit = Number.POSITIVE_INFINITY;
  /** Puts m in s unless one of its sides would pass the break limit (and its breaks before). */
  const placeWithin = (m: number, s: number): boolean => {
    place(m, s);
    if (
      limit === Number.POSITIVE_INFINITY ||
      sides(m).every((p) => breaksNow(p) <= Math.max(limit, baseline[p]!))
    )
      return true;
    unplace(m);
    log.length -= 2;
    return false;
  };
  /** Places m (currently unplaced) with at most `depth` further moves; on failure nothing changed. */
  const insert = (m: number, depth: number, chain: Set<number>): boolean => {
    if (outOfTime()) return false;
    const choices = domains[m]!.map((s) => ({ s, groups: blockers(m, s) }))
      .filter((o): o is { s: number; groups: number[][] } => o.groups !== null)
      .map((o) => ({ ...o, added: addedBreaks(m, o.s) }))
      .sort((x, y) => x.groups.length - y.groups.length || x.added - y.added || x.s - y.s);
    for (const o of choices) {
      if (o.groups.length === 0 && placeWithin(m, o.s)) return true;
    }
    if (depth === 0) return false;
    chain.add(m);
    try {
      for (const o of choices) {
        if (o.groups.length === 0 || o.groups.length > 2) continue;
        if (o.groups.length > depth) continue;
        const g1 = o.groups[0]!;
        for (const x of g1) {
          if (chain.has(x)) continue;
          if (outOfTime()) return false;
          const mark = log.length;
          unplace(x);
          const rest = blockers(m, o.s);
          const candidates =
            rest === null ? [] : rest.length === 0 ? [null] : rest.length === 1 ? rest[0]! : [];
          for (const y of candidates) {
            if (y !== null && chain.has(y)) continue;
            const inner = log.length;
            if (y !== null) unplace(y);
            const budget = depth - (y === null ? 1 : 2);
            if (
              budget >= 0 &&
              placeWithin(m, o.s) &&
              insert(x, budget, chain) &&
              (y === null || insert(y, Math.max(0, budget), chain))
            )
              return true;
            rollback(inner);
          }
          rollback(mark);
        }
      }
      return false;
    } finally {
      chain.delete(m);
    }
  };

  const unplacedBefore = problem.meetings.map((_, m) => m).filter((m) => slotOf[m] === 0);
  // heaviest first, then the most constrained
  const order = [...unplacedBefore].sort(
    (x, y) =>
      meetingWeight(problem.meetings[y]!) - meetingWeight(problem.meetings[x]!) ||
      domains[x]!.length - domains[y]!.length ||
      x - y,
  );
  let pending = order.filter((m) => domains[m]!.length > 0);
  const limits = fairCap === null ? [Number.POSITIVE_INFINITY] : [fairCap, Number.POSITIVE_INFINITY];
  for (const [phase, phaseLimit] of limits.entries()) {
    limit = phaseLimit;
    if (phase > 0) {
      deadline = t0 + budget;
      timedOut = false;
    }
    for (let depth = 0; depth <= maxDepth && pending.length > 0 && !timedOut; depth++) {
      const next: number[] = [];
      for (const m of pending) {
        let ok = !timedOut && insert(m, depth, new Set());
        const touched = new Set(log.flatMap((op) => sides(op.m)));
        if (ok && [...touched].some((p) => breaksNow(p) > Math.max(limit, baseline[p]!))) {
          rollback(0);
          ok = false;
        }
        if (ok) for (const p of touched) baseline[p] = breaksNow(p);
        else next.push(m);
        log.length = 0;
      }
      pending = next;
    }
  }

  const fallback = (): RepairResult => {
    const unplaced = original.map((s, m) => (s > 0 ? 0 : m + 1)).filter((m) => m > 0);
    return {
      assignments: [...assignments],
      unplaced,
      placedWeight: problem.meetings.reduce((w, mt, m) => w + (original[m]! > 0 ? meetingWeight(mt) : 0), 0),
      inserted: 0,
      moved: 0,
      timedOut,
      milliseconds: now() - t0,
    };
  };
  const inserted = unplacedBefore.filter((m) => slotOf[m]! > 0).length;
  if (inserted === 0) return fallback();
  const tables = tablesKeepingPrevious(problem, slotOf, original, tableBefore, wanted);
  const out: Assignment[] = [];
  for (let m = 0; m < M; m++)
    if (slotOf[m]! > 0) out.push({ meeting: m + 1, slot: slotOf[m]!, table: tables[m]! });
  if (placementErrors(problem, out).length > 0) return fallback();
  return {
    assignments: out,
    unplaced: slotOf.map((s, m) => (s > 0 ? 0 : m + 1)).filter((m) => m > 0),
    placedWeight: problem.meetings.reduce((w, mt, m) => w + (slotOf[m]! > 0 ? meetingWeight(mt) : 0), 0),
    inserted,
    moved: slotOf.filter((s, m) => s > 0 && original[m]! > 0 && original[m] !== s).length,
    timedOut,
    milliseconds: now() - t0,
  };
}

/**
 * Tables after the repair: a meeting that stayed in its slot keeps its table, a reserved or fixed
 * table is taken by its meeting, the others take the lowest free table; if that fails (it should
 * not), every table is assigned afresh with `assignTables`.
 */
function tablesKeepingPrevious(
  problem: SchedulingProblem,
  slotOf: readonly number[],
  original: readonly number[],
  tableBefore: readonly number[],
  wanted: readonly number[],
): number[] {
  const M = slotOf.length;
  const tables: number[] = new Array(M).fill(0);
  const bySlot = new Map<number, number[]>();
  slotOf.forEach((s, m) => {
    if (s > 0) bySlot.set(s, [...(bySlot.get(s) ?? []), m]);
  });
  for (const ms of bySlot.values()) {
    const used = new Set<number>();
    const rest: number[] = [];
    for (const m of ms)
      if (wanted[m]! > 0) {
        tables[m] = wanted[m]!;
        used.add(wanted[m]!);
      }
    for (const m of ms) {
      if (wanted[m]! > 0) continue;
      const t = tableBefore[m]!;
      if (original[m] === slotOf[m] && t > 0 && !used.has(t)) {
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
  const bad = slotOf.some((s, m) => s > 0 && (tables[m]! < 1 || tables[m]! > problem.nTables));
  return bad ? assignTables(problem, [...slotOf]) : tables;
}

/**
 * Whatever makes a set of assignments invalid for the problem (meetings optional): unknown or
 * repeated meetings, a slot or table out of range, a forbidden slot, a session, a fixed slot or
 * table, a reserved table, a precedence, a participant over its capacity, a slot with more
 * meetings than tables or a table used twice. Empty when valid.
 */
export function placementErrors(problem: SchedulingProblem, assignments: readonly Assignment[]): string[] {
  const errors: string[] = [];
  const M = problem.meetings.length;
  const slot: number[] = new Array(M + 1).fill(0);
  const use = new Map<string, number>();
  const tablesIn = new Map<number, Set<number>>();
  for (const x of assignments) {
    const mt = problem.meetings[x.meeting - 1];
    if (!mt) {
      errors.push(`unknown meeting ${x.meeting}`);
      continue;
    }
    if (slot[x.meeting] !== 0) errors.push(`meeting ${x.meeting} assigned twice`);
    slot[x.meeting] = x.slot;
    if (x.slot < 1 || x.slot > problem.nSlots) errors.push(`meeting ${x.meeting}: slot ${x.slot}`);
    if (x.table < 1 || x.table > problem.nTables) errors.push(`meeting ${x.meeting}: table ${x.table}`);
    if (mt.session === 'morning' && x.slot > problem.nMorningSlots)
      errors.push(`meeting ${x.meeting}: session`);
    if (mt.session === 'afternoon' && x.slot <= problem.nMorningSlots)
      errors.push(`meeting ${x.meeting}: session`);
    if (mt.fixedSlot && mt.fixedSlot > 0 && mt.fixedSlot !== x.slot)
      errors.push(`meeting ${x.meeting}: fixed slot`);
    if (mt.fixedTable && mt.fixedTable > 0 && mt.fixedTable !== x.table)
      errors.push(`meeting ${x.meeting}: fixed table`);
    for (const p of mt.a === mt.b ? [mt.a] : [mt.a, mt.b]) {
      if ((problem.forbidden[p - 1] ?? []).includes(x.slot))
        errors.push(`meeting ${x.meeting}: participant ${p} unavailable`);
      const pt = problem.participantTables?.[p - 1] ?? 0;
      if (pt > 0 && pt !== x.table) errors.push(`meeting ${x.meeting}: participant ${p}'s table`);
      const k = `${p}@${x.slot}`;
      use.set(k, (use.get(k) ?? 0) + 1);
      if (use.get(k)! > (problem.participantCapacity?.[p - 1] ?? 1))
        errors.push(`participant ${p} over capacity in slot ${x.slot}`);
    }
    const ts = tablesIn.get(x.slot) ?? new Set<number>();
    if (ts.has(x.table)) errors.push(`slot ${x.slot}: table ${x.table} used twice`);
    ts.add(x.table);
    tablesIn.set(x.slot, ts);
    if (ts.size > problem.nTables) errors.push(`slot ${x.slot}: more meetings than tables`);
  }
  for (const [before, after] of problem.precedences) {
    const sb = slot[before] ?? 0;
    const sa = slot[after] ?? 0;
    if (sa > 0 && sb > 0 && sb >= sa) errors.push(`precedence ${before} < ${after}`);
  }
  return errors;
}

/** Breaks per participant on the engine's numbering (an empty run of slots between two meetings). */
export function breaksPerParticipant(
  problem: SchedulingProblem,
  assignments: readonly Assignment[],
): number[] {
  const busy: number[][] = Array.from({ length: problem.nParticipants }, () => []);
  for (const x of assignments) {
    const mt = problem.meetings[x.meeting - 1]!;
    busy[mt.a - 1]!.push(x.slot);
    if (mt.b !== mt.a) busy[mt.b - 1]!.push(x.slot);
  }
  return busy.map(breaksOf);
}
