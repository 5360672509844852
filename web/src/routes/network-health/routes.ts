import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from '../../app/workspace-route.ts';
import { parseHealthSearch } from './search.ts';

/** `/w/$workspace/network/health?all=&stage=&marketId=&mine=`: the relationships going cold. */
export const networkHealthRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'network/health',
  validateSearch: parseHealthSearch,
  component: lazyRouteComponent(() => import('./health-page.tsx'), 'NetworkHealthPage'),
});

export const networkHealthRoutes = [networkHealthRoute] as const;
