import { describe, expect, it } from 'vitest';
import {
  isIsoDay,
  isValidPeriod,
  parseDashboardSearch,
  periodOf,
  presetOf,
  presetPeriod,
  searchOf,
} from './period.ts';

// 14 July 2026, local time.
const today = new Date(2026, 6, 14);

describe('the period picker’s quick choices', () => {
  it('gives this year, last year and the last twelve months', () => {
    expect(presetPeriod('thisYear', today)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(presetPeriod('lastYear', today)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(presetPeriod('last12Months', today)).toEqual({ from: '2025-08-01', to: '2026-07-14' });
  });

  it('starts the last twelve months in the previous year in January', () => {
    expect(presetPeriod('last12Months', new Date(2026, 0, 5))).toEqual({
      from: '2025-02-01',
      to: '2026-01-05',
    });
  });

  it('recognises a period as a quick choice, or none', () => {
    expect(presetOf({ from: '2025-01-01', to: '2025-12-31' }, today)).toBe('lastYear');
    expect(presetOf({ from: '2025-01-01', to: '2025-12-30' }, today)).toBeNull();
  });
});

describe('the dashboard address', () => {
  it('keeps a valid period and a market', () => {
    expect(parseDashboardSearch({ from: '2025-03-01', to: '2025-09-30', marketId: 'm1' })).toEqual({
      from: '2025-03-01',
      to: '2025-09-30',
      marketId: 'm1',
    });
  });

  it.each([
    ['one day only', { from: '2025-03-01' }],
    ['a day that does not exist', { from: '2025-02-30', to: '2025-03-01' }],
    ['an end before the start', { from: '2025-03-01', to: '2025-02-01' }],
    ['ten years', { from: '2020-01-01', to: '2030-01-01' }],
    ['not dates', { from: 'yesterday', to: 42 }],
  ])('drops %s', (_name, raw) => {
    expect(parseDashboardSearch(raw)).toEqual({});
  });

  it('drops an empty or oversized market id', () => {
    expect(parseDashboardSearch({ marketId: '' })).toEqual({});
    expect(parseDashboardSearch({ marketId: 'x'.repeat(101) })).toEqual({});
  });

  it('shows this year without dates, and leaves this year out of the address', () => {
    expect(periodOf({}, today)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(searchOf({ from: '2026-01-01', to: '2026-12-31' }, undefined, today)).toEqual({});
    expect(searchOf({ from: '2025-01-01', to: '2025-12-31' }, 'm1', today)).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
      marketId: 'm1',
    });
  });
});

describe('day checks', () => {
  it('accepts real days only', () => {
    expect(isIsoDay('2028-02-29')).toBe(true);
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('2026-1-01')).toBe(false);
  });

  it('accepts a period of one day and one just under ten years', () => {
    expect(isValidPeriod({ from: '2026-01-01', to: '2026-01-01' })).toBe(true);
    expect(isValidPeriod({ from: '2020-01-01', to: '2029-12-31' })).toBe(true);
    expect(isValidPeriod({ from: '9995-01-01', to: '9999-12-31' })).toBe(true);
    expect(isValidPeriod({ from: '2020-01-01', to: '2030-01-01' })).toBe(false);
  });
});
