import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import type { Period } from './period.ts';
import type { KpiGrouping, RecordsSearch } from './records-search.ts';

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
  kpis: (workspace: string, period: Period, groupBy: KpiGrouping, marketId: string | undefined) =>
    [...dashboardKeys.all(workspace), 'kpis', period, groupBy, marketId ?? null] as const,
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

/** The KPI roll-up of the period, grouped one way (`workspace` for the headline figures). */
export function kpiRollupQuery(
  workspace: string,
  period: Period,
  groupBy: KpiGrouping,
  marketId: string | undefined,
) {
  return queryOptions({
    queryKey: dashboardKeys.kpis(workspace, period, groupBy, marketId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/kpis/rollup', {
          params: { path: { workspace }, query: { ...period, groupBy, ...(marketId ? { marketId } : {}) } },
          signal,
        }),
      ),
    staleTime: 30_000,
  });
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
