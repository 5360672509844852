import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { getOrganisation, listOrganisationPeople, listOrganisations, listPeople } from '../../api/client.ts';
import type { OrganisationDto } from '../../api/types.ts';
import { workspaceKeys } from '../workspace/queries.ts';
import { type MembersSearch, membersApiQuery, type PeopleSearch, peopleApiQuery } from './search-params.ts';

export const registryKeys = {
  organisations: (workspace: string) => [...workspaceKeys.all(workspace), 'organisations'] as const,
  organisationList: (workspace: string, search: MembersSearch) =>
    [...registryKeys.organisations(workspace), 'list', search] as const,
  organisation: (workspace: string, id: string) =>
    [...registryKeys.organisations(workspace), 'detail', id] as const,
  directory: (workspace: string) => [...registryKeys.organisations(workspace), 'directory'] as const,
  people: (workspace: string) => [...workspaceKeys.all(workspace), 'people'] as const,
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
      listOrganisations(workspace, membersApiQuery(search, pageParam), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 30_000,
  });
}

export function memberQuery(workspace: string, id: string) {
  return queryOptions({
    queryKey: registryKeys.organisation(workspace, id),
    queryFn: ({ signal }) => getOrganisation(workspace, id, signal),
    staleTime: 0,
  });
}

/** Upper bound of the directory: beyond it the pickers offer the first organisations only. */
const DIRECTORY_MAX = 5000;

/**
 * Every organisation's name and cluster, for pickers and for naming the organisation of a person.
 * A registry holds hundreds to a few thousand organisations: read once, 200 a request.
 */
export function organisationDirectoryQuery(workspace: string) {
  return queryOptions({
    queryKey: registryKeys.directory(workspace),
    queryFn: async ({ signal }) => {
      const all: Pick<OrganisationDto, 'id' | 'name' | 'clusterId' | 'country'>[] = [];
      let cursor: string | null = null;
      do {
        const page = await listOrganisations(
          workspace,
          { limit: 200, ...(cursor ? { cursor } : {}) },
          signal,
        );
        for (const { id, name, clusterId, country } of page.items) all.push({ id, name, clusterId, country });
        cursor = page.nextCursor;
      } while (cursor && all.length < DIRECTORY_MAX);
      return all.sort((a, b) => a.name.localeCompare(b.name, 'en'));
    },
    staleTime: 60_000,
  });
}

export function personListQuery(workspace: string, search: PeopleSearch) {
  return infiniteQueryOptions({
    queryKey: registryKeys.personList(workspace, search),
    queryFn: ({ signal, pageParam }) => listPeople(workspace, peopleApiQuery(search, pageParam), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 30_000,
  });
}

export function organisationPeopleQuery(workspace: string, id: string) {
  return infiniteQueryOptions({
    queryKey: registryKeys.organisationPeople(workspace, id),
    queryFn: ({ signal, pageParam }) =>
      listOrganisationPeople(
        workspace,
        id,
        { limit: 100, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 0,
  });
}
