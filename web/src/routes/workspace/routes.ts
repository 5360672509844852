import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { cachedAbilities } from '../../app/abilities.ts';
import { workspaceRoute } from '../../app/workspace-route.ts';
import { parseAuditSearch } from './audit-search.ts';
import { auditListQuery, type ClustersSearch, clusterListQuery } from './queries.ts';

export type { ClustersSearch };

export const clustersRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'clusters',
  validateSearch: (search: Record<string, unknown>): ClustersSearch => ({
    ...(typeof search.q === 'string' && search.q.trim() !== '' ? { q: search.q } : {}),
    ...(typeof search.country === 'string' && /^[A-Z]{2}$/.test(search.country)
      ? { country: search.country }
      : {}),
  }),
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) => {
    void context.queryClient.prefetchInfiniteQuery(clusterListQuery(params.workspace, deps));
  },
  // Workspace pages load on first visit: visitors of the public catalogue never download them.
  component: lazyRouteComponent(() => import('./clusters-page.tsx'), 'ClustersPage'),
});

/** `/w/$workspace/audit?actorId=&entityType=&action=&from=&to=&sort=`: the audit log, filtered and sorted. */
export const auditRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'audit',
  validateSearch: parseAuditSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) => {
    if (
      cachedAbilities(context.queryClient, params.workspace, context.membership).canSomewhere('audit.read')
    ) {
      void context.queryClient.prefetchInfiniteQuery(auditListQuery(params.workspace, deps));
    }
  },
  component: lazyRouteComponent(() => import('./audit-page.tsx'), 'AuditPage'),
});

/**
 * The workspace's own pages; the router adds the other features' pages beside them (the
 * workspace's home, `/w/$workspace/`, is the dashboard's).
 */
export const workspaceChildRoutes = [clustersRoute, auditRoute] as const;
