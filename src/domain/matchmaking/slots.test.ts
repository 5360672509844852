import { describe, expect, it } from 'vitest';
import { eventSlots, sessionProblems, wallClockToUtc } from './slots.ts';

const session = (over: Partial<Parameters<typeof eventSlots>[0][number]> = {}) => ({
  id: 's1',
  name: 'Morning',
  day: '2027-03-10',
  startTime: '09:00',
  endTime: '10:00',
  breaks: [],
  ...over,
});

describe('event slots', () => {
  it('cuts a session into slots in UTC from the event time zone', () => {
    const slots = eventSlots([session()], 20, 'Europe/Paris');
    expect(slots.map((s) => [s.number, s.startTime, s.startsAt])).toEqual([
      [1, '09:00', '2027-03-10T08:00:00.000Z'],
      [2, '09:20', '2027-03-10T08:20:00.000Z'],
      [3, '09:40', '2027-03-10T08:40:00.000Z'],
    ]);
  });

  it('follows daylight saving time (Paris is UTC+2 in summer)', () => {
    expect(wallClockToUtc('2027-07-01', 9 * 60, 'Europe/Paris')).toBe('2027-07-01T07:00:00.000Z');
    expect(wallClockToUtc('2027-07-01', 9 * 60, 'America/Sao_Paulo')).toBe('2027-07-01T12:00:00.000Z');
  });

  it('skips breaks and restarts at their end', () => {
    const slots = eventSlots(
      [session({ endTime: '11:00', breaks: [{ start: '09:50', end: '10:10', label: 'Coffee' }] })],
      30,
      'UTC',
    );
    expect(slots.map((s) => s.startTime)).toEqual(['09:00', '10:10']);
  });

  it('orders sessions of several days and numbers their slots', () => {
    const slots = eventSlots(
      [session({ id: 'b', day: '2027-03-11' }), session({ id: 'a', startTime: '14:00', endTime: '14:30' })],
      30,
      'UTC',
    );
    expect(slots.map((s) => `${s.number} ${s.day} ${s.startTime}`)).toEqual([
      '1 2027-03-10 14:00',
      '2 2027-03-11 09:00',
      '3 2027-03-11 09:30',
    ]);
  });

  it('names overlapping sessions, bad times and breaks outside their session', () => {
    const problems = sessionProblems(
      [
        session(),
        session({ startTime: '09:30', endTime: '9:99' }),
        session({
          startTime: '12:00',
          endTime: '13:00',
          breaks: [{ start: '13:30', end: '13:40', label: '' }],
        }),
        session({ day: '2027-03-10', startTime: '09:45', endTime: '10:30' }),
      ],
      20,
    );
    expect(problems.map((p) => p.path).sort()).toEqual(['1.endTime', '2.breaks.0', '3.startTime']);
  });
});
