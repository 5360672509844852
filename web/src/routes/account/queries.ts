import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';

export const accountKeys = {
  tokens: ['account', 'tokens'] as const,
};

export function apiTokensQuery() {
  return queryOptions({
    queryKey: accountKeys.tokens,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/tokens', { signal })),
    staleTime: 0,
  });
}
