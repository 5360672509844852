import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, requireAccess } from '../../domain/access/policy.ts';
import { AuditRepository } from './repository.ts';
import type { AuditListDto, ListAuditQuery } from './schema.ts';

/** Reading the audit log: coordinators only, newest first, a page at a time. */
export class AuditService {
  constructor(private readonly db: Kysely<DB>) {}

  async list(actor: Actor, query: ListAuditQuery): Promise<AuditListDto> {
    requireAccess(actor, 'audit.read');
    const { limit, cursor, entityId } = query;
    const rows = await new AuditRepository(this.db).list(actor.workspaceId, {
      limit: limit + 1,
      ...(cursor ? { before: cursor } : {}),
      ...(entityId ? { entityId } : {}),
    });
    const page = rows.slice(0, limit);
    return {
      items: page.map((row) => ({
        id: row.id,
        at: row.created_at,
        actor: row.actor_email,
        action: row.action as 'create' | 'update' | 'delete',
        entityType: row.entity_type,
        entityId: row.entity_id,
        changes: JSON.parse(row.changes),
      })),
      nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    };
  }
}
