import { describe, expect, it } from 'vitest';
import { solve } from '../scheduler/solver.ts';
import {
  breaksPerSession,
  buildScheduleProblem,
  infeasibleExplanation,
  mapScheduleResult,
  type ScheduleInput,
} from './schedule-problem.ts';

const slot = (n: number, session = 'am') => ({
  number: n,
  sessionId: session,
  startsAt: new Date(Date.UTC(2027, 2, 10, 8, 0) + (n - 1) * 30 * 60_000).toISOString(),
});
const participant = (id: string, extra: Partial<ScheduleInput['participants'][number]> = {}) => ({
  id,
  name: `Company ${id.toUpperCase()}`,
  representatives: 1,
  unavailable: [],
  ...extra,
});
const request = (id: string, from: string, to: string, priority = 2) => ({
  id,
  fromParticipantId: from,
  toParticipantId: to,
  priority,
});

function input(extra: Partial<ScheduleInput> = {}): ScheduleInput {
  return {
    mode: 'full',
    slots: [slot(1), slot(2), slot(3)],
    tables: [
      { id: 't1', number: 1, reservedParticipantId: null },
      { id: 't2', number: 2, reservedParticipantId: null },
    ],
    participants: [participant('a'), participant('b'), participant('c'), participant('d')],
    requests: [request('r1', 'a', 'b'), request('r2', 'a', 'c'), request('r3', 'c', 'd', 3)],
    current: [],
    ...extra,
  };
}

describe('buildScheduleProblem', () => {
  it('numbers participants, meetings, tables and slots, with priority weights and capacities', () => {
    const built = buildScheduleProblem(
      input({
        participants: [
          participant('a', { representatives: 3 }),
          participant('b'),
          participant('c'),
          participant('d'),
        ],
        tables: [
          { id: 't2', number: 2, reservedParticipantId: 'd' },
          { id: 't1', number: 1, reservedParticipantId: null },
        ],
      }),
    );
    const { problem } = built;
    expect(problem.nParticipants).toBe(4);
    expect(problem.nSlots).toBe(3);
    expect(problem.nTables).toBe(2);
    expect(built.requestIds).toEqual(['r1', 'r2', 'r3']);
    expect(problem.meetings.map((m) => [m.a, m.b, m.weight])).toEqual([
      [1, 2, 2],
      [1, 3, 2],
      [3, 4, 5],
    ]);
    // three representatives, capped at the two tables; d sits at its reserved table 2
    expect(problem.participantCapacity).toEqual([2, 1, 1, 1]);
    expect(problem.participantTables).toEqual([0, 0, 0, 2]);
    expect(problem.optionalMeetings).toBeUndefined();
    expect(built.overCapacity).toEqual([]);
  });

  it('turns unavailable instants into forbidden slots and ignores instants that are no slot', () => {
    const built = buildScheduleProblem(
      input({
        participants: [
          participant('a', { unavailable: [slot(2).startsAt, '2030-01-01T00:00:00.000Z'] }),
          participant('b'),
          participant('c'),
          participant('d'),
        ],
      }),
    );
    expect(built.problem.forbidden).toEqual([[2], [], [], []]);
  });

  it('locks published meetings in a reschedule and gives the current schedule as previous', () => {
    const current = [
      { requestId: 'r1', slotStartsAt: slot(3).startsAt, tableId: 't2', published: true },
      { requestId: 'r3', slotStartsAt: slot(1).startsAt, tableId: 't1', published: false },
    ];
    const full = buildScheduleProblem(input({ current }));
    expect(full.problem.meetings[0]?.fixedSlot).toBeUndefined();
    const re = buildScheduleProblem(input({ mode: 'reschedule', current }));
    expect(re.locked).toBe(1);
    expect(re.problem.meetings[0]).toMatchObject({ fixedSlot: 3, fixedTable: 2 });
    expect(re.problem.meetings[2]?.fixedSlot).toBeUndefined();
    expect(re.problem.previous).toEqual([
      { meeting: 1, slot: 3 },
      { meeting: 3, slot: 1 },
    ]);
    const result = solve(re.problem, { timeLimitSeconds: 5 });
    expect(result.status).toBe('optimal');
    const mapped = mapScheduleResult(re, result, input());
    expect(mapped.assignments.find((a) => a.requestId === 'r1')).toEqual({
      requestId: 'r1',
      slotStartsAt: slot(3).startsAt,
      tableId: 't2',
    });
  });

  it('leaves out requests with a side that is not approved, with the reason', () => {
    const built = buildScheduleProblem(
      input({ requests: [request('r1', 'a', 'b'), request('r9', 'a', 'zz')] }),
    );
    expect(built.requestIds).toEqual(['r1']);
    expect(built.excluded).toEqual([{ requestId: 'r9', reason: 'One of its participants is not approved' }]);
  });
});

