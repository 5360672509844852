import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { KpiKind } from '../../domain/catalogue/types.ts';
import type { InstrumentKpis } from './definitions.ts';

/** The only SQL reading instruments' KPI definitions for targets, entries and an activity's KPIs. */
export class InstrumentKpiRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * These instruments with their KPIs in catalogue order (instruments that do not exist are
   * missing from the map). Two queries whatever the number of instruments.
   */
  async byIds(instrumentIds: readonly string[]): Promise<Map<string, InstrumentKpis>> {
    const ids = [...new Set(instrumentIds)];
    if (ids.length === 0) return new Map();
    const [instruments, kpis] = await Promise.all([
      this.db.selectFrom('instrument').select(['id', 'key', 'name']).where('id', 'in', ids).execute(),
      this.db
        .selectFrom('instrument_kpi')
        .select(['instrument_id', 'key', 'label', 'kind', 'unit'])
        .where('instrument_id', 'in', ids)
        .orderBy('instrument_id')
        .orderBy('position')
        .execute(),
    ]);
    const result = new Map<string, InstrumentKpis & { kpis: InstrumentKpis['kpis'][number][] }>();
    for (const instrument of instruments) result.set(instrument.id, { ...instrument, kpis: [] });
    for (const kpi of kpis) {
      result.get(kpi.instrument_id)?.kpis.push({
        key: kpi.key,
        label: kpi.label,
        kind: kpi.kind as KpiKind,
        unit: kpi.unit,
      });
    }
    return result;
  }
}
