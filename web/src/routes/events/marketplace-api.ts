/**
 * The marketplace's calls (issue 22 item 3) for each kind of viewer: the workspace's routes for
 * organisers and members, the event portal's for an outside participant (its token travels in
 * `X-Participant-Token`, added by the API client). One set of functions, so the tabs do not care.
 */
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';
import type { EventViewer } from './viewer.ts';

type Json<P extends keyof paths, M extends 'get' | 'post' | 'patch'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer R } } };
}
  ? R
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer R } } } }
    ? R
    : never;

export type Catalogue = Json<'/api/v1/workspaces/{workspace}/events/{eventId}/catalogue', 'get'>;
export type CatalogueEntry = Catalogue['items'][number];
export type Suggestions = Json<'/api/v1/workspaces/{workspace}/events/{eventId}/suggestions', 'get'>;
export type Suggestion = Suggestions['items'][number];
export type SuggestionReason = Suggestion['reasons'][number];
export type RequestList = Json<'/api/v1/workspaces/{workspace}/events/{eventId}/requests', 'get'>;
export type MeetingRequest = RequestList['items'][number];
export type MeetingTypeCode = MeetingRequest['meetingType'];
export type RequestStatusCode = MeetingRequest['status'];

type CatalogueQuery = NonNullable<
  paths['/api/v1/workspaces/{workspace}/events/{eventId}/catalogue']['get']['parameters']['query']
>;
export type SegmentCode = NonNullable<CatalogueQuery['segment']>[number];
export type CatalogueFilters = CatalogueQuery & { limit: number };

export interface RequestFilters {
  status?: RequestStatusCode[];
  origin?: MeetingRequest['origin'][];
  participantId?: string;
  limit: number;
}

export interface NewRequest {
  fromParticipantId?: string;
  toParticipantId: string;
  meetingType: MeetingTypeCode;
  message: string;
  priority: 1 | 2 | 3;
  accepted?: boolean;
}

/** Query keys: every write refreshes everything under `all`. */
export const marketplaceKeys = {
  all: (viewer: EventViewer) => ['event-marketplace', viewer.kind, viewer.eventId] as const,
  catalogue: (viewer: EventViewer, filters: CatalogueFilters) =>
    [...marketplaceKeys.all(viewer), 'catalogue', filters] as const,
  suggestions: (viewer: EventViewer, participantId: string | null) =>
    [...marketplaceKeys.all(viewer), 'suggestions', participantId] as const,
  requests: (viewer: EventViewer, filters: RequestFilters) =>
    [...marketplaceKeys.all(viewer), 'requests', filters] as const,
};

export function marketplaceApi(viewer: EventViewer) {
  if (viewer.kind === 'portal') {
    return {
      catalogue: (query: CatalogueFilters, signal?: AbortSignal) =>
        unwrap(api.GET('/api/v1/event-portal/catalogue', { params: { query }, signal })),
      suggestions: (_participantId: string | null, signal?: AbortSignal) =>
        unwrap(api.GET('/api/v1/event-portal/suggestions', { signal })),
      requests: (_query: RequestFilters, signal?: AbortSignal) =>
        unwrap(api.GET('/api/v1/event-portal/requests', { signal })),
      create: ({ fromParticipantId: _from, accepted: _accepted, ...body }: NewRequest) =>
        unwrap(api.POST('/api/v1/event-portal/requests', { body })),
      accept: (requestId: string, version: number) =>
        unwrap(
          api.POST('/api/v1/event-portal/requests/{requestId}/accept', {
            params: { path: { requestId } },
            body: { version },
          }),
        ),
      decline: (requestId: string, version: number, reason?: string) =>
        unwrap(
          api.POST('/api/v1/event-portal/requests/{requestId}/decline', {
            params: { path: { requestId } },
            body: { version, ...(reason ? { reason } : {}) },
          }),
        ),
      cancel: (requestId: string, version: number) =>
        unwrap(
          api.POST('/api/v1/event-portal/requests/{requestId}/cancel', {
            params: { path: { requestId } },
            body: { version },
          }),
        ),
      priority: (_requestId: string, _version: number, _priority: 1 | 2 | 3): Promise<MeetingRequest> =>
        Promise.reject(new Error('organisers only')),
    };
  }
  const path = { workspace: viewer.workspace, eventId: viewer.eventId };
  return {
    catalogue: (query: CatalogueFilters, signal?: AbortSignal) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/events/{eventId}/catalogue', {
          params: { path, query },
          signal,
        }),
      ),
    suggestions: (participantId: string | null, signal?: AbortSignal) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/events/{eventId}/suggestions', {
          params: { path, query: participantId ? { participantId } : {} },
          signal,
        }),
      ),
    requests: (query: RequestFilters, signal?: AbortSignal) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/events/{eventId}/requests', {
          params: { path, query },
          signal,
        }),
      ),
    create: (body: NewRequest) =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/events/{eventId}/requests', {
          params: { path },
          body: { ...body, fromParticipantId: body.fromParticipantId ?? '' },
        }),
      ),
    accept: (requestId: string, version: number) =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/events/{eventId}/requests/{requestId}/accept', {
          params: { path: { ...path, requestId } },
          body: { version },
        }),
      ),
    decline: (requestId: string, version: number, reason?: string) =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/events/{eventId}/requests/{requestId}/decline', {
          params: { path: { ...path, requestId } },
          body: { version, ...(reason ? { reason } : {}) },
        }),
      ),
    cancel: (requestId: string, version: number) =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/events/{eventId}/requests/{requestId}/cancel', {
          params: { path: { ...path, requestId } },
          body: { version },
        }),
      ),
    priority: (requestId: string, version: number, priority: 1 | 2 | 3) =>
      unwrap(
        api.PATCH('/api/v1/workspaces/{workspace}/events/{eventId}/requests/{requestId}', {
          params: { path: { ...path, requestId } },
          body: { version, priority },
        }),
      ),
  };
}
