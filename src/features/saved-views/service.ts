import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, requireAccess } from '../../domain/access/policy.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { AuditRepository, diff } from '../audit/repository.ts';
import { SavedViewRepository, type SavedViewRow } from './repository.ts';
import {
  type CreateSavedViewInput,
  MAX_VIEWS_PER_LIST,
  type SavedViewDto,
  type SavedViewList,
  type UpdateSavedViewInput,
} from './schema.ts';

/**
 * A user's saved views: named filters and sort of a list, per workspace. Every member may keep
 * views; each sees and changes only their own (another user's view is 404, like a missing one).
 */
export class SavedViewService {
  constructor(private readonly db: Kysely<DB>) {}

  async list(actor: Actor, list: SavedViewList): Promise<{ items: SavedViewDto[] }> {
    requireAccess(actor, 'workspace.read');
    const rows = await new SavedViewRepository(this.db).list(actor.workspaceId, actor.userId, list);
    return { items: rows.map(presentSavedView) };
  }

  async create(actor: Actor, input: CreateSavedViewInput): Promise<SavedViewDto> {
    requireAccess(actor, 'workspace.read');
    return writeTransaction(this.db, async (trx) => {
      const views = new SavedViewRepository(trx);
      if ((await views.count(actor.workspaceId, actor.userId, input.list)) >= MAX_VIEWS_PER_LIST) {
        throw new InvalidInputError(`You keep ${MAX_VIEWS_PER_LIST} views of this list already`, [
          { field: 'body.list', message: `has ${MAX_VIEWS_PER_LIST} saved views already: delete one first` },
        ]);
      }
      await ensureNameFree(views, actor, input.list, input.name, null);
      const values = { list: input.list, name: input.name, query: JSON.stringify(input.query) };
      const row = await views.create(actor.workspaceId, actor.userId, values);
      await record(trx, actor, 'create', row.id, diff({}, values));
      return presentSavedView(row);
    });
  }

  async update(actor: Actor, id: string, input: UpdateSavedViewInput): Promise<SavedViewDto> {
    requireAccess(actor, 'workspace.read');
    return writeTransaction(this.db, async (trx) => {
      const views = new SavedViewRepository(trx);
      const current = await loadView(views, actor, id);
      const values = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.query !== undefined ? { query: JSON.stringify(input.query) } : {}),
      };
      if (values.name !== undefined && values.name !== current.name) {
        await ensureNameFree(views, actor, current.list, values.name, id);
      }
      const updated = await views.update(actor.workspaceId, actor.userId, id, input.version, values);
      if (!updated) throw staleVersion(id, input.version, current.version);
      const changes = diff(current, values);
      if (Object.keys(changes).length > 0) await record(trx, actor, 'update', id, changes);
      return presentSavedView(updated);
    });
  }

  async delete(actor: Actor, id: string, version: number): Promise<void> {
    requireAccess(actor, 'workspace.read');
    await writeTransaction(this.db, async (trx) => {
      const views = new SavedViewRepository(trx);
      const current = await loadView(views, actor, id);
      if (!(await views.delete(actor.workspaceId, actor.userId, id, version))) {
        throw staleVersion(id, version, current.version);
      }
      await record(trx, actor, 'delete', id, {
        list: [current.list, null],
        name: [current.name, null],
        query: [current.query, null],
      });
    });
  }
}

/** One of the actor's own views, or 404 (also for another user's or another workspace's id). */
async function loadView(views: SavedViewRepository, actor: Actor, id: string): Promise<SavedViewRow> {
  const row = await views.find(actor.workspaceId, actor.userId, id);
  if (!row) throw new NotFoundError('saved view', id);
  return row;
}

async function ensureNameFree(
  views: SavedViewRepository,
  actor: Actor,
  list: string,
  name: string,
  ownId: string | null,
): Promise<void> {
  const other = await views.findByName(actor.workspaceId, actor.userId, list, name);
  if (other && other.id !== ownId) {
    throw new InvalidInputError(`You have a view named "${name}" on this list already`, [
      { field: 'body.name', message: 'is the name of another of your views of this list' },
    ]);
  }
}

function record(
  trx: Kysely<DB>,
  actor: Actor,
  action: 'create' | 'update' | 'delete',
  id: string,
  changes: Record<string, [unknown, unknown]>,
) {
  return new AuditRepository(trx).record({
    workspaceId: actor.workspaceId,
    actorUserId: actor.userId,
    action,
    entityType: 'saved_view',
    entityId: id,
    changes,
  });
}

function staleVersion(id: string, sent: number, current: number): ConflictError {
  return new ConflictError(
    `The saved view ${id} was changed meanwhile (version ${current}, you sent ${sent}): reload it and apply your change again.`,
    current,
  );
}

export function presentSavedView(row: SavedViewRow): SavedViewDto {
  return {
    id: row.id,
    list: row.list as SavedViewList,
    name: row.name,
    query: JSON.parse(row.query),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
