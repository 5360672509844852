import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { KpiDefinition, KpiKind } from '../../domain/catalogue/types.ts';

/** A KPI definition with the rule a custom instrument names for it (null: the registry's, by key). */
export interface RuledKpiDefinition extends KpiDefinition {
  rule: string | null;
}

/** An instrument with its KPI definitions in catalogue order. */
export interface InstrumentWithKpis {
  id: string;
  key: string;
  name: string;
  phase: string;
  position: number;
  kpis: RuledKpiDefinition[];
}

/** The only SQL reading instruments' KPI definitions (targets, entries, panels, roll-ups). */
export class InstrumentKpiRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** These instruments with their KPIs (instruments that do not exist are missing from the map). */
  async byIds(instrumentIds: readonly string[]): Promise<Map<string, InstrumentWithKpis>> {
    const ids = [...new Set(instrumentIds)];
    if (ids.length === 0) return new Map();
    const instruments = await this.load(null, ids);
    return new Map(instruments.map((i) => [i.id, i]));
  }

  /** The instruments a workspace sees (global and its own, or only `ids` of them), in catalogue order. */
  inWorkspace(workspaceId: string, ids?: readonly string[]): Promise<InstrumentWithKpis[]> {
    if (ids !== undefined && ids.length === 0) return Promise.resolve([]);
    return this.load(workspaceId, ids);
  }

  /** Two queries whatever the number of instruments. */
  private async load(
    workspaceId: string | null,
    ids: readonly string[] | undefined,
  ): Promise<InstrumentWithKpis[]> {
    const rows = await this.db
      .selectFrom('instrument')
      .select(['id', 'key', 'name', 'phase', 'position'])
      .$if(workspaceId !== null, (q) =>
        q.where((eb) =>
          eb.or([eb('workspace_id', 'is', null), eb('workspace_id', '=', workspaceId as string)]),
        ),
      )
      .$if(ids !== undefined, (q) => q.where('id', 'in', ids as string[]))
      .orderBy('position')
      .execute();
    if (rows.length === 0) return [];
    const kpis = await this.db
      .selectFrom('instrument_kpi')
      .select(['instrument_id', 'key', 'label', 'kind', 'unit', 'rule_key'])
      .where(
        'instrument_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('instrument_id')
      .orderBy('position')
      .execute();
    const byInstrument = new Map<string, RuledKpiDefinition[]>();
    for (const kpi of kpis) {
      const list = byInstrument.get(kpi.instrument_id) ?? [];
      list.push({
        key: kpi.key,
        label: kpi.label,
        kind: kpi.kind as KpiKind,
        unit: kpi.unit,
        rule: kpi.rule_key,
      });
      byInstrument.set(kpi.instrument_id, list);
    }
    return rows.map((row) => ({ ...row, kpis: byInstrument.get(row.id) ?? [] }));
  }
}
