import { describe, expect, it } from 'vitest';
import { problem } from '../../../test/support/scheduler.ts';
import { checkSchedule } from './checker.ts';
import { assignTables } from './tables.ts';

describe('checkSchedule (independent checker)', () => {
  const p = problem(3, 4, 1, [
    [1, 2],
    [1, 3],
  ]);
  const ok = {
    assignments: [
      { meeting: 1, slot: 1, table: 1 },
      { meeting: 2, slot: 3, table: 1 },
    ],
    breaks: 1,
    maxBreakSpread: 1,
  };

  it('recomputes breaks: an idle run between two meetings is one break', () => {
    const c = checkSchedule(p, ok);
    expect(c.errors).toEqual([]);
    expect(c.breaksPerParticipant).toEqual([1, 0, 0]);
  });

  it('flags wrong reported figures, double booking, missing meetings, capacity and fairness', () => {
    expect(checkSchedule(p, { ...ok, breaks: 0 }).errors.join()).toMatch(/reported breaks/);
    const dbl = {
      ...ok,
      assignments: [
        { meeting: 1, slot: 1, table: 1 },
        { meeting: 2, slot: 1, table: 2 },
      ],
    };
    expect(checkSchedule(p, { ...dbl, breaks: null, maxBreakSpread: null }).errors.join()).toMatch(
      /double-booked/,
    );
    expect(checkSchedule(p, { ...ok, assignments: [ok.assignments[0]!] }).errors.join()).toMatch(
      /not scheduled/,
    );
    const q = problem(4, 1, 1, [
      [1, 2],
      [3, 4],
    ]);
    const two = {
      assignments: [
        { meeting: 1, slot: 1, table: 1 },
        { meeting: 2, slot: 1, table: 1 },
      ],
      breaks: 0,
      maxBreakSpread: 0,
    };
    const errs = checkSchedule(q, two).errors.join();
    expect(errs).toMatch(/tables/);
    expect(errs).toMatch(/used twice/);
    expect(checkSchedule(p, ok, 0).errors.join()).toMatch(/fairness/);
  });

  it('flags sessions, forbidden and fixed slots and precedences', () => {
    const q = problem(3, 4, 1, [
      [1, 2],
      [1, 3],
    ]);
    q.nMorningSlots = 2;
    q.meetings[0]!.session = 'afternoon';
    q.meetings[1]!.fixedSlot = 4;
    q.forbidden[2] = [3];
    q.precedences = [[2, 1]];
    const errs = checkSchedule(q, { ...ok, breaks: null, maxBreakSpread: null }).errors.join('\n');
    expect(errs).toMatch(/afternoon/);
    expect(errs).toMatch(/fixed slot/);
    expect(errs).toMatch(/forbidden/);
    expect(errs).toMatch(/precedence/);
  });
});

describe('assignTables', () => {
  it('gives distinct tables per slot and honours fixed tables', () => {
    const p = problem(6, 2, 3, [
      [1, 2],
      [3, 4],
      [5, 6],
      [1, 3],
    ]);
    p.participantTables = [0, 0, 0, 0, 1, 0];
    const t = assignTables(p, [1, 1, 1, 2]);
    expect(t[2]).toBe(1);
    expect(new Set(t.slice(0, 3)).size).toBe(3);
    expect(t[3]).toBe(1);
  });
});
