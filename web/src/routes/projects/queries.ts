import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { type ProjectsApiQuery, type ProjectsSearch, projectsApiQuery } from './search-params.ts';

export type ProjectDto = components['schemas']['Project'];
export type ProjectDetailDto = components['schemas']['ProjectDetail'];
export type ProjectPartnerDto = components['schemas']['ProjectPartner'];
export type ProjectListDto = components['schemas']['ProjectList'];

/** The projects' query keys: every project write refreshes everything under `all`. */
export const projectKeys = {
  all: (workspace: string) => [...workspaceKeys.all(workspace), 'projects'] as const,
  list: (workspace: string, search: ProjectsSearch) =>
    [...projectKeys.all(workspace), 'list', search] as const,
  related: (workspace: string, filter: Partial<ProjectsApiQuery>) =>
    [...projectKeys.all(workspace), 'related', filter] as const,
  detail: (workspace: string, id: string) => [...projectKeys.all(workspace), 'detail', id] as const,
};

export function projectListQuery(workspace: string, search: ProjectsSearch) {
  return infiniteQueryOptions({
    queryKey: projectKeys.list(workspace, search),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/network/projects', {
          params: { path: { workspace }, query: projectsApiQuery(search, pageParam) },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 30_000,
  });
}

/** The projects of one activity, member organisation or network organisation (first 100). */
export function relatedProjectsQuery(workspace: string, filter: { activityId?: string; partner?: string }) {
  return queryOptions({
    queryKey: projectKeys.related(workspace, filter),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/network/projects', {
          params: { path: { workspace }, query: { limit: 100, ...filter } },
          signal,
        }),
      ),
    staleTime: 30_000,
  });
}

export function projectQuery(workspace: string, id: string) {
  return queryOptions({
    queryKey: projectKeys.detail(workspace, id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/network/projects/{id}', {
          params: { path: { workspace, id } },
          signal,
        }),
      ),
    staleTime: 10_000,
  });
}
