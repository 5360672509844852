import { describe, expect, it } from 'vitest';
import { aggregationOf, kpiValueProblem } from './values.ts';

describe('kpiValueProblem', () => {
  it.each([
    ['count', 3, 'entry'],
    ['count', 0, 'target'],
    ['money', 1234.56, 'entry'],
    ['money', -500, 'entry'],
    ['percent', 100, 'target'],
    ['rating', 4.5, 'entry'],
    ['text', 'Remarks', 'entry'],
  ] as const)('should accept a %s of %s as an %s', (kind, value, use) => {
    expect(kpiValueProblem(kind, value, use)).toBeNull();
  });

  it.each([
    ['count', 'three', 'entry', 'must be a number for a count KPI'],
    ['count', -1, 'entry', 'must not be negative for a count'],
    ['count', 1.5, 'entry', 'must be a whole number for a count'],
    ['money', 10.001, 'entry', 'must have at most 2 decimals'],
    ['money', -1, 'target', 'must not be negative for a target'],
    ['percent', 101, 'entry', 'must be a percentage from 0 to 100'],
    ['rating', 0, 'entry', 'must be a rating from 1 to 5'],
    ['rating', Number.NaN, 'entry', 'must be a number for a rating KPI'],
    ['text', 42, 'entry', 'must be text for a text KPI'],
    ['text', '   ', 'entry', 'must not be empty'],
    ['text', 'x'.repeat(2_001), 'entry', 'must be at most 2000 characters'],
    ['text', 'A target', 'target', 'a text KPI has no numeric target'],
  ] as const)('should refuse a %s of %j as an %s', (kind, value, use, problem) => {
    expect(kpiValueProblem(kind, value, use)).toBe(problem);
  });
});

describe('aggregationOf', () => {
  it('should sum counts and money, average ratings and percentages, list text', () => {
    expect(['count', 'money', 'percent', 'rating', 'text'].map((k) => aggregationOf(k as 'count'))).toEqual([
      'sum',
      'sum',
      'mean',
      'mean',
      'list',
    ]);
  });
});
