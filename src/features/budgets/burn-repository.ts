import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { BurnPeriod } from './burn-period.ts';

/** Which activities' money a burn counts (all of the workspace's without filters). */
export interface BurnFilters {
  planId?: string | undefined;
  marketId?: string | undefined;
  clusterId?: string | undefined;
}

/** Actual cents of one funding source in one month (`YYYY-MM`). */
export interface ActualMonthRow {
  fundingSource: string;
  month: string;
  cents: number;
}

/** Planned cents of one funding source. */
export interface PlannedSourceRow {
  fundingSource: string;
  cents: number;
}

/**
 * The only SQL of the budget burn: two GROUP BYs in the database, the same text on SQLite and
 * PostgreSQL (dates are `YYYY-MM-DD` text, so `substr` gives the month and text compares in date
 * order).
 */
export class BurnRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Actual cents per funding source and month paid, of the activities starting in the period (as
   * the KPI roll-up scopes activities, decision 0016), whenever the money was paid: a flight paid in
   * November for a study visit in April counts for April's period, in November's month. A line
   * without `incurred_on` counts on its activity's first day. Cancelled activities count: that
   * money was spent.
   */
  async actualByMonth(
    workspaceId: string,
    period: BurnPeriod,
    filters: BurnFilters,
  ): Promise<ActualMonthRow[]> {
    const month = sql<string>`substr(coalesce(cost_line.incurred_on, activity.starts_on), 1, 7)`;
    const rows = await this.lines(workspaceId, filters)
      .select([
        'cost_line.funding_source as fundingSource',
        month.as('month'),
        sql<number>`sum(cost_line.amount_cents)`.as('cents'),
      ])
      .where('cost_line.kind', '=', 'actual')
      .where('activity.starts_on', '>=', period.from)
      .where('activity.starts_on', '<=', period.to)
      .groupBy(['cost_line.funding_source', month])
      .execute();
    // PostgreSQL returns SUM over integers as bigint text: always a number here.
    return rows.map((row) => ({ ...row, cents: Number(row.cents) }));
  }

  /**
   * Planned cents per funding source of the activities starting in the period (as the KPI roll-up
   * scopes activities), cancelled activities left out (as the budget roll-up does).
   */
  async plannedBySource(
    workspaceId: string,
    period: BurnPeriod,
    filters: BurnFilters,
  ): Promise<PlannedSourceRow[]> {
    const rows = await this.lines(workspaceId, filters)
      .select([
        'cost_line.funding_source as fundingSource',
        sql<number>`sum(cost_line.amount_cents)`.as('cents'),
      ])
      .where('cost_line.kind', '=', 'planned')
      .where('activity.status', '<>', 'cancelled')
      .where('activity.starts_on', '>=', period.from)
      .where('activity.starts_on', '<=', period.to)
      .groupBy('cost_line.funding_source')
      .execute();
    return rows.map((row) => ({ ...row, cents: Number(row.cents) }));
  }

  /** The workspace's cost lines with their activity (and plan, for the market), filtered. */
  private lines(workspaceId: string, filters: BurnFilters) {
    return this.db
      .selectFrom('cost_line')
      .innerJoin('activity', 'activity.id', 'cost_line.activity_id')
      .leftJoin('plan', 'plan.id', 'activity.plan_id')
      .where('cost_line.workspace_id', '=', workspaceId)
      .where('activity.workspace_id', '=', workspaceId)
      .$if(filters.planId !== undefined, (q) => q.where('activity.plan_id', '=', filters.planId as string))
      .$if(filters.marketId !== undefined, (q) => q.where('plan.market_id', '=', filters.marketId as string))
      .$if(filters.clusterId !== undefined, (q) =>
        q.where('activity.cluster_id', '=', filters.clusterId as string),
      );
  }
}
