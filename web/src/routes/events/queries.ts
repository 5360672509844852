import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { workspaceKeys } from '../../queries/keys.ts';

export type EventSummaryDto = components['schemas']['EventSummary'];
export type EventDetailDto = components['schemas']['EventDetail'];
export type EventSessionDto = components['schemas']['EventSession'];
export type EventSlotDto = components['schemas']['EventSlot'];
export type EventTableDto = components['schemas']['EventTable'];

/** What the events list filters on (kept in the address). */
export interface EventsSearch {
  when?: 'upcoming' | 'past' | undefined;
  status?: 'draft' | 'open' | 'closed' | undefined;
}

export const WHEN = new Set(['upcoming', 'past', 'all']);
export const STATUSES = new Set(['draft', 'open', 'closed']);

/** `?when=upcoming|past|all&status=…` of the events list; upcoming by default. */
export function parseEventsSearch(search: Record<string, unknown>): EventsSearch {
  const when = typeof search.when === 'string' && WHEN.has(search.when) ? search.when : 'upcoming';
  const status = typeof search.status === 'string' && STATUSES.has(search.status) ? search.status : undefined;
  return {
    ...(when !== 'all' ? { when: when as 'upcoming' | 'past' } : {}),
    ...(status ? { status: status as EventsSearch['status'] } : {}),
  };
}

/**
 * The events' query keys: every event write refreshes everything under `all` (the list, the
 * event, every tab's data hung under `detail`). Other tabs hang their keys under `eventKeys.detail`
 * so a set-up change refreshes them too.
 */
export const eventKeys = {
  all: (workspace: string) => [...workspaceKeys.all(workspace), 'events'] as const,
  list: (workspace: string, search: EventsSearch) => [...eventKeys.all(workspace), 'list', search] as const,
  ofActivity: (workspace: string, activityId: string) =>
    [...eventKeys.all(workspace), 'activity', activityId] as const,
  detail: (workspace: string, eventId: string) => [...eventKeys.all(workspace), 'detail', eventId] as const,
};

export function eventListQuery(workspace: string, search: EventsSearch) {
  return infiniteQueryOptions({
    queryKey: eventKeys.list(workspace, search),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/events', {
          params: {
            path: { workspace },
            query: {
              limit: 30,
              ...(search.when ? { when: search.when } : {}),
              ...(search.status ? { status: search.status } : {}),
              ...(search.when === 'past' ? { sort: '-startsOn' as const } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 30_000,
  });
}

/** The event of an activity (at most one), for the activity page's section. */
export function activityEventQuery(workspace: string, activityId: string) {
  return queryOptions({
    queryKey: eventKeys.ofActivity(workspace, activityId),
    queryFn: async ({ signal }) => {
      const page = await unwrap(
        api.GET('/api/v1/workspaces/{workspace}/events', {
          params: { path: { workspace }, query: { activityId, limit: 1 } },
          signal,
        }),
      );
      return { event: page.items[0] ?? null, canCreate: page.canCreate };
    },
    staleTime: 30_000,
  });
}

/** One event with its sessions, slots, tables, co-organisers, counts and `me` (who the caller is to it). */
export function eventQuery(workspace: string, eventId: string) {
  return queryOptions({
    queryKey: eventKeys.detail(workspace, eventId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/events/{eventId}', {
          params: { path: { workspace, eventId } },
          signal,
        }),
      ),
    staleTime: 10_000,
  });
}
