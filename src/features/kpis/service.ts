import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, ForbiddenError, requireAccess } from '../../domain/access/policy.ts';
import { PHASE_LABELS, PHASES, type Phase } from '../../domain/catalogue/types.ts';
import { checkRange } from '../../domain/dates.ts';
import { InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import {
  type KpiRef,
  kpiRefId,
  type PlanTarget,
  progressOf,
  type RolledGroup,
  rollupGroupings,
  type TextValue,
} from '../../domain/kpi/rollup.ts';
import { type TrackedKpi, trackedKpis } from './definitions.ts';
import type { InstrumentWithKpis } from './instrument-kpis-repository.ts';
import { toApiNumber } from './kpi-units.ts';
import { mayReadKpi } from './kpi-visibility.ts';
import { KpiRepository, type KpiScope, type ScopedActivity } from './repository.ts';
import { type DerivedKpiRule, ruleByKey } from './rules/index.ts';
import {
  type KpiDefinitionDto,
  type KpiGrouping,
  type KpiRollupDto,
  type KpiRollupQuery,
  type KpiRollupsQuery,
  NO_GROUP,
  type RecordListDto,
  type RecordsQuery,
} from './schema.ts';

/**
 * KPI definitions, roll-ups (target vs actual by activity, instrument, phase, market, cluster or
 * workspace, for any period) and the drill-down to the records behind each number.
 */
export class KpiService {
  private readonly repository: KpiRepository;

  constructor(private readonly db: Kysely<DB>) {
    this.repository = new KpiRepository(db);
  }

  async definitions(
    actor: Actor,
    query: { instrumentId?: string | undefined },
  ): Promise<{ items: KpiDefinitionDto[] }> {
    requireAccess(actor, 'kpi.read');
    if (query.instrumentId === undefined) {
      const instruments = await this.repository.instruments(actor.workspaceId);
      const all = [
        ...trackedKpis(null),
        ...instruments.flatMap((i) => trackedKpis(i).filter((k) => k.instrumentId)),
      ];
      return { items: all.filter((kpi) => mayReadKpi(actor, kpi)) };
    }
    const [instrument] = await this.repository.instruments(actor.workspaceId, [query.instrumentId]);
    if (!instrument) throw new NotFoundError('instrument', query.instrumentId, 'query.instrumentId');
    return { items: trackedKpis(instrument).filter((kpi) => mayReadKpi(actor, kpi)) };
  }

  async rollup(actor: Actor, query: KpiRollupQuery): Promise<KpiRollupDto> {
    const [only] = await this.rollups(actor, { ...query, groupBy: [query.groupBy ?? 'workspace'] });
    return only as KpiRollupDto;
  }

  /**
   * Several groupings of one scope (the dashboard asks for four), from one read of its
   * activities, stored values and targets: each grouping is then a pass over them in memory,
   * and each answer is the one `rollup` gives for that grouping alone.
   */
  async rollups(actor: Actor, query: KpiRollupsQuery): Promise<KpiRollupDto[]> {
    requireAccess(actor, 'kpi.read');
    checkRange(query);
    const groupings = query.groupBy;
    const scope: KpiScope = {
      from: query.from,
      to: query.to,
      planId: query.planId,
      marketId: query.marketId,
      clusterId: query.clusterId,
      instrumentId: query.instrumentId,
    };
    // Plans belong to no cluster: below plan level, or for one cluster, only activity targets count.
    const withPlanTargets = (groupBy: KpiGrouping) =>
      groupBy !== 'activity' && groupBy !== 'cluster' && query.clusterId === undefined;
    const workspaceId = actor.workspaceId;
    const [activities, actuals, entries, targets, planTargets, instruments, markets, clusters] =
      await Promise.all([
        this.repository.activities(workspaceId, scope),
        this.repository.actuals(workspaceId, scope),
        this.repository.textEntries(workspaceId, scope),
        this.repository.activityTargets(workspaceId, scope),
        groupings.some(withPlanTargets)
          ? this.repository.planTargets(workspaceId, scope)
          : Promise.resolve([]),
        this.repository.instruments(workspaceId),
        groupings.includes('market') ? this.repository.markets(workspaceId) : Promise.resolve([]),
        groupings.includes('cluster') ? this.repository.clusters(workspaceId) : Promise.resolve([]),
      ]);

    const catalogue = new KpiCatalogue(instruments);
    const titles = new Map(activities.map((a) => [a.id, a.title]));
    const values = new ActivityValues(titles, actuals, entries, targets);
    const facts = activities.map((a) => ({
      id: a.id,
      title: a.title,
      planId: a.plan_id,
      cancelled: a.status === 'cancelled',
      kpis: catalogue.refsOf(a.instrument_id),
      scoped: a,
    }));
    const rolled = rollupGroupings({
      activities: facts,
      valuesOf: (activityId) => values.stored.get(activityId),
      textsOf: (activityId, kpi) => values.texts(activityId, kpi),
      targetsOf: (activityId) => values.targets.get(activityId),
      groupings: groupings.map((groupBy) => {
        const groupKeyOf = groupKeys(groupBy);
        return {
          groupKeyOf: (activity: (typeof facts)[number]) => groupKeyOf(activity.scoped),
          planTargets: withPlanTargets(groupBy) ? planTargetsOf(groupBy, planTargets, catalogue) : [],
        };
      }),
    });
    const context = { activities, catalogue, markets, clusters };
    return groupings.map((groupBy, index) => {
      const labels = groupLabels(groupBy, context);
      const country = new Map(markets.map((m) => [m.id, m.country]));
      return {
        period: { from: query.from ?? null, to: query.to ?? null },
        groupBy,
        activities: activities.length,
        groups: sortGroups(groupBy, rolled[index] ?? [], catalogue, labels).map((group) => ({
          key: group.key,
          label: labels(group.key),
          country: groupBy === 'market' && group.key !== null ? (country.get(group.key) ?? null) : null,
          activities: group.activities,
          kpis: catalogue
            .sortKpis(group.kpis)
            .filter((kpi) => mayReadKpi(actor, kpi))
            .map((kpi) => presentRolled(catalogue.tracked(kpi) as TrackedKpi, kpi)),
        })),
      };
    });
  }

  async records(actor: Actor, query: RecordsQuery): Promise<RecordListDto> {
    requireAccess(actor, 'kpi.read');
    checkRange(query);
    const workspaceId = actor.workspaceId;
    const instruments =
      query.instrumentId === undefined
        ? []
        : await this.repository.instruments(workspaceId, [query.instrumentId]);
    if (query.instrumentId !== undefined && instruments.length === 0) {
      throw new NotFoundError('instrument', query.instrumentId, 'query.instrumentId');
    }
    const catalogue = new KpiCatalogue(instruments);
    const kpi = catalogue.tracked({ instrumentId: query.instrumentId ?? null, kpiKey: query.kpiKey });
    if (!kpi) {
      throw new InvalidInputError(`No KPI "${query.kpiKey}" here`, [
        {
          field: 'query.kpiKey',
          message:
            query.instrumentId === undefined
              ? 'is not a Hub-wide KPI (give instrumentId for an instrument’s KPI)'
              : 'is not a KPI of this instrument',
        },
      ]);
    }
    // Members and mentors see no money spent (as in budgets): 403 like the budget routes.
    if (!mayReadKpi(actor, kpi)) throw new ForbiddenError('budget.read');
    const scope: KpiScope = {
      from: query.from,
      to: query.to,
      planId: query.planId,
      marketId: query.marketId,
      clusterId: query.clusterId,
      instrumentId: query.instrumentId,
      group:
        query.groupBy === 'workspace' || query.groupKey === undefined
          ? undefined
          : { by: query.groupBy, key: query.groupKey === NO_GROUP ? null : query.groupKey },
    };
    const page = { after: query.cursor ?? null, limit: query.limit };
    const money = (value: number | string | null) =>
      typeof value === 'number' ? toApiNumber(kpi.kind, value) : value;

    if (kpi.rule !== null) {
      const rule = ruleByKey(kpi.rule);
      if (!rule) throw new Error(`rule ${kpi.rule} is not registered`);
      // The total first: a rule may find its page faster knowing it (participants present).
      const total = await this.recordCount(workspaceId, scope, kpi.kpiKey, rule);
      const records = await rule.records(this.db, this.repository.scope(workspaceId, scope), page, total);
      return {
        kpi,
        total,
        records: records.map((r) => ({ ...r, value: money(r.value) })),
        nextCursor: records.length === page.limit ? (records.at(-1)?.id ?? null) : null,
      };
    }
    const { total, rows } = await this.repository.entryRecords(workspaceId, scope, kpi.kpiKey, page);
    return {
      kpi,
      total,
      records: rows.map((row) => ({
        id: row.id,
        type: 'entry' as const,
        activityId: row.activity_id,
        activityTitle: row.title,
        occurredOn: row.recorded_on,
        description: [`Entered by ${row.author ?? 'a former user'}`, row.comment].filter(Boolean).join(': '),
        value: row.value_text ?? money(row.value_number),
      })),
      nextCursor: rows.length === page.limit ? (rows.at(-1)?.id ?? null) : null,
    };
  }

  /**
   * How many records stand behind a derived KPI in scope. Counting them is a scan of every record
   * (575,000 participants present in a large workspace); when each record adds 1 to its activity's
   * stored value (`countIsValue`), the sum of the stored values is the same number, read from one
   * small row per activity. It is used only when every activity in scope has its stored value —
   * otherwise (a value not computed yet) the records are counted.
   */
  private async recordCount(
    workspaceId: string,
    scope: KpiScope,
    kpiKey: string,
    rule: DerivedKpiRule,
  ): Promise<number> {
    if (rule.countIsValue) {
      const stored = await this.repository.storedSum(workspaceId, scope, kpiKey);
      if (stored.values === stored.activities) return stored.sum;
    }
    return rule.count(this.db, this.repository.scope(workspaceId, scope));
  }
}

/** The KPIs of the instruments in play, their order and how each is made. */
class KpiCatalogue {
  private readonly instruments = new Map<string, InstrumentWithKpis>();
  private readonly refs = new Map<string | null, KpiRef[]>();
  private readonly byId = new Map<string, TrackedKpi>();
  private readonly order = new Map<string, number>();

  constructor(instruments: readonly InstrumentWithKpis[]) {
    const add = (instrument: InstrumentWithKpis | null) => {
      const tracked = trackedKpis(instrument);
      for (const kpi of tracked) {
        const id = kpiRefId(kpi);
        if (!this.byId.has(id)) {
          this.byId.set(id, kpi);
          this.order.set(id, this.order.size);
        }
      }
      this.refs.set(
        instrument?.id ?? null,
        tracked.map((k) => ({
          instrumentId: k.instrumentId,
          kpiKey: k.kpiKey,
          kind: k.kind,
          derived: k.source === 'derived',
        })),
      );
    };
    add(null);
    for (const instrument of instruments) {
      this.instruments.set(instrument.id, instrument);
      add(instrument);
    }
  }

  instrument(id: string): InstrumentWithKpis | undefined {
    return this.instruments.get(id);
  }

  /** The KPIs an activity of this instrument has (Hub-wide ones first). */
  refsOf(instrumentId: string): KpiRef[] {
    return this.refs.get(instrumentId) ?? this.refs.get(null) ?? [];
  }

  ref(instrumentId: string | null, kpiKey: string): KpiRef | undefined {
    const kpi = this.byId.get(kpiRefId({ instrumentId, kpiKey }));
    return kpi && { instrumentId, kpiKey, kind: kpi.kind, derived: kpi.source === 'derived' };
  }

  tracked(kpi: { instrumentId: string | null; kpiKey: string }): TrackedKpi | undefined {
    return this.byId.get(kpiRefId(kpi));
  }

  sortKpis<K extends KpiRef>(kpis: K[]): K[] {
    const at = (k: KpiRef) => this.order.get(kpiRefId(k)) ?? Number.MAX_SAFE_INTEGER;
    return [...kpis].sort((a, b) => at(a) - at(b));
  }
}

type EntryRow = Awaited<ReturnType<KpiRepository['textEntries']>>[number];
type PlanTargetRow = Awaited<ReturnType<KpiRepository['planTargets']>>[number];

/** The plan targets in the groups of one grouping (workspace, market, instrument or phase). */
function planTargetsOf(
  groupBy: KpiGrouping,
  rows: readonly PlanTargetRow[],
  catalogue: KpiCatalogue,
): PlanTarget[] {
  return rows.flatMap((t): PlanTarget[] => {
    const kpi = catalogue.ref(t.instrument_id, t.kpi_key);
    if (!kpi) return [];
    const phase = t.instrument_id === null ? undefined : catalogue.instrument(t.instrument_id)?.phase;
    const groupKey =
      groupBy === 'workspace'
        ? 'workspace'
        : groupBy === 'market'
          ? t.market_id
          : groupBy === 'instrument'
            ? (t.instrument_id ?? undefined)
            : phase;
    return [{ planId: t.plan_id, kpi, value: t.value, groupKey }];
  });
}

/** Two levels (activity, then KPI key) of one kind of row, for one lookup per activity. */
function byActivity<R extends { activity_id: string | null; kpi_key: string }, V>(
  rows: readonly R[],
  pick: (row: R) => V,
): Map<string, Map<string, V>> {
  const result = new Map<string, Map<string, V>>();
  for (const row of rows) {
    if (row.activity_id === null) continue;
    let inner = result.get(row.activity_id);
    if (!inner) {
      inner = new Map();
      result.set(row.activity_id, inner);
    }
    inner.set(row.kpi_key, pick(row));
  }
  return result;
}

/**
 * Each activity's stored values (`refreshKpiActuals`: derived ones, and entered numbers summed or
 * averaged), text entries and targets, by KPI key.
 */
class ActivityValues {
  readonly stored: Map<string, Map<string, number>>;
  readonly targets: Map<string, Map<string, number>>;
  private readonly entries = new Map<string, EntryRow[]>();

  constructor(
    private readonly titles: ReadonlyMap<string, string>,
    actuals: readonly { activity_id: string; kpi_key: string; value: number }[],
    entries: readonly EntryRow[],
    targets: readonly { activity_id: string | null; kpi_key: string; value: number }[],
  ) {
    this.stored = byActivity(actuals, (row) => row.value);
    this.targets = byActivity(targets, (row) => row.value);
    for (const row of entries) {
      const key = `${row.activity_id}|${row.kpi_key}`;
      const list = this.entries.get(key);
      if (list) list.push(row);
      else this.entries.set(key, [row]);
    }
  }

  texts(activityId: string, kpi: KpiRef): TextValue[] {
    const entries = this.entries.get(`${activityId}|${kpi.kpiKey}`) ?? [];
    const title = this.titles.get(activityId) ?? '';
    return entries.map((e) => ({
      activityId,
      activityTitle: title,
      value: e.value_text,
      recordedOn: e.recorded_on,
    }));
  }
}

function groupKeys(groupBy: KpiGrouping): (a: ScopedActivity) => string | null {
  switch (groupBy) {
    case 'workspace':
      return () => 'workspace';
    case 'activity':
      return (a) => a.id;
    case 'instrument':
      return (a) => a.instrument_id;
    case 'phase':
      return (a) => a.phase;
    case 'market':
      return (a) => a.market_id;
    case 'cluster':
      return (a) => a.cluster_id;
  }
}

function groupLabels(
  groupBy: KpiGrouping,
  context: {
    activities: readonly ScopedActivity[];
    catalogue: KpiCatalogue;
    markets: readonly { id: string; name: string }[];
    clusters: readonly { id: string; short_name: string; name: string }[];
  },
): (key: string | null) => string {
  switch (groupBy) {
    case 'workspace':
      return () => 'All activities';
    case 'activity': {
      const titles = new Map(context.activities.map((a) => [a.id, a.title]));
      return (key) => titles.get(key ?? '') ?? '';
    }
    case 'instrument':
      return (key) => context.catalogue.instrument(key ?? '')?.name ?? 'Unknown instrument';
    case 'phase':
      return (key) => PHASE_LABELS[key as Phase] ?? String(key);
    case 'market': {
      const names = new Map(context.markets.map((m) => [m.id, m.name]));
      return (key) => (key === null ? 'No market (standalone activities)' : (names.get(key) ?? ''));
    }
    case 'cluster': {
      const names = new Map(context.clusters.map((c) => [c.id, `${c.short_name} (${c.name})`]));
      return (key) => (key === null ? 'No cluster' : (names.get(key) ?? ''));
    }
  }
}

/** Catalogue order for instruments and phases, start order for activities, names otherwise. */
function sortGroups(
  groupBy: KpiGrouping,
  groups: RolledGroup[],
  catalogue: KpiCatalogue,
  label: (key: string | null) => string,
): RolledGroup[] {
  if (groupBy === 'activity' || groupBy === 'workspace') return groups;
  const rank = (key: string | null): number | string => {
    if (groupBy === 'instrument') return catalogue.instrument(key ?? '')?.position ?? Number.MAX_SAFE_INTEGER;
    if (groupBy === 'phase') return PHASES.indexOf(key as Phase);
    return key === null ? '\uffff' : label(key).toLocaleLowerCase();
  };
  return [...groups].sort((a, b) => {
    const x = rank(a.key);
    const y = rank(b.key);
    return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
  });
}

function presentRolled(
  kpi: TrackedKpi,
  rolled: RolledGroup['kpis'][number],
): KpiRollupDto['groups'][number]['kpis'][number] {
  const eur = (value: number | null) => (value === null ? null : toApiNumber(kpi.kind, value));
  const actual = rolled.actual === null && kpi.source === 'derived' ? 0 : rolled.actual;
  return {
    ...kpi,
    target: eur(rolled.target),
    actual: eur(actual),
    progress: progressOf({ actual, target: rolled.target }),
    texts: rolled.texts,
  };
}
