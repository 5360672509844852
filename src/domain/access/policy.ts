/**
 * The access policy: the one place that decides who may do what in a workspace. Pure: routes
 * declare a permission, services call `requireAccess` with the resource's scope before acting.
 *
 * A user acts in a workspace through one membership with one role. Outside its workspaces a user
 * sees nothing at all: the HTTP layer answers 404, never 403, so ids of other workspaces leak
 * nothing.
 */

export const ROLES = ['coordinator', 'cluster_manager', 'member', 'mentor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Who is acting, in which workspace, with which role (and, for a cluster manager, which cluster;
 * for a member, which organisation).
 */
export interface Actor {
  userId: string;
  workspaceId: string;
  role: Role;
  clusterId: string | null;
  organisationId: string | null;
}

/** What an action touches, as far as the policy cares. */
export interface Scope {
  /** The cluster the resource belongs to (for a cluster: itself). */
  clusterId?: string;
  /** The member organisation the resource belongs to (for an organisation: itself). */
  organisationId?: string;
}

/**
 * The scope of a record owned by a cluster, or by the coordinators when `clusterId` is null (a
 * market's owner cluster, an activity's responsible cluster).
 */
export function clusterScope(clusterId: string | null): Scope {
  return clusterId === null ? {} : { clusterId };
}

type Rule = (actor: Actor, scope: Scope) => boolean;

const anyone: Rule = () => true;
const coordinator: Rule = (actor) => actor.role === 'coordinator';
const coordinatorOrOwnCluster: Rule = (actor, scope) =>
  actor.role === 'coordinator' ||
  (actor.role === 'cluster_manager' && scope.clusterId !== undefined && scope.clusterId === actor.clusterId);
const coordinatorOwnClusterOrOwnOrganisation: Rule = (actor, scope) =>
  coordinatorOrOwnCluster(actor, scope) ||
  (actor.role === 'member' &&
    scope.organisationId !== undefined &&
    scope.organisationId === actor.organisationId);

/** Money is the partnership's business: members and mentors see activities, not their costs. */
const moneyReader: Rule = (actor) =>
  actor.role === 'coordinator' || actor.role === 'cluster_manager' || actor.role === 'viewer';

/** The partnership's staff and its observers: not members or mentors. */
const partnershipStaff: Rule = (actor) =>
  actor.role === 'coordinator' || actor.role === 'cluster_manager' || actor.role === 'viewer';

