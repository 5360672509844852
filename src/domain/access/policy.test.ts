import { describe, expect, it } from 'vitest';
import {
  type Actor,
  abilitiesOf,
  can,
  ForbiddenError,
  PERMISSIONS,
  type Permission,
  ROLES,
  type Role,
  requireAccess,
  roleMay,
} from './policy.ts';

const actor = (role: Role, clusterId: string | null = null, organisationId: string | null = null): Actor => ({
  userId: 'u1',
  workspaceId: 'w1',
  role,
  clusterId,
  organisationId,
});

/** Expected answers, written out by hand: role → permissions allowed on another cluster's resource. */
const ALLOWED_ON_OTHER_CLUSTER: Record<Role, Permission[]> = {
  coordinator: [
    'workspace.read',
    'workspace.update',
    'cluster.read',
    'cluster.create',
    'cluster.update',
    'cluster.delete',
    'organisation.read',
    'organisation.create',
    'organisation.update',
    'organisation.delete',
    'organisation.import',
    'person.read',
    'person.create',
    'person.update',
    'person.delete',
    'person.import',
    'audit.read',
    'invitation.read',
    'invitation.create',
    'invitation.revoke',
    'membership.read',
    'membership.update',
    'membership.delete',
    'market.read',
    'market.create',
    'market.update',
    'market.delete',
    'plan.read',
    'plan.create',
    'plan.update',
    'plan.delete',
    'activity.read',
    'activity.create',
    'activity.update',
    'activity.delete',
    'budget.read',
    'budget.update',
    'travel_rate.update',
    'kpi.read',
    'kpi.update',
    'report.create',
    'report.read',
    'archive.export',
    'archive.import',
    'instrument.manage',
    'network.read',
    'network.create',
    'network.update',
    'network.delete',
    'network.import',
    'network.gdpr',
    'event.read',
    'event.manage',
    'event.participate',
    'survey.read',
    'survey.manage',
    'readiness.read',
  ],
  cluster_manager: [
    'workspace.read',
    'cluster.read',
    'organisation.read',
    'person.read',
    'market.read',
    'plan.read',
    'activity.read',
    'budget.read',
    'kpi.read',
    'report.create',
    'report.read',
    'instrument.manage',
    'network.read',
    'event.read',
    'survey.read',
    'readiness.read',
  ],
  member: [
    'workspace.read',
    'cluster.read',
    'organisation.read',
    'person.read',
    'market.read',
    'plan.read',
    'activity.read',
    'kpi.read',
    'event.read',
  ],
  mentor: [
    'workspace.read',
    'cluster.read',
    'organisation.read',
    'person.read',
    'market.read',
    'plan.read',
    'activity.read',
    'kpi.read',
    'event.read',
  ],
  viewer: [
    'workspace.read',
    'cluster.read',
    'organisation.read',
    'person.read',
    'market.read',
    'plan.read',
    'activity.read',
    'budget.read',
    'kpi.read',
    'report.create',
    'report.read',
    'network.read',
    'event.read',
    'survey.read',
    'readiness.read',
  ],
};

/**
 * Expected answers, written out by hand: role → registry permissions allowed on a resource of the
 * actor's own cluster (`mine`) and own organisation (`my-org`).
 */
const REGISTRY_ALLOWED_ON_OWN: Record<Role, Permission[]> = {
  coordinator: [
    'organisation.read',
    'organisation.create',
    'organisation.update',
    'organisation.delete',
    'organisation.import',
    'person.read',
    'person.create',
    'person.update',
    'person.delete',
    'person.import',
  ],
  cluster_manager: [
    'organisation.read',
    'organisation.create',
    'organisation.update',
    'organisation.delete',
    'organisation.import',
    'person.read',
    'person.create',
    'person.update',
    'person.delete',
    'person.import',
  ],
  member: ['organisation.read', 'organisation.update', 'person.read', 'person.update'],
  mentor: ['organisation.read', 'person.read'],
  viewer: ['organisation.read', 'person.read'],
};

