import { z } from 'zod';
import { PHASES } from '../../domain/catalogue/types.ts';
import { ACTIVITY_STATUSES, ATTENDANCES, PARTICIPANT_ROLES } from '../../domain/planning/types.ts';
import { cursorField, sortField, totalField } from '../../http/list-params.ts';
import { countryCode, isoDate, versionField, versionQueryField, workspaceParams } from '../../http/params.ts';
import { budgetBlockSchema } from '../budgets/schema.ts';
import { ACTIVITY_SORT_KEYS } from './repository.ts';

/** HTTP contract of activities (dated instances of an instrument) and their participants. */

const id = z.string().min(1).max(100);

export const activitySummarySchema = z
  .object({
    id: z.string(),
    planId: z.string().nullable().describe('null: a standalone activity'),
    planName: z.string().nullable(),
    marketId: z.string().nullable().describe("The plan's target market"),
    marketName: z.string().nullable(),
    marketCountry: z.string().nullable(),
    title: z.string(),
    instrumentKey: z.string(),
    instrumentCode: z.string(),
    instrumentName: z.string(),
    phase: z.enum(PHASES),
    startsOn: z.string().describe('YYYY-MM-DD'),
    endsOn: z.string().describe('YYYY-MM-DD'),
    status: z.enum(ACTIVITY_STATUSES),
    city: z.string().nullable(),
    country: z.string().nullable().describe('ISO 3166-1 alpha-2 of where the activity happens'),
    clusterId: z.string().nullable().describe('The responsible cluster; null: the coordinators'),
    clusterShortName: z.string().nullable(),
  })
  .meta({ id: 'ActivitySummary' });

export const participantSchema = z
  .object({
    id: z.string(),
    organisationId: z.string().nullable(),
    organisationName: z.string().nullable(),
    personId: z.string().nullable(),
    personName: z.string().nullable(),
    role: z.enum(PARTICIPANT_ROLES),
    attendance: z
      .enum(ATTENDANCES)
      .describe('expected until marked; present participants count for the "participants present" KPIs'),
  })
  .meta({ id: 'ActivityParticipant' });

export const activityDetailSchema = activitySummarySchema
  .extend({
    outcomeNotes: z.string(),
    estimateParameters: z
      .object({
        units: z.number().optional(),
        months: z.number().optional(),
        issues: z.number().optional(),
        entities: z.number().optional(),
        travellers: z.number().optional(),
        nights: z.number().optional(),
        destination: z.string().optional(),
        dayRateEur: z.number().optional(),
      })
      .describe('The parameters of the last applied estimate'),
    participants: z.array(participantSchema),
    budget: budgetBlockSchema.nullable().describe('null for roles that do not see costs (members, mentors)'),
    version: z.number().int().describe('Send it back with an edit; a stale one gets 409'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ActivityDetail' });

const fields = {
  planId: id.nullable().describe('The plan; null: standalone'),
  instrumentKey: z.string().trim().min(1).max(100).describe('Instrument key or D4.2 code'),
  title: z.string().trim().min(1).max(200),
  startsOn: isoDate,
  endsOn: isoDate.describe('YYYY-MM-DD, not before startsOn; inside the plan’s period'),
  city: z.string().trim().min(1).max(100).nullable(),
  country: countryCode.nullable(),
  clusterId: id.nullable().describe('The responsible cluster; null: the coordinators'),
  status: z.enum(ACTIVITY_STATUSES),
  outcomeNotes: z.string().max(10_000),
};

export const createActivityBody = z.strictObject({
  ...fields,
  planId: fields.planId.default(null),
  city: fields.city.default(null),
  country: fields.country.default(null),
  clusterId: fields.clusterId.default(null),
  status: fields.status.default('planned'),
  outcomeNotes: fields.outcomeNotes.default(''),
});
export const updateActivityBody = z.strictObject({
  version: versionField,
  ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])),
} as { version: z.ZodNumber } & { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> });

export const activityParams = z.object({ workspace: z.string().min(1).max(100), id });
export const participantParams = activityParams.extend({ participantId: id });
export const deleteActivityQuery = z.object({ version: versionQueryField });

export const addParticipantBody = z
  .strictObject({
    organisationId: id.optional().describe('A member organisation of the workspace'),
    personId: id.optional().describe('A person of the workspace (of that organisation, if both are sent)'),
    role: z.enum(PARTICIPANT_ROLES),
  })
  .refine((body) => body.organisationId !== undefined || body.personId !== undefined, {
    message: 'send an organisationId, a personId or both',
    path: ['organisationId'],
  });

export const attendanceBody = z.strictObject({ attendance: z.enum(ATTENDANCES) });

export const listActivitiesQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Search in the title (case ignored)'),
  planId: id.optional(),
  marketId: id.optional(),
  instrumentKey: z.string().trim().min(1).max(100).optional().describe('Instrument key or D4.2 code'),
  status: z.enum(ACTIVITY_STATUSES).optional(),
  clusterId: id.optional(),
  from: isoDate.optional().describe('Activities ending on or after this day (calendar views)'),
  to: isoDate.optional().describe('Activities starting on or before this day'),
  standalone: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: only activities outside any plan; false: only those in a plan'),
  organisationId: id
    .optional()
    .describe('Only activities in which this member organisation, or one of its people, takes part'),
  sort: sortField(ACTIVITY_SORT_KEYS, 'startsOn'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: cursorField,
});

export const activityListSchema = z
  .object({ items: z.array(activitySummarySchema), nextCursor: z.string().nullable(), total: totalField })
  .meta({ id: 'ActivityList' });

/** `GET /organisations/{id}/activities`: the member page's list, latest first by default. */
export const organisationActivitiesParams = workspaceParams.extend({ id });
export const organisationActivitiesQuery = z.object({
  status: z.enum(ACTIVITY_STATUSES).optional(),
  sort: sortField(ACTIVITY_SORT_KEYS, '-startsOn'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorField,
});

export const organisationActivitySchema = activitySummarySchema
  .extend({
    participation: z
      .array(participantSchema.omit({ organisationId: true, organisationName: true }))
      .describe(
        'How the organisation takes part: as itself (personId null) and through its people, each with a role and attendance',
      ),
  })
  .meta({ id: 'OrganisationActivity' });

export const organisationActivityListSchema = z
  .object({
    items: z.array(organisationActivitySchema),
    nextCursor: z.string().nullable(),
    total: totalField,
  })
  .meta({ id: 'OrganisationActivityList' });

export type ActivitySummaryDto = z.infer<typeof activitySummarySchema>;
export type ActivityDetailDto = z.infer<typeof activityDetailSchema>;
export type ParticipantDto = z.infer<typeof participantSchema>;
export type CreateActivityInput = z.infer<typeof createActivityBody>;
export type UpdateActivityInput = z.infer<typeof updateActivityBody>;
export type AddParticipantInput = z.infer<typeof addParticipantBody>;
export type AttendanceInput = z.infer<typeof attendanceBody>;
export type ListActivitiesQuery = z.infer<typeof listActivitiesQuery>;
export type OrganisationActivitiesQuery = z.infer<typeof organisationActivitiesQuery>;
export type OrganisationActivityDto = z.infer<typeof organisationActivitySchema>;
export type OrganisationActivityListDto = z.infer<typeof organisationActivityListSchema>;
