/**
 * The vocabulary of B2B matchmaking events (issue 22, decision 0033). Codes stay in the API; the
 * English labels here serve the server's own texts (mails, PDFs, calendar files, exports); the web
 * app shows its translated messages. Pure data and small look-ups, no I/O.
 */

/** The instruments whose activities may hold a B2B event: matchmaking itself, and B2B sessions at
 * roadshows, trade fairs, conferences and home-region events (catalogue codes). */
export const B2B_EVENT_INSTRUMENT_CODES = ['1.2.1', '1.2.2', '1.2.3', '1.2.4', '1.2.5'] as const;

export const EVENT_FORMATS = ['in_person', 'online', 'hybrid'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];
export const EVENT_FORMAT_LABELS: Record<EventFormat, string> = {
  in_person: 'In person',
  online: 'Online',
  hybrid: 'Hybrid',
};

/** draft: organisers only; open: the registration page is live (within its dates); closed: over. */
export const EVENT_STATUSES = ['draft', 'open', 'closed'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const EVENT_STATUS_LABELS: Record<EventStatus, string> = {
  draft: 'Draft',
  open: 'Open',
  closed: 'Closed',
};

export const MEETING_TYPES = ['b2b', 'c2c', 'b2i'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];
export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  b2b: 'Business to business',
  c2c: 'Cluster to cluster',
  b2i: 'Business to investor',
};

export const APPROVAL_MODES = ['manual', 'automatic'] as const;
export type ApprovalMode = (typeof APPROVAL_MODES)[number];

/**
 * unconfirmed: registered on the public page, e-mail not yet confirmed; pending: waits for an
 * organiser; approved: takes part; rejected; cancelled (by the participant or an organiser).
 */
export const PARTICIPANT_STATUSES = ['unconfirmed', 'pending', 'approved', 'rejected', 'cancelled'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];
export const PARTICIPANT_STATUS_LABELS: Record<ParticipantStatus, string> = {
  unconfirmed: 'E-mail not confirmed',
  pending: 'Awaiting approval',
  approved: 'Approved',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
};

export const PARTICIPANT_SOURCES = ['public', 'member', 'organiser', 'import'] as const;
export type ParticipantSource = (typeof PARTICIPANT_SOURCES)[number];
export const PARTICIPANT_SOURCE_LABELS: Record<ParticipantSource, string> = {
  public: 'Public registration page',
  member: 'Member of the workspace',
  organiser: 'Added by an organiser',
  import: 'Imported',
};

export const REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  pending: 'Awaiting an answer',
  accepted: 'Accepted',
  declined: 'Declined',
  expired: 'Expired',
  cancelled: 'Cancelled',
};
/** A request in one of these holds its pair: no second request between the same two participants. */
export const LIVE_REQUEST_STATUSES: readonly RequestStatus[] = ['pending', 'accepted'];

export const REQUEST_ORIGINS = ['participant', 'organiser', 'import'] as const;
export type RequestOrigin = (typeof REQUEST_ORIGINS)[number];

/** 1 low, 2 normal, 3 high: the scheduler places higher priorities first when not all fit. */
export const REQUEST_PRIORITIES = [1, 2, 3] as const;
export type RequestPriority = (typeof REQUEST_PRIORITIES)[number];
export const REQUEST_PRIORITY_LABELS: Record<RequestPriority, string> = {
  1: 'Low',
  2: 'Normal',
  3: 'High',
};
/** The scheduler's weight of a meeting of each priority (a high one outweighs two normal ones). */
export const PRIORITY_WEIGHTS: Record<RequestPriority, number> = { 1: 1, 2: 2, 3: 5 };

export const MEETING_STATUSES = ['scheduled', 'held', 'no_show', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  scheduled: 'Scheduled',
  held: 'Held',
  no_show: 'No-show',
  cancelled: 'Cancelled',
};
/** Who changed a meeting's status: a side of its request, or an organiser. */
export const MEETING_STATUS_BY = ['from', 'to', 'organiser'] as const;
export type MeetingStatusBy = (typeof MEETING_STATUS_BY)[number];

export const RUN_MODES = ['full', 'reschedule'] as const;
export type RunMode = (typeof RUN_MODES)[number];
export const RUN_MODE_LABELS: Record<RunMode, string> = {
  full: 'Whole schedule',
  reschedule: 'Reschedule (published meetings kept)',
};
export const RUN_STATUSES = ['queued', 'running', 'done', 'failed', 'applied', 'discarded'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const RUN_STATUS_LABELS: Record<RunStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  done: 'Ready to review',
  failed: 'Failed',
  applied: 'Applied',
  discarded: 'Discarded',
};
export const RESULT_STATUSES = ['optimal', 'feasible', 'infeasible', 'unknown'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];
export const RESULT_STATUS_LABELS: Record<ResultStatus, string> = {
  optimal: 'Optimal: fewest breaks proven',
  feasible: 'Feasible, with a proven lower bound',
  infeasible: 'Infeasible',
  unknown: 'No schedule found in time',
};

export const FOLLOW_UPS = ['none', 'contact', 'meeting', 'proposal', 'partnership'] as const;
export type FollowUp = (typeof FOLLOW_UPS)[number];
export const FOLLOW_UP_LABELS: Record<FollowUp, string> = {
  none: 'No follow-up',
  contact: 'Stay in contact',
  meeting: 'Another meeting',
  proposal: 'A proposal or offer',
  partnership: 'A partnership',
};
/** Follow-ups that make the counterpart a potential partner in the pipeline (else: met). */
export const PARTNER_FOLLOW_UPS: readonly FollowUp[] = ['proposal', 'partnership'];

/** A break inside a session (wall-clock, the event's time zone). */
export interface SessionBreak {
  start: string;
  end: string;
  label: string;
}

/** A placed meeting in a run's result (stored as JSON in `b2b_schedule_run.assignments`). */
export interface RunAssignment {
  requestId: string;
  slotStartsAt: string;
  tableId: string | null;
}
/** An accepted request a run could not place, and why in words. */
export interface UnplacedRequest {
  requestId: string;
  reason: string;
}
export interface ParticipantBreaks {
  participantId: string;
  breaks: number;
}

/** The key of a pair of participants, whichever asked whom: one live request per pair. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

/** Limits of the set-up and the profiles (the schemas and the import use the same). */
export const EVENT_LIMITS = {
  slotMinutesMin: 5,
  slotMinutesMax: 240,
  maxSessions: 50,
  maxTables: 2000,
  maxRepresentatives: 10,
  profileTextMax: 4000,
  messageMax: 2000,
  tagsMax: 30,
  tagMax: 60,
} as const;
