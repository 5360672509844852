import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, requireAccess } from '../../domain/access/policy.ts';
import { todayIso } from '../../domain/dates.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { RELATIONSHIP_STAGES, type RelationshipStage, stageNeedsReason } from '../../domain/network/types.ts';
import { normaliseOrganisationName } from '../../domain/registry/duplicates.ts';
import { cursorPosition, pageOf, parseSort } from '../../http/list-params.ts';
import { AuditRepository, diff } from '../audit/repository.ts';
import {
  type NamedRelationshipRow,
  type NamedStageChangeRow,
  type RelationshipFilters,
  RelationshipRepository,
  type RelationshipRow,
  type RelationshipValues,
} from './repository.ts';
import {
  BOARD_CARDS_PER_STAGE,
  type BoardQuery,
  type CreateRelationshipInput,
  type EditStageChangeInput,
  type ListRelationshipsQuery,
  type RelationshipBoardDto,
  type RelationshipDetailDto,
  type RelationshipDto,
  type StageChangeDto,
  type StageChangeInput,
  type UpdateRelationshipInput,
} from './schema.ts';

/**
 * Use cases of the partnership pipeline (issue 21 item 3, decision 0026): relationships between
 * one of ours and a counterpart, and their stage changes, each attributed to an activity (KPI
 * evidence). Every method checks access first; a relationship's scope is its `cluster_id`.
 */
export class RelationshipService {
  constructor(private readonly db: Kysely<DB>) {}

  async list(actor: Actor, query: ListRelationshipsQuery) {
    requireAccess(actor, 'network.read');
    const filters = filtersOf(query);
    const after = cursorPosition(query.cursor, query.sort);
    const relationships = new RelationshipRepository(this.db);
    const [rows, total] = await Promise.all([
      relationships.list(actor.workspaceId, {
        ...filters,
        limit: query.limit + 1,
        sort: parseSort(query.sort),
        ...(after ? { after } : {}),
      }),
      relationships.count(actor.workspaceId, filters),
    ]);
    const page = pageOf(rows, query.limit, query.sort);
    return { items: page.rows.map(presentRelationship), nextCursor: page.nextCursor, total };
  }

  /** Per stage, how many and the most recently moved (the board stays fast whatever the size). */
  async board(actor: Actor, query: BoardQuery): Promise<RelationshipBoardDto> {
    requireAccess(actor, 'network.read');
    const filters: RelationshipFilters = {
      ...(query.marketId ? { marketId: query.marketId } : {}),
      ...(query.clusterId ? { clusterId: query.clusterId } : {}),
    };
    const relationships = new RelationshipRepository(this.db);
    const counts = await relationships.countByStage(actor.workspaceId, filters);
    const columns = [];
    for (const stage of RELATIONSHIP_STAGES) {
      const count = counts.get(stage) ?? 0;
      const items =
        count === 0
          ? []
          : await relationships.latestAtStage(actor.workspaceId, stage, filters, BOARD_CARDS_PER_STAGE);
      columns.push({ stage, count, items: items.map(presentRelationship) });
    }
    return { columns };
  }

  async get(actor: Actor, id: string): Promise<RelationshipDetailDto> {
    requireAccess(actor, 'network.read');
    const relationships = new RelationshipRepository(this.db);
    const row = await relationships.findNamed(actor.workspaceId, id);
    if (!row) throw new NotFoundError('relationship', id);
    const changes = await relationships.changes(actor.workspaceId, id);
    return { ...presentRelationship(row), changes: changes.map(presentChange) };
  }

