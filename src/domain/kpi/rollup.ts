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
  /** A derived KPI's value is 0 without records; an entered one has none until entered. */
  derived?: boolean;
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
  /** Activities share their KPI lists (the same `KpiRef` objects): ids are computed once per KPI. */
  activities: readonly RollupActivity[];
  /** The activity's values by KPI key; a KPI missing has none (a derived one: 0). */
  valuesOf(activityId: string): ReadonlyMap<string, number> | undefined;
  textsOf(activityId: string, kpi: KpiRef): readonly TextValue[];
  /** The activity's targets by KPI key. */
  targetsOf(activityId: string): ReadonlyMap<string, number> | undefined;
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

/**
 * Target vs actual of every KPI in every group, groups and KPIs in first-seen order. One pass over
 * the activities: thousands of activities with a handful of KPIs each take a few milliseconds.
 */
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
  const ids = new Map<KpiRef, string>();
  const idOf = (ref: KpiRef) => {
    let id = ids.get(ref);
    if (id === undefined) {
      id = kpiRefId(ref);
      ids.set(ref, id);
    }
    return id;
  };
  const accumulatorOf = (kpis: Map<string, Accumulator>, ref: KpiRef) => {
    const id = idOf(ref);
    let acc = kpis.get(id);
    if (!acc) {
      acc = { ref, sum: 0, values: 0, targetSum: 0, targets: 0, texts: [] };
      kpis.set(id, acc);
    }
    return acc;
  };

  const planTargeted = new Set(input.planTargets.map((t) => `${t.planId}|${kpiRefId(t.kpi)}`));
  const plansWithTargets = new Set(input.planTargets.map((t) => t.planId));
  for (const activity of input.activities) {
    const group = groupOf(activity.groupKey);
    group.activities += 1;
    const values = input.valuesOf(activity.id);
    const targets = activity.cancelled ? undefined : input.targetsOf(activity.id);
    const planId = activity.planId !== null && plansWithTargets.has(activity.planId) ? activity.planId : null;
    for (const ref of activity.kpis) {
      const acc = accumulatorOf(group.kpis, ref);
      const actual = values?.get(ref.kpiKey) ?? (ref.derived ? 0 : undefined);
      if (actual !== undefined) {
        acc.sum += actual;
        acc.values += 1;
      }
      if (ref.kind === 'text') acc.texts.push(...input.textsOf(activity.id, ref));
      const target = targets?.get(ref.kpiKey);
      if (target !== undefined && (planId === null || !planTargeted.has(`${planId}|${idOf(ref)}`))) {
        acc.targetSum += target;
        acc.targets += 1;
      }
    }
  }
  for (const target of input.planTargets) {
    if (target.groupKey === undefined) continue;
    const acc = accumulatorOf(groupOf(target.groupKey).kpis, target.kpi);
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
