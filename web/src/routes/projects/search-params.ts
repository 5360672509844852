/**
 * The projects list's filters as they live in the address (`?status=idea,proposal&programme=esa`):
 * read leniently (anything unknown is dropped, so an edited or old link still opens) and turned
 * into the API's query. Pure, so it is unit-tested.
 */
import {
  FUNDING_PROGRAMMES,
  type FundingProgramme,
  PROJECT_STATUSES,
  type ProjectStatus,
} from '../../../../src/domain/network/types.ts';
import type { paths } from '../../api/schema.d.ts';

export type ProjectsApiQuery = NonNullable<
  paths['/api/v1/workspaces/{workspace}/network/projects']['get']['parameters']['query']
>;

export const PROJECTS_PAGE_SIZE = 50;

export interface ProjectsSearch {
  q?: string;
  status?: ProjectStatus[];
  programme?: FundingProgramme;
  clusterId?: string;
  commonLabel?: boolean;
  internationalFunding?: boolean;
}

const text = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.trim() !== '' && value.length <= max ? value : undefined;

/** `status` as the address holds it: a list, or text separated by commas. */
function statuses(value: unknown): ProjectStatus[] | undefined {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const known = PROJECT_STATUSES.filter((status) => list.includes(status));
  return known.length > 0 ? known : undefined;
}

const flag = (value: unknown): boolean | undefined => (value === true || value === 'true' ? true : undefined);

export function parseProjectsSearch(raw: Record<string, unknown>): ProjectsSearch {
  const search: ProjectsSearch = {};
  const q = text(raw.q, 100);
  if (q) search.q = q;
  const status = statuses(raw.status);
  if (status) search.status = status;
  if (
    typeof raw.programme === 'string' &&
    (FUNDING_PROGRAMMES as readonly string[]).includes(raw.programme)
  ) {
    search.programme = raw.programme as FundingProgramme;
  }
  const clusterId = text(raw.clusterId, 100);
  if (clusterId) search.clusterId = clusterId;
  if (flag(raw.commonLabel)) search.commonLabel = true;
  if (flag(raw.internationalFunding)) search.internationalFunding = true;
  return search;
}

/** The list API's query for these filters and page. */
export function projectsApiQuery(search: ProjectsSearch, cursor: string | null): ProjectsApiQuery {
  return {
    limit: PROJECTS_PAGE_SIZE,
    ...(search.q ? { q: search.q } : {}),
    ...(search.status ? { status: search.status.join(',') } : {}),
    ...(search.programme ? { fundingProgramme: search.programme } : {}),
    ...(search.clusterId ? { clusterId: search.clusterId } : {}),
    ...(search.commonLabel ? { commonLabel: 'true' as const } : {}),
    ...(search.internationalFunding ? { internationalFunding: 'true' as const } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

/** Whether any filter is set (the empty state then says "no match" rather than "none yet"). */
export function hasFilters(search: ProjectsSearch): boolean {
  return Object.keys(search).length > 0;
}
