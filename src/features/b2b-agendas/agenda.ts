import QRCode from 'qrcode';
import { agendaCalendar, type CalendarMeeting } from '../../domain/matchmaking/icalendar.ts';
import type { MeetingStatus, ParticipantStatus } from '../../domain/matchmaking/types.ts';
import type { EventRef } from '../b2b-events/event-ref.ts';
import type {
  AgendaEventExtras,
  AgendaMeetingRow,
  AgendaParticipantRow,
  Representative,
} from './repository.ts';

/** The counterpart of a meeting as the agenda shows it: its public profile, no contact data. */
export interface AgendaCounterpart {
  id: string;
  name: string;
  country: string;
  city: string | null;
  website: string | null;
  organisationType: string | null;
  description: string;
  offers: string;
  lookingFor: string;
  tags: string[];
  representatives: { name: string; roleTitle: string | null }[];
}

export interface AgendaMeeting {
  id: string;
  startsAt: string;
  endsAt: string;
  /** Wall clock in the event's time zone: YYYY-MM-DD and HH:MM. */
  day: string;
  startTime: string;
  endTime: string;
  status: MeetingStatus;
  table: { number: number; name: string } | null;
  /** The table's video room, else the event's (online and hybrid events). */
  videoLink: string | null;
  counterpart: AgendaCounterpart;
}

export interface Agenda {
  event: {
    id: string;
    title: string;
    timeZone: string;
    format: EventRef['format'];
    venue: string | null;
    publishedAt: string | null;
    agendaRevision: number;
  };
  participant: { id: string; name: string; status: ParticipantStatus };
  /** False before the organisers publish the schedule: no meeting is shown yet. */
  published: boolean;
  meetings: AgendaMeeting[];
  /** The organisers' check-in page for this participant (the QR code encodes it). */
  checkInUrl: string;
  /** The check-in QR code as an SVG document. */
  checkInQrSvg: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `{ day: 'YYYY-MM-DD', time: 'HH:MM' }` of an instant in a time zone. */
export function localParts(instant: string, timeZone: string): { day: string; time: string } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

export function checkInUrl(publicUrl: string, workspaceSlug: string, eventId: string, code: string): string {
  return `${publicUrl}/w/${encodeURIComponent(workspaceSlug)}/events/${encodeURIComponent(eventId)}/check-in/${encodeURIComponent(code)}`;
}

export function checkInQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

function counterpartOf(row: AgendaParticipantRow, representatives: Representative[]): AgendaCounterpart {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    city: row.city,
    website: row.website,
    organisationType: row.organisationType,
    description: row.description,
    offers: row.offers,
    lookingFor: row.lookingFor,
    tags: row.tags,
    representatives: representatives.map((r) => ({ name: r.name, roleTitle: r.roleTitle })),
  };
}

/**
 * One participant's agenda from its rows: the meetings of the current schedule once the schedule is
 * published (none before), each with its counterpart's profile, table or video link, local times.
 */
export async function buildAgenda(input: {
  event: EventRef;
  extras: AgendaEventExtras;
  participant: AgendaParticipantRow;
  meetings: readonly AgendaMeetingRow[];
  counterparts: ReadonlyMap<string, AgendaParticipantRow>;
  representatives: ReadonlyMap<string, Representative[]>;
  publicUrl: string;
  withQrCode?: boolean;
}): Promise<Agenda> {
  const { event, extras, participant } = input;
  const published = event.publishedAt !== null;
  const meetings: AgendaMeeting[] = [];
  if (published) {
    for (const meeting of input.meetings) {
      const otherId =
        meeting.fromParticipantId === participant.id ? meeting.toParticipantId : meeting.fromParticipantId;
      const other = input.counterparts.get(otherId);
      if (!other) continue;
      const start = localParts(meeting.startsAt, event.timeZone);
      const end = localParts(meeting.endsAt, event.timeZone);
      const online = event.format !== 'in_person';
      meetings.push({
        id: meeting.id,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        day: start.day,
        startTime: start.time,
        endTime: end.time,
        status: meeting.status,
        table: meeting.table ? { number: meeting.table.number, name: meeting.table.name } : null,
        videoLink: online || !meeting.table ? (meeting.table?.videoLink ?? extras.videoLink) : null,
        counterpart: counterpartOf(other, input.representatives.get(otherId) ?? []),
      });
    }
  }
  const url = checkInUrl(input.publicUrl, extras.workspaceSlug, event.id, participant.checkinCode);
  return {
    event: {
      id: event.id,
      title: event.title,
      timeZone: event.timeZone,
      format: event.format,
      venue: extras.venue,
      publishedAt: event.publishedAt,
      agendaRevision: event.agendaRevision,
    },
    participant: { id: participant.id, name: participant.name, status: participant.status },
    published,
    meetings,
    checkInUrl: url,
    checkInQrSvg: input.withQrCode === false ? '' : await checkInQrSvg(url),
  };
}

/** "Table 7 · Palais des Congrès" (or just the table, or null when none). */
export function meetingLocation(meeting: AgendaMeeting, venue: string | null): string | null {
  if (!meeting.table) return null;
  const table =
    meeting.table.name === `Table ${meeting.table.number}`
      ? meeting.table.name
      : `Table ${meeting.table.number} (${meeting.table.name})`;
  return venue ? `${table}, ${venue}` : table;
}

/** The counterpart's profile in plain text (the calendar's DESCRIPTION, the mail's lines). */
export function profileText(counterpart: AgendaCounterpart): string {
  const where = [counterpart.city, counterpart.country].filter(Boolean).join(', ');
  return [
    `${counterpart.name}${where ? ` (${where})` : ''}`,
    counterpart.representatives.length > 0
      ? `Representatives: ${counterpart.representatives.map((r) => (r.roleTitle ? `${r.name}, ${r.roleTitle}` : r.name)).join('; ')}`
      : '',
    counterpart.description,
    counterpart.offers ? `Offers: ${counterpart.offers}` : '',
    counterpart.lookingFor ? `Looking for: ${counterpart.lookingFor}` : '',
    counterpart.website ? `Website: ${counterpart.website}` : '',
  ]
    .filter((line) => line.length > 0)
    .join('\n');
}

/** The agenda as an iCalendar file (decision 0038). */
export function agendaIcs(agenda: Agenda, stamp: Date): string {
  const meetings: CalendarMeeting[] = agenda.meetings.map((meeting) => ({
    id: meeting.id,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    status: meeting.status,
    counterpartName: meeting.counterpart.name,
    location: meetingLocation(meeting, agenda.event.venue),
    videoUrl: meeting.videoLink,
    description: profileText(meeting.counterpart),
  }));
  return agendaCalendar({
    name: `${agenda.event.title} — ${agenda.participant.name}`,
    timeZone: agenda.event.timeZone,
    revision: agenda.event.agendaRevision,
    stamp,
    meetings,
  });
}

/** A file name part from a name: letters, digits and dashes. */
export function fileSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return slug || 'agenda';
}
