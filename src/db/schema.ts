import type { Generated } from 'kysely';

/**
 * Table types for Kysely. Conventions (ENGINEERING.md): ids are UUIDv7 text, times are UTC
 * ISO-8601 text, booleans 0/1 integers, money integer cents, lists and structured values JSON
 * text (parsed in repositories).
 */
export interface WorkspaceTable {
  id: string;
  slug: string;
  name: string;
  created_at: string;
  /** Migration 0020: `pending` until its coordinator used the set-up link; `deleting` while the deletion job runs. */
  status: Generated<'active' | 'pending' | 'suspended' | 'deleting'>;
  version: Generated<number>;
  updated_at: string | null;
  /** ISO 4217, EUR by default. */
  currency: Generated<string>;
  /** The day rate when neither an override nor a cluster gives one, integer cents. */
  default_day_rate_cents: Generated<number>;
  /** IANA time zone of "today" in this workspace. */
  time_zone: Generated<string>;
  /** JSON: Language[], English always included. */
  languages: Generated<string>;
  /** 1–12: the month the fiscal year starts. */
  fiscal_year_start_month: Generated<number>;
  /** PNG, JPEG or WebP bytes (≤ 256 KB), or null. */
  logo: Buffer | null;
  logo_content_type: string | null;
  logo_updated_at: string | null;
}

/** One-time set-up links (migration 0020): only the token's SHA-256 hash is stored. */
export interface WorkspaceSetupTable {
  id: string;
  token_hash: string;
  /** `start`: creates a new workspace; `workspace`: completes a pending one; `password`: an operator's first password. */
  kind: 'start' | 'workspace' | 'password';
  workspace_id: string | null;
  user_id: string | null;
  /** The coordinator's e-mail (lower-cased), prefilled or fixed. */
  email: string | null;
  name: string | null;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}

