/**
 * The planning pages' address parameters (`/markets?status=active&q=japan`,
 * `/calendar?month=2026-11&marketId=…`): read leniently (anything unknown is dropped, so an edited
 * or old link still opens) and turned into the API's query. Pure, so it is unit-tested.
 */
import type { ListMarketsQuery, MarketPriority, MarketStatus } from '../../api/types.ts';
import { MARKET_PRIORITIES, MARKET_STATUSES } from '../../api/vocabulary.ts';
import { sortParam } from '../../components/list-sort.ts';
import { isMonth } from './calendar.ts';

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

export interface CalendarSearch {
  /** `YYYY-MM`; absent: the current month. */
  month?: string;
  marketId?: string;
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

/** `validateSearch` of the calendar. */
export function parseCalendarSearch(raw: Record<string, unknown>): CalendarSearch {
  return compact({
    month: isMonth(raw.month) ? raw.month : undefined,
    marketId: text(raw.marketId, 100),
  });
}

/** The month of a local date: `2026-11`. */
export function monthOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** Today in the reader's time zone: `2026-11-27`. */
export function todayIso(now: Date = new Date()): string {
  return `${monthOf(now)}-${String(now.getDate()).padStart(2, '0')}`;
}
