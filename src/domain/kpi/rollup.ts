import type { KpiKind } from '../catalogue/types.ts';
import { aggregationOf } from './values.ts';

/**
 * KPI roll-ups, pure: each activity's values and targets are gathered into groups (an instrument,
 * a phase, a market…) as target vs actual. Counts and money are summed, percentages and ratings
 * averaged over the activities that have a value, text KPIs listed, never summed.
 *
 * Targets: an activity's target counts in its group. At plan level and above (`planTargets`), a
 * plan's target for a KPI of one of its instruments replaces the targets of that plan's
 * activities for the same KPI, so a plan target and its activities' targets are never added up.
 * A cancelled activity's target counts nowhere; its values (money spent) still do.
 */

/** A KPI as the roll-up knows it: an instrument's (instrumentId) or Hub-wide (null). */
export interface KpiRef {
  instrumentId: string | null;
  kpiKey: string;
  kind: KpiKind;
}

export interface RollupActivity {
  id: string;
  title: string;
  planId: string | null;
  cancelled: boolean;
  /** The group the activity falls in. */
  groupKey: string | null;
  kpis: readonly KpiRef[];
}

export interface TextValue {
  activityId: string;
  activityTitle: string;
  value: string;
  recordedOn: string;
}

export interface PlanTarget {
  planId: string;
  kpi: KpiRef;
  value: number;
  /** The group the plan's target falls in; undefined: it counts in no group of this roll-up. */
  groupKey: string | null | undefined;
}

export interface RollupInput {
  activities: readonly RollupActivity[];
  /** The activity's value of a KPI, or null when it has none (an entered KPI nobody entered). */
  actualOf(activityId: string, kpi: KpiRef): number | null;
  textsOf(activityId: string, kpi: KpiRef): readonly TextValue[];
  activityTargetOf(activityId: string, kpi: KpiRef): number | null;
  /** Plan targets in scope; empty when the grouping is below plan level (activity, cluster). */
  planTargets: readonly PlanTarget[];
}

export interface RolledKpi extends KpiRef {
  target: number | null;
  actual: number | null;
  texts: TextValue[];
}

export interface RolledGroup {
  key: string | null;
  activities: number;
  kpis: RolledKpi[];
}

interface Accumulator {
  ref: KpiRef;
  sum: number;
  values: number;
  targetSum: number;
  targets: number;
  texts: TextValue[];
}

export function kpiRefId(kpi: { instrumentId: string | null; kpiKey: string }): string {
  return `${kpi.instrumentId ?? '*'}/${kpi.kpiKey}`;
}

/** Target vs actual of every KPI in every group, groups and KPIs in first-seen order. */
export function rollupKpis(input: RollupInput): RolledGroup[] {
  const groups = new Map<string | null, { activities: number; kpis: Map<string, Accumulator> }>();
  const groupOf = (key: string | null) => {
    let group = groups.get(key);
    if (!group) {
      group = { activities: 0, kpis: new Map() };
      groups.set(key, group);
    }
    return group;
  };
  const accumulatorOf = (key: string | null, ref: KpiRef) => {
    const kpis = groupOf(key).kpis;
    const id = kpiRefId(ref);
    let acc = kpis.get(id);
    if (!acc) {
      acc = { ref, sum: 0, values: 0, targetSum: 0, targets: 0, texts: [] };
      kpis.set(id, acc);
    }
    return acc;
  };

  const planTargeted = new Set(input.planTargets.map((t) => `${t.planId}|${kpiRefId(t.kpi)}`));
  for (const activity of input.activities) {
    groupOf(activity.groupKey).activities += 1;
    for (const ref of activity.kpis) {
      const acc = accumulatorOf(activity.groupKey, ref);
      const actual = input.actualOf(activity.id, ref);
      if (actual !== null) {
        acc.sum += actual;
        acc.values += 1;
      }
      if (ref.kind === 'text') acc.texts.push(...input.textsOf(activity.id, ref));
      const replacedByPlan =
        activity.planId !== null && planTargeted.has(`${activity.planId}|${kpiRefId(ref)}`);
      const target = activity.cancelled || replacedByPlan ? null : input.activityTargetOf(activity.id, ref);
      if (target !== null) {
        acc.targetSum += target;
        acc.targets += 1;
      }
    }
  }
  for (const target of input.planTargets) {
    if (target.groupKey === undefined) continue;
    const acc = accumulatorOf(target.groupKey, target.kpi);
    acc.targetSum += target.value;
    acc.targets += 1;
  }

  return [...groups].map(([key, group]) => ({
    key,
    activities: group.activities,
    kpis: [...group.kpis.values()].map(finish),
  }));
}

function finish(acc: Accumulator): RolledKpi {
  const how = aggregationOf(acc.ref.kind);
  const combine = (sum: number, n: number) => (n === 0 ? null : how === 'sum' ? sum : sum / n);
  return {
    ...acc.ref,
    actual: how === 'list' ? null : combine(acc.sum, acc.values),
    target: how === 'list' ? null : combine(acc.targetSum, acc.targets),
    texts: acc.texts,
  };
}

/** Actual over target; null when either is missing or the target is 0. */
export function progressOf(kpi: { actual: number | null; target: number | null }): number | null {
  if (kpi.actual === null || kpi.target === null || kpi.target === 0) return null;
  return kpi.actual / kpi.target;
}
