import { z } from 'zod';
import {
  EVENT_FORMATS,
  EVENT_LIMITS,
  MEETING_TYPES,
  PARTICIPANT_SOURCES,
  PARTICIPANT_STATUSES,
} from '../../domain/matchmaking/types.ts';
import { NETWORK_ORGANISATION_TYPES } from '../../domain/network/types.ts';
import { SPACE_SEGMENTS } from '../../domain/registry/types.ts';
import { countryCode, versionField, workspaceParams } from '../../http/params.ts';

/**
 * Registration of B2B event participants (issue 22 item 2, decision 0035): the public page, the
 * event portal's own registration, the organisers' and members' routes, the import.
 */

const text = (max: number) => z.string().trim().max(max);
const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
const instant = z.iso.datetime({ offset: true }).max(40);

/** The organisation's profile as a registrant gives it. */
export const profileInput = z.object({
  name: text(200).min(1),
  country: countryCode,
  city: text(100).nullable().default(null),
  website: text(300).nullable().default(null),
  type: z.enum(NETWORK_ORGANISATION_TYPES).default('company'),
  description: text(EVENT_LIMITS.profileTextMax).default(''),
  offers: text(EVENT_LIMITS.profileTextMax).default(''),
  lookingFor: text(EVENT_LIMITS.profileTextMax).default(''),
  tags: z.array(text(EVENT_LIMITS.tagMax).min(1)).max(EVENT_LIMITS.tagsMax).default([]),
  spaceSegments: z.array(z.enum(SPACE_SEGMENTS)).max(SPACE_SEGMENTS.length).default([]),
  targetMarkets: z.array(countryCode).max(60).default([]),
  meetingTypes: z.array(z.enum(MEETING_TYPES)).min(1).max(MEETING_TYPES.length).default(['b2b']),
});
export type ProfileInput = z.infer<typeof profileInput>;

export const representativeInput = z.object({
  name: text(200).min(1),
  email: email,
  role: text(200).nullable().default(null),
});
export type RepresentativeInput = z.infer<typeof representativeInput>;

/** Representatives: at most the event's maximum (checked by the service, ≤ 10 here). */
const representatives = z.array(representativeInput).min(1).max(EVENT_LIMITS.maxRepresentatives);
/** The UTC start instants of the slots the participant cannot meet in (slots of the event). */
const unavailable = z.array(instant).max(500);

export const publicRegistrationBody = z.object({
  profile: profileInput,
  representatives,
  unavailable: unavailable.default([]),
  contactName: text(200).min(1),
  contactEmail: email,
  consent: z.literal(true, {
    message: 'must be true: the event needs your consent to process the registration',
  }),
  networkConsent: z.boolean().default(false),
});
export type PublicRegistrationInput = z.infer<typeof publicRegistrationBody>;

export const slugParams = z.object({ slug: z.string().min(1).max(100) });
export const confirmBody = z.object({ token: z.string().min(1).max(200) });
export const accessBody = z.object({ slug: z.string().min(1).max(100), email });

export const acceptedSchema = z.object({ detail: z.string() });

export const slotSchema = z.object({
  number: z.number().int(),
  sessionName: z.string(),
  day: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
});

/** What the public registration page shows of an event: nothing about participants. */
export const publicEventSchema = z.object({
  slug: z.string(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  venue: z.string().nullable(),
  format: z.enum(EVENT_FORMATS),
  description: z.string(),
  timeZone: z.string(),
  meetingTypes: z.array(z.enum(MEETING_TYPES)),
  maxRepresentatives: z.number().int(),
  slots: z.array(slotSchema),
  registrationOpen: z.boolean(),
  registrationOpensAt: z.string().nullable(),
  registrationClosesAt: z.string().nullable(),
  organiser: z.string().describe('The workspace (consortium) that runs the event'),
  consentText: z.string(),
  networkConsentText: z.string(),
});
export type PublicEventDto = z.infer<typeof publicEventSchema>;

export const confirmResultSchema = z.object({
  accessToken: z.string(),
  eventTitle: z.string(),
  status: z.enum(PARTICIPANT_STATUSES),
});

export const representativeSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role: z.string().nullable(),
  personId: z.string().nullable(),
  networkPersonId: z.string().nullable(),
});

