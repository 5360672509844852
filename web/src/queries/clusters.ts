import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import { workspaceKeys } from './keys.ts';

/** Every cluster of the workspace at once (up to 200): pickers, names in lists and the audit log. */
export function allClustersQuery(workspace: string) {
  return queryOptions({
    queryKey: [...workspaceKeys.clusters(workspace), 'all'] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/clusters', {
          params: { path: { workspace }, query: { limit: 200 } },
          signal,
        }),
      ),
    staleTime: 30_000,
  });
}
