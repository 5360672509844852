import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/domain/random.ts';
import { LoadRecorder, latencySpread, outcomeOf, pickWeighted } from './load-stats.ts';
import { percentile } from './report.ts';

describe('percentile', () => {
  it('should take the nearest rank: the smallest value with at least p of the series at or below it', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted input
    expect(percentile(values, 0.95)).toBe(95);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 1)).toBe(100);
    expect(percentile([7, 3, 5], 0.95)).toBe(7);
    expect(percentile([42], 0.95)).toBe(42);
  });

  it('should refuse an empty series', () => {
    expect(() => percentile([], 0.95)).toThrow(/empty/);
  });
});

describe('latencySpread', () => {
  it('should give min, median, p95 and max of the series', () => {
    const values = [12, 3, 50, 7, 9, 200, 4, 8, 6, 5];
    expect(latencySpread(values)).toEqual({ min: 3, median: 7.5, p95: 200, max: 200 });
  });
});

describe('outcomeOf', () => {
  it('should count a 2xx as ok, an expected status as a conflict and anything else as an error', () => {
    expect(outcomeOf(200)).toBe('ok');
    expect(outcomeOf(204)).toBe('ok');
    expect(outcomeOf(409, [409])).toBe('conflict');
    expect(outcomeOf(409)).toBe('error');
    expect(outcomeOf(404, [409])).toBe('error');
    expect(outcomeOf(500, [409])).toBe('error');
    expect(outcomeOf(null, [409])).toBe('error');
  });
});

describe('pickWeighted', () => {
  const choices = [
    { weight: 3, value: 'a' },
    { weight: 0, value: 'never' },
    { weight: 1, value: 'b' },
  ];

  it('should pick by the weights', () => {
    expect(pickWeighted(choices, 0)).toBe('a');
    expect(pickWeighted(choices, 0.74)).toBe('a');
    expect(pickWeighted(choices, 0.75)).toBe('b');
    expect(pickWeighted(choices, 0.999999)).toBe('b');
  });

  it('should follow the weights over many seeded rolls and never pick a choice of weight 0', () => {
    const random = seededRandom(1);
    const seen = new Map<string, number>();
    for (let i = 0; i < 40_000; i++) {
      const value = pickWeighted(choices, random());
      seen.set(value, (seen.get(value) ?? 0) + 1);
    }
    expect(seen.has('never')).toBe(false);
    expect((seen.get('a') ?? 0) / 40_000).toBeCloseTo(0.75, 1);
  });

  it('should refuse choices without any weight', () => {
    expect(() => pickWeighted([{ weight: 0, value: 'x' }], 0.5)).toThrow(/weight/);
  });
});

describe(LoadRecorder.name, () => {
  it('should summarise each kind and each class, counting conflicts apart from errors', () => {
    const recorder = new LoadRecorder();
    recorder.record('list people', 'read', 10, 'ok');
    recorder.record('list people', 'read', 30, 'ok');
    recorder.record('plan page', 'read', 20, 'error', '500 boom');
    recorder.record('edit organisation', 'write', 40, 'conflict');
    recorder.record('edit organisation', 'write', 60, 'ok');

    const rows = recorder.summaries();
    expect(rows.map((row) => row.kind)).toEqual(['list people', 'plan page', 'edit organisation']);
    expect(rows[0]).toMatchObject({ count: 2, errors: 0, conflicts: 0, min: 10, median: 20, max: 30 });
    expect(recorder.total('read')).toMatchObject({ kind: 'all reads', count: 3, errors: 1, conflicts: 0 });
    expect(recorder.total('write')).toMatchObject({ count: 2, errors: 0, conflicts: 1, min: 40, max: 60 });
    expect(recorder.total('job')).toBeUndefined();
    expect(recorder.failures).toEqual(['plan page: 500 boom']);
  });

  it('should refuse one kind recorded under two classes', () => {
    const recorder = new LoadRecorder();
    recorder.record('x', 'read', 1, 'ok');
    expect(() => recorder.record('x', 'write', 1, 'ok')).toThrow(/read and as write/);
  });
});
