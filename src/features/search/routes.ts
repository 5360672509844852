import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import { searchQuery, searchResultSchema } from './schema.ts';
import type { SearchService } from './service.ts';

/** `/workspaces/{workspace}/search`: the global search of a workspace. */
export function searchRoutes(search: SearchService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/search',
      {
        config: { permission: 'workspace.read' },
        schema: {
          tags: ['lists'],
          summary: 'Find organisations, people, markets, plans and activities by name',
          description:
            'A few results of each kind your role may read, grouped by kind; names starting with the text come first.',
          params: workspaceParams,
          querystring: searchQuery,
          response: {
            200: searchResultSchema,
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request) => search.search(actorOf(request), request.query),
    );
  };
}
