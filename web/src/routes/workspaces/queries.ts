import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';

export type WorkspaceSettingsDto = components['schemas']['WorkspaceSettings'];
export type OperatorWorkspaceDto = components['schemas']['OperatorWorkspace'];
export type SetupPreviewDto = components['schemas']['SetupPreview'];

export const settingsKeys = {
  settings: (workspace: string) => ['workspace', workspace, 'settings'] as const,
  operator: ['operator', 'workspaces'] as const,
  setup: (token: string) => ['setup', token] as const,
};

/** The workspace's settings (every member reads them: money is shown in its currency). */
export function settingsQuery(workspace: string) {
  return queryOptions({
    queryKey: settingsKeys.settings(workspace),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/workspaces/{workspace}/settings', { params: { path: { workspace } }, signal })),
    staleTime: 60_000,
  });
}

/** Every workspace of the Hub, as the operator sees them. */
export function operatorWorkspacesQuery(refetchWhileDeleting = false) {
  return queryOptions({
    queryKey: settingsKeys.operator,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/operator/workspaces', { signal })),
    refetchInterval: refetchWhileDeleting ? 1000 : false,
  });
}

export function setupPreviewQuery(token: string) {
  return queryOptions({
    queryKey: settingsKeys.setup(token),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/setup/{token}', { params: { path: { token } }, signal })),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