const RULES: Record<Permission, Rule> = {
  'workspace.read': anyone,
  'workspace.update': coordinator,
  'cluster.read': anyone,
  'cluster.create': coordinator,
  'cluster.update': coordinatorOrOwnCluster,
  'cluster.delete': coordinator,
  'organisation.read': anyone,
  'organisation.create': coordinatorOrOwnCluster,
  'organisation.update': coordinatorOwnClusterOrOwnOrganisation,
  'organisation.delete': coordinatorOrOwnCluster,
  // Per row: a cluster manager imports into its own cluster only.
  'organisation.import': coordinatorOrOwnCluster,
  'person.read': anyone,
  'person.create': coordinatorOrOwnCluster,
  'person.update': coordinatorOwnClusterOrOwnOrganisation,
  'person.delete': coordinatorOrOwnCluster,
  'person.import': coordinatorOrOwnCluster,
  'audit.read': coordinator,
  'invitation.read': coordinator,
  'invitation.create': coordinator,
  'invitation.revoke': coordinator,
  'membership.read': coordinator,
  'membership.update': coordinator,
  'membership.delete': coordinator,
  // Planning (issue 4). A market's scope is its owner cluster; a plan's, its market's owner
  // cluster; an activity's, its responsible cluster. Unowned ones are the coordinators'.
  'market.read': anyone,
  'market.create': coordinatorOrOwnCluster,
  'market.update': coordinatorOrOwnCluster,
  'market.delete': coordinator,
  'plan.read': anyone,
  'plan.create': coordinatorOrOwnCluster,
  'plan.update': coordinatorOrOwnCluster,
  'plan.delete': coordinatorOrOwnCluster,
  'activity.read': anyone,
  'activity.create': coordinatorOrOwnCluster,
  'activity.update': coordinatorOrOwnCluster,
  'activity.delete': coordinatorOrOwnCluster,
  'budget.read': moneyReader,
  'budget.update': coordinatorOrOwnCluster,
  'kpi.read': anyone,
  'kpi.update': coordinatorOrOwnCluster,
  'travel_rate.update': coordinator,
  // Funder reports hold the budget: whoever may read the money may have them made and read them.
  'report.create': moneyReader,
  'report.read': moneyReader,
  // A workspace's archive holds everything, so only coordinators make or import one (decision 0023).
  'archive.export': coordinator,
  'archive.import': coordinator,
  // The workspace's own instruments (decision 0022): shared by the whole workspace, adapted by
  // those who plan (coordinators and cluster managers).
  'instrument.manage': (actor) => actor.role === 'coordinator' || actor.role === 'cluster_manager',
  // The network (issue 21, decision 0026): outside organisations and people, interactions,
  // relationships and projects. The partnership's staff see it all (a viewer reads it); members and
  // mentors do not: it is the clusters' address book. A record's scope is its cluster (an
  // organisation's owner cluster, an interaction's or relationship's cluster, a project's);
  // unowned records are the coordinators'. Exporting or erasing a person's data (GDPR) is the
  // coordinators' alone.
  'network.read': partnershipStaff,
  'network.create': coordinatorOrOwnCluster,
  'network.update': coordinatorOrOwnCluster,
  'network.delete': coordinatorOrOwnCluster,
  'network.import': coordinatorOrOwnCluster,
  'network.gdpr': coordinator,
  // B2B matchmaking events (issue 22, decision 0033). Everyone in the workspace sees its events
  // (members take part in them). An event's scope is its activity's cluster: coordinators and that
  // cluster's managers run it; the managers of a co-organising cluster too (the service passes each
  // of the event's clusters in turn, `canManageEvent` in src/domain/matchmaking/access.ts). A member
  // takes part for its own organisation; staff who run the event may act for any participant.
  'event.read': anyone,
  'event.manage': coordinatorOrOwnCluster,
  'event.participate': coordinatorOwnClusterOrOwnOrganisation,
  // Surveys and readiness (issue 23, decision 0040). Questionnaires, waves and their results are
  // the partnership staff's (a viewer reads them). Questionnaires are shared by the workspace and
  // adapted by those who plan; a wave's scope is its cluster (null: the coordinators'). A member
  // reads its own organisation's readiness profile (against anonymous benchmarks); staff read all.
  // Answering needs no permission: a respondent's personal link is its key.
  'survey.read': partnershipStaff,
  'survey.manage': coordinatorOrOwnCluster,
  'readiness.read': (actor, scope) =>
    partnershipStaff(actor, scope) ||
    (actor.role === 'member' &&
      scope.organisationId !== undefined &&
      scope.organisationId === actor.organisationId),
};

/** Roles that may hold `permission` on at least some resource (used to refuse a route early). */
const ROLES_THAT_MAY: Record<Permission, ReadonlySet<Role>> = {
  'workspace.read': new Set(ROLES),
  'workspace.update': new Set(['coordinator']),
  'cluster.read': new Set(ROLES),
  'cluster.create': new Set(['coordinator']),
  'cluster.update': new Set(['coordinator', 'cluster_manager']),
  'cluster.delete': new Set(['coordinator']),
  'organisation.read': new Set(ROLES),
  'organisation.create': new Set(['coordinator', 'cluster_manager']),
  'organisation.update': new Set(['coordinator', 'cluster_manager', 'member']),
  'organisation.delete': new Set(['coordinator', 'cluster_manager']),
  'organisation.import': new Set(['coordinator', 'cluster_manager']),
  'person.read': new Set(ROLES),
  'person.create': new Set(['coordinator', 'cluster_manager']),
  'person.update': new Set(['coordinator', 'cluster_manager', 'member']),
  'person.delete': new Set(['coordinator', 'cluster_manager']),
  'person.import': new Set(['coordinator', 'cluster_manager']),
  'audit.read': new Set(['coordinator']),
  'invitation.read': new Set(['coordinator']),
  'invitation.create': new Set(['coordinator']),
  'invitation.revoke': new Set(['coordinator']),
  'membership.read': new Set(['coordinator']),
  'membership.update': new Set(['coordinator']),
  'membership.delete': new Set(['coordinator']),
  'market.read': new Set(ROLES),
  'market.create': new Set(['coordinator', 'cluster_manager']),
  'market.update': new Set(['coordinator', 'cluster_manager']),
  'market.delete': new Set(['coordinator']),
  'plan.read': new Set(ROLES),
  'plan.create': new Set(['coordinator', 'cluster_manager']),
  'plan.update': new Set(['coordinator', 'cluster_manager']),
  'plan.delete': new Set(['coordinator', 'cluster_manager']),
  'activity.read': new Set(ROLES),
  'activity.create': new Set(['coordinator', 'cluster_manager']),
  'activity.update': new Set(['coordinator', 'cluster_manager']),
  'activity.delete': new Set(['coordinator', 'cluster_manager']),
  'budget.read': new Set(['coordinator', 'cluster_manager', 'viewer']),
  'budget.update': new Set(['coordinator', 'cluster_manager']),
  'kpi.read': new Set(ROLES),
  'kpi.update': new Set(['coordinator', 'cluster_manager']),
  'travel_rate.update': new Set(['coordinator']),
  'report.create': new Set(['coordinator', 'cluster_manager', 'viewer']),
  'report.read': new Set(['coordinator', 'cluster_manager', 'viewer']),
  'archive.export': new Set(['coordinator']),
  'archive.import': new Set(['coordinator']),
  'instrument.manage': new Set(['coordinator', 'cluster_manager']),
  'network.read': new Set(['coordinator', 'cluster_manager', 'viewer']),
  'network.create': new Set(['coordinator', 'cluster_manager']),
  'network.update': new Set(['coordinator', 'cluster_manager']),
  'network.delete': new Set(['coordinator', 'cluster_manager']),
  'network.import': new Set(['coordinator', 'cluster_manager']),
  'network.gdpr': new Set(['coordinator']),
  'event.read': new Set(ROLES),
  'event.manage': new Set(['coordinator', 'cluster_manager']),
  'event.participate': new Set(['coordinator', 'cluster_manager', 'member']),
  'survey.read': new Set(['coordinator', 'cluster_manager', 'viewer']),
  'survey.manage': new Set(['coordinator', 'cluster_manager']),
  'readiness.read': new Set(['coordinator', 'cluster_manager', 'viewer', 'member']),
};

