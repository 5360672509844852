/**
 * From an event's rows to the scheduler's problem and back (issue 22 item 4, decision 0037). Pure:
 * the b2b-schedule feature reads the rows, this module builds the `SchedulingProblem` (slots,
 * tables, reserved tables, representatives, unavailability, accepted requests and their priority
 * weights, locked published meetings, the current schedule as `previous`), says in words why it is
 * over capacity and why a request could not be placed, maps the engine's answer back to
 * `RunAssignment`s, counts the waits per participant per session, and fingerprints what a run was
 * given.
 */
import type { Meeting, ScheduleResult, SchedulingProblem } from '../scheduler/model.ts';
import { LARGE_EVENT_PAIRS } from '../scheduler/solver.ts';
import type { EventSlot } from './slots.ts';
import {
  type ParticipantBreaks,
  PRIORITY_WEIGHTS,
  type RequestPriority,
  type RunAssignment,
  type RunMode,
  type UnplacedRequest,
} from './types.ts';

export interface ScheduleTableInput {
  id: string;
  number: number;
  reservedParticipantId: string | null;
}

export interface ScheduleParticipantInput {
  id: string;
  name: string;
  /** Number of representatives: meetings it can hold at once. */
  representatives: number;
  /** UTC start instants of the slots it cannot meet in. */
  unavailable: readonly string[];
}

export interface ScheduleRequestInput {
  id: string;
  fromParticipantId: string;
  toParticipantId: string;
  priority: number;
}

/** A meeting of the current schedule (a published one is locked in a reschedule). */
export interface CurrentMeetingInput {
  requestId: string;
  slotStartsAt: string;
  tableId: string | null;
  published: boolean;
}

export interface ScheduleInput {
  mode: RunMode;
  slots: readonly Pick<EventSlot, 'number' | 'sessionId' | 'startsAt'>[];
  tables: readonly ScheduleTableInput[];
  /** Approved participants. */
  participants: readonly ScheduleParticipantInput[];
  /** Accepted requests to place (those of cancelled meetings left out by the caller). */
  requests: readonly ScheduleRequestInput[];
  /** The current schedule's meetings (not cancelled). */
  current: readonly CurrentMeetingInput[];
}

export interface BuiltProblem {
  problem: SchedulingProblem;
  /** Meeting i+1 of the problem is requestIds[i]. */
  requestIds: string[];
  /** Participant p (1-based) is participantIds[p-1]. */
  participantIds: string[];
  /** Why not every request can be placed (then `optionalMeetings`), empty when none is known. */
  overCapacity: string[];
  /** Requests left out of the problem (a side not approved), with the reason. */
  excluded: UnplacedRequest[];
  /** Published meetings locked in place (reschedule). */
  locked: number;
  /**
   * A large event (more meeting × slot pairs than the exact model handles quickly): meetings are
   * made optional so the engine's fast placement (greedy, then local search) answers first.
   */
  large: boolean;
}

const weightOf = (priority: number): number =>
  PRIORITY_WEIGHTS[(priority >= 1 && priority <= 3 ? priority : 2) as RequestPriority];

