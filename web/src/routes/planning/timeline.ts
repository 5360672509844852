/**
 * The plan timeline (a Gantt chart of activities by phase) as an ECharts option and the same rows
 * as a table. Pure: activities in, chart description out; the page only renders it.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { ChartTable } from '../../app/chart.tsx';

export const PHASE_ORDER = ['preparatory', 'leads', 'sustain'] as const;
export type TimelinePhase = (typeof PHASE_ORDER)[number];

/** Phase colours at shade 8 of the theme (ocean, indigo, grape): 4.5:1 against white text. */
export const PHASE_HEX: Record<TimelinePhase, string> = {
  preparatory: '#0b7285',
  leads: '#3b5bdb',
  sustain: '#9c36b5',
};

export interface TimelineActivity {
  id: string;
  title: string;
  instrumentName: string;
  phase: TimelinePhase;
  startsOn: string;
  endsOn: string;
  status: string;
}

export interface TimelineLabels {
  phase: Record<TimelinePhase, string>;
  status: (status: string) => string;
  columns: {
    activity: string;
    phase: string;
    instrument: string;
    starts: string;
    ends: string;
    status: string;
  };
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` → UTC midnight in ms. */
export function dayMs(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`);
}

/** Activities in timeline order: D4.2 phase first, then start date, then title. */
export function timelineRows<T extends TimelineActivity>(activities: readonly T[]): T[] {
  return [...activities].sort(
    (a, b) =>
      PHASE_ORDER.indexOf(a.phase) - PHASE_ORDER.indexOf(b.phase) ||
      a.startsOn.localeCompare(b.startsOn) ||
      a.title.localeCompare(b.title),
  );
}

/**
 * The Gantt chart: one row per activity (grouped by phase, top to bottom), a bar from its first
 * to the end of its last day, coloured by phase; cancelled activities are drawn faded. The x axis
 * spans the plan's period.
 */
export function timelineChart(
  activities: readonly TimelineActivity[],
  period: { startsOn: string; endsOn: string },
  labels: TimelineLabels,
): { option: EChartsCoreOption; table: ChartTable; height: number } {
  const rows = timelineRows(activities);
  const data = rows.map((activity, index) => ({
    name: activity.title,
    value: [index, dayMs(activity.startsOn), dayMs(activity.endsOn) + DAY_MS],
    itemStyle: {
      color: PHASE_HEX[activity.phase],
      opacity: activity.status === 'cancelled' ? 0.35 : 1,
    },
    activity,
  }));
  const option: EChartsCoreOption = {
    animation: false,
    grid: { left: 8, right: 24, top: 8, bottom: 48, containLabel: true },
    tooltip: {
      formatter: (params: { data: { activity: TimelineActivity } }) => {
        const a = params.data.activity;
        return `${escapeHtml(a.title)}<br/>${escapeHtml(a.instrumentName)} · ${labels.phase[a.phase]}<br/>${a.startsOn} → ${a.endsOn} · ${escapeHtml(labels.status(a.status))}`;
      },
    },
    xAxis: {
      type: 'time',
      min: dayMs(period.startsOn),
      max: dayMs(period.endsOn) + DAY_MS,
      axisLabel: { hideOverlap: true },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((a) => a.title),
      axisLabel: { width: 220, overflow: 'truncate' },
    },
    dataZoom: [{ type: 'slider', xAxisIndex: 0, height: 16, bottom: 8, filterMode: 'weakFilter' }],
    series: [
      {
        type: 'custom',
        renderItem: renderBar,
        encode: { x: [1, 2], y: 0 },
        data,
      },
    ],
  };
  const c = labels.columns;
  const table: ChartTable = {
    columns: [c.activity, c.phase, c.instrument, c.starts, c.ends, c.status],
    rows: rows.map((a) => [
      a.title,
      labels.phase[a.phase],
      a.instrumentName,
      a.startsOn,
      a.endsOn,
      labels.status(a.status),
    ]),
  };
  return { option, table, height: Math.max(160, 72 + rows.length * 28) };
}

interface RenderApi {
  value(dimension: number): number;
  coord(point: [number, number]): [number, number];
  size(dataSize: [number, number]): [number, number];
  style(): Record<string, unknown>;
}
interface RenderParams {
  coordSys: { x: number; y: number; width: number; height: number };
}

/** One bar, clipped to the grid so zooming never draws over the axis labels. */
function renderBar(params: RenderParams, api: RenderApi) {
  const row = api.value(0);
  const [x0, y] = api.coord([api.value(1), row]);
  const [x1] = api.coord([api.value(2), row]);
  const height = api.size([0, 1])[1] * 0.6;
  const box = params.coordSys;
  const left = Math.max(x0, box.x);
  const right = Math.min(Math.max(x1, x0 + 3), box.x + box.width);
  if (right <= left) return null;
  return {
    type: 'rect',
    shape: { x: left, y: y - height / 2, width: right - left, height },
    style: api.style(),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
