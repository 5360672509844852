import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';
import { workspaceKeys } from '../../queries/keys.ts';

type Ok<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

export type WaveResultsDto = Ok<'/api/v1/workspaces/{workspace}/surveys/waves/{id}/results'>;
export type QuestionResultDto = WaveResultsDto['questions'][number];
export type ReadinessProfileDto = Ok<'/api/v1/workspaces/{workspace}/organisations/{id}/readiness'>;
export type MarketReadinessDto = Ok<'/api/v1/workspaces/{workspace}/markets/{id}/readiness'>;

/** Survey results and readiness (issue 23): read-only, refreshed with everything about surveys. */
export const resultsKeys = {
  all: (workspace: string) => [...workspaceKeys.all(workspace), 'survey-results'] as const,
  wave: (workspace: string, id: string) => [...resultsKeys.all(workspace), 'wave', id] as const,
  profile: (workspace: string, id: string) => [...resultsKeys.all(workspace), 'profile', id] as const,
  market: (workspace: string, id: string) => [...resultsKeys.all(workspace), 'market', id] as const,
};

export function waveResultsQuery(workspace: string, id: string) {
  return queryOptions({
    queryKey: resultsKeys.wave(workspace, id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/surveys/waves/{id}/results', {
          params: { path: { workspace, id } },
          signal,
        }),
      ),
    staleTime: 30_000,
  });
}

export function readinessProfileQuery(workspace: string, id: string) {
  return queryOptions({
    queryKey: resultsKeys.profile(workspace, id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/organisations/{id}/readiness', {
          params: { path: { workspace, id } },
          signal,
        }),
      ),
    staleTime: 30_000,
  });
}

export function marketReadinessQuery(workspace: string, id: string) {
  return queryOptions({
    queryKey: resultsKeys.market(workspace, id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/markets/{id}/readiness', {
          params: { path: { workspace, id } },
          signal,
        }),
      ),
    staleTime: 30_000,
  });
}

/** A text of the questionnaire in the page's language, English when it has none. */
export function inLanguage(text: Record<string, string>, language: string): string {
  return text[language] ?? text.en ?? '';
}
