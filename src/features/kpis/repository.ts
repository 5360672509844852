import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { InstrumentKpiRepository, type InstrumentWithKpis } from './instrument-kpis-repository.ts';
import type { ActivityScope } from './rules/index.ts';

/** Which activities a roll-up or a drill-down is about. Dates: the activity starts in [from, to]. */
export interface KpiScope {
  from?: string | undefined;
  to?: string | undefined;
  planId?: string | undefined;
  marketId?: string | undefined;
  clusterId?: string | undefined;
  instrumentId?: string | undefined;
  /** Narrower still, for a drill-down into one group of a roll-up. */
  group?: { by: 'activity' | 'instrument' | 'phase' | 'market' | 'cluster'; key: string | null } | undefined;
}

export interface ScopedActivity {
  id: string;
  title: string;
  instrument_id: string;
  phase: string;
  plan_id: string | null;
  market_id: string | null;
  cluster_id: string | null;
  status: string;
  starts_on: string;
}

/** The only SQL of the KPI roll-ups and drill-downs. */
export class KpiRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The ids of the workspace's activities in scope, as a sub-query (for IN and for the rules). */
  scope(workspaceId: string, scope: KpiScope): ActivityScope {
    const group = scope.group;
    return this.db
      .selectFrom('activity')
      .select('activity.id')
      .where('activity.workspace_id', '=', workspaceId)
      .$if(scope.from !== undefined, (q) => q.where('activity.starts_on', '>=', scope.from as string))
      .$if(scope.to !== undefined, (q) => q.where('activity.starts_on', '<=', scope.to as string))
      .$if(scope.planId !== undefined, (q) => q.where('activity.plan_id', '=', scope.planId as string))
      .$if(scope.clusterId !== undefined, (q) =>
        q.where('activity.cluster_id', '=', scope.clusterId as string),
      )
      .$if(scope.instrumentId !== undefined, (q) =>
        q.where('activity.instrument_id', '=', scope.instrumentId as string),
      )
      .$if(scope.marketId !== undefined, (q) =>
        q.where('activity.plan_id', 'in', (eb) =>
          eb
            .selectFrom('plan')
            .select('plan.id')
            .where('plan.market_id', '=', scope.marketId as string),
        ),
      )
      .$if(group?.by === 'activity', (q) => q.where('activity.id', '=', group?.key ?? ''))
      .$if(group?.by === 'instrument', (q) => q.where('activity.instrument_id', '=', group?.key ?? ''))
      .$if(group?.by === 'cluster', (q) =>
        q.where('activity.cluster_id', group?.key === null ? 'is' : '=', group?.key ?? null),
      )
      .$if(group?.by === 'phase', (q) =>
        q.where('activity.instrument_id', 'in', (eb) =>
          eb
            .selectFrom('instrument')
            .select('instrument.id')
            .where('instrument.phase', '=', group?.key ?? ''),
        ),
      )
      .$if(group?.by === 'market', (q) =>
        group?.key === null
          ? q.where('activity.plan_id', 'is', null)
          : q.where('activity.plan_id', 'in', (eb) =>
              eb
                .selectFrom('plan')
                .select('plan.id')
                .where('plan.market_id', '=', group?.key ?? ''),
            ),
      );
  }

  /** By start day, then id: the order of a roll-up by activity, and of a text KPI's values. */
  activities(workspaceId: string, scope: KpiScope): Promise<ScopedActivity[]> {
    // The scope's own query, joined: its filters then walk the index of the workspace's activities
    // by start day, in the order asked (an `id in (scope)` would look each one up, then sort).
    return this.scope(workspaceId, scope)
      .innerJoin('instrument', 'instrument.id', 'activity.instrument_id')
      .leftJoin('plan', 'plan.id', 'activity.plan_id')
      .select([
        'activity.title',
        'activity.instrument_id',
        'instrument.phase',
        'activity.plan_id',
        'plan.market_id',
        'activity.cluster_id',
        'activity.status',
        'activity.starts_on',
      ])
      .orderBy('activity.starts_on')
      .orderBy('activity.id')
      .execute();
  }

  /** The derived values of the activities in scope (decision 0011: kept by `refreshKpiActuals`). */
  actuals(workspaceId: string, scope: KpiScope) {
    return this.db
      .selectFrom('kpi_actual')
      .select(['activity_id', 'kpi_key', 'value'])
      .where('kpi_actual.workspace_id', '=', workspaceId)
      .where('kpi_actual.activity_id', 'in', this.scope(workspaceId, scope))
      .execute();
  }

  /**
   * The sum of one KPI's stored values over the activities in scope, with how many activities
   * are in scope and how many of them have the value stored.
   */
  async storedSum(
    workspaceId: string,
    scope: KpiScope,
    kpiKey: string,
  ): Promise<{ activities: number; values: number; sum: number }> {
    const row = await this.db
      .selectFrom('activity')
      .leftJoin('kpi_actual', (join) =>
        join.onRef('kpi_actual.activity_id', '=', 'activity.id').on('kpi_actual.kpi_key', '=', kpiKey),
      )
      .select((eb) => [
        eb.fn.countAll<number | string>().as('activities'),
        eb.fn.count<number | string>('kpi_actual.value').as('values'),
        eb.fn.sum<number | string | null>('kpi_actual.value').as('sum'),
      ])
      .where('activity.id', 'in', this.scope(workspaceId, scope))
      .executeTakeFirstOrThrow();
    return { activities: Number(row.activities), values: Number(row.values), sum: Number(row.sum ?? 0) };
  }

  /** The text values entered for the activities in scope (numbers are summed in `kpi_actual`). */
  textEntries(workspaceId: string, scope: KpiScope) {
    return this.db
      .selectFrom('kpi_entry')
      .select(['activity_id', 'kpi_key', 'value_text', 'recorded_on'])
      .where('kpi_entry.workspace_id', '=', workspaceId)
      .where('kpi_entry.value_text', 'is not', null)
      .where('kpi_entry.activity_id', 'in', this.scope(workspaceId, scope))
      .orderBy('recorded_on')
      .orderBy('id')
      .execute() as Promise<
      { activity_id: string; kpi_key: string; value_text: string; recorded_on: string }[]
    >;
  }

  activityTargets(workspaceId: string, scope: KpiScope) {
    return this.db
      .selectFrom('kpi_target')
      .select(['activity_id', 'kpi_key', 'value'])
      .where('kpi_target.workspace_id', '=', workspaceId)
      .where('kpi_target.activity_id', 'in', this.scope(workspaceId, scope))
      .execute();
  }

  /** Targets of the plans overlapping the period (and of the plan or market asked for). */
  planTargets(workspaceId: string, scope: KpiScope) {
    return this.db
      .selectFrom('kpi_target')
      .innerJoin('plan', 'plan.id', 'kpi_target.plan_id')
      .select([
        'kpi_target.plan_id',
        'kpi_target.instrument_id',
        'kpi_target.kpi_key',
        'kpi_target.value',
        'plan.market_id',
      ])
      .where('kpi_target.workspace_id', '=', workspaceId)
      .$if(scope.from !== undefined, (q) => q.where('plan.ends_on', '>=', scope.from as string))
      .$if(scope.to !== undefined, (q) => q.where('plan.starts_on', '<=', scope.to as string))
      .$if(scope.planId !== undefined, (q) => q.where('plan.id', '=', scope.planId as string))
      .$if(scope.marketId !== undefined, (q) => q.where('plan.market_id', '=', scope.marketId as string))
      .$if(scope.instrumentId !== undefined, (q) =>
        q.where('kpi_target.instrument_id', '=', scope.instrumentId as string),
      )
      .execute() as Promise<
      { plan_id: string; instrument_id: string | null; kpi_key: string; value: number; market_id: string }[]
    >;
  }

  /** Instruments (global or the workspace's own) with their KPIs, in catalogue order. */
  instruments(workspaceId: string, ids?: readonly string[]): Promise<InstrumentWithKpis[]> {
    return new InstrumentKpiRepository(this.db).inWorkspace(workspaceId, ids);
  }

  /** Names of the groups' plans' markets and clusters. */
  markets(workspaceId: string) {
    return this.db
      .selectFrom('target_market')
      .select(['id', 'name', 'country'])
      .where('workspace_id', '=', workspaceId)
      .execute();
  }

  clusters(workspaceId: string) {
    return this.db
      .selectFrom('cluster')
      .select(['id', 'name', 'short_name'])
      .where('workspace_id', '=', workspaceId)
      .execute();
  }

  /** Hand-entered values behind a KPI in scope, one page in id order, and their count. */
  async entryRecords(
    workspaceId: string,
    scope: KpiScope,
    kpiKey: string,
    page: { after: string | null; limit: number },
  ) {
    const base = this.db
      .selectFrom('kpi_entry as e')
      .where('e.workspace_id', '=', workspaceId)
      .where('e.kpi_key', '=', kpiKey)
      .where('e.activity_id', 'in', this.scope(workspaceId, scope));
    const [count, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
      base
        .innerJoin('activity as a', 'a.id', 'e.activity_id')
        .leftJoin('app_user as u', 'u.id', 'e.author_user_id')
        .select([
          'e.id',
          'e.activity_id',
          'a.title',
          'e.recorded_on',
          'e.comment',
          'e.value_number',
          'e.value_text',
          'u.name as author',
        ])
        .$if(page.after !== null, (q) => q.where('e.id', '>', page.after as string))
        .orderBy('e.id')
        .limit(page.limit)
        .execute(),
    ]);
    return { total: Number(count.n), rows };
  }
}
