import type { LightMyRequestResponse } from 'fastify';
import { type Actor, type Role, roleMay } from '../../../src/domain/access/policy.ts';
import type { Handled } from './invariants.ts';
import type { Materialised } from './materialise.ts';
import { writesOutOfScope } from './scopes.ts';
import type { Pools, RowChanges } from './targets.ts';

/** The invariants of the hostile-input suite, one function per part of what a request did. */
export type ViolationKind =
  | '5xx'
  | 'leak of B'
  | 'forbidden write'
  | 'forbidden read'
  | 'changed after refusal'
  | 'B changed'
  | 'not a problem document'
  | 'unaudited write';

export type Found = [ViolationKind, string];

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The answer itself: never a 5xx, nothing of B's the request did not send, refusals as problems. */
export function answerViolations(
  res: LightMyRequestResponse,
  request: Materialised,
  findLeaks: (answer: string, sent: string) => string[],
): Found[] {
  const found: Found[] = [];
  if (res.statusCode >= 500) found.push(['5xx', res.body]);
  const leaks = findLeaks(`${JSON.stringify(res.headers)}\n${res.body}`, request.sent);
  if (leaks.length > 0) found.push(['leak of B', `${leaks.join(', ')} in ${res.body.slice(0, 300)}`]);
  const problem = String(res.headers['content-type']).startsWith('application/problem+json');
  if (res.statusCode >= 400 && request.method !== 'HEAD' && !problem) {
    found.push(['not a problem document', `${res.headers['content-type']}: ${res.body.slice(0, 200)}`]);
  }
  return found;
}

/** The database: B never changes; nothing changes when the request was refused. */
export function databaseViolations(status: number, changed: string[]): Found[] {
  const found: Found[] = [];
  const changedB = changed.filter((t) => t.endsWith('(B)'));
  if (changedB.length > 0) found.push(['B changed', changedB.join(', ')]);
  if (status >= 400 && status < 500 && changed.length > 0)
    found.push(['changed after refusal', changed.join(', ')]);
  return found;
}

/**
 * A 2xx of a workspace route: the route declares a permission, the caller is a member of A, and
 * its role may hold that permission (`roleMay`, the route-level check of the policy).
 */
export function accessViolations(
  request: Materialised,
  route: Handled | undefined,
  role: Role | null,
  workspaceA: string,
): Found[] {
  const kind = SAFE_METHODS.has(request.method) ? 'forbidden read' : 'forbidden write';
  if (!route) {
    return request.url.startsWith('/api/v1/workspaces/')
      ? [[kind, 'a workspace URL answered 2xx without reaching a route handler']]
      : [];
  }
  if (!route.route.startsWith('/api/v1/workspaces/')) return [];
  if (!route.permission) return [[kind, `${route.route} declares no permission`]];
  if (!role || !route.actor) return [[kind, `a caller who is no member of A got a 2xx from ${route.route}`]];
  if (route.actor.workspaceId !== workspaceA) return [[kind, `acted in ${route.actor.workspaceId}`]];
  if (!roleMay(role, route.permission)) return [[kind, `${role} may not ${route.permission}`]];
  return [];
}

/**
 * An accepted write: only on records in the actor's scope, never pointing at B's records, and
 * with an audit event when it changed anything of A.
 */
export function writeViolations(
  actor: Actor,
  rows: Map<string, RowChanges>,
  changed: string[],
  pools: Pools,
  idsOfB: Set<string>,
): Found[] {
  const found: Found[] = [];
  for (const wrong of writesOutOfScope(actor, rows, pools)) found.push(['forbidden write', wrong]);
  for (const wrong of referencesToB(rows, idsOfB)) found.push(['forbidden write', wrong]);
  const meaningful = meaningfulChanges(rows);
  if (meaningful.length > 0 && !changed.includes('audit_event')) {
    found.push(['unaudited write', `${meaningful.join(', ')} changed, no audit event`]);
  }
  return found;
}

/** Records of A that now hold an id of B's (a reference across workspaces). */
function referencesToB(changes: Map<string, RowChanges>, idsOfB: Set<string>): string[] {
  const found: string[] = [];
  for (const [table, change] of changes) {
    for (const { row, side } of [...change.inserted, ...change.updated.map(([, now]) => now)]) {
      if (side === 'B') continue;
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === 'string' && idsOfB.has(value))
          found.push(`${table} ${row.id}: ${column} is B's ${value}`);
      }
    }
  }
  return found;
}

/** Tables of A where a record came, went, or changed more than its version and time stamp. */
function meaningfulChanges(changes: Map<string, RowChanges>): string[] {
  const strip = ({ version: _v, updated_at: _u, ...rest }: Record<string, unknown>) => JSON.stringify(rest);
  return [...changes]
    .filter(
      ([, c]) =>
        c.inserted.some((r) => r.side === 'A') ||
        c.deleted.some((r) => r.side === 'A') ||
        c.updated.some(([was, now]) => now.side === 'A' && strip(was.row) !== strip(now.row)),
    )
    .map(([table]) => table);
}
