import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { MeetingStatus } from './types.ts';

/**
 * One participant's agenda as an RFC 5545 calendar (issue 22 item 5, decision 0038): one VEVENT
 * per meeting, its UID stable across revisions (`<meetingId>@space2id-hub`), its times as wall
 * clock in the event's time zone (`DTSTART;TZID=…`) with that zone's VTIMEZONE block, its SEQUENCE
 * the event's agenda revision, so a calendar subscribed to the feed replaces what changed. A
 * cancelled meeting stays in the file with STATUS:CANCELLED, so calendars remove it. Pure: no I/O.
 */
export interface CalendarMeeting {
  id: string;
  /** UTC ISO-8601 instants. */
  startsAt: string;
  endsAt: string;
  status: MeetingStatus;
  counterpartName: string;
  /** The table and the venue, or null (an online meeting). */
  location: string | null;
  /** The video room of an online or hybrid meeting, if any. */
  videoUrl: string | null;
  /** The counterpart's profile, in plain text. */
  description: string;
}

export interface AgendaCalendar {
  /** X-WR-CALNAME: the event and the participant. */
  name: string;
  /** The event's IANA time zone. */
  timeZone: string;
  /** The event's agenda revision: each VEVENT's SEQUENCE. */
  revision: number;
  /** DTSTAMP of every VEVENT. */
  stamp: Date;
  meetings: readonly CalendarMeeting[];
}

export const CALENDAR_PRODUCT_ID = '-//SPACE2ID Hub//Matchmaking agenda//EN';

/** The text of the calendar, lines folded at 75 octets, CRLF line ends. */
export function agendaCalendar(calendar: AgendaCalendar): string {
  const vtimezone = timeZoneBlock(calendar.timeZone);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${CALENDAR_PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...(vtimezone ? [`X-WR-TIMEZONE:${calendar.timeZone}`] : []),
  ];
  if (vtimezone) lines.push(...vtimezone.split(/\r?\n/).filter((line) => line.length > 0));
  const stamp = utcStamp(calendar.stamp);
  for (const meeting of calendar.meetings) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${meeting.id}@space2id-hub`,
      `DTSTAMP:${stamp}`,
      timeProperty('DTSTART', meeting.startsAt, vtimezone ? calendar.timeZone : null),
      timeProperty('DTEND', meeting.endsAt, vtimezone ? calendar.timeZone : null),
      `SUMMARY:${escapeText(`Meeting with ${meeting.counterpartName}`)}`,
    );
    const location = meeting.location ?? meeting.videoUrl;
    if (location) lines.push(`LOCATION:${escapeText(location)}`);
    const description = [
      meeting.description,
      meeting.videoUrl && meeting.location ? `Video: ${meeting.videoUrl}` : '',
    ]
      .filter((part) => part.length > 0)
      .join('\n\n');
    if (description) lines.push(`DESCRIPTION:${escapeText(description)}`);
    if (meeting.videoUrl && /^https?:\/\//i.test(meeting.videoUrl)) lines.push(`URL:${meeting.videoUrl}`);
    lines.push(
      `SEQUENCE:${calendar.revision}`,
      `STATUS:${meeting.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** The VTIMEZONE block of an IANA zone, or null for UTC or a zone the library does not know. */
export function timeZoneBlock(timeZone: string): string | null {
  if (/^(etc\/)?(utc|gmt|zulu)$/i.test(timeZone)) return null;
  try {
    const block = tzlib_get_ical_block(timeZone);
    const text = Array.isArray(block) ? block[0] : undefined;
    return text?.startsWith('BEGIN:VTIMEZONE') ? text : null;
  } catch {
    return null;
  }
}

/** `DTSTART;TZID=Europe/Brussels:20260310T090000`, or in UTC (`…Z`) without a zone. */
function timeProperty(name: string, instant: string, timeZone: string | null): string {
  const date = new Date(instant);
  if (!timeZone) return `${name}:${utcStamp(date)}`;
  return `${name};TZID=${timeZone}:${wallClock(date, timeZone)}`;
}

function utcStamp(date: Date): string {
  return `${date.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time of `date` in `timeZone` as `YYYYMMDDTHHMMSS`. */
export function wallClock(date: Date, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}${parts.month}${parts.day}T${parts.hour}${parts.minute}${parts.second}`;
}

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newline escaped. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

const utf8 = new TextEncoder();

/**
 * RFC 5545 §3.1: a line longer than 75 octets continues on the next line after CRLF and a space;
 * never inside a UTF-8 character.
 */
export function foldLine(line: string): string {
  if (utf8.encode(line).length <= 75) return line;
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = utf8.encode(char).length;
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
      limit = 74; // the continuation's leading space counts
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}
