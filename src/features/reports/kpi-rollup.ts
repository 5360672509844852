import type { Actor } from '../../domain/access/policy.ts';
import type { KpiRollupDto } from '../kpis/schema.ts';

/** The KPI roll-up as the report reads it: the KPI API's, grouped by instrument. */
export type KpiRollup = KpiRollupDto;
export type RolledKpi = KpiRollup['groups'][number]['kpis'][number];

/** Reads the KPI roll-up of a period grouped by instrument, with the actor's access. */
export type KpiRollupSource = (
  actor: Actor,
  query: { groupBy: 'instrument'; from: string; to: string; marketId?: string },
) => Promise<KpiRollup>;
