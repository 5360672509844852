import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random.ts';
import {
  type KpiRef,
  kpiRefId,
  type PlanTarget,
  progressOf,
  type RolledGroup,
  type RollupActivity,
  rollupGroupings,
  rollupKpis,
  type TextValue,
} from './rollup.ts';
import { aggregationOf } from './values.ts';

const count: KpiRef = { instrumentId: 'i1', kpiKey: 'meetings', kind: 'count' };
const rating: KpiRef = { instrumentId: 'i1', kpiKey: 'satisfaction', kind: 'rating' };
const remarks: KpiRef = { instrumentId: 'i1', kpiKey: 'remarks', kind: 'text' };

const activity = (id: string, groupKey: string, extra: Partial<RollupActivity> = {}): RollupActivity => ({
  id,
  title: id,
  planId: null,
  cancelled: false,
  groupKey,
  kpis: [count, rating, remarks],
  ...extra,
});

const values: Record<string, Record<string, number | null>> = {
  a: { meetings: 4, satisfaction: 4 },
  b: { meetings: 6, satisfaction: null },
  c: { meetings: 1, satisfaction: 2 },
};
const targets: Record<string, Record<string, number>> = {
  a: { meetings: 5 },
  b: { meetings: 5 },
  c: { meetings: 9 },
};

function run(
  activities: RollupActivity[],
  planTargets: Parameters<typeof rollupKpis>[0]['planTargets'] = [],
) {
  return rollupKpis({
    activities,
    valuesOf: (id) =>
      new Map(
        Object.entries(values[id] ?? {}).flatMap(([key, value]) =>
          value === null ? [] : [[key, value] as const],
        ),
      ),
    textsOf: (id, kpi) =>
      kpi.kpiKey === 'remarks'
        ? [{ activityId: id, activityTitle: id, value: `note ${id}`, recordedOn: '2027-01-01' }]
        : [],
    targetsOf: (id) => new Map(Object.entries(targets[id] ?? {})),
    planTargets,
  });
}

describe('rollupKpis', () => {
  it('should sum counts, average ratings over the activities that have one, and list texts', () => {
    const [group] = run([activity('a', 'g'), activity('b', 'g')]);
    expect(group?.activities).toBe(2);
    expect(group?.kpis).toEqual([
      { ...count, actual: 10, target: 10, texts: [] },
      { ...rating, actual: 4, target: null, texts: [] },
      {
        ...remarks,
        actual: null,
        target: null,
        texts: [
          { activityId: 'a', activityTitle: 'a', value: 'note a', recordedOn: '2027-01-01' },
          { activityId: 'b', activityTitle: 'b', value: 'note b', recordedOn: '2027-01-01' },
        ],
      },
    ]);
  });

  it('should keep groups apart', () => {
    const groups = run([activity('a', 'x'), activity('c', 'y')]);
    expect(groups.map((g) => [g.key, g.kpis[0]?.actual, g.kpis[1]?.actual])).toEqual([
      ['x', 4, 4],
      ['y', 1, 2],
    ]);
  });

  it('should not count the target of a cancelled activity, but its values', () => {
    const [group] = run([activity('a', 'g'), activity('c', 'g', { cancelled: true })]);
    expect(group?.kpis[0]).toMatchObject({ actual: 5, target: 5 });
  });

  it('should let a plan target replace its activities’ targets for the same KPI', () => {
    const [group] = run(
      [activity('a', 'g', { planId: 'p' }), activity('b', 'g', { planId: 'p' }), activity('c', 'g')],
      [{ planId: 'p', kpi: count, value: 30, groupKey: 'g' }],
    );
    expect(group?.kpis[0]).toMatchObject({ actual: 11, target: 39 });
  });

  it('should show a plan target in its group even without activities, and skip one of no group', () => {
    const groups = run(
      [],
      [
        { planId: 'p', kpi: count, value: 30, groupKey: 'g' },
        { planId: 'p', kpi: rating, value: 4, groupKey: undefined },
      ],
    );
    expect(groups).toEqual([
      { key: 'g', activities: 0, kpis: [{ ...count, actual: null, target: 30, texts: [] }] },
    ]);
  });
});

describe('rollupKpis with derived KPIs', () => {
  it('should count 0 for a derived KPI without a stored value, and nothing for an entered one', () => {
    const held: KpiRef = { instrumentId: null, kpiKey: 'held', kind: 'count', derived: true };
    const [group] = rollupKpis({
      activities: [
        { id: 'x', title: 'x', planId: null, cancelled: false, groupKey: 'g', kpis: [held, count] },
      ],
      valuesOf: () => undefined,
      textsOf: () => [],
      targetsOf: () => undefined,
      planTargets: [],
    });
    expect(group?.kpis.map((k) => k.actual)).toEqual([0, null]);
  });
});

/**
 * The roll-up as it was written first (one grouping, accumulators looked up per KPI of every
 * activity): the reference the one-pass roll-up of several groupings must agree with.
 */
