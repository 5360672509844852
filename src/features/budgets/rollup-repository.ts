import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { RollupDimension } from './schema.ts';

export interface RollupFilters {
  planId?: string;
  marketId?: string;
  clusterId?: string;
  /** Activities ending on or after this day. */
  from?: string;
  /** Activities starting on or before this day. */
  to?: string;
}

export interface RollupGroupRow {
  key: string | null;
  /** The group's name where the database holds it (plans, markets, clusters, instruments). */
  label: string | null;
  planned: number;
  actual: number;
  effort: number;
}

/** What a group is keyed and labelled by, per dimension (portable SQL on SQLite and PostgreSQL). */
const DIMENSIONS: Record<
  RollupDimension,
  { key: RawBuilder<string | null>; label?: RawBuilder<string | null> }
> = {
  workspace: { key: sql`cost_line.workspace_id` },
  market: { key: sql`plan.market_id`, label: sql`target_market.name` },
  plan: { key: sql`activity.plan_id`, label: sql`plan.name` },
  cluster: { key: sql`activity.cluster_id`, label: sql`cluster.short_name` },
  instrument: { key: sql`instrument.key`, label: sql`instrument.code || ' ' || instrument.name` },
  phase: { key: sql`instrument.phase` },
  fundingSource: { key: sql`cost_line.funding_source` },
  category: { key: sql`cost_line.category` },
  // An actual cost counts in the month it was incurred; other lines in their activity's first month.
  month: { key: sql`substr(coalesce(cost_line.incurred_on, activity.starts_on), 1, 7)` },
};

/** Planned money and effort leave cancelled activities out; what was actually spent stays. */
const PLANNED = sql<number>`sum(case when cost_line.kind = 'planned' and activity.status <> 'cancelled' then cost_line.amount_cents else 0 end)`;
const ACTUAL = sql<number>`sum(case when cost_line.kind = 'actual' then cost_line.amount_cents else 0 end)`;
const EFFORT = sql<number>`sum(case when cost_line.kind = 'planned' and activity.status <> 'cancelled' then cost_line.effort_centidays else 0 end)`;

/** The only SQL of the budget roll-ups: GROUP BY in the database, one statement each. */
export class RollupRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Planned, actual (cents) and planned effort (centidays) per group of the dimension. */
  async groups(
    workspaceId: string,
    dimension: RollupDimension,
    filters: RollupFilters,
  ): Promise<RollupGroupRow[]> {
    const { key, label } = DIMENSIONS[dimension];
    // A constant label stays out of GROUP BY (PostgreSQL refuses constants there).
    const labelColumn = label ?? sql<string | null>`null`;
    let query = this.db
      .selectFrom('cost_line')
      .innerJoin('activity', 'activity.id', 'cost_line.activity_id')
      .innerJoin('instrument', 'instrument.id', 'activity.instrument_id')
      .leftJoin('plan', 'plan.id', 'activity.plan_id')
      .leftJoin('target_market', 'target_market.id', 'plan.market_id')
      .leftJoin('cluster', 'cluster.id', 'activity.cluster_id')
      .select([
        key.as('key'),
        labelColumn.as('label'),
        PLANNED.as('planned'),
        ACTUAL.as('actual'),
        EFFORT.as('effort'),
      ])
      .where('cost_line.workspace_id', '=', workspaceId)
      .where('activity.workspace_id', '=', workspaceId);
    if (filters.planId) query = query.where('activity.plan_id', '=', filters.planId);
    if (filters.marketId) query = query.where('plan.market_id', '=', filters.marketId);
    if (filters.clusterId) query = query.where('activity.cluster_id', '=', filters.clusterId);
    if (filters.from) query = query.where('activity.ends_on', '>=', filters.from);
    if (filters.to) query = query.where('activity.starts_on', '<=', filters.to);
    const rows = await query.groupBy(label ? [key, label] : [key]).execute();
    return rows.map((row) => ({
      key: row.key,
      label: row.label,
      // PostgreSQL returns SUM over integers as bigint (text unless parsed): always a number here.
      planned: Number(row.planned),
      actual: Number(row.actual),
      effort: Number(row.effort),
    }));
  }

  /**
   * The plans in scope (all the workspace's, or the one plan, or a market's) with their cap and
   * planned total over all their activities (cancelled ones left out).
   */
  async plans(workspaceId: string, filters: Pick<RollupFilters, 'planId' | 'marketId'>) {
    let query = this.db
      .selectFrom('plan')
      .innerJoin('target_market', 'target_market.id', 'plan.market_id')
      .leftJoin('activity', 'activity.plan_id', 'plan.id')
      .leftJoin('cost_line', 'cost_line.activity_id', 'activity.id')
      .select([
        'plan.id',
        'plan.name',
        'plan.market_id',
        'target_market.name as market_name',
        'plan.budget_cap_cents',
        PLANNED.as('planned'),
      ])
      .where('plan.workspace_id', '=', workspaceId);
    if (filters.planId) query = query.where('plan.id', '=', filters.planId);
    if (filters.marketId) query = query.where('plan.market_id', '=', filters.marketId);
    const rows = await query
      .groupBy(['plan.id', 'plan.name', 'plan.market_id', 'target_market.name', 'plan.budget_cap_cents'])
      .orderBy('plan.name')
      .execute();
    return rows.map((row) => ({ ...row, planned: Number(row.planned ?? 0) }));
  }
}
