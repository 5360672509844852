import type { NetworkOrganisationRow, NetworkPersonWithOrganisation } from './repository.ts';
import type { NetworkOrganisationDto, NetworkPersonDto } from './schema.ts';

/** The exact JSON of a network organisation. */
export function presentNetworkOrganisation(
  row: NetworkOrganisationRow & { people_count?: unknown },
): NetworkOrganisationDto {
  return {
    id: row.id,
    name: row.name,
    type: row.type as NetworkOrganisationDto['type'],
    country: row.country,
    city: row.city,
    website: row.website,
    ownerClusterId: row.owner_cluster_id,
    spaceSegments: JSON.parse(row.space_segments),
    melca: JSON.parse(row.melca),
    tags: JSON.parse(row.tags),
    notes: row.notes,
    peopleCount: Number(row.people_count ?? 0),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The exact JSON of a network person (an erased one shows only what the erasure kept). */
export function presentNetworkPerson(row: NetworkPersonWithOrganisation): NetworkPersonDto {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    name: row.name,
    roleTitle: row.role_title,
    email: row.email,
    phone: row.phone,
    language: row.language,
    consentBasis: row.consent_basis as NetworkPersonDto['consentBasis'],
    consentOn: row.consent_on,
    consentSource: row.consent_source,
    notes: row.notes,
    erased: row.erased_at !== null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
