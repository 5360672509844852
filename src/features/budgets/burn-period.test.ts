import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../domain/errors.ts';
import { burnPeriod, cumulative, monthsOf } from './burn-period.ts';

describe('burnPeriod', () => {
  it('is the calendar year of today without dates', () => {
    expect(burnPeriod({}, '2026-07-14')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(burnPeriod({}, '2026-07-14', 4)).toEqual({ from: '2026-04-01', to: '2027-03-31' });
    expect(burnPeriod({}, '2026-02-14', 10)).toEqual({ from: '2025-10-01', to: '2026-09-30' });
  });

  it('keeps the dates given', () => {
    expect(burnPeriod({ from: '2025-06-01', to: '2026-05-31' }, '2026-07-14')).toEqual({
      from: '2025-06-01',
      to: '2026-05-31',
    });
  });

  it("ends a period given only its start at the end of the start's year", () => {
    expect(burnPeriod({ from: '2024-03-15' }, '2026-07-14')).toEqual({
      from: '2024-03-15',
      to: '2024-12-31',
    });
  });

  it("starts a period given only its end on the first day of the end's year", () => {
    expect(burnPeriod({ to: '2027-02-10' }, '2026-07-14')).toEqual({ from: '2027-01-01', to: '2027-02-10' });
  });

  it('allows a period just under ten years, up to the last four-digit year', () => {
    expect(burnPeriod({ from: '2020-01-01', to: '2029-12-31' }, '2026-07-14').to).toBe('2029-12-31');
    expect(burnPeriod({ from: '2020-02-29', to: '2030-02-28' }, '2026-07-14').to).toBe('2030-02-28');
    expect(burnPeriod({ to: '9999-12-31' }, '2026-07-14')).toEqual({ from: '9999-01-01', to: '9999-12-31' });
  });

  it.each([
    ['ends before it starts', { from: '2026-05-01', to: '2026-04-30' }],
    ['spans ten years', { from: '2020-01-01', to: '2030-01-01' }],
    ['spans ten years from 29 February', { from: '2020-02-29', to: '2030-03-01' }],
  ])('refuses a period that %s, naming query.to', (_name, query) => {
    try {
      burnPeriod(query, '2026-07-14');
      expect.fail('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).errors.map((e) => e.field)).toEqual(['query.to']);
    }
  });
});

describe('monthsOf', () => {
  it('lists every month the period touches, across a year end', () => {
    expect(monthsOf({ from: '2026-11-15', to: '2027-01-10' })).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it('gives one month for a period inside it', () => {
    expect(monthsOf({ from: '2026-03-02', to: '2026-03-04' })).toEqual(['2026-03']);
  });

  it('gives twelve months for a calendar year', () => {
    const months = monthsOf({ from: '2026-01-01', to: '2026-12-31' });
    expect(months).toHaveLength(12);
    expect([months[0], months[11]]).toEqual(['2026-01', '2026-12']);
  });
});

describe('cumulative', () => {
  it('sums as it goes', () => {
    expect(cumulative([10, 0, 5])).toEqual([10, 10, 15]);
    expect(cumulative([])).toEqual([]);
  });
});
