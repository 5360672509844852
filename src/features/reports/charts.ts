import type { EChartsOption } from 'echarts';
import type { ReportBudget, ReportKpiGroup } from './report-data.ts';

/**
 * The report's charts as SVG, rendered on the server by ECharts (the same library the web app
 * draws with). The SVG names the family "Noto Sans"; the PDF draws its text in the report's
 * embedded fonts (svg-to-pdfkit's font callback in pdf.ts), so it embeds as text in any language.
 */

const FONT = 'Noto Sans';
const PLANNED_COLOUR = '#5b7db1';
const ACTUAL_COLOUR = '#e0a030';
const PROGRESS_COLOUR = '#3f8f5f';

export interface ChartSize {
  width: number;
  height: number;
}

export interface ChartSvg extends ChartSize {
  svg: string;
}

/** ECharts is large: loaded with the first chart, not when the server starts. */
async function renderSvg(option: EChartsOption, size: ChartSize): Promise<ChartSvg> {
  const echarts = await import('echarts');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return { svg: chart.renderToSVGString(), ...size };
  } finally {
    chart.dispose();
  }
}

/** "1.1.3 Study Visits" stays readable on an axis: long labels are cut. */
function shortLabel(label: string, max = 34): string {
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}

/** Mean KPI progress (actual / target) per instrument, as horizontal bars with the 100% line. */
export function kpiProgressChart(
  groups: ReportKpiGroup[],
  width: number,
  seriesName = 'Mean progress',
): Promise<ChartSvg> | null {
  const measured = groups.filter((group) => group.meanProgress !== null);
  if (measured.length === 0) return null;
  const height = Math.max(140, 60 + measured.length * 26);
  return renderSvg(
    {
      grid: { left: 8, right: 40, top: 24, bottom: 24, containLabel: true },
      xAxis: {
        type: 'value',
        min: 0,
        axisLabel: { formatter: '{value}%', fontFamily: FONT },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: measured.map((group) => shortLabel(group.label)),
        axisLabel: { fontFamily: FONT },
      },
      series: [
        {
          type: 'bar',
          name: seriesName,
          itemStyle: { color: PROGRESS_COLOUR },
          label: { show: true, position: 'right', formatter: '{c}%', fontFamily: FONT },
          data: measured.map((group) => Math.round((group.meanProgress ?? 0) * 100)),
          // The target line, explained under the chart (a label here would cover the axis).
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: '#888', type: 'dashed' },
            label: { show: false },
            data: [{ xAxis: 100 }],
          },
        },
      ],
    },
    { width, height },
  );
}

/** Planned vs actual EUR per funding source, as grouped bars. */
export function fundingSourceChart(
  budget: ReportBudget,
  width: number,
  names: { planned: string; actual: string } = { planned: 'Planned', actual: 'Actual' },
): Promise<ChartSvg> | null {
  if (budget.rows.length === 0) return null;
  return renderSvg(
    {
      legend: { top: 0, textStyle: { fontFamily: FONT } },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: budget.rows.map((row) => shortLabel(row.label, 22)),
        axisLabel: { interval: 0, fontFamily: FONT },
      },
      yAxis: { type: 'value', name: 'EUR', axisLabel: { fontFamily: FONT } },
      series: [
        {
          type: 'bar',
          name: names.planned,
          itemStyle: { color: PLANNED_COLOUR },
          data: budget.rows.map((row) => row.plannedEur),
        },
        {
          type: 'bar',
          name: names.actual,
          itemStyle: { color: ACTUAL_COLOUR },
          data: budget.rows.map((row) => row.actualEur),
        },
      ],
    },
    { width, height: 240 },
  );
}
