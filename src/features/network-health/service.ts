import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, requireAccess } from '../../domain/access/policy.ts';
import { NotFoundError } from '../../domain/errors.ts';
import {
  DECAY_DAYS,
  PIPELINE_STAGES,
  type RelationshipStage,
  stageRank,
} from '../../domain/network/types.ts';
import { todayIn } from '../../domain/workspaces/rules.ts';
import { cursorPosition, pageOf, parseSort } from '../../http/list-params.ts';
import { WorkspaceRepository } from '../workspaces/repository.ts';
import {
  dayMinus,
  daysBetween,
  type HealthFilters,
  type HealthRow,
  NetworkHealthRepository,
} from './repository.ts';
import type {
  FunnelDto,
  FunnelQuery,
  HealthItemDto,
  ListHealthQuery,
  ListOrganisationHealthQuery,
  MarketSummaryDto,
} from './schema.ts';

/** Whether a relationship at `stage`, `daysSince` days without an interaction, is decaying. */
export function isDecaying(stage: RelationshipStage, daysSince: number): boolean {
  const limit = DECAY_DAYS[stage];
  return limit !== null && daysSince >= limit;
}

export function presentHealthRow(row: HealthRow, today: string): HealthItemDto {
  const stage = row.stage as RelationshipStage;
  const daysSince = daysBetween(row.sort_value, today);
  return {
    relationshipId: row.id,
    counterpart: row.network_organisation_id
      ? {
          kind: 'network_organisation',
          id: row.network_organisation_id,
          name: row.network_organisation_name ?? '',
          country: row.network_organisation_country,
        }
      : {
          kind: 'organisation',
          id: row.counterpart_organisation_id ?? '',
          name: row.counterpart_organisation_name ?? '',
          country: null,
        },
    ours: row.our_cluster_id
      ? { kind: 'cluster', id: row.our_cluster_id, name: row.our_cluster_name ?? '' }
      : { kind: 'organisation', id: row.our_organisation_id ?? '', name: row.our_organisation_name ?? '' },
    stage,
    clusterId: row.cluster_id,
    owner: row.owner_user_id ? { id: row.owner_user_id, name: row.owner_name ?? '' } : null,
    market: row.market_id ? { id: row.market_id, name: row.market_name ?? '' } : null,
    startedOn: row.started_on,
    lastInteractionOn: row.last_interaction_on,
    daysSince,
    decayDays: DECAY_DAYS[stage],
    decaying: isDecaying(stage, daysSince),
  };
}

