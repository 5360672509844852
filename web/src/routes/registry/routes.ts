import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from '../../app/workspace-route.ts';
import { memberListQuery, memberQuery, organisationPeopleQuery, personListQuery } from './queries.ts';
import { parseMembersSearch, parsePeopleSearch } from './search-params.ts';

/** `/w/$workspace/members`: the member organisations, filters kept in the address. */
export const membersRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'members',
  validateSearch: parseMembersSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) => {
    void context.queryClient.prefetchInfiniteQuery(memberListQuery(params.workspace, deps));
  },
  component: lazyRouteComponent(() => import('./members-page.tsx'), 'MembersPage'),
});

/** `/w/$workspace/members/$id`: one organisation's profile and people. */
export const memberRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'members/$id',
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(memberQuery(params.workspace, params.id));
    void context.queryClient.prefetchInfiniteQuery(organisationPeopleQuery(params.workspace, params.id));
  },
  component: lazyRouteComponent(() => import('./member-page.tsx'), 'MemberPage'),
});

/** `/w/$workspace/people`: the people of the registry. */
export const peopleRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'people',
  validateSearch: parsePeopleSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) => {
    void context.queryClient.prefetchInfiniteQuery(personListQuery(params.workspace, deps));
  },
  component: lazyRouteComponent(() => import('./people-page.tsx'), 'PeoplePage'),
});

export const registryRoutes = [membersRoute, memberRoute, peopleRoute] as const;
