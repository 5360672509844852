import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, can, clusterScope, requireAccess } from '../../domain/access/policy.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { marketSegmentCode } from '../../domain/registry/types.ts';
import { cursorPosition, pageOf, parseSort } from '../../http/list-params.ts';
import { AuditRepository, diff } from '../audit/repository.ts';
import { presentActivitySummary, presentPlanSummary } from '../plans/presenter.ts';
import { PlanRepository } from '../plans/repository.ts';
import { WorkspaceRepository } from '../workspaces/repository.ts';
import { type MarketFilters, MarketRepository, type MarketRow, type MarketValues } from './repository.ts';
import {
  type CreateMarketInput,
  DOSSIER_ACTIVITIES_LIMIT,
  DOSSIER_MEMBERS_LIMIT,
  type ListMarketsQuery,
  type MarketDossierDto,
  type MarketDto,
  type UpdateMarketInput,
} from './schema.ts';

/** Use cases of a workspace's target markets. Every method checks access first. */
export class MarketService {
  constructor(private readonly db: Kysely<DB>) {}

  /** One page in the requested order, with the number of all matching markets. */
  async list(actor: Actor, options: ListMarketsQuery) {
    requireAccess(actor, 'market.read');
    const filters: MarketFilters = {
      ...(options.q ? { q: options.q } : {}),
      ...(options.status ? { status: options.status } : {}),
      ...(options.country ? { country: options.country } : {}),
      ...(options.priority ? { priority: options.priority } : {}),
    };
    const after = cursorPosition(options.cursor, options.sort);
    const markets = new MarketRepository(this.db);
    const [rows, total] = await Promise.all([
      markets.list(actor.workspaceId, {
        ...filters,
        limit: options.limit + 1,
        sort: parseSort(options.sort),
        ...(after ? { after } : {}),
      }),
      markets.count(actor.workspaceId, filters),
    ]);
    const page = pageOf(rows, options.limit, options.sort);
    return { items: page.rows.map(presentMarket), nextCursor: page.nextCursor, total };
  }

  /** The market page: the market, the members interested in its country, its plans and activities. */
  async get(actor: Actor, id: string): Promise<MarketDossierDto> {
    requireAccess(actor, 'market.read');
    const market = await loadMarket(new MarketRepository(this.db), actor.workspaceId, id);
    const plans = new PlanRepository(this.db);
    const [members, planRows, activities] = await Promise.all([
      new MarketRepository(this.db).interestedOrganisations(
        actor.workspaceId,
        market.country,
        DOSSIER_MEMBERS_LIMIT,
      ),
      plans.listOfMarket(actor.workspaceId, id),
      plans.activitiesOfMarket(actor.workspaceId, id, DOSSIER_ACTIVITIES_LIMIT),
    ]);
    const showMoney = can(actor, 'budget.read');
    return {
      ...presentMarket(market),
      interestedMembers: {
        items: members.items.map((row) => ({
          id: row.id,
          name: row.name,
          country: row.country,
          clusterId: row.cluster_id,
          clusterShortName: row.cluster_short_name,
        })),
        total: members.total,
      },
      plans: planRows.map((row) => presentPlanSummary(row, showMoney)),
      activities: { items: activities.items.map(presentActivitySummary), total: activities.total },
    };
  }