  async create(actor: Actor, input: CreateRelationshipInput): Promise<RelationshipDetailDto> {
    requireAccess(actor, 'network.read');
    const id = await writeTransaction(this.db, async (trx) => {
      const relationships = new RelationshipRepository(trx);
      const ws = actor.workspaceId;
      let clusterId: string;
      let ours: string;
      if (input.ourClusterId) {
        const cluster = await relationships.reference('cluster', ws, input.ourClusterId);
        if (!cluster) throw new NotFoundError('cluster', input.ourClusterId, 'body.ourClusterId');
        clusterId = cluster.id;
        ours = cluster.id;
      } else {
        const ourOrganisationId = input.ourOrganisationId as string;
        const organisation = await relationships.reference('organisation', ws, ourOrganisationId);
        if (!organisation)
          throw new NotFoundError('organisation', ourOrganisationId, 'body.ourOrganisationId');
        clusterId = organisation.cluster_id as string;
        ours = organisation.id;
      }
      requireAccess(actor, 'network.create', { clusterId });
      let counterpart: string;
      if (input.networkOrganisationId) {
        const found = await relationships.reference('network_organisation', ws, input.networkOrganisationId);
        if (!found) {
          throw new NotFoundError(
            'network organisation',
            input.networkOrganisationId,
            'body.networkOrganisationId',
          );
        }
        counterpart = found.id;
      } else {
        const memberId = input.counterpartOrganisationId as string;
        const found = await relationships.reference('organisation', ws, memberId);
        if (!found) throw new NotFoundError('organisation', memberId, 'body.counterpartOrganisationId');
        if (found.id === ours) {
          throw new InvalidInputError('A member organisation cannot be its own counterpart', [
            { field: 'body.counterpartOrganisationId', message: 'is the same organisation as ours' },
          ]);
        }
        counterpart = found.id;
      }
      await this.checkReferences(relationships, ws, {
        marketId: input.marketId,
        ownerUserId: input.ownerUserId,
        activityId: input.activityId,
      });
      const stage = input.stage;
      const reason = checkReason(stage, input.reason);
      const startedOn = input.startedOn ?? todayIso();
      const existing = await relationships.findPair(ws, ours, counterpart);
      if (existing) throw duplicatePair(existing.id);
      const values: RelationshipValues = {
        our_cluster_id: input.ourClusterId ?? null,
        our_organisation_id: input.ourClusterId ? null : (input.ourOrganisationId ?? null),
        network_organisation_id: input.networkOrganisationId ?? null,
        counterpart_organisation_id: input.networkOrganisationId
          ? null
          : (input.counterpartOrganisationId ?? null),
        cluster_id: clusterId,
        market_id: input.marketId,
        stage,
        stage_reason: reason,
        started_on: startedOn,
        stage_changed_on: startedOn,
        owner_user_id: input.ownerUserId,
        notes: input.notes,
      };
      const row = await relationships.create(ws, values, {
        actorUserId: actor.userId,
        activityId: input.activityId,
      });
      await new AuditRepository(trx).record({
        workspaceId: ws,
        actorUserId: actor.userId,
        action: 'create',
        entityType: 'relationship',
        entityId: row.id,
        changes: diff({}, { ...values, activity_id: input.activityId }),
      });
      return row.id;
    }).catch((error: unknown) => this.refuseLostRace(error, actor, input));
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, input: UpdateRelationshipInput): Promise<RelationshipDto> {
    requireAccess(actor, 'network.read');
    await writeTransaction(this.db, async (trx) => {
      const relationships = new RelationshipRepository(trx);
      const current = await load(relationships, actor, id);
      requireAccess(actor, 'network.update', { clusterId: current.cluster_id });
      await this.checkReferences(relationships, actor.workspaceId, {
        marketId: input.marketId ?? null,
        ownerUserId: input.ownerUserId ?? null,
        activityId: null,
      });
      const values: Partial<RelationshipValues> = {};
      if (input.notes !== undefined) values.notes = input.notes;
      if (input.ownerUserId !== undefined) values.owner_user_id = input.ownerUserId;
      if (input.marketId !== undefined) values.market_id = input.marketId;
      const changes = diff(current, values);
      const updated = await relationships.update(actor.workspaceId, id, input.version, values);
      if (!updated) throw staleVersion(id, input.version, current.version);
      if (Object.keys(changes).length > 0) {
        await new AuditRepository(trx).record({
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'update',
          entityType: 'relationship',
          entityId: id,
          changes,
        });
      }
    });
    const row = await new RelationshipRepository(this.db).findNamed(actor.workspaceId, id);
    if (!row) throw new NotFoundError('relationship', id);
    return presentRelationship(row);
  }

