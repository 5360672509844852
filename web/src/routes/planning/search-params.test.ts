import { describe, expect, it } from 'vitest';
import {
  calendarApiQuery,
  calendarFilters,
  calendarPeriod,
  marketsApiQuery,
  monthOf,
  parseCalendarSearch,
  parseMarketsSearch,
  shiftCalendarPeriod,
  switchCalendarView,
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

  it('keeps the view, the week (as its Monday) and the filters, and drops what it does not know', () => {
    expect(
      parseCalendarSearch({
        view: 'week',
        week: '2027-01-14',
        planId: 'p1',
        instrument: 'study-visits',
        status: 'confirmed',
        colour: 'red',
      }),
    ).toEqual({
      view: 'week',
      week: '2027-01-11',
      planId: 'p1',
      instrument: 'study-visits',
      status: 'confirmed',
    });
    expect(parseCalendarSearch({ view: 'year', week: '2027-02-30', status: 'maybe' })).toEqual({});
  });

  it('asks the API for the activities overlapping the period, with the filters', () => {
    const search = parseCalendarSearch({
      view: 'agenda',
      month: '2027-01',
      marketId: 'm1',
      instrument: '1.1.3',
    });
    expect(calendarFilters(search)).toEqual({ marketId: 'm1', instrument: '1.1.3' });
    expect(calendarApiQuery(search, { from: '2027-01-01', to: '2027-01-31' }, 500)).toEqual({
      from: '2027-01-01',
      to: '2027-01-31',
      marketId: 'm1',
      instrumentKey: '1.1.3',
      limit: 500,
    });
  });

  it('shows the month or the week of the address, or the one holding today', () => {
    const today = '2026-12-07';
    expect(calendarPeriod({}, 'month', today)).toEqual({
      view: 'month',
      month: '2026-12',
      week: '2026-11-30',
      range: { from: '2026-11-30', to: '2027-01-03' },
      inside: { from: '2026-12-01', to: '2026-12-31' },
    });
    expect(calendarPeriod({ week: '2027-01-11' }, 'week', today)).toEqual({
      view: 'week',
      month: '2027-01',
      week: '2027-01-11',
      range: { from: '2027-01-11', to: '2027-01-17' },
      inside: { from: '2027-01-11', to: '2027-01-17' },
    });
    expect(calendarPeriod({}, 'week', today).range).toEqual({ from: '2026-12-07', to: '2026-12-13' });
  });

  it('keeps the period and the filters when the view changes', () => {
    const today = '2026-12-07';
    // January 2027 starts on a Friday: its first full week is the one of the 4th.
    expect(switchCalendarView({ month: '2027-01', marketId: 'm1' }, 'month', 'week', today)).toEqual({
      view: 'week',
      week: '2027-01-04',
      marketId: 'm1',
    });
    expect(switchCalendarView({ view: 'week', week: '2026-12-28' }, 'week', 'agenda', today)).toEqual({
      view: 'agenda',
    });
    expect(switchCalendarView({ view: 'week', week: '2027-01-25' }, 'week', 'month', today)).toEqual({
      view: 'month',
      month: '2027-01',
    });
    // This month's week view opens on this week, and leaves it out of the address.
    expect(switchCalendarView({}, 'month', 'week', today)).toEqual({ view: 'week' });
  });

  it('moves by a month or a week, and leaves the current one out of the address', () => {
    const today = '2026-12-07';
    expect(shiftCalendarPeriod({ status: 'done' }, 'month', 1, today)).toEqual({
      status: 'done',
      month: '2027-01',
    });
    expect(shiftCalendarPeriod({ month: '2027-01' }, 'agenda', -1, today)).toEqual({});
    expect(shiftCalendarPeriod({ view: 'week', week: '2026-12-28' }, 'week', 1, today)).toEqual({
      view: 'week',
      week: '2027-01-04',
    });
    expect(shiftCalendarPeriod({ view: 'week', week: '2026-12-14' }, 'week', -1, today)).toEqual({
      view: 'week',
    });
  });

  it('names the local month and day', () => {
    const date = new Date(2026, 0, 5, 23, 30);
    expect(monthOf(date)).toBe('2026-01');
    expect(todayIso(date)).toBe('2026-01-05');
  });
});
