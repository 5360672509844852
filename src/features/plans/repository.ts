import type { Insertable, Kysely, Selectable, SelectQueryBuilder } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import type { CostLineTable, DB, PlanInstrumentTable, PlanTable } from '../../db/schema.ts';

export type PlanValues = Omit<PlanTable, 'id' | 'workspace_id' | 'version' | 'created_at' | 'updated_at'>;
/** A plan with its market's name, country and owner, and its number of activities. */
export type PlanRow = Selectable<PlanTable> & {
  market_name: string;
  market_country: string;
  market_owner_cluster_id: string | null;
  activity_count: number;
};
export type ActivitySummaryRow = Awaited<ReturnType<PlanRepository['activitiesOfPlan']>>[number];
export type PlanInstrumentRow = Awaited<ReturnType<PlanRepository['instrumentsOf']>>[number];
export type CostLineRow = Selectable<CostLineTable>;

export interface PlanFilters {
  marketId?: string;
  status?: PlanTable['status'];
  /** Plans that chose the instrument or have an activity of it. */
  instrumentId?: string;
}

/** Rows per multi-row INSERT: far below SQLite's and PostgreSQL's bound-parameter limits. */
const _INSERT_BATCH = 500;

/**
 * The only SQL for plans and their chosen instruments. Reads the activity and cost_line tables
 * for the plan page (their writes belong to the activities feature), and writes them only to
 * copy a plan. Every query is bound to one workspace.
 */