describe('access policy', () => {
  it.each(ROLES)('gives a %s exactly its permissions on another cluster', (role) => {
    const allowed = PERMISSIONS.filter((p) => can(actor(role, 'mine'), p, { clusterId: 'other' }));
    expect(allowed).toEqual(ALLOWED_ON_OTHER_CLUSTER[role]);
  });

  it.each(ROLES)(
    'gives a %s exactly its registry permissions on its own cluster and organisation',
    (role) => {
      const self = actor(
        role,
        role === 'cluster_manager' ? 'mine' : null,
        role === 'member' ? 'my-org' : null,
      );
      const allowed = PERMISSIONS.filter(
        (p) =>
          (p.startsWith('organisation.') || p.startsWith('person.')) &&
          can(self, p, { clusterId: 'mine', organisationId: 'my-org' }),
      );
      expect(allowed).toEqual(REGISTRY_ALLOWED_ON_OWN[role]);
    },
  );

  it('lets a cluster manager plan and budget for its own cluster only; members and mentors never see costs', () => {
    const manager = actor('cluster_manager', 'mine');
    for (const permission of ['market.update', 'plan.create', 'activity.update', 'budget.update'] as const) {
      expect(can(manager, permission, { clusterId: 'mine' })).toBe(true);
      expect(can(manager, permission, { clusterId: 'other' })).toBe(false);
      expect(can(manager, permission, {})).toBe(false);
    }
    expect(can(manager, 'market.delete', { clusterId: 'mine' })).toBe(false);
    expect(can(manager, 'travel_rate.update')).toBe(false);
    expect(can(actor('member', null, 'my-org'), 'budget.read')).toBe(false);
    expect(can(actor('mentor'), 'budget.read')).toBe(false);
    expect(can(actor('viewer'), 'budget.read')).toBe(true);
    expect(can(actor('viewer'), 'budget.update')).toBe(false);
  });

  it('lets everyone read KPIs; targets and entries are for coordinators and the cluster in charge', () => {
    const manager = actor('cluster_manager', 'mine');
    expect(can(manager, 'kpi.update', { clusterId: 'mine' })).toBe(true);
    expect(can(manager, 'kpi.update', { clusterId: 'other' })).toBe(false);
    expect(can(manager, 'kpi.update', {})).toBe(false);
    expect(can(actor('coordinator'), 'kpi.update', {})).toBe(true);
    for (const role of ['member', 'mentor', 'viewer'] as const) {
      expect(can(actor(role, null, 'my-org'), 'kpi.read')).toBe(true);
      expect(can(actor(role, null, 'my-org'), 'kpi.update', { clusterId: 'mine' })).toBe(false);
    }
  });

  it('lets a member edit its own organisation and its people only, never create or delete', () => {
    const member = actor('member', null, 'my-org');
    expect(can(member, 'organisation.update', { clusterId: 'c', organisationId: 'my-org' })).toBe(true);
    expect(can(member, 'organisation.update', { clusterId: 'c', organisationId: 'other-org' })).toBe(false);
    expect(can(member, 'organisation.update', { clusterId: 'c' })).toBe(false);
    expect(can(member, 'person.update', { organisationId: 'my-org' })).toBe(true);
    expect(can(member, 'person.update', { organisationId: 'other-org' })).toBe(false);
    expect(can(member, 'organisation.delete', { organisationId: 'my-org' })).toBe(false);
    expect(can(member, 'person.create', { organisationId: 'my-org' })).toBe(false);
    expect(can(actor('member', null, null), 'organisation.update', {})).toBe(false);
  });

  it('lets a cluster manager manage the organisations and people of its cluster only', () => {
    const manager = actor('cluster_manager', 'mine');
    expect(can(manager, 'organisation.create', { clusterId: 'mine' })).toBe(true);
    expect(can(manager, 'organisation.create', { clusterId: 'other' })).toBe(false);
    expect(can(manager, 'person.delete', { clusterId: 'mine', organisationId: 'o' })).toBe(true);
    expect(can(manager, 'person.delete', { clusterId: 'other', organisationId: 'o' })).toBe(false);
    // A person without an organisation belongs to no cluster: coordinators only.
    expect(can(manager, 'person.update', {})).toBe(false);
    expect(can(actor('coordinator'), 'person.update', {})).toBe(true);
  });

  it('lets a cluster manager import rows of its own cluster only', () => {
    const manager = actor('cluster_manager', 'mine');
    expect(can(manager, 'organisation.import', { clusterId: 'mine' })).toBe(true);
    expect(can(manager, 'organisation.import', { clusterId: 'other' })).toBe(false);
    expect(can(manager, 'person.import', { clusterId: 'mine', organisationId: 'o' })).toBe(true);
    // A person without an organisation belongs to no cluster: coordinators only.
    expect(can(manager, 'person.import', {})).toBe(false);
    expect(can(actor('coordinator'), 'person.import', {})).toBe(true);
    expect(roleMay('member', 'organisation.import')).toBe(false);
    expect(roleMay('viewer', 'person.import')).toBe(false);
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
        const grantedSomewhere = [
          { clusterId: 'mine', organisationId: 'my-org' },
          { clusterId: 'other', organisationId: 'other-org' },
        ].some((scope) => can(actor(role, 'mine', 'my-org'), permission, scope));
        expect(roleMay(role, permission), `${role} ${permission}`).toBe(grantedSomewhere);
      }
    }
  });

  it('leaves memberships (who holds which role) to coordinators, whatever the scope', () => {
    for (const permission of ['membership.read', 'membership.update', 'membership.delete'] as const) {
      expect(can(actor('coordinator'), permission)).toBe(true);
      expect(can(actor('cluster_manager', 'mine'), permission, { clusterId: 'mine' })).toBe(false);
      expect(can(actor('member', null, 'my-org'), permission, { organisationId: 'my-org' })).toBe(false);
      expect(roleMay('mentor', permission)).toBe(false);
      expect(roleMay('viewer', permission)).toBe(false);
    }
  });

  describe('abilitiesOf', () => {
    const CLUSTERS = ['mine', 'other'];

    it('has an entry for unowned resources and one per cluster, and a member one for its organisation', () => {
      const scopes = (a: Actor) =>
        abilitiesOf(a, CLUSTERS).scopes.map(({ permissions: _, ...scope }) => scope);
      const common = [
        { clusterId: null, organisationId: null },
        { clusterId: 'mine', organisationId: null },
        { clusterId: 'other', organisationId: null },
      ];
      expect(scopes(actor('coordinator'))).toEqual(common);
      expect(scopes(actor('cluster_manager', 'mine'))).toEqual(common);
      expect(scopes(actor('member', null, 'my-org'))).toEqual([
        ...common,
        { clusterId: null, organisationId: 'my-org' },
      ]);
      expect(scopes(actor('member'))).toEqual(common);
    });

    it('grants in each entry exactly what can() grants there, and anywhere what roleMay() allows', () => {
      for (const role of ROLES) {
        const a = actor(
          role,
          role === 'cluster_manager' ? 'mine' : null,
          role === 'member' ? 'my-org' : null,
        );
        const abilities = abilitiesOf(a, CLUSTERS);
        expect(abilities.role).toBe(role);
        expect(abilities.anywhere).toEqual(PERMISSIONS.filter((p) => roleMay(role, p)));
        for (const { clusterId, organisationId, permissions } of abilities.scopes) {
          const scope = {
            ...(clusterId ? { clusterId } : {}),
            ...(organisationId ? { organisationId } : {}),
          };
          expect(permissions, `${role} ${JSON.stringify(scope)}`).toEqual(
            PERMISSIONS.filter((p) => can(a, p, scope)),
          );
        }
      }
    });

    it("gives a cluster manager its own cluster's changes only, and a member its organisation's profile and events", () => {
      const manager = abilitiesOf(actor('cluster_manager', 'mine'), CLUSTERS).scopes;
      expect(manager.find((s) => s.clusterId === 'mine')?.permissions).toContain('cluster.update');
      expect(manager.find((s) => s.clusterId === 'other')?.permissions).not.toContain('cluster.update');
      expect(manager.find((s) => s.clusterId === null)?.permissions).not.toContain('market.update');
      const member = abilitiesOf(actor('member', null, 'my-org'), CLUSTERS).scopes;
      const own = member.find((s) => s.organisationId === 'my-org')?.permissions ?? [];
      expect(own.filter((p) => !p.endsWith('.read'))).toEqual([
        'organisation.update',
        'person.update',
        'event.participate',
      ]);
    });
  });

  it('requireAccess throws ForbiddenError naming the permission', () => {
    expect(() => requireAccess(actor('viewer'), 'cluster.create')).toThrow(ForbiddenError);
    expect(() => requireAccess(actor('viewer'), 'cluster.create')).toThrow(/cluster\.create/);
    expect(() => requireAccess(actor('coordinator'), 'cluster.create')).not.toThrow();
  });
});
