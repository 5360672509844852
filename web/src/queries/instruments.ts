import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';

export const instrumentKeys = {
  all: ['instruments'] as const,
  list: () => [...instrumentKeys.all, 'list'] as const,
  detail: (key: string) => [...instrumentKeys.all, 'detail', key] as const,
};

/** The whole catalogue (17 D4.2 instruments plus a workspace's own); filtered in the browser. */
export function instrumentListQuery() {
  return queryOptions({
    queryKey: instrumentKeys.list(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/instruments', { signal })),
  });
}
