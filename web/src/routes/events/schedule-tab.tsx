import type { EventTabProps } from './viewer.ts';

/** Placeholder of the foundation commit: the events-scheduling branch replaces this file. */
export function ScheduleTab(_props: EventTabProps) {
  return null;
}
