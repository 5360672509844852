import { createRoute, Outlet } from '@tanstack/react-router';
import { createElement } from 'react';
import { settingsQuery } from '../routes/workspaces/queries.ts';
import { SuspendedState } from '../routes/workspaces/suspended-state.tsx';
import { abilitiesQuery } from './abilities.ts';
import { setMoneyCurrency } from './format.ts';
import { rootRoute } from './root-route.tsx';
import { requireMembership } from './session.ts';

/**
 * `/w/$workspace/…`: every page of a workspace needs a signed-in member of it. Each feature hangs
 * its pages under this route; the router adds them (`router.tsx`). The member's abilities are
 * loaded before the page, so its actions show at once (a failure leaves them hidden, not the page),
 * and the workspace's settings, so money is shown in its currency. A suspended workspace shows a
 * page saying so instead of any of its pages.
 */
export const workspaceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'w/$workspace',
  beforeLoad: async ({ context, location, params }) => {
    const session = await requireMembership(context.queryClient, location, params.workspace);
    if (session.membership.status === 'suspended') return session;
    const [settings] = await Promise.all([
      context.queryClient.ensureQueryData(settingsQuery(params.workspace)).catch(() => null),
      context.queryClient.prefetchQuery(abilitiesQuery(params.workspace, session.membership)),
    ]);
    if (settings) setMoneyCurrency(settings.currency);
    return session;
  },
  component: function WorkspaceLayout() {
    const { membership } = workspaceRoute.useRouteContext();
    return membership.status === 'suspended' ? createElement(SuspendedState) : createElement(Outlet);
  },
});
