import type { FollowUp, MeetingStatus, MeetingStatusBy } from './types.ts';
import { PARTNER_FOLLOW_UPS } from './types.ts';

/**
 * The rules of the event's day (issue 22 item 6, decision 0039): when a meeting's status may
 * change, which days allow a self check-in, and what a follow-up does to the relationship.
 * Pure: the caller passes the clock.
 */

/** The calendar day (YYYY-MM-DD) of a UTC instant in an IANA time zone. */
export function localDay(instant: string | Date, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/**
 * Whether `now` falls on one of the event's days in its time zone: a day of one of its sessions,
 * or a day between the activity's first and last day.
 */
export function isEventDay(
  now: Date,
  event: { timeZone: string; startsOn: string; endsOn: string },
  sessionDays: readonly string[],
): boolean {
  const today = localDay(now, event.timeZone);
  return sessionDays.includes(today) || (today >= event.startsOn && today <= event.endsOn);
}

/** Why a status change is refused (null: allowed). */
export type StatusRefusal = 'not_started' | 'already_ended' | null;

/**
 * Whether `by` may set a meeting from `current` to `next` at `now`:
 * - an organiser may set any status at any time (corrections after the event);
 * - a side may mark it held or no-show only from the meeting's start;
 * - a side may cancel it only before it ends, and un-cancel it (back to scheduled) only before it ends;
 * - a side may take back a held or no-show mark (back to scheduled) at any time.
 */
export function statusRefusal(
  meeting: { slotStartsAt: string; slotEndsAt: string; status: MeetingStatus },
  next: MeetingStatus,
  by: MeetingStatusBy,
  now: Date,
): StatusRefusal {
  if (by === 'organiser') return null;
  const t = now.getTime();
  const started = t >= Date.parse(meeting.slotStartsAt);
  const ended = t >= Date.parse(meeting.slotEndsAt);
  if ((next === 'held' || next === 'no_show') && !started) return 'not_started';
  if (next === 'cancelled' && ended) return 'already_ended';
  if (next === 'scheduled' && meeting.status === 'cancelled' && ended) return 'already_ended';
  return null;
}

/** The pipeline stage a follow-up asks for: potential partner for a proposal or partnership, else met. */
export function followUpStage(followUp: FollowUp): 'met' | 'potential_partner' {
  return PARTNER_FOLLOW_UPS.includes(followUp) ? 'potential_partner' : 'met';
}

/** Share as a fraction 0..1 rounded to 3 decimals, or null when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}
