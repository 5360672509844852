import { describe, expect, it } from 'vitest';
import { dayMs, type TimelineActivity, timelineChart, timelineRows } from './timeline.ts';

const activity = (id: string, phase: TimelineActivity['phase'], startsOn: string, endsOn = startsOn) => ({
  id,
  title: id,
  instrumentName: `instrument of ${id}`,
  phase,
  startsOn,
  endsOn,
  status: id === 'cancelled' ? 'cancelled' : 'planned',
});

const labels = {
  phase: { preparatory: 'Preparatory', leads: 'Leads', sustain: 'Sustain' },
  status: (s: string) => s.toUpperCase(),
  columns: {
    activity: 'Activity',
    phase: 'Phase',
    instrument: 'Instrument',
    starts: 'Starts',
    ends: 'Ends',
    status: 'Status',
  },
};

describe('timelineRows', () => {
  it('orders by D4.2 phase, then start date', () => {
    const rows = timelineRows([
      activity('mentoring', 'sustain', '2027-01-01'),
      activity('fair', 'leads', '2027-03-01'),
      activity('training', 'preparatory', '2027-05-01'),
      activity('b2b', 'leads', '2027-02-01'),
    ]);
    expect(rows.map((r) => r.id)).toEqual(['training', 'b2b', 'fair', 'mentoring']);
  });
});

const period = { startsOn: '2027-01-01', endsOn: '2027-12-31' };

describe('timelineChart', () => {
  it('draws one bar per activity from its first day to the end of its last day', () => {
    const { option, table } = timelineChart(
      [
        activity('fair', 'leads', '2027-03-01', '2027-03-03'),
        activity('cancelled', 'preparatory', '2027-01-10'),
      ],
      { startsOn: '2027-01-01', endsOn: '2027-12-31' },
      labels,
    );
    const series = (
      option.series as { data: { value: number[]; itemStyle: { color: string; opacity: number } }[] }[]
    )[0];
    expect(series?.data.map((d) => d.value)).toEqual([
      [0, dayMs('2027-01-10'), dayMs('2027-01-11')],
      [1, dayMs('2027-03-01'), dayMs('2027-03-04')],
    ]);
    expect(series?.data[0]?.itemStyle).toEqual({ color: '#0b7285', opacity: 0.35 });
    expect(series?.data[1]?.itemStyle).toEqual({ color: '#3b5bdb', opacity: 1 });
    expect(option.xAxis).toMatchObject({ min: dayMs('2027-01-01'), max: dayMs('2028-01-01') });
    expect(table.rows).toEqual([
      ['cancelled', 'Preparatory', 'instrument of cancelled', '2027-01-10', '2027-01-10', 'CANCELLED'],
      ['fair', 'Leads', 'instrument of fair', '2027-03-01', '2027-03-03', 'PLANNED'],
    ]);
  });

  it('wraps long titles beside the bars instead of cutting them off', () => {
    const { option } = timelineChart([activity('fair', 'leads', '2027-03-01')], period, labels);
    expect(option.yAxis).toMatchObject({ axisLabel: { width: 220, overflow: 'break' } });
  });

  it('puts each title above its bar on a phone, so the bars get the whole width', () => {
    const wide = timelineChart([activity('fair', 'leads', '2027-03-01')], period, labels);
    const { option, height } = timelineChart(
      [activity('fair', 'leads', '2027-03-01', '2027-03-31')],
      period,
      labels,
      {
        compact: true,
      },
    );
    expect(option.yAxis).toMatchObject({ axisLabel: { show: false } });
    expect(option.grid).toMatchObject({ left: 8, containLabel: false });
    expect(height).toBeGreaterThanOrEqual(wide.height);
    // The row drawn in a grid 300 px wide, one pixel a day from the period's start.
    const series = (option.series as { renderItem: (params: unknown, api: unknown) => unknown }[])[0];
    const start = dayMs(period.startsOn);
    const values = [0, dayMs('2027-03-01'), dayMs('2027-04-01')];
    const drawn = series?.renderItem(
      { coordSys: { x: 10, y: 0, width: 300, height: 50 } },
      {
        value: (dimension: number) => values[dimension],
        coord: ([time, row]: [number, number]) => [10 + (time - start) / 86_400_000, 25 + row * 50],
        size: () => [0, 50],
        style: () => ({ fill: '#3b5bdb' }),
      },
    ) as {
      type: string;
      children: {
        type: string;
        style?: { text?: string };
        shape?: { x: number; y: number; width: number };
      }[];
    };
    expect(drawn.type).toBe('group');
    expect(drawn.children.map((c) => c.type)).toEqual(['text', 'rect']);
    expect(drawn.children[0]?.style?.text).toBe('fair');
    expect(drawn.children[1]?.shape).toMatchObject({ x: 10 + 59, width: 31 });
    // The bar lies under the title's line, inside the row.
    expect(drawn.children[1]?.shape?.y).toBeGreaterThan(15);
    expect(drawn.children[1]?.shape?.y).toBeLessThan(50);
  });
});
