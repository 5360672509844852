import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
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

/** Waves newest first, 50 a page, searched by name. */
export function wavesQuery(workspace: string, q: string) {
  return infiniteQueryOptions({
    queryKey: [...waveKeys.list(workspace), q] as const,
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/surveys/waves', {
          params: {
            path: { workspace },
            query: { limit: 50, ...(q ? { q } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
          },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 10_000,
  });
}

/** The instruments a wave can run in: validation surveys (1.1.6) and market surveys (1.3.4). */
export const SURVEY_INSTRUMENT_CODES = ['1.1.6', '1.3.4'] as const;

/** The activities a wave can belong to, latest first (up to 500 of each instrument). */
export function surveyActivitiesQuery(workspace: string) {
  return queryOptions({
    queryKey: [...waveKeys.all(workspace), 'activities'] as const,
    queryFn: async ({ signal }) => {
      const lists = await Promise.all(
        SURVEY_INSTRUMENT_CODES.map((instrumentKey) =>
          unwrap(
            api.GET('/api/v1/workspaces/{workspace}/activities', {
              params: { path: { workspace }, query: { instrumentKey, sort: '-startsOn', limit: 500 } },
              signal,
            }),
          ),
        ),
      );
      return lists.flatMap((list) => list.items);
    },
    staleTime: 30_000,
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
