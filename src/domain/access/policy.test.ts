import { describe, expect, it } from 'vitest';
import {
  type Actor,
  can,
  ForbiddenError,
  PERMISSIONS,
  type Permission,
  ROLES,
  type Role,
  requireAccess,
  roleMay,
} from './policy.ts';

const actor = (role: Role, clusterId: string | null = null): Actor => ({
  userId: 'u1',
  workspaceId: 'w1',
  role,
  clusterId,
});

/** Expected answers, written out by hand: role → permissions allowed on another cluster's resource. */
const ALLOWED_ON_OTHER_CLUSTER: Record<Role, Permission[]> = {
  coordinator: [
    'workspace.read',
    'cluster.read',
    'cluster.create',
    'cluster.update',
    'cluster.delete',
    'audit.read',
  ],
  cluster_manager: ['workspace.read', 'cluster.read'],
  member: ['workspace.read', 'cluster.read'],
  mentor: ['workspace.read', 'cluster.read'],
  viewer: ['workspace.read', 'cluster.read'],
};

describe('access policy', () => {
  it.each(ROLES)('gives a %s exactly its permissions on another cluster', (role) => {
    const allowed = PERMISSIONS.filter((p) => can(actor(role, 'mine'), p, { clusterId: 'other' }));
    expect(allowed).toEqual(ALLOWED_ON_OTHER_CLUSTER[role]);
  });

  it('lets a cluster manager update its own cluster only', () => {
    const manager = actor('cluster_manager', 'mine');
    expect(can(manager, 'cluster.update', { clusterId: 'mine' })).toBe(true);
    expect(can(manager, 'cluster.update', { clusterId: 'other' })).toBe(false);
    expect(can(manager, 'cluster.update', {})).toBe(false);
    expect(can(manager, 'cluster.delete', { clusterId: 'mine' })).toBe(false);
  });

  it('never lets a cluster manager without a cluster match a resource without one', () => {
    expect(can(actor('cluster_manager', null), 'cluster.update', {})).toBe(false);
  });

  it('agrees with the route-level pre-check: a role that may never holds no grant', () => {
    for (const role of ROLES) {
      for (const permission of PERMISSIONS) {
        const grantedSomewhere = ['mine', 'other'].some((clusterId) =>
          can(actor(role, 'mine'), permission, { clusterId }),
        );
        expect(roleMay(role, permission), `${role} ${permission}`).toBe(grantedSomewhere);
      }
    }
  });

  it('requireAccess throws ForbiddenError naming the permission', () => {
    expect(() => requireAccess(actor('viewer'), 'cluster.create')).toThrow(ForbiddenError);
    expect(() => requireAccess(actor('viewer'), 'cluster.create')).toThrow(/cluster\.create/);
    expect(() => requireAccess(actor('coordinator'), 'cluster.create')).not.toThrow();
  });
});