/** How many meetings a participant can hold at once: its representatives, at most the tables, one at a reserved table. */
export function participantCapacity(representatives: number, nTables: number, reserved: boolean): number {
  if (reserved) return 1;
  return Math.max(1, Math.min(representatives, nTables));
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function buildScheduleProblem(input: ScheduleInput): BuiltProblem {
  const slotByInstant = new Map(input.slots.map((s) => [s.startsAt, s.number]));
  const tables = [...input.tables].sort((a, b) => a.number - b.number);
  const tableIndex = new Map(tables.map((t, i) => [t.id, i + 1]));
  const reservedTable = new Map<string, number>();
  tables.forEach((t, i) => {
    if (t.reservedParticipantId) reservedTable.set(t.reservedParticipantId, i + 1);
  });
  const participants = [...input.participants].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const pIndex = new Map(participants.map((p, i) => [p.id, i + 1]));
  const nSlots = input.slots.length;
  const nTables = tables.length;
  const forbidden = participants.map((p) =>
    [
      ...new Set(p.unavailable.map((u) => slotByInstant.get(u)).filter((s): s is number => s !== undefined)),
    ].sort((a, b) => a - b),
  );
  const capacity = participants.map((p) =>
    participantCapacity(p.representatives, nTables, reservedTable.has(p.id)),
  );
  const excluded: UnplacedRequest[] = [];
  const requests = [...input.requests].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const current = new Map(input.current.map((c) => [c.requestId, c]));
  const meetings: Meeting[] = [];
  const requestIds: string[] = [];
  let locked = 0;
  for (const r of requests) {
    const a = pIndex.get(r.fromParticipantId);
    const b = pIndex.get(r.toParticipantId);
    if (a === undefined || b === undefined) {
      excluded.push({ requestId: r.id, reason: 'One of its participants is not approved' });
      continue;
    }
    const meeting: Meeting = { a, b, session: 'either', weight: weightOf(r.priority) };
    const now = current.get(r.id);
    if (input.mode === 'reschedule' && now?.published) {
      const slot = slotByInstant.get(now.slotStartsAt);
      if (slot !== undefined) {
        meeting.fixedSlot = slot;
        const t = now.tableId ? tableIndex.get(now.tableId) : undefined;
        if (t !== undefined) meeting.fixedTable = t;
        locked++;
      }
    }
    meetings.push(meeting);
    requestIds.push(r.id);
  }
  const previous = input.current
    .map((c) => {
      const i = requestIds.indexOf(c.requestId);
      const slot = slotByInstant.get(c.slotStartsAt);
      return i >= 0 && slot !== undefined ? { meeting: i + 1, slot } : null;
    })
    .filter((p): p is { meeting: number; slot: number } => p !== null);
  const problem: SchedulingProblem = {
    name: 'event',
    nParticipants: participants.length,
    nSlots,
    nMorningSlots: nSlots,
    nTables,
    meetings,
    forbidden,
    precedences: [],
    participantCapacity: capacity,
    participantTables: participants.map((p) => reservedTable.get(p.id) ?? 0),
  };
  if (previous.length > 0) problem.previous = previous;
  const names = participants.map((p) => p.name);
  const overCapacity = capacityProblems(problem, names);
  const large = meetings.length * nSlots > LARGE_EVENT_PAIRS && nSlots <= 30;
  if (overCapacity.length > 0 || large) problem.optionalMeetings = true;
  return {
    problem,
    requestIds,
    participantIds: participants.map((p) => p.id),
    overCapacity,
    excluded,
    locked,
    large,
  };
}

/** Slots (1-based) a participant can meet in. */
function freeSlots(problem: SchedulingProblem, p: number): number[] {
  const forb = new Set(problem.forbidden[p - 1] ?? []);
  const out: number[] = [];
  for (let s = 1; s <= problem.nSlots; s++) if (!forb.has(s)) out.push(s);
  return out;
}

/** Slots where both sides of a meeting are free. */
function commonSlots(problem: SchedulingProblem, m: Meeting): number[] {
  const fa = new Set(problem.forbidden[m.a - 1] ?? []);
  const fb = new Set(problem.forbidden[m.b - 1] ?? []);
  const out: number[] = [];
  for (let s = 1; s <= problem.nSlots; s++) if (!fa.has(s) && !fb.has(s)) out.push(s);
  return out;
}

function noCommonSlotReason(problem: SchedulingProblem, m: Meeting, names: readonly string[]): string {
  const x = names[m.a - 1]!;
  const y = names[m.b - 1]!;
  if (freeSlots(problem, m.a).length === 0) return `${x} is unavailable in every slot`;
  if (freeSlots(problem, m.b).length === 0) return `${y} is unavailable in every slot`;
  return `${x} is unavailable in every slot ${y} is free`;
}

/**
 * Why the accepted requests cannot all be placed, by counting alone (empty when counting finds
 * nothing): more meetings than tables × slots, a participant with more meetings than its free
 * slots × capacity (counting only slots its counterparts share), two participants with no free
 * slot in common.
 */
export function capacityProblems(problem: SchedulingProblem, names: readonly string[]): string[] {
  const out: string[] = [];
  const M = problem.meetings.length;
  const cells = problem.nTables * problem.nSlots;
  if (problem.nTables === 0 || problem.nSlots === 0) {
    if (M > 0) out.push(problem.nTables === 0 ? 'The event has no tables' : 'The event has no slots');
    return out;
  }
  if (M > cells)
    out.push(
      `${plural(M, 'accepted request')} but only ${plural(problem.nTables, 'table')} × ${plural(problem.nSlots, 'slot')} = ${plural(cells, 'meeting')} fit`,
    );
  const byP = new Map<number, number[]>();
  problem.meetings.forEach((m, i) => {
    if (commonSlots(problem, m).length > 0) {
      for (const p of [m.a, m.b]) byP.set(p, [...(byP.get(p) ?? []), i]);
      return;
    }
    out.push(`${names[m.a - 1]} and ${names[m.b - 1]} cannot meet: ${noCommonSlotReason(problem, m, names)}`);
  });
  for (const [p, ms] of [...byP.entries()].sort((a, b) => a[0] - b[0])) {
    const usable = new Set<number>();
    for (const i of ms) for (const s of commonSlots(problem, problem.meetings[i]!)) usable.add(s);
    const cap = problem.participantCapacity?.[p - 1] ?? 1;
    if (ms.length > usable.size * cap)
      out.push(
        `${names[p - 1]} has ${plural(ms.length, 'accepted request')} but can meet in only ${plural(usable.size, 'slot')}${cap > 1 ? ` × ${cap} representatives` : ''}`,
      );
  }
  return out;
}

/** Why no schedule places every request, when the engine proved it and counting did not show it. */
export function infeasibleExplanation(problem: SchedulingProblem, names: readonly string[]): string {
  const counted = capacityProblems(problem, names);
  if (counted.length > 0) return counted.join('; ');
  const load = new Map<number, number>();
  for (const m of problem.meetings) for (const p of [m.a, m.b]) load.set(p, (load.get(p) ?? 0) + 1);
  const tight = [...load.entries()]
    .filter(([p, n]) => n >= freeSlots(problem, p).length * (problem.participantCapacity?.[p - 1] ?? 1))
    .map(
      ([p, n]) =>
        `${names[p - 1]} (${plural(n, 'meeting')} in ${plural(freeSlots(problem, p).length, 'free slot')})`,
    );
  return (
    'No schedule holds every accepted request at once, although each participant alone has enough free slots: ' +
    'their meetings collide (three participants who all meet one another need three slots, for instance). ' +
    (tight.length > 0 ? `Participants with no spare slot: ${tight.slice(0, 10).join(', ')}.` : '') +
    ' Add a slot or a table, or cancel a request, and run again.'
  ).trim();
}

/**
 * Why a request the engine left out could not be placed, from the placement it returned:
 * no common free slot; a side already full in all its free slots; all tables full wherever both
 * are free; else each common slot blocked by one side or the tables (placing it would displace a
 * meeting of equal or higher priority).
 */
export function unplacedReason(
  problem: SchedulingProblem,
  meeting: number,
  slotOf: readonly number[],
  names: readonly string[],
): string {
  const m = problem.meetings[meeting - 1]!;
  const common = commonSlots(problem, m);
  if (common.length === 0) return noCommonSlotReason(problem, m, names);
  const busy = new Map<string, number>();
  const perSlot = new Map<number, number>();
  const count = new Map<number, number>();
  problem.meetings.forEach((mt, i) => {
    const s = slotOf[i] ?? 0;
    if (s <= 0) return;
    perSlot.set(s, (perSlot.get(s) ?? 0) + 1);
    for (const p of [mt.a, mt.b]) {
      busy.set(`${p}:${s}`, (busy.get(`${p}:${s}`) ?? 0) + 1);
      count.set(p, (count.get(p) ?? 0) + 1);
    }
  });
  const cap = (p: number) => problem.participantCapacity?.[p - 1] ?? 1;
  for (const p of [m.a, m.b]) {
    const free = freeSlots(problem, p).length;
    const n = count.get(p) ?? 0;
    if (n >= free * cap(p))
      return `${names[p - 1]} already has ${plural(n, 'meeting')} in ${plural(free, 'free slot')}`;
  }
  const full = (s: number) => (perSlot.get(s) ?? 0) >= problem.nTables;
  if (common.every(full))
    return common.length === problem.nSlots
      ? 'All tables are full in every slot'
      : `All tables are full in the ${plural(common.length, 'slot')} both ${names[m.a - 1]} and ${names[m.b - 1]} are free`;
  const busyIn = (p: number, s: number) => (busy.get(`${p}:${s}`) ?? 0) >= cap(p);
  if (common.every((s) => busyIn(m.a, s) || full(s)))
    return `${names[m.a - 1]} already meets someone else in every slot ${names[m.b - 1]} is free (or all tables are full then)`;
  if (common.every((s) => busyIn(m.b, s) || full(s)))
    return `${names[m.b - 1]} already meets someone else in every slot ${names[m.a - 1]} is free (or all tables are full then)`;
  return `In each of the ${plural(common.length, 'slot')} both are free, ${names[m.a - 1]} or ${names[m.b - 1]} already has a meeting or all tables are full; placing it would displace a meeting of equal or higher priority`;
}

export interface MappedResult {
  assignments: RunAssignment[];
  unplaced: UnplacedRequest[];
  participantBreaks: ParticipantBreaks[];
  /** Waiting slots in all (per session: a gap between two sessions is not a wait). */
  sessionBreaks: number;
}

/** Waits per participant: empty slots between two of its meetings within one session. */
export function breaksPerSession(
  busySlots: readonly number[],
  slots: readonly Pick<EventSlot, 'number' | 'sessionId'>[],
): number {
  const session = new Map(slots.map((s) => [s.number, s.sessionId]));
  const bySession = new Map<string, number[]>();
  for (const s of [...new Set(busySlots)].sort((a, b) => a - b)) {
    const id = session.get(s) ?? '';
    bySession.set(id, [...(bySession.get(id) ?? []), s]);
  }
  // slots are numbered in time order and a session's slots are consecutive numbers
  let waits = 0;
  for (const list of bySession.values())
    for (let i = 1; i < list.length; i++) if (list[i]! - list[i - 1]! > 1) waits++;
  return waits;
}

/** The engine's answer in the event's terms: assignments, unplaced with reasons, waits per participant. */
export function mapScheduleResult(
  built: BuiltProblem,
  result: Pick<ScheduleResult, 'assignments'>,
  input: Pick<ScheduleInput, 'slots' | 'tables' | 'participants'>,
): MappedResult {
  const { problem, requestIds, participantIds } = built;
  const slotsByNumber = new Map(input.slots.map((s) => [s.number, s]));
  const tables = [...input.tables].sort((a, b) => a.number - b.number);
  const slotOf: number[] = new Array(problem.meetings.length).fill(0);
  const assignments: RunAssignment[] = [];
  for (const a of result.assignments) {
    slotOf[a.meeting - 1] = a.slot;
    assignments.push({
      requestId: requestIds[a.meeting - 1]!,
      slotStartsAt: slotsByNumber.get(a.slot)!.startsAt,
      tableId: tables[a.table - 1]?.id ?? null,
    });
  }
  const names = participantIds.map((id) => input.participants.find((p) => p.id === id)?.name ?? id);
  const unplaced: UnplacedRequest[] = [...built.excluded];
  problem.meetings.forEach((_, i) => {
    if (slotOf[i]! > 0) return;
    unplaced.push({ requestId: requestIds[i]!, reason: unplacedReason(problem, i + 1, slotOf, names) });
  });
  const busy = participantIds.map(() => [] as number[]);
  problem.meetings.forEach((m, i) => {
    const s = slotOf[i]!;
    if (s <= 0) return;
    busy[m.a - 1]!.push(s);
    busy[m.b - 1]!.push(s);
  });
  const participantBreaks = participantIds.map((participantId, p) => ({
    participantId,
    breaks: breaksPerSession(busy[p]!, input.slots),
  }));
  return {
    assignments,
    unplaced,
    participantBreaks,
    sessionBreaks: participantBreaks.reduce((a, b) => a + b.breaks, 0),
  };
}

/** What a run was given, part by part (the parts name what changed when they differ). */
export const FINGERPRINT_PARTS = ['requests', 'availability', 'tables', 'slots', 'locks'] as const;
export type FingerprintPart = (typeof FINGERPRINT_PARTS)[number];
export const FINGERPRINT_PART_LABELS: Record<FingerprintPart, string> = {
  requests: 'the accepted requests',
  availability: 'the participants or their availability',
  tables: 'the tables',
  slots: 'the sessions and slots',
  locks: 'the published meetings',
};

const byId = <T extends { id: string }>(xs: readonly T[]) =>
  [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * What a run is given, part by part, in a canonical order (the feature hashes each part with
 * SHA-256: `scheduleFingerprint`): accepted request ids with their sides and priority; approved
 * participants with capacity and unavailability; tables; slots; locked published meetings in a
 * reschedule. Order-independent.
 */
export function fingerprintParts(input: ScheduleInput): Record<FingerprintPart, unknown> {
  return {
    requests: byId(input.requests).map((r) => [r.id, r.fromParticipantId, r.toParticipantId, r.priority]),
    availability: byId(input.participants).map((p) => [p.id, p.representatives, [...p.unavailable].sort()]),
    tables: byId(input.tables).map((t) => [t.id, t.number, t.reservedParticipantId]),
    slots: input.slots.map((s) => [s.startsAt, s.sessionId]),
    locks:
      input.mode === 'reschedule'
        ? input.current
            .filter((c) => c.published)
            .map((c) => [c.requestId, c.slotStartsAt, c.tableId])
            .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1))
        : [],
  };
}

/** The parts whose hash differs between two fingerprints (all of them for an unreadable one). */
export function fingerprintChanges(before: string, after: string): FingerprintPart[] {
  const read = (f: string) => new Map(f.split(';').map((kv) => kv.split(':') as [string, string]));
  const a = read(before);
  const b = read(after);
  return FINGERPRINT_PARTS.filter((p) => a.get(p) === undefined || a.get(p) !== b.get(p));
}
