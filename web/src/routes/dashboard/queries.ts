import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { KpiRollupDto, KpiRollupListDto } from '../../api/types.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import type { Period } from './period.ts';
import type { RecordsSearch } from './records-search.ts';

/**
 * The dashboard reads planning data: its keys live under the planning ones, so every change to a
 * market, plan, activity or cost (which refreshes `workspaceKeys.planning`) refreshes it too.
 */
export const dashboardKeys = {
  all: (workspace: string) => [...workspaceKeys.planning(workspace), 'dashboard'] as const,
  burn: (workspace: string, period: Period, marketId: string | undefined) =>
    [...dashboardKeys.all(workspace), 'burn', period, marketId ?? null] as const,
  upcoming: (workspace: string, today: string, marketId: string | undefined) =>
    [...dashboardKeys.all(workspace), 'upcoming', today, marketId ?? null] as const,
  kpis: (workspace: string, period: Period, marketId: string | undefined) =>
    [...dashboardKeys.all(workspace), 'kpis', period, marketId ?? null] as const,
  records: (workspace: string, search: RecordsSearch) =>
    [...dashboardKeys.all(workspace), 'records', search] as const,
};

export function burnQuery(workspace: string, period: Period, marketId: string | undefined) {
  return queryOptions({
    queryKey: dashboardKeys.burn(workspace, period, marketId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/budget/burn', {
          params: { path: { workspace }, query: { ...period, ...(marketId ? { marketId } : {}) } },
          signal,
        }),
      ),
    staleTime: 30_000,
  });
}

/** How many upcoming activities the dashboard lists. */
export const UPCOMING_COUNT = 10;

/**
 * The next activities (those ending today or later), cancelled ones left out. A few more are asked
 * for than shown, so some cancelled ones among them still leave a full list.
 */
export function upcomingQuery(workspace: string, today: string, marketId: string | undefined) {
  return queryOptions({
    queryKey: dashboardKeys.upcoming(workspace, today, marketId),
    queryFn: async ({ signal }) => {
      const page = await unwrap(
        api.GET('/api/v1/workspaces/{workspace}/activities', {
          params: {
            path: { workspace },
            query: { from: today, limit: UPCOMING_COUNT * 2, ...(marketId ? { marketId } : {}) },
          },
          signal,
        }),
      );
      return page.items.filter((activity) => activity.status !== 'cancelled').slice(0, UPCOMING_COUNT);
    },
    staleTime: 30_000,
  });
}

/**
 * The groupings of the KPI roll-up the dashboard shows: the headline figures (`workspace`), the
 * KPI section (by phase or by instrument, with the whole programme) and the map (`market`).
 */
export const DASHBOARD_GROUPINGS = ['workspace', 'phase', 'instrument', 'market'] as const;
export type DashboardGrouping = (typeof DASHBOARD_GROUPINGS)[number];

/**
 * The dashboard's KPI roll-ups of the period, every grouping in one request (one read of the
 * activities and their values on the server); each section selects its grouping, so switching
 * the KPI section between phase and instrument asks nothing more.
 */
export function kpiRollupsQuery(workspace: string, period: Period, marketId: string | undefined) {
  return queryOptions({
    queryKey: dashboardKeys.kpis(workspace, period, marketId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/kpis/rollups', {
          params: {
            path: { workspace },
            query: { ...period, groupBy: DASHBOARD_GROUPINGS.join(','), ...(marketId ? { marketId } : {}) },
          },
          signal,
        }),
      ),
    staleTime: 30_000,
  });
}

const selectors = new Map(
  DASHBOARD_GROUPINGS.map((groupBy) => [
    groupBy,
    (list: KpiRollupListDto): KpiRollupDto => {
      const rollup = list.items.find((item) => item.groupBy === groupBy);
      if (!rollup) throw new Error(`the roll-up by ${groupBy} is missing`);
      return rollup;
    },
  ]),
);

/** `select` of `kpiRollupsQuery` for one grouping (one function per grouping, so it is stable). */
export function selectRollup(groupBy: DashboardGrouping): (list: KpiRollupListDto) => KpiRollupDto {
  return selectors.get(groupBy) as (list: KpiRollupListDto) => KpiRollupDto;
}

export const RECORDS_PAGE_SIZE = 50;

/** The records behind one KPI number, page by page (`nextCursor`). */
export function kpiRecordsQuery(workspace: string, search: RecordsSearch) {
  return infiniteQueryOptions({
    queryKey: dashboardKeys.records(workspace, search),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/kpis/records', {
          params: {
            path: { workspace },
            query: {
              ...search,
              kpiKey: search.kpiKey ?? '',
              limit: RECORDS_PAGE_SIZE,
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: Boolean(search.kpiKey),
    staleTime: 30_000,
  });
}
