import { z } from 'zod';
import {
  MEETING_STATUSES,
  RESULT_STATUSES,
  RUN_MODES,
  RUN_STATUSES,
} from '../../domain/matchmaking/types.ts';
import { versionField, workspaceParams } from '../../http/params.ts';

const id = z.string().min(1).max(100);

export const eventParams = workspaceParams.extend({ eventId: id });
export const runParams = eventParams.extend({ runId: id });

export const RUN_TIME_LIMIT = { min: 5, max: 300, default: 60 } as const;

export const startRunBody = z
  .object({
    mode: z
      .enum(RUN_MODES)
      .default('full')
      .describe(
        'full: every accepted request; reschedule (after publication): published meetings locked, fewest changes',
      ),
    timeLimitSeconds: z
      .number()
      .int()
      .min(RUN_TIME_LIMIT.min)
      .max(RUN_TIME_LIMIT.max)
      .default(RUN_TIME_LIMIT.default),
  })
  .strict();
export type StartRunInput = z.infer<typeof startRunBody>;

export const publishBody = z.object({ version: versionField.describe("The event's version") }).strict();

export const meetingsQuery = z.object({
  participantId: id.optional().describe('Only the meetings of this participant'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type MeetingsQuery = z.infer<typeof meetingsQuery>;

const named = z.object({ id: z.string(), name: z.string() });

const changeSchema = z.object({
  requestId: z.string(),
  from: named,
  to: named,
  before: z.object({ slotStartsAt: z.string(), tableName: z.string().nullable() }).nullable(),
  after: z.object({ slotStartsAt: z.string(), tableName: z.string().nullable() }).nullable(),
});

export const runSummarySchema = z
  .object({
    id: z.string(),
    mode: z.enum(RUN_MODES),
    status: z.enum(RUN_STATUSES),
    resultStatus: z.enum(RESULT_STATUSES).nullable(),
    progress: z.number().describe('0 to 1 while it runs'),
    progressMessage: z.string().nullable().describe('The phase, the best breaks and the proved bound'),
    breaks: z.number().int().nullable().describe("The engine's objective: breaks between two meetings"),
    lowerBound: z.number().int().nullable().describe('Proved: no schedule has fewer breaks'),
    waits: z
      .number()
      .int()
      .nullable()
      .describe('Empty slots between two meetings within a session, all participants'),
    requested: z.number().int(),
    placed: z.number().int(),
    changes: z.number().int().nullable().describe('Meetings of the current schedule it moves'),
    timeLimitSeconds: z.number().int(),
    seconds: z.number().nullable(),
    explanation: z
      .string()
      .nullable()
      .describe('Why not everything fits, why no schedule exists, or why it failed'),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    appliedAt: z.string().nullable(),
  })
  .meta({ id: 'ScheduleRunSummary' });

export const runDetailSchema = runSummarySchema
  .extend({
    unplaced: z.array(z.object({ requestId: z.string(), from: named, to: named, reason: z.string() })),
    participantBreaks: z
      .array(z.object({ participantId: z.string(), name: z.string(), breaks: z.number().int() }))
      .describe('Waits per participant, most first'),
    difference: z
      .object({
        added: z.number().int(),
        removed: z.number().int(),
        moved: z.number().int(),
        unchanged: z.number().int(),
        items: z
          .array(changeSchema.extend({ kind: z.enum(['added', 'removed', 'moved']) }))
          .describe('At most 500'),
      })
      .nullable()
      .describe('Against the current schedule (finished runs)'),
    stale: z
      .array(z.string())
      .describe('What changed since the run was given its data (empty: it still matches)'),
  })
  .meta({ id: 'ScheduleRun' });

export const runListSchema = z.object({ items: z.array(runSummarySchema) }).meta({ id: 'ScheduleRunList' });

export const overviewSchema = z
  .object({
    timeZone: z.string().describe("The event's IANA time zone"),
    slots: z.number().int(),
    tables: z.number().int(),
    capacity: z.number().int().describe('tables × slots'),
    participants: z.number().int().describe('Approved participants'),
    acceptedRequests: z
      .number()
      .int()
      .describe('Accepted requests to place (those of cancelled meetings left out)'),
    overCapacity: z.array(z.string()).describe('Why not every request can be placed, by counting'),
    meetings: z.number().int().describe('Meetings of the current schedule, not cancelled'),
    unscheduled: z.number().int().describe('Accepted requests without a meeting'),
    cancelledSincePublication: z.number().int(),
    publishedAt: z.string().nullable(),
    agendaRevision: z.number().int(),
    eventVersion: z.number().int(),
    activeRunId: z.string().nullable(),
    appliedRunId: z.string().nullable(),
    stale: z
      .array(z.string())
      .describe('What changed since the applied run (publishing is refused until rerun)'),
    rescheduleNeeded: z
      .boolean()
      .describe('Published, and a request accepted late or a meeting cancelled since'),
  })
  .meta({ id: 'ScheduleOverview' });

export const meetingSchema = z
  .object({
    id: z.string(),
    requestId: z.string(),
    slotStartsAt: z.string(),
    slotEndsAt: z.string(),
    table: z.object({ id: z.string(), name: z.string(), number: z.number().int() }).nullable(),
    status: z.enum(MEETING_STATUSES),
    published: z.boolean(),
    priority: z.number().int(),
    from: named,
    to: named,
  })
  .meta({ id: 'ScheduledMeeting' });

export const meetingListSchema = z
  .object({ items: z.array(meetingSchema), total: z.number().int() })
  .meta({ id: 'ScheduledMeetingList' });

export const publishResultSchema = z
  .object({
    publishedAt: z.string(),
    meetings: z.number().int(),
    agendaRevision: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'SchedulePublished' });
