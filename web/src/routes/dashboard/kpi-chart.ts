/**
 * The KPI progress chart: one horizontal bar per KPI with a target, its length actual / target
 * (100% is the target, marked by a line), and the same figures as a table. Pure: KPIs in, chart
 * description out.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { ChartTable } from '../../app/chart.tsx';
import { formatKpiValue, type KpiFigure, kpiName } from './kpi-figures.ts';

export interface KpiChartLabels {
  target: string;
  columns: { kpi: string; target: string; actual: string; progress: string };
}

/** Indigo below target, teal at or past it (shade 8: 3:1 and more against white). */
const BELOW = '#3b5bdb';
const REACHED = '#099268';

/** Bar height plus gap per KPI, and the axis and margins around them (px). */
const ROW_PX = 34;
const FRAME_PX = 60;

/** Percent of the target reached, one decimal; 0 while there is no value yet. */
export function progressPercent(kpi: Pick<KpiFigure, 'actual' | 'target'>): number {
  if (kpi.actual === null || kpi.target === null || kpi.target === 0) return 0;
  return Math.round((kpi.actual / kpi.target) * 1000) / 10;
}

/** The chart's height for `count` KPIs, so every bar keeps a readable size. */
export function kpiChartHeight(count: number): number {
  return FRAME_PX + ROW_PX * Math.max(1, count);
}

export function kpiProgressChart(
  kpis: readonly KpiFigure[],
  withInstrument: boolean,
  labels: KpiChartLabels,
): { option: EChartsCoreOption; table: ChartTable } {
  const names = kpis.map((kpi) => kpiName(kpi, withInstrument));
  const percents = kpis.map(progressPercent);
  const valueText = (kpi: KpiFigure, value: number | null) =>
    value === null ? '—' : formatKpiValue(kpi.kind, value);
  const option: EChartsCoreOption = {
    animation: false,
    grid: { left: 8, right: 48, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params: { dataIndex: number }) => {
        const kpi = kpis[params.dataIndex];
        if (!kpi) return '';
        return `${names[params.dataIndex]}<br/>${valueText(kpi, kpi.actual)} / ${valueText(kpi, kpi.target)} (${percents[params.dataIndex]}%)`;
      },
    },
    // The first KPI on top, as in the table below.
    yAxis: {
      type: 'category',
      inverse: true,
      data: names,
      axisLabel: { width: 260, overflow: 'truncate' },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: (extent: { max: number }) => Math.max(100, Math.ceil(extent.max / 10) * 10),
      axisLabel: { formatter: '{value}%' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        data: percents.map((value) => ({
          value,
          itemStyle: { color: value >= 100 ? REACHED : BELOW },
        })),
        label: { show: true, position: 'right', formatter: '{c}%' },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: '#495057', type: 'dashed' },
          // The category axis runs top-down: the line's start is at the top.
          label: { formatter: labels.target, position: 'start' },
          data: [{ xAxis: 100 }],
        },
      },
    ],
  };
  const c = labels.columns;
  const table: ChartTable = {
    columns: [c.kpi, c.target, c.actual, c.progress],
    rows: kpis.map((kpi, index) => [
      names[index] ?? kpi.label,
      kpi.target ?? '',
      kpi.actual ?? '',
      percents[index] ?? 0,
    ]),
  };
  return { option, table };
}
