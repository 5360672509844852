import { describe, expect, it } from 'vitest';
import type { WorkspaceMemberDto } from '../../api/types.ts';
import { memberRoleBodyOf, memberRoleValuesOf, validateMemberRole } from './member-role-form.ts';

const manager: WorkspaceMemberDto = {
  userId: 'u1',
  name: 'Carla',
  email: 'carla@example.org',
  role: 'cluster_manager',
  clusterId: 'c1',
  organisationId: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  version: 3,
};

describe('member role form', () => {
  it('starts from the member and requires a cluster for a cluster manager only', () => {
    const values = memberRoleValuesOf(manager);
    expect(values).toEqual({ role: 'cluster_manager', clusterId: 'c1', organisationId: '' });
    expect(validateMemberRole(values)).toEqual({});
    expect(validateMemberRole({ ...values, clusterId: '' }).clusterId).toBe('is required');
    expect(validateMemberRole({ ...values, role: 'viewer', clusterId: '' })).toEqual({});
  });

  it('sends the version and only the scope the new role takes', () => {
    const values = { role: 'member' as const, clusterId: 'c1', organisationId: 'o1' };
    expect(memberRoleBodyOf(values, 3)).toEqual({
      version: 3,
      role: 'member',
      clusterId: null,
      organisationId: 'o1',
    });
    expect(memberRoleBodyOf({ ...values, role: 'coordinator' }, 3)).toEqual({
      version: 3,
      role: 'coordinator',
      clusterId: null,
      organisationId: null,
    });
  });
});
