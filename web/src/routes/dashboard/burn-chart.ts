/**
 * The budget burn chart: one line per funding source of the money spent on the period's activities,
 * month by month as paid (cumulative), each with its planned total as a dashed line of the same colour, and the
 * same figures as a table (one row per month, the planned totals as the last row). Pure.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { FundingSource } from '../../api/types.ts';
import type { ChartTable } from '../../app/chart.tsx';

export interface BurnSeries {
  fundingSource: FundingSource;
  label: string;
  plannedEur: number;
  actualEur: number[];
  cumulativeEur: number[];
}

export interface BurnFigures {
  months: string[];
  series: BurnSeries[];
}

export interface BurnChartLabels {
  month: (month: string) => string;
  planned: (source: string) => string;
  columns: { month: string };
  plannedRow: string;
  money: (amount: number) => string;
}

/**
 * A colour per funding source (shade 8–9 of the theme's palettes: 3:1 and more against white),
 * fixed so a source keeps its colour whatever else is drawn.
 */
export const FUNDING_SOURCE_HEX: Record<FundingSource, string> = {
  eu_programme: '#3b5bdb',
  cluster: '#099268',
  member_self_funding: '#9c36b5',
  national_regional: '#d9480f',
  subscriptions: '#0b7285',
  external_other: '#495057',
};

export function burnChart(
  burn: BurnFigures,
  labels: BurnChartLabels,
): { option: EChartsCoreOption; table: ChartTable } {
  const plannedMax = Math.max(0, ...burn.series.map((s) => s.plannedEur));
  const option: EChartsCoreOption = {
    animation: false,
    grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll', data: burn.series.map((s) => s.label) },
    tooltip: { trigger: 'axis', valueFormatter: (value: number) => labels.money(value) },
    xAxis: { type: 'category', boundaryGap: false, data: burn.months.map(labels.month) },
    yAxis: {
      type: 'value',
      // Room for the planned totals' lines, which ECharts leaves out of the axis range.
      max: (extent: { max: number }) => niceCeiling(Math.max(extent.max, plannedMax)),
      axisLabel: { formatter: (value: number) => labels.money(value) },
    },
    series: burn.series.map((s) => {
      const colour = FUNDING_SOURCE_HEX[s.fundingSource];
      return {
        name: s.label,
        type: 'line',
        data: s.cumulativeEur,
        symbolSize: 6,
        itemStyle: { color: colour },
        lineStyle: { color: colour, width: 2 },
        // The planned total as a reference: how far the spending is from it.
        ...(s.plannedEur > 0
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { color: colour, type: 'dashed', width: 1 },
                label: { formatter: labels.planned(s.label), position: 'insideEndTop', color: colour },
                data: [{ yAxis: s.plannedEur }],
              },
            }
          : {}),
      };
    }),
  };
  const table: ChartTable = {
    columns: [labels.columns.month, ...burn.series.map((s) => s.label)],
    rows: [
      ...burn.months.map((month, index) => [
        labels.month(month),
        ...burn.series.map((s) => s.cumulativeEur[index] ?? 0),
      ]),
      [labels.plannedRow, ...burn.series.map((s) => s.plannedEur)],
    ],
  };
  return { option, table };
}

/**
 * A round axis end at or above `value`: 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten
 * (`1,234` → `1,500`).
 *
 * @example niceCeiling(8100) // 10000
 */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}
