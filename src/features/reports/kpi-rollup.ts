import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../domain/access/policy.ts';
import type { KpiRollupDto } from '../kpis/schema.ts';
import { KpiService } from '../kpis/service.ts';

/** The KPI roll-up as the report reads it: the KPI API's, grouped by instrument. */
export type KpiRollup = KpiRollupDto;
export type RolledKpi = KpiRollup['groups'][number]['kpis'][number];

/** Reads the KPI roll-up of a period grouped by instrument, with the actor's access. */
export type KpiRollupSource = (
  actor: Actor,
  query: { groupBy: 'instrument'; from: string; to: string },
) => Promise<KpiRollup>;

/** The KPI service's roll-up (the one `GET /kpis/rollup` answers with). */
export function kpiServiceRollup(db: Kysely<DB>): KpiRollupSource {
  const kpis = new KpiService(db);
  return (actor, query) => kpis.rollup(actor, query);
}
