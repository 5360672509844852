import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { RollupDimension } from './schema.ts';

export interface RollupFilters {
  planId?: string;
  marketId?: string;
  clusterId?: string;
  /** First day of the period: activities ending (`overlapping`) or starting (`starting`) on or after it. */
  from?: string;
  /** Last day of the period: activities starting on or before it. */
  to?: string;
  /** Which activities the period selects (default `overlapping`). */
  activities?: 'overlapping' | 'starting';
}

/** Money (cents) and planned effort (centidays) of one group. */
export interface RollupGroupRow {
  key: string | null;
  /** The group's name where the database holds it (plans, markets, clusters, instruments). */
  label: string | null;
  planned: number;
  actual: number;
  effort: number;
}

export interface RollupResult {
  groups: RollupGroupRow[];
  /** Planned cents per plan of the same rows, when the statement could tell (activity-level dimensions). */
  plannedByPlan: Map<string, number> | null;
}

type Join = 'market' | 'cluster' | 'instrument';

interface DimensionSql {
  /** The group's key, over the activity (`activity`, `plan`, …) and the per-activity sums (`l`). */
  key: RawBuilder<string | null>;
  label?: RawBuilder<string | null>;
  /** A key of the line itself: the per-activity sums are split by it (`l.line_key`). */
  lineKey?: RawBuilder<string | null>;
  joins: Join[];
}

/** Dimensions that are columns of the line: grouped in one pass over the lines, no join. */
const LINE_COLUMNS = { fundingSource: 'cost_line.funding_source', category: 'cost_line.category' } as const;

/**
 * What a group is keyed and labelled by, per dimension (portable SQL on SQLite and PostgreSQL).
 * Dimensions of the activity read the per-activity sums `l`; those of the line itself group the
 * lines directly.
 */
const DIMENSIONS: Record<Exclude<RollupDimension, keyof typeof LINE_COLUMNS>, DimensionSql> = {
  workspace: { key: sql`activity.workspace_id`, joins: [] },
  market: { key: sql`plan.market_id`, label: sql`target_market.name`, joins: ['market'] },
  plan: { key: sql`activity.plan_id`, label: sql`plan.name`, joins: [] },
  cluster: { key: sql`activity.cluster_id`, label: sql`cluster.short_name`, joins: ['cluster'] },
  instrument: {
    key: sql`instrument.key`,
    label: sql`instrument.code || ' ' || instrument.name`,
    joins: ['instrument'],
  },
  phase: { key: sql`instrument.phase`, joins: ['instrument'] },
  // An actual cost counts in the month it was incurred; other lines in their activity's first month.
  month: {
    key: sql`coalesce(l.line_key, substr(activity.starts_on, 1, 7))`,
    lineKey: sql`substr(cost_line.incurred_on, 1, 7)`,
    joins: [],
  },
};

/**
 * The only SQL of the budget roll-ups: GROUP BY in the database, over the covering index of
 * migration 0009. Dimensions of the activity first sum the lines per activity (one pass in index
 * order), then join those few thousand sums to their activity, plan and names and group again:
 * joining line by line is what made a single GROUP BY slow on SQLite. Dimensions of the line group
 * the lines directly and leave cancelled activities out by their ids.
 */