/** The funnel's bucket of a day: `2026-Q3`, `2026-09` or `2026`. */
export function periodOf(day: string, period: FunnelQuery['period']): string {
  if (period === 'year') return day.slice(0, 4);
  if (period === 'month') return day.slice(0, 7);
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Counts per stage, with the conversion from the previous stage. */
function funnelStages(counts: number[]) {
  return PIPELINE_STAGES.map((stage, index) => {
    const previous = index === 0 ? 0 : (counts[index - 1] ?? 0);
    const reached = counts[index] ?? 0;
    return { stage, reached, conversion: index === 0 || previous === 0 ? null : reached / previous };
  });
}

/**
 * The day each relationship first reached each pipeline stage (decision 0026: through its first
 * stage change into that stage or a later one), from its changes in day order.
 */
export function firstReachDays(changes: { to_stage: string; changed_on: string }[]): (string | null)[] {
  const days: (string | null)[] = PIPELINE_STAGES.map(() => null);
  for (const change of changes) {
    const rank = stageRank(change.to_stage as RelationshipStage);
    if (rank === null) continue;
    for (let s = 0; s <= rank; s += 1) days[s] ??= change.changed_on;
  }
  return days;
}

/** Network health, the pipeline funnel and the network of a market (issue 21 items 3 and 5). */
export class NetworkHealthService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private async today(repository: NetworkHealthRepository, workspaceId: string): Promise<string> {
    return todayIn(await repository.timeZone(workspaceId), this.clock());
  }

  async list(actor: Actor, query: ListHealthQuery) {
    requireAccess(actor, 'network.read');
    const repository = new NetworkHealthRepository(this.db);
    await this.ensureFilters(repository, actor.workspaceId, query);
    const today = await this.today(repository, actor.workspaceId);
    const filters: HealthFilters = {
      ...(query.decaying ? { decaying: true } : {}),
      ...(query.stage ? { stage: query.stage } : {}),
      ...(query.marketId ? { marketId: query.marketId } : {}),
      ...(query.clusterId ? { clusterId: query.clusterId } : {}),
      ...(query.owner === 'me' ? { ownerUserId: actor.userId } : {}),
    };
    const after = cursorPosition(query.cursor, query.sort);
    const order = parseSort(query.sort);
    const [rows, total] = await Promise.all([
      repository.list(actor.workspaceId, today, filters, {
        mostDaysFirst: order.desc,
        limit: query.limit + 1,
        ...(after ? { after: { value: String(after.value), id: after.id } } : {}),
      }),
      repository.count(actor.workspaceId, today, filters),
    ]);
    const page = pageOf(rows, query.limit, query.sort);
    return {
      items: page.rows.map((row) => presentHealthRow(row, today)),
      nextCursor: page.nextCursor,
      total,
      today,
    };
  }

  async organisations(actor: Actor, query: ListOrganisationHealthQuery) {
    requireAccess(actor, 'network.read');
    const repository = new NetworkHealthRepository(this.db);
    const today = await this.today(repository, actor.workspaceId);
    const filters = {
      ...(query.country ? { country: query.country } : {}),
      ...(query.q ? { q: query.q } : {}),
    };
    const after = cursorPosition(query.cursor, query.sort);
    const order = parseSort(query.sort);
    const [rows, total] = await Promise.all([
      repository.organisations(actor.workspaceId, filters, {
        mostDaysFirst: order.desc,
        limit: query.limit + 1,
        ...(after ? { after: { value: String(after.value), id: after.id } } : {}),
      }),
      repository.countOrganisations(actor.workspaceId, filters),
    ]);
    const page = pageOf(rows, query.limit, query.sort);
    return {
      items: page.rows.map((row) => ({
        id: row.id,
        name: row.name,
        country: row.country,
        city: row.city,
        type: row.type,
        lastInteractionOn: row.last_interaction_on,
        daysSince: row.last_interaction_on ? daysBetween(row.last_interaction_on, today) : null,
        relationshipCount: Number(row.relationship_count),
      })),
      nextCursor: page.nextCursor,
      total,
      today,
    };
  }

  /**
   * The pipeline funnel: per stage, the relationships whose first reaching of it (decision 0026)
   * falls within [from, to]; the conversion from the stage before; the same per month, quarter
   * or year of the reach day.
   */
  async funnel(actor: Actor, query: FunnelQuery): Promise<FunnelDto> {
    requireAccess(actor, 'network.read');
    const repository = new NetworkHealthRepository(this.db);
    await this.ensureFilters(repository, actor.workspaceId, query);
    const to = query.to ?? (await this.today(repository, actor.workspaceId));
    const from = query.from ?? dayMinus(to, 364);
    const changes = await repository.stageChanges(actor.workspaceId, {
      to,
      ...(query.marketId ? { marketId: query.marketId } : {}),
      ...(query.clusterId ? { clusterId: query.clusterId } : {}),
    });
    const totals = PIPELINE_STAGES.map(() => 0);
    const byPeriod = new Map<string, number[]>();
    let start = 0;
    while (start < changes.length) {
      let end = start;
      while (end < changes.length && changes[end]?.relationship_id === changes[start]?.relationship_id)
        end += 1;
      firstReachDays(changes.slice(start, end)).forEach((day, stage) => {
        if (day === null || day < from || day > to) return;
        totals[stage] = (totals[stage] ?? 0) + 1;
        const key = periodOf(day, query.period);
        const counts = byPeriod.get(key) ?? PIPELINE_STAGES.map(() => 0);
        counts[stage] = (counts[stage] ?? 0) + 1;
        byPeriod.set(key, counts);
      });
      start = end;
    }
    return {
      from,
      to,
      period: query.period,
      stages: funnelStages(totals),
      periods: allPeriods(from, to, query.period).map((period) => ({
        period,
        stages: funnelStages(byPeriod.get(period) ?? []),
      })),
    };
  }

  /** A market or cluster filter must name one of the workspace's (404 naming the field otherwise). */
  private async ensureFilters(
    repository: NetworkHealthRepository,
    workspaceId: string,
    query: { marketId?: string | undefined; clusterId?: string | undefined },
  ): Promise<void> {
    if (query.marketId && !(await repository.market(workspaceId, query.marketId))) {
      throw new NotFoundError('market', query.marketId, 'query.marketId');
    }
    if (
      query.clusterId &&
      !(await new WorkspaceRepository(this.db).hasCluster(workspaceId, query.clusterId))
    ) {
      throw new NotFoundError('cluster', query.clusterId, 'query.clusterId');
    }
  }

  /** The network in a market's country: organisations by city, relationships by stage. */
  async marketSummary(actor: Actor, marketId: string): Promise<MarketSummaryDto> {
    requireAccess(actor, 'network.read');
    const repository = new NetworkHealthRepository(this.db);
    const market = await repository.market(actor.workspaceId, marketId);
    if (!market) throw new NotFoundError('market', marketId, 'params.id');
    const [byCity, byStage] = await Promise.all([
      repository.organisationsByCity(actor.workspaceId, market.country),
      repository.relationshipsByStage(actor.workspaceId, market.id, market.country),
    ]);
    const stages: RelationshipStage[] = [...PIPELINE_STAGES, 'dormant', 'closed'];
    return {
      market,
      organisations: { total: byCity.reduce((sum, row) => sum + row.count, 0), byCity },
      relationshipsByStage: stages.map((stage) => ({ stage, count: byStage.get(stage) ?? 0 })),
    };
  }
}

/** Every bucket from `from` to `to`, in order (empty ones too, so a chart has no gaps). */
function allPeriods(from: string, to: string, period: FunnelQuery['period']): string[] {
  const keys: string[] = [];
  const cursor = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
  const last = periodOf(to, period);
  for (let guard = 0; guard < 4000; guard += 1) {
    const key = periodOf(cursor.toISOString().slice(0, 10), period);
    if (keys.at(-1) !== key) keys.push(key);
    if (key === last) break;
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return keys;
}
