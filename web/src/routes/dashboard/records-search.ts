/**
 * The KPI records page's address (`/w/demo/kpis/records?kpiKey=…&groupBy=instrument&groupKey=…`):
 * which number of the roll-up it explains, read leniently, and built from a number of the
 * dashboard. Pure, so it is unit-tested.
 */
import { isIsoDay, type Period } from './period.ts';

export const KPI_GROUPINGS = ['workspace', 'activity', 'instrument', 'phase', 'market', 'cluster'] as const;
export type KpiGrouping = (typeof KPI_GROUPINGS)[number];

/** The group of the activities without a market or cluster, as the records API names it. */
export const NO_GROUP = 'none';

export interface RecordsSearch {
  kpiKey?: string;
  /** Absent: a Hub-wide KPI (every instrument). */
  instrumentId?: string;
  groupBy?: KpiGrouping;
  groupKey?: string;
  from?: string;
  to?: string;
  marketId?: string;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' && value.length <= 100 ? value : undefined;

/** `validateSearch` of the records page: unknown or malformed values are dropped. */
export function parseRecordsSearch(raw: Record<string, unknown>): RecordsSearch {
  const groupBy = KPI_GROUPINGS.find((g) => g === raw.groupBy);
  const search: RecordsSearch = {
    kpiKey: text(raw.kpiKey),
    instrumentId: text(raw.instrumentId),
    groupBy,
    // A group key means nothing without its grouping.
    groupKey: groupBy ? text(raw.groupKey) : undefined,
    from: isIsoDay(raw.from) ? raw.from : undefined,
    to: isIsoDay(raw.to) ? raw.to : undefined,
    marketId: text(raw.marketId),
  };
  return Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined)) as RecordsSearch;
}

/** The address of the records behind one number of a roll-up group (a null key: the group without). */
export function recordsSearchOf(options: {
  kpi: { kpiKey: string; instrumentId: string | null };
  groupBy: KpiGrouping;
  groupKey: string | null;
  period: Period;
  marketId: string | undefined;
}): RecordsSearch {
  const { kpi, groupBy, groupKey, period, marketId } = options;
  return {
    kpiKey: kpi.kpiKey,
    ...(kpi.instrumentId ? { instrumentId: kpi.instrumentId } : {}),
    groupBy,
    groupKey: groupKey ?? NO_GROUP,
    from: period.from,
    to: period.to,
    ...(marketId ? { marketId } : {}),
  };
}