function referenceRollup(input: Parameters<typeof rollupKpis>[0]): RolledGroup[] {
  type Acc = {
    ref: KpiRef;
    sum: number;
    values: number;
    targetSum: number;
    targets: number;
    texts: TextValue[];
  };
  const groups = new Map<string | null, { activities: number; kpis: Map<string, Acc> }>();
  const groupOf = (key: string | null) => {
    let group = groups.get(key);
    if (!group) {
      group = { activities: 0, kpis: new Map() };
      groups.set(key, group);
    }
    return group;
  };
  const accOf = (kpis: Map<string, Acc>, ref: KpiRef) => {
    let acc = kpis.get(kpiRefId(ref));
    if (!acc) {
      acc = { ref, sum: 0, values: 0, targetSum: 0, targets: 0, texts: [] };
      kpis.set(kpiRefId(ref), acc);
    }
    return acc;
  };
  const planTargeted = new Set(input.planTargets.map((t) => `${t.planId}|${kpiRefId(t.kpi)}`));
  for (const activity of input.activities) {
    const group = groupOf(activity.groupKey);
    group.activities += 1;
    const values = input.valuesOf(activity.id);
    const targets = activity.cancelled ? undefined : input.targetsOf(activity.id);
    for (const ref of activity.kpis) {
      const acc = accOf(group.kpis, ref);
      const actual = values?.get(ref.kpiKey) ?? (ref.derived ? 0 : undefined);
      if (actual !== undefined) {
        acc.sum += actual;
        acc.values += 1;
      }
      if (ref.kind === 'text') acc.texts.push(...input.textsOf(activity.id, ref));
      const target = targets?.get(ref.kpiKey);
      if (target !== undefined && !planTargeted.has(`${activity.planId}|${kpiRefId(ref)}`)) {
        acc.targetSum += target;
        acc.targets += 1;
      }
    }
  }
  for (const target of input.planTargets) {
    if (target.groupKey === undefined) continue;
    const acc = accOf(groupOf(target.groupKey).kpis, target.kpi);
    acc.targetSum += target.value;
    acc.targets += 1;
  }
  return [...groups].map(([key, group]) => ({
    key,
    activities: group.activities,
    kpis: [...group.kpis.values()].map((acc) => {
      const how = aggregationOf(acc.ref.kind);
      const combine = (sum: number, n: number) => (n === 0 ? null : how === 'sum' ? sum : sum / n);
      return {
        ...acc.ref,
        actual: how === 'list' ? null : combine(acc.sum, acc.values),
        target: how === 'list' ? null : combine(acc.targetSum, acc.targets),
        texts: acc.texts,
      };
    }),
  }));
}

describe('rollupGroupings', () => {
  it('should give for each grouping what the first roll-up gives for it alone', () => {
    const random = seededRandom(5);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const held: KpiRef = { instrumentId: null, kpiKey: 'held', kind: 'count', derived: true };
    // Activities of one instrument share one list of KPIs, as the service gives them.
    const lists = [[held, count, rating, remarks], [held, count], [held]];
    const activities = Array.from({ length: 60 }, (_, n) => ({
      id: `a${n}`,
      title: `A${n}`,
      planId: pick([null, 'p', 'q']),
      cancelled: random() < 0.2,
      kpis: pick(lists),
      colour: pick(['red', 'blue', null]),
      size: pick(['s', 'm', 'l']),
    }));
    const numbers = new Map(
      activities.map((a) => [
        a.id,
        new Map(
          [held, count, rating]
            .filter(() => random() < 0.7)
            .map((k) => [k.kpiKey, Math.floor(random() * 10)] as const),
        ),
      ]),
    );
    const goals = new Map(
      activities.map((a) => [a.id, new Map(random() < 0.5 ? [['meetings', 5]] : [['held', 1]])]),
    );
    const sources = {
      valuesOf: (id: string) => numbers.get(id),
      textsOf: (id: string) => [
        { activityId: id, activityTitle: id, value: `note ${id}`, recordedOn: '2027-01-01' },
      ],
      targetsOf: (id: string) => goals.get(id),
    };
    const byColour: PlanTarget[] = [
      { planId: 'p', kpi: count, value: 30, groupKey: 'red' },
      { planId: 'q', kpi: held, value: 3, groupKey: null },
    ];
    const groupings = [
      { groupKeyOf: (a: (typeof activities)[number]) => a.colour, planTargets: byColour },
      { groupKeyOf: (a: (typeof activities)[number]) => a.size, planTargets: [] },
      { groupKeyOf: () => 'all', planTargets: [{ planId: 'p', kpi: count, value: 7, groupKey: 'all' }] },
    ];
    const together = rollupGroupings({ ...sources, activities, groupings });
    expect(together).toHaveLength(3);
    for (const [index, grouping] of groupings.entries()) {
      const alone = referenceRollup({
        ...sources,
        activities: activities.map((a) => ({ ...a, groupKey: grouping.groupKeyOf(a) })),
        planTargets: grouping.planTargets,
      });
      expect(together[index]).toEqual(alone);
      expect(
        rollupKpis({
          ...sources,
          activities: activities.map((a) => ({ ...a, groupKey: grouping.groupKeyOf(a) })),
          planTargets: grouping.planTargets,
        }),
      ).toEqual(alone);
      expect(alone.length).toBeGreaterThan(0);
    }
  });
});

describe('progressOf', () => {
  it('should divide actual by target, and give null without both or for a target of 0', () => {
    expect(progressOf({ actual: 3, target: 4 })).toBe(0.75);
    expect(progressOf({ actual: 3, target: null })).toBeNull();
    expect(progressOf({ actual: null, target: 4 })).toBeNull();
    expect(progressOf({ actual: 3, target: 0 })).toBeNull();
  });
});
