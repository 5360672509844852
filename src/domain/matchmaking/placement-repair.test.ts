import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assignment, Meeting, SchedulingProblem } from '../scheduler/model.ts';
import { breaksPerParticipant, placementErrors, repairPlacement } from './placement-repair.ts';

const problemOf = (
  nParticipants: number,
  nSlots: number,
  nTables: number,
  meetings: Meeting[],
  extra: Partial<SchedulingProblem> = {},
): SchedulingProblem => ({
  nParticipants,
  nSlots,
  nMorningSlots: nSlots,
  nTables,
  meetings,
  forbidden: Array.from({ length: nParticipants }, () => []),
  precedences: [],
  optionalMeetings: true,
  ...extra,
});
const m = (a: number, b: number, extra: Partial<Meeting> = {}): Meeting => ({
  a,
  b,
  session: 'either',
  ...extra,
});

describe('repairPlacement', () => {
  it('places an unplaced meeting in a slot where both sides are free, without moving anything', () => {
    const problem = problemOf(3, 2, 1, [m(1, 2), m(1, 3)]);
    const r = repairPlacement(problem, [{ meeting: 1, slot: 1, table: 1 }]);
    expect(r.assignments).toEqual([
      { meeting: 1, slot: 1, table: 1 },
      { meeting: 2, slot: 2, table: 1 },
    ]);
    expect(r).toMatchObject({ unplaced: [], inserted: 1, moved: 0, placedWeight: 2 });
  });

  it('moves a blocking meeting to another slot when the unplaced one has no free slot', () => {
    // participant 3 can only meet in slot 1, where 1 already meets 2; (1, 2) can move to slot 2
    const problem = problemOf(3, 2, 2, [m(1, 2), m(1, 3, { weight: 5 })], { forbidden: [[], [], [2]] });
    const r = repairPlacement(problem, [{ meeting: 1, slot: 1, table: 1 }]);
    expect(placementErrors(problem, r.assignments)).toEqual([]);
    expect(r.assignments.map((a) => [a.meeting, a.slot])).toEqual([
      [1, 2],
      [2, 1],
    ]);
    expect(r).toMatchObject({ unplaced: [], inserted: 1, moved: 1, placedWeight: 6 });
  });

  it('follows a chain of two moves', () => {
    // 4 only in slot 1 (with 1); 1-2 must leave slot 1 for slot 2, where 2-3 must leave for slot 3
    const problem = problemOf(4, 3, 3, [m(1, 2), m(2, 3), m(1, 4)], {
      forbidden: [[3], [], [1], [2, 3]],
    });
    const before: Assignment[] = [
      { meeting: 1, slot: 1, table: 1 },
      { meeting: 2, slot: 2, table: 1 },
    ];
    expect(repairPlacement(problem, before, { maxDepth: 1 }).unplaced).toEqual([3]);
    const r = repairPlacement(problem, before, { maxDepth: 2 });
    expect(placementErrors(problem, r.assignments)).toEqual([]);
    expect(r.assignments.map((a) => [a.meeting, a.slot])).toEqual([
      [1, 2],
      [2, 3],
      [3, 1],
    ]);
    expect(r).toMatchObject({ unplaced: [], inserted: 1, moved: 2 });
  });

  it('never moves a locked meeting (fixed slot)', () => {
    const problem = problemOf(3, 2, 2, [m(1, 2, { fixedSlot: 1 }), m(1, 3)], { forbidden: [[], [], [2]] });
    const r = repairPlacement(problem, [{ meeting: 1, slot: 1, table: 1 }]);
    expect(r).toMatchObject({ unplaced: [2], inserted: 0, moved: 0 });
    expect(r.assignments).toEqual([{ meeting: 1, slot: 1, table: 1 }]);
  });

  it('makes room when all tables of the only common slot are full, and keeps reserved tables', () => {
    // one table; 3-4 only in slot 1 where 1-2 sits; 1-2 can go to slot 2. Participant 4 sits at table 1.
    const problem = problemOf(4, 2, 1, [m(1, 2), m(3, 4)], {
      forbidden: [[], [], [2], []],
      participantTables: [0, 0, 0, 1],
    });
    const r = repairPlacement(problem, [{ meeting: 1, slot: 1, table: 1 }]);
    expect(placementErrors(problem, r.assignments)).toEqual([]);
    expect(r.assignments).toEqual([
      { meeting: 1, slot: 2, table: 1 },
      { meeting: 2, slot: 1, table: 1 },
    ]);
  });

  it('leaves the assignments unchanged when nothing can be inserted, and keeps tables of unmoved meetings', () => {
    const problem = problemOf(2, 1, 3, [m(1, 2), m(1, 2)]);
    const before = [{ meeting: 1, slot: 1, table: 3 }];
    const r = repairPlacement(problem, before);
    expect(r).toMatchObject({ assignments: before, unplaced: [2], inserted: 0 });
  });

  it('keeps within the break limit when it can, and places anyway when it cannot', () => {
    // 1 meets 2 in slot 1 and 3 in slot 3; (1, 4): 4 is free in slots 2 and 5 (slot 2 fills 1's gap)
    const problem = problemOf(5, 5, 2, [m(1, 2), m(1, 3), m(1, 4), m(5, 4)], {
      forbidden: [[], [], [], [1, 3, 4], []],
    });
    const before = [
      { meeting: 1, slot: 1, table: 1 },
      { meeting: 2, slot: 3, table: 1 },
      { meeting: 4, slot: 2, table: 1 },
    ];
    // slot 2 needs (5, 4) moved to slot 5; slot 5 would give participant 1 two breaks
    const within = repairPlacement(problem, before, { maxBreaks: 1 });
    expect(placementErrors(problem, within.assignments)).toEqual([]);
    expect(within.assignments.find((a) => a.meeting === 3)?.slot).toBe(2);
    expect(breaksPerParticipant(problem, within.assignments)).toEqual([0, 0, 0, 1, 0]);
    // participant 4 only free in slot 5 now: over the limit, but placed
    const only5 = {
      ...problem,
      meetings: problem.meetings.slice(0, 3),
      forbidden: [[], [], [], [1, 2, 3, 4], []],
    };
    const anyway = repairPlacement(only5, [before[0]!, before[1]!], { maxBreaks: 1 });
    expect(anyway.assignments.find((a) => a.meeting === 3)?.slot).toBe(5);
    expect(breaksPerParticipant(only5, anyway.assignments)[0]).toBe(2);
  });

  it('stops at its time budget', () => {
    let t = 0;
    const problem = problemOf(3, 2, 2, [m(1, 2), m(1, 3)], { forbidden: [[], [], [2]] });
    const r = repairPlacement(problem, [{ meeting: 1, slot: 1, table: 1 }], {
      budgetMs: 0,
      now: () => (t += 10),
    });
    expect(r.timedOut || r.inserted === 1).toBe(true);
    expect(placementErrors(problem, r.assignments)).toEqual([]);
  });

  it('counts breaks per participant', () => {
    const problem = problemOf(3, 4, 2, [m(1, 2), m(1, 3)]);
    expect(
      breaksPerParticipant(problem, [
        { meeting: 1, slot: 1, table: 1 },
        { meeting: 2, slot: 4, table: 1 },
      ]),
    ).toEqual([1, 0, 0]);
  });

  it('always returns a valid schedule that keeps every placed meeting and every locked slot (property)', () => {
    const arbitrary = fc
      .record({
        nParticipants: fc.integer({ min: 2, max: 7 }),
        nSlots: fc.integer({ min: 1, max: 5 }),
        nTables: fc.integer({ min: 1, max: 4 }),
      })
      .chain((dims) =>
        fc.record({
          dims: fc.constant(dims),
          meetings: fc.array(
            fc.record({
              a: fc.integer({ min: 1, max: dims.nParticipants }),
              b: fc.integer({ min: 1, max: dims.nParticipants }),
              weight: fc.constantFrom(1, 2, 5),
              lockedSlot: fc.option(fc.integer({ min: 1, max: dims.nSlots }), { nil: undefined }),
            }),
            { minLength: 1, maxLength: 16 },
          ),
          forbidden: fc.array(fc.array(fc.integer({ min: 1, max: dims.nSlots }), { maxLength: 3 }), {
            minLength: dims.nParticipants,
            maxLength: dims.nParticipants,
          }),
          capacity: fc.array(fc.integer({ min: 1, max: 2 }), {
            minLength: dims.nParticipants,
            maxLength: dims.nParticipants,
          }),
          reserved: fc.array(fc.integer({ min: 0, max: dims.nTables }), {
            minLength: dims.nParticipants,
            maxLength: dims.nParticipants,
          }),
          order: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 16, maxLength: 16 }),
        }),
      );
    fc.assert(
      fc.property(arbitrary, ({ dims, meetings, forbidden, capacity, reserved, order }) => {
        const problem = problemOf(
          dims.nParticipants,
          dims.nSlots,
          dims.nTables,
          meetings.filter((x) => x.a !== x.b).map((x) => m(x.a, x.b, { weight: x.weight })),
          {
            forbidden,
            participantCapacity: capacity.map((c, p) => (reserved[p]! > 0 ? 1 : c)),
            participantTables: reserved,
          },
        );
        // a valid starting placement: meetings in a shuffled order, each in the first slot that keeps it valid;
        // a meeting placed first may be locked in its slot
        const start: Assignment[] = [];
        const ids = problem.meetings.map((_, i) => i + 1).sort((x, y) => order[x % 16]! - order[y % 16]!);
        for (const id of ids) {
          for (let s = 1; s <= problem.nSlots; s++) {
            const used = new Set(start.filter((a) => a.slot === s).map((a) => a.table));
            const mt = problem.meetings[id - 1]!;
            const want = reserved[mt.a - 1] || reserved[mt.b - 1] || 0;
            let table = want;
            if (!table) for (table = 1; used.has(table); table++);
            const attempt = [...start, { meeting: id, slot: s, table }];
            if (placementErrors(problem, attempt).length === 0) {
              start.push({ meeting: id, slot: s, table });
              if (meetings[id - 1]?.lockedSlot !== undefined && order[id % 16]! % 3 === 0) mt.fixedSlot = s;
              break;
            }
          }
        }
        expect(placementErrors(problem, start)).toEqual([]);
        const r = repairPlacement(problem, start, {
          budgetMs: 200,
          maxBreaks: order[0]! % 2 === 0 ? 1 : null,
        });
        expect(placementErrors(problem, r.assignments)).toEqual([]);
        const placedAfter = new Map(r.assignments.map((a) => [a.meeting, a]));
        for (const a of start) {
          expect(placedAfter.has(a.meeting)).toBe(true);
          if (problem.meetings[a.meeting - 1]!.fixedSlot)
            expect(placedAfter.get(a.meeting)!.slot).toBe(a.slot);
        }
        expect(r.assignments.length + r.unplaced.length).toBe(problem.meetings.length);
        expect(r.inserted).toBe(r.assignments.length - start.length);
        const weight = r.assignments.reduce((w, a) => w + (problem.meetings[a.meeting - 1]!.weight ?? 1), 0);
        expect(r.placedWeight).toBe(weight);
      }),
      { numRuns: 300 },
    );
  });
});
