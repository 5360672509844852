import { z } from 'zod';
import {
  APPROVAL_MODES,
  EVENT_FORMATS,
  EVENT_LIMITS,
  EVENT_STATUSES,
  MEETING_TYPES,
  PARTICIPANT_STATUSES,
} from '../../domain/matchmaking/types.ts';
import { cursorField, sortField, totalField } from '../../http/list-params.ts';
import { isoDate, versionField, versionQueryField } from '../../http/params.ts';

/**
 * The HTTP contract of a B2B event's set-up (issue 22 item 1, decision 0034): the event on an
 * activity, its sessions (wall-clock, in the event's time zone, with breaks), its tables (some
 * reserved for a participant), its co-organising clusters and its status.
 */

const id = z.string().min(1).max(100);

const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day written HH:MM (24 hours)')
  .describe('HH:MM, wall-clock in the event time zone');

/** An instant: ISO-8601 with an offset or Z; stored in UTC. */
const instant = z
  .string()
  .max(40)
  .pipe(z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date and time with Z or an offset' }))
  .transform((text) => new Date(text).toISOString())
  .describe('ISO-8601 instant (stored in UTC)');

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((text) => {
    try {
      const url = new URL(text);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) address');

export const sessionBreakInput = z.strictObject({
  start: time,
  end: time,
  label: z.string().trim().max(120).default(''),
});

export const sessionInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  day: isoDate.describe('YYYY-MM-DD in the event time zone, within the activity dates'),
  startTime: time,
  endTime: time,
  breaks: z.array(sessionBreakInput).max(20).default([]),
});
export type SessionInputDto = z.infer<typeof sessionInput>;

const sessions = z.array(sessionInput).max(EVENT_LIMITS.maxSessions);

const fields = {
  timeZone: z.string().min(1).max(64).describe('IANA time zone, e.g. Europe/Brussels'),
  format: z.enum(EVENT_FORMATS),
  venue: z.string().trim().max(300).nullable(),
  videoLink: httpUrl.nullable().describe('Required for online and hybrid events'),
  slotMinutes: z.number().int().min(EVENT_LIMITS.slotMinutesMin).max(EVENT_LIMITS.slotMinutesMax),
  description: z.string().max(EVENT_LIMITS.profileTextMax),
  registrationOpensAt: instant.nullable(),
  registrationClosesAt: instant.nullable(),
  requestDeadlineAt: instant.nullable().describe('Not after the end of the activity'),
  maxRequestsPerParticipant: z.number().int().min(1).max(1000).nullable().describe('null: no limit'),
  maxRepresentatives: z.number().int().min(1).max(EVENT_LIMITS.maxRepresentatives),
  requestExpiryDays: z.number().int().min(1).max(365).nullable().describe('null: requests never expire'),
  meetingTypes: z
    .array(z.enum(MEETING_TYPES))
    .min(1)
    .max(MEETING_TYPES.length)
    .refine((list) => new Set(list).size === list.length, 'must not repeat a meeting type'),
  approval: z.enum(APPROVAL_MODES),
};

export const createEventBody = z.strictObject({
  activityId: id.describe('An activity of a B2B instrument (1.2.1–1.2.5) without an event yet'),
  timeZone: fields.timeZone.optional().describe("Default: the workspace's time zone"),
  format: fields.format,
  venue: fields.venue.default(null),
  videoLink: fields.videoLink.default(null),
  slotMinutes: fields.slotMinutes,
  description: fields.description.default(''),
  registrationOpensAt: fields.registrationOpensAt.default(null),
  registrationClosesAt: fields.registrationClosesAt.default(null),
  requestDeadlineAt: fields.requestDeadlineAt.default(null),
  maxRequestsPerParticipant: fields.maxRequestsPerParticipant.default(null),
  maxRepresentatives: fields.maxRepresentatives.default(2),
  requestExpiryDays: fields.requestExpiryDays.default(null),
  meetingTypes: fields.meetingTypes.default(['b2b']),
  approval: fields.approval.default('manual'),
  sessions: sessions.default([]),
  tableCount: z.number().int().min(0).max(EVENT_LIMITS.maxTables).default(0).describe('Tables 1..n'),
});
export type CreateEventInput = z.infer<typeof createEventBody>;

export const updateEventBody = z.strictObject({
  version: versionField,
  timeZone: fields.timeZone.optional(),
  format: fields.format.optional(),
  venue: fields.venue.optional(),
  videoLink: fields.videoLink.optional(),
  slotMinutes: fields.slotMinutes.optional(),
  description: fields.description.optional(),
  registrationOpensAt: fields.registrationOpensAt.optional(),
  registrationClosesAt: fields.registrationClosesAt.optional(),
  requestDeadlineAt: fields.requestDeadlineAt.optional(),
  maxRequestsPerParticipant: fields.maxRequestsPerParticipant.optional(),
  maxRepresentatives: fields.maxRepresentatives.optional(),
  requestExpiryDays: fields.requestExpiryDays.optional(),
  meetingTypes: fields.meetingTypes.optional(),
  approval: fields.approval.optional(),
});
export type UpdateEventInput = z.infer<typeof updateEventBody>;

export const statusBody = z.strictObject({
  status: z.enum(EVENT_STATUSES),
  version: versionField.optional().describe('When given, a stale one gets 409'),
});

export const sessionsBody = z.strictObject({ sessions });

export const tableInput = z.strictObject({
  number: z.number().int().min(1).max(100_000),
  name: z.string().trim().min(1).max(120),
  reservedParticipantId: id.nullable().default(null).describe('An approved participant of this event'),
  videoLink: httpUrl.nullable().default(null),
});
export type TableInput = z.infer<typeof tableInput>;

export const tablesBody = z.strictObject({ tables: z.array(tableInput).max(EVENT_LIMITS.maxTables) });

export const generateTablesBody = z.strictObject({
  count: z.number().int().min(0).max(EVENT_LIMITS.maxTables),
  prefix: z.string().trim().min(1).max(60).default('Table'),
});

export const coOrganisersBody = z.strictObject({
  clusterIds: z.array(id).max(100).describe('Clusters of this workspace that run the event too'),
});

export const eventParams = z.object({ workspace: z.string().min(1).max(100), eventId: id });
export const deleteEventQuery = z.object({ version: versionQueryField });

export const EVENT_SORT_KEYS = ['startsOn', 'title'] as const;

export const listEventsQuery = z.object({
  status: z.enum(EVENT_STATUSES).optional(),
  when: z
    .enum(['upcoming', 'past'])
    .optional()
    .describe("upcoming: the activity ends today or later (the workspace's today); past: it ended before"),
  activityId: id.optional(),
  q: z.string().trim().max(100).optional().describe("Search in the activity's title"),
  sort: sortField(EVENT_SORT_KEYS, 'startsOn'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorField,
});
export type ListEventsQuery = z.infer<typeof listEventsQuery>;

const countsSchema = z
  .object({
    participants: z
      .record(z.enum(PARTICIPANT_STATUSES), z.number().int())
      .describe('Participants by status (every status present)'),
    acceptedRequests: z.number().int(),
    meetings: z.number().int().describe('Meetings of the current schedule, any status'),
    meetingsHeld: z.number().int(),
  })
  .meta({ id: 'EventCounts' });

const activitySummary = z
  .object({
    id: z.string(),
    title: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    city: z.string().nullable(),
    country: z.string().nullable(),
    clusterId: z.string().nullable(),
    clusterName: z.string().nullable(),
    instrumentCode: z.string(),
  })
  .meta({ id: 'EventActivity' });

export const eventSummarySchema = z
  .object({
    id: z.string(),
    activity: activitySummary,
    status: z.enum(EVENT_STATUSES),
    format: z.enum(EVENT_FORMATS),
    timeZone: z.string(),
    venue: z.string().nullable(),
    publicUrl: z.string().describe('The path of the public registration page, /register/{slug}'),
    publishedAt: z.string().nullable(),
    counts: countsSchema,
    version: z.number().int(),
  })
  .meta({ id: 'EventSummary' });

export const sessionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    day: z.string(),
    startTime: z.string(),
    endTime: z.string(),
    breaks: z.array(z.object({ start: z.string(), end: z.string(), label: z.string() })),
  })
  .meta({ id: 'EventSession' });

