import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { JobDto } from '../../api/types.ts';
import { workspaceKeys } from '../../queries/keys.ts';

export const archiveKeys = {
  jobs: (workspace: string) => [...workspaceKeys.all(workspace), 'archive', 'jobs'] as const,
};

const FINISHED = new Set<JobDto['status']>(['succeeded', 'failed']);

/** The workspace's archive exports, newest first; read every second while one is not finished. */
export function archiveJobsQuery(workspace: string) {
  return queryOptions({
    queryKey: archiveKeys.jobs(workspace),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/jobs', {
          params: { path: { workspace }, query: { kind: 'archive', limit: 20 } },
          signal,
        }),
      ),
    staleTime: 0,
    refetchInterval: (query) =>
      query.state.data?.items.some((job) => !FINISHED.has(job.status)) ? 1000 : false,
  });
}

function uploadOptions(workspace: string, file: File) {
  return {
    params: { path: { workspace } },
    // biome-ignore lint/suspicious/noExplicitAny: the body is the file itself, sent as it is
    body: file as any,
    bodySerializer: (body: unknown) => body as BodyInit,
    headers: { 'Content-Type': 'application/zip' },
  };
}

/** Sends the chosen archive file (a ZIP) to be checked: what it holds, and whether this workspace may receive it. */
export function inspectArchive(workspace: string, file: File) {
  return unwrap(api.POST('/api/v1/workspaces/{workspace}/archive/inspect', uploadOptions(workspace, file)));
}

/** Sends the chosen archive file (a ZIP) to be imported into this workspace. */
export function importArchive(workspace: string, file: File) {
  return unwrap(api.POST('/api/v1/workspaces/{workspace}/archive/import', uploadOptions(workspace, file)));
}
