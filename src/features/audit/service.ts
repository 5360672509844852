import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, requireAccess } from '../../domain/access/policy.ts';
import { cursorPosition, pageOf, parseSort } from '../../http/list-params.ts';
import { AuditRepository } from './repository.ts';
import type { AuditListDto, ListAuditQuery } from './schema.ts';

/** Reading the audit log: coordinators only, newest (or oldest) first, a page at a time. */
export class AuditService {
  constructor(private readonly db: Kysely<DB>) {}

  async list(actor: Actor, query: ListAuditQuery): Promise<AuditListDto> {
    requireAccess(actor, 'audit.read');
    const { limit, cursor, entityId, sort } = query;
    const after = cursorPosition(cursor, sort);
    const audit = new AuditRepository(this.db);
    const [rows, total] = await Promise.all([
      audit.list(actor.workspaceId, {
        limit: limit + 1,
        oldestFirst: !parseSort(sort).desc,
        ...(after ? { after } : {}),
        ...(entityId ? { entityId } : {}),
      }),
      audit.count(actor.workspaceId, entityId ? { entityId } : {}),
    ]);
    const page = pageOf(rows, limit, sort);
    return {
      items: page.rows.map((row) => ({
        id: row.id,
        at: row.created_at,
        actor: row.actor_email,
        action: row.action as 'create' | 'update' | 'delete',
        entityType: row.entity_type,
        entityId: row.entity_id,
        changes: JSON.parse(row.changes),
      })),
      nextCursor: page.nextCursor,
      total,
    };
  }
}
