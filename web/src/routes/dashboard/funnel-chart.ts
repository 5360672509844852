/**
 * The pipeline funnel: one bar per stage of the relationships that reached it in the period, each
 * labelled with its count and the conversion from the stage before; the table gives the same per
 * stage and, per period (quarter), the counts. Pure.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { ChartTable } from '../../app/chart.tsx';

export interface FunnelStageFigure {
  stage: string;
  reached: number;
  conversion: number | null;
}

export interface FunnelFigures {
  stages: FunnelStageFigure[];
  periods: { period: string; stages: FunnelStageFigure[] }[];
}

export interface FunnelChartLabels {
  stage: (stage: string) => string;
  /** The bar's label: the count, and the conversion when there is one. */
  label: (reached: number, conversion: string | null) => string;
  percent: (share: number) => string;
  columns: { stage: string; reached: string; conversion: string };
}

/** Blue of the theme (shade 8: 4.5:1 and more against white). */
const BAR = '#1971c2';

export function funnelChart(
  funnel: FunnelFigures,
  labels: FunnelChartLabels,
): { option: EChartsCoreOption; table: ChartTable } {
  const conversionText = (s: FunnelStageFigure) =>
    s.conversion === null ? null : labels.percent(s.conversion);
  const option: EChartsCoreOption = {
    animation: false,
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: funnel.stages.map((s) => labels.stage(s.stage)),
      axisLabel: { interval: 0, width: 90, overflow: 'break' },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: labels.columns.reached,
        data: funnel.stages.map((s) => s.reached),
        itemStyle: { color: BAR },
        label: {
          show: true,
          position: 'top',
          color: '#212529',
          formatter: (params: { dataIndex: number }) => {
            const stage = funnel.stages[params.dataIndex];
            return stage ? labels.label(stage.reached, conversionText(stage)) : '';
          },
        },
      },
    ],
  };
  const table: ChartTable = {
    columns: [
      labels.columns.stage,
      labels.columns.reached,
      labels.columns.conversion,
      ...funnel.periods.map((p) => p.period),
    ],
    rows: funnel.stages.map((s, index) => [
      labels.stage(s.stage),
      s.reached,
      conversionText(s) ?? '—',
      ...funnel.periods.map((p) => p.stages[index]?.reached ?? 0),
    ]),
  };
  return { option, table };
}
