import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import {
  clusterListSchema,
  clusterParams,
  clusterSchema,
  createClusterBody,
  deleteClusterQuery,
  listClustersQuery,
  updateClusterBody,
} from './schema.ts';
import type { ClusterService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** `/workspaces/{workspace}/clusters`: the partner clusters of a workspace (registered in the workspace scope). */
export function clusterRoutes(clusters: ClusterService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/clusters',
      {
        config: { permission: 'cluster.read' },
        schema: {
          tags: ['registry'],
          summary: 'List the clusters of the workspace',
          params: workspaceParams,
          querystring: listClustersQuery,
          response: { 200: clusterListSchema, ...errors },
        },
      },
      async (request) => clusters.list(actorOf(request), request.query),
    );

    app.post(
      '/clusters',
      {
        config: { permission: 'cluster.create' },
        schema: {
          tags: ['registry'],
          summary: 'Add a partner cluster (coordinators)',
          params: workspaceParams,
          body: createClusterBody,
          response: { 201: clusterSchema, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(await clusters.create(actorOf(request), request.body)),
    );

    app.get(
      '/clusters/:id',
      {
        config: { permission: 'cluster.read' },
        schema: {
          tags: ['registry'],
          summary: 'One cluster',
          params: clusterParams,
          response: { 200: clusterSchema, ...errors },
        },
      },
      async (request) => clusters.get(actorOf(request), request.params.id),
    );

    app.patch(
      '/clusters/:id',
      {
        config: { permission: 'cluster.update' },
        schema: {
          tags: ['registry'],
          summary: 'Edit a cluster (coordinators; a cluster manager its own)',
          description:
            'Send the `version` you read; if someone changed the cluster since, the answer is 409.',
          params: clusterParams,
          body: updateClusterBody,
          response: { 200: clusterSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => clusters.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/clusters/:id',
      {
        config: { permission: 'cluster.delete' },
        schema: {
          tags: ['registry'],
          summary: 'Remove a cluster (coordinators)',
          params: clusterParams,
          querystring: deleteClusterQuery,
          response: { 204: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await clusters.delete(actorOf(request), request.params.id, request.query.version);
        return reply.code(204).send();
      },
    );
  };
}