export const slotSchema = z
  .object({
    number: z.number().int(),
    sessionId: z.string(),
    sessionName: z.string(),
    day: z.string(),
    startTime: z.string(),
    endTime: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
  })
  .meta({ id: 'EventSlot' });

export const tableSchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    name: z.string(),
    reservedParticipantId: z.string().nullable(),
    reservedParticipantName: z.string().nullable(),
    videoLink: z.string().nullable(),
  })
  .meta({ id: 'EventTable' });

export const eventDetailSchema = eventSummarySchema
  .extend({
    description: z.string(),
    videoLink: z.string().nullable(),
    slotMinutes: z.number().int(),
    registrationOpensAt: z.string().nullable(),
    registrationClosesAt: z.string().nullable(),
    requestDeadlineAt: z.string().nullable(),
    maxRequestsPerParticipant: z.number().int().nullable(),
    maxRepresentatives: z.number().int(),
    requestExpiryDays: z.number().int().nullable(),
    meetingTypes: z.array(z.enum(MEETING_TYPES)),
    approval: z.enum(APPROVAL_MODES),
    agendaRevision: z.number().int(),
    sessions: z.array(sessionSchema),
    slots: z.array(slotSchema),
    tables: z.array(tableSchema),
    coOrganisers: z.array(z.object({ clusterId: z.string(), name: z.string() })),
    me: z
      .object({
        canManage: z.boolean().describe('Whether the caller runs the event'),
        participantId: z
          .string()
          .nullable()
          .describe("The caller's own organisation's participant row in this event, if any"),
        organisationId: z.string().nullable().describe("The caller's member organisation, if any"),
      })
      .meta({ id: 'EventMe' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'EventDetail' });

export const eventListSchema = z
  .object({
    items: z.array(eventSummarySchema),
    nextCursor: z.string().nullable(),
    total: totalField,
    canCreate: z.boolean().describe('Whether the reader may set up an event (in some scope)'),
  })
  .meta({ id: 'EventList' });

export const tablesSchema = z
  .object({
    tables: z.array(tableSchema),
    reservable: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .describe('The approved participants a table may be reserved for (organisers only; empty for others)'),
  })
  .meta({ id: 'EventTables' });

export type EventDetailDto = z.infer<typeof eventDetailSchema>;
export type EventSummaryDto = z.infer<typeof eventSummarySchema>;
export type EventTableDto = z.infer<typeof tableSchema>;
