import { describe, expect, it } from 'vitest';
import { formatKpiValue, formatProgress, kpiInputValue, kpiValueError, progressOf } from './kpi-values.ts';

describe('formatKpiValue shows each kind as people read it', () => {
  it('money in EUR, ratings out of 5, percentages, counts and text', () => {
    expect(formatKpiValue('money', 1234.5)).toBe('€1,234.50');
    expect(formatKpiValue('money', -200.25)).toBe('-€200.25');
    expect(formatKpiValue('rating', 11.5 / 3)).toBe('3.83/5');
    expect(formatKpiValue('percent', 37.5)).toBe('37.5 %');
    expect(formatKpiValue('count', 12_000)).toBe('12,000');
    expect(formatKpiValue('text', 'Slow procurement')).toBe('Slow procurement');
  });
});

describe('progressOf', () => {
  it('is actual ÷ target, and null without both or with a target of 0', () => {
    expect(progressOf(30, 40)).toBe(0.75);
    expect(progressOf(50, 40)).toBe(1.25);
    expect(progressOf(null, 40)).toBeNull();
    expect(progressOf(3, null)).toBeNull();
    expect(progressOf(3, 0)).toBeNull();
    expect(formatProgress(0.756)).toBe('76%');
  });
});

describe('kpiValueError mirrors the server’s rules', () => {
  it('wants a whole, non-negative count', () => {
    expect(kpiValueError('count', '', 'entry')).toBe('is required');
    expect(kpiValueError('count', 2.5, 'entry')).toBe('must be a whole number');
    expect(kpiValueError('count', -1, 'target')).toBe('must not be negative');
    expect(kpiValueError('count', 12, 'entry')).toBeUndefined();
  });

  it('lets an entered amount fall below 0, never a target; cents at most', () => {
    expect(kpiValueError('money', -250.75, 'entry')).toBeUndefined();
    expect(kpiValueError('money', -1, 'target')).toBe('must not be negative');
    expect(kpiValueError('money', 0.125, 'entry')).toBe('must have at most two decimals');
  });

  it('keeps percentages within 0–100, ratings within 1–5, text within 2,000 characters', () => {
    expect(kpiValueError('percent', 101, 'entry')).toBe('must be a percentage from 0 to 100');
    expect(kpiValueError('percent', 0, 'target')).toBeUndefined();
    expect(kpiValueError('rating', 0.5, 'entry')).toBe('must be a rating from 1 to 5');
    expect(kpiValueError('rating', 4.5, 'entry')).toBeUndefined();
    expect(kpiValueError('text', '   ', 'entry')).toBe('is required');
    expect(kpiValueError('text', 'x'.repeat(2_001), 'entry')).toBe('must be at most 2,000 characters');
  });

  it('reads a form input as the API takes it', () => {
    expect(kpiInputValue('money', '820.50')).toBe(820.5);
    expect(kpiInputValue('text', '  Good leads  ')).toBe('Good leads');
  });
});
