import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../app/root-route.tsx';
import { requireSignIn } from '../../app/session.ts';
import { workspaceRoute } from '../../app/workspace-route.ts';

/** `/setup/$token`: a one-time set-up link (no account needed). */
export const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'setup/$token',
  component: lazyRouteComponent(() => import('./setup-page.tsx'), 'SetupPage'),
});

/** `/operator`: the instance operator's list of workspaces (the API answers 403 to anyone else). */
export const operatorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'operator',
  beforeLoad: async ({ context, location }) => {
    await requireSignIn(context.queryClient, location);
  },
  component: lazyRouteComponent(() => import('./operator-page.tsx'), 'OperatorPage'),
});

/** `/w/$workspace/settings`: the workspace's settings (coordinators edit; others read). */
export const settingsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'settings',
  component: lazyRouteComponent(() => import('./settings-page.tsx'), 'SettingsPage'),
});

export const workspacesRootRoutes = [setupRoute, operatorRoute] as const;
export const workspacesChildRoutes = [settingsRoute] as const;
