import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, requireAccess } from '../../domain/access/policy.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { AuditRepository, diff } from '../audit/repository.ts';
import { ClusterRepository, type ClusterRow, type ClusterValues } from './repository.ts';
import type { ClusterDto, CreateClusterInput, UpdateClusterInput } from './schema.ts';

/** Use cases of the partner clusters of a workspace. Every method checks access first. */
export class ClusterService {
  constructor(private readonly db: Kysely<DB>) {}

  async list(actor: Actor, options: { limit: number; cursor?: string; q?: string; country?: string }) {
    requireAccess(actor, 'cluster.read');
    const rows = await new ClusterRepository(this.db).list(actor.workspaceId, {
      limit: options.limit + 1,
      ...(options.cursor ? { after: options.cursor } : {}),
      ...(options.q ? { q: options.q } : {}),
      ...(options.country ? { country: options.country } : {}),
    });
    const page = rows.slice(0, options.limit);
    return {
      items: page.map(presentCluster),
      nextCursor: rows.length > options.limit ? (page.at(-1)?.id ?? null) : null,
    };
  }

  async get(actor: Actor, id: string): Promise<ClusterDto> {
    requireAccess(actor, 'cluster.read');
    return presentCluster(await this.load(new ClusterRepository(this.db), actor, id));
  }

  async create(actor: Actor, input: CreateClusterInput): Promise<ClusterDto> {
    requireAccess(actor, 'cluster.create');
    const values = createValues(input);
    return writeTransaction(this.db, async (trx) => {
      const clusters = new ClusterRepository(trx);
      await this.ensureShortNameFree(clusters, actor.workspaceId, values.short_name);
      const row = await clusters.create(actor.workspaceId, values);
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'create',
        entityType: 'cluster',
        entityId: row.id,
        changes: diff({}, values),
      });
      return presentCluster(row);
    });
  }

  async update(actor: Actor, id: string, input: UpdateClusterInput): Promise<ClusterDto> {
    return writeTransaction(this.db, async (trx) => {
      const clusters = new ClusterRepository(trx);
      const current = await this.load(clusters, actor, id);
      requireAccess(actor, 'cluster.update', { clusterId: current.id });
      const { version, ...rest } = input;
      const values = updateValues(rest);
      if (values.short_name !== undefined && values.short_name !== current.short_name) {
        await this.ensureShortNameFree(clusters, actor.workspaceId, values.short_name);
      }
      const updated = await clusters.update(actor.workspaceId, id, version, values);
      if (!updated) throw staleVersion('cluster', id, version, current.version);
      const changes = diff(current, values);
      if (Object.keys(changes).length > 0) {
        await new AuditRepository(trx).record({
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'update',
          entityType: 'cluster',
          entityId: id,
          changes,
        });
      }
      return presentCluster(updated);
    });
  }

  async delete(actor: Actor, id: string, version: number): Promise<void> {
    await writeTransaction(this.db, async (trx) => {
      const clusters = new ClusterRepository(trx);
      const current = await this.load(clusters, actor, id);
      requireAccess(actor, 'cluster.delete', { clusterId: current.id });
      const managers = await clusters.countManagers(id);
      if (managers > 0) {
        throw new ConflictError(
          `The cluster ${current.short_name} still has ${managers} manager(s): give them another cluster or role first.`,
        );
      }
      // The pipeline's relationships name the cluster as their scope (issue 21): they are the
      // partnership's history, so they are moved or removed on purpose, not with the cluster.
      const relationships = await clusters.countRelationships(id);
      if (relationships > 0) {
        throw new ConflictError(
          `The cluster ${current.short_name} still has ${relationships} relationship(s) in the partnership pipeline: remove them first.`,
        );
      }
      if (!(await clusters.delete(actor.workspaceId, id, version))) {
        throw staleVersion('cluster', id, version, current.version);
      }
      const { id: _id, workspace_id: _w, version: _v, created_at: _c, updated_at: _u, ...gone } = current;
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'delete',
        entityType: 'cluster',
        entityId: id,
        changes: Object.fromEntries(Object.entries(gone).map(([k, v]) => [k, [v, null]])),
      });
    });
  }

  /** A cluster of the actor's workspace, or 404 (also for another workspace's id). */
  private async load(clusters: ClusterRepository, actor: Actor, id: string): Promise<ClusterRow> {
    const row = await clusters.find(actor.workspaceId, id);
    if (!row) throw new NotFoundError('cluster', id);
    return row;
  }

  private async ensureShortNameFree(clusters: ClusterRepository, workspaceId: string, shortName: string) {
    if (await clusters.findByShortName(workspaceId, shortName)) {
      throw new InvalidInputError(`A cluster with short name "${shortName}" already exists`, [
        { field: 'body.shortName', message: 'is already used by another cluster of this workspace' },
      ]);
    }
  }
}

function staleVersion(resource: string, id: string, sent: number, current: number): ConflictError {
  return new ConflictError(
    `The ${resource} ${id} was changed by someone else (version ${current}, you sent ${sent}): reload it and apply your edit again.`,
    current,
  );
}

function createValues(input: CreateClusterInput): ClusterValues {
  return {
    name: input.name,
    short_name: input.shortName,
    country: input.country,
    city: input.city,
    day_rate_cents: Math.round(input.dayRateEur * 100),
    website: input.website,
  };
}

/** Only the fields the edit sends. */
function updateValues(input: Omit<UpdateClusterInput, 'version'>): Partial<ClusterValues> {
  const values: Partial<ClusterValues> = {};
  if (input.name !== undefined) values.name = input.name;
  if (input.shortName !== undefined) values.short_name = input.shortName;
  if (input.country !== undefined) values.country = input.country;
  if (input.city !== undefined) values.city = input.city;
  if (input.dayRateEur !== undefined) values.day_rate_cents = Math.round(input.dayRateEur * 100);
  if (input.website !== undefined) values.website = input.website;
  return values;
}

export function presentCluster(row: ClusterRow): ClusterDto {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    country: row.country,
    city: row.city,
    dayRateEur: row.day_rate_cents / 100,
    website: row.website,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
