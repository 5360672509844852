import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { workspaceKeys } from '../../queries/keys.ts';

export type ScheduleOverviewDto = components['schemas']['ScheduleOverview'];
export type ScheduleRunDto = components['schemas']['ScheduleRun'];
export type ScheduleRunSummaryDto = components['schemas']['ScheduleRunSummary'];
export type ScheduledMeetingDto = components['schemas']['ScheduledMeeting'];

/** The scheduling tab's query keys: every scheduling write refreshes everything under `all`. */
export const scheduleKeys = {
  all: (workspace: string, eventId: string) =>
    [...workspaceKeys.all(workspace), 'event-schedule', eventId] as const,
  overview: (workspace: string, eventId: string) =>
    [...scheduleKeys.all(workspace, eventId), 'overview'] as const,
  runs: (workspace: string, eventId: string) => [...scheduleKeys.all(workspace, eventId), 'runs'] as const,
  run: (workspace: string, eventId: string, runId: string) =>
    [...scheduleKeys.all(workspace, eventId), 'run', runId] as const,
  meetings: (workspace: string, eventId: string, limit: number) =>
    [...scheduleKeys.all(workspace, eventId), 'meetings', limit] as const,
};

export function scheduleOverviewQuery(workspace: string, eventId: string) {
  return queryOptions({
    queryKey: scheduleKeys.overview(workspace, eventId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/events/{eventId}/schedule', {
          params: { path: { workspace, eventId } },
          signal,
        }),
      ),
    staleTime: 5_000,
  });
}

export function scheduleRunsQuery(workspace: string, eventId: string) {
  return queryOptions({
    queryKey: scheduleKeys.runs(workspace, eventId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/events/{eventId}/schedule-runs', {
          params: { path: { workspace, eventId } },
          signal,
        }),
      ),
    staleTime: 5_000,
  });
}

/** A run; polled every second while it is queued or running (its progress). */
export function scheduleRunQuery(workspace: string, eventId: string, runId: string) {
  return queryOptions({
    queryKey: scheduleKeys.run(workspace, eventId, runId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/events/{eventId}/schedule-runs/{runId}', {
          params: { path: { workspace, eventId, runId } },
          signal,
        }),
      ),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'queued' || status === 'running' ? 1000 : false;
    },
  });
}

export function scheduledMeetingsQuery(workspace: string, eventId: string, limit: number) {
  return queryOptions({
    queryKey: scheduleKeys.meetings(workspace, eventId, limit),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/events/{eventId}/meetings', {
          params: { path: { workspace, eventId }, query: { limit } },
          signal,
        }),
      ),
    staleTime: 5_000,
  });
}

/** A slot's start in the event's time zone: `Tue 10 Mar, 09:30`. */
export function formatSlot(iso: string, timeZone: string): string {
  const value = new Date(iso);
  if (Number.isNaN(value.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(undefined, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    }).format(value);
  } catch {
    return value.toISOString();
  }
}
