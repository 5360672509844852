import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, requireAccess } from '../../domain/access/policy.ts';
import type { KpiKind } from '../../domain/catalogue/types.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { toEur } from '../../domain/planning/money.ts';
import { ACTIVITY_STATUSES, type ActivityStatus } from '../../domain/planning/types.ts';
import { RollupService } from '../budgets/rollup-service.ts';
import type { RollupDto } from '../budgets/schema.ts';
import type { KpiRollup, KpiRollupSource, RolledKpi } from './kpi-rollup.ts';
import { ReportRepository } from './repository.ts';

/** One KPI of an instrument against its target in the period. */
export interface ReportKpi {
  label: string;
  kind: KpiKind;
  unit: string | null;
  source: 'derived' | 'entered';
  /** null: no target set. */
  target: number | null;
  /** null: no value yet (always for text KPIs: see `texts`). */
  actual: number | null;
  /** actual / target; null without both. */
  progress: number | null;
  /** The values of a text KPI, e.g. remarks. */
  texts: string[];
}

/** The KPIs of one instrument's activities in the period (the Hub-wide KPIs first). */
export interface ReportKpiGroup {
  label: string;
  activities: number;
  kpis: ReportKpi[];
  /** The mean progress of the KPIs with a target; null when none has one. */
  meanProgress: number | null;
}

export interface ReportBudgetRow {
  label: string;
  plannedEur: number;
  actualEur: number;
}

export interface ReportBudget {
  rows: ReportBudgetRow[];
  plannedEur: number;
  actualEur: number;
}

export interface ReportActivity {
  title: string;
  /** "1.1.3 Study Visits" */
  instrument: string;
  market: string | null;
  startsOn: string;
  endsOn: string;
  status: string;
  plannedEur: number;
  actualEur: number;
}

/** Everything a funder report shows, in EUR, whatever its format. */
export interface ReportData {
  workspace: { name: string; slug: string };
  period: { from: string; to: string };
  /** The market the report is narrowed to; null: every market and the standalone activities. */
  market: { name: string; country: string } | null;
  generatedAt: string;
  summary: {
    /** Activities starting in the period (the activity list). */
    activities: number;
    byStatus: Record<ActivityStatus, number>;
    /**
     * From the budget roll-up of the same activities: planned (cancelled activities left out) and
     * actual, whenever paid (as the dashboard's headline and budget burn: decision 0016).
     */
    plannedEur: number;
    actualEur: number;
    /** The Hub-wide KPIs over every instrument; null when nothing was recorded. */
    heldActivities: number | null;
    presentParticipants: number | null;
    kpisWithTarget: number;
    kpisOnTarget: number;
  };
  kpis: ReportKpiGroup[];
  budgetByFundingSource: ReportBudget;
  budgetByCategory: ReportBudget;
  activities: ReportActivity[];
}

export interface ReportDataOptions {
  db: Kysely<DB>;
  kpiRollup: KpiRollupSource;
  /** Told before each step; fractions of the loading (0 to 1). */
  onStep?: (fraction: number, message: string) => void;
  clock?: () => Date;
}

/** What a report covers: a period and, optionally, one target market. */
export interface ReportScope {
  from: string;
  to: string;
  marketId?: string | undefined;
}

/**
 * Loads a funder report's figures for (workspace of `actor`, from, to, market) through the same use
 * cases as the API: the KPI roll-up by instrument, the budget roll-ups by funding source and by
 * cost category, and the activities — all of them over the activities starting in the period, as
 * the dashboard counts them (decision 0016).
 *
 * @example
 * const data = await loadReportData(actor, { from: '2026-01-01', to: '2026-12-31' }, { db, kpiRollup });
 */
