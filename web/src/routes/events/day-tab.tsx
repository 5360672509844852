import type { EventTabProps } from './viewer.ts';

/** Placeholder of the foundation commit: the events-day branch replaces this file. */
export function DayTab(_props: EventTabProps) {
  return null;
}
