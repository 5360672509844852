import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { workspaceKeys } from '../../queries/keys.ts';

export type WaveDto = components['schemas']['SurveyWave'];
export type WaveDetailDto = components['schemas']['SurveyWaveDetail'];
export type PublicSurveyDto = components['schemas']['PublicSurvey'];

/** The waves' query keys: every wave write refreshes everything under `all`. */
export const waveKeys = {
  all: (workspace: string) => [...workspaceKeys.all(workspace), 'survey-waves'] as const,
  list: (workspace: string) => [...waveKeys.all(workspace), 'list'] as const,
  options: (workspace: string) => [...waveKeys.all(workspace), 'questionnaire-options'] as const,
  detail: (workspace: string, id: string) => [...waveKeys.all(workspace), 'detail', id] as const,
};

export function wavesQuery(workspace: string) {
  return queryOptions({
    queryKey: waveKeys.list(workspace),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/surveys/waves', {
          params: { path: { workspace }, query: { limit: 200 } },
          signal,
        }),
      ),
    staleTime: 10_000,
  });
}

export function questionnaireOptionsQuery(workspace: string) {
  return queryOptions({
    queryKey: waveKeys.options(workspace),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/surveys/waves/questionnaire-options', {
          params: { path: { workspace } },
          signal,
        }),
      ),
    staleTime: 30_000,
  });
}

/** A wave; polled every 5 s while it is open, so its progress shows as it happens. */
export function waveQuery(workspace: string, id: string) {
  return queryOptions({
    queryKey: waveKeys.detail(workspace, id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/surveys/waves/{id}', {
          params: { path: { workspace, id } },
          signal,
        }),
      ),
    refetchInterval: (query) => (query.state.data?.status === 'open' ? 5_000 : false),
    staleTime: 2_000,
  });
}
