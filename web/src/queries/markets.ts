import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import { workspaceKeys } from './keys.ts';

/** Every market (up to 200, the API's page), for pickers: the calendar's filter, copying a plan, the dashboard. */
export function allMarketsQuery(workspace: string) {
  return queryOptions({
    queryKey: [...workspaceKeys.planning(workspace), 'markets', 'all'] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/markets', {
          params: { path: { workspace }, query: { limit: 200 } },
          signal,
        }),
      ),
    staleTime: 30_000,
  });
}
