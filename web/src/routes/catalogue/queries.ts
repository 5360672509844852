import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { getInstrument, listInstruments } from '../../api/client.ts';
import type { InstrumentListDto } from '../../api/types.ts';

export const instrumentKeys = {
  all: ['instruments'] as const,
  list: () => [...instrumentKeys.all, 'list'] as const,
  detail: (key: string) => [...instrumentKeys.all, 'detail', key] as const,
};

/** The whole catalogue (17 D4.2 instruments plus a workspace's own); filtered in the browser. */
export function instrumentListQuery() {
  return queryOptions({
    queryKey: instrumentKeys.list(),
    queryFn: ({ signal }) => listInstruments(undefined, signal),
  });
}

/**
 * One instrument. The list already carries every field, so a page opened from the catalogue
 * renders at once from it and needs no second request while the list is fresh.
 */
export function instrumentQuery(key: string, queryClient: QueryClient) {
  return queryOptions({
    queryKey: instrumentKeys.detail(key),
    queryFn: ({ signal }) => getInstrument(key, signal),
    initialData: () =>
      queryClient
        .getQueryData<InstrumentListDto>(instrumentKeys.list())
        ?.items.find((instrument) => instrument.key === key),
    initialDataUpdatedAt: () => queryClient.getQueryState(instrumentKeys.list())?.dataUpdatedAt,
  });
}
