/**
 * The activities list's address parameters (`/activities?status=done&sort=-startsOn`): read
 * leniently (anything unknown is dropped, so an edited or old link still opens) and turned into
 * the API's query. Pure, so it is unit-tested.
 */
import type { ActivityStatus, ListActivitiesQuery } from '../../api/types.ts';
import { ACTIVITY_STATUSES } from '../../api/vocabulary.ts';
import { sortParam } from '../../components/list-sort.ts';

export const ACTIVITY_PAGE_SIZE = 50;
/** The columns the list sorts by (the API's keys); without `sort`, by start day. */
export const ACTIVITY_SORTS = ['startsOn', 'title', 'instrument', 'plan', 'status'] as const;
export const ACTIVITY_DEFAULT_SORT = 'startsOn';

export interface ActivitiesSearch {
  q?: string;
  status?: ActivityStatus;
  marketId?: string;
  /** An instrument key or D4.2 code. */
  instrument?: string;
  clusterId?: string;
  sort?: (typeof ACTIVITY_SORTS)[number] | `-${(typeof ACTIVITY_SORTS)[number]}`;
  /** An instrument key: open the form of a new activity of it ("Plan this instrument"). */
  new?: string;
}

function text(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value.trim() !== '' && value.length <= max ? value : undefined;
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** `validateSearch` of the activities list. */
export function parseActivitiesSearch(raw: Record<string, unknown>): ActivitiesSearch {
  return compact({
    q: text(raw.q, 100),
    status: ACTIVITY_STATUSES.includes(raw.status as ActivityStatus)
      ? (raw.status as ActivityStatus)
      : undefined,
    marketId: text(raw.marketId, 100),
    instrument: text(raw.instrument, 100),
    clusterId: text(raw.clusterId, 100),
    sort: sortParam(raw.sort, ACTIVITY_SORTS),
    new: text(raw.new, 100),
  });
}

/** The filters and sort of the list (what a saved view keeps): without the form to open. */
export function activitiesListSearch(search: ActivitiesSearch): Omit<ActivitiesSearch, 'new'> {
  const { new: _new, ...list } = search;
  return list;
}

/** Whether anything narrows the list (the "nothing matches" empty state). */
export function activitiesFiltered(search: ActivitiesSearch): boolean {
  return Boolean(search.q || search.status || search.marketId || search.instrument || search.clusterId);
}

/** The API query of one page of activities. */
export function activitiesApiQuery(search: ActivitiesSearch, cursor: string | null): ListActivitiesQuery {
  return compact({
    q: search.q?.trim() || undefined,
    status: search.status,
    marketId: search.marketId,
    instrumentKey: search.instrument,
    clusterId: search.clusterId,
    sort: search.sort,
    limit: ACTIVITY_PAGE_SIZE,
    cursor: cursor ?? undefined,
  });
}
