import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, isApiError, unwrap } from '../../api/client.ts';
import type { OutboxMailDto, Role } from '../../api/types.ts';
import { workspaceKeys } from '../../queries/keys.ts';

export const userKeys = {
  invitations: (workspace: string) => [...workspaceKeys.all(workspace), 'invitations'] as const,
  members: (workspace: string) => [...workspaceKeys.all(workspace), 'workspace-members'] as const,
  memberList: (workspace: string, filter: MemberFilter) =>
    [...userKeys.members(workspace), 'list', filter] as const,
  /** The development outbox belongs to the signed-in user, not to a workspace. */
  outbox: ['account', 'dev-outbox'] as const,
};

/** The members list's search and role filter. */
export interface MemberFilter {
  q: string;
  role: Role | null;
}

/** The workspace's members matching the filter, page by page (`nextCursor`, "Load more"). */
export function workspaceMemberListQuery(workspace: string, filter: MemberFilter) {
  return infiniteQueryOptions({
    queryKey: userKeys.memberList(workspace, filter),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/members', {
          params: {
            path: { workspace },
            query: {
              limit: 50,
              ...(filter.q.trim() ? { q: filter.q.trim() } : {}),
              ...(filter.role ? { role: filter.role } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 0,
  });
}

export function invitationListQuery(workspace: string) {
  return queryOptions({
    queryKey: userKeys.invitations(workspace),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/invitations', { params: { path: { workspace } }, signal }),
      ),
    staleTime: 0,
  });
}

/** The development outbox's mails for the signed-in user; `null` when mail goes out by SMTP (404). */
async function listOutbox(signal: AbortSignal): Promise<OutboxMailDto[] | null> {
  try {
    return (await unwrap(api.GET('/api/v1/dev/outbox', { params: { query: { limit: 20 } }, signal }))).items;
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

/** `null` when mail leaves through SMTP (the outbox answers 404). */
export function outboxQuery() {
  return queryOptions({
    queryKey: userKeys.outbox,
    queryFn: ({ signal }) => listOutbox(signal),
    staleTime: 0,
  });
}
