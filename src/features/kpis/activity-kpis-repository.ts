import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** The only SQL of an activity's KPI panel besides targets and entries: its stored values. */
export class ActivityKpiRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The activity's KPI values as `refreshKpiActuals` last stored them (money in cents). */
  actuals(workspaceId: string, activityId: string): Promise<{ kpi_key: string; value: number }[]> {
    return this.db
      .selectFrom('kpi_actual')
      .select(['kpi_key', 'value'])
      .where('workspace_id', '=', workspaceId)
      .where('activity_id', '=', activityId)
      .execute();
  }
}
