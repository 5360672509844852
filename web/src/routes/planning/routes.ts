import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from '../../app/workspace-route.ts';
import { parseActivitiesSearch } from './activities-search.ts';
import { activityListQuery } from './activity-list-queries.ts';
import { parsePlanSearch } from './plan-tabs.ts';
import {
  activityQuery,
  calendarActivitiesQuery,
  marketListQuery,
  marketQuery,
  planQuery,
} from './queries.ts';
import { calendarPeriod, parseCalendarSearch, parseMarketsSearch, todayIso } from './search-params.ts';

/** `/w/$workspace/markets`: the target markets, filters kept in the address. */
export const marketsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'markets',
  validateSearch: parseMarketsSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) => {
    void context.queryClient.prefetchInfiniteQuery(marketListQuery(params.workspace, deps));
  },
  component: lazyRouteComponent(() => import('./markets-page.tsx'), 'MarketsPage'),
});

/** `/w/$workspace/markets/$marketId`: a market's dossier. */
export const marketRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'markets/$marketId',
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(marketQuery(params.workspace, params.marketId));
  },
  component: lazyRouteComponent(() => import('./market-page.tsx'), 'MarketPage'),
});

/**
 * `/w/$workspace/plans/$planId[?tab=instruments|kpis]`: a plan's budget, then its timeline and
 * activities, instruments or KPI targets on tabs.
 */
export const planRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'plans/$planId',
  validateSearch: parsePlanSearch,
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(planQuery(params.workspace, params.planId));
  },
  component: lazyRouteComponent(() => import('./plan-page.tsx'), 'PlanPage'),
});

/** `/w/$workspace/calendar?view=month|week|agenda&month=YYYY-MM&week=YYYY-MM-DD&marketId=…`: every activity. */
export const calendarRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'calendar',
  validateSearch: parseCalendarSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) => {
    // Month and agenda fetch the same weeks; a phone's default agenda too.
    const period = calendarPeriod(deps, deps.view ?? 'month', todayIso());
    void context.queryClient.prefetchQuery(calendarActivitiesQuery(params.workspace, deps, period.range));
  },
  component: lazyRouteComponent(() => import('./calendar-page.tsx'), 'CalendarPage'),
});

/** `/w/$workspace/activities`: every activity, filtered and sorted in the address. */
export const activitiesRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'activities',
  validateSearch: parseActivitiesSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) => {
    void context.queryClient.prefetchInfiniteQuery(activityListQuery(params.workspace, deps));
  },
  component: lazyRouteComponent(() => import('./activities-page.tsx'), 'ActivitiesPage'),
});

/** `/w/$workspace/activities/$activityId`: an activity with its participants and budget. */
export const activityRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'activities/$activityId',
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(activityQuery(params.workspace, params.activityId));
  },
  component: lazyRouteComponent(() => import('./activity-page.tsx'), 'ActivityPage'),
});

export const planningRoutes = [
  marketsRoute,
  marketRoute,
  planRoute,
  calendarRoute,
  activitiesRoute,
  activityRoute,
] as const;
