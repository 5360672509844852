import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from '../../app/workspace-route.ts';
import { parseDashboardSearch } from './period.ts';
import { parseRecordsSearch } from './records-search.ts';

/** `/w/$workspace/?from=&to=&marketId=`: the coordinators' dashboard, the workspace's home. */
export const dashboardRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/',
  validateSearch: parseDashboardSearch,
  component: lazyRouteComponent(() => import('./dashboard-page.tsx'), 'DashboardPage'),
});

/** `/w/$workspace/kpis/records?kpiKey=&instrumentId=&groupBy=&groupKey=&from=&to=`: the records behind a KPI number. */
export const kpiRecordsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'kpis/records',
  validateSearch: parseRecordsSearch,
  component: lazyRouteComponent(() => import('./records-page.tsx'), 'RecordsPage'),
});

export const dashboardRoutes = [dashboardRoute, kpiRecordsRoute] as const;
