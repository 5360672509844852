import { queryOptions } from '@tanstack/react-query';
import { listInvitations, listOutbox } from '../../api/client.ts';
import { workspaceKeys } from '../workspace/queries.ts';

export const userKeys = {
  invitations: (workspace: string) => [...workspaceKeys.all(workspace), 'invitations'] as const,
  /** The development outbox belongs to the signed-in user, not to a workspace. */
  outbox: ['account', 'dev-outbox'] as const,
};

export function invitationListQuery(workspace: string) {
  return queryOptions({
    queryKey: userKeys.invitations(workspace),
    queryFn: ({ signal }) => listInvitations(workspace, signal),
    staleTime: 0,
  });
}

/** `null` when mail leaves through SMTP (the outbox answers 404). */
export function outboxQuery() {
  return queryOptions({
    queryKey: userKeys.outbox,
    queryFn: ({ signal }) => listOutbox(signal),
    staleTime: 0,
  });
}
