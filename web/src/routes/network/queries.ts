import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import {
  type NetworkOrganisationsSearch,
  type NetworkPeopleSearch,
  organisationsApiQuery,
  peopleApiQuery,
} from './search-params.ts';

/** The network's query keys: every network write refreshes everything under `all`. */
export const networkKeys = {
  all: (workspace: string) => [...workspaceKeys.all(workspace), 'network'] as const,
  organisations: (workspace: string) => [...networkKeys.all(workspace), 'organisations'] as const,
  organisationList: (workspace: string, search: NetworkOrganisationsSearch) =>
    [...networkKeys.organisations(workspace), 'list', search] as const,
  organisation: (workspace: string, id: string) =>
    [...networkKeys.organisations(workspace), 'detail', id] as const,
  people: (workspace: string) => [...networkKeys.all(workspace), 'people'] as const,
  personList: (workspace: string, search: NetworkPeopleSearch) =>
    [...networkKeys.people(workspace), 'list', search] as const,
  person: (workspace: string, id: string) => [...networkKeys.people(workspace), 'detail', id] as const,
};

export function networkOrganisationListQuery(workspace: string, search: NetworkOrganisationsSearch) {
  return infiniteQueryOptions({
    queryKey: networkKeys.organisationList(workspace, search),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/network/organisations', {
          params: { path: { workspace }, query: organisationsApiQuery(search, pageParam) },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 30_000,
  });
}

export function networkOrganisationQuery(workspace: string, id: string) {
  return queryOptions({
    queryKey: networkKeys.organisation(workspace, id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/network/organisations/{id}', {
          params: { path: { workspace, id } },
          signal,
        }),
      ),
    staleTime: 0,
  });
}

export function networkPersonListQuery(workspace: string, search: NetworkPeopleSearch) {
  return infiniteQueryOptions({
    queryKey: networkKeys.personList(workspace, search),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/network/people', {
          params: { path: { workspace }, query: peopleApiQuery(search, pageParam) },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 30_000,
  });
}

export function networkPersonQuery(workspace: string, id: string) {
  return queryOptions({
    queryKey: networkKeys.person(workspace, id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/network/people/{id}', {
          params: { path: { workspace, id } },
          signal,
        }),
      ),
    staleTime: 0,
  });
}
