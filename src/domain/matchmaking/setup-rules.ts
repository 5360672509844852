import { addDays } from '../dates.ts';
import { type EventSlot, isTimeZone, type SessionInput, sessionProblems, wallClockToUtc } from './slots.ts';
import type { EventFormat } from './types.ts';

/**
 * The rules of an event's set-up (issue 22 item 1, decision 0034), as pure functions: what a set
 * of settings must satisfy, and what a change of the slots would do to the meetings already placed.
 */

/** The settings the rules look at (UTC instants, the event's IANA time zone). */
export interface EventSettings {
  timeZone: string;
  format: EventFormat;
  videoLink: string | null;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  requestDeadlineAt: string | null;
}

export interface Problem {
  /** The field, relative to the body (e.g. `registrationClosesAt`). */
  path: string;
  message: string;
}

/** The end of the activity's last day in the event's time zone (the instant its next day starts). */
export function eventEndsAt(endsOn: string, timeZone: string): string {
  return wallClockToUtc(addDays(endsOn, 1), 0, timeZone);
}

/**
 * What is wrong with the settings: a known time zone; a video link for online and hybrid events;
 * registration opening before it closes; the request deadline not after the end of the event
 * (the activity's last day, in the event's time zone).
 */
export function settingProblems(settings: EventSettings, activityEndsOn: string): Problem[] {
  const problems: Problem[] = [];
  if (!isTimeZone(settings.timeZone)) {
    problems.push({ path: 'timeZone', message: 'is not an IANA time zone (e.g. Europe/Brussels)' });
    return problems;
  }
  if (settings.format !== 'in_person' && !settings.videoLink) {
    problems.push({
      path: 'videoLink',
      message: 'An online or hybrid event needs a video link (http or https)',
    });
  }
  const { registrationOpensAt: opens, registrationClosesAt: closes, requestDeadlineAt: deadline } = settings;
  if (opens && closes && opens >= closes) {
    problems.push({ path: 'registrationClosesAt', message: 'Registration must close after it opens' });
  }
  const end = eventEndsAt(activityEndsOn, settings.timeZone);
  if (deadline && deadline > end) {
    problems.push({
      path: 'requestDeadlineAt',
      message: `The meeting-request deadline must not be after the end of the event (${end})`,
    });
  }
  if (closes && closes > end) {
    problems.push({
      path: 'registrationClosesAt',
      message: `Registration must close by the end of the event (${end})`,
    });
  }
  return problems;
}

/**
 * What is wrong with sessions of an event on an activity from `startsOn` to `endsOn`:
 * `sessionProblems`, and each day within the activity's dates.
 */
export function sessionsProblems(
  sessions: readonly Omit<SessionInput, 'id'>[],
  slotMinutes: number,
  startsOn: string,
  endsOn: string,
): Problem[] {
  const problems: Problem[] = sessionProblems(sessions, slotMinutes);
  sessions.forEach((session, i) => {
    if (session.day < startsOn || session.day > endsOn) {
      problems.push({
        path: `${i}.day`,
        message: `The session must be within the activity's dates (${startsOn} to ${endsOn})`,
      });
    }
  });
  return problems;
}

/** The scheduled meetings whose start is not the start of one of `slots` (they would be orphaned). */
export function meetingsOffSlots<M extends { slot_starts_at: string }>(
  meetings: readonly M[],
  slots: readonly Pick<EventSlot, 'startsAt'>[],
): M[] {
  const starts = new Set(slots.map((s) => Date.parse(s.startsAt)));
  return meetings.filter((m) => !starts.has(Date.parse(m.slot_starts_at)));
}
