/**
 * What the signed-in member may do in the registry, to show only the actions the server would
 * allow (`src/domain/access/policy.ts`). The server still checks every request.
 *
 * `/me` names a cluster manager's cluster and a member's organisation: a member may edit its own
 * organisation's profile and its people, but not add or remove either.
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

/** Delete of an organisation (and adding its people): coordinators and its cluster's manager. */
export function canChangeOrganisation(
  membership: MembershipDto | undefined,
  organisation: Pick<OrganisationDto, 'clusterId'>,
): boolean {
  return canChangeInCluster(membership, organisation.clusterId);
}

/** Whether `organisationId` is the signed-in member's own organisation. */
export function isOwnOrganisation(
  membership: MembershipDto | undefined,
  organisationId: string | null,
): boolean {
  return (
    membership?.role === 'member' && organisationId !== null && membership.organisationId === organisationId
  );
}

/** Edit of an organisation's profile: as `canChangeOrganisation`, and a member its own. */
export function canEditOrganisation(
  membership: MembershipDto | undefined,
  organisation: Pick<OrganisationDto, 'id' | 'clusterId'>,
): boolean {
  return canChangeOrganisation(membership, organisation) || isOwnOrganisation(membership, organisation.id);
}

/** Edit of a person at `organisationId` (of `clusterId`): as `canChangeInCluster`, and a member its own organisation's. */
export function canEditPerson(
  membership: MembershipDto | undefined,
  clusterId: string | null,
  organisationId: string | null,
): boolean {
  return canChangeInCluster(membership, clusterId) || isOwnOrganisation(membership, organisationId);
}
