/**
 * What the signed-in member may do in a workspace, as the server's access policy answers it
 * (`GET …/me/abilities`), to show only the actions the server would allow. Nothing here decides:
 * `grants` only looks the answer up. The server still checks every request.
 */
import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { AbilitiesDto, MembershipDto, Permission } from '../api/types.ts';
import { workspaceKeys } from '../queries/keys.ts';
import { useMembership } from './session.ts';

/** The resource an action touches: its cluster (null: unowned) and its member organisation. */
export interface ResourceScope {
  clusterId?: string | null;
  organisationId?: string | null;
}

/**
 * The caller's abilities in `workspace`, once per workspace and membership: a changed role (a new
 * `/me` answer) is asked for afresh.
 */
export function abilitiesQuery(workspace: string, membership: MembershipDto | undefined) {
  return queryOptions({
    queryKey: [
      ...workspaceKeys.all(workspace),
      'abilities',
      membership?.role ?? null,
      membership?.clusterId ?? null,
      membership?.organisationId ?? null,
    ] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/me/abilities', { params: { path: { workspace } }, signal }),
      ),
    staleTime: 5 * 60_000,
  });
}

/**
 * Whether the server's answer grants `permission`: with a scope, in its entry (the member's own
 * organisation when `organisationId` is it, else the resource's cluster, else the unowned
 * resources); without one, in any entry (on some resource the caller can meet: a member without
 * an organisation edits none). Nothing loaded grants nothing.
 */
export function grants(
  abilities: AbilitiesDto | undefined,
  permission: Permission,
  scope?: ResourceScope,
): boolean {
  if (!abilities) return false;
  if (!scope) return abilities.scopes.some((entry) => entry.permissions.includes(permission));
  const { clusterId, organisationId } = scope;
  const entry =
    (organisationId ? abilities.scopes.find((s) => s.organisationId === organisationId) : undefined) ??
    (clusterId
      ? abilities.scopes.find((s) => s.organisationId === null && s.clusterId === clusterId)
      : undefined) ??
    abilities.scopes.find((s) => s.organisationId === null && s.clusterId === null);
  return entry?.permissions.includes(permission) ?? false;
}

export interface Abilities {
  /** Whether the server's answer is there (before it, nothing is granted). */
  loaded: boolean;
  /** May the caller do `permission` on a resource of `scope`? */
  can(permission: Permission, scope: ResourceScope): boolean;
  /** May the caller do `permission` on some resource (an "Add" button, a page of the navigation)? */
  canSomewhere(permission: Permission): boolean;
}

function abilitiesFrom(data: AbilitiesDto | undefined): Abilities {
  return {
    loaded: data !== undefined,
    can: (permission, scope) => grants(data, permission, scope),
    canSomewhere: (permission) => grants(data, permission),
  };
}

/** The signed-in member's abilities in `workspace` (nothing granted until they are loaded). */
export function useAbilities(workspace: string | undefined): Abilities {
  const membership = useMembership(workspace);
  const { data } = useQuery({
    ...abilitiesQuery(workspace ?? '', membership),
    enabled: Boolean(workspace && membership),
  });
  return abilitiesFrom(data);
}

/** For route loaders: the abilities already in the cache (the workspace route loads them first). */
export function cachedAbilities(
  queryClient: QueryClient,
  workspace: string,
  membership: MembershipDto,
): Abilities {
  return abilitiesFrom(queryClient.getQueryData(abilitiesQuery(workspace, membership).queryKey));
}
