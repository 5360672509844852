import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import { workspaceKeys } from './keys.ts';

export const instrumentKeys = {
  all: ['instruments'] as const,
  list: () => [...instrumentKeys.all, 'list'] as const,
  detail: (key: string) => [...instrumentKeys.all, 'detail', key] as const,
  /** A workspace's instruments: D4.2's and its own (they change when the workspace adapts one). */
  workspace: (workspace: string) => [...workspaceKeys.all(workspace), 'instruments'] as const,
  workspaceList: (workspace: string) => [...instrumentKeys.workspace(workspace), 'list'] as const,
  workspaceDetail: (workspace: string, key: string) =>
    [...instrumentKeys.workspace(workspace), 'detail', key] as const,
  differences: (workspace: string, key: string) =>
    [...instrumentKeys.workspace(workspace), 'differences', key] as const,
};

/**
 * The instruments to choose from: in a workspace, the 17 of D4.2 plus the workspace's own (custom
 * ones last, `origin: 'custom'`); without one, the D4.2 catalogue. Filtered in the browser.
 */
export function instrumentListQuery(workspace?: string) {
  return queryOptions({
    queryKey: workspace ? instrumentKeys.workspaceList(workspace) : instrumentKeys.list(),
    queryFn: ({ signal }) =>
      workspace
        ? unwrap(
            api.GET('/api/v1/workspaces/{workspace}/instruments', {
              params: { path: { workspace } },
              signal,
            }),
          )
        : unwrap(api.GET('/api/v1/instruments', { signal })),
  });
}

export function workspaceInstrumentQuery(workspace: string, key: string) {
  return queryOptions({
    queryKey: instrumentKeys.workspaceDetail(workspace, key),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/instruments/{key}', {
          params: { path: { workspace, key } },
          signal,
        }),
      ),
    staleTime: 0,
  });
}

export function instrumentDifferencesQuery(workspace: string, key: string) {
  return queryOptions({
    queryKey: instrumentKeys.differences(workspace, key),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/instruments/{key}/differences', {
          params: { path: { workspace, key } },
          signal,
        }),
      ),
    staleTime: 0,
  });
}