export interface InstrumentTable {
  id: string;
  /** null: a global instrument of D4.2; otherwise the workspace that owns a custom one. */
  workspace_id: string | null;
  origin: 'd4.2' | 'custom';
  code: string;
  key: string;
  phase: string;
  name: string;
  description: string;
  /** JSON: string[] */
  benefits: string;
  business_model: string;
  /** JSON: FundingSource[] */
  funding_sources: string;
  budget_text: string;
  /** JSON: BudgetItem[] */
  budget_items: string;
  /** A custom instrument copied from D4.2: the key of its D4.2 original (migration 0021). */
  based_on_key: string | null;
  position: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface InstrumentKpiTable {
  id: string;
  instrument_id: string;
  key: string;
  label: string;
  kind: string;
  unit: string | null;
  position: number;
  /** A custom instrument's KPI: the registered rule deriving it; null: entered (migration 0021). */
  rule_key: string | null;
}

/** Small key/value facts about the database itself (e.g. the seeded catalogue's digest). */
export interface AppMetaTable {
  key: string;
  value: string;
}

export interface ClusterTable {
  id: string;
  workspace_id: string;
  name: string;
  short_name: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  city: string;
  day_rate_cents: number;
  website: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A member organisation of a workspace, belonging to one partner cluster. */
export interface OrganisationTable {
  id: string;
  workspace_id: string;
  cluster_id: string;
  name: string;
  /**
   * Lower-case, no accents, punctuation or legal suffix (`normaliseOrganisationName`): for search
   * and duplicate detection. Unique per workspace and country when not empty (migration 0014,
   * which appended ` #<id>` to the key of duplicates already stored).
   */
  normalised_name: string;
  type: 'sme' | 'large_company' | 'rd_centre' | 'university' | 'other';
  size: 'micro' | 'small' | 'medium' | 'large' | null;
  /** ISO 3166-1 alpha-2 */
  country: string;
  city: string | null;
  website: string | null;
  /** VAT or registration number; unique per workspace when present. */
  registration_id: string | null;
  /** JSON: SpaceSegment[] */
  space_segments: string;
  /** JSON: Melca[] */
  melca: string;
  offers: string;
  /** JSON: string[] */
  offer_tags: string;
  requests: string;
  /** JSON: string[] */
  request_tags: string;
  /** JSON: ISO 3166-1 alpha-2 codes */
  target_market_interests: string;
  export_experience: 'none' | 'occasional' | 'regular' | 'established';
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A person of the registry, usually working for a member organisation. */
export interface PersonTable {
  id: string;
  workspace_id: string;
  organisation_id: string | null;
  name: string;
  /** Lower-cased; unique per workspace when present. */
  email: string | null;
  phone: string | null;
  role_title: string | null;
  /** 0/1: agreed to be contacted and listed. */
  consent: number;
  consent_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AppUserTable {
  id: string;
  /** Lower-cased. */
  email: string;
  name: string;
  /** argon2id encoded hash; null until the user has chosen a password. */
  password_hash: string | null;
  /** The interface language the user chose (a code of `LANGUAGES`), null to follow the browser (migration 0023). */
  language: string | null;
  created_at: string;
  updated_at: string;
  /** 0/1: the instance operator (migration 0020; set by `space2id operator grant`). */
  is_operator: Generated<number>;
}

export interface MembershipTable {
  id: string;
  workspace_id: string;
  user_id: string;
  role: 'coordinator' | 'cluster_manager' | 'member' | 'mentor' | 'viewer';
  /** The cluster a cluster manager manages. */
  cluster_id: string | null;
  /** The organisation a `member` acts for. */
  organisation_id: Generated<string | null>;
  /** Raised by every role change; a stale one is refused (409). */
  version: Generated<number>;
  created_at: string;
}

export interface UserSessionTable {
  id: string;
  /** SHA-256 of the cookie's token: a database leak does not hand out sessions. */
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokenTable {
  id: string;
  token_hash: string;
  user_id: string;
  name: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditEventTable {
  id: string;
  workspace_id: string;
  actor_user_id: string | null;
  /** `create` | `update` | `delete` */
  action: string;
  entity_type: string;
  entity_id: string;
  /** JSON: { field: [before, after] } */
  changes: string;
  created_at: string;
}

/** A mail kept in the database instead of sent (no SMTP_URL: development). */
export interface MailOutboxTable {
  id: string;
  /** The account the mail is for, when the recipient has one. */
  user_id: string | null;
  /** Who caused the mail (e.g. the inviting coordinator). */
  sent_by_user_id: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
  created_at: string;
}

export interface InvitationTable {
  id: string;
  workspace_id: string;
  /** Lower-cased. At most one open invitation (not accepted, not revoked) per address (migration 0014). */
  email: string;
  name: string;
  role: MembershipTable['role'];
  /** The cluster of an invited cluster manager. */
  cluster_id: string | null;
  /** The organisation of an invited member (optional). */
  organisation_id: string | null;
  /** SHA-256 of the link's token. */
  token_hash: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
  created_by: string | null;
  created_at: string;
}

export interface PasswordResetTable {
  id: string;
  user_id: string;
  /** SHA-256 of the link's token. */
  token_hash: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

/** A target market: a country (and segments) the partnership goes to. */
export interface TargetMarketTable {
  id: string;
  workspace_id: string;
  name: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  /** JSON: string[] */
  segments: string;
  priority: 'high' | 'medium' | 'low';
  status: 'exploring' | 'active' | 'paused' | 'closed';
  rationale: string;
  findings: string;
  owner_cluster_id: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A plan for one target market: a period, a budget cap and the instruments chosen. */
export interface PlanTable {
  id: string;
  workspace_id: string;
  market_id: string;
  name: string;
  /** YYYY-MM-DD */
  starts_on: string;
  /** YYYY-MM-DD, not before starts_on */
  ends_on: string;
  budget_cap_cents: number | null;
  status: 'draft' | 'approved' | 'active' | 'closed';
  notes: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PlanInstrumentTable {
  id: string;
  plan_id: string;
  instrument_id: string;
  position: number;
  rationale: string;
}

/** A dated instance of an instrument, inside a plan or standalone (plan_id null). */
export interface ActivityTable {
  id: string;
  workspace_id: string;
  plan_id: string | null;
  instrument_id: string;
  title: string;
  starts_on: string;
  ends_on: string;
  city: string | null;
  country: string | null;
  cluster_id: string | null;
  status: 'planned' | 'confirmed' | 'done' | 'cancelled';
  outcome_notes: string;
  /** JSON: EstimateParameters & { dayRateCents?: number } */
  estimate_parameters: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A member organisation or a person taking part in an activity, with their role. */
export interface ActivityParticipantTable {
  id: string;
  activity_id: string;
  organisation_id: string | null;
  person_id: string | null;
  role: string;
  /** Evidence of the "participants present" KPIs: marked on or after the day. */
  attendance: Generated<'expected' | 'present' | 'absent'>;
  created_at: string;
}

/** A planned or actual budget line of an activity. */
export interface CostLineTable {
  id: string;
  workspace_id: string;
  activity_id: string;
  kind: 'planned' | 'actual';
  /** BudgetCategory */
  category: string;
  /** FundingSource */
  funding_source: string;
  description: string;
  formula: string | null;
  amount_cents: number;
  effort_centidays: Generated<number>;
  origin: 'estimate' | 'manual';
  incurred_on: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A workspace's travel costs to one destination (overrides the Hub's defaults). */
export interface TravelRateTable {
  id: string;
  workspace_id: string;
  country: string;
  travel_cents: number;
  accommodation_per_night_cents: number;
  subsistence_per_day_cents: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A KPI target of one activity, or of one instrument in a plan (instrument null: a Hub-wide KPI). */
export interface KpiTargetTable {
  id: string;
  workspace_id: string;
  activity_id: string | null;
  plan_id: string | null;
  instrument_id: string | null;
  kpi_key: string;
  /** A count, percentage or rating; money in cents. */
  value: number;
  created_by: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A KPI value entered by hand (where no record can exist), with its author and day. */
export interface KpiEntryTable {
  id: string;
  workspace_id: string;
  activity_id: string;
  kpi_key: string;
  /** Count, percentage, rating; money in cents. Exactly one of value_number and value_text is set. */
  value_number: number | null;
  value_text: string | null;
  /** YYYY-MM-DD */
  recorded_on: string;
  comment: string;
  author_user_id: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** An activity's derived KPI value, kept current by the registered rules (decision 0011). */
export interface KpiActualTable {
  activity_id: string;
  kpi_key: string;
  workspace_id: string;
  value: number;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** A background job (a funder report) worked in-process, with its stored progress. */
export interface JobTable {
  id: string;
  workspace_id: string;
  kind: string;
  status: JobStatus;
  /** 0 to 1 */
  progress: Generated<number>;
  message: Generated<string>;
  /** JSON: the job's parameters */
  params: string;
  error: string | null;
  created_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  /** The worker that holds a `running` job (null otherwise). */
  worker_id: string | null;
  /** Until when that worker holds it; it renews the lease while it works (UTC ISO). */
  lease_expires_at: string | null;
  /** How many times a worker started the job. */
  attempts: Generated<number>;
}

/** The file a job produced. */
export interface JobFileTable {
  job_id: string;
  file_name: string;
  content_type: string;
  size: number;
  content: Buffer;
}

/** A rate-limit counter shared by every server: hits of `key` in the window ending at `expires_at`. */
/** Failed sign-ins of one account from one source (migration 0018, decision 0017). */
export interface SignInLockTable {
  user_id: string;
  /** The client address, an IPv6 address cut to its /64 (`clientSource`). */
  source: string;
  /** Failures in a row from this source (a success from it deletes the row). */
  failures: number;
  /** Until when this source may not sign in to this account (UTC ISO); null below the limit. */
  locked_until: string | null;
  last_failed_at: string;
}

export interface RateLimitTable {
  /** A hash of the route and the request's key (client address, e-mail). */
  key: string;
  hits: number;
  expires_at: string;
}

/** A user's named filters and sort of one list of a workspace (migration 0017). */
export interface SavedViewTable {
  id: string;
  workspace_id: string;
  user_id: string;
  /** `organisations` | `people` | `markets` | `activities` | `audit` */
  list: string;
  name: string;
  /** JSON: { parameter: value } as in the list's address */
  query: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** An organisation outside the consortium (issue 21, migration 0024): a counterpart abroad. */
export interface NetworkOrganisationTable {
  id: string;
  workspace_id: string;
  /** The cluster that looks after it; null: the coordinators'. The access scope. */
  owner_cluster_id: string | null;
  name: string;
  /** `normaliseOrganisationName(name)`; unique per workspace and country when not empty. */
  normalised_name: string;
  /** NetworkOrganisationType */
  type: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  city: string | null;
  website: string | null;
  /** Lower-case host without "www.", for duplicate detection. */
  website_domain: string | null;
  /** JSON: SpaceSegment[] */
  space_segments: string;
  /** JSON: Melca[] */
  melca: string;
  /** JSON: string[] */
  tags: string;
  notes: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  /** YYYY-MM-DD: its latest interaction; kept by triggers (migration 0030). */
  last_interaction_on: Generated<string | null>;
}

/** A person outside the consortium, with the basis on which the workspace holds their data. */
export interface NetworkPersonTable {
  id: string;
  workspace_id: string;
  organisation_id: string | null;
  name: string;
  role_title: string | null;
  /** Lower-cased; unique per workspace when present. */
  email: string | null;
  phone: string | null;
  /** ISO 639-1 */
  language: string | null;
  /** ConsentBasis; null: none recorded (the person may not be added to any mailing). */
  consent_basis: string | null;
  /** YYYY-MM-DD */
  consent_on: string | null;
  /** Where the consent or data came from ("business card at Space Tech Expo"). */
  consent_source: string | null;
  notes: string;
  /** Set when erased (GDPR): name replaced, contact data removed, the row kept for the counts. */
  erased_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A meeting, call, e-mail, visit, encounter or introduction with a network organisation. */
export interface InteractionTable {
  id: string;
  workspace_id: string;
  /** InteractionKind */
  kind: string;
  /** YYYY-MM-DD */
  occurred_on: string;
  /** The activity where it happened (KPI attribution), if any. */
  activity_id: string | null;
  /** Our side's cluster: the access scope; null: the coordinators'. */
  cluster_id: string | null;
  staff_user_id: string | null;
  member_organisation_id: string | null;
  member_person_id: string | null;
  network_organisation_id: string;
  network_person_id: string | null;
  notes: string;
  next_step: string | null;
  /** YYYY-MM-DD */
  next_step_due_on: string | null;
  next_step_owner_user_id: string | null;
  next_step_done_at: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** One of ours (a cluster or a member organisation) and one counterpart, through the pipeline. */
export interface RelationshipTable {
  id: string;
  workspace_id: string;
  our_cluster_id: string | null;
  our_organisation_id: string | null;
  network_organisation_id: string | null;
  counterpart_organisation_id: string | null;
  /** The cluster whose staff may change it (ours, or our member's cluster). */
  cluster_id: string;
  market_id: string | null;
  /** RelationshipStage */
  stage: string;
  /** Why it is dormant or closed. */
  stage_reason: string | null;
  /** YYYY-MM-DD */
  started_on: string;
  /** YYYY-MM-DD: the day of the current stage's change. */
  stage_changed_on: string;
  owner_user_id: string | null;
  notes: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  /** YYYY-MM-DD: the latest interaction with the counterpart network organisation; kept by triggers (migration 0030). */
  last_interaction_on: Generated<string | null>;
  /** YYYY-MM-DD: days-since counts from it (the last interaction, else `started_on`); kept by triggers (migration 0030). */
  health_on: Generated<string>;
}

/** Every stage a relationship took, when, by whom, and the activity it is attributed to. */
export interface RelationshipStageChangeTable {
  id: string;
  workspace_id: string;
  relationship_id: string;
  /** Null on the first change (the relationship began at `to_stage`). */
  from_stage: string | null;
  to_stage: string;
  /** YYYY-MM-DD */
  changed_on: string;
  reason: string | null;
  actor_user_id: string | null;
  activity_id: string | null;
  created_at: string;
}

/** A collaborative project with partners of ours and counterparts. */
export interface ProjectTable {
  id: string;
  workspace_id: string;
  cluster_id: string | null;
  title: string;
  description: string;
  /** FundingProgramme */
  funding_programme: string | null;
  /** Minor units of `currency`. */
  amount_minor: number | null;
  /** ISO 4217 */
  currency: string | null;
  /** ProjectStatus */
  status: string;
  /** 0/1: carries a common (cluster) label. */
  common_label: Generated<number>;
  /** 0/1: funded from outside Europe or by an international programme. */
  international_funding: Generated<number>;
  activity_id: string | null;
  instrument_id: string | null;
  starts_on: string | null;
  ends_on: string | null;
  /** YYYY-MM-DD */
  completed_on: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A partner of a project: exactly one of a cluster, a member organisation, a network organisation. */
export interface ProjectPartnerTable {
  id: string;
  project_id: string;
  cluster_id: string | null;
  organisation_id: string | null;
  network_organisation_id: string | null;
  /** ProjectPartnerRole */
  role: string;
  created_at: string;
}

/** One network-health digest per owner and ISO week: the unique key makes servers send it once. */
export interface NetworkDigestTable {
  id: string;
  workspace_id: string;
  user_id: string;
  /** e.g. 2026-W49 */
  week: string;
  sent_at: string | null;
  created_at: string;
}

/** A B2B matchmaking event on an activity (issue 22, migration 0032). */
export interface B2bEventTable {
  id: string;
  workspace_id: string;
  activity_id: string;
  public_slug: string;
  description: Generated<string>;
  /** IANA time zone of the sessions' wall-clock times. */
  time_zone: string;
  format: 'in_person' | 'online' | 'hybrid';
  venue: string | null;
  video_link: string | null;
  slot_minutes: number;
  registration_opens_at: string | null;
  registration_closes_at: string | null;
  request_deadline_at: string | null;
  max_requests_per_participant: number | null;
  max_representatives: Generated<number>;
  request_expiry_days: number | null;
  /** JSON: MeetingType[] */
  meeting_types: Generated<string>;
  approval: Generated<'manual' | 'automatic'>;
  status: Generated<'draft' | 'open' | 'closed'>;
  published_at: string | null;
  published_run_id: string | null;
  agenda_revision: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface B2bEventCoOrganiserTable {
  event_id: string;
  cluster_id: string;
  created_at: string;
}

/** A session of an event: a day's period of meeting slots, with breaks inside it. */
export interface B2bSessionTable {
  id: string;
  event_id: string;
  name: string;
  /** YYYY-MM-DD in the event's time zone. */
  day: string;
  /** HH:MM wall-clock in the event's time zone. */
  start_time: string;
  end_time: string;
  /** JSON: SessionBreak[] */
  breaks: Generated<string>;
  created_at: string;
}

/** A registered organisation at an event: a member or an outside organisation. */
export interface B2bParticipantTable {
  id: string;
  workspace_id: string;
  event_id: string;
  organisation_id: string | null;
  network_organisation_id: string | null;
  name: string;
  country: string;
  city: string | null;
  website: string | null;
  organisation_type: string | null;
  description: Generated<string>;
  offers: Generated<string>;
  looking_for: Generated<string>;
  /** JSON string arrays. */
  tags: Generated<string>;
  space_segments: Generated<string>;
  target_markets: Generated<string>;
  meeting_types: Generated<string>;
  /** JSON: UTC start instants of the slots it cannot meet in. */
  unavailable: Generated<string>;
  contact_name: string;
  contact_email: string;
  status: 'unconfirmed' | 'pending' | 'approved' | 'rejected' | 'cancelled';
  source: 'public' | 'member' | 'organiser' | 'import';
  consent_at: string | null;
  consent_text: string | null;
  network_consent: Generated<number>;
  confirmation_token_hash: string | null;
  confirmation_expires_at: string | null;
  email_confirmed_at: string | null;
  access_token_hash: string | null;
  feed_token: string | null;
  checkin_code: string;
  checked_in_at: string | null;
  checked_in_by: string | null;
  decided_at: string | null;
  decided_by: string | null;
  decision_reason: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface B2bRepresentativeTable {
  id: string;
  participant_id: string;
  name: string;
  email: string | null;
  role_title: string | null;
  person_id: string | null;
  network_person_id: string | null;
  position: number;
  created_at: string;
}

export interface B2bTableTable {
  id: string;
  event_id: string;
  number: number;
  name: string;
  reserved_participant_id: string | null;
  video_link: string | null;
  created_at: string;
}

export interface B2bRequestTable {
  id: string;
  workspace_id: string;
  event_id: string;
  from_participant_id: string;
  to_participant_id: string;
  /** The two participant ids sorted and joined by ':' (see `pairKey`). */
  pair_key: string;
  meeting_type: 'b2b' | 'c2c' | 'b2i';
  message: Generated<string>;
  /** 1 low, 2 normal, 3 high. */
  priority: Generated<number>;
  status: 'pending' | 'accepted' | 'declined' | 'expired' | 'cancelled';
  origin: 'participant' | 'organiser' | 'import';
  created_by: string | null;
  responded_at: string | null;
  decline_reason: string | null;
  expires_at: string | null;
  reminded_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface B2bScheduleRunTable {
  id: string;
  workspace_id: string;
  event_id: string;
  job_id: string | null;
  mode: 'full' | 'reschedule';
  status: 'queued' | 'running' | 'done' | 'failed' | 'applied' | 'discarded';
  result_status: 'optimal' | 'feasible' | 'infeasible' | 'unknown' | null;
  breaks: number | null;
  lower_bound: number | null;
  requested: Generated<number>;
  placed: Generated<number>;
  changes: number | null;
  time_limit_seconds: number;
  seconds: number | null;
  /** JSON: RunAssignment[] */
  assignments: Generated<string>;
  /** JSON: UnplacedRequest[] */
  unplaced: Generated<string>;
  /** JSON: ParticipantBreaks[] */
  participant_breaks: Generated<string>;
  explanation: string | null;
  fingerprint: string;
  created_by: string | null;
  created_at: string;
  finished_at: string | null;
  applied_at: string | null;
}

/** A meeting of the event's current schedule (one per accepted request that was placed). */
export interface B2bMeetingTable {
  id: string;
  workspace_id: string;
  event_id: string;
  request_id: string;
  slot_starts_at: string;
  slot_ends_at: string;
  table_id: string | null;
  status: Generated<'scheduled' | 'held' | 'no_show' | 'cancelled'>;
  status_by: 'from' | 'to' | 'organiser' | null;
  status_changed_at: string | null;
  published: Generated<number>;
  run_id: string | null;
  interaction_id: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface B2bMeetingFeedbackTable {
  id: string;
  workspace_id: string;
  meeting_id: string;
  participant_id: string;
  rating: number | null;
  follow_up: 'none' | 'contact' | 'meeting' | 'proposal' | 'partnership';
  comment: Generated<string>;
  created_at: string;
  updated_at: string;
}

/** A questionnaire (issue 23): its draft definition; waves keep frozen versions. */
export interface SurveyQuestionnaireTable {
  id: string;
  workspace_id: string;
  kind: 'readiness' | 'market' | 'general';
  name: string;
  description: Generated<string>;
  /** JSON: QuestionnaireDefinition (src/domain/surveys/types.ts) */
  definition: string;
  /** The number of the last frozen version (0: never sent). */
  current_version: Generated<number>;
  /** 0/1: the Hub's default readiness questionnaire. */
  is_default: Generated<number>;
  status: Generated<'active' | 'archived'>;
  created_by: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A questionnaire as it was when a wave was sent. */
export interface SurveyQuestionnaireVersionTable {
  id: string;
  workspace_id: string;
  questionnaire_id: string;
  number: number;
  /** JSON: QuestionnaireDefinition */
  definition: string;
  created_at: string;
}

/** A wave: a questionnaire sent to a chosen set of respondents. */
export interface SurveyWaveTable {
  id: string;
  workspace_id: string;
  questionnaire_id: string;
  questionnaire_version_id: string | null;
  activity_id: string | null;
  market_id: string | null;
  cluster_id: string | null;
  name: string;
  /** JSON: WaveAudience */
  audience: Generated<string>;
  /** 0/1 */
  anonymous: Generated<number>;
  default_language: Generated<string>;
  status: Generated<'draft' | 'open' | 'closed'>;
  opened_at: string | null;
  closes_at: string | null;
  closed_at: string | null;
  reminder_after_days: number | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** One respondent's personal link to a wave, with its progress and its saved partial answers. */
export interface SurveyInvitationTable {
  id: string;
  workspace_id: string;
  wave_id: string;
  /** SHA-256 of the link's token. */
  token_hash: string;
  person_id: string | null;
  network_person_id: string | null;
  organisation_id: string | null;
  network_organisation_id: string | null;
  email: string;
  name: string;
  language: Generated<string>;
  sent_at: string | null;
  opened_at: string | null;
  started_at: string | null;
  completed_at: string | null;
  reminded_at: string | null;
  reminder_count: Generated<number>;
  /** JSON: Answers, until submitted. */
  draft_answers: string | null;
  draft_updated_at: string | null;
  created_at: string;
}

/** A submitted response; in an anonymous wave it has no link to its invitation or respondent. */
export interface SurveyResponseTable {
  id: string;
  workspace_id: string;
  wave_id: string;
  invitation_id: string | null;
  organisation_id: string | null;
  network_organisation_id: string | null;
  language: string;
  /** JSON: Answers */
  answers: string;
  /** 0..1 */
  completeness: number;
  /** JSON: Record<ReadinessDimension, number> (0..100), readiness questionnaires only. */
  scores: string | null;
  /** Out of 200, readiness questionnaires only. */
  readiness_score: number | null;
  stage: 'impasse' | 'entry' | 'mid' | 'passe_partout' | null;
  submitted_at: string;
  created_at: string;
}

/** A finding about a target market (from a market survey or desk research), in its dossier. */
export interface MarketFindingTable {
  id: string;
  workspace_id: string;
  market_id: string;
  wave_id: string | null;
  title: string;
  body: Generated<string>;
  created_by: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface DB {
  workspace: WorkspaceTable;
  instrument: InstrumentTable;
  instrument_kpi: InstrumentKpiTable;
  app_meta: AppMetaTable;
  cluster: ClusterTable;
  organisation: OrganisationTable;
  person: PersonTable;
  app_user: AppUserTable;
  membership: MembershipTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  audit_event: AuditEventTable;
  mail_outbox: MailOutboxTable;
  invitation: InvitationTable;
  password_reset: PasswordResetTable;
  target_market: TargetMarketTable;
  plan: PlanTable;
  plan_instrument: PlanInstrumentTable;
  activity: ActivityTable;
  activity_participant: ActivityParticipantTable;
  cost_line: CostLineTable;
  travel_rate: TravelRateTable;
  kpi_target: KpiTargetTable;
  kpi_entry: KpiEntryTable;
  kpi_actual: KpiActualTable;
  job: JobTable;
  job_file: JobFileTable;
  rate_limit: RateLimitTable;
  sign_in_lock: SignInLockTable;
  saved_view: SavedViewTable;
  workspace_setup: WorkspaceSetupTable;
  network_organisation: NetworkOrganisationTable;
  network_person: NetworkPersonTable;
  interaction: InteractionTable;
  relationship: RelationshipTable;
  relationship_stage_change: RelationshipStageChangeTable;
  project: ProjectTable;
  project_partner: ProjectPartnerTable;
  network_digest: NetworkDigestTable;
  b2b_event: B2bEventTable;
  b2b_event_co_organiser: B2bEventCoOrganiserTable;
  b2b_session: B2bSessionTable;
  b2b_participant: B2bParticipantTable;
  b2b_representative: B2bRepresentativeTable;
  b2b_table: B2bTableTable;
  b2b_request: B2bRequestTable;
  b2b_schedule_run: B2bScheduleRunTable;
  b2b_meeting: B2bMeetingTable;
  b2b_meeting_feedback: B2bMeetingFeedbackTable;
  survey_questionnaire: SurveyQuestionnaireTable;
  survey_questionnaire_version: SurveyQuestionnaireVersionTable;
  survey_wave: SurveyWaveTable;
  survey_invitation: SurveyInvitationTable;
  survey_response: SurveyResponseTable;
  market_finding: MarketFindingTable;
}