  /**
   * Moves the relationship to a stage (or confirms the one it is at) on a day, attributed to an
   * activity: a new row of its history. Dormant and closed need a reason; the day may not be
   * before the relationship began nor before its previous change.
   */
  async changeStage(actor: Actor, id: string, input: StageChangeInput): Promise<RelationshipDetailDto> {
    requireAccess(actor, 'network.read');
    await writeTransaction(this.db, async (trx) => {
      const relationships = new RelationshipRepository(trx);
      const current = await load(relationships, actor, id);
      requireAccess(actor, 'network.update', { clusterId: current.cluster_id });
      const reason = checkReason(input.stage, input.reason);
      const changedOn = input.changedOn ?? todayIso();
      if (changedOn < current.started_on) {
        throw new InvalidInputError(`The relationship began on ${current.started_on}`, [
          { field: 'body.changedOn', message: `is before the relationship began (${current.started_on})` },
        ]);
      }
      if (changedOn < current.stage_changed_on) {
        throw new InvalidInputError(`The previous stage change is dated ${current.stage_changed_on}`, [
          {
            field: 'body.changedOn',
            message: `is before the previous stage change (${current.stage_changed_on})`,
          },
        ]);
      }
      await this.checkReferences(relationships, actor.workspaceId, {
        marketId: null,
        ownerUserId: null,
        activityId: input.activityId,
      });
      const updated = await relationships.changeStage(current, input.version, {
        toStage: input.stage,
        changedOn,
        reason,
        actorUserId: actor.userId,
        activityId: input.activityId,
      });
      if (!updated) throw staleVersion(id, input.version, current.version);
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'update',
        entityType: 'relationship',
        entityId: id,
        changes: {
          stage: [current.stage, input.stage],
          stage_changed_on: [current.stage_changed_on, changedOn],
          ...(reason !== current.stage_reason ? { stage_reason: [current.stage_reason, reason] } : {}),
          ...(input.activityId ? { activity_id: [null, input.activityId] } : {}),
        },
      });
    });
    return this.get(actor, id);
  }

  /** Corrects the activity a change is attributed to, or its reason (its stage and day stay). */
  async editChange(
    actor: Actor,
    id: string,
    changeId: string,
    input: EditStageChangeInput,
  ): Promise<RelationshipDetailDto> {
    requireAccess(actor, 'network.read');
    await writeTransaction(this.db, async (trx) => {
      const relationships = new RelationshipRepository(trx);
      const current = await load(relationships, actor, id);
      requireAccess(actor, 'network.update', { clusterId: current.cluster_id });
      const change = await relationships.findChange(actor.workspaceId, id, changeId);
      if (!change) throw new NotFoundError('stage change', changeId);
      await this.checkReferences(relationships, actor.workspaceId, {
        marketId: null,
        ownerUserId: null,
        activityId: input.activityId ?? null,
      });
      const values: { activity_id?: string | null; reason?: string | null } = {};
      if (input.activityId !== undefined) values.activity_id = input.activityId;
      if (input.reason !== undefined) {
        values.reason = checkReason(change.to_stage as RelationshipStage, input.reason);
      }
      // The relationship's version guards its history too: a stale one changes nothing.
      const bumped = await relationships.update(actor.workspaceId, id, input.version, {});
      if (!bumped) throw staleVersion(id, input.version, current.version);
      await relationships.editChange(id, changeId, values);
      const changes = diff(change, values);
      if (Object.keys(changes).length > 0) {
        await new AuditRepository(trx).record({
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'update',
          entityType: 'relationship',
          entityId: id,
          changes: Object.fromEntries(
            Object.entries(changes).map(([field, value]) => [`change_${changeId}.${field}`, value]),
          ),
        });
      }
    });
    return this.get(actor, id);
  }

  async delete(actor: Actor, id: string, version: number): Promise<void> {
    requireAccess(actor, 'network.read');
    await writeTransaction(this.db, async (trx) => {
      const relationships = new RelationshipRepository(trx);
      const current = await load(relationships, actor, id);
      requireAccess(actor, 'network.delete', { clusterId: current.cluster_id });
      if (!(await relationships.delete(actor.workspaceId, id, version))) {
        throw staleVersion(id, version, current.version);
      }
      const { id: _id, workspace_id: _w, version: _v, created_at: _c, updated_at: _u, ...gone } = current;
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'delete',
        entityType: 'relationship',
        entityId: id,
        changes: Object.fromEntries(Object.entries(gone).map(([k, v]) => [k, [v, null]])),
      });
    });
  }

  /** The market, owner and activity named in a request are the workspace's (404 naming the field). */
  private async checkReferences(
    relationships: RelationshipRepository,
    workspaceId: string,
    refs: { marketId: string | null; ownerUserId: string | null; activityId: string | null },
  ): Promise<void> {
    if (refs.marketId && !(await relationships.reference('target_market', workspaceId, refs.marketId))) {
      throw new NotFoundError('market', refs.marketId, 'body.marketId');
    }
    if (refs.activityId && !(await relationships.reference('activity', workspaceId, refs.activityId))) {
      throw new NotFoundError('activity', refs.activityId, 'body.activityId');
    }
    if (refs.ownerUserId && !(await relationships.isWorkspaceUser(workspaceId, refs.ownerUserId))) {
      throw new NotFoundError('member', refs.ownerUserId, 'body.ownerUserId');
    }
  }

  /** Two requests added the same pair at once: the unique index refused the second; name the first. */
  private async refuseLostRace(error: unknown, actor: Actor, input: CreateRelationshipInput): Promise<never> {
    if (
      error instanceof ConflictError ||
      error instanceof InvalidInputError ||
      error instanceof NotFoundError
    ) {
      throw error;
    }
    const ours = input.ourClusterId ?? input.ourOrganisationId;
    const counterpart = input.networkOrganisationId ?? input.counterpartOrganisationId;
    if (ours && counterpart && !this.db.isTransaction) {
      const existing = await new RelationshipRepository(this.db).findPair(
        actor.workspaceId,
        ours,
        counterpart,
      );
      if (existing) throw duplicatePair(existing.id);
    }
    throw error;
  }
}

