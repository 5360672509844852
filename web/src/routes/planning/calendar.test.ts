import { describe, expect, it } from 'vitest';
import { isMonth, monthGrid, monthRange, shiftMonth } from './calendar.ts';

describe('monthRange', () => {
  it('starts on the Monday before the 1st and ends on the Sunday after the last day', () => {
    // 1 Nov 2026 is a Sunday; 30 Nov 2026 a Monday.
    expect(monthRange('2026-11')).toEqual({ from: '2026-10-26', to: '2026-12-06' });
  });

  it('starts on the 1st when the 1st is a Monday', () => {
    // 1 Feb 2027 is a Monday, 28 Feb 2027 a Sunday: exactly four weeks.
    expect(monthRange('2027-02')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });
});

describe('monthGrid', () => {
  it('puts an activity on every day it runs, including days of the neighbouring months', () => {
    const grid = monthGrid('2027-02', [
      { id: 'fair', startsOn: '2027-01-30', endsOn: '2027-02-02' },
      { id: 'visit', startsOn: '2027-02-10', endsOn: '2027-02-10' },
    ]);
    expect(grid).toHaveLength(4);
    expect(grid.every((week) => week.length === 7)).toBe(true);
    const days = grid.flat();
    const on = (date: string) => days.find((d) => d.date === date)?.activities.map((a) => a.id);
    expect(on('2027-02-01')).toEqual(['fair']);
    expect(on('2027-02-02')).toEqual(['fair']);
    expect(on('2027-02-03')).toEqual([]);
    expect(on('2027-02-10')).toEqual(['visit']);
    expect(days.filter((d) => d.activities.length > 0).map((d) => d.date)).toEqual([
      '2027-02-01',
      '2027-02-02',
      '2027-02-10',
    ]);
  });

  it('marks the days outside the month', () => {
    const days = monthGrid('2026-11', []).flat();
    expect(days).toHaveLength(42);
    expect(days.filter((d) => d.inMonth)).toHaveLength(30);
    expect(days[0]).toEqual({ date: '2026-10-26', inMonth: false, activities: [] });
  });
});

describe('shiftMonth / isMonth', () => {
  it('moves across year ends', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-05', -17)).toBe('2024-12');
  });

  it('accepts only YYYY-MM', () => {
    expect(isMonth('2026-11')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-1')).toBe(false);
    expect(isMonth(202611)).toBe(false);
  });
});
