/**
 * What the signed-in member may do with markets, plans, activities and budgets, to show only the
 * actions the server would allow (`src/domain/access/policy.ts`). The server still checks every
 * request. A market's scope is its owner cluster, a plan's its market's, an activity's its
 * responsible cluster; unowned ones are the coordinators'.
 */
import type { MembershipDto } from '../../api/types.ts';
import { canChangeInCluster } from '../registry/permissions.ts';

/** Money is the partnership's business: members and mentors see activities, not their costs. */
export function seesBudget(membership: MembershipDto | undefined): boolean {
  return (
    membership?.role === 'coordinator' ||
    membership?.role === 'cluster_manager' ||
    membership?.role === 'viewer'
  );
}

/** Adding markets, plans and activities: coordinators, and cluster managers for their own cluster. */
export function canPlan(membership: MembershipDto | undefined): boolean {
  return membership?.role === 'coordinator' || membership?.role === 'cluster_manager';
}

/** Edit of what belongs to `clusterId` (null: the coordinators'), and its plans, activities and costs. */
export function canChangePlanning(membership: MembershipDto | undefined, clusterId: string | null): boolean {
  return canChangeInCluster(membership, clusterId);
}

/**
 * Setting KPI targets and entering values (`kpi.update`): coordinators, and cluster managers for
 * what their cluster is responsible for (an activity's cluster, a plan's market's owner).
 */
export function canChangeKpis(membership: MembershipDto | undefined, clusterId: string | null): boolean {
  return canChangeInCluster(membership, clusterId);
}

/** Deleting a market is the coordinators' alone. */
export function canDeleteMarket(membership: MembershipDto | undefined): boolean {
  return membership?.role === 'coordinator';
}

/** The cluster a cluster manager must own what they create; null for everyone else. */
export function ownClusterOf(membership: MembershipDto | undefined): string | null {
  return membership?.role === 'cluster_manager' ? membership.clusterId : null;
}
