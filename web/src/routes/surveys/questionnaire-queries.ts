import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { workspaceKeys } from '../../queries/keys.ts';

export type QuestionnaireDto = components['schemas']['Questionnaire'];
export type QuestionnaireDetailDto = components['schemas']['QuestionnaireDetail'];

export interface QuestionnaireFilters {
  q?: string;
  kind?: 'readiness' | 'market' | 'general';
  status?: 'active' | 'archived';
}

/** The questionnaires' query keys: every questionnaire write refreshes everything under `all`. */
export const questionnaireKeys = {
  all: (workspace: string) => [...workspaceKeys.all(workspace), 'questionnaires'] as const,
  list: (workspace: string, filters: QuestionnaireFilters) =>
    [...questionnaireKeys.all(workspace), 'list', filters] as const,
  detail: (workspace: string, id: string) => [...questionnaireKeys.all(workspace), 'detail', id] as const,
};

export function questionnaireListQuery(workspace: string, filters: QuestionnaireFilters) {
  return infiniteQueryOptions({
    queryKey: questionnaireKeys.list(workspace, filters),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/surveys/questionnaires', {
          params: {
            path: { workspace },
            query: { ...filters, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) },
          },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 30_000,
  });
}

export function questionnaireQuery(workspace: string, id: string) {
  return queryOptions({
    queryKey: questionnaireKeys.detail(workspace, id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/surveys/questionnaires/{id}', {
          params: { path: { workspace, id } },
          signal,
        }),
      ),
    staleTime: 10_000,
  });
}
