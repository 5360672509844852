import { z } from 'zod';
import {
  EVENT_LIMITS,
  MEETING_TYPES,
  REQUEST_ORIGINS,
  REQUEST_STATUSES,
} from '../../domain/matchmaking/types.ts';
import { SPACE_SEGMENTS } from '../../domain/registry/types.ts';
import { countryCode, versionField, workspaceParams } from '../../http/params.ts';

/**
 * The HTTP contract of the marketplace (issue 22 item 3, decision 0036): the catalogue of approved
 * participants, match suggestions, and meeting requests between participants, for the workspace's
 * users (`/workspaces/{workspace}/events/{eventId}/…`) and the event portal (`/event-portal/…`).
 */

const id = z.string().min(1).max(100);
const priority = z.union([z.literal(1), z.literal(2), z.literal(3)]).describe('1 low, 2 normal, 3 high');

export const eventParams = workspaceParams.extend({ eventId: id });
export const requestParams = eventParams.extend({ requestId: id });
export const portalRequestParams = z.object({ requestId: id });

const pageFields = {
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
};

/** A query parameter given once or repeated. */
const many = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(item).max(20)).optional();

export const catalogueQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('Words searched in names, descriptions, offers, needs, tags'),
  country: many(countryCode),
  segment: many(z.enum(SPACE_SEGMENTS)),
  tag: many(z.string().trim().min(1).max(EVENT_LIMITS.tagMax)),
  meetingType: many(z.enum(MEETING_TYPES)),
  ...pageFields,
});
export type CatalogueQuery = z.infer<typeof catalogueQuery>;

export const suggestionsQuery = z.strictObject({
  participantId: id.optional().describe('Whose suggestions (a member: its own participant, the default)'),
});
export const portalSuggestionsQuery = z.strictObject({});

export const listRequestsQuery = z.strictObject({
  status: many(z.enum(REQUEST_STATUSES)),
  participantId: id.optional().describe('Requests sent or received by this participant'),
  origin: many(z.enum(REQUEST_ORIGINS)),
  ...pageFields,
});
export type ListRequestsQuery = z.infer<typeof listRequestsQuery>;
export const portalListRequestsQuery = z.strictObject({});

export const createRequestBody = z.strictObject({
  fromParticipantId: id.describe('The asking participant (a member: its own)'),
  toParticipantId: id,
  meetingType: z.enum(MEETING_TYPES),
  message: z.string().trim().max(EVENT_LIMITS.messageMax).default(''),
  priority: priority.default(2),
  accepted: z
    .boolean()
    .default(false)
    .describe('Organisers only: the meeting is arranged, created already accepted'),
});
export type CreateRequestInput = z.infer<typeof createRequestBody>;

export const portalCreateRequestBody = z.strictObject({
  toParticipantId: id,
  meetingType: z.enum(MEETING_TYPES),
  message: z.string().trim().max(EVENT_LIMITS.messageMax).default(''),
  priority: priority.default(2),
});

export const answerBody = z.strictObject({ version: versionField });
export const declineBody = z.strictObject({
  version: versionField,
  reason: z.string().trim().max(1000).optional(),
});
export const updateRequestBody = z.strictObject({ version: versionField, priority });

const representative = z.object({ name: z.string(), roleTitle: z.string().nullable() });

export const requestStateSchema = z
  .object({
    requestId: z.string(),
    status: z.enum(REQUEST_STATUSES),
    direction: z.enum(['sent', 'received']),
  })
  .nullable();

export const catalogueEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  country: z.string(),
  city: z.string().nullable(),
  organisationType: z.string().nullable(),
  member: z.boolean().describe('A member organisation of the workspace'),
  description: z.string(),
  offers: z.string(),
  lookingFor: z.string(),
  tags: z.array(z.string()),
  spaceSegments: z.array(z.string()),
  targetMarkets: z.array(z.string()),
  meetingTypes: z.array(z.enum(MEETING_TYPES)),
  representatives: z.array(representative),
  /** The caller's participant's latest request with this one (null: none, or no participant). */
  request: requestStateSchema,
});
export type CatalogueEntryDto = z.infer<typeof catalogueEntrySchema>;

export const catalogueSchema = z.object({
  items: z.array(catalogueEntrySchema),
  total: z.number().int(),
  /** The caller's own participant (null: an organiser, or not registered). */
  participantId: z.string().nullable(),
  facets: z.object({
    countries: z.array(z.string()),
    segments: z.array(z.string()),
    tags: z.array(z.string()),
  }),
});

const reason = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('offer_matches_request'),
    direction: z.enum(['they_offer', 'they_need']),
    terms: z.array(z.string()),
  }),
  z.object({ kind: z.literal('tags_shared'), tags: z.array(z.string()) }),
  z.object({ kind: z.literal('segments_shared'), segments: z.array(z.string()) }),
  z.object({
    kind: z.literal('market_match'),
    direction: z.enum(['their_country', 'my_country']),
    country: z.string(),
  }),
  z.object({ kind: z.literal('meeting_type'), types: z.array(z.enum(MEETING_TYPES)) }),
]);

export const suggestionsSchema = z.object({
  participantId: z.string(),
  items: z.array(
    z.object({
      participantId: z.string(),
      name: z.string(),
      country: z.string(),
      score: z.number(),
      reasons: z.array(reason),
    }),
  ),
});

const side = z.object({ id: z.string(), name: z.string(), country: z.string() });

export const requestSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  from: side,
  to: side,
  meetingType: z.enum(MEETING_TYPES),
  message: z.string(),
  priority: z.number().int(),
  status: z.enum(REQUEST_STATUSES),
  origin: z.enum(REQUEST_ORIGINS),
  respondedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  /** What the caller may do with it now. */
  canAccept: z.boolean(),
  canDecline: z.boolean(),
  canCancel: z.boolean(),
});
export type RequestDto = z.infer<typeof requestSchema>;

const limits = z.object({
  requestDeadlineAt: z.string().nullable(),
  maxRequestsPerParticipant: z.number().int().nullable(),
  requestExpiryDays: z.number().int().nullable(),
  meetingTypes: z.array(z.enum(MEETING_TYPES)),
  /** Live requests the caller's participant has sent (null: organiser view). */
  sentLive: z.number().int().nullable(),
  deadlinePassed: z.boolean(),
});

export const requestListSchema = z.object({
  items: z.array(requestSchema),
  total: z.number().int(),
  countsByStatus: z.record(z.enum(REQUEST_STATUSES), z.number().int()),
  /** The caller's participant (null: an organiser seeing every request). */
  participantId: z.string().nullable(),
  limits,
});
