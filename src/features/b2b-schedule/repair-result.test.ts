import { describe, expect, it } from 'vitest';
import type { ScheduleResult, SchedulingProblem } from '../../domain/scheduler/model.ts';
import { repairResult } from './schedule-job.ts';

// participant 3 can only meet in slot 1, where 1 already meets 2: the repair moves (1, 2) to slot 2
const problem: SchedulingProblem = {
  nParticipants: 3,
  nSlots: 3,
  nMorningSlots: 3,
  nTables: 2,
  meetings: [
    { a: 1, b: 2, session: 'either', weight: 2 },
    { a: 1, b: 3, session: 'either', weight: 5 },
  ],
  forbidden: [[], [], [2, 3]],
  precedences: [],
  optionalMeetings: true,
  previous: [{ meeting: 1, slot: 1 }],
};
const engine: ScheduleResult = {
  status: 'feasible',
  breaks: 0,
  lowerBound: 0,
  maxBreakSpread: 0,
  seconds: 1.5,
  assignments: [{ meeting: 1, slot: 1, table: 1 }],
  unplaced: [2],
  placedWeight: 2,
  placedWeightUpperBound: 7,
  changes: 0,
};

describe('repairResult', () => {
  it('inserts the unplaced meetings and recomputes the figures of the new schedule', () => {
    const { result, repair } = repairResult(problem, engine, 500);
    expect(repair).toMatchObject({ placedBefore: 1, inserted: 1, moved: 1 });
    expect(result).toMatchObject({
      status: 'feasible',
      breaks: 0,
      maxBreakSpread: 0,
      unplaced: [],
      placedWeight: 7,
      placedWeightUpperBound: 7,
      changes: 1,
    });
    expect(result.assignments.map((a) => [a.meeting, a.slot])).toEqual([
      [1, 2],
      [2, 1],
    ]);
    expect(result.seconds).toBeGreaterThanOrEqual(engine.seconds);
  });

  it('does not run when the engine proved its placement best, or found nothing', () => {
    expect(repairResult(problem, { ...engine, placedWeightUpperBound: 2 }, 500)).toEqual({
      result: { ...engine, placedWeightUpperBound: 2 },
      repair: null,
    });
    const unknown: ScheduleResult = { ...engine, status: 'unknown', assignments: [] };
    expect(repairResult(problem, unknown, 500).repair).toBeNull();
  });

  it('keeps the engine answer when nothing can be inserted (participant 1 only free in slot 1)', () => {
    const stuck: SchedulingProblem = { ...problem, forbidden: [[2, 3], [], [2, 3]] };
    const { result, repair } = repairResult(stuck, engine, 500);
    expect(repair).toMatchObject({ placedBefore: 1, inserted: 0, moved: 0 });
    expect({ ...result, seconds: engine.seconds }).toEqual(engine);
  });
});
