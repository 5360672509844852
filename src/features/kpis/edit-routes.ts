import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { activityKpiRoutes } from './activity-kpis-routes.ts';
import { ActivityKpiService } from './activity-kpis-service.ts';
import { kpiEntryRoutes } from './entries-routes.ts';
import { KpiEntryService } from './entries-service.ts';
import { kpiTargetRoutes } from './targets-routes.ts';
import { KpiTargetService } from './targets-service.ts';

/**
 * The KPI routes of activities and plans: targets, hand-entered values and an activity's KPI
 * panel (the roll-ups, drill-downs and definitions are `kpiRoutes`). Registered in the workspace
 * scope.
 */
export function kpiEditRoutes(db: Kysely<DB>): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(kpiTargetRoutes(new KpiTargetService(db)));
    await app.register(kpiEntryRoutes(new KpiEntryService(db)));
    await app.register(activityKpiRoutes(new ActivityKpiService(db)));
  };
}
