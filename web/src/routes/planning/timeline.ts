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

export interface TimelineLayout {
  /**
   * A phone's layout: each activity's title on its own line above its bar, so the bars get the
   * whole width instead of what a column of titles leaves them.
   */
  compact?: boolean;
}

/** Height of a row: a title of up to two lines beside the bar, or above it when compact. */
const ROW_HEIGHT = { wide: 34, compact: 50 };
const LINE_HEIGHT = 15;

/**
 * The Gantt chart: one row per activity (grouped by phase, top to bottom), a bar from its first
 * to the end of its last day, coloured by phase; cancelled activities are drawn faded. The x axis
 * spans the plan's period. Titles wrap (two lines at most) rather than being cut off.
 */
export function timelineChart(
  activities: readonly TimelineActivity[],
  period: { startsOn: string; endsOn: string },
  labels: TimelineLabels,
  { compact = false }: TimelineLayout = {},
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
    grid: compact
      ? { left: 8, right: 8, top: 4, bottom: 48, containLabel: false }
      : { left: 8, right: 24, top: 8, bottom: 48, containLabel: true },
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
      axisLabel: compact
        ? { show: false }
        : {
            width: 220,
            height: 2 * LINE_HEIGHT,
            overflow: 'break',
            lineOverflow: 'truncate',
            lineHeight: LINE_HEIGHT,
          },
      axisTick: { show: !compact },
      // On a phone a thin line between rows tells which bar goes with which title.
      splitLine: { show: compact, lineStyle: { color: '#e9ecef' } },
    },
    dataZoom: [{ type: 'slider', xAxisIndex: 0, height: 16, bottom: 8, filterMode: 'weakFilter' }],
    series: [
      {
        type: 'custom',
        renderItem: compact ? titledBar(rows.map((a) => a.title)) : renderBar,
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
  const rowHeight = compact ? ROW_HEIGHT.compact : ROW_HEIGHT.wide;
  return { option, table, height: Math.max(160, 64 + rows.length * rowHeight) };
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

/** The bar's left and right ends, clipped to the grid so zooming never draws over the axis labels. */
function barEnds(params: RenderParams, api: RenderApi, row: number): [number, number] | null {
  const [x0] = api.coord([api.value(1), row]);
  const [x1] = api.coord([api.value(2), row]);
  const box = params.coordSys;
  const left = Math.max(x0, box.x);
  const right = Math.min(Math.max(x1, x0 + 3), box.x + box.width);
  return right > left ? [left, right] : null;
}

/** One bar, in the middle of its row. */
function renderBar(params: RenderParams, api: RenderApi) {
  const row = api.value(0);
  const [, y] = api.coord([api.value(1), row]);
  const height = Math.min(18, api.size([0, 1])[1] * 0.6);
  const ends = barEnds(params, api, row);
  if (!ends) return null;
  return {
    type: 'rect',
    shape: { x: ends[0], y: y - height / 2, width: ends[1] - ends[0], height },
    style: api.style(),
  };
}

/** The phone's rows: each activity's title across the grid, its bar below it. */
const titledBar = (titles: readonly string[]) => (params: RenderParams, api: RenderApi) => {
  const row = api.value(0);
  const [, y] = api.coord([api.value(1), row]);
  const band = api.size([0, 1])[1];
  const top = y - band / 2;
  const box = params.coordSys;
  const barHeight = 10;
  const ends = barEnds(params, api, row);
  const text = titles[row] ?? '';
  // The bar sits right under its title: one line, or two for a long one (about 6.6 px a letter).
  const lines = Math.min(2, Math.max(1, Math.ceil((text.length * 6.6) / box.width)));
  const title = {
    type: 'text',
    style: {
      text,
      x: box.x,
      y: top + 3,
      width: box.width,
      height: 2 * LINE_HEIGHT,
      overflow: 'break',
      lineOverflow: 'truncate',
      lineHeight: LINE_HEIGHT,
      fontSize: 12,
      fill: '#212529',
      verticalAlign: 'top',
    },
  };
  if (!ends) return { type: 'group', children: [title] };
  const bar = {
    type: 'rect',
    shape: { x: ends[0], y: top + 5 + lines * LINE_HEIGHT, width: ends[1] - ends[0], height: barHeight },
    style: api.style(),
  };
  return { type: 'group', children: [title, bar] };
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