function filtersOf(query: ListRelationshipsQuery): RelationshipFilters {
  const q = query.q ? normaliseOrganisationName(query.q) : '';
  return {
    ...(query.stage ? { stages: query.stage } : {}),
    ...(query.marketId ? { marketId: query.marketId } : {}),
    ...(query.clusterId ? { clusterId: query.clusterId } : {}),
    ...(query.ours ? { ours: query.ours } : {}),
    ...(query.networkOrganisationId ? { networkOrganisationId: query.networkOrganisationId } : {}),
    ...(query.counterpartOrganisationId
      ? { counterpartOrganisationId: query.counterpartOrganisationId }
      : {}),
    ...(query.ownerUserId ? { ownerUserId: query.ownerUserId } : {}),
    ...(q ? { q } : {}),
    ...(query.country ? { country: query.country } : {}),
  };
}

async function load(
  relationships: RelationshipRepository,
  actor: Actor,
  id: string,
): Promise<RelationshipRow> {
  const row = await relationships.find(actor.workspaceId, id);
  if (!row) throw new NotFoundError('relationship', id);
  return row;
}

/** Dormant and closed need a reason (400 naming `reason`); other stages keep none. */
function checkReason(stage: RelationshipStage, reason: string | null): string | null {
  if (stageNeedsReason(stage) && !reason) {
    throw new InvalidInputError(`A relationship becomes ${stage} with a reason`, [
      { field: 'body.reason', message: `is required when the stage is ${stage}` },
    ]);
  }
  return stageNeedsReason(stage) ? reason : null;
}

function duplicatePair(existingId: string): ConflictError {
  return new ConflictError(
    `These two already have a relationship (relationship ${existingId}): move it through the pipeline instead of adding another.`,
  );
}

function staleVersion(id: string, sent: number, current: number): ConflictError {
  return new ConflictError(
    `The relationship ${id} was changed by someone else (version ${current}, you sent ${sent}): reload it and apply your change again.`,
    current,
  );
}

export function presentRelationship(row: NamedRelationshipRow): RelationshipDto {
  return {
    id: row.id,
    ourClusterId: row.our_cluster_id,
    ourOrganisationId: row.our_organisation_id,
    ours: row.our_cluster_id
      ? { kind: 'cluster', id: row.our_cluster_id, name: row.our_cluster_name ?? '' }
      : { kind: 'organisation', id: row.our_organisation_id ?? '', name: row.our_organisation_name ?? '' },
    networkOrganisationId: row.network_organisation_id,
    counterpartOrganisationId: row.counterpart_organisation_id,
    counterpart: row.network_organisation_id
      ? {
          kind: 'network',
          id: row.network_organisation_id,
          name: row.network_name ?? '',
          country: row.network_country ?? '',
        }
      : {
          kind: 'member',
          id: row.counterpart_organisation_id ?? '',
          name: row.member_name ?? '',
          country: row.member_country ?? '',
        },
    clusterId: row.cluster_id,
    marketId: row.market_id,
    marketName: row.market_name,
    stage: row.stage as RelationshipStage,
    stageReason: row.stage_reason,
    startedOn: row.started_on,
    stageChangedOn: row.stage_changed_on,
    ownerUserId: row.owner_user_id,
    ownerName: row.owner_name,
    notes: row.notes,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function presentChange(row: NamedStageChangeRow): StageChangeDto {
  return {
    id: row.id,
    fromStage: row.from_stage as RelationshipStage | null,
    toStage: row.to_stage as RelationshipStage,
    changedOn: row.changed_on,
    reason: row.reason,
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    activityId: row.activity_id,
    activityTitle: row.activity_title,
    createdAt: row.created_at,
  };
}
