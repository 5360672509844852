import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { isLanguage, type Language } from '../../domain/i18n/types.ts';

/** An activity of the report's list, with its planned and actual cents. */
export interface ReportActivityRow {
  id: string;
  title: string;
  starts_on: string;
  ends_on: string;
  status: string;
  instrument_code: string;
  instrument_name: string;
  market_name: string | null;
  planned: number;
  actual: number;
}

/** The only SQL of the funder report besides the roll-ups it reuses. */
export class ReportRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** D4.2 codes ("1.1.3") of instruments by id, to label KPI groups as the catalogue does. */
  async instrumentCodes(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('instrument')
      .select(['id', 'code'])
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((row) => [row.id, row.code]));
  }

  /** The language a user chose for the interface (null: their browser's), the default of their reports. */
  async userLanguage(userId: string): Promise<Language | null> {
    const row = await this.db
      .selectFrom('app_user')
      .select('language')
      .where('id', '=', userId)
      .executeTakeFirst();
    return isLanguage(row?.language) ? row.language : null;
  }

  workspace(workspaceId: string) {
    return this.db
      .selectFrom('workspace')
      .select(['id', 'slug', 'name'])
      .where('id', '=', workspaceId)
      .executeTakeFirst();
  }

  /** The market a report is narrowed to, when it is one of the workspace's. */
  market(workspaceId: string, marketId: string) {
    return this.db
      .selectFrom('target_market')
      .select(['id', 'name', 'country'])
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', marketId)
      .executeTakeFirst();
  }

  /**
   * The activities starting in the period (the rule of every figure of the report and the
   * dashboard: decision 0016), of one market's plans when `marketId` is given, by start date, with
   * their cost lines summed per activity first (one pass over the cost-line index) and then joined.
   */
  async activitiesInPeriod(
    workspaceId: string,
    scope: { from: string; to: string; marketId?: string | undefined },
  ): Promise<ReportActivityRow[]> {
    const { from, to, marketId } = scope;
    const inPeriod = this.db
      .selectFrom('activity')
      .leftJoin('plan', 'plan.id', 'activity.plan_id')
      .select('activity.id')
      .where('activity.workspace_id', '=', workspaceId)
      .where('activity.starts_on', '>=', from)
      .where('activity.starts_on', '<=', to)
      .$if(marketId !== undefined, (q) => q.where('plan.market_id', '=', marketId as string));
    const sums = this.db
      .selectFrom('cost_line')
      .select([
        'cost_line.activity_id',
        sql<number>`sum(case when cost_line.kind = 'planned' then cost_line.amount_cents else 0 end)`.as(
          'planned',
        ),
        sql<number>`sum(case when cost_line.kind = 'actual' then cost_line.amount_cents else 0 end)`.as(
          'actual',
        ),
      ])
      .where('cost_line.workspace_id', '=', workspaceId)
      .where('cost_line.activity_id', 'in', inPeriod)
      .groupBy('cost_line.activity_id');
    const rows = await this.db
      .selectFrom('activity')
      .innerJoin('instrument', 'instrument.id', 'activity.instrument_id')
      .leftJoin('plan', 'plan.id', 'activity.plan_id')
      .leftJoin('target_market', 'target_market.id', 'plan.market_id')
      .leftJoin(sums.as('l'), 'l.activity_id', 'activity.id')
      .select([
        'activity.id',
        'activity.title',
        'activity.starts_on',
        'activity.ends_on',
        'activity.status',
        'instrument.code as instrument_code',
        'instrument.name as instrument_name',
        'target_market.name as market_name',
        'l.planned',
        'l.actual',
      ])
      .where('activity.id', 'in', inPeriod)
      .orderBy('activity.starts_on')
      .orderBy('activity.title')
      .orderBy('activity.id')
      .execute();
    // PostgreSQL returns SUM over integers as bigint or numeric: always numbers here.
    return rows.map((row) => ({
      ...row,
      planned: Number(row.planned ?? 0),
      actual: Number(row.actual ?? 0),
    }));
  }
}
