import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, requireAccess } from '../../domain/access/policy.ts';
import { loadActivityKpis } from './activity-kpi-scope.ts';
import { ActivityKpiRepository } from './activity-kpis-repository.ts';
import type { ActivityKpiDto } from './activity-kpis-schema.ts';
import type { TrackedKpi } from './definitions.ts';
import { presentEntry } from './entries-presenter.ts';
import { KpiEntryRepository, type KpiEntryWithAuthor } from './entries-repository.ts';
import { toApiNumber } from './kpi-units.ts';
import { mayReadKpi } from './kpi-visibility.ts';
import { KpiTargetRepository, type KpiTargetRow } from './targets-repository.ts';

/** The KPI panel of an activity: what it tracks, the targets set, the values so far. Needs `kpi.read`. */
export class ActivityKpiService {
  constructor(private readonly db: Kysely<DB>) {}

  /** Four queries (activity, its instrument's KPIs, then actuals, targets and entries together). */
  async get(actor: Actor, activityId: string): Promise<{ items: ActivityKpiDto[] }> {
    requireAccess(actor, 'kpi.read');
    const { kpis } = await loadActivityKpis(this.db, actor, activityId);
    const [actuals, targets, entries] = await Promise.all([
      new ActivityKpiRepository(this.db).actuals(actor.workspaceId, activityId),
      new KpiTargetRepository(this.db).list(actor.workspaceId, { activityId }),
      new KpiEntryRepository(this.db).listForActivity(actor.workspaceId, activityId),
    ]);
    const actualOf = new Map(actuals.map((row) => [row.kpi_key, row.value]));
    const targetOf = new Map(targets.map((row) => [row.kpi_key, row]));
    return {
      items: kpis
        .filter((kpi) => mayReadKpi(actor, kpi))
        .map((kpi) => {
          const own = kpi.source === 'entered' ? entries.filter((e) => e.kpi_key === kpi.kpiKey) : [];
          return presentActivityKpi(kpi, targetOf.get(kpi.kpiKey), actualOf.get(kpi.kpiKey), own);
        }),
    };
  }
}

function presentActivityKpi(
  kpi: TrackedKpi,
  target: KpiTargetRow | undefined,
  stored: number | undefined,
  entries: KpiEntryWithAuthor[],
): ActivityKpiDto {
  return {
    instrumentId: kpi.instrumentId,
    kpiKey: kpi.kpiKey,
    label: kpi.label,
    kind: kpi.kind,
    unit: kpi.unit,
    source: kpi.source,
    rule: kpi.rule,
    ruleDescription: kpi.ruleDescription,
    target: target
      ? { id: target.id, value: toApiNumber(kpi.kind, target.value), version: target.version }
      : null,
    actual: storedActual(kpi, stored),
    entries: entries.map((entry) => presentEntry(entry, kpi.kind)),
  };
}

/**
 * The value `refreshKpiActuals` stored: derived ones from their records (0 without any), entered
 * ones from their entries (counts and money added, percentages and ratings averaged; null before
 * any), text ones never (their entries are the value).
 */
function storedActual(kpi: TrackedKpi, stored: number | undefined): number | null {
  if (stored !== undefined) return toApiNumber(kpi.kind, stored);
  return kpi.source === 'derived' ? 0 : null;
}
