import { createRoute, Outlet } from '@tanstack/react-router';
import { abilitiesQuery } from './abilities.ts';
import { rootRoute } from './root-route.tsx';
import { requireMembership } from './session.ts';

/**
 * `/w/$workspace/…`: every page of a workspace needs a signed-in member of it. Each feature hangs
 * its pages under this route; the router adds them (`router.tsx`). The member's abilities are
 * loaded before the page, so its actions show at once (a failure leaves them hidden, not the page).
 */
export const workspaceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'w/$workspace',
  beforeLoad: async ({ context, location, params }) => {
    const session = await requireMembership(context.queryClient, location, params.workspace);
    await context.queryClient.prefetchQuery(abilitiesQuery(params.workspace, session.membership));
    return session;
  },
  component: Outlet,
});
