import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { participantToken } from '../../api/participant-token.ts';
import type { components } from '../../api/schema.d.ts';
import type { EventViewer } from './viewer.ts';

export type AgendaDto = components['schemas']['EventAgenda'];
export type AgendaMeetingDto = AgendaDto['meetings'][number];
export type FeedLinkDto = components['schemas']['AgendaFeedLink'];
export type AgendasOverviewDto = components['schemas']['EventAgendasOverview'];

/** A participant's view of its agenda: a member through the workspace routes, or the portal. */
export type AgendaViewer = Exclude<EventViewer, { kind: 'organiser' }>;

export const agendaKeys = {
  all: (eventId: string) => ['event-agendas', eventId] as const,
  agenda: (viewer: AgendaViewer) =>
    [...agendaKeys.all(viewer.eventId), 'agenda', viewer.participantId] as const,
  feed: (viewer: AgendaViewer) => [...agendaKeys.all(viewer.eventId), 'feed', viewer.participantId] as const,
  overview: (workspace: string, eventId: string) =>
    [...agendaKeys.all(eventId), 'overview', workspace] as const,
};

export function agendaQuery(viewer: AgendaViewer) {
  return queryOptions({
    queryKey: agendaKeys.agenda(viewer),
    queryFn: ({ signal }) =>
      viewer.kind === 'portal'
        ? unwrap(api.GET('/api/v1/event-portal/agenda', { signal }))
        : unwrap(
            api.GET('/api/v1/workspaces/{workspace}/events/{eventId}/agenda', {
              params: {
                path: { workspace: viewer.workspace, eventId: viewer.eventId },
                query: viewer.participantId ? { participantId: viewer.participantId } : {},
              },
              signal,
            }),
          ),
    staleTime: 30_000,
  });
}

export function feedQuery(viewer: AgendaViewer) {
  return queryOptions({
    queryKey: agendaKeys.feed(viewer),
    queryFn: ({ signal }) =>
      viewer.kind === 'portal'
        ? unwrap(api.GET('/api/v1/event-portal/feed', { signal }))
        : unwrap(
            api.GET('/api/v1/workspaces/{workspace}/events/{eventId}/feed', {
              params: {
                path: { workspace: viewer.workspace, eventId: viewer.eventId },
                query: viewer.participantId ? { participantId: viewer.participantId } : {},
              },
              signal,
            }),
          ),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function revokeFeed(viewer: AgendaViewer): Promise<FeedLinkDto> {
  return viewer.kind === 'portal'
    ? unwrap(api.POST('/api/v1/event-portal/feed/revoke'))
    : unwrap(
        api.POST('/api/v1/workspaces/{workspace}/events/{eventId}/feed/revoke', {
          params: {
            path: { workspace: viewer.workspace, eventId: viewer.eventId },
            query: viewer.participantId ? { participantId: viewer.participantId } : {},
          },
        }),
      );
}

export function agendasOverviewQuery(workspace: string, eventId: string) {
  return queryOptions({
    queryKey: agendaKeys.overview(workspace, eventId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/events/{eventId}/agendas', {
          params: { path: { workspace, eventId } },
          signal,
        }),
      ),
    staleTime: 30_000,
  });
}

export function startAgendaMails(workspace: string, eventId: string) {
  return unwrap(
    api.POST('/api/v1/workspaces/{workspace}/events/{eventId}/agenda-mails', {
      params: { path: { workspace, eventId } },
    }),
  );
}

/** The address of a workspace event file (`agenda.pdf`, `grid.svg`…), for a link or an image. */
export function eventFileUrl(
  workspace: string,
  eventId: string,
  file: string,
  participantId?: string | null,
) {
  const base = `/api/v1/workspaces/${encodeURIComponent(workspace)}/events/${encodeURIComponent(eventId)}/${file}`;
  return participantId ? `${base}?participantId=${encodeURIComponent(participantId)}` : base;
}

/** The address of the viewer's own agenda file (`agenda.pdf` or `agenda.ics`). */
export function agendaFileUrl(viewer: AgendaViewer, file: 'agenda.pdf' | 'agenda.ics'): string {
  return viewer.kind === 'portal'
    ? `/api/v1/event-portal/${file}`
    : eventFileUrl(viewer.workspace, viewer.eventId, file, viewer.participantId);
}

/**
 * Downloads a file of the API as the browser would a link, carrying the event link's token for the
 * portal (a plain link cannot send a header).
 */
export async function downloadFile(url: string, fileName: string): Promise<void> {
  const headers: Record<string, string> = {};
  if (url.startsWith('/api/v1/event-portal/')) {
    const token = participantToken();
    if (token) headers['X-Participant-Token'] = token;
  }
  const response = await fetch(url, { credentials: 'same-origin', headers });
  if (!response.ok) throw new Error(`download failed: ${response.status}`);
  const blob = await response.blob();
  const objectUrl = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}

/** An SVG document as an image address (the QR code; `img-src` allows `data:`). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
