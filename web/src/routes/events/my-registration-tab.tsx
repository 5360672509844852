import type { EventTabProps } from './viewer.ts';

/** Placeholder of the foundation commit: the events-registration branch replaces this file. */
export function MyRegistrationTab(_props: EventTabProps) {
  return null;
}