export const participantSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  organisationId: z.string().nullable(),
  networkOrganisationId: z.string().nullable(),
  name: z.string(),
  country: z.string(),
  city: z.string().nullable(),
  website: z.string().nullable(),
  type: z.string().nullable(),
  description: z.string(),
  offers: z.string(),
  lookingFor: z.string(),
  tags: z.array(z.string()),
  spaceSegments: z.array(z.string()),
  targetMarkets: z.array(z.string()),
  meetingTypes: z.array(z.enum(MEETING_TYPES)),
  unavailable: z.array(z.string()),
  contactName: z.string(),
  contactEmail: z.string(),
  status: z.enum(PARTICIPANT_STATUSES),
  source: z.enum(PARTICIPANT_SOURCES),
  networkConsent: z.boolean(),
  emailConfirmedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  representatives: z.array(representativeSchema),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ParticipantDto = z.infer<typeof participantSchema>;

export const eventSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  venue: z.string().nullable(),
  format: z.enum(EVENT_FORMATS),
  timeZone: z.string(),
  slots: z.array(slotSchema),
  meetingTypes: z.array(z.enum(MEETING_TYPES)),
  maxRepresentatives: z.number().int(),
  registrationClosesAt: z.string().nullable(),
  requestDeadlineAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  organiser: z.string(),
});

export const portalMeSchema = z.object({
  participant: participantSchema,
  event: eventSummarySchema,
  canEdit: z.boolean(),
});

/** An edit of a registration (portal, member, organiser): what is given changes. */
export const updateRegistrationBody = z.object({
  version: versionField,
  profile: profileInput.partial().optional(),
  representatives: representatives.optional(),
  unavailable: unavailable.optional(),
  contactName: text(200).min(1).optional(),
  contactEmail: email.optional(),
});
export type UpdateRegistrationInput = z.infer<typeof updateRegistrationBody>;

export const cancelBody = z.object({ version: versionField });

// Workspace routes.

export const eventParams = workspaceParams.extend({ eventId: z.string().min(1).max(100) });
export const participantParams = eventParams.extend({ participantId: z.string().min(1).max(100) });

export const listParticipantsQuery = z.object({
  status: z.enum(PARTICIPANT_STATUSES).optional(),
  source: z.enum(PARTICIPANT_SOURCES).optional(),
  country: countryCode.optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ListParticipantsQuery = z.infer<typeof listParticipantsQuery>;

export const participantListSchema = z.object({
  items: z.array(participantSchema),
  total: z.number().int(),
  countsByStatus: z.record(z.enum(PARTICIPANT_STATUSES), z.number().int()),
});

export const draftQuery = z.object({
  organisationId: z.string().min(1).max(100).optional().describe('Organisers: the member organisation'),
});

export const registrationDraftSchema = z.object({
  organisationId: z.string(),
  profile: profileInput,
  representatives: z.array(representativeInput.extend({ personId: z.string().nullable() })),
  contactName: z.string(),
  contactEmail: z.string(),
  /** Its registration for this event, if any. */
  participant: participantSchema.nullable(),
  maxRepresentatives: z.number().int(),
  slots: z.array(slotSchema),
  eventMeetingTypes: z.array(z.enum(MEETING_TYPES)),
  timeZone: z.string(),
});

export const memberRegistrationBody = z.object({
  organisationId: z.string().min(1).max(100),
  profile: profileInput,
  representatives,
  unavailable: unavailable.default([]),
  contactName: text(200).min(1),
  contactEmail: email,
});
export type MemberRegistrationInput = z.infer<typeof memberRegistrationBody>;

/** An organiser adds an organisation directly (approved): a member organisation or an outside one. */
export const addParticipantBody = z.object({
  organisationId: z.string().min(1).max(100).nullable().default(null),
  profile: profileInput,
  representatives,
  unavailable: unavailable.default([]),
  contactName: text(200).min(1),
  contactEmail: email,
  networkConsent: z.boolean().default(false),
});
export type AddParticipantInput = z.infer<typeof addParticipantBody>;

export const decisionBody = z.object({
  decision: z.enum(['approve', 'reject']),
  reason: text(2000).nullable().default(null),
  version: versionField,
});
export type DecisionInput = z.infer<typeof decisionBody>;

export const importQuery = z.object({
  kind: z.enum(['participants', 'requests']),
  commit: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const importRowErrorSchema = z.object({
  line: z.number().int(),
  column: z.string(),
  message: z.string(),
});

export const importResultSchema = z.object({
  kind: z.enum(['participants', 'requests']),
  committed: z.boolean(),
  rows: z.array(z.record(z.string(), z.string())).describe('The first 200 rows as read'),
  rowCount: z.number().int(),
  errors: z.array(importRowErrorSchema),
  created: z.number().int(),
});
export type ImportResultDto = z.infer<typeof importResultSchema>;
