import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { AuditListDto } from '../../api/types.ts';
import { workspaceKeys } from '../../queries/keys.ts';

/** The clusters page's search parameters (kept in the address). */
export interface ClustersSearch {
  /** Search in name and short name. */
  q?: string;
  /** ISO 3166-1 alpha-2 country code. */
  country?: string;
}

export const CLUSTER_PAGE_SIZE = 50;
export const AUDIT_PAGE_SIZE = 50;

export const clusterKeys = {
  list: (workspace: string, search: ClustersSearch) =>
    [...workspaceKeys.clusters(workspace), 'list', search] as const,
  detail: (workspace: string, id: string) => [...workspaceKeys.clusters(workspace), 'detail', id] as const,
};

/** The clusters matching a search, page by page (`nextCursor`). */
export function clusterListQuery(workspace: string, search: ClustersSearch) {
  return infiniteQueryOptions({
    queryKey: clusterKeys.list(workspace, search),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/clusters', {
          params: {
            path: { workspace },
            query: {
              limit: CLUSTER_PAGE_SIZE,
              ...(search.q ? { q: search.q } : {}),
              ...(search.country ? { country: search.country } : {}),
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

export function clusterQuery(workspace: string, id: string) {
  return queryOptions({
    queryKey: clusterKeys.detail(workspace, id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/clusters/{id}', {
          params: { path: { workspace, id } },
          signal,
        }),
      ),
    staleTime: 0,
  });
}

/** The audit log's filters, kept in the address (`/w/demo/audit?entityType=market&from=…`). */
export interface AuditSearch {
  /** The author's user id. */
  actorId?: string;
  entityType?: string;
  action?: 'create' | 'update' | 'delete';
  /** First day, `YYYY-MM-DD`. */
  from?: string;
  /** Last day, `YYYY-MM-DD`. */
  to?: string;
  /** `at`, `actor`, `entityType`, `action`, or reversed with a leading `-`; absent: `-at`, newest first. */
  sort?: 'at' | '-at' | 'actor' | '-actor' | 'entityType' | '-entityType' | 'action' | '-action';
}

/** The audit log, newest first or in the address's order, page by page, filtered. */
export function auditListQuery(workspace: string, search: AuditSearch = {}) {
  return infiniteQueryOptions({
    queryKey: [...workspaceKeys.audit(workspace), search] as const,
    // openapi-fetch 0.17 widens tuples to arrays in its response types (openapi-typescript
    // PR #2842): the schema's `[before, after]` pairs are named again here.
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/audit', {
          params: {
            path: { workspace },
            query: { limit: AUDIT_PAGE_SIZE, ...search, ...(pageParam ? { cursor: pageParam } : {}) },
          },
          signal,
        }),
      ) as Promise<AuditListDto>,
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 0,
  });
}

/** Everyone who changed something in the workspace: the "who" filter's choices. */
export function auditActorsQuery(workspace: string) {
  return queryOptions({
    queryKey: [...workspaceKeys.audit(workspace), 'actors'] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/audit/actors', { params: { path: { workspace } }, signal }),
      ),
    staleTime: 30_000,
  });
}
