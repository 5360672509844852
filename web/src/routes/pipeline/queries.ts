import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { CreateRelationshipBody, RelationshipStage } from '../../api/types.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { networkKeys } from '../network/queries.ts';
import { boardApiQuery, listApiQuery, type PipelineSearch } from './search-params.ts';

export const pipelineKeys = {
  all: (workspace: string) => [...networkKeys.all(workspace), 'relationships'] as const,
  board: (workspace: string, search: PipelineSearch) =>
    [...pipelineKeys.all(workspace), 'board', boardApiQuery(search)] as const,
  list: (workspace: string, query: object) => [...pipelineKeys.all(workspace), 'list', query] as const,
  detail: (workspace: string, id: string) => [...pipelineKeys.all(workspace), 'detail', id] as const,
};

/** Per stage, how many relationships and the 50 most recently moved. */
export function boardQuery(workspace: string, search: PipelineSearch) {
  return queryOptions({
    queryKey: pipelineKeys.board(workspace, search),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/network/relationships/board', {
          params: { path: { workspace }, query: boardApiQuery(search) },
          signal,
        }),
      ),
    staleTime: 10_000,
  });
}

/** The relationships matching the address's filters, page by page. */
export function relationshipListQuery(workspace: string, search: PipelineSearch) {
  const query = listApiQuery(search, null);
  return infiniteQueryOptions({
    queryKey: pipelineKeys.list(workspace, query),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/network/relationships', {
          params: { path: { workspace }, query: listApiQuery(search, pageParam) },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 10_000,
  });
}

/** The relationships of one organisation (ours or counterpart), for its page's section. */
export function organisationRelationshipsQuery(
  workspace: string,
  filter: { networkOrganisationId: string } | { ours: string } | { counterpartOrganisationId: string },
) {
  return queryOptions({
    queryKey: pipelineKeys.list(workspace, filter),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/network/relationships', {
          params: { path: { workspace }, query: { ...filter, sort: 'counterpart', limit: 100 } },
          signal,
        }),
      ),
    staleTime: 10_000,
  });
}

export function relationshipQuery(workspace: string, id: string) {
  return queryOptions({
    queryKey: pipelineKeys.detail(workspace, id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/network/relationships/{id}', {
          params: { path: { workspace, id } },
          signal,
        }),
      ),
    staleTime: 0,
  });
}

/** The activities whose days are within a fortnight of `day` (the ones a stage change is attributed to). */
export function activitiesAroundQuery(workspace: string, day: string) {
  const shift = (days: number) => {
    const date = new Date(`${day}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
  };
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(day));
  return queryOptions({
    queryKey: [...workspaceKeys.planning(workspace), 'activities', 'around', day] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/activities', {
          params: {
            path: { workspace },
            query: { from: shift(-14), to: shift(14), sort: 'startsOn', limit: 100 },
          },
          signal,
        }),
      ),
    enabled: valid,
    staleTime: 30_000,
  });
}

/**
 * A change to the pipeline: once it succeeds, the network's queries, the KPIs (under planning:
 * activity pages and the dashboard) and the audit log are fetched again, then `onDone` runs.
 */
export function usePipelineMutation<Variables, Result = unknown>(
  workspace: string,
  mutationFn: (variables: Variables) => Promise<Result>,
  onDone: (result: Result) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (result) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: networkKeys.all(workspace) }),
        queryClient.invalidateQueries({ queryKey: workspaceKeys.planning(workspace) }),
        queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
      ]);
      onDone(result);
    },
  });
}

export interface StageChangeVariables {
  id: string;
  version: number;
  stage: RelationshipStage;
  changedOn: string;
  activityId: string | null;
  reason: string | null;
}

export function changeStage(workspace: string, { id, ...body }: StageChangeVariables) {
  return unwrap(
    api.POST('/api/v1/workspaces/{workspace}/network/relationships/{id}/stage', {
      params: { path: { workspace, id } },
      body,
    }),
  );
}

export function createRelationship(workspace: string, body: CreateRelationshipBody) {
  return unwrap(
    api.POST('/api/v1/workspaces/{workspace}/network/relationships', {
      params: { path: { workspace } },
      body,
    }),
  );
}

export function updateRelationshipNotes(workspace: string, id: string, version: number, notes: string) {
  return unwrap(
    api.PATCH('/api/v1/workspaces/{workspace}/network/relationships/{id}', {
      params: { path: { workspace, id } },
      body: { version, notes },
    }),
  );
}

export function deleteRelationship(workspace: string, id: string, version: number) {
  return unwrap(
    api.DELETE('/api/v1/workspaces/{workspace}/network/relationships/{id}', {
      params: { path: { workspace, id }, query: { version } },
    }),
  );
}
