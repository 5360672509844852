import type { EventTabProps } from './viewer.ts';

/** Placeholder of the foundation commit: the events-agendas branch replaces this file. */
export function AgendasTab(_props: EventTabProps) {
  return null;
}
