import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { InstrumentListDto } from '../../api/types.ts';
import { instrumentKeys } from '../../queries/instruments.ts';

/**
 * One instrument. The list already carries every field, so a page opened from the catalogue
 * renders at once from it and needs no second request while the list is fresh.
 */
export function instrumentQuery(key: string, queryClient: QueryClient) {
  return queryOptions({
    queryKey: instrumentKeys.detail(key),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/instruments/{key}', { params: { path: { key } }, signal })),
    initialData: () =>
      queryClient
        .getQueryData<InstrumentListDto>(instrumentKeys.list())
        ?.items.find((instrument) => instrument.key === key),
    initialDataUpdatedAt: () => queryClient.getQueryState(instrumentKeys.list())?.dataUpdatedAt,
  });
}
