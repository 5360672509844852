import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from '../../app/workspace-route.ts';
import { projectListQuery, projectQuery } from './queries.ts';
import { parseProjectsSearch } from './search-params.ts';

/** `/w/$workspace/network/projects`: the collaborative projects, filters kept in the address. */
export const projectsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'network/projects',
  validateSearch: parseProjectsSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) => {
    void context.queryClient.prefetchInfiniteQuery(projectListQuery(params.workspace, deps));
  },
  component: lazyRouteComponent(() => import('./projects-page.tsx'), 'ProjectsPage'),
});

/** `/w/$workspace/network/projects/$id`: one project, its partners and its status. */
export const projectRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'network/projects/$id',
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(projectQuery(params.workspace, params.id));
  },
  component: lazyRouteComponent(() => import('./project-page.tsx'), 'ProjectPage'),
});

export const projectRoutes = [projectsRoute, projectRoute] as const;
