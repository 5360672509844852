/**
 * The network's vocabularies (issue 21, decision 0026): organisations and people outside the
 * consortium, interactions with them, the partnership pipeline and collaborative projects. Codes
 * stay in the API; the English labels here serve the server's own texts (audit log, exports,
 * digest mail); the web app shows its translated messages. Pure data and small look-ups, no I/O.
 */

export const NETWORK_ORGANISATION_TYPES = [
  'cluster',
  'agency',
  'chamber_of_commerce',
  'embassy_or_consulate',
  'company',
  'research_or_university',
  'investor',
  'association',
  'other',
] as const;
export type NetworkOrganisationType = (typeof NETWORK_ORGANISATION_TYPES)[number];
export const NETWORK_ORGANISATION_TYPE_LABELS: Record<NetworkOrganisationType, string> = {
  cluster: 'Cluster',
  agency: 'Agency',
  chamber_of_commerce: 'Chamber of commerce',
  embassy_or_consulate: 'Embassy or consulate',
  company: 'Company',
  research_or_university: 'Research centre or university',
  investor: 'Investor',
  association: 'Association',
  other: 'Other',
};

/** GDPR Art. 6 bases a person's data may be held on. */
export const CONSENT_BASES = ['consent', 'legitimate_interest', 'contract'] as const;
export type ConsentBasis = (typeof CONSENT_BASES)[number];
export const CONSENT_BASIS_LABELS: Record<ConsentBasis, string> = {
  consent: 'Consent given',
  legitimate_interest: 'Legitimate interest',
  contract: 'Contract',
};

export const INTERACTION_KINDS = [
  'meeting',
  'call',
  'email',
  'visit',
  'event_encounter',
  'introduction',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
export const INTERACTION_KIND_LABELS: Record<InteractionKind, string> = {
  meeting: 'Meeting',
  call: 'Call',
  email: 'E-mail',
  visit: 'Visit',
  event_encounter: 'Encounter at an event',
  introduction: 'Introduction',
};
/** The kinds that count as a meeting (met in person or by video): the "meetings" KPI. */
export const MEETING_KINDS: readonly InteractionKind[] = ['meeting', 'visit', 'event_encounter'];

/** The pipeline's stages in order; `dormant` and `closed` sit outside it and need a reason. */
export const PIPELINE_STAGES = [
  'mapped',
  'contacted',
  'met',
  'potential_partner',
  'partner',
  'collaborating',
  'common_project',
] as const;
export const RELATIONSHIP_STAGES = [...PIPELINE_STAGES, 'dormant', 'closed'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];
export type RelationshipStage = (typeof RELATIONSHIP_STAGES)[number];
export const RELATIONSHIP_STAGE_LABELS: Record<RelationshipStage, string> = {
  mapped: 'Mapped',
  contacted: 'Contacted',
  met: 'Met',
  potential_partner: 'Potential partner',
  partner: 'Partner',
  collaborating: 'Collaborating',
  common_project: 'Common project',
  dormant: 'Dormant',
  closed: 'Closed',
};

/** A stage's place in the pipeline (0 = mapped); null for dormant and closed. */
export function stageRank(stage: RelationshipStage): number | null {
  const rank = (PIPELINE_STAGES as readonly string[]).indexOf(stage);
  return rank === -1 ? null : rank;
}

/** Whether a stage needs a reason (dormant, closed). */
export function stageNeedsReason(stage: RelationshipStage): boolean {
  return stageRank(stage) === null;
}

/**
 * Days without an interaction after which a relationship at this stage is "decaying" (network
 * health, item 5). The closer the partnership, the sooner silence matters. Documented in the user
 * guide; a workspace cannot change them yet.
 */
export const DECAY_DAYS: Record<RelationshipStage, number | null> = {
  mapped: null,
  contacted: 90,
  met: 90,
  potential_partner: 60,
  partner: 60,
  collaborating: 45,
  common_project: 45,
  dormant: null,
  closed: null,
};

export const PROJECT_STATUSES = ['idea', 'proposal', 'funded', 'running', 'completed', 'rejected'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  idea: 'Idea',
  proposal: 'Proposal',
  funded: 'Funded',
  running: 'Running',
  completed: 'Completed',
  rejected: 'Rejected',
};

export const FUNDING_PROGRAMMES = [
  'horizon_europe',
  'esa',
  'eu_other',
  'national',
  'regional',
  'private',
  'other',
] as const;
export type FundingProgramme = (typeof FUNDING_PROGRAMMES)[number];
export const FUNDING_PROGRAMME_LABELS: Record<FundingProgramme, string> = {
  horizon_europe: 'Horizon Europe',
  esa: 'ESA',
  eu_other: 'Other EU programme',
  national: 'National',
  regional: 'Regional',
  private: 'Private',
  other: 'Other',
};

export const PROJECT_PARTNER_ROLES = [
  'coordinator',
  'partner',
  'subcontractor',
  'associated',
  'funder',
] as const;
export type ProjectPartnerRole = (typeof PROJECT_PARTNER_ROLES)[number];
export const PROJECT_PARTNER_ROLE_LABELS: Record<ProjectPartnerRole, string> = {
  coordinator: 'Coordinator',
  partner: 'Partner',
  subcontractor: 'Subcontractor',
  associated: 'Associated partner',
  funder: 'Funder',
};
