import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { notFound, type ParsedLocation, redirect } from '@tanstack/react-router';
import { api, unwrap } from '../api/client.ts';
import type { MeDto, MembershipDto } from '../api/types.ts';

export const sessionKeys = {
  me: ['session', 'me'] as const,
  /** The CSRF token of the last sign-in, until `/me` has been read again. */
  csrf: ['session', 'csrf'] as const,
};

/** Who is signed in: `null` when nobody is. */
export function meQuery() {
  return queryOptions({
    queryKey: sessionKeys.me,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 5 * 60_000,
  });
}

/**
 * The signed-in user, or `null` when there is no session. Asked of `/auth/session`, which answers
 * a signed-out visitor 200 rather than `/me`'s 401: the browser logs every failed request in its
 * console, and a visitor who is not signed in is no failure.
 */
async function getMe(signal: AbortSignal): Promise<MeDto | null> {
  return (await unwrap(api.GET('/api/v1/auth/session', { signal }))).me;
}

export function useMe() {
  return useQuery(meQuery());
}

/** The CSRF token to send with cookie-authenticated mutations, from the query cache. */
export function csrfTokenFrom(queryClient: QueryClient): string | null {
  return (
    queryClient.getQueryData<MeDto | null>(sessionKeys.me)?.csrfToken ??
    queryClient.getQueryData<string>(sessionKeys.csrf) ??
    null
  );
}

/**
 * A return path is only followed when it stays on this site (`/w/demo/clusters?q=x`), never to
 * another origin (`//evil.example`, `https://…`).
 */
export function safeReturnPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return undefined;
  if (value.startsWith('/sign-in')) return undefined;
  return value;
}

/** For `beforeLoad`: the signed-in user, or a redirect to sign-in that comes back here afterwards. */
export async function requireSignIn(queryClient: QueryClient, location: ParsedLocation): Promise<MeDto> {
  const me = await queryClient.ensureQueryData(meQuery());
  if (!me) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  return me;
}

/** For `beforeLoad`: the user's membership in `workspace`; a workspace they are not in is "not found". */
export async function requireMembership(
  queryClient: QueryClient,
  location: ParsedLocation,
  workspace: string,
): Promise<{ me: MeDto; membership: MembershipDto }> {
  const me = await requireSignIn(queryClient, location);
  const membership = me.workspaces.find((w) => w.slug === workspace);
  if (!membership) throw notFound();
  return { me, membership };
}

/** The membership of the signed-in user in `workspace`, kept current with the `/me` query. */
export function useMembership(workspace: string | undefined): MembershipDto | undefined {
  const me = useMe();
  return workspace ? me.data?.workspaces.find((w) => w.slug === workspace) : undefined;
}

/**
 * The cluster a cluster manager manages, where what it creates belongs (the forms preset it);
 * null for the other roles. Who may do what is the server's answer (`useAbilities`).
 */
export function ownClusterOf(membership: MembershipDto | undefined): string | null {
  return membership?.role === 'cluster_manager' ? membership.clusterId : null;
}

/** Where a signed-in user starts: their first workspace's dashboard, or the catalogue. */
export function homePathOf(me: MeDto): string {
  const first = me.workspaces[0];
  if (first) return `/w/${encodeURIComponent(first.slug)}/`;
  return me.operator ? '/operator' : '/catalogue';
}
