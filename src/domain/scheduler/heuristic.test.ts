import { describe, expect, it } from 'vitest';
import { problem } from '../../../test/support/scheduler.ts';
import { heuristicSchedule, maskBreaks, placementUpperBound } from './heuristic.ts';
import { computeDomains } from './solver.ts';

describe('heuristic engine', () => {
  it('counts breaks of a busy mask', () => {
    expect(maskBreaks(0)).toBe(0);
    expect(maskBreaks(0b111)).toBe(0);
    expect(maskBreaks(0b101)).toBe(1);
    expect(maskBreaks(0b1001101)).toBe(2);
  });

  it('bounds the placed weight by table capacity and by participant slots', () => {
    const p = problem(4, 2, 1, [
      [1, 2],
      [1, 3],
      [1, 4],
      [2, 3],
    ]);
    const { dom } = computeDomains(p);
    expect(placementUpperBound(p, dom)).toBe(2);
    const q = problem(4, 2, 5, [
      [1, 2],
      [1, 3],
      [1, 4],
    ]);
    expect(placementUpperBound(q, computeDomains(q).dom)).toBe(2);
  });

  it('places what fits without double booking and keeps breaks <= d', () => {
    const p = problem(4, 3, 1, [
      [1, 2],
      [1, 3],
      [1, 4],
      [2, 3],
    ]);
    p.optionalMeetings = true;
    const h = heuristicSchedule(p, computeDomains(p).dom, 0, Date.now() + 1000);
    expect(h.slotOf.filter((s) => s > 0)).toHaveLength(3);
    expect(h.breaks).toBe(0);
  });
});
