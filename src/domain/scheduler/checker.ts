/**
 * Independent checker of a schedule (used by the tests and the bench only; shares no code with the
 * solver). Returns the list of violations (empty = valid) and the recomputed break figures.
 */
import type { ScheduleResult, SchedulingProblem } from './model.ts';

export interface CheckReport {
  errors: string[];
  breaks: number;
  breaksPerParticipant: number[];
  spread: number;
  placed: number;
}

export function checkSchedule(
  problem: SchedulingProblem,
  result: Pick<ScheduleResult, 'assignments' | 'breaks' | 'maxBreakSpread'>,
  fairness: number | null = 2,
): CheckReport {
  const errors: string[] = [];
  const T = problem.nSlots;
  const M = problem.meetings.length;
  const slot = new Array<number>(M + 1).fill(0);
  const table = new Array<number>(M + 1).fill(0);
  for (const a of result.assignments) {
    if (!Number.isInteger(a.meeting) || a.meeting < 1 || a.meeting > M) {
      errors.push(`unknown meeting ${a.meeting}`);
      continue;
    }
    if (slot[a.meeting] !== 0) errors.push(`meeting ${a.meeting} assigned twice`);
    if (!Number.isInteger(a.slot) || a.slot < 1 || a.slot > T)
      errors.push(`meeting ${a.meeting}: bad slot ${a.slot}`);
    if (!Number.isInteger(a.table) || a.table < 1 || a.table > problem.nTables)
      errors.push(`meeting ${a.meeting}: bad table ${a.table}`);
    slot[a.meeting] = a.slot;
    table[a.meeting] = a.table;
  }
  let placed = 0;
  for (let m = 1; m <= M; m++) {
    const mt = problem.meetings[m - 1]!;
    const s = slot[m]!;
    if (s === 0) {
      if (!problem.optionalMeetings) errors.push(`meeting ${m} not scheduled`);
      continue;
    }
    placed++;
    if (mt.session === 'morning' && s > problem.nMorningSlots) errors.push(`meeting ${m} not in the morning`);
    if (mt.session === 'afternoon' && s <= problem.nMorningSlots)
      errors.push(`meeting ${m} not in the afternoon`);
    if (mt.fixedSlot && mt.fixedSlot > 0 && mt.fixedSlot !== s)
      errors.push(`meeting ${m} not at its fixed slot`);
    if (mt.fixedTable && mt.fixedTable > 0 && mt.fixedTable !== table[m])
      errors.push(`meeting ${m}: not at its fixed table`);
    for (const p of [mt.a, mt.b]) {
      if ((problem.forbidden[p - 1] ?? []).includes(s))
        errors.push(`meeting ${m}: participant ${p} forbidden at ${s}`);
      const pt = problem.participantTables?.[p - 1] ?? 0;
      if (pt > 0 && pt !== table[m]) errors.push(`meeting ${m}: participant ${p} must sit at table ${pt}`);
    }
  }
  for (const [b, a] of problem.precedences) {
    const sb = slot[b] ?? 0;
    const sa = slot[a] ?? 0;
    if (sa === 0) continue;
    if (sb === 0) {
      if (!problem.optionalMeetings) errors.push(`precedence ${b}<${a}: ${b} unscheduled`);
      continue;
    }
    if (!(sb < sa))
      errors.push(`precedence violated: meeting ${b} (slot ${sb}) not before ${a} (slot ${sa})`);
  }
  // per slot: capacity, distinct tables, participant double booking
  const use = new Map<string, number>();
  const perSlot = new Map<number, number[]>();
  for (let m = 1; m <= M; m++) {
    const s = slot[m]!;
    if (s === 0) continue;
    const mt = problem.meetings[m - 1]!;
    for (const p of mt.a === mt.b ? [mt.a] : [mt.a, mt.b]) {
      const key = `${p}@${s}`;
      use.set(key, (use.get(key) ?? 0) + 1);
    }
    const l = perSlot.get(s) ?? [];
    l.push(m);
    perSlot.set(s, l);
  }
  for (const [key, n] of use) {
    const p = Number(key.split('@')[0]);
    const cap = problem.participantCapacity?.[p - 1] ?? 1;
    if (n > cap) errors.push(`participant ${key.replace('@', ' double-booked at slot ')} (${n} meetings)`);
  }
  for (const [s, ms] of perSlot) {
    if (ms.length > problem.nTables)
      errors.push(`slot ${s}: ${ms.length} meetings > ${problem.nTables} tables`);
    const seen = new Set<number>();
    for (const m of ms) {
      if (seen.has(table[m]!)) errors.push(`slot ${s}: table ${table[m]} used twice`);
      seen.add(table[m]!);
    }
  }
  // breaks: maximal idle runs between two meetings
  const breaksPerParticipant: number[] = [];
  for (let p = 1; p <= problem.nParticipants; p++) {
    const busySlots: number[] = [];
    for (let m = 1; m <= M; m++) {
      const mt = problem.meetings[m - 1]!;
      if ((mt.a === p || mt.b === p) && slot[m]! > 0) busySlots.push(slot[m]!);
    }
    const sorted = [...new Set(busySlots)].sort((x, y) => x - y);
    let br = 0;
    for (let i = 1; i < sorted.length; i++) if (sorted[i]! - sorted[i - 1]! > 1) br++;
    breaksPerParticipant.push(br);
  }
  const breaks = breaksPerParticipant.reduce((x, y) => x + y, 0);
  const spread = breaksPerParticipant.length
    ? Math.max(...breaksPerParticipant) - Math.min(...breaksPerParticipant)
    : 0;
  if (result.breaks !== null && result.breaks !== breaks)
    errors.push(`reported breaks ${result.breaks} != ${breaks}`);
  if (result.maxBreakSpread !== null && result.maxBreakSpread !== spread)
    errors.push(`reported spread ${result.maxBreakSpread} != ${spread}`);
  if (fairness !== null && spread > fairness)
    errors.push(`fairness violated: spread ${spread} > ${fairness}`);
  return { errors, breaks, breaksPerParticipant, spread, placed };
}
