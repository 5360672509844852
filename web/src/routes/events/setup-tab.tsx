import type { EventTabProps } from './viewer.ts';

/** Placeholder of the foundation commit: the events-setup branch replaces this file. */
export function SetupTab(_props: EventTabProps) {
  return null;
}
