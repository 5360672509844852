import { TZDate } from '@date-fns/tz';
import type { SessionBreak } from './types.ts';

/** A session as the slot computation needs it (wall-clock values in the event's time zone). */
export interface SessionInput {
  id: string;
  name: string;
  /** YYYY-MM-DD */
  day: string;
  /** HH:MM */
  startTime: string;
  endTime: string;
  breaks: readonly SessionBreak[];
}

/** A meeting slot of an event: numbered from 1 in time order, with its instants in UTC. */
export interface EventSlot {
  number: number;
  sessionId: string;
  sessionName: string;
  /** YYYY-MM-DD, HH:MM and HH:MM in the event's time zone. */
  day: string;
  startTime: string;
  endTime: string;
  /** UTC ISO-8601 instants. */
  startsAt: string;
  endsAt: string;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of an `HH:MM` time, or null when it is not one. */
export function minutesOf(time: string): number | null {
  const match = TIME.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The UTC instant of a wall-clock day and time in an IANA time zone (ISO-8601, `Z`). */
export function wallClockToUtc(day: string, minutes: number, timeZone: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const local = new TZDate(y, m - 1, d, Math.floor(minutes / 60), minutes % 60, 0, timeZone);
  return new Date(local.getTime()).toISOString();
}

/** Whether `timeZone` is an IANA time zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * What is wrong with a set of sessions, as `{ path, message }` (path relative to the sessions
 * array, e.g. `2.endTime`); empty when they can hold slots: each starts before it ends, holds at
 * least one slot, its breaks lie inside it, and no two sessions overlap.
 */
export function sessionProblems(
  sessions: readonly Omit<SessionInput, 'id'>[],
  slotMinutes: number,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  sessions.forEach((session, i) => {
    const start = minutesOf(session.startTime);
    const end = minutesOf(session.endTime);
    if (start === null) problems.push({ path: `${i}.startTime`, message: 'Expected a time HH:MM' });
    if (end === null) problems.push({ path: `${i}.endTime`, message: 'Expected a time HH:MM' });
    if (start === null || end === null) return;
    if (end - start < slotMinutes)
      problems.push({
        path: `${i}.endTime`,
        message: `The session must end at least one slot (${slotMinutes} min) after it starts`,
      });
    session.breaks.forEach((b, j) => {
      const bs = minutesOf(b.start);
      const be = minutesOf(b.end);
      if (bs === null || be === null || be <= bs || bs < start || be > end)
        problems.push({
          path: `${i}.breaks.${j}`,
          message: 'A break must start before it ends, inside its session',
        });
    });
    sessions.forEach((other, k) => {
      if (k <= i || other.day !== session.day) return;
      const os = minutesOf(other.startTime);
      const oe = minutesOf(other.endTime);
      if (os !== null && oe !== null && os < end && start < oe)
        problems.push({ path: `${k}.startTime`, message: `It overlaps session ${i + 1} on ${session.day}` });
    });
  });
  return problems;
}

/**
 * The meeting slots of an event: each session cut into slots of `slotMinutes` from its start,
 * skipping its breaks (a slot that would overlap a break starts again at the break's end), in time
 * order and numbered from 1. Sessions must be valid (`sessionProblems` empty).
 *
 * @example
 * eventSlots([{ id: 's', name: 'Morning', day: '2027-03-10', startTime: '09:00', endTime: '10:00',
 *   breaks: [] }], 20, 'Europe/Paris').map((s) => s.startsAt)
 * // ['2027-03-10T08:00:00.000Z', '2027-03-10T08:20:00.000Z', '2027-03-10T08:40:00.000Z']
 */
export function eventSlots(
  sessions: readonly SessionInput[],
  slotMinutes: number,
  timeZone: string,
): EventSlot[] {
  const slots: Omit<EventSlot, 'number'>[] = [];
  for (const session of sessions) {
    const start = minutesOf(session.startTime);
    const end = minutesOf(session.endTime);
    if (start === null || end === null) continue;
    const breaks = session.breaks
      .map((b) => [minutesOf(b.start), minutesOf(b.end)] as const)
      .filter((b): b is readonly [number, number] => b[0] !== null && b[1] !== null)
      .sort((x, y) => x[0] - y[0]);
    let t = start;
    while (t + slotMinutes <= end) {
      const clash = breaks.find(([bs, be]) => t < be && bs < t + slotMinutes);
      if (clash) {
        t = Math.max(t + 1, clash[1]);
        continue;
      }
      slots.push({
        sessionId: session.id,
        sessionName: session.name,
        day: session.day,
        startTime: hhmm(t),
        endTime: hhmm(t + slotMinutes),
        startsAt: wallClockToUtc(session.day, t, timeZone),
        endsAt: wallClockToUtc(session.day, t + slotMinutes, timeZone),
      });
      t += slotMinutes;
    }
  }
  slots.sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0));
  return slots.map((slot, i) => ({ ...slot, number: i + 1 }));
}
