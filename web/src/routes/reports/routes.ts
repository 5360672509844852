import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { cachedAbilities } from '../../app/abilities.ts';
import { workspaceRoute } from '../../app/workspace-route.ts';
import { reportJobListQuery } from './queries.ts';
import { parseReportSearch } from './report-form.ts';

/**
 * `/w/$workspace/reports?from=&to=&marketId=`: funder reports, made in the background, with their
 * progress; the address carries the dashboard's period and market into the form.
 */
export const reportsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'reports',
  validateSearch: parseReportSearch,
  loader: ({ context, params }) => {
    if (
      cachedAbilities(context.queryClient, params.workspace, context.membership).canSomewhere('report.read')
    ) {
      void context.queryClient.prefetchInfiniteQuery(reportJobListQuery(params.workspace));
    }
  },
  component: lazyRouteComponent(() => import('./reports-page.tsx'), 'ReportsPage'),
});

export const reportRoutes = [reportsRoute] as const;
