import { describe, expect, it } from 'vitest';
import { lastDayOfYears, reportRequestSchema } from './schema.ts';

describe('report request', () => {
  it('ends a period of ten years on the day before the tenth anniversary', () => {
    expect(lastDayOfYears('2026-01-01', 10)).toBe('2035-12-31');
    expect(lastDayOfYears('2026-07-15', 10)).toBe('2036-07-14');
    // 29 February has no anniversary in 2034: the period ends on 28 February.
    expect(lastDayOfYears('2024-02-29', 10)).toBe('2034-02-28');
  });

  it('accepts ten years and refuses a day more, naming `to`', () => {
    expect(
      reportRequestSchema.safeParse({ from: '2026-01-01', to: '2035-12-31', format: 'pdf' }).success,
    ).toBe(true);
    const longer = reportRequestSchema.safeParse({ from: '2026-01-01', to: '2036-01-01', format: 'pdf' });
    expect(longer.error?.issues.map((issue) => issue.path)).toEqual([['to']]);
  });

  it('refuses a period that ends before it starts, naming `to`; one day is fine', () => {
    const backwards = reportRequestSchema.safeParse({ from: '2026-02-01', to: '2026-01-31', format: 'xlsx' });
    expect(backwards.error?.issues).toEqual([
      expect.objectContaining({ path: ['to'], message: 'must not be before from (2026-02-01)' }),
    ]);
    expect(
      reportRequestSchema.safeParse({ from: '2026-02-01', to: '2026-02-01', format: 'xlsx' }).success,
    ).toBe(true);
  });
});
