import { describe, expect, it } from 'vitest';
import type { AbilitiesDto } from '../api/types.ts';
import { grants } from './abilities.ts';

/** Answers as the server gives them (`abilitiesOf` in src/domain/access/policy.ts), shortened. */
const clusterManager: AbilitiesDto = {
  role: 'cluster_manager',
  anywhere: ['cluster.read', 'cluster.update', 'organisation.update', 'budget.read'],
  scopes: [
    { clusterId: null, organisationId: null, permissions: ['cluster.read', 'budget.read'] },
    {
      clusterId: 'c1',
      organisationId: null,
      permissions: ['cluster.read', 'cluster.update', 'organisation.update'],
    },
    { clusterId: 'c2', organisationId: null, permissions: ['cluster.read', 'budget.read'] },
  ],
};

const member: AbilitiesDto = {
  role: 'member',
  anywhere: ['organisation.read', 'organisation.update'],
  scopes: [
    { clusterId: null, organisationId: null, permissions: ['organisation.read'] },
    { clusterId: 'c1', organisationId: null, permissions: ['organisation.read'] },
    { clusterId: null, organisationId: 'o1', permissions: ['organisation.read', 'organisation.update'] },
  ],
};

/** A member of no organisation: its role may edit one, but it has none to edit. */
const memberOfNone: AbilitiesDto = { ...member, scopes: member.scopes.slice(0, 2) };

describe('grants', () => {
  it("looks up the resource's cluster entry", () => {
    expect(grants(clusterManager, 'cluster.update', { clusterId: 'c1' })).toBe(true);
    expect(grants(clusterManager, 'cluster.update', { clusterId: 'c2' })).toBe(false);
  });

  it('uses the unowned entry for a resource of no cluster, or of a cluster it does not list', () => {
    expect(grants(clusterManager, 'budget.read', { clusterId: null })).toBe(true);
    expect(grants(clusterManager, 'cluster.update', { clusterId: null })).toBe(false);
    expect(grants(clusterManager, 'cluster.update', { clusterId: 'new' })).toBe(false);
    expect(grants(clusterManager, 'budget.read', { clusterId: 'new' })).toBe(true);
  });

  it("uses a member's own organisation entry for its organisation, else the cluster's", () => {
    expect(grants(member, 'organisation.update', { clusterId: 'c1', organisationId: 'o1' })).toBe(true);
    expect(grants(member, 'organisation.update', { clusterId: 'c1', organisationId: 'o2' })).toBe(false);
    expect(grants(member, 'organisation.update', { organisationId: 'o1' })).toBe(true);
    expect(grants(clusterManager, 'organisation.update', { clusterId: 'c1', organisationId: 'o1' })).toBe(
      true,
    );
  });

  it('without a scope, grants what some entry grants', () => {
    expect(grants(clusterManager, 'cluster.update')).toBe(true);
    expect(grants(member, 'organisation.update')).toBe(true);
    expect(grants(memberOfNone, 'organisation.update')).toBe(false);
  });

  it('grants nothing before the answer is there', () => {
    expect(grants(undefined, 'cluster.read')).toBe(false);
    expect(grants(undefined, 'cluster.read', { clusterId: 'c1' })).toBe(false);
  });
});
