import { describe, expect, it } from 'vitest';
import { expectValid, problem } from '../../../test/support/scheduler.ts';
import { solve } from './solver.ts';

describe('real-event extensions', () => {
  it('more requests than capacity: maximises the weighted number of placed meetings, then breaks', () => {
    // 5 meetings, 2 slots, 1 table: at most 2 can be placed; the heaviest compatible pair wins
    const p = problem(6, 2, 1, [
      [1, 2],
      [3, 4],
      [5, 6],
      [1, 3],
      [2, 4],
    ]);
    p.optionalMeetings = true;
    p.meetings[2]!.weight = 5;
    p.meetings[3]!.weight = 3;
    const r = solve(p);
    expectValid(p, r);
    expect(r.status).toBe('optimal');
    expect(r.placedWeight).toBe(8);
    expect(r.placedWeightUpperBound).toBe(8);
    expect(r.unplaced).toEqual([1, 2, 5]);
    expect(r.assignments).toHaveLength(2);
  });

  it('optional meetings: places everything when capacity allows and reports a tight bound', () => {
    const p = problem(4, 3, 2, [
      [1, 2],
      [3, 4],
      [1, 3],
      [2, 4],
    ]);
    p.optionalMeetings = true;
    const r = solve(p);
    expectValid(p, r);
    expect(r.placedWeight).toBe(4);
    expect(r.placedWeightUpperBound).toBe(4);
    expect(r.breaks).toBe(0);
  });

  it('fixed tables: two participants fixed at the same table never meet others in the same slot', () => {
    const p = problem(4, 2, 2, [
      [1, 2],
      [3, 4],
    ]);
    p.participantTables = [1, 0, 1, 0];
    const r = solve(p);
    expectValid(p, r);
    expect(r.status).toBe('optimal');
    const [a, b] = r.assignments;
    expect(a!.slot).not.toBe(b!.slot);
    expect(r.assignments.every((x) => x.table === 1)).toBe(true);
    // with one slot it is impossible
    expect(solve({ ...p, nSlots: 1, nMorningSlots: 1 }).status).toBe('infeasible');
  });

  it('a meeting between two participants fixed at different tables cannot take place', () => {
    const p = problem(2, 2, 2, [[1, 2]]);
    p.participantTables = [1, 2];
    expect(solve(p).status).toBe('infeasible');
  });

  it('two representatives: a participant can hold two meetings in one slot', () => {
    const p = problem(3, 1, 2, [
      [1, 2],
      [1, 3],
    ]);
    expect(solve(p).status).toBe('infeasible');
    p.participantCapacity = [2, 1, 1];
    const r = solve(p);
    expectValid(p, r);
    expect(r.status).toBe('optimal');
    expect(r.assignments.map((a) => a.slot)).toEqual([1, 1]);
  });

  it('rescheduling after a cancellation: locked meetings stay, breaks are repaired with the fewest moves', () => {
    // participant 1 meets 2..5 in slots 1..4; the meeting in slot 2 is cancelled -> a break for 1
    const base = problem(5, 4, 2, [
      [1, 2],
      [1, 3],
      [1, 4],
      [1, 5],
    ]);
    const first = solve(base);
    expectValid(base, first);
    expect(first.breaks).toBe(0);
    const slotOf = new Map(first.assignments.map((a) => [a.meeting, a.slot]));
    // cancel the meeting in slot 2 (keep the numbering of the others by rebuilding the list)
    const cancelled = [...slotOf].find(([, s]) => s === 2)![0];
    const kept = [1, 2, 3, 4].filter((m) => m !== cancelled);
    const next = problem(
      5,
      4,
      2,
      kept.map((m) => [base.meetings[m - 1]!.a, base.meetings[m - 1]!.b] as [number, number]),
    );
    next.previous = kept.map((m, i) => ({ meeting: i + 1, slot: slotOf.get(m)! }));
    // lock the meeting in slot 1
    const lockIdx = kept.findIndex((m) => slotOf.get(m) === 1);
    next.meetings[lockIdx]!.fixedSlot = 1;
    const r = solve(next);
    expectValid(next, r);
    expect(r.status).toBe('optimal');
    expect(r.breaks).toBe(0);
    expect(r.changes).toBe(1); // only the meeting in slot 3 or 4 moves, into slot 2... one move suffices
    expect(r.assignments.find((a) => a.meeting === lockIdx + 1)!.slot).toBe(1);
  });
});