describe('over capacity', () => {
  it('says tables × slots are too few, makes meetings optional, and explains each unplaced request', () => {
    const built = buildScheduleProblem(
      input({
        slots: [slot(1)],
        tables: [{ id: 't1', number: 1, reservedParticipantId: null }],
        requests: [request('r1', 'a', 'b', 1), request('r2', 'c', 'd', 3)],
      }),
    );
    expect(built.problem.optionalMeetings).toBe(true);
    expect(built.overCapacity).toContain('2 accepted requests but only 1 table × 1 slot = 1 meeting fit');
    const result = solve(built.problem, { timeLimitSeconds: 5 });
    const mapped = mapScheduleResult(built, result, input({ slots: [slot(1)] }));
    // the high-priority meeting wins
    expect(mapped.assignments.map((a) => a.requestId)).toEqual(['r2']);
    expect(mapped.unplaced).toEqual([{ requestId: 'r1', reason: 'All tables are full in every slot' }]);
  });

  it('names a participant with more requests than free slots, and one unavailable whenever the other is free', () => {
    const built = buildScheduleProblem(
      input({
        slots: [slot(1), slot(2)],
        participants: [
          participant('a'),
          participant('b', { unavailable: [slot(1).startsAt] }),
          participant('c'),
          participant('d'),
          participant('e', { unavailable: [slot(2).startsAt] }),
        ],
        requests: [
          request('r1', 'a', 'b'),
          request('r2', 'a', 'c'),
          request('r3', 'a', 'd'),
          request('r4', 'b', 'e'),
        ],
      }),
    );
    expect(built.overCapacity).toEqual([
      'Company B and Company E cannot meet: Company B is unavailable in every slot Company E is free',
      'Company A has 3 accepted requests but can meet in only 2 slots',
    ]);
    const result = solve(built.problem, { timeLimitSeconds: 5 });
    const names = [participant('a'), participant('b'), participant('c'), participant('d'), participant('e')];
    const mapped = mapScheduleResult(built, result, {
      slots: [slot(1), slot(2)],
      tables: input().tables,
      participants: names,
    });
    expect(mapped.assignments).toHaveLength(2);
    const reasons = Object.fromEntries(mapped.unplaced.map((u) => [u.requestId, u.reason]));
    expect(reasons.r4).toBe('Company B is unavailable in every slot Company E is free');
    const aUnplaced = ['r1', 'r2', 'r3'].filter((r) => reasons[r]);
    expect(aUnplaced).toHaveLength(1);
    expect(reasons[aUnplaced[0]!]).toBe('Company A already has 2 meetings in 2 free slots');
  });

  it('explains an infeasible triangle in two slots, which counting alone cannot see', () => {
    const built = buildScheduleProblem(
      input({
        slots: [slot(1), slot(2)],
        requests: [request('r1', 'a', 'b'), request('r2', 'b', 'c'), request('r3', 'a', 'c')],
      }),
    );
    expect(built.overCapacity).toEqual([]);
    expect(solve(built.problem, { timeLimitSeconds: 5 }).status).toBe('infeasible');
    const names = ['Company A', 'Company B', 'Company C', 'Company D'];
    const text = infeasibleExplanation(built.problem, names);
    expect(text).toContain('their meetings collide');
    expect(text).toContain('Company A (2 meetings in 2 free slots)');
  });
});

describe('breaks per session', () => {
  it('counts a gap inside a session as a wait, and none between two sessions', () => {
    const slots = [slot(1, 'am'), slot(2, 'am'), slot(3, 'am'), slot(4, 'pm'), slot(5, 'pm')];
    expect(breaksPerSession([1, 3], slots)).toBe(1);
    expect(breaksPerSession([1, 2, 5], slots)).toBe(0);
    expect(breaksPerSession([3, 4], slots)).toBe(0);
    expect(breaksPerSession([1, 3, 3], slots)).toBe(1);
  });
});
