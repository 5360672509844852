import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { ConflictError } from '../../domain/errors.ts';
import { AuditRepository, type Changes } from '../audit/repository.ts';

/** The audit writer of one kind of KPI record (targets, entries). */
export function kpiAudit(entityType: 'kpi_target' | 'kpi_entry') {
  return (
    db: Kysely<DB>,
    actor: Actor,
    action: 'create' | 'update' | 'delete',
    id: string,
    changes: Changes,
  ): Promise<void> =>
    new AuditRepository(db).record({
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action,
      entityType,
      entityId: id,
      changes,
    });
}

/** The 409 of an edit sent with a stale version of one kind of KPI record. */
export function kpiStaleVersion(noun: 'KPI target' | 'KPI entry') {
  return (id: string, sent: number, current: number): ConflictError =>
    new ConflictError(
      `The ${noun} ${id} was changed by someone else (version ${current}, you sent ${sent}): reload it and apply your edit again.`,
      current,
    );
}
