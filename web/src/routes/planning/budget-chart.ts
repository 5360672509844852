/**
 * The activity budget's chart: planned vs actual by funding source as a grouped bar chart and the
 * same figures as a table. Pure: sums in, chart description out.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { FundingSource } from '../../api/types.ts';
import type { ChartTable } from '../../app/chart.tsx';

export interface FundingSourceSums {
  fundingSource: FundingSource;
  plannedEur: number;
  actualEur: number;
}

export interface BudgetChartLabels {
  fundingSource: (source: FundingSource) => string;
  planned: string;
  actual: string;
  columns: { fundingSource: string; planned: string; actual: string };
  money: (amount: number) => string;
}

/** Planned in the theme's indigo, actual in teal (shade 8: readable on white). */
const PLANNED = '#3b5bdb';
const ACTUAL = '#099268';

/** A grouped bar per funding source (those with no money at all are left out), in the order given. */
export function fundingSourceChart(
  sums: readonly FundingSourceSums[],
  labels: BudgetChartLabels,
): { option: EChartsCoreOption; table: ChartTable } {
  const rows = sums.filter((s) => s.plannedEur !== 0 || s.actualEur !== 0);
  const names = rows.map((s) => labels.fundingSource(s.fundingSource));
  const option: EChartsCoreOption = {
    animation: false,
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, data: [labels.planned, labels.actual] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value: number) => labels.money(value),
    },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, width: 120, overflow: 'break' } },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => labels.money(value) } },
    series: [
      {
        name: labels.planned,
        type: 'bar',
        data: rows.map((s) => s.plannedEur),
        itemStyle: { color: PLANNED },
      },
      { name: labels.actual, type: 'bar', data: rows.map((s) => s.actualEur), itemStyle: { color: ACTUAL } },
    ],
  };
  const c = labels.columns;
  const table: ChartTable = {
    columns: [c.fundingSource, c.planned, c.actual],
    rows: rows.map((s, index) => [names[index] ?? s.fundingSource, s.plannedEur, s.actualEur]),
  };
  return { option, table };
}
