import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { workspaceKeys } from '../../queries/keys.ts';

export type HealthItemDto = components['schemas']['NetworkHealthItem'];
export type FunnelDto = components['schemas']['NetworkFunnel'];
export type MarketNetworkDto = components['schemas']['NetworkMarketSummary'];
export type FunnelPeriod = FunnelDto['period'];
export type PipelineStage = FunnelDto['stages'][number]['stage'];
export type RelationshipStage = HealthItemDto['stage'];

/** What the health page filters by (the address keeps it). */
export interface HealthSearch {
  /** false: all relationships in the pipeline; true (the default): only the decaying ones. */
  all?: boolean;
  stage?: PipelineStage;
  marketId?: string;
  mine?: boolean;
}

/** How many relationships a page of the health list shows. */
export const HEALTH_PAGE_SIZE = 50;

/**
 * Network health reads the network's records (interactions, relationships): its keys hang under
 * the workspace's root so any change there refreshes it.
 */
export const networkHealthKeys = {
  all: (workspace: string) => [...workspaceKeys.all(workspace), 'network', 'health'] as const,
  list: (workspace: string, search: HealthSearch) =>
    [...networkHealthKeys.all(workspace), 'list', search] as const,
  funnel: (workspace: string, from: string, to: string, marketId: string | undefined, period: FunnelPeriod) =>
    [...networkHealthKeys.all(workspace), 'funnel', from, to, marketId ?? null, period] as const,
  market: (workspace: string, marketId: string) =>
    [...networkHealthKeys.all(workspace), 'market', marketId] as const,
};

export function healthListQuery(workspace: string, search: HealthSearch) {
  return infiniteQueryOptions({
    queryKey: networkHealthKeys.list(workspace, search),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/network/health', {
          params: {
            path: { workspace },
            query: {
              limit: HEALTH_PAGE_SIZE,
              ...(search.all ? {} : { decaying: 'true' as const }),
              ...(search.stage ? { stage: search.stage } : {}),
              ...(search.marketId ? { marketId: search.marketId } : {}),
              ...(search.mine ? { owner: 'me' as const } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 30_000,
  });
}

/** The pipeline funnel of a period (the dashboard's), by quarter. */
export function funnelQuery(
  workspace: string,
  period: { from: string; to: string },
  marketId: string | undefined,
  granularity: FunnelPeriod = 'quarter',
) {
  return queryOptions({
    queryKey: networkHealthKeys.funnel(workspace, period.from, period.to, marketId, granularity),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/network/funnel', {
          params: {
            path: { workspace },
            query: {
              from: period.from,
              to: period.to,
              period: granularity,
              ...(marketId ? { marketId } : {}),
            },
          },
          signal,
        }),
      ),
    staleTime: 30_000,
  });
}

export function marketNetworkQuery(workspace: string, marketId: string) {
  return queryOptions({
    queryKey: networkHealthKeys.market(workspace, marketId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/network/markets/{id}/summary', {
          params: { path: { workspace, id: marketId } },
          signal,
        }),
      ),
    staleTime: 30_000,
  });
}
