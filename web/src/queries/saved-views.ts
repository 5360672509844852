import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { SavedViewList } from '../api/types.ts';
import { workspaceKeys } from './keys.ts';

export const savedViewKeys = {
  all: (workspace: string) => [...workspaceKeys.all(workspace), 'saved-views'] as const,
  list: (workspace: string, list: SavedViewList) => [...savedViewKeys.all(workspace), list] as const,
};

/** The signed-in user's saved views of one list, by name. */
export function savedViewsQuery(workspace: string, list: SavedViewList) {
  return queryOptions({
    queryKey: savedViewKeys.list(workspace, list),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/saved-views', {
          params: { path: { workspace }, query: { list } },
          signal,
        }),
      ),
    staleTime: 60_000,
  });
}
