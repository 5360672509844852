import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import { websiteDomain } from '../../src/domain/network/languages.ts';
import { normaliseOrganisationName } from '../../src/domain/registry/duplicates.ts';
import {
  NetworkOrganisationRepository,
  type NetworkOrganisationValues,
  NetworkPersonRepository,
  type NetworkPersonValues,
} from '../../src/features/network-registry/repository.ts';

let counter = 0;
const unique = (prefix: string) => `${prefix} ${process.pid}-${++counter}`;

/**
 * A network organisation straight through the repository (unique name unless given; country ES).
 * `normalised_name` and `website_domain` follow the name and website unless overridden.
 */
export function newNetworkOrganisation(
  db: Kysely<DB>,
  workspaceId: string,
  overrides: Partial<NetworkOrganisationValues> = {},
) {
  const name = overrides.name ?? unique('Network organisation');
  const website = overrides.website ?? null;
  return new NetworkOrganisationRepository(db).create(workspaceId, {
    owner_cluster_id: null,
    type: 'company',
    country: 'ES',
    city: null,
    space_segments: '[]',
    melca: '[]',
    tags: '[]',
    notes: '',
    ...overrides,
    name,
    normalised_name: overrides.normalised_name ?? normaliseOrganisationName(name),
    website,
    website_domain: overrides.website_domain ?? websiteDomain(website),
  });
}

/** A network person straight through the repository (consent given today unless overridden). */
export function newNetworkPerson(
  db: Kysely<DB>,
  workspaceId: string,
  overrides: Partial<NetworkPersonValues> = {},
) {
  return new NetworkPersonRepository(db).create(workspaceId, {
    organisation_id: null,
    name: unique('Network person'),
    role_title: null,
    email: null,
    phone: null,
    language: null,
    consent_basis: 'consent',
    consent_on: '2026-01-15',
    consent_source: 'Business card',
    notes: '',
    erased_at: null,
    ...overrides,
  });
}
