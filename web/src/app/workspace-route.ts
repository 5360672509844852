import { createRoute, Outlet } from '@tanstack/react-router';
import { rootRoute } from './root-route.tsx';
import { requireMembership } from './session.ts';

/**
 * `/w/$workspace/…`: every page of a workspace needs a signed-in member of it. Each feature hangs
 * its pages under this route; the router adds them (`router.tsx`).
 */
export const workspaceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'w/$workspace',
  beforeLoad: ({ context, location, params }) =>
    requireMembership(context.queryClient, location, params.workspace),
  component: Outlet,
});
