import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from '../../app/workspace-route.ts';

export interface NetworkImportSearch {
  kind: 'networkOrganisations' | 'networkPeople';
}

/** `/w/$workspace/network/import?kind=…`: the import wizard on a network kind. */
export const networkImportRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'network/import',
  validateSearch: (search: Record<string, unknown>): NetworkImportSearch => ({
    kind: search.kind === 'networkOrganisations' ? 'networkOrganisations' : 'networkPeople',
  }),
  component: lazyRouteComponent(() => import('../imports/import-page.tsx'), 'ImportNetworkPage'),
});

/** `/w/$workspace/network/data`: imports, vCards and a person's data (GDPR). */
export const networkDataRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'network/data',
  component: lazyRouteComponent(() => import('./network-data-page.tsx'), 'NetworkDataPage'),
});

export const networkDataRoutes = [networkImportRoute, networkDataRoute] as const;
