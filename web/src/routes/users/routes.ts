import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { cachedAbilities } from '../../app/abilities.ts';
import { workspaceRoute } from '../../app/workspace-route.ts';
import { invitationListQuery, workspaceMemberListQuery } from './queries.ts';

/** `/w/$workspace/users`: the workspace's members and invitations (coordinators). */
export const usersRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'users',
  loader: ({ context, params }) => {
    if (
      cachedAbilities(context.queryClient, params.workspace, context.membership).canSomewhere(
        'invitation.read',
      )
    ) {
      void context.queryClient.prefetchQuery(invitationListQuery(params.workspace));
      void context.queryClient.prefetchInfiniteQuery(
        workspaceMemberListQuery(params.workspace, { q: '', role: null }),
      );
    }
  },
  component: lazyRouteComponent(() => import('./users-page.tsx'), 'UsersPage'),
});

export const usersRoutes = [usersRoute] as const;
