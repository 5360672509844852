import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from '../../app/workspace-route.ts';
import {
  networkOrganisationListQuery,
  networkOrganisationQuery,
  networkPersonListQuery,
  networkPersonQuery,
} from './queries.ts';
import { parseNetworkOrganisationsSearch, parseNetworkPeopleSearch } from './search-params.ts';

/** `/w/$workspace/network/organisations`: the network organisations, filters kept in the address. */
export const networkOrganisationsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'network/organisations',
  validateSearch: parseNetworkOrganisationsSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) => {
    void context.queryClient.prefetchInfiniteQuery(networkOrganisationListQuery(params.workspace, deps));
  },
  component: lazyRouteComponent(() => import('./organisations-page.tsx'), 'NetworkOrganisationsPage'),
});

/** `/w/$workspace/network/organisations/$id`: one network organisation and its people. */
export const networkOrganisationRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'network/organisations/$id',
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(networkOrganisationQuery(params.workspace, params.id));
  },
  component: lazyRouteComponent(() => import('./organisation-page.tsx'), 'NetworkOrganisationPage'),
});

/** `/w/$workspace/network/people`: the network people. */
export const networkPeopleRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'network/people',
  validateSearch: parseNetworkPeopleSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) => {
    void context.queryClient.prefetchInfiniteQuery(networkPersonListQuery(params.workspace, deps));
  },
  component: lazyRouteComponent(() => import('./people-page.tsx'), 'NetworkPeoplePage'),
});

/** `/w/$workspace/network/people/$id`: one network person, their consent. */
export const networkPersonRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'network/people/$id',
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(networkPersonQuery(params.workspace, params.id));
  },
  component: lazyRouteComponent(() => import('./person-page.tsx'), 'NetworkPersonPage'),
});

export const networkRegistryRoutes = [
  networkOrganisationsRoute,
  networkOrganisationRoute,
  networkPeopleRoute,
  networkPersonRoute,
] as const;
