import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from '../../app/workspace-route.ts';
import { boardQuery, relationshipListQuery, relationshipQuery } from './queries.ts';
import { parsePipelineSearch } from './search-params.ts';

/** `/w/$workspace/network/pipeline`: the board (or the list) of relationships, filters in the address. */
export const pipelineRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'network/pipeline',
  validateSearch: parsePipelineSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) => {
    if (deps.view === 'list')
      void context.queryClient.prefetchInfiniteQuery(relationshipListQuery(params.workspace, deps));
    else void context.queryClient.prefetchQuery(boardQuery(params.workspace, deps));
  },
  component: lazyRouteComponent(() => import('./pipeline-page.tsx'), 'PipelinePage'),
});

/** `/w/$workspace/network/relationships/$relationshipId`: one relationship and its stage history. */
export const relationshipRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'network/relationships/$relationshipId',
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(relationshipQuery(params.workspace, params.relationshipId));
  },
  component: lazyRouteComponent(() => import('./relationship-page.tsx'), 'RelationshipPage'),
});

export const pipelineRoutes = [pipelineRoute, relationshipRoute] as const;