export class PlanRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private summaries(workspaceId: string) {
    return this.db
      .selectFrom('plan')
      .innerJoin('target_market as market', 'market.id', 'plan.market_id')
      .selectAll('plan')
      .select([
        'market.name as market_name',
        'market.country as market_country',
        'market.owner_cluster_id as market_owner_cluster_id',
      ])
      .select((eb) =>
        eb
          .selectFrom('activity')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('activity.plan_id', '=', 'plan.id')
          .as('activity_count'),
      )
      .where('plan.workspace_id', '=', workspaceId);
  }

  /** In creation order (ids are UUIDv7); `after` is the last id of the previous page. */
  async list(
    workspaceId: string,
    options: PlanFilters & { limit: number; after?: string },
  ): Promise<PlanRow[]> {
    let query = this.withFilters(this.summaries(workspaceId), options);
    if (options.after) query = query.where('plan.id', '>', options.after);
    const rows = await query.orderBy('plan.id').limit(options.limit).execute();
    return rows.map(withCount);
  }

  /** How many plans match the filters. */
  async count(workspaceId: string, filters: PlanFilters): Promise<number> {
    const query = this.db
      .selectFrom('plan')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('plan.workspace_id', '=', workspaceId);
    const row = await this.withFilters(query, filters).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  // biome-ignore lint/suspicious/noExplicitAny: a query over plan, whatever it selects
  private withFilters<QB extends SelectQueryBuilder<DB, any, any>>(query: QB, filters: PlanFilters): QB {
    let q = query;
    if (filters.marketId) q = q.where('plan.market_id', '=', filters.marketId) as QB;
    if (filters.status) q = q.where('plan.status', '=', filters.status) as QB;
    if (filters.instrumentId) {
      const instrumentId = filters.instrumentId;
      // Chosen for the plan, or used by one of its activities.
      q = q.where((eb) =>
        eb.or([
          eb(
            'plan.id',
            'in',
            eb
              .selectFrom('plan_instrument')
              .select('plan_instrument.plan_id')
              .where('plan_instrument.instrument_id', '=', instrumentId),
          ),
          eb(
            'plan.id',
            'in',
            eb
              .selectFrom('activity')
              .select('activity.plan_id')
              .where('activity.instrument_id', '=', instrumentId)
              .where('activity.plan_id', 'is not', null),
          ),
        ]),
      ) as QB;
    }
    return q;
  }

  /** All the plans of a market by start date. */
  async listOfMarket(workspaceId: string, marketId: string): Promise<PlanRow[]> {
    const rows = await this.summaries(workspaceId)
      .where('plan.market_id', '=', marketId)
      .orderBy('plan.starts_on')
      .orderBy('plan.id')
      .execute();
    return rows.map(withCount);
  }

  /**
   * The market a plan is (to be) attached to, as far as a plan needs it: that it is the
   * workspace's, and its owner cluster (the plan's access scope). Plans read the market they point
   * to; the markets feature reads plans (its dossier), never the other way (decision 0013).
   */
  findMarket(workspaceId: string, marketId: string) {
    return this.db
      .selectFrom('target_market')
      .select(['id', 'owner_cluster_id'])
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', marketId)
      .executeTakeFirst();
  }

  async find(workspaceId: string, id: string): Promise<PlanRow | undefined> {
    const row = await this.summaries(workspaceId).where('plan.id', '=', id).executeTakeFirst();
    return row && withCount(row);
  }

  async create(workspaceId: string, values: PlanValues): Promise<string> {
    const now = nowIso();
    const { id } = await this.db
      .insertInto('plan')
      .values({ id: newId(), workspace_id: workspaceId, ...values, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  /** Applies the change only if the stored version is still `version`; @returns whether it did. */
  async update(workspaceId: string, id: string, version: number, values: Partial<PlanValues>) {
    const result = await this.db
      .updateTable('plan')
      .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** @returns whether the plan at that version was deleted (its instrument choices go with it). */
  async delete(workspaceId: string, id: string, version: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('plan')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * The global instruments and the workspace's own whose key or D4.2 code is among `names`
   * (one query for the whole list).
   */
  findInstruments(workspaceId: string, names: string[]) {
    if (names.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('instrument')
      .select(['id', 'workspace_id', 'key', 'code', 'phase'])
      .where((eb) => eb.or([eb('workspace_id', 'is', null), eb('workspace_id', '=', workspaceId)]))
      .where((eb) => eb.or([eb('key', 'in', names), eb('code', 'in', names)]))
      .execute();
  }

  /** The plan's chosen instruments (unordered: the service sorts them by phase, then position). */
  instrumentsOf(planId: string) {
    return this.db
      .selectFrom('plan_instrument')
      .innerJoin('instrument', 'instrument.id', 'plan_instrument.instrument_id')
      .select([
        'plan_instrument.instrument_id',
        'plan_instrument.position',
        'plan_instrument.rationale',
        'instrument.key',
        'instrument.code',
        'instrument.name',
        'instrument.phase',
      ])
      .where('plan_instrument.plan_id', '=', planId)
      .execute();
  }

  /** Makes the plan's instrument list exactly `choices` (one delete, one insert). */
  async replaceInstruments(
    planId: string,
    choices: Omit<Insertable<PlanInstrumentTable>, 'id' | 'plan_id'>[],
  ): Promise<void> {
    await this.db.deleteFrom('plan_instrument').where('plan_id', '=', planId).execute();
    if (choices.length === 0) return;
    await this.db
      .insertInto('plan_instrument')
      .values(choices.map((choice) => ({ id: newId(), plan_id: planId, ...choice })))
      .execute();
  }

  private activitySummaries(workspaceId: string) {
    return this.db
      .selectFrom('activity')
      .innerJoin('instrument', 'instrument.id', 'activity.instrument_id')
      .leftJoin('plan', 'plan.id', 'activity.plan_id')
      .leftJoin('target_market as market', 'market.id', 'plan.market_id')
      .leftJoin('cluster', 'cluster.id', 'activity.cluster_id')
      .select([
        'activity.id',
        'activity.plan_id',
        'plan.name as plan_name',
        'market.id as market_id',
        'market.name as market_name',
        'market.country as market_country',
        'cluster.short_name as cluster_short_name',
        'activity.title',
        'instrument.key as instrument_key',
        'instrument.code as instrument_code',
        'instrument.name as instrument_name',
        'instrument.phase',
        'activity.starts_on',
        'activity.ends_on',
        'activity.status',
        'activity.city',
        'activity.country',
        'activity.cluster_id',
      ])
      .where('activity.workspace_id', '=', workspaceId);
  }

  /** All the plan's activities by start date (index activity_plan). */
  activitiesOfPlan(workspaceId: string, planId: string) {
    return this.activitySummaries(workspaceId)
      .where('activity.plan_id', '=', planId)
      .orderBy('activity.starts_on')
      .orderBy('activity.id')
      .execute();
  }

  /** The first `limit` activities of the market's plans by start date, and how many there are. */
  async activitiesOfMarket(workspaceId: string, marketId: string, limit: number) {
    const plans = this.db.selectFrom('plan').select('plan.id').where('plan.market_id', '=', marketId);
    const [items, count] = await Promise.all([
      this.activitySummaries(workspaceId)
        .where('activity.plan_id', 'in', plans)
        .orderBy('activity.starts_on')
        .orderBy('activity.id')
        .limit(limit)
        .execute(),
      this.db
        .selectFrom('activity')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('activity.workspace_id', '=', workspaceId)
        .where('activity.plan_id', 'in', plans)
        .executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  /**
   * Planned and actual cents per activity of the plan: one grouped SUM over the plan's cost lines
   * (indexes activity_plan, then cost_line_activity).
   */
  async costTotalsOfPlan(workspaceId: string, planId: string) {
    const rows = await this.db
      .selectFrom('cost_line')
      .innerJoin('activity', 'activity.id', 'cost_line.activity_id')
      .select((eb) => [
        'cost_line.activity_id',
        'cost_line.kind',
        eb.fn.sum<number>('cost_line.amount_cents').as('cents'),
      ])
      .where('activity.workspace_id', '=', workspaceId)
      .where('activity.plan_id', '=', planId)
      .groupBy(['cost_line.activity_id', 'cost_line.kind'])
      .execute();
    return rows.map((row) => ({ ...row, cents: Number(row.cents) }));
  }

  /** How many of the plan's activities start before `startsOn` or end after `endsOn`. */
  async countActivitiesOutside(planId: string, startsOn: string, endsOn: string) {
    const row = await this.db
      .selectFrom('activity')
      .select((eb) => [
        eb.fn.count<number>(eb.case().when('starts_on', '<', startsOn).then(1).end()).as('before'),
        eb.fn.count<number>(eb.case().when('ends_on', '>', endsOn).then(1).end()).as('after'),
      ])
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow();
    return { before: Number(row.before), after: Number(row.after) };
  }

  /** The full rows of the plan's activities (to copy them). */
  activityRowsOf(workspaceId: string, planId: string) {
    return this.db
      .selectFrom('activity')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('plan_id', '=', planId)
      .orderBy('starts_on')
      .orderBy('id')
      .execute();
  }

  /** The planned cost lines of the plan's activities (to copy them; actual lines never are). */
  plannedCostLinesOf(workspaceId: string, planId: string): Promise<CostLineRow[]> {
    return this.db
      .selectFrom('cost_line')
      .innerJoin('activity', 'activity.id', 'cost_line.activity_id')
      .selectAll('cost_line')
      .where('activity.workspace_id', '=', workspaceId)
      .where('activity.plan_id', '=', planId)
      .where('cost_line.kind', '=', 'planned')
      .orderBy('cost_line.id')
      .execute();
  }
}

function withCount<T extends { activity_count: number | null }>(row: T): T & { activity_count: number } {
  return { ...row, activity_count: Number(row.activity_count ?? 0) };
}
