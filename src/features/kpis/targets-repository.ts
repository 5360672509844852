import type { Kysely, Selectable } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import type { DB, KpiTargetTable } from '../../db/schema.ts';

export type KpiTargetRow = Selectable<KpiTargetTable>;

/** Where a target applies: one activity, or one plan (with an instrument, or null for a Hub KPI). */
export type KpiTargetScope = { activityId: string } | { planId: string; instrumentId: string | null };

/** The only SQL for KPI targets. Every query is bound to one workspace. */
export class KpiTargetRepository {
  constructor(private readonly db: Kysely<DB>) {}

  find(workspaceId: string, id: string): Promise<KpiTargetRow | undefined> {
    return this.db
      .selectFrom('kpi_target')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** The target of this KPI in this scope, if one was set (there is at most one). */
  findInScope(workspaceId: string, scope: KpiTargetScope, kpiKey: string): Promise<KpiTargetRow | undefined> {
    let query = this.db
      .selectFrom('kpi_target')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('kpi_key', '=', kpiKey);
    if ('activityId' in scope) {
      query = query.where('activity_id', '=', scope.activityId);
    } else {
      query = query
        .where('plan_id', '=', scope.planId)
        .where('instrument_id', scope.instrumentId === null ? 'is' : '=', scope.instrumentId);
    }
    return query.executeTakeFirst();
  }

  /** The targets of an activity, or of a plan, in the order they were set. */
  list(workspaceId: string, scope: { activityId: string } | { planId: string }): Promise<KpiTargetRow[]> {
    return this.db
      .selectFrom('kpi_target')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .$if('activityId' in scope, (q) =>
        q.where('activity_id', '=', (scope as { activityId: string }).activityId),
      )
      .$if('planId' in scope, (q) => q.where('plan_id', '=', (scope as { planId: string }).planId))
      .orderBy('id')
      .execute();
  }

  /** `value` as stored (money in cents). */
  create(
    workspaceId: string,
    scope: KpiTargetScope,
    values: { kpi_key: string; value: number; created_by: string },
  ): Promise<KpiTargetRow> {
    const now = nowIso();
    return this.db
      .insertInto('kpi_target')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        activity_id: 'activityId' in scope ? scope.activityId : null,
        plan_id: 'planId' in scope ? scope.planId : null,
        instrument_id: 'planId' in scope ? scope.instrumentId : null,
        ...values,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Applies the change only if the stored version is still `version`; undefined otherwise. */
  update(workspaceId: string, id: string, version: number, value: number): Promise<KpiTargetRow | undefined> {
    return this.db
      .updateTable('kpi_target')
      .set((eb) => ({ value, version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  /** @returns whether the target (at `version`, when given) was deleted. */
  async delete(workspaceId: string, id: string, version: number | undefined): Promise<boolean> {
    const result = await this.db
      .deleteFrom('kpi_target')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .$if(version !== undefined, (q) => q.where('version', '=', version as number))
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
