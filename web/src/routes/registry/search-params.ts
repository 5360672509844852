/**
 * The registry lists' filters as they live in the address (`?q=orbit&segment=satcom&limit=25`):
 * read leniently (anything unknown is dropped, so an edited or old link still opens), and turned
 * into the API's query. Pure, so it is unit-tested.
 */
import type {
  ListOrganisationsQuery,
  ListPeopleQuery,
  OrganisationExportQuery,
  OrganisationType,
  PersonExportQuery,
  SpaceSegment,
} from '../../api/types.ts';
import { ORGANISATION_TYPES, SPACE_SEGMENTS } from '../../api/vocabulary.ts';
import { sortParam } from '../../components/list-sort.ts';

/** Rows per page offered; the first is the default and is left out of the address. */
export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = PAGE_SIZES[0];

/** The columns the members list sorts by (the API's keys); without `sort`, the order they were added. */
export const MEMBER_SORTS = ['name', 'type', 'country', 'cluster', 'updatedAt'] as const;
export const PEOPLE_SORTS = ['name', 'email', 'updatedAt'] as const;
/** The registry lists' order without a `sort`. */
export const REGISTRY_DEFAULT_SORT = 'createdAt';

type SortOf<K extends string> = K | `-${K}`;

export interface MembersSearch {
  q?: string;
  /** Id of a partner cluster. */
  cluster?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  segment?: SpaceSegment;
  type?: OrganisationType;
  sort?: SortOf<(typeof MEMBER_SORTS)[number]>;
  limit?: number;
}

export interface PeopleSearch {
  q?: string;
  /** Id of a member organisation. */
  organisation?: string;
  sort?: SortOf<(typeof PEOPLE_SORTS)[number]>;
  limit?: number;
}

const text = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.trim() !== '' && value.length <= max ? value : undefined;

const oneOf = <T extends string>(list: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as T) : undefined;

function pageSize(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return (PAGE_SIZES as readonly number[]).includes(n) && n !== DEFAULT_PAGE_SIZE ? n : undefined;
}

/** Drops the keys whose value is undefined, so the address stays short and the query key stable. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** `validateSearch` of the members page. */
export function parseMembersSearch(raw: Record<string, unknown>): MembersSearch {
  return compact({
    q: text(raw.q, 100),
    cluster: text(raw.cluster, 100),
    country: typeof raw.country === 'string' && /^[A-Z]{2}$/.test(raw.country) ? raw.country : undefined,
    segment: oneOf(SPACE_SEGMENTS, raw.segment),
    type: oneOf(ORGANISATION_TYPES, raw.type),
    sort: sortParam(raw.sort, MEMBER_SORTS),
    limit: pageSize(raw.limit),
  });
}

/** `validateSearch` of the people page. */
export function parsePeopleSearch(raw: Record<string, unknown>): PeopleSearch {
  return compact({
    q: text(raw.q, 100),
    organisation: text(raw.organisation, 100),
    sort: sortParam(raw.sort, PEOPLE_SORTS),
    limit: pageSize(raw.limit),
  });
}

/** The API query of one page of members. */
export function membersApiQuery(search: MembersSearch, cursor: string | null): ListOrganisationsQuery {
  return compact({
    q: search.q?.trim() || undefined,
    cluster: search.cluster,
    country: search.country,
    segment: search.segment,
    type: search.type,
    sort: search.sort,
    limit: search.limit ?? DEFAULT_PAGE_SIZE,
    cursor: cursor ?? undefined,
  });
}

/** The API query of one page of people. */
export function peopleApiQuery(search: PeopleSearch, cursor: string | null): ListPeopleQuery {
  return compact({
    q: search.q?.trim() || undefined,
    organisation: search.organisation,
    sort: search.sort,
    limit: search.limit ?? DEFAULT_PAGE_SIZE,
    cursor: cursor ?? undefined,
  });
}

/** The query of the members export: the list's filters (no paging) and the file format. */
export function membersExportQuery(search: MembersSearch, format: 'csv' | 'xlsx'): OrganisationExportQuery {
  const { limit: _limit, cursor: _cursor, ...filters } = membersApiQuery(search, null);
  return { ...filters, format };
}

/** The query of the people export: the list's filters (no paging) and the file format. */
export function peopleExportQuery(search: PeopleSearch, format: 'csv' | 'xlsx'): PersonExportQuery {
  const { limit: _limit, cursor: _cursor, ...filters } = peopleApiQuery(search, null);
  return { ...filters, format };
}
