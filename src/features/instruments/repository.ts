import { type CompiledQuery, type Kysely, type Selectable, sql } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import type { DB, InstrumentKpiTable, InstrumentTable } from '../../db/schema.ts';
import { type CustomKpiDefinition, catalogueRuleOf } from '../../domain/catalogue/custom-instrument.ts';
import type {
  BudgetItem,
  FundingSource,
  InstrumentDefinition,
  KpiKind,
  Phase,
} from '../../domain/catalogue/types.ts';

/** An instrument as stored, with its KPIs, parsed back into domain shape. */
export interface StoredInstrument extends InstrumentDefinition {
  id: string;
  workspaceId: string | null;
  origin: 'd4.2' | 'custom';
  /** A custom instrument copied from D4.2: the original's key. */
  basedOn: string | null;
  version: number;
  updatedAt: string;
  kpis: CustomKpiDefinition[];
}

/** What a workspace writes for one of its own instruments. */
export interface CustomInstrumentValues {
  key: string;
  phase: Phase;
  name: string;
  description: string;
  benefits: string[];
  businessModel: string;
  fundingSources: FundingSource[];
  budget: { text: string; items: BudgetItem[] };
  kpis: CustomKpiDefinition[];
}

/** How many records use an instrument (a custom one in use cannot be deleted). */
export interface InstrumentUsage {
  activities: number;
  plans: number;
  kpiTargets: number;
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

/** A workspace's own instruments take positions from 1001 on (custom code `C1` at 1001). */
const CUSTOM_POSITION_BASE = 1000;

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
    return this.withKpis(await query.orderBy('position').execute());
  }

  /** The D4.2 catalogue, then the workspace's own instruments in the order they were made. */
  async listForWorkspace(workspaceId: string): Promise<StoredInstrument[]> {
    const rows = await this.db
      .selectFrom('instrument')
      .selectAll()
      .where((eb) => eb.or([eb('workspace_id', 'is', null), eb('workspace_id', '=', workspaceId)]))
      .orderBy(sql`case when workspace_id is null then 0 else 1 end`)
      .orderBy('position')
      .orderBy('id')
      .execute();
    return this.withKpis(rows);
  }

  /**
   * One instrument the workspace sees, by id, key or D4.2 code (the catalogue's first). Another
   * workspace's custom instrument is not found.
   */
  async findInWorkspace(workspaceId: string, idKeyOrCode: string): Promise<StoredInstrument | undefined> {
    const column = /^\d+\.\d+\.\d+$/.test(idKeyOrCode) ? 'code' : 'key';
    const rows = await this.db
      .selectFrom('instrument')
      .selectAll()
      .where((eb) => eb.or([eb('workspace_id', 'is', null), eb('workspace_id', '=', workspaceId)]))
      .where((eb) => eb.or([eb(column, '=', idKeyOrCode), eb('id', '=', idKeyOrCode)]))
      .orderBy(sql`case when workspace_id is null then 0 else 1 end`)
      .limit(1)
      .execute();
    const [found] = await this.withKpis(rows);
    return found;
  }

  /** Whether a D4.2 instrument or another of the workspace's own has this key. */
  async keyTaken(workspaceId: string, key: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('instrument')
      .select('id')
      .where((eb) => eb.or([eb('workspace_id', 'is', null), eb('workspace_id', '=', workspaceId)]))
      .where('key', '=', key)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Inserts a workspace's instrument with its KPIs; its code is `C1`, `C2`… within the workspace. */
  async insertCustom(
    workspaceId: string,
    values: CustomInstrumentValues,
    basedOn: string | null,
  ): Promise<string> {
    const now = nowIso();
    const existing = await this.db
      .selectFrom('instrument')
      .select('position')
      .where('workspace_id', '=', workspaceId)
      .execute();
    // Positions after the catalogue's (which count from 0), so every list ordered by position
    // shows the D4.2 instruments first, then the workspace's own in the order they were made.
    const next = existing.reduce((max, row) => Math.max(max, row.position), CUSTOM_POSITION_BASE) + 1;
    const id = newId();
    await this.db
      .insertInto('instrument')
      .values({
        id,
        workspace_id: workspaceId,
        origin: 'custom',
        code: `C${next - CUSTOM_POSITION_BASE}`,
        based_on_key: basedOn,
        position: next,
        created_at: now,
        ...rowValues(values, now),
      })
      .execute();
    await this.replaceKpis(id, values.kpis);
    return id;
  }

  /** Updates a workspace's instrument if `version` is current; false when stale or missing. */
  async updateCustom(
    workspaceId: string,
    id: string,
    version: number,
    values: CustomInstrumentValues,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('instrument')
      .set((eb) => ({ ...rowValues(values, nowIso()), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('workspace_id', '=', workspaceId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await this.replaceKpis(id, values.kpis);
    return true;
  }

  async deleteCustom(workspaceId: string, id: string, version: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('instrument')
      .where('id', '=', id)
      .where('workspace_id', '=', workspaceId)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** The records that use an instrument: activities, plans that chose it, KPI targets on it. */
  async usage(workspaceId: string, id: string): Promise<InstrumentUsage> {
    const [activities, plans, targets] = await Promise.all([
      this.db
        .selectFrom('activity')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .where('instrument_id', '=', id)
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('plan_instrument')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('instrument_id', '=', id)
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('kpi_target')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .where('instrument_id', '=', id)
        .executeTakeFirstOrThrow(),
    ]);
    return { activities: Number(activities.n), plans: Number(plans.n), kpiTargets: Number(targets.n) };
  }

  /** The ids of the activities planned with an instrument (their KPI values follow its KPIs). */
  async activityIds(workspaceId: string, id: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('activity')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('instrument_id', '=', id)
      .execute();
    return rows.map((row) => row.id);
  }

  /** The KPI keys of an instrument that hold entries or targets (they may not be removed). */
  async kpiKeysInUse(workspaceId: string, id: string): Promise<Set<string>> {
    const entries = await this.db
      .selectFrom('kpi_entry')
      .innerJoin('activity', 'activity.id', 'kpi_entry.activity_id')
      .select('kpi_entry.kpi_key')
      .distinct()
      .where('kpi_entry.workspace_id', '=', workspaceId)
      .where('activity.instrument_id', '=', id)
      .execute();
    const targets = await this.db
      .selectFrom('kpi_target')
      .leftJoin('activity', 'activity.id', 'kpi_target.activity_id')
      .select('kpi_target.kpi_key')
      .distinct()
      .where('kpi_target.workspace_id', '=', workspaceId)
      .where((eb) => eb.or([eb('kpi_target.instrument_id', '=', id), eb('activity.instrument_id', '=', id)]))
      .execute();
    return new Set([...entries, ...targets].map((row) => row.kpi_key));
  }

  private async replaceKpis(instrumentId: string, kpis: readonly CustomKpiDefinition[]): Promise<void> {
    await this.db.deleteFrom('instrument_kpi').where('instrument_id', '=', instrumentId).execute();
    if (kpis.length === 0) return;
    await this.db
      .insertInto('instrument_kpi')
      .values(
        kpis.map((kpi, position) => ({
          id: newId(),
          instrument_id: instrumentId,
          key: kpi.key,
          label: kpi.label,
          kind: kpi.kind,
          unit: kpi.unit,
          rule_key: kpi.rule,
          position,
        })),
      )
      .execute();
  }

  private async withKpis(rows: Selectable<InstrumentTable>[]): Promise<StoredInstrument[]> {
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

function rowValues(values: CustomInstrumentValues, now: string) {
  return {
    key: values.key,
    phase: values.phase,
    name: values.name,
    description: values.description,
    benefits: JSON.stringify(values.benefits),
    business_model: values.businessModel,
    funding_sources: JSON.stringify(values.fundingSources),
    budget_text: values.budget.text,
    budget_items: JSON.stringify(values.budget.items),
    updated_at: now,
  };
}

function toStored(
  row: Selectable<InstrumentTable>,
  kpis: Selectable<InstrumentKpiTable>[],
): StoredInstrument {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    origin: row.origin,
    basedOn: row.based_on_key,
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
      (k): CustomKpiDefinition => ({
        key: k.key,
        label: k.label,
        kind: k.kind as KpiKind,
        unit: k.unit,
        // The catalogue's KPIs take their rule from the registry, by instrument and KPI key.
        rule: row.workspace_id === null ? catalogueRuleOf(row.key, k.key) : k.rule_key,
      }),
    ),
  };
}
