import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { cachedAbilities } from '../../app/abilities.ts';
import { workspaceRoute } from '../../app/workspace-route.ts';
import { reportJobListQuery } from './queries.ts';

/** `/w/$workspace/reports`: funder reports, made in the background, with their progress. */
export const reportsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'reports',
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
