import type { MeetingType } from '../../domain/matchmaking/types.ts';
import type { ParticipantRow, RepresentativeRow } from './repository.ts';
import type { ParticipantDto } from './schema.ts';

const list = (json: string): string[] => {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
};

export function presentParticipant(row: ParticipantRow, reps: readonly RepresentativeRow[]): ParticipantDto {
  return {
    id: row.id,
    eventId: row.event_id,
    organisationId: row.organisation_id,
    networkOrganisationId: row.network_organisation_id,
    name: row.name,
    country: row.country,
    city: row.city,
    website: row.website,
    type: row.organisation_type,
    description: row.description,
    offers: row.offers,
    lookingFor: row.looking_for,
    tags: list(row.tags),
    spaceSegments: list(row.space_segments),
    targetMarkets: list(row.target_markets),
    meetingTypes: list(row.meeting_types) as MeetingType[],
    unavailable: list(row.unavailable),
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    status: row.status,
    source: row.source,
    networkConsent: row.network_consent === 1,
    emailConfirmedAt: row.email_confirmed_at,
    decidedAt: row.decided_at,
    decisionReason: row.decision_reason,
    checkedInAt: row.checked_in_at,
    representatives: reps
      .filter((r) => r.participant_id === row.id)
      .map((r) => ({
        id: r.id,
        name: r.name,
        email: r.email,
        role: r.role_title,
        personId: r.person_id,
        networkPersonId: r.network_person_id,
      })),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
