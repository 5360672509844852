import { z } from 'zod';
import { EVENT_FORMATS, MEETING_STATUSES, PARTICIPANT_STATUSES } from '../../domain/matchmaking/types.ts';

/** HTTP contract of the agendas (issue 22 item 5). */

export const eventParams = z.object({
  workspace: z.string().min(1).max(100),
  eventId: z.string().min(1).max(100),
});

export const agendaQuery = z.object({
  participantId: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe("The participant (default: the caller's organisation's participant in the event)"),
});

const counterpartSchema = z.object({
  id: z.string(),
  name: z.string(),
  country: z.string(),
  city: z.string().nullable(),
  website: z.string().nullable(),
  organisationType: z.string().nullable(),
  description: z.string(),
  offers: z.string(),
  lookingFor: z.string(),
  tags: z.array(z.string()),
  representatives: z.array(z.object({ name: z.string(), roleTitle: z.string().nullable() })),
});

export const agendaSchema = z
  .object({
    event: z.object({
      id: z.string(),
      title: z.string(),
      timeZone: z.string(),
      format: z.enum(EVENT_FORMATS),
      venue: z.string().nullable(),
      publishedAt: z.string().nullable(),
      agendaRevision: z.number().int(),
    }),
    participant: z.object({ id: z.string(), name: z.string(), status: z.enum(PARTICIPANT_STATUSES) }),
    published: z.boolean().describe('False before the schedule is published: no meeting yet'),
    meetings: z.array(
      z.object({
        id: z.string(),
        startsAt: z.string().describe('UTC'),
        endsAt: z.string(),
        day: z.string().describe("YYYY-MM-DD in the event's time zone"),
        startTime: z.string().describe("HH:MM in the event's time zone"),
        endTime: z.string(),
        status: z.enum(MEETING_STATUSES),
        table: z.object({ number: z.number().int(), name: z.string() }).nullable(),
        videoLink: z.string().nullable(),
        counterpart: counterpartSchema,
      }),
    ),
    checkInUrl: z
      .string()
      .describe("The organisers' check-in page of the participant (the QR code's content)"),
    checkInQrSvg: z.string().describe('The check-in QR code as an SVG document'),
  })
  .meta({ id: 'EventAgenda' });

export const feedLinkSchema = z
  .object({
    url: z.string().describe('The calendar subscription address (secret: anyone with it reads the agenda)'),
    webcalUrl: z.string(),
  })
  .meta({ id: 'AgendaFeedLink' });

export const agendasOverviewSchema = z
  .object({
    published: z.boolean(),
    publishedAt: z.string().nullable(),
    agendaRevision: z.number().int(),
    participants: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        country: z.string(),
        meetings: z.number().int().describe('Meetings not cancelled'),
        hasFeed: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'EventAgendasOverview' });

export const calendarParams = z.object({ token: z.string().min(1).max(200) });
