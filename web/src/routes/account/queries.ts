import { queryOptions } from '@tanstack/react-query';
import { listApiTokens } from '../../api/client.ts';

export const accountKeys = {
  tokens: ['account', 'tokens'] as const,
};

export function apiTokensQuery() {
  return queryOptions({
    queryKey: accountKeys.tokens,
    queryFn: ({ signal }) => listApiTokens(signal),
    staleTime: 0,
  });
}
