import { describe, expect, it } from 'vitest';
import { followUpStage, isEventDay, localDay, rate, statusRefusal } from './day.ts';

const meeting = {
  slotStartsAt: '2026-03-10T09:00:00.000Z',
  slotEndsAt: '2026-03-10T09:30:00.000Z',
  status: 'scheduled' as const,
};
const before = new Date('2026-03-10T08:59:00Z');
const during = new Date('2026-03-10T09:10:00Z');
const after = new Date('2026-03-10T09:30:00Z');

describe('the day of an event in its time zone', () => {
  it('is the wall-clock day, not the UTC day', () => {
    expect(localDay('2026-03-10T23:30:00Z', 'Europe/Brussels')).toBe('2026-03-11');
    expect(localDay('2026-03-10T02:00:00Z', 'America/New_York')).toBe('2026-03-09');
    expect(localDay('2026-03-10T12:00:00Z', 'UTC')).toBe('2026-03-10');
  });

  it('allows a self check-in on a session day or inside the activity dates only', () => {
    const event = { timeZone: 'Asia/Tokyo', startsOn: '2026-03-10', endsOn: '2026-03-11' };
    // 2026-03-09 16:00 UTC is 2026-03-10 01:00 in Tokyo.
    expect(isEventDay(new Date('2026-03-09T16:00:00Z'), event, [])).toBe(true);
    expect(isEventDay(new Date('2026-03-09T14:00:00Z'), event, [])).toBe(false);
    expect(isEventDay(new Date('2026-03-12T01:00:00Z'), event, ['2026-03-12'])).toBe(true);
    expect(isEventDay(new Date('2026-03-12T16:00:00Z'), event, ['2026-03-12'])).toBe(false);
  });
});

describe('who may change a meeting status when', () => {
  it('lets a side mark held or no-show from the start only', () => {
    expect(statusRefusal(meeting, 'held', 'from', before)).toBe('not_started');
    expect(statusRefusal(meeting, 'no_show', 'to', before)).toBe('not_started');
    expect(statusRefusal(meeting, 'held', 'to', during)).toBeNull();
    expect(statusRefusal(meeting, 'no_show', 'from', after)).toBeNull();
  });

  it('lets a side cancel before the end only, and un-cancel before the end only', () => {
    expect(statusRefusal(meeting, 'cancelled', 'from', during)).toBeNull();
    expect(statusRefusal(meeting, 'cancelled', 'from', after)).toBe('already_ended');
    const cancelled = { ...meeting, status: 'cancelled' as const };
    expect(statusRefusal(cancelled, 'scheduled', 'to', before)).toBeNull();
    expect(statusRefusal(cancelled, 'scheduled', 'to', after)).toBe('already_ended');
    const held = { ...meeting, status: 'held' as const };
    expect(statusRefusal(held, 'scheduled', 'to', after)).toBeNull();
  });

  it('lets an organiser set anything at any time', () => {
    expect(statusRefusal(meeting, 'held', 'organiser', before)).toBeNull();
    expect(statusRefusal(meeting, 'cancelled', 'organiser', after)).toBeNull();
  });
});

describe('follow-ups and rates', () => {
  it('maps a proposal or partnership to potential partner, anything else to met', () => {
    expect(followUpStage('proposal')).toBe('potential_partner');
    expect(followUpStage('partnership')).toBe('potential_partner');
    expect(followUpStage('contact')).toBe('met');
    expect(followUpStage('none')).toBe('met');
  });

  it('gives null for an empty whole and rounds to three decimals', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(2, 3)).toBe(0.667);
  });
});
