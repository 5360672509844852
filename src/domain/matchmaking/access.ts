import { type Actor, can, ForbiddenError } from '../access/policy.ts';

/** An event as access needs it: its activity's cluster (null: the coordinators') and co-organisers. */
export interface EventAccessScope {
  clusterId: string | null;
  coOrganiserClusterIds: readonly string[];
}

/**
 * Whether `actor` may run the event: a coordinator, or a manager of the activity's cluster or of a
 * co-organising cluster (decision 0033).
 */
export function canManageEvent(actor: Actor, event: EventAccessScope): boolean {
  const clusters = [event.clusterId, ...event.coOrganiserClusterIds];
  return clusters.some((clusterId) => can(actor, 'event.manage', clusterId === null ? {} : { clusterId }));
}

/** @throws ForbiddenError unless `canManageEvent(actor, event)`. */
export function requireEventManager(actor: Actor, event: EventAccessScope): void {
  if (!canManageEvent(actor, event)) throw new ForbiddenError('event.manage');
}
