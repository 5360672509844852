import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from '../../app/workspace-route.ts';

/** `/w/$workspace/members/import`: the import wizard, member organisations first. */
export const importMembersRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'members/import',
  component: lazyRouteComponent(() => import('./import-page.tsx'), 'ImportMembersPage'),
});

/** `/w/$workspace/people/import`: the same wizard, people first. */
export const importPeopleRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'people/import',
  component: lazyRouteComponent(() => import('./import-page.tsx'), 'ImportPeoplePage'),
});

export const importRoutes = [importMembersRoute, importPeopleRoute] as const;
