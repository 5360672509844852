import { z } from 'zod';
import {
  FOLLOW_UPS,
  MEETING_STATUS_BY,
  MEETING_STATUSES,
  PARTICIPANT_STATUSES,
  REQUEST_STATUSES,
} from '../../domain/matchmaking/types.ts';
import { versionField } from '../../http/params.ts';

const id = z.string().min(1).max(100);

export const eventParams = z.object({ workspace: z.string().min(1).max(100), eventId: id });
export const participantParams = eventParams.extend({ participantId: id });
export const meetingParams = eventParams.extend({ meetingId: id });
export const codeParams = eventParams.extend({ code: z.string().min(1).max(200) });
export const portalMeetingParams = z.object({ meetingId: id });

export const checkInQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Part of a name or a representative’s name'),
  limit: z.coerce.number().int().min(1).max(1000).default(300),
});

export const checkInByCodeBody = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .transform((value) => value.replace(/\/+$/, '').split('/').pop() ?? value)
    .describe(
      'The code of the agenda’s QR code, or the whole address it encodes (its last part is the code)',
    ),
});

export const meetingStatusBody = z.object({
  status: z.enum(MEETING_STATUSES),
  version: versionField,
});

export const feedbackBody = z.object({
  rating: z.number().int().min(1).max(5).nullable().describe('1 (poor) to 5 (excellent); null: no rating'),
  followUp: z.enum(FOLLOW_UPS),
  comment: z.string().max(2000).default(''),
});

export const checkInParticipantSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    country: z.string(),
    member: z.boolean().describe('A member organisation of the workspace'),
    representatives: z.array(z.string()),
    checkedInAt: z.string().nullable(),
  })
  .meta({ id: 'EventCheckInParticipant' });

export const checkInCountsSchema = z.object({
  approved: z.number().int(),
  checkedIn: z.number().int(),
});

export const checkInListSchema = z
  .object({
    participants: z.array(checkInParticipantSchema),
    counts: checkInCountsSchema,
  })
  .meta({ id: 'EventCheckInList' });

export const meetingOnTheDaySchema = z
  .object({
    id: z.string(),
    slotStartsAt: z.string(),
    slotEndsAt: z.string(),
    tableName: z.string().nullable(),
    fromParticipantId: z.string(),
    fromName: z.string(),
    toParticipantId: z.string(),
    toName: z.string(),
    status: z.enum(MEETING_STATUSES),
    statusBy: z.enum(MEETING_STATUS_BY).nullable(),
    published: z.boolean(),
    interactionId: z.string().nullable().describe('The network interaction a held meeting made'),
    version: z.number().int(),
  })
  .meta({ id: 'EventDayMeeting' });

export const dayOverviewSchema = z
  .object({
    now: z.string(),
    current: z.object({ startsAt: z.string(), meetings: z.array(meetingOnTheDaySchema) }).nullable(),
    next: z.object({ startsAt: z.string(), meetings: z.array(meetingOnTheDaySchema) }).nullable(),
    counts: checkInCountsSchema,
  })
  .meta({ id: 'EventDayOverview' });

export const feedbackSchema = z
  .object({
    rating: z.number().int().nullable(),
    followUp: z.enum(FOLLOW_UPS),
    comment: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'EventMeetingFeedback' });

export const myMeetingSchema = meetingOnTheDaySchema
  .extend({
    counterpartName: z.string(),
    started: z.boolean(),
    feedback: feedbackSchema.nullable(),
  })
  .meta({ id: 'EventMyMeeting' });

export const followUpSchema = z
  .object({
    participantId: z.string(),
    checkedInAt: z.string().nullable(),
    canCheckIn: z.boolean().describe('Today is one of the event’s days (its time zone) and it is approved'),
    meetings: z.array(myMeetingSchema).describe('Its meetings, by time (cancelled ones included)'),
  })
  .meta({ id: 'EventFollowUp' });

export const checkInResultSchema = z
  .object({
    participantId: z.string(),
    name: z.string(),
    checkedInAt: z.string().nullable(),
    counts: checkInCountsSchema,
  })
  .meta({ id: 'EventCheckInResult' });

export const codeLookupSchema = z
  .object({
    participantId: z.string(),
    name: z.string(),
    country: z.string(),
    status: z.enum(PARTICIPANT_STATUSES),
    representatives: z.array(z.string()),
    checkedInAt: z.string().nullable(),
  })
  .meta({ id: 'EventCheckInCode' });

const count = z.number().int();
export const statisticsSchema = z
  .object({
    registrations: z.object({
      total: count,
      byStatus: z.record(z.enum(PARTICIPANT_STATUSES), count),
    }),
    requests: z.object({
      sent: count.describe('Every request made, except those its sender withdrew (cancelled)'),
      byStatus: z.record(z.enum(REQUEST_STATUSES), count),
      acceptanceRate: z.number().nullable().describe('accepted / (accepted + declined + expired)'),
    }),
    meetings: z.object({
      booked: count.describe('Meetings on the schedule, not cancelled'),
      held: count,
      noShow: count,
      cancelled: count,
      scheduled: count,
      noShowRate: z.number().nullable().describe('no-shows / (held + no-shows)'),
    }),
    checkIns: z.object({ approved: count, checkedIn: count }),
    satisfaction: z.object({
      ratings: count,
      average: z.number().nullable(),
      distribution: z.array(z.object({ rating: count, count })),
    }),
    followUps: z.array(z.object({ followUp: z.enum(FOLLOW_UPS), count })),
  })
  .meta({ id: 'EventStatistics' });

export type CheckInQuery = z.infer<typeof checkInQuery>;
export type FeedbackInput = z.infer<typeof feedbackBody>;
export type MeetingOnTheDayDto = z.infer<typeof meetingOnTheDaySchema>;
export type MyMeetingDto = z.infer<typeof myMeetingSchema>;
export type FollowUpDto = z.infer<typeof followUpSchema>;
export type StatisticsDto = z.infer<typeof statisticsSchema>;
export type DayOverviewDto = z.infer<typeof dayOverviewSchema>;
export type CheckInListDto = z.infer<typeof checkInListSchema>;
export type CheckInResultDto = z.infer<typeof checkInResultSchema>;
export type CodeLookupDto = z.infer<typeof codeLookupSchema>;
