import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from '../../app/workspace-route.ts';
import { eventListQuery, eventQuery, parseEventsSearch, STATUSES, WHEN } from './queries.ts';

/** `?tab=` of the event page: a tab's name, checked against the viewer's tabs by the page. */
export function parseEventSearch(search: Record<string, unknown>): { tab?: string } {
  return typeof search.tab === 'string' && /^[a-z-]{1,30}$/.test(search.tab) ? { tab: search.tab } : {};
}

/** The list's address: `when` absent means upcoming. */
export interface EventsAddress {
  when?: 'upcoming' | 'past' | 'all';
  status?: 'draft' | 'open' | 'closed';
}

/** `/w/$workspace/events`: the B2B events, upcoming first. */
export const eventsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'events',
  validateSearch: (search: Record<string, unknown>): EventsAddress => ({
    ...(typeof search.when === 'string' && WHEN.has(search.when)
      ? { when: search.when as EventsAddress['when'] }
      : {}),
    ...(typeof search.status === 'string' && STATUSES.has(search.status)
      ? { status: search.status as EventsAddress['status'] }
      : {}),
  }),
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) => {
    void context.queryClient.prefetchInfiniteQuery(
      eventListQuery(params.workspace, parseEventsSearch({ ...deps })),
    );
  },
  component: lazyRouteComponent(() => import('./events-page.tsx'), 'EventsPage'),
});

/** `/w/$workspace/events/$eventId`: one event, its tabs by viewer (`?tab=`). */
export const eventRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'events/$eventId',
  validateSearch: parseEventSearch,
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(eventQuery(params.workspace, params.eventId));
  },
  component: lazyRouteComponent(() => import('./event-page.tsx'), 'EventPage'),
});

export const eventSetupRoutes = [eventsRoute, eventRoute] as const;
