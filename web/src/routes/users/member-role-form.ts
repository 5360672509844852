/**
 * The change-role form of a workspace member: the same scope rules as an invitation (a cluster
 * manager needs a cluster, a member may have an organisation, no other role has either), mirroring
 * `src/features/members/role-scope.ts`.
 */
import type { Role, UpdateWorkspaceMemberBody, WorkspaceMemberDto } from '../../api/types.ts';
import { messages } from '../../messages/en.ts';
import { scopeFieldOf } from './invite-form.ts';

export interface MemberRoleValues {
  role: Role;
  clusterId: string;
  organisationId: string;
}
export type MemberRoleField = keyof MemberRoleValues;
export type MemberRoleErrors = Partial<Record<MemberRoleField, string>>;
export const MEMBER_ROLE_FIELDS: MemberRoleField[] = ['role', 'clusterId', 'organisationId'];

export function memberRoleValuesOf(member: WorkspaceMemberDto): MemberRoleValues {
  return {
    role: member.role,
    clusterId: member.clusterId ?? '',
    organisationId: member.organisationId ?? '',
  };
}

export function validateMemberRole(values: MemberRoleValues): MemberRoleErrors {
  return values.role === 'cluster_manager' && !values.clusterId
    ? { clusterId: messages.registry.fieldRequired }
    : {};
}

/** Only the scope the role takes is sent, with the version the change is based on. */
export function memberRoleBodyOf(values: MemberRoleValues, version: number): UpdateWorkspaceMemberBody {
  const scope = scopeFieldOf(values.role);
  return {
    version,
    role: values.role,
    clusterId: scope === 'clusterId' ? values.clusterId || null : null,
    organisationId: scope === 'organisationId' ? values.organisationId || null : null,
  };
}
