import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import { abilitiesSchema } from './abilities-schema.ts';
import type { AbilityService } from './abilities-service.ts';

/**
 * `/workspaces/{workspace}/me/abilities`: what the caller may do where, computed by the access
 * policy itself, so the web app shows only the actions the server would allow.
 */
export function abilityRoutes(abilities: AbilityService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/me/abilities',
      {
        config: { permission: 'workspace.read' },
        schema: {
          tags: ['auth'],
          summary: 'What the caller may do in the workspace, by scope',
          description:
            'For showing only the actions the server would allow: `anywhere` lists what the role may do on ' +
            'some resource; each entry of `scopes` what it may do on the resources of one cluster, on unowned ' +
            'ones (`clusterId` null), and, for a member, on its own organisation. Every request is still checked.',
          params: workspaceParams,
          response: { 200: abilitiesSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
        },
      },
      async (request) => abilities.of(actorOf(request)),
    );
  };
}
