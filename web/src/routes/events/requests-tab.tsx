import type { EventTabProps } from './viewer.ts';

/** Placeholder of the foundation commit: the events-marketplace branch replaces this file. */
export function RequestsTab(_props: EventTabProps) {
  return null;
}