  async create(actor: Actor, input: CreateMarketInput): Promise<MarketDto> {
    requireAccess(actor, 'market.create', clusterScope(input.ownerClusterId));
    const values = createValues(input);
    return writeTransaction(this.db, async (trx) => {
      await ensureOwnerOfWorkspace(new WorkspaceRepository(trx), actor.workspaceId, values.owner_cluster_id);
      const markets = new MarketRepository(trx);
      const id = await markets.create(actor.workspaceId, values);
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'create',
        entityType: 'market',
        entityId: id,
        changes: diff({}, values),
      });
      return presentMarket(await loadMarket(markets, actor.workspaceId, id));
    });
  }

  async update(actor: Actor, id: string, input: UpdateMarketInput): Promise<MarketDto> {
    return writeTransaction(this.db, async (trx) => {
      const markets = new MarketRepository(trx);
      const current = await loadMarket(markets, actor.workspaceId, id);
      requireAccess(actor, 'market.update', clusterScope(current.owner_cluster_id));
      const { version, ...rest } = input;
      const values = updateValues(rest);
      if (values.owner_cluster_id !== undefined && values.owner_cluster_id !== current.owner_cluster_id) {
        // Handing a market to a cluster is like creating it there.
        requireAccess(actor, 'market.create', clusterScope(values.owner_cluster_id));
        await ensureOwnerOfWorkspace(
          new WorkspaceRepository(trx),
          actor.workspaceId,
          values.owner_cluster_id,
        );
      }
      const changes = diff(current, values);
      if (!(await markets.update(actor.workspaceId, id, version, values))) {
        throw staleVersion(id, version, current.version);
      }
      if (Object.keys(changes).length > 0) {
        await new AuditRepository(trx).record({
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'update',
          entityType: 'market',
          entityId: id,
          changes,
        });
      }
      return presentMarket(await loadMarket(markets, actor.workspaceId, id));
    });
  }

  /** Removes a market without plans (coordinators); one with plans is refused with 409. */
  async delete(actor: Actor, id: string, version: number): Promise<void> {
    await writeTransaction(this.db, async (trx) => {
      const markets = new MarketRepository(trx);
      const current = await loadMarket(markets, actor.workspaceId, id);
      requireAccess(actor, 'market.delete', clusterScope(current.owner_cluster_id));
      if (current.version !== version) throw staleVersion(id, version, current.version);
      if (current.plan_count > 0) {
        throw new ConflictError(
          `The market "${current.name}" still has ${current.plan_count} plan(s): delete them or move them to another market first, or set the market's status to closed.`,
        );
      }
      if (!(await markets.delete(actor.workspaceId, id, version))) {
        throw staleVersion(id, version, current.version);
      }
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'delete',
        entityType: 'market',
        entityId: id,
        changes: Object.fromEntries(Object.entries(storedValues(current)).map(([k, v]) => [k, [v, null]])),
      });
    });
  }
}

/**
 * A market of the workspace, or 404 (also for another workspace's id). `field` names the request
 * field that held the id, when it came in a body.
 */
export async function loadMarket(
  markets: MarketRepository,
  workspaceId: string,
  id: string,
  field?: string,
): Promise<MarketRow> {
  const row = await markets.find(workspaceId, id);
  if (!row) throw new NotFoundError('market', id, field);
  return row;
}

/** An owner cluster must be one of the workspace's (400 naming the field, as for organisations). */
async function ensureOwnerOfWorkspace(
  workspaces: WorkspaceRepository,
  workspaceId: string,
  clusterId: string | null,
): Promise<void> {
  if (clusterId !== null && !(await workspaces.hasCluster(workspaceId, clusterId))) {
    throw new InvalidInputError(`No cluster "${clusterId}" in this workspace`, [
      { field: 'body.ownerClusterId', message: 'is not a cluster of this workspace' },
    ]);
  }
}

function staleVersion(id: string, sent: number, current: number): ConflictError {
  return new ConflictError(
    `The market ${id} was changed by someone else (version ${current}, you sent ${sent}): reload it and apply your edit again.`,
    current,
  );
}

function storedValues(row: MarketRow): MarketValues {
  return {
    name: row.name,
    country: row.country,
    segments: row.segments,
    priority: row.priority,
    status: row.status,
    rationale: row.rationale,
    findings: row.findings,
    owner_cluster_id: row.owner_cluster_id,
  };
}

function createValues(input: CreateMarketInput): MarketValues {
  return {
    name: input.name,
    country: input.country,
    segments: storedSegments(input.segments),
    priority: input.priority,
    status: input.status,
    rationale: input.rationale,
    findings: input.findings,
    owner_cluster_id: input.ownerClusterId,
  };
}

/**
 * Segments as stored: the registry's codes where a segment names one (its label or code, any
 * case), so a market typed "Earth observation" and one seeded `earth_observation` read the same
 * label everywhere; segments of the market's own stay as typed. A repeat after that is dropped.
 */
function storedSegments(segments: readonly string[]): string {
  return JSON.stringify([...new Set(segments.map(marketSegmentCode))]);
}

/** Only the fields the edit sends. */
function updateValues(input: Omit<UpdateMarketInput, 'version'>): Partial<MarketValues> {
  const values: Partial<MarketValues> = {};
  if (input.name !== undefined) values.name = input.name;
  if (input.country !== undefined) values.country = input.country;
  if (input.segments !== undefined) values.segments = storedSegments(input.segments);
  if (input.priority !== undefined) values.priority = input.priority;
  if (input.status !== undefined) values.status = input.status;
  if (input.rationale !== undefined) values.rationale = input.rationale;
  if (input.findings !== undefined) values.findings = input.findings;
  if (input.ownerClusterId !== undefined) values.owner_cluster_id = input.ownerClusterId;
  return values;
}

export function presentMarket(row: MarketRow): MarketDto {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    segments: JSON.parse(row.segments),
    priority: row.priority,
    status: row.status,
    rationale: row.rationale,
    findings: row.findings,
    ownerClusterId: row.owner_cluster_id,
    ownerClusterName: row.owner_cluster_name,
    planCount: row.plan_count,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
