import { describe, expect, it } from 'vitest';
import { kpiChartHeight, kpiProgressChart, progressPercent } from './kpi-chart.ts';
import type { KpiFigure } from './kpi-figures.ts';

const kpi = (overrides: Partial<KpiFigure>): KpiFigure => ({
  instrumentId: 'i1',
  instrumentName: '1.1.3 Study Visits',
  kpiKey: 'visits',
  label: 'Visits',
  kind: 'count',
  unit: null,
  target: 10,
  actual: 4,
  progress: 0.4,
  ...overrides,
});

const labels = {
  target: 'Target',
  columns: { kpi: 'KPI', target: 'Target', actual: 'Actual', progress: 'Progress (%)' },
};

describe('the KPI progress chart', () => {
  it('draws each KPI at its percentage of the target, with the table beside it', () => {
    const { option, table } = kpiProgressChart(
      [
        kpi({}),
        kpi({
          kpiKey: 'costs',
          label: 'Costs',
          kind: 'money',
          target: 1000,
          actual: 1250.5,
          progress: 1.2505,
        }),
        kpi({
          kpiKey: 'rating',
          label: 'Satisfaction',
          kind: 'rating',
          target: 4,
          actual: null,
          progress: null,
        }),
      ],
      true,
      labels,
    );
    const chart = option as {
      yAxis: { data: string[] };
      series: { data: { value: number; itemStyle: { color: string } }[] }[];
    };
    expect(chart.yAxis.data).toEqual([
      'Visits · 1.1.3 Study Visits',
      'Costs · 1.1.3 Study Visits',
      'Satisfaction · 1.1.3 Study Visits',
    ]);
    expect(chart.series[0]?.data.map((d) => d.value)).toEqual([40, 125.1, 0]);
    // Reached targets stand out in another colour.
    const colours = chart.series[0]?.data.map((d) => d.itemStyle.color) ?? [];
    expect(colours[1]).not.toBe(colours[0]);
    expect(colours[2]).toBe(colours[0]);
    expect(table).toEqual({
      columns: ['KPI', 'Target', 'Actual', 'Progress (%)'],
      rows: [
        ['Visits · 1.1.3 Study Visits', 10, 4, 40],
        ['Costs · 1.1.3 Study Visits', 1000, 1250.5, 125.1],
        ['Satisfaction · 1.1.3 Study Visits', 4, '', 0],
      ],
    });
  });

  it('names KPIs without their instrument inside an instrument’s group', () => {
    const { table } = kpiProgressChart([kpi({})], false, labels);
    expect(table.rows[0]?.[0]).toBe('Visits');
  });

  it('is 0% without a value or a target', () => {
    expect(progressPercent({ actual: null, target: 5 })).toBe(0);
    expect(progressPercent({ actual: 3, target: 0 })).toBe(0);
    expect(progressPercent({ actual: 1, target: 3 })).toBe(33.3);
  });

  it('grows with the number of KPIs', () => {
    expect(kpiChartHeight(10)).toBeGreaterThan(kpiChartHeight(2));
    expect(kpiChartHeight(0)).toBe(kpiChartHeight(1));
  });
});
