import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import { logoQuery, updateSettingsBody, workspaceSettingsSchema } from './schema.ts';
import type { WorkspaceSettingsService } from './settings-service.ts';

const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  423: problemSchema,
};

/** `/workspaces/{workspace}/settings` and `/logo` (registered in the workspace scope). */
export function settingsRoutes(settings: WorkspaceSettingsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/settings',
      {
        config: { permission: 'workspace.read' },
        schema: {
          tags: ['workspaces'],
          summary: 'The workspace’s settings (every member reads them; coordinators change them)',
          params: workspaceParams,
          response: { 200: workspaceSettingsSchema, ...errors },
        },
      },
      async (request) => settings.get(actorOf(request)),
    );

    app.patch(
      '/settings',
      {
        config: { permission: 'workspace.update' },
        // A logo of 256 KB in base64, with the other fields.
        bodyLimit: 400 * 1024,
        schema: {
          tags: ['workspaces'],
          summary: 'Change the workspace’s settings (coordinators; send the version you read)',
          description:
            'The currency cannot change once money is recorded (409). The logo is base64 PNG, JPEG or WebP of at most ' +
            '256 KB, checked by its bytes; SVG is refused.',
          params: workspaceParams,
          body: updateSettingsBody,
          response: { 200: workspaceSettingsSchema, ...errors, 409: problemSchema, 413: problemSchema },
        },
      },
      async (request) => settings.update(actorOf(request), request.body),
    );

    app.get(
      '/logo',
      {
        config: { permission: 'workspace.read' },
        schema: {
          tags: ['workspaces'],
          summary: 'The workspace’s logo (PNG, JPEG or WebP; 404 when there is none)',
          params: workspaceParams,
          querystring: logoQuery,
        },
      },
      async (request, reply) => {
        const logo = await settings.logo(actorOf(request), request.params.workspace);
        return reply
          .type(logo.contentType)
          .header('cache-control', 'private, max-age=86400')
          .header('content-disposition', 'inline; filename="logo"')
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('etag', `"${Buffer.from(logo.updatedAt).toString('base64url')}"`)
          .send(logo.bytes);
      },
    );
  };
}
