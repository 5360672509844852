import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import type { DayRange } from './calendar.ts';
import {
  type CalendarSearch,
  calendarApiQuery,
  calendarFilters,
  type MarketsSearch,
  marketsApiQuery,
} from './search-params.ts';

/** The planning keys, under `workspaceKeys.planning`: every planning change refreshes `all`. */
export const planningKeys = {
  all: workspaceKeys.planning,
  marketList: (workspace: string, search: MarketsSearch) =>
    [...planningKeys.all(workspace), 'markets', 'list', search] as const,
  market: (workspace: string, id: string) =>
    [...planningKeys.all(workspace), 'markets', 'detail', id] as const,
  plan: (workspace: string, id: string) => [...planningKeys.all(workspace), 'plans', 'detail', id] as const,
  calendar: (workspace: string, range: DayRange, filters: CalendarSearch) =>
    [...planningKeys.all(workspace), 'activities', 'calendar', range, filters] as const,
  activity: (workspace: string, id: string) =>
    [...planningKeys.all(workspace), 'activities', 'detail', id] as const,
  /** Under the activity's key: attendance and cost lines refresh its derived KPIs too. */
  activityKpis: (workspace: string, id: string) => [...planningKeys.activity(workspace, id), 'kpis'] as const,
  planKpiTargets: (workspace: string, id: string) =>
    [...planningKeys.plan(workspace, id), 'kpi-targets'] as const,
  kpiDefinitions: (workspace: string) => [...planningKeys.all(workspace), 'kpi-definitions'] as const,
};

/** The markets matching the address's filters, page by page (`nextCursor`). */
export function marketListQuery(workspace: string, search: MarketsSearch) {
  return infiniteQueryOptions({
    queryKey: planningKeys.marketList(workspace, search),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/markets', {
          params: { path: { workspace }, query: marketsApiQuery(search, pageParam) },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 30_000,
  });
}

export function marketQuery(workspace: string, id: string) {
  return queryOptions({
    queryKey: planningKeys.market(workspace, id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/markets/{id}', {
          params: { path: { workspace, id } },
          signal,
        }),
      ),
    staleTime: 0,
  });
}

export function planQuery(workspace: string, id: string) {
  return queryOptions({
    queryKey: planningKeys.plan(workspace, id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/plans/{id}', { params: { path: { workspace, id } }, signal }),
      ),
    staleTime: 0,
  });
}

/** The most activities one calendar period shows (the API's largest page). */
export const CALENDAR_LIMIT = 500;

/** The activities overlapping a calendar period (`range`), narrowed by the address's filters. */
export function calendarActivitiesQuery(workspace: string, search: CalendarSearch, range: DayRange) {
  const filters = calendarFilters(search);
  return queryOptions({
    queryKey: planningKeys.calendar(workspace, range, filters),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/activities', {
          params: { path: { workspace }, query: calendarApiQuery(filters, range, CALENDAR_LIMIT) },
          signal,
        }),
      ),
    staleTime: 30_000,
  });
}

/** Every plan of the workspace (up to 200, the API's page): the calendar's plan filter. */
export function allPlansQuery(workspace: string) {
  return queryOptions({
    queryKey: [...planningKeys.all(workspace), 'plans', 'all'] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/plans', {
          params: { path: { workspace }, query: { limit: 200 } },
          signal,
        }),
      ),
    staleTime: 30_000,
  });
}

export function activityQuery(workspace: string, id: string) {
  return queryOptions({
    queryKey: planningKeys.activity(workspace, id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/activities/{id}', {
          params: { path: { workspace, id } },
          signal,
        }),
      ),
    staleTime: 0,
  });
}

/** The activity's KPIs with targets, actuals and entries. */
export function activityKpisQuery(workspace: string, id: string) {
  return queryOptions({
    queryKey: planningKeys.activityKpis(workspace, id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/activities/{id}/kpis', {
          params: { path: { workspace, id } },
          signal,
        }),
      ),
    staleTime: 0,
  });
}

/** Every KPI the Hub tracks (Hub-wide and every instrument's): the catalogue changes rarely. */
export function kpiDefinitionsQuery(workspace: string) {
  return queryOptions({
    queryKey: planningKeys.kpiDefinitions(workspace),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/kpis/definitions', {
          params: { path: { workspace } },
          signal,
        }),
      ),
    staleTime: 5 * 60_000,
  });
}

export function planKpiTargetsQuery(workspace: string, planId: string) {
  return queryOptions({
    queryKey: planningKeys.planKpiTargets(workspace, planId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/kpi-targets', {
          params: { path: { workspace }, query: { planId } },
          signal,
        }),
      ),
    staleTime: 0,
  });
}
