import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import type { EventViewer } from './viewer.ts';

export type CheckInListDto = components['schemas']['EventCheckInList'];
export type DayOverviewDto = components['schemas']['EventDayOverview'];
export type DayMeetingDto = components['schemas']['EventDayMeeting'];
export type FollowUpDto = components['schemas']['EventFollowUp'];
export type MyMeetingDto = components['schemas']['EventMyMeeting'];
export type StatisticsDto = components['schemas']['EventStatistics'];
export type CodeLookupDto = components['schemas']['EventCheckInCode'];
export type MeetingStatus = DayMeetingDto['status'];
export type FollowUp = NonNullable<MyMeetingDto['feedback']>['followUp'];

/** The day's query keys: every write of the day refreshes everything under `all`. */
export const dayKeys = {
  all: (eventId: string) => ['event-day', eventId] as const,
  checkIn: (eventId: string, q: string) => [...dayKeys.all(eventId), 'check-in', q] as const,
  overview: (eventId: string) => [...dayKeys.all(eventId), 'overview'] as const,
  followUp: (eventId: string) => [...dayKeys.all(eventId), 'follow-up'] as const,
  statistics: (eventId: string) => [...dayKeys.all(eventId), 'statistics'] as const,
  code: (eventId: string, code: string) => [...dayKeys.all(eventId), 'code', code] as const,
};

export function checkInListQuery(workspace: string, eventId: string, q: string) {
  return queryOptions({
    queryKey: dayKeys.checkIn(eventId, q),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/events/{eventId}/check-in', {
          params: { path: { workspace, eventId }, query: q ? { q, limit: 300 } : { limit: 300 } },
          signal,
        }),
      ),
    staleTime: 10_000,
  });
}

export function dayOverviewQuery(workspace: string, eventId: string) {
  return queryOptions({
    queryKey: dayKeys.overview(eventId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/events/{eventId}/day', {
          params: { path: { workspace, eventId } },
          signal,
        }),
      ),
    // The slot changes by itself: read again every half minute.
    refetchInterval: 30_000,
  });
}

export function codeLookupQuery(workspace: string, eventId: string, code: string) {
  return queryOptions({
    queryKey: dayKeys.code(eventId, code),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/events/{eventId}/check-in/codes/{code}', {
          params: { path: { workspace, eventId, code } },
          signal,
        }),
      ),
    retry: false,
  });
}

export function statisticsQuery(workspace: string, eventId: string) {
  return queryOptions({
    queryKey: dayKeys.statistics(eventId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/events/{eventId}/statistics', {
          params: { path: { workspace, eventId } },
          signal,
        }),
      ),
    staleTime: 30_000,
  });
}

/** A member's or an outside participant's own meetings, through the workspace or the portal API. */
export function followUpQuery(viewer: EventViewer) {
  return queryOptions({
    queryKey: dayKeys.followUp(viewer.eventId),
    queryFn: ({ signal }) =>
      viewer.kind === 'portal'
        ? unwrap(api.GET('/api/v1/event-portal/follow-up', { signal }))
        : unwrap(
            api.GET('/api/v1/workspaces/{workspace}/events/{eventId}/follow-up', {
              params: { path: { workspace: viewer.workspace, eventId: viewer.eventId } },
              signal,
            }),
          ),
  });
}

/** Marks a meeting (as a side, or as an organiser on the workspace API). */
export function setMeetingStatus(
  viewer: EventViewer,
  meetingId: string,
  body: { status: MeetingStatus; version: number },
) {
  return viewer.kind === 'portal'
    ? unwrap(
        api.POST('/api/v1/event-portal/meetings/{meetingId}/status', {
          params: { path: { meetingId } },
          body,
        }),
      )
    : unwrap(
        api.POST('/api/v1/workspaces/{workspace}/events/{eventId}/meetings/{meetingId}/status', {
          params: { path: { workspace: viewer.workspace, eventId: viewer.eventId, meetingId } },
          body,
        }),
      );
}

export function giveFeedback(
  viewer: EventViewer,
  meetingId: string,
  body: { rating: number | null; followUp: FollowUp; comment: string },
) {
  return viewer.kind === 'portal'
    ? unwrap(
        api.POST('/api/v1/event-portal/meetings/{meetingId}/feedback', {
          params: { path: { meetingId } },
          body,
        }),
      )
    : unwrap(
        api.POST('/api/v1/workspaces/{workspace}/events/{eventId}/meetings/{meetingId}/feedback', {
          params: { path: { workspace: viewer.workspace, eventId: viewer.eventId, meetingId } },
          body,
        }),
      );
}

export function selfCheckIn(viewer: EventViewer) {
  return viewer.kind === 'portal'
    ? unwrap(api.POST('/api/v1/event-portal/check-in'))
    : unwrap(
        api.POST('/api/v1/workspaces/{workspace}/events/{eventId}/check-in/me', {
          params: { path: { workspace: viewer.workspace, eventId: viewer.eventId } },
        }),
      );
}

export function setCheckIn(workspace: string, eventId: string, participantId: string, checkedIn: boolean) {
  const params = { params: { path: { workspace, eventId, participantId } } };
  return checkedIn
    ? unwrap(
        api.POST(
          '/api/v1/workspaces/{workspace}/events/{eventId}/participants/{participantId}/check-in',
          params,
        ),
      )
    : unwrap(
        api.DELETE(
          '/api/v1/workspaces/{workspace}/events/{eventId}/participants/{participantId}/check-in',
          params,
        ),
      );
}

export function checkInByCode(workspace: string, eventId: string, code: string) {
  return unwrap(
    api.POST('/api/v1/workspaces/{workspace}/events/{eventId}/check-in/by-code', {
      params: { path: { workspace, eventId } },
      body: { code },
    }),
  );
}

/** The time of day of an instant, in the browser's clock (HH:MM). */
export function timeOf(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}
