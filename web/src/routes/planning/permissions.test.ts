import { describe, expect, it } from 'vitest';
import type { MembershipDto } from '../../api/types.ts';
import {
  canChangeKpis,
  canChangePlanning,
  canDeleteMarket,
  canPlan,
  ownClusterOf,
  seesBudget,
} from './permissions.ts';

const as = (role: MembershipDto['role'], clusterId: string | null = null): MembershipDto => ({
  slug: 'demo',
  name: 'Demo',
  role,
  clusterId,
  organisationId: null,
});

describe('planning permissions mirror the server’s policy', () => {
  it('shows costs to coordinators, cluster managers and viewers only', () => {
    expect(['coordinator', 'cluster_manager', 'viewer'].map((r) => seesBudget(as(r as never)))).toEqual([
      true,
      true,
      true,
    ]);
    expect(seesBudget(as('member'))).toBe(false);
    expect(seesBudget(as('mentor'))).toBe(false);
    expect(seesBudget(undefined)).toBe(false);
  });

  it('lets a cluster manager change only its own cluster’s markets, plans and activities', () => {
    const manager = as('cluster_manager', 'c1');
    expect(canChangePlanning(manager, 'c1')).toBe(true);
    expect(canChangePlanning(manager, 'c2')).toBe(false);
    expect(canChangePlanning(manager, null)).toBe(false);
    expect(canChangePlanning(as('coordinator'), null)).toBe(true);
    expect(canChangePlanning(as('viewer'), 'c1')).toBe(false);
  });

  it('lets coordinators and cluster managers plan, and only coordinators delete markets', () => {
    expect(canPlan(as('coordinator'))).toBe(true);
    expect(canPlan(as('cluster_manager', 'c1'))).toBe(true);
    expect(canPlan(as('mentor'))).toBe(false);
    expect(canDeleteMarket(as('coordinator'))).toBe(true);
    expect(canDeleteMarket(as('cluster_manager', 'c1'))).toBe(false);
    expect(ownClusterOf(as('cluster_manager', 'c1'))).toBe('c1');
    expect(ownClusterOf(as('coordinator'))).toBeNull();
  });

  it('lets coordinators and the responsible cluster’s managers set KPI targets and enter values', () => {
    expect(canChangeKpis(as('coordinator'), null)).toBe(true);
    expect(canChangeKpis(as('cluster_manager', 'c1'), 'c1')).toBe(true);
    expect(canChangeKpis(as('cluster_manager', 'c1'), 'c2')).toBe(false);
    for (const role of ['member', 'mentor', 'viewer'] as const)
      expect(canChangeKpis(as(role), 'c1')).toBe(false);
  });
});
