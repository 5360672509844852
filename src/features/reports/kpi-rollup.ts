import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../domain/access/policy.ts';
import type { KpiKind } from '../../domain/catalogue/types.ts';

/**
 * The KPI roll-up as the report reads it: the `KpiRollup` of the KPI API contract (the lead's
 * `KpiService.rollup`, grouped by instrument), kept as a local type while that service is built.
 */
export interface RolledKpi {
  instrumentId: string | null;
  instrumentKey: string | null;
  instrumentName: string | null;
  kpiKey: string;
  label: string;
  kind: KpiKind;
  unit: string | null;
  source: 'derived' | 'entered';
  rule: string | null;
  target: number | null;
  actual: number | null;
  progress: number | null;
  texts: { activityId: string; activityTitle: string; value: string; recordedOn: string }[];
}

export interface KpiRollup {
  period: { from: string | null; to: string | null };
  groupBy: string;
  activities: number;
  groups: {
    key: string | null;
    label: string;
    country: string | null;
    activities: number;
    kpis: RolledKpi[];
  }[];
}

/** Reads the KPI roll-up of a period grouped by instrument, with the actor's access. */
export type KpiRollupSource = (
  actor: Actor,
  query: { groupBy: 'instrument'; from: string; to: string },
) => Promise<KpiRollup>;

/**
 * The KPI service's roll-up. PROVISIONAL until `KpiService` lands on main: an empty roll-up
 * (no KPI groups), so reports still show their budget and activities.
 */
export function kpiServiceRollup(_db: Kysely<DB>): KpiRollupSource {
  return async (_actor, query) => ({
    period: { from: query.from, to: query.to },
    groupBy: query.groupBy,
    activities: 0,
    groups: [],
  });
}
