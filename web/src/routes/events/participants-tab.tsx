import type { EventTabProps } from './viewer.ts';

/** Placeholder of the foundation commit: the events-registration branch replaces this file. */
export function ParticipantsTab(_props: EventTabProps) {
  return null;
}
