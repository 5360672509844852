import { describe, expect, it } from 'vitest';
import { burnChart, FUNDING_SOURCE_HEX, niceCeiling } from './burn-chart.ts';

const labels = {
  month: (month: string) => `M${month.slice(5)}`,
  planned: (source: string) => `${source} planned`,
  columns: { month: 'Month' },
  plannedRow: 'Planned total',
  money: (n: number) => `€${n}`,
};

const burn = {
  months: ['2026-01', '2026-02', '2026-03'],
  series: [
    {
      fundingSource: 'eu_programme' as const,
      label: 'EU programme',
      plannedEur: 8100,
      actualEur: [0, 200, 200],
      cumulativeEur: [0, 200, 400],
    },
    {
      fundingSource: 'member_self_funding' as const,
      label: 'Member self-funding',
      plannedEur: 0,
      actualEur: [320.5, 0, 0],
      cumulativeEur: [320.5, 320.5, 320.5],
    },
  ],
};

describe('the budget burn chart', () => {
  it('draws the cumulative spending per funding source in its own colour', () => {
    const { option } = burnChart(burn, labels);
    const chart = option as {
      xAxis: { data: string[] };
      series: {
        name: string;
        data: number[];
        itemStyle: { color: string };
        markLine?: { data: unknown[] };
      }[];
    };
    expect(chart.xAxis.data).toEqual(['M01', 'M02', 'M03']);
    expect(chart.series.map((s) => [s.name, s.data, s.itemStyle.color])).toEqual([
      ['EU programme', [0, 200, 400], FUNDING_SOURCE_HEX.eu_programme],
      ['Member self-funding', [320.5, 320.5, 320.5], FUNDING_SOURCE_HEX.member_self_funding],
    ]);
  });

  it('marks a planned total as a reference line, and none where nothing was planned', () => {
    const { option } = burnChart(burn, labels);
    const series = (option as { series: { markLine?: { data: unknown[] } }[] }).series;
    expect(series[0]?.markLine?.data).toEqual([{ yAxis: 8100 }]);
    expect(series[1]?.markLine).toBeUndefined();
  });

  it('tables a row per month and the planned totals last', () => {
    expect(burnChart(burn, labels).table).toEqual({
      columns: ['Month', 'EU programme', 'Member self-funding'],
      rows: [
        ['M01', 0, 320.5],
        ['M02', 200, 320.5],
        ['M03', 400, 320.5],
        ['Planned total', 8100, 0],
      ],
    });
  });
});

describe('niceCeiling', () => {
  it('rounds an axis end up to a round multiple of a power of ten', () => {
    expect([
      niceCeiling(8100),
      niceCeiling(1234),
      niceCeiling(400),
      niceCeiling(1000),
      niceCeiling(0),
    ]).toEqual([10_000, 1500, 400, 1000, 1]);
  });

  it('lets the axis reach the highest planned total', () => {
    const { option } = burnChart(burn, labels);
    const max = (option as { yAxis: { max: (extent: { max: number }) => number } }).yAxis.max;
    expect(max({ max: 400 })).toBe(10_000);
  });
});
