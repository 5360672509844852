/**
 * What the signed-in member may do in the registry, to show only the actions the server would
 * allow (`src/domain/access/policy.ts`). The server still checks every request.
 *
 * `/me` names a cluster manager's cluster but not a member's organisation, so a member's own
 * organisation cannot be recognised here: members get no edit actions in the web app yet.
 */
import type { MembershipDto, OrganisationDto } from '../../api/types.ts';

export function canCreateInRegistry(membership: MembershipDto | undefined): boolean {
  return membership?.role === 'coordinator' || membership?.role === 'cluster_manager';
}

/** Edit and delete of an organisation of `clusterId`, or of a person at one (null: no organisation). */
export function canChangeInCluster(membership: MembershipDto | undefined, clusterId: string | null): boolean {
  if (!membership) return false;
  if (membership.role === 'coordinator') return true;
  return membership.role === 'cluster_manager' && clusterId !== null && membership.clusterId === clusterId;
}

export function canChangeOrganisation(
  membership: MembershipDto | undefined,
  organisation: Pick<OrganisationDto, 'clusterId'>,
): boolean {
  return canChangeInCluster(membership, organisation.clusterId);
}
