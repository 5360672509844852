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

/** What the roll-up needs of an activity, whatever the grouping. */
export interface RollupFacts {
  id: string;
  title: string;
  planId: string | null;
  cancelled: boolean;
  /**
   * The KPIs the activity has. Activities of one instrument share one list (the same array of the
   * same `KpiRef` objects): accumulators and ids are then found once per group and list.
   */
  kpis: readonly KpiRef[];
}

export interface RollupActivity extends RollupFacts {
  /** The group the activity falls in. */
  groupKey: string | null;
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

/** Where each activity's values and targets come from. */
interface RollupSources {
  /** The activity's values by KPI key; a KPI missing has none (a derived one: 0). */
  valuesOf(activityId: string): ReadonlyMap<string, number> | undefined;
  textsOf(activityId: string, kpi: KpiRef): readonly TextValue[];
  /** The activity's targets by KPI key. */
  targetsOf(activityId: string): ReadonlyMap<string, number> | undefined;
}

export interface RollupInput extends RollupSources {
  activities: readonly RollupActivity[];
  /** Plan targets in scope; empty when the grouping is below plan level (activity, cluster). */
  planTargets: readonly PlanTarget[];
}

/** One way of grouping the activities of a roll-up over several groupings. */
export interface RollupGrouping<A extends RollupFacts> {
  groupKeyOf(activity: A): string | null;
  /** Plan targets in scope; empty when the grouping is below plan level (activity, cluster). */
  planTargets: readonly PlanTarget[];
}

export interface GroupingsInput<A extends RollupFacts> extends RollupSources {
  activities: readonly A[];
  groupings: readonly RollupGrouping<A>[];
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
  const grouping: RollupGrouping<RollupActivity> = {
    groupKeyOf: (activity) => activity.groupKey,
    planTargets: input.planTargets,
  };
  return rollupGroupings({ ...input, groupings: [grouping] })[0] as RolledGroup[];
}

/**
 * `rollupKpis` for several groupings of the same activities at once (the dashboard's four): each
 * activity's values and targets are looked up once and added to its group of every grouping. The
 * result holds one list of groups per grouping, each equal to `rollupKpis` for that grouping.
 */
export function rollupGroupings<A extends RollupFacts>(input: GroupingsInput<A>): RolledGroup[][] {
  const ids = new Map<KpiRef, string>();
  const idOf = (ref: KpiRef) => {
    let id = ids.get(ref);
    if (id === undefined) {
      id = kpiRefId(ref);
      ids.set(ref, id);
    }
    return id;
  };
  const groupings = input.groupings.map((grouping) => new GroupingTotals(grouping, idOf));
  for (const activity of input.activities) {
    const values = input.valuesOf(activity.id);
    const targets = activity.cancelled ? undefined : input.targetsOf(activity.id);
    const refs = activity.kpis;
    const lists = groupings.map((g) => g.accumulatorsOf(activity, refs));
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i] as KpiRef;
      const actual = values?.get(ref.kpiKey) ?? (ref.derived ? 0 : undefined);
      const target = targets?.get(ref.kpiKey);
      const texts = ref.kind === 'text' ? input.textsOf(activity.id, ref) : undefined;
      for (let g = 0; g < groupings.length; g++) {
        const acc = (lists[g] as Accumulator[])[i] as Accumulator;
        if (actual !== undefined) {
          acc.sum += actual;
          acc.values += 1;
        }
        if (texts !== undefined) acc.texts.push(...texts);
        if (target !== undefined && !(groupings[g] as GroupingTotals<A>).planTargetReplaces(activity, ref)) {
          acc.targetSum += target;
          acc.targets += 1;
        }
      }
    }
  }
  return groupings.map((grouping) => grouping.finish());
}

/** The running totals of one grouping. */
class GroupingTotals<A extends RollupFacts> {
  private readonly groups = new Map<
    string | null,
    { activities: number; kpis: Map<string, Accumulator>; lists: Map<readonly KpiRef[], Accumulator[]> }
  >();
  private readonly planTargeted: Set<string>;
  private readonly plansWithTargets: Set<string>;

  constructor(
    private readonly grouping: RollupGrouping<A>,
    private readonly idOf: (ref: KpiRef) => string,
  ) {
    this.planTargeted = new Set(grouping.planTargets.map((t) => `${t.planId}|${kpiRefId(t.kpi)}`));
    this.plansWithTargets = new Set(grouping.planTargets.map((t) => t.planId));
  }

  /** Counts the activity in its group; the group's accumulators of its KPIs, in their order. */
  accumulatorsOf(activity: A, refs: readonly KpiRef[]): Accumulator[] {
    const group = this.groupOf(this.grouping.groupKeyOf(activity));
    group.activities += 1;
    let list = group.lists.get(refs);
    if (!list) {
      list = refs.map((ref) => this.accumulatorOf(group.kpis, ref));
      group.lists.set(refs, list);
    }
    return list;
  }

  /** Whether a target of the activity's plan for this KPI replaces the activity's own. */
  planTargetReplaces(activity: A, ref: KpiRef): boolean {
    const planId = activity.planId;
    return (
      planId !== null &&
      this.plansWithTargets.has(planId) &&
      this.planTargeted.has(`${planId}|${this.idOf(ref)}`)
    );
  }

  finish(): RolledGroup[] {
    for (const target of this.grouping.planTargets) {
      if (target.groupKey === undefined) continue;
      const acc = this.accumulatorOf(this.groupOf(target.groupKey).kpis, target.kpi);
      acc.targetSum += target.value;
      acc.targets += 1;
    }
    return [...this.groups].map(([key, group]) => ({
      key,
      activities: group.activities,
      kpis: [...group.kpis.values()].map(finish),
    }));
  }

  private groupOf(key: string | null) {
    let group = this.groups.get(key);
    if (!group) {
      group = { activities: 0, kpis: new Map(), lists: new Map() };
      this.groups.set(key, group);
    }
    return group;
  }

  private accumulatorOf(kpis: Map<string, Accumulator>, ref: KpiRef): Accumulator {
    const id = this.idOf(ref);
    let acc = kpis.get(id);
    if (!acc) {
      acc = { ref, sum: 0, values: 0, targetSum: 0, targets: 0, texts: [] };
      kpis.set(id, acc);
    }
    return acc;
  }
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
