import { type Kysely, sql } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import { type KeysetAfter, type KeysetOrder, keysetPage } from '../../db/keyset.ts';
import type { DB } from '../../db/schema.ts';

/** What changed: field → [before, after]; a create has before = null, a delete after = null. */
export type Changes = Record<string, [unknown, unknown]>;

export interface AuditEntry {
  workspaceId: string;
  actorUserId: string;
  action: 'create' | 'update' | 'delete';
  entityType: string;
  entityId: string;
  changes: Changes;
}

/** The only SQL for the audit log. Writes happen in the caller's transaction, with the change itself. */
export class AuditRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.recordMany([entry]);
  }

  /** Several entries in a few multi-row inserts (a copied plan's activities), in the given order. */
  async recordMany(entries: AuditEntry[]): Promise<void> {
    const now = nowIso();
    for (let start = 0; start < entries.length; start += 500) {
      await this.db
        .insertInto('audit_event')
        .values(
          entries.slice(start, start + 500).map((entry) => ({
            id: newId(),
            workspace_id: entry.workspaceId,
            actor_user_id: entry.actorUserId,
            action: entry.action,
            entity_type: entry.entityType,
            entity_id: entry.entityId,
            changes: JSON.stringify(entry.changes),
            created_at: now,
          })),
        )
        .execute();
    }
  }

  /**
   * Newest first, or oldest first with `oldestFirst` (ids are UUIDv7: their order is the time
   * order); `after` is the last entry of the previous page.
   */
  async list(
    workspaceId: string,
    options: { limit: number; oldestFirst?: boolean; after?: KeysetAfter; entityId?: string },
  ) {
    const order: KeysetOrder = {
      key: sql`audit_event.id`,
      id: sql.ref('audit_event.id'),
      desc: !options.oldestFirst,
    };
    const query = this.filtered(workspaceId, options)
      .leftJoin('app_user', 'app_user.id', 'audit_event.actor_user_id')
      .select([
        'audit_event.id',
        'audit_event.action',
        'audit_event.entity_type',
        'audit_event.entity_id',
        'audit_event.changes',
        'audit_event.created_at',
        'app_user.email as actor_email',
      ])
      .select(order.key.as('sort_value'));
    return keysetPage(query, order, options.after).limit(options.limit).execute();
  }

  /** How many entries match the filters. */
  async count(workspaceId: string, options: { entityId?: string }): Promise<number> {
    const row = await this.filtered(workspaceId, options)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private filtered(workspaceId: string, options: { entityId?: string }) {
    let query = this.db.selectFrom('audit_event').where('audit_event.workspace_id', '=', workspaceId);
    if (options.entityId) query = query.where('audit_event.entity_id', '=', options.entityId);
    return query;
  }

  /**
   * The history of one record, newest first, with the name of who changed it (a record's page
   * shows it to whoever may read the record, so it names people, not their e-mail addresses).
   * `before` is the id of the last entry of the previous page.
   */
  history(
    workspaceId: string,
    entity: { type: string; id: string },
    options: { limit: number; before?: string },
  ) {
    let query = this.db
      .selectFrom('audit_event')
      .leftJoin('app_user', 'app_user.id', 'audit_event.actor_user_id')
      .select([
        'audit_event.id',
        'audit_event.action',
        'audit_event.changes',
        'audit_event.created_at',
        'app_user.name as actor_name',
      ])
      .where('audit_event.workspace_id', '=', workspaceId)
      .where('audit_event.entity_id', '=', entity.id)
      .where('audit_event.entity_type', '=', entity.type);
    if (options.before) query = query.where('audit_event.id', '<', options.before);
    return query.orderBy('audit_event.id', 'desc').limit(options.limit).execute();
  }
}

/** The fields whose values differ between two versions of a record. */
export function diff(before: object, after: object): Changes {
  const old = before as Record<string, unknown>;
  const changes: Changes = {};
  for (const [field, value] of Object.entries(after)) {
    if (value !== undefined && value !== old[field]) changes[field] = [old[field] ?? null, value];
  }
  return changes;
}
