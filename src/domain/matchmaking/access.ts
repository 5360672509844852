import { type Actor, can, clusterScope, ForbiddenError, requireAccess } from '../access/policy.ts';

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

/** A member organisation as taking part needs it: itself and its cluster (null: none). */
export interface ParticipationScope {
  organisationId: string;
  clusterId: string | null;
}

/**
 * Whether `actor` may take part in an event for the organisation (`event.participate` in its
 * scope: a coordinator, the manager of its cluster, or one of its own people).
 */
export function canParticipate(actor: Actor, organisation: ParticipationScope): boolean {
  return can(actor, 'event.participate', {
    ...clusterScope(organisation.clusterId),
    organisationId: organisation.organisationId,
  });
}

/** @throws ForbiddenError unless `canParticipate(actor, organisation)`. */
export function requireParticipation(actor: Actor, organisation: ParticipationScope): void {
  requireAccess(actor, 'event.participate', {
    ...clusterScope(organisation.clusterId),
    organisationId: organisation.organisationId,
  });
}