export async function loadReportData(
  actor: Actor,
  scope: ReportScope,
  options: ReportDataOptions,
): Promise<ReportData> {
  requireAccess(actor, 'report.create');
  const { db, onStep = () => {} } = options;
  const repository = new ReportRepository(db);
  const workspace = await repository.workspace(actor.workspaceId);
  if (!workspace) throw new NotFoundError('workspace', actor.workspaceId);
  const market = scope.marketId ? await repository.market(actor.workspaceId, scope.marketId) : null;
  if (scope.marketId && !market) throw new NotFoundError('market', scope.marketId);
  const period = { from: scope.from, to: scope.to };
  const marketFilter = market ? { marketId: market.id } : {};

  onStep(0, 'Reading KPIs');
  const kpis = await options.kpiRollup(actor, { groupBy: 'instrument', ...period, ...marketFilter });
  onStep(0.3, 'Reading the budget');
  const rollups = new RollupService(db);
  const budgetScope = { ...period, ...marketFilter, activities: 'starting' as const };
  const byFundingSource = await rollups.rollup(actor, { groupBy: 'fundingSource', ...budgetScope });
  const byCategory = await rollups.rollup(actor, { groupBy: 'category', ...budgetScope });
  onStep(0.6, 'Reading activities');
  const activityRows = await repository.activitiesInPeriod(actor.workspaceId, { ...period, ...marketFilter });

  const activities = activityRows.map(
    (row): ReportActivity => ({
      title: row.title,
      instrument: `${row.instrument_code} ${row.instrument_name}`,
      market: row.market_name,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      status: row.status,
      plannedEur: toEur(row.planned),
      actualEur: toEur(row.actual),
    }),
  );
  const codes = await repository.instrumentCodes(
    kpis.groups.map((group) => group.key).filter((key): key is string => key !== null),
  );
  const kpiGroups = kpis.groups.map((group) => presentKpiGroup(group, codes));
  const measured = kpiGroups.flatMap((group) => group.kpis).filter((kpi) => kpi.progress !== null);
  onStep(1, 'Figures read');
  return {
    workspace: { name: workspace.name, slug: workspace.slug },
    period,
    market: market ? { name: market.name, country: market.country } : null,
    generatedAt: (options.clock ?? (() => new Date()))().toISOString(),
    summary: {
      activities: activities.length,
      byStatus: countByStatus(activities),
      plannedEur: byFundingSource.totals.plannedEur,
      actualEur: byFundingSource.totals.actualEur,
      heldActivities: hubTotal(kpis, 'held_activities'),
      presentParticipants: hubTotal(kpis, 'present_participants'),
      kpisWithTarget: measured.length,
      kpisOnTarget: measured.filter((kpi) => (kpi.progress ?? 0) >= 1).length,
    },
    kpis: kpiGroups,
    budgetByFundingSource: presentBudget(byFundingSource),
    budgetByCategory: presentBudget(byCategory),
    activities,
  };
}

function presentKpi(kpi: RolledKpi): ReportKpi {
  return {
    label: kpi.label,
    kind: kpi.kind,
    unit: kpi.unit,
    source: kpi.source,
    target: kpi.target,
    actual: kpi.actual,
    progress: kpi.progress,
    texts: kpi.texts.map((text) => `${text.value} (${text.activityTitle}, ${text.recordedOn})`),
  };
}

/** An instrument's group, labelled "1.1.3 Study Visits" (code first, as in the catalogue). */
function presentKpiGroup(group: KpiRollup['groups'][number], codes: Map<string, string>): ReportKpiGroup {
  const kpis = group.kpis.map(presentKpi);
  const progresses = kpis.map((kpi) => kpi.progress).filter((p): p is number => p !== null);
  const code = group.key === null ? undefined : codes.get(group.key);
  return {
    label: code ? `${code} ${group.label}` : group.label,
    activities: group.activities,
    kpis,
    meanProgress:
      progresses.length === 0 ? null : progresses.reduce((sum, p) => sum + p, 0) / progresses.length,
  };
}

/** A Hub-wide KPI (a count) summed over the instrument groups; null when no group has a value. */
function hubTotal(rollup: KpiRollup, kpiKey: string): number | null {
  const values = rollup.groups
    .flatMap((group) => group.kpis)
    .filter((kpi) => kpi.instrumentId === null && kpi.kpiKey === kpiKey && kpi.actual !== null)
    .map((kpi) => kpi.actual as number);
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0);
}

function presentBudget(rollup: RollupDto): ReportBudget {
  return {
    rows: rollup.groups.map((group) => ({
      label: group.label,
      plannedEur: group.plannedEur,
      actualEur: group.actualEur,
    })),
    plannedEur: rollup.totals.plannedEur,
    actualEur: rollup.totals.actualEur,
  };
}

function countByStatus(activities: ReportActivity[]): Record<ActivityStatus, number> {
  const counts = Object.fromEntries(ACTIVITY_STATUSES.map((status) => [status, 0])) as Record<
    ActivityStatus,
    number
  >;
  for (const activity of activities) {
    if (activity.status in counts) counts[activity.status as ActivityStatus] += 1;
  }
  return counts;
}