export class RollupRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Planned (cancelled activities left out), actual and planned effort per group of the dimension. */
  async groups(
    workspaceId: string,
    dimension: RollupDimension,
    filters: RollupFilters,
  ): Promise<RollupResult> {
    if (dimension === 'fundingSource' || dimension === 'category') {
      return {
        groups: await this.lineGroups(workspaceId, LINE_COLUMNS[dimension], filters),
        plannedByPlan: null,
      };
    }
    const { key, label, lineKey, joins } = DIMENSIONS[dimension];
    let perActivity = this.db
      .selectFrom('cost_line')
      .select([
        'cost_line.activity_id',
        (lineKey ?? sql<string | null>`null`).as('line_key'),
        sql<number>`sum(case when cost_line.kind = 'planned' then cost_line.amount_cents else 0 end)`.as(
          'planned',
        ),
        sql<number>`sum(case when cost_line.kind = 'actual' then cost_line.amount_cents else 0 end)`.as(
          'actual',
        ),
        sql<number>`sum(case when cost_line.kind = 'planned' then cost_line.effort_centidays else 0 end)`.as(
          'effort',
        ),
      ])
      .where('cost_line.workspace_id', '=', workspaceId)
      .groupBy(lineKey ? ['cost_line.activity_id', lineKey] : ['cost_line.activity_id']);
    const selected = this.selectedActivities(workspaceId, filters);
    if (selected) perActivity = perActivity.where('cost_line.activity_id', 'in', selected);

    const rows = await this.db
      .selectFrom(perActivity.as('l'))
      .innerJoin('activity', 'activity.id', 'l.activity_id')
      .leftJoin('plan', 'plan.id', 'activity.plan_id')
      .$if(joins.includes('market'), (q) => q.leftJoin('target_market', 'target_market.id', 'plan.market_id'))
      .$if(joins.includes('cluster'), (q) => q.leftJoin('cluster', 'cluster.id', 'activity.cluster_id'))
      .$if(joins.includes('instrument'), (q) =>
        q.innerJoin('instrument', 'instrument.id', 'activity.instrument_id'),
      )
      .select([
        'activity.plan_id as plan_id',
        key.as('key'),
        // A constant label stays out of GROUP BY (PostgreSQL refuses constants there).
        (label ?? sql<string | null>`null`).as('label'),
        sql<number>`sum(case when activity.status <> 'cancelled' then l.planned else 0 end)`.as('planned'),
        sql<number>`sum(l.actual)`.as('actual'),
        sql<number>`sum(case when activity.status <> 'cancelled' then l.effort else 0 end)`.as('effort'),
      ])
      .where('activity.workspace_id', '=', workspaceId)
      .groupBy(['activity.plan_id', key, ...(label ? [label] : [])])
      .execute();

    // One row per plan and group: summed over plans for the groups, over groups for the plans.
    const groups = new Map<string | null, RollupGroupRow>();
    const plannedByPlan = new Map<string, number>();
    for (const row of rows) {
      // PostgreSQL returns SUM over integers as bigint (or numeric): always a number here.
      const planned = Number(row.planned);
      const group = groups.get(row.key) ?? {
        key: row.key,
        label: row.label,
        planned: 0,
        actual: 0,
        effort: 0,
      };
      group.planned += planned;
      group.actual += Number(row.actual);
      group.effort += Number(row.effort);
      groups.set(row.key, group);
      if (row.plan_id !== null)
        plannedByPlan.set(row.plan_id, (plannedByPlan.get(row.plan_id) ?? 0) + planned);
    }
    return { groups: [...groups.values()], plannedByPlan };
  }

  /** Planned cents per plan in scope (cancelled activities left out). */
  async plannedByPlan(workspaceId: string, scope: Pick<RollupFilters, 'planId' | 'marketId'>) {
    const { plannedByPlan } = await this.groups(workspaceId, 'plan', scope);
    return plannedByPlan ?? new Map<string, number>();
  }

  private async lineGroups(
    workspaceId: string,
    column: (typeof LINE_COLUMNS)[keyof typeof LINE_COLUMNS],
    filters: RollupFilters,
  ): Promise<RollupGroupRow[]> {
    const cancelled = this.db
      .selectFrom('activity')
      .select('activity.id')
      .where('activity.workspace_id', '=', workspaceId)
      .where('activity.status', '=', 'cancelled');
    const counted = sql`cost_line.kind = 'planned' and cost_line.activity_id not in ${cancelled}`;
    let query = this.db
      .selectFrom('cost_line')
      .select([
        sql.ref<string>(column).as('key'),
        sql<number>`sum(case when ${counted} then cost_line.amount_cents else 0 end)`.as('planned'),
        sql<number>`sum(case when cost_line.kind = 'actual' then cost_line.amount_cents else 0 end)`.as(
          'actual',
        ),
        sql<number>`sum(case when ${counted} then cost_line.effort_centidays else 0 end)`.as('effort'),
      ])
      .where('cost_line.workspace_id', '=', workspaceId)
      .groupBy(column);
    const selected = this.selectedActivities(workspaceId, filters);
    if (selected) query = query.where('cost_line.activity_id', 'in', selected);
    const rows = await query.execute();
    return rows.map((row) => ({
      key: row.key,
      label: null,
      planned: Number(row.planned),
      actual: Number(row.actual),
      effort: Number(row.effort),
    }));
  }

  /** The ids of the activities the filters select, or undefined without filters (the whole workspace). */
  private selectedActivities(workspaceId: string, filters: RollupFilters) {
    if (!filters.planId && !filters.marketId && !filters.clusterId && !filters.from && !filters.to)
      return undefined;
    let query = this.db
      .selectFrom('activity')
      .leftJoin('plan', 'plan.id', 'activity.plan_id')
      .select('activity.id')
      .where('activity.workspace_id', '=', workspaceId);
    if (filters.planId) query = query.where('activity.plan_id', '=', filters.planId);
    if (filters.marketId) query = query.where('plan.market_id', '=', filters.marketId);
    if (filters.clusterId) query = query.where('activity.cluster_id', '=', filters.clusterId);
    if (filters.from) {
      const day = filters.activities === 'starting' ? 'activity.starts_on' : 'activity.ends_on';
      query = query.where(day, '>=', filters.from);
    }
    if (filters.to) query = query.where('activity.starts_on', '<=', filters.to);
    return query;
  }

  /** The plans in scope (all the workspace's, or the one plan, or a market's) with cap and market. */
  plans(workspaceId: string, filters: Pick<RollupFilters, 'planId' | 'marketId'>) {
    let query = this.db
      .selectFrom('plan')
      .innerJoin('target_market', 'target_market.id', 'plan.market_id')
      .select([
        'plan.id',
        'plan.name',
        'plan.market_id',
        'target_market.name as market_name',
        'plan.budget_cap_cents',
      ])
      .where('plan.workspace_id', '=', workspaceId);
    if (filters.planId) query = query.where('plan.id', '=', filters.planId);
    if (filters.marketId) query = query.where('plan.market_id', '=', filters.marketId);
    return query.orderBy('plan.name').orderBy('plan.id').execute();
  }
}
