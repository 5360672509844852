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
});
