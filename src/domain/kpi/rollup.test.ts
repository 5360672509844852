import { describe, expect, it } from 'vitest';
import { type KpiRef, progressOf, type RollupActivity, rollupKpis } from './rollup.ts';

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

describe('progressOf', () => {
  it('should divide actual by target, and give null without both or for a target of 0', () => {
    expect(progressOf({ actual: 3, target: 4 })).toBe(0.75);
    expect(progressOf({ actual: 3, target: null })).toBeNull();
    expect(progressOf({ actual: null, target: 4 })).toBeNull();
    expect(progressOf({ actual: 3, target: 0 })).toBeNull();
  });
});
