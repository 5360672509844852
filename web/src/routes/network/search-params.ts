/**
 * The network lists' filters as they live in the address (`?q=orbit&type=agency`): read leniently
 * (anything unknown is dropped, so an edited or old link still opens) and turned into the API's
 * query. Pure, so it is unit-tested.
 */

import {
  NETWORK_ORGANISATION_TYPES,
  type NetworkOrganisationType,
} from '../../../../src/domain/network/types.ts';
import { SPACE_SEGMENTS, type SpaceSegment } from '../../../../src/domain/registry/types.ts';
import type { paths } from '../../api/schema.d.ts';
import { sortParam } from '../../components/list-sort.ts';

type OrganisationsQuery = NonNullable<
  paths['/api/v1/workspaces/{workspace}/network/organisations']['get']['parameters']['query']
>;
type PeopleQuery = NonNullable<
  paths['/api/v1/workspaces/{workspace}/network/people']['get']['parameters']['query']
>;

export const NETWORK_PAGE_SIZE = 50;
export const NETWORK_ORGANISATION_SORTS = ['name', 'country', 'type', 'updatedAt'] as const;
export const NETWORK_PEOPLE_SORTS = ['name', 'organisation', 'updatedAt'] as const;
/** The lists' order without a `sort`. */
export const NETWORK_DEFAULT_SORT = 'name';

type SortOf<K extends string> = K | `-${K}`;

export interface NetworkOrganisationsSearch {
  q?: string;
  country?: string;
  type?: NetworkOrganisationType;
  segment?: SpaceSegment;
  tag?: string;
  ownerClusterId?: string;
  sort?: SortOf<(typeof NETWORK_ORGANISATION_SORTS)[number]>;
}

export interface NetworkPeopleSearch {
  q?: string;
  organisationId?: string;
  country?: string;
  language?: string;
  sort?: SortOf<(typeof NETWORK_PEOPLE_SORTS)[number]>;
}

const text = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.trim() !== '' && value.length <= max ? value : undefined;
const oneOf = <T extends string>(list: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as T) : undefined;
const country = (value: unknown) =>
  typeof value === 'string' && /^[A-Z]{2}$/.test(value) ? value : undefined;

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function parseNetworkOrganisationsSearch(raw: Record<string, unknown>): NetworkOrganisationsSearch {
  return compact({
    q: text(raw.q, 100),
    country: country(raw.country),
    type: oneOf(NETWORK_ORGANISATION_TYPES, raw.type),
    segment: oneOf(SPACE_SEGMENTS, raw.segment),
    tag: text(raw.tag, 40),
    ownerClusterId: text(raw.ownerClusterId, 100),
    sort: sortParam(raw.sort, NETWORK_ORGANISATION_SORTS),
  });
}

export function parseNetworkPeopleSearch(raw: Record<string, unknown>): NetworkPeopleSearch {
  return compact({
    q: text(raw.q, 100),
    organisationId: text(raw.organisationId, 100),
    country: country(raw.country),
    language: typeof raw.language === 'string' && /^[a-z]{2}$/.test(raw.language) ? raw.language : undefined,
    sort: sortParam(raw.sort, NETWORK_PEOPLE_SORTS),
  });
}

export function organisationsApiQuery(
  search: NetworkOrganisationsSearch,
  cursor: string | null,
): OrganisationsQuery {
  return compact({
    ...search,
    q: search.q?.trim() || undefined,
    limit: NETWORK_PAGE_SIZE,
    cursor: cursor ?? undefined,
  });
}

export function peopleApiQuery(search: NetworkPeopleSearch, cursor: string | null): PeopleQuery {
  return compact({
    ...search,
    q: search.q?.trim() || undefined,
    limit: NETWORK_PAGE_SIZE,
    cursor: cursor ?? undefined,
  });
}