/**
 * Whether `actor` may do `permission` on a resource of `scope`.
 *
 * @example
 * can({ userId, workspaceId, role: 'cluster_manager', clusterId: 'c1' }, 'cluster.update', { clusterId: 'c1' }); // true
 */
export function can(actor: Actor, permission: Permission, scope: Scope = {}): boolean {
  return RULES[permission](actor, scope);
}

/** Whether a role could hold the permission on some resource (a route-level pre-check). */
export function roleMay(role: Role, permission: Permission): boolean {
  return ROLES_THAT_MAY[permission].has(role);
}

/** What an actor may do where: one entry per kind of scope the actor can meet in its workspace. */
export interface ScopeAbilities {
  /** The cluster the scope's resources belong to; null for the unowned ones (the coordinators'). */
  clusterId: string | null;
  /** The member's own organisation (only in a member's own-organisation entry). */
  organisationId: string | null;
  /** The permissions `can` grants on a resource of this scope. */
  permissions: Permission[];
}

/**
 * The actor's abilities, so a client can show only what the server would allow without copying
 * the rules: `anywhere`, what the role may do somewhere (`roleMay`); `scopes`, what `can` grants
 * on the unowned scope, on each cluster of the workspace and, for a member with an organisation,
 * on its own organisation. The server still checks every request.
 */
export interface Abilities {
  role: Role;
  anywhere: Permission[];
  scopes: ScopeAbilities[];
}

/**
 * @example
 * abilitiesOf(clusterManagerOfC1, ['c1', 'c2']).scopes
 * // [{ clusterId: null, … }, { clusterId: 'c1', permissions: [… 'cluster.update' …] }, { clusterId: 'c2', … }]
 */
export function abilitiesOf(actor: Actor, clusterIds: readonly string[]): Abilities {
  const entry = (clusterId: string | null, organisationId: string | null): ScopeAbilities => {
    const scope: Scope = {
      ...(clusterId !== null ? { clusterId } : {}),
      ...(organisationId !== null ? { organisationId } : {}),
    };
    return {
      clusterId,
      organisationId,
      permissions: PERMISSIONS.filter((permission) => can(actor, permission, scope)),
    };
  };
  return {
    role: actor.role,
    anywhere: PERMISSIONS.filter((permission) => roleMay(actor.role, permission)),
    scopes: [
      entry(null, null),
      ...clusterIds.map((clusterId) => entry(clusterId, null)),
      ...(actor.role === 'member' && actor.organisationId !== null
        ? [entry(null, actor.organisationId)]
        : []),
    ],
  };
}

/** Raised when a member of the workspace lacks a permission (HTTP 403). */
export class ForbiddenError extends Error {
  constructor(readonly permission: Permission) {
    super(`Your role does not allow ${permission}`);
    this.name = 'ForbiddenError';
  }
}

/** @throws ForbiddenError unless `can(actor, permission, scope)`. */
export function requireAccess(actor: Actor, permission: Permission, scope: Scope = {}): void {
  if (!can(actor, permission, scope)) throw new ForbiddenError(permission);
}
