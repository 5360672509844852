import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import {
  deleteMemberQuery,
  listMembersQuery,
  memberListSchema,
  memberParams,
  memberSchema,
  updateMemberBody,
} from './schema.ts';
import type { MemberService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** `/workspaces/{workspace}/members`: who belongs to the workspace, in which role (coordinators). */
export function memberRoutes(members: MemberService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/members',
      {
        config: { permission: 'membership.read' },
        schema: {
          tags: ['auth'],
          summary: 'The members of the workspace with their roles (coordinators)',
          params: workspaceParams,
          querystring: listMembersQuery,
          response: { 200: memberListSchema, ...errors },
        },
      },
      async (request) => members.list(actorOf(request), request.query),
    );

    app.patch(
      '/members/:userId',
      {
        config: { permission: 'membership.update' },
        schema: {
          tags: ['auth'],
          summary: "Change a member's role (coordinators)",
          description:
            'A cluster manager needs `clusterId`, a member may have `organisationId`, no other role has either. ' +
            'Send the `version` you read (a stale one is 409). Demoting the last coordinator is refused with 409.',
          params: memberParams,
          body: updateMemberBody,
          response: { 200: memberSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => members.update(actorOf(request), request.params.userId, request.body),
    );

    app.delete(
      '/members/:userId',
      {
        config: { permission: 'membership.delete' },
        schema: {
          tags: ['auth'],
          summary: 'Remove a member from the workspace (coordinators)',
          description:
            'The account stays (with its other workspaces). Removing the last coordinator is refused with 409.',
          params: memberParams,
          querystring: deleteMemberQuery,
          response: { 204: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await members.remove(actorOf(request), request.params.userId, request.query.version);
        return reply.code(204).send();
      },
    );
  };
}
