/**
 * The event link's token of an outside participant (decision 0033), kept in this browser so the
 * event portal works across visits; sent only to `/api/v1/event-portal/*` in `X-Participant-Token`.
 */
const KEY = 'space2id.eventToken';

export function participantToken(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setParticipantToken(token: string): void {
  window.localStorage.setItem(KEY, token);
}

export function clearParticipantToken(): void {
  window.localStorage.removeItem(KEY);
}
