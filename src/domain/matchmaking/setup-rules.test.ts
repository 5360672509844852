import { describe, expect, it } from 'vitest';
import { eventEndsAt, meetingsOffSlots, sessionsProblems, settingProblems } from './setup-rules.ts';

const settings = {
  timeZone: 'Europe/Brussels',
  format: 'in_person' as const,
  videoLink: null,
  registrationOpensAt: null,
  registrationClosesAt: null,
  requestDeadlineAt: null,
};

describe('event set-up rules', () => {
  it('ends the event at midnight after its last day, in its time zone', () => {
    expect(eventEndsAt('2026-03-12', 'Europe/Brussels')).toBe('2026-03-12T23:00:00.000Z');
    expect(eventEndsAt('2026-07-01', 'Asia/Tokyo')).toBe('2026-07-01T15:00:00.000Z');
  });

  it('accepts consistent settings', () => {
    expect(
      settingProblems(
        {
          ...settings,
          format: 'hybrid',
          videoLink: 'https://meet.example/x',
          registrationOpensAt: '2026-01-01T00:00:00.000Z',
          registrationClosesAt: '2026-03-01T00:00:00.000Z',
          requestDeadlineAt: '2026-03-12T22:59:00.000Z',
        },
        '2026-03-12',
      ),
    ).toEqual([]);
  });

  it('names each inconsistent setting', () => {
    expect(
      settingProblems({ ...settings, timeZone: 'Nowhere/Land' }, '2026-03-12').map((p) => p.path),
    ).toEqual(['timeZone']);
    expect(settingProblems({ ...settings, format: 'online' }, '2026-03-12').map((p) => p.path)).toEqual([
      'videoLink',
    ]);
    expect(
      settingProblems(
        {
          ...settings,
          registrationOpensAt: '2026-03-01T00:00:00.000Z',
          registrationClosesAt: '2026-03-01T00:00:00.000Z',
          requestDeadlineAt: '2026-03-12T23:00:01.000Z',
        },
        '2026-03-12',
      ).map((p) => p.path),
    ).toEqual(['registrationClosesAt', 'requestDeadlineAt']);
  });

  it('keeps sessions within the activity dates', () => {
    const session = { name: 'S', day: '2026-03-13', startTime: '09:00', endTime: '10:00', breaks: [] };
    expect(sessionsProblems([session], 30, '2026-03-10', '2026-03-12')).toEqual([
      {
        path: '0.day',
        message: "The session must be within the activity's dates (2026-03-10 to 2026-03-12)",
      },
    ]);
    expect(sessionsProblems([{ ...session, day: '2026-03-12' }], 30, '2026-03-10', '2026-03-12')).toEqual([]);
  });

  it('finds the meetings no longer on a slot, whatever the instant spelling', () => {
    const meetings = [
      { id: 'a', slot_starts_at: '2026-03-10T08:00:00.000Z' },
      { id: 'b', slot_starts_at: '2026-03-10T08:30:00Z' },
      { id: 'c', slot_starts_at: '2026-03-10T09:15:00.000Z' },
    ];
    const slots = [{ startsAt: '2026-03-10T08:00:00.000Z' }, { startsAt: '2026-03-10T08:30:00.000Z' }];
    expect(meetingsOffSlots(meetings, slots).map((m) => m.id)).toEqual(['c']);
  });
});
