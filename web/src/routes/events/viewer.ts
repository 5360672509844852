/**
 * Who is looking at an event page, and so which API its tabs call (decision 0033):
 * - `organiser`: a coordinator or a manager of the event's or a co-organising cluster, through the
 *   workspace's routes (`/api/v1/workspaces/{workspace}/events/{eventId}/…`);
 * - `member`: a member organisation's user (or staff acting for a participant) through the same
 *   workspace routes, acting as `participantId` (null: not registered yet);
 * - `portal`: an outside participant signed in by its event link, through
 *   `/api/v1/event-portal/…` (the token travels in `X-Participant-Token`, see api/participant-token.ts).
 */
export type EventViewer =
  | { kind: 'organiser'; workspace: string; eventId: string }
  | { kind: 'member'; workspace: string; eventId: string; participantId: string | null }
  | { kind: 'portal'; eventId: string; participantId: string };

/** What every tab of the event page and of the event portal receives. */
export interface EventTabProps {
  viewer: EventViewer;
}
