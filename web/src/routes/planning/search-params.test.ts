import { describe, expect, it } from 'vitest';
import {
  marketsApiQuery,
  monthOf,
  parseCalendarSearch,
  parseMarketsSearch,
  todayIso,
} from './search-params.ts';

describe('the markets page’s address', () => {
  it('keeps known filters and drops the rest', () => {
    expect(parseMarketsSearch({ q: 'japan', status: 'active', priority: 'high', x: 1 })).toEqual({
      q: 'japan',
      status: 'active',
      priority: 'high',
    });
    expect(parseMarketsSearch({ q: '  ', status: 'dormant', priority: 3 })).toEqual({});
    expect(parseMarketsSearch({ q: 'x'.repeat(101) })).toEqual({});
  });

  it('becomes the API query of one page', () => {
    expect(marketsApiQuery({ q: ' japan ', status: 'paused' }, 'next')).toEqual({
      q: 'japan',
      status: 'paused',
      limit: 50,
      cursor: 'next',
    });
    expect(marketsApiQuery({}, null)).toEqual({ limit: 50 });
  });
});

describe('the calendar’s address', () => {
  it('keeps a valid month and a market id', () => {
    expect(parseCalendarSearch({ month: '2026-11', marketId: 'm1' })).toEqual({
      month: '2026-11',
      marketId: 'm1',
    });
    expect(parseCalendarSearch({ month: '2026-13' })).toEqual({});
    expect(parseCalendarSearch({ month: 202611 })).toEqual({});
  });

  it('names the local month and day', () => {
    const date = new Date(2026, 0, 5, 23, 30);
    expect(monthOf(date)).toBe('2026-01');
    expect(todayIso(date)).toBe('2026-01-05');
  });
});
