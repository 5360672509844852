import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { OrganisationDto, OrganisationListDto } from '../api/types.ts';
import { workspaceKeys } from './keys.ts';

/** Upper bound of the directory: beyond it the pickers offer the first organisations only. */
const DIRECTORY_MAX = 5000;

/**
 * Every organisation's name and cluster, for pickers and for naming the organisation of a person.
 * A registry holds hundreds to a few thousand organisations: read once, 200 a request.
 */
export function organisationDirectoryQuery(workspace: string) {
  return queryOptions({
    queryKey: [...workspaceKeys.organisations(workspace), 'directory'] as const,
    queryFn: async ({ signal }) => {
      const all: Pick<OrganisationDto, 'id' | 'name' | 'clusterId' | 'country'>[] = [];
      let cursor: string | null = null;
      do {
        const page: OrganisationListDto = await unwrap(
          api.GET('/api/v1/workspaces/{workspace}/organisations', {
            params: { path: { workspace }, query: { limit: 200, ...(cursor ? { cursor } : {}) } },
            signal,
          }),
        );
        for (const { id, name, clusterId, country } of page.items) all.push({ id, name, clusterId, country });
        cursor = page.nextCursor;
      } while (cursor && all.length < DIRECTORY_MAX);
      return all.sort((a, b) => a.name.localeCompare(b.name, 'en'));
    },
    staleTime: 60_000,
  });
}
