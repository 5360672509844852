import { clearParticipantToken, participantToken } from '../../api/participant-token.ts';
import type { paths } from '../../api/schema.d.ts';

export type PortalMe =
  paths['/api/v1/event-portal/me']['get']['responses'][200]['content']['application/json'];

export const portalMeKey = ['event-portal', 'me'] as const;

/**
 * The portal's shell data. Read with `fetch` rather than the app's client: a 401 here means "this
 * event link is no longer valid" (show the lost-link form), not "the session expired" (the client
 * would send the visitor to the workspace sign-in, which an outside participant has no use for).
 */
export async function fetchPortalMe(): Promise<PortalMe | null> {
  const token = participantToken();
  if (!token) return null;
  const res = await fetch('/api/v1/event-portal/me', {
    headers: { 'X-Participant-Token': token, Accept: 'application/json' },
  });
  if (res.status === 401) {
    clearParticipantToken();
    return null;
  }
  if (!res.ok) throw new Error(`${res.status}`);
  return (await res.json()) as PortalMe;
}
