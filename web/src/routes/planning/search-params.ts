/**
 * The planning pages' address parameters (`/markets?status=active&q=japan`,
 * `/calendar?month=2026-11&marketId=…`): read leniently (anything unknown is dropped, so an edited
 * or old link still opens) and turned into the API's query. Pure, so it is unit-tested.
 */
import type {
  ActivityStatus,
  ListActivitiesQuery,
  ListMarketsQuery,
  MarketPriority,
  MarketStatus,
} from '../../api/types.ts';
import { ACTIVITY_STATUSES, MARKET_PRIORITIES, MARKET_STATUSES } from '../../api/vocabulary.ts';
import { sortParam } from '../../components/list-sort.ts';
import {
  addDays,
  type DayRange,
  isDay,
  isMonth,
  mondayOf,
  monthDays,
  monthOfWeek,
  monthRange,
  shiftMonth,
} from './calendar.ts';

export const MARKET_PAGE_SIZE = 50;
/** The columns the markets list sorts by (the API's keys); without `sort`, the order they were added. */
export const MARKET_SORTS = ['name', 'country', 'priority', 'status', 'plans'] as const;
export const MARKET_DEFAULT_SORT = 'createdAt';

export interface MarketsSearch {
  q?: string;
  status?: MarketStatus;
  priority?: MarketPriority;
  sort?: (typeof MARKET_SORTS)[number] | `-${(typeof MARKET_SORTS)[number]}`;
}

export const CALENDAR_VIEWS = ['month', 'week', 'agenda'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

export interface CalendarSearch {
  /** Absent: the month on a wide screen, the agenda on a phone. */
  view?: CalendarView;
  /** `YYYY-MM` of the month and agenda views; absent: the current month. */
  month?: string;
  /** The Monday of the week view (`YYYY-MM-DD`); absent: this week. */
  week?: string;
  marketId?: string;
  planId?: string;
  /** An instrument key or D4.2 code. */
  instrument?: string;
  status?: ActivityStatus;
}

function text(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value.trim() !== '' && value.length <= max ? value : undefined;
}

function oneOf<T extends string>(list: readonly T[], value: unknown): T | undefined {
  return list.includes(value as T) ? (value as T) : undefined;
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** `validateSearch` of the markets page. */
export function parseMarketsSearch(raw: Record<string, unknown>): MarketsSearch {
  return compact({
    q: text(raw.q, 100),
    status: oneOf(MARKET_STATUSES, raw.status),
    priority: oneOf(MARKET_PRIORITIES, raw.priority),
    sort: sortParam(raw.sort, MARKET_SORTS),
  });
}

/** The API query of one page of markets. */
export function marketsApiQuery(search: MarketsSearch, cursor: string | null): ListMarketsQuery {
  return compact({
    q: search.q?.trim() || undefined,
    status: search.status,
    priority: search.priority,
    sort: search.sort,
    limit: MARKET_PAGE_SIZE,
    cursor: cursor ?? undefined,
  });
}

/** `validateSearch` of the calendar: any day of a week stands for its Monday. */
export function parseCalendarSearch(raw: Record<string, unknown>): CalendarSearch {
  return compact({
    view: oneOf(CALENDAR_VIEWS, raw.view),
    month: isMonth(raw.month) ? raw.month : undefined,
    week: isDay(raw.week) ? mondayOf(raw.week) : undefined,
    marketId: text(raw.marketId, 100),
    planId: text(raw.planId, 100),
    instrument: text(raw.instrument, 100),
    status: oneOf(ACTIVITY_STATUSES, raw.status),
  });
}

/** The calendar's filters: what narrows the activities whatever the view and period. */
export function calendarFilters(
  search: CalendarSearch,
): Pick<CalendarSearch, 'marketId' | 'planId' | 'instrument' | 'status'> {
  return compact({
    marketId: search.marketId,
    planId: search.planId,
    instrument: search.instrument,
    status: search.status,
  });
}

/** The API query of the activities a calendar period shows (those overlapping it). */
export function calendarApiQuery(
  search: CalendarSearch,
  range: DayRange,
  limit: number,
): ListActivitiesQuery {
  return compact({
    from: range.from,
    to: range.to,
    marketId: search.marketId,
    planId: search.planId,
    instrumentKey: search.instrument,
    status: search.status,
    limit,
  });
}

/** What a calendar view shows: the days drawn (and fetched) and those of the period itself. */
export interface CalendarPeriod {
  view: CalendarView;
  /** `YYYY-MM` of the month and agenda views; the week's month (its Thursday's) in the week view. */
  month: string;
  /** The Monday of the week view; of the month's first full week otherwise. */
  week: string;
  /** The days drawn and fetched: whole weeks around the month, or the week. */
  range: DayRange;
  /** The period's own days: the month's (the others are dimmed) or the week's. */
  inside: DayRange;
}

/** The period of `view` for the address's month or week; without one, the one holding `today`. */
export function calendarPeriod(search: CalendarSearch, view: CalendarView, today: string): CalendarPeriod {
  if (view === 'week') {
    const week = search.week ?? mondayOf(today);
    const range = { from: week, to: addDays(week, 6) };
    return { view, month: monthOfWeek(week), week, range, inside: range };
  }
  const month = search.month ?? today.slice(0, 7);
  // The week holding the 4th always has its Thursday in the month.
  return { view, month, week: mondayOf(`${month}-04`), range: monthRange(month), inside: monthDays(month) };
}

/**
 * The address after choosing `view`: the week view opens on this week if the month shown is the
 * current one, else on the month's first full week; the month and agenda on the week's month.
 */
export function switchCalendarView(
  search: CalendarSearch,
  current: CalendarView,
  view: CalendarView,
  today: string,
): CalendarSearch {
  const period = calendarPeriod(search, current, today);
  const thisMonth = today.slice(0, 7);
  const { month: _month, week: _week, ...rest } = search;
  if (view === 'week') {
    const week = period.month === thisMonth ? mondayOf(today) : period.week;
    return compact({ ...rest, view, week: week === mondayOf(today) ? undefined : week });
  }
  return compact({ ...rest, view, month: period.month === thisMonth ? undefined : period.month });
}

/** The address of the previous (`by` = -1) or next (+1) month or week; the current one is left out. */
export function shiftCalendarPeriod(
  search: CalendarSearch,
  view: CalendarView,
  by: number,
  today: string,
): CalendarSearch {
  const period = calendarPeriod(search, view, today);
  const { month: _month, week: _week, ...rest } = search;
  if (view === 'week') {
    const week = addDays(period.week, 7 * by);
    return compact({ ...rest, week: week === mondayOf(today) ? undefined : week });
  }
  const month = shiftMonth(period.month, by);
  return compact({ ...rest, month: month === today.slice(0, 7) ? undefined : month });
}

/** The month of a local date: `2026-11`. */
export function monthOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** Today in the reader's time zone: `2026-11-27`. */
export function todayIso(now: Date = new Date()): string {
  return `${monthOf(now)}-${String(now.getDate()).padStart(2, '0')}`;
}
