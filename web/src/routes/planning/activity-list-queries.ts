import { infiniteQueryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { type ActivitiesSearch, activitiesApiQuery, activitiesListSearch } from './activities-search.ts';
import { planningKeys } from './queries.ts';

/** The activities matching the address's filters, in its order, page by page (`nextCursor`). */
export function activityListQuery(workspace: string, search: ActivitiesSearch) {
  const list = activitiesListSearch(search);
  return infiniteQueryOptions({
    queryKey: [...planningKeys.all(workspace), 'activities', 'list', list] as const,
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/activities', {
          params: { path: { workspace }, query: activitiesApiQuery(list, pageParam) },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 30_000,
  });
}
