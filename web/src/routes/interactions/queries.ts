import { infiniteQueryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { ListInteractionsQuery } from '../../api/types.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { networkKeys } from '../network/queries.ts';

/** What a timeline or the list shows: one organisation's, one person's, one activity's, or filtered. */
export type InteractionFilter = Omit<ListInteractionsQuery, 'cursor' | 'limit' | 'sort'>;

export const INTERACTION_PAGE_SIZE = 20;

/** Under the network's keys: a network write refreshes the timelines too. */
export const interactionKeys = {
  all: (workspace: string) => [...networkKeys.all(workspace), 'interactions'] as const,
  list: (workspace: string, filter: InteractionFilter) =>
    [...interactionKeys.all(workspace), 'list', filter] as const,
};

export function interactionListQuery(workspace: string, filter: InteractionFilter) {
  return infiniteQueryOptions({
    queryKey: interactionKeys.list(workspace, filter),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/network/interactions', {
          params: {
            path: { workspace },
            query: {
              ...filter,
              limit: INTERACTION_PAGE_SIZE,
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 15_000,
  });
}

/**
 * The keys an interaction's write makes stale: the network (timelines, the organisations' last
 * contact), the activities' KPIs and the dashboard (planning), the audit log.
 */
export function interactionWriteKeys(workspace: string) {
  return [networkKeys.all(workspace), workspaceKeys.planning(workspace), workspaceKeys.audit(workspace)];
}
