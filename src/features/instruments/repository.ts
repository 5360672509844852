import { type CompiledQuery, type Kysely, type Selectable, sql } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import type { DB, InstrumentKpiTable, InstrumentTable } from '../../db/schema.ts';
import type {
  BudgetItem,
  FundingSource,
  InstrumentDefinition,
  KpiDefinition,
  KpiKind,
  Phase,
} from '../../domain/catalogue/types.ts';

/** An instrument as stored, with its KPIs, parsed back into domain shape. */
export interface StoredInstrument extends InstrumentDefinition {
  id: string;
  workspaceId: string | null;
  origin: 'd4.2' | 'custom';
  version: number;
  updatedAt: string;
}

export interface InstrumentFilter {
  phase?: Phase;
  key?: string;
  code?: string;
}

/**
 * `app_meta` key holding the global catalogue's revision (the digest of its definitions). Every
 * write to the global catalogue sets it, so readers can cache by it.
 */
/** An instrument an activity can instantiate: the catalogue's, or the workspace's own. */
export interface InstrumentRef {
  id: string;
  key: string;
  code: string;
  name: string;
  phase: string;
  budget_items: string;
  budget_text: string;
}

export const CATALOGUE_REVISION_KEY = 'catalogue.d42.digest';

/** The only place with SQL for instruments and their KPI definitions. */
export class InstrumentRepository {
  /** Compiled once: the revision is read on every catalogue request, so skip rebuilding its SQL. */
  private readonly revisionQuery: CompiledQuery<{ value: string }>;

  constructor(private readonly db: Kysely<DB>) {
    this.revisionQuery = db
      .selectFrom('app_meta')
      .select('value')
      .where('key', '=', CATALOGUE_REVISION_KEY)
      .compile();
  }

  /** An instrument by key (`study-visits`) or D4.2 code (`1.1.3`): the catalogue's first, then the workspace's. */
  findForWorkspace(workspaceId: string, keyOrCode: string): Promise<InstrumentRef | undefined> {
    const column = /^\d+\.\d+\.\d+$/.test(keyOrCode) ? 'code' : 'key';
    return this.db
      .selectFrom('instrument')
      .select(['id', 'key', 'code', 'name', 'phase', 'budget_items', 'budget_text'])
      .where((eb) => eb.or([eb('workspace_id', 'is', null), eb('workspace_id', '=', workspaceId)]))
      .where(column, '=', keyOrCode)
      .orderBy(sql`case when workspace_id is null then 0 else 1 end`)
      .executeTakeFirst();
  }

  findRef(instrumentId: string): Promise<InstrumentRef | undefined> {
    return this.db
      .selectFrom('instrument')
      .select(['id', 'key', 'code', 'name', 'phase', 'budget_items', 'budget_text'])
      .where('id', '=', instrumentId)
      .executeTakeFirst();
  }

  /** Global (D4.2) instruments in catalogue order, each with its KPIs. */
  async listGlobal(filter: InstrumentFilter = {}): Promise<StoredInstrument[]> {
    let query = this.db.selectFrom('instrument').selectAll().where('workspace_id', 'is', null);
    if (filter.phase) query = query.where('phase', '=', filter.phase);
    if (filter.key) query = query.where('key', '=', filter.key);
    if (filter.code) query = query.where('code', '=', filter.code);
    const rows = await query.orderBy('position').execute();
    if (rows.length === 0) return [];
    const kpis = await this.db
      .selectFrom('instrument_kpi')
      .selectAll()
      .where(
        'instrument_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('instrument_id')
      .orderBy('position')
      .execute();
    const kpisByInstrument = new Map<string, Selectable<InstrumentKpiTable>[]>();
    for (const kpi of kpis) {
      const list = kpisByInstrument.get(kpi.instrument_id);
      if (list) list.push(kpi);
      else kpisByInstrument.set(kpi.instrument_id, [kpi]);
    }
    return rows.map((row) => toStored(row, kpisByInstrument.get(row.id) ?? []));
  }

  /** One global instrument by its key (`study-visits`) or its D4.2 code (`1.1.3`). */
  async findGlobal(keyOrCode: string): Promise<StoredInstrument | undefined> {
    const isCode = /^\d+\.\d+\.\d+$/.test(keyOrCode);
    const [found] = await this.listGlobal(isCode ? { code: keyOrCode } : { key: keyOrCode });
    return found;
  }

  /**
   * Inserts or updates one global instrument by key and makes its KPI list exactly `definition.kpis`
   * (KPIs keep their ids across updates, so later records can point at them).
   */
  async upsertGlobal(definition: InstrumentDefinition, position: number): Promise<void> {
    const now = nowIso();
    const values = {
      origin: 'd4.2' as const,
      code: definition.code,
      phase: definition.phase,
      name: definition.name,
      description: definition.description,
      benefits: JSON.stringify(definition.benefits),
      business_model: definition.businessModel,
      funding_sources: JSON.stringify(definition.fundingSources),
      budget_text: definition.budget.text,
      budget_items: JSON.stringify(definition.budget.items),
      position,
      updated_at: now,
    };
    const { id } = await this.db
      .insertInto('instrument')
      .values({ id: newId(), workspace_id: null, key: definition.key, created_at: now, ...values })
      .onConflict((oc) =>
        oc
          .column('key')
          .where('workspace_id', 'is', null)
          .doUpdateSet((eb) => ({ ...values, version: eb('instrument.version', '+', 1) })),
      )
      .returning('id')
      .executeTakeFirstOrThrow();

    const keys = definition.kpis.map((k) => k.key);
    let stale = this.db.deleteFrom('instrument_kpi').where('instrument_id', '=', id);
    if (keys.length > 0) stale = stale.where('key', 'not in', keys);
    await stale.execute();
    for (const [index, kpi] of definition.kpis.entries()) {
      const kpiValues = { label: kpi.label, kind: kpi.kind, unit: kpi.unit, position: index };
      await this.db
        .insertInto('instrument_kpi')
        .values({ id: newId(), instrument_id: id, key: kpi.key, ...kpiValues })
        .onConflict((oc) => oc.columns(['instrument_id', 'key']).doUpdateSet(kpiValues))
        .execute();
    }
  }

  /** The global catalogue's revision: one indexed read, cheap enough for every request. */
  async catalogueRevision(): Promise<string | undefined> {
    const { rows } = await this.db.executeQuery(this.revisionQuery);
    return rows[0]?.value;
  }

  async getMeta(key: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('app_meta')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.value;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.db
      .insertInto('app_meta')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
}

function toStored(
  row: Selectable<InstrumentTable>,
  kpis: Selectable<InstrumentKpiTable>[],
): StoredInstrument {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    origin: row.origin,
    version: row.version,
    updatedAt: row.updated_at,
    code: row.code,
    key: row.key,
    phase: row.phase as Phase,
    name: row.name,
    description: row.description,
    benefits: JSON.parse(row.benefits) as string[],
    businessModel: row.business_model,
    fundingSources: JSON.parse(row.funding_sources) as FundingSource[],
    budget: { text: row.budget_text, items: JSON.parse(row.budget_items) as BudgetItem[] },
    kpis: kpis.map(
      (k): KpiDefinition => ({ key: k.key, label: k.label, kind: k.kind as KpiKind, unit: k.unit }),
    ),
  };
}
