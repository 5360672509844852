import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from '../../app/workspace-route.ts';

/** `/w/$workspace/archive`: back up and move the workspace (coordinators). */
export const archiveRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'archive',
  component: lazyRouteComponent(() => import('./archive-page.tsx'), 'ArchivePage'),
});

export const archiveRoutes = [archiveRoute] as const;
