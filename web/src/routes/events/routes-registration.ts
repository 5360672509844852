import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../app/root-route.tsx';

/** `/register/$slug`: an event's public registration page (no workspace, no sign-in). */
export const publicRegistrationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'register/$slug',
  component: lazyRouteComponent(() => import('./registration-route-pages.tsx'), 'RegistrationRoutePage'),
});

/** `/events/confirm#token`: the confirmation link of a registration mail. */
export const confirmRegistrationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'events/confirm',
  component: lazyRouteComponent(() => import('./registration-link-pages.tsx'), 'ConfirmRegistrationPage'),
});

/** `/events/access#token`: the event link of a mail. */
export const eventAccessRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'events/access',
  component: lazyRouteComponent(() => import('./registration-link-pages.tsx'), 'EventAccessPage'),
});

/** `/event-portal`: an outside participant's event, signed in by its event link. */
export const eventPortalRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'event-portal',
  component: lazyRouteComponent(() => import('./portal-page.tsx'), 'PortalPage'),
});

export const eventRegistrationRoutes = [
  publicRegistrationRoute,
  confirmRegistrationRoute,
  eventAccessRoute,
  eventPortalRoute,
] as const;
