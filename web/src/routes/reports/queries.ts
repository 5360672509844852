import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { JobDto } from '../../api/types.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { isFinished } from './report-form.ts';

export const reportKeys = {
  all: (workspace: string) => [...workspaceKeys.all(workspace), 'reports'] as const,
  list: (workspace: string) => [...reportKeys.all(workspace), 'list'] as const,
  job: (workspace: string, id: string) => [...reportKeys.all(workspace), 'job', id] as const,
};

/** How often a running job is asked for its progress. */
export const JOB_POLL_MS = 1000;

/** The workspace's report jobs, newest first, 20 a page. */
export function reportJobListQuery(workspace: string) {
  return infiniteQueryOptions({
    queryKey: reportKeys.list(workspace),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/jobs', {
          params: {
            path: { workspace },
            query: { kind: 'report', limit: 20, ...(pageParam ? { cursor: pageParam } : {}) },
          },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 0,
  });
}

/** One job, read every second until it succeeded or failed. */
export function jobQuery(workspace: string, job: JobDto) {
  return queryOptions({
    queryKey: reportKeys.job(workspace, job.id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/jobs/{id}', {
          params: { path: { workspace, id: job.id } },
          signal,
        }),
      ),
    initialData: job,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data) ? false : JOB_POLL_MS),
  });
}
