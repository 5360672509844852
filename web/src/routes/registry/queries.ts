import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { type MembersSearch, membersApiQuery, type PeopleSearch, peopleApiQuery } from './search-params.ts';

export const registryKeys = {
  organisations: workspaceKeys.organisations,
  organisationList: (workspace: string, search: MembersSearch) =>
    [...registryKeys.organisations(workspace), 'list', search] as const,
  organisation: (workspace: string, id: string) =>
    [...registryKeys.organisations(workspace), 'detail', id] as const,
  people: workspaceKeys.people,
  personList: (workspace: string, search: PeopleSearch) =>
    [...registryKeys.people(workspace), 'list', search] as const,
  organisationPeople: (workspace: string, id: string) =>
    [...registryKeys.people(workspace), 'of-organisation', id] as const,
};

/** The member organisations matching the address's filters, page by page (`nextCursor`). */
export function memberListQuery(workspace: string, search: MembersSearch) {
  return infiniteQueryOptions({
    queryKey: registryKeys.organisationList(workspace, search),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/organisations', {
          params: { path: { workspace }, query: membersApiQuery(search, pageParam) },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 30_000,
  });
}

export function memberQuery(workspace: string, id: string) {
  return queryOptions({
    queryKey: registryKeys.organisation(workspace, id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/organisations/{id}', {
          params: { path: { workspace, id } },
          signal,
        }),
      ),
    staleTime: 0,
  });
}

export function personListQuery(workspace: string, search: PeopleSearch) {
  return infiniteQueryOptions({
    queryKey: registryKeys.personList(workspace, search),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/people', {
          params: { path: { workspace }, query: peopleApiQuery(search, pageParam) },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 30_000,
  });
}

export function organisationPeopleQuery(workspace: string, id: string) {
  return infiniteQueryOptions({
    queryKey: registryKeys.organisationPeople(workspace, id),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/organisations/{id}/people', {
          params: {
            path: { workspace, id },
            query: { limit: 100, ...(pageParam ? { cursor: pageParam } : {}) },
          },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 0,
  });
}

/** The activities an organisation took part in, latest first, a page at a time (its page). */
export function organisationActivitiesQuery(workspace: string, id: string) {
  return infiniteQueryOptions({
    // Under planning: any change to activities or participants refreshes it.
    queryKey: [...workspaceKeys.planning(workspace), 'of-organisation', id] as const,
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/organisations/{id}/activities', {
          params: {
            path: { workspace, id },
            query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) },
          },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 0,
  });
}

/** The changes of an organisation and its people, newest first, a page at a time (its page). */
export function organisationHistoryQuery(workspace: string, id: string) {
  return infiniteQueryOptions({
    // Under the audit log: every change that refreshes the log refreshes it.
    queryKey: [...workspaceKeys.audit(workspace), 'organisation', id] as const,
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/organisations/{id}/history', {
          params: {
            path: { workspace, id },
            query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) },
          },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 0,
  });
}
