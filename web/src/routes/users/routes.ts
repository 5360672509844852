import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from '../workspace/routes.ts';
import { invitationListQuery } from './queries.ts';

/** `/w/$workspace/users`: invitations to the workspace (coordinators). */
export const usersRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'users',
  loader: ({ context, params }) => {
    if (context.membership.role === 'coordinator') {
      void context.queryClient.prefetchQuery(invitationListQuery(params.workspace));
    }
  },
  component: lazyRouteComponent(() => import('./users-page.tsx'), 'UsersPage'),
});

export const usersRoutes = [usersRoute] as const;
