import type { Role } from '../../domain/access/policy.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import type { WorkspaceRepository } from '../workspaces/repository.ts';

/** What a role is scoped to: a cluster manager's cluster, a member's organisation. */
export interface RoleScopeInput {
  role: Role;
  clusterId: string | null;
  organisationId: string | null;
}

/**
 * The one rule for inviting and for changing a role: a cluster manager needs a cluster of this
 * workspace; only a member may name an organisation (optional), and it must be of this workspace.
 * @throws InvalidInputError naming `body.clusterId` or `body.organisationId`.
 */
export async function checkRoleScope(
  workspaces: WorkspaceRepository,
  workspaceId: string,
  input: RoleScopeInput,
): Promise<void> {
  const invalid = (field: string, message: string) =>
    new InvalidInputError(`Invalid ${field}: ${message}`, [{ field, message }]);
  if (input.role === 'cluster_manager') {
    if (input.clusterId === null) throw invalid('body.clusterId', 'is required for a cluster manager');
    if (!(await workspaces.hasCluster(workspaceId, input.clusterId))) {
      throw invalid('body.clusterId', 'is not a cluster of this workspace');
    }
  } else if (input.clusterId !== null) {
    throw invalid('body.clusterId', 'is only for a cluster manager');
  }
  if (input.organisationId !== null) {
    if (input.role !== 'member') throw invalid('body.organisationId', 'is only for a member');
    if (!(await workspaces.hasOrganisation(workspaceId, input.organisationId))) {
      throw invalid('body.organisationId', 'is not an organisation of this workspace');
    }
  }
}
