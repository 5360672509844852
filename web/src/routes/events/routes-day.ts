import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from '../../app/workspace-route.ts';

/**
 * `/w/$workspace/events/$eventId/check-in/$code`: the page a participant's agenda QR code opens on
 * an organiser's phone: who it is, and a "Check in" button.
 */
export const checkInCodeRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'events/$eventId/check-in/$code',
  component: lazyRouteComponent(() => import('./check-in-page.tsx'), 'CheckInCodePage'),
});

export const eventDayRoutes = [checkInCodeRoute] as const;
