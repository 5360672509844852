import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activitiesOn,
  addDays,
  agendaGroups,
  type CalendarActivity,
  daysBetween,
  durationDays,
  earlierDay,
  isDay,
  isMonth,
  isOngoing,
  laterDay,
  monthDays,
  monthOfWeek,
  monthRange,
  shiftMonth,
  splitOngoing,
  weekRange,
  weekRows,
} from './calendar.ts';

const a = (id: string, startsOn: string, endsOn: string): CalendarActivity => ({
  id,
  title: id,
  startsOn,
  endsOn,
});

describe('monthRange', () => {
  it('starts on the Monday before the 1st and ends on the Sunday after the last day', () => {
    // 1 Nov 2026 is a Sunday; 30 Nov 2026 a Monday.
    expect(monthRange('2026-11')).toEqual({ from: '2026-10-26', to: '2026-12-06' });
  });

  it('starts on the 1st when the 1st is a Monday', () => {
    // 1 Feb 2027 is a Monday, 28 Feb 2027 a Sunday: exactly four weeks.
    expect(monthRange('2027-02')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });

  it('knows the month’s own days, leap years included', () => {
    expect(monthDays('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthDays('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});

describe('the ongoing lane', () => {
  it('takes activities of more than three weeks, once, and leaves shorter ones as bars', () => {
    expect(durationDays(a('x', '2027-01-10', '2027-01-10'))).toBe(1);
    expect(isOngoing(a('x', '2027-01-01', '2027-01-21'))).toBe(false); // 21 days
    expect(isOngoing(a('x', '2027-01-01', '2027-01-22'))).toBe(true); // 22 days
    const { ongoing, dated } = splitOngoing(
      [
        a('newsletter', '2026-11-26', '2027-11-25'),
        a('visit', '2027-01-10', '2027-01-14'),
        a('mentoring', '2027-01-01', '2027-12-31'),
        a('last year', '2025-01-01', '2025-12-31'),
      ],
      monthDays('2027-01'),
    );
    expect(ongoing.map((x) => x.id)).toEqual(['newsletter', 'mentoring']);
    expect(dated.map((x) => x.id)).toEqual(['visit']);
  });
});

describe('weekRows', () => {
  // January 2027 of the demo: nine year-long activities and three short ones (issue 18, item 3).
  const longOnes = Array.from({ length: 9 }, (_, i) => a(`long-${i}`, '2027-01-01', '2027-12-31'));
  const january = [
    ...longOnes,
    a('bogota', '2027-01-10', '2027-01-14'), // Sunday to Thursday: two week rows
    a('fair', '2027-01-17', '2027-01-20'), // Sunday to Wednesday: two rows too
    a('b2b', '2027-01-27', '2027-01-28'),
  ];
  const rows = weekRows(monthRange('2027-01'), january, { maxLanes: 3, inside: monthDays('2027-01') });

  it('leaves the long activities out of the grid and keeps each short one', () => {
    expect(rows).toHaveLength(5);
    const ids = rows.flatMap((r) => r.segments.map((s) => s.activity.id));
    expect(ids.filter((id) => id.startsWith('long-'))).toEqual([]);
    expect(ids.sort()).toEqual(['b2b', 'bogota', 'bogota', 'fair', 'fair']);
  });

  it('cuts a bar at the week’s end and marks its start and continuation', () => {
    const bogota = rows.flatMap((r, week) =>
      r.segments.filter((s) => s.activity.id === 'bogota').map((s) => ({ week, ...s })),
    );
    expect(bogota.map(({ activity: _, ...s }) => s)).toEqual([
      { week: 1, column: 6, span: 1, lane: 0, continuesBefore: false, continuesAfter: true },
      { week: 2, column: 0, span: 4, lane: 0, continuesBefore: true, continuesAfter: false },
    ]);
  });

  it('dims the days of the neighbouring months', () => {
    expect(rows[0]?.days.map((d) => [d.date, d.inMonth])).toEqual([
      ['2026-12-28', false],
      ['2026-12-29', false],
      ['2026-12-30', false],
      ['2026-12-31', false],
      ['2027-01-01', true],
      ['2027-01-02', true],
      ['2027-01-03', true],
    ]);
  });

  it('stacks overlapping bars in lanes and reuses a lane once it is free', () => {
    const [row] = weekRows(
      weekRange('2027-02-01'),
      [
        a('mon-wed', '2027-02-01', '2027-02-03'),
        a('tue', '2027-02-02', '2027-02-02'),
        a('thu-sat', '2027-02-04', '2027-02-06'),
        a('wed-thu', '2027-02-03', '2027-02-04'),
      ],
      { maxLanes: 5, inside: weekRange('2027-02-01') },
    );
    const lanes = Object.fromEntries(row?.segments.map((s) => [s.activity.id, s.lane]) ?? []);
    expect(lanes).toEqual({ 'mon-wed': 0, tue: 1, 'wed-thu': 1, 'thu-sat': 0 });
    expect(row?.laneCount).toBe(2);
  });

  it('hides the bars past the last lane and counts them per day for "+N more"', () => {
    const [row] = weekRows(
      weekRange('2027-02-01'),
      [
        a('one', '2027-02-01', '2027-02-03'),
        a('two', '2027-02-01', '2027-02-01'),
        a('three', '2027-02-01', '2027-02-02'),
        a('four', '2027-02-01', '2027-02-01'),
      ],
      { maxLanes: 2, inside: weekRange('2027-02-01') },
    );
    if (!row) throw new Error('no row');
    expect(row.visible.map((s) => s.activity.id)).toEqual(['one', 'three']);
    expect(row.hiddenPerDay).toEqual([2, 0, 0, 0, 0, 0, 0]);
    expect(row.laneCount).toBe(2);
    // The day's popover lists every bar of the day, the hidden ones too.
    expect(activitiesOn(row, '2027-02-01').map((x) => x.id)).toEqual(['one', 'three', 'four', 'two']);
    expect(activitiesOn(row, '2027-02-02').map((x) => x.id)).toEqual(['one', 'three']);
  });

  it('never puts two bars on one day in one lane, and covers every day of every activity once', () => {
    const day = fc.integer({ min: 0, max: 60 }).map((n) => addDays('2027-01-01', n));
    const activity = fc
      .tuple(day, fc.integer({ min: 0, max: 30 }), fc.string({ maxLength: 3 }))
      .map(([start, length, title]) => ({ start, length, title }));
    fc.assert(
      fc.property(
        fc.array(activity, { maxLength: 25 }),
        fc.integer({ min: 1, max: 6 }),
        (specs, maxLanes) => {
          const activities = specs.map((s, i) => ({
            id: `a${i}`,
            title: s.title,
            startsOn: s.start,
            endsOn: addDays(s.start, s.length),
          }));
          const range = monthRange('2027-02');
          const grid = weekRows(range, activities, { maxLanes, inside: monthDays('2027-02') });
          for (const row of grid) {
            const taken = new Set<string>();
            for (const s of row.segments) {
              for (let c = s.column; c < s.column + s.span; c++) {
                const key = `${s.lane}:${c}`;
                expect(taken.has(key)).toBe(false);
                taken.add(key);
              }
            }
            // Each day: its bars shown plus its "+N more" are all the activities on it.
            row.days.forEach((d, column) => {
              const shown = row.visible.filter((s) => s.column <= column && column < s.column + s.span);
              expect(shown.length + (row.hiddenPerDay[column] ?? 0)).toBe(activitiesOn(row, d.date).length);
            });
          }
          for (const x of activities) {
            const inGrid = Math.max(
              0,
              daysBetween(laterDay(x.startsOn, range.from), earlierDay(x.endsOn, range.to)) + 1,
            );
            const drawn = grid
              .flatMap((r) => r.segments)
              .filter((s) => s.activity.id === x.id)
              .reduce((sum, s) => sum + s.span, 0);
            expect(drawn).toBe(isOngoing(x) ? 0 : inGrid);
          }
        },
      ),
    );
  });
});

describe('agendaGroups', () => {
  it('lists each activity once, under its first day or the period’s first day if it began before', () => {
    const groups = agendaGroups(
      [
        a('newsletter', '2026-11-26', '2027-11-25'),
        a('b2b', '2027-01-27', '2027-01-28'),
        a('bogota', '2027-01-10', '2027-01-14'),
        a('carried over', '2026-12-30', '2027-01-02'),
        a('training', '2027-01-10', '2027-01-10'),
        a('february', '2027-02-01', '2027-02-02'),
      ],
      monthDays('2027-01'),
    );
    expect(groups.map((g) => [g.date, g.entries.map((e) => [e.activity.id, e.continuing])])).toEqual([
      ['2027-01-01', [['carried over', true]]],
      [
        '2027-01-10',
        [
          ['bogota', false],
          ['training', false],
        ],
      ],
      ['2027-01-27', [['b2b', false]]],
    ]);
  });
});

describe('dates', () => {
  it('moves months across year ends', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-05', -17)).toBe('2024-12');
  });

  it('finds a day’s week (Monday first) and a week’s month by its Thursday', () => {
    expect(weekRange('2027-01-10')).toEqual({ from: '2027-01-04', to: '2027-01-10' });
    expect(weekRange('2027-01-11')).toEqual({ from: '2027-01-11', to: '2027-01-17' });
    expect(monthOfWeek('2026-12-28')).toBe('2026-12'); // Thursday 31 Dec
    expect(monthOfWeek('2027-03-29')).toBe('2027-04'); // Thursday 1 Apr
  });

  it('accepts only YYYY-MM months and real YYYY-MM-DD days', () => {
    expect(isMonth('2026-11')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-1')).toBe(false);
    expect(isMonth(202611)).toBe(false);
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2027-02-29')).toBe(false);
    expect(isDay('2027-1-05')).toBe(false);
    expect(isDay(undefined)).toBe(false);
  });
});
