import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDate } from './dates.ts';

describe('calendar dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate('2025-01-01T00:00:00Z')).toBe(false);
  });

  it('moves dates across month, year and leap-day boundaries', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-03-30', 365)).toBe('2026-03-30');
  });

  it('counts whole days between two dates, negative backwards', () => {
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2025-03-31', '2025-03-01')).toBe(-30);
    // Across a daylight-saving change in most of Europe: still whole days.
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
  });
});
