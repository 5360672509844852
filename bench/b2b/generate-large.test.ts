import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/domain/scheduler/checker.ts';
import { solve } from '../../src/domain/scheduler/solver.ts';
import { generateLarge } from './generate-large.ts';

describe('synthetic large event', () => {
  it('generates the requested size, deterministically', () => {
    const a = generateLarge({ participants: 100, requests: 400, slots: 12, tables: 20, seed: 7 });
    const b = generateLarge({ participants: 100, requests: 400, slots: 12, tables: 20, seed: 7 });
    expect(a.meetings).toHaveLength(400);
    expect(a).toEqual(b);
    expect(new Set(a.meetings.map((m) => `${Math.min(m.a, m.b)}-${Math.max(m.a, m.b)}`)).size).toBe(400);
  });

  it.each([1, 2, 3])(
    'seed %i: the heuristic engine places a valid, fair schedule and bounds the placed weight',
    (seed) => {
      const p = generateLarge({ participants: 200, requests: 1000, slots: 24, tables: 30, seed });
      const r = solve(p, { timeLimitSeconds: 10 });
      expect(r.status).toBe('feasible');
      const c = checkSchedule(p, r, 2);
      expect(c.errors).toEqual([]);
      expect(r.assignments.length).toBeLessThanOrEqual(24 * 30);
      expect(r.placedWeight ?? 0).toBeLessThanOrEqual(r.placedWeightUpperBound ?? 0);
      expect(r.assignments.length + (r.unplaced?.length ?? 0)).toBe(1000);
    },
    30_000,
  );
});
