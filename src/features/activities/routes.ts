import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authentication.ts';
import { workspaceParams } from '../../http/params.ts';
import { problemSchema } from '../../http/problem.ts';
import {
  activityDetailSchema,
  activityListSchema,
  activityParams,
  addParticipantBody,
  attendanceBody,
  createActivityBody,
  deleteActivityQuery,
  listActivitiesQuery,
  organisationActivitiesParams,
  organisationActivitiesQuery,
  organisationActivityListSchema,
  participantParams,
  participantSchema,
  updateActivityBody,
} from './schema.ts';
import type { ActivityService } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const placementRules =
  'The end may not be before the start; inside a plan both days must be within its period; the instrument is a key or D4.2 code; plan and cluster must be of this workspace (400 naming the field otherwise).';

/** `/workspaces/{workspace}/activities`: dated instances of instruments (registered in the workspace scope). */
export function activityRoutes(activities: ActivityService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/activities',
      {
        config: { permission: 'activity.read' },
        schema: {
          tags: ['planning'],
          summary: 'List activities by start day (the calendar, a plan’s timeline)',
          description:
            '`from`/`to` select the activities that overlap the range. Pages follow the start day, then the id.',
          params: workspaceParams,
          querystring: listActivitiesQuery,
          response: { 200: activityListSchema, ...errors },
        },
      },
      async (request) => activities.list(actorOf(request), request.query),
    );

    app.post(
      '/activities',
      {
        config: { permission: 'activity.create' },
        schema: {
          tags: ['planning'],
          summary: 'Add an activity (coordinators; a cluster manager for its own cluster)',
          description: placementRules,
          params: workspaceParams,
          body: createActivityBody,
          response: { 201: activityDetailSchema, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(await activities.create(actorOf(request), request.body)),
    );

    app.get(
      '/activities/:id',
      {
        config: { permission: 'activity.read' },
        schema: {
          tags: ['planning'],
          summary: 'One activity with its participants and budget',
          description: '`budget` is null for roles that do not see costs (members and mentors).',
          params: activityParams,
          response: { 200: activityDetailSchema, ...errors },
        },
      },
      async (request) => activities.get(actorOf(request), request.params.id),
    );

    app.patch(
      '/activities/:id',
      {
        config: { permission: 'activity.update' },
        schema: {
          tags: ['planning'],
          summary: "Edit an activity (coordinators; a cluster manager its own cluster's)",
          description: `Send the \`version\` you read; a stale one gets 409. ${placementRules}`,
          params: activityParams,
          body: updateActivityBody,
          response: { 200: activityDetailSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => activities.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/activities/:id',
      {
        config: { permission: 'activity.delete' },
        schema: {
          tags: ['planning'],
          summary: 'Remove an activity with its participants and budget lines',
          params: activityParams,
          querystring: deleteActivityQuery,
          response: { 204: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await activities.delete(actorOf(request), request.params.id, request.query.version);
        return reply.code(204).send();
      },
    );

    app.get(
      '/organisations/:id/activities',
      {
        config: { permission: 'activity.read' },
        schema: {
          tags: ['registry'],
          summary: 'The activities a member organisation took part in, with how it took part',
          description:
            'Activities in which the organisation, or one of its people, is a participant, latest first by default; each with the participants that are the organisation itself or its people (role and attendance). 404 for an organisation of another workspace.',
          params: organisationActivitiesParams,
          querystring: organisationActivitiesQuery,
          response: { 200: organisationActivityListSchema, ...errors },
        },
      },
      async (request) => activities.ofOrganisation(actorOf(request), request.params.id, request.query),
    );

    app.post(
      '/activities/:id/participants',
      {
        config: { permission: 'activity.update' },
        schema: {
          tags: ['planning'],
          summary: 'Add a member organisation and/or a person to an activity, with their role',
          description: 'The same organisation and person twice is refused with 409.',
          params: activityParams,
          body: addParticipantBody,
          response: { 201: participantSchema, 409: problemSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await activities.addParticipant(actorOf(request), request.params.id, request.body)),
    );

    app.patch(
      '/activities/:id/participants/:participantId',
      {
        config: { permission: 'activity.update' },
        schema: {
          tags: ['planning'],
          summary: 'Mark whether a participant came (expected, present or absent)',
          description:
            'Attendance is the evidence of the "participants present" KPIs: the activity’s derived KPI values are recomputed with the change.',
          params: participantParams,
          body: attendanceBody,
          response: { 200: participantSchema, ...errors },
        },
      },
      async (request) =>
        activities.setAttendance(
          actorOf(request),
          request.params.id,
          request.params.participantId,
          request.body,
        ),
    );

    app.delete(
      '/activities/:id/participants/:participantId',
      {
        config: { permission: 'activity.update' },
        schema: {
          tags: ['planning'],
          summary: 'Remove a participant from an activity',
          params: participantParams,
          response: { 204: z.undefined(), ...errors },
        },
      },
      async (request, reply) => {
        await activities.removeParticipant(actorOf(request), request.params.id, request.params.participantId);
        return reply.code(204).send();
      },
    );
  };
}
