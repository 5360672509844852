import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/schema.ts';
import type { Role } from '../../src/domain/access/policy.ts';
import { EventRefReader } from '../../src/features/b2b-events/event-ref.ts';
import { scheduleFingerprint } from '../../src/features/b2b-schedule/fingerprint.ts';
import { ScheduleRepository } from '../../src/features/b2b-schedule/repository.ts';
import { InvitationRepository } from '../../src/features/invitations/repository.ts';
import { B2bRows } from '../support/b2b-factories.ts';
import { testDialects } from '../support/databases.ts';
import { Factory } from '../support/factories.ts';
import { InteractionRows } from '../support/interactions-factories.ts';
import { newNetworkOrganisation, newNetworkPerson } from '../support/network-factories.ts';
import { freshRelationship, PipelineRows } from '../support/pipeline-factories.ts';
import { PlanningRows } from '../support/planning-rows.ts';
import { SurveyRows } from '../support/survey-factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Every workspace route, for every role, in the caller's own workspace and in another one.
 * The expected statuses are written out by hand; a route without a row here fails the first test.
 */
type Caller = Role | 'cluster_manager_of_other_cluster' | 'member_of_other_organisation';
const CALLERS: Caller[] = [
  'coordinator',
  'cluster_manager',
  'cluster_manager_of_other_cluster',
  'member',
  'member_of_other_organisation',
  'mentor',
  'viewer',
];

/** The table a route's `{id}` (or `{userId}`, or `{country}` for travel rates) points into. */
type Resource =
  | 'cluster'
  | 'organisation'
  | 'person'
  | 'membership'
  | 'target_market'
  | 'plan'
  | 'activity'
  | 'cost_line'
  | 'travel_rate'
  | 'kpi_target'
  | 'kpi_entry'
  | 'saved_view'
  | 'instrument'
  | 'network_organisation'
  | 'network_person'
  | 'interaction'
  | 'project'
  | 'relationship'
  | 'b2b_event';
/**
 * The own workspace's targets: the cluster manager's cluster, the member's organisation (in it),
 * and a market owned by that cluster with one plan.
 */
interface OwnIds {
  clusterId: string;
  organisationId: string;
  marketId: string;
  /** The cluster's activity (a training: every KPI derived) and a market study (KPIs entered by hand). */
  activityId: string;
  studyVisitId: string;
  /** A network organisation of the own workspace (an interaction's counterpart). */
  networkOrganisationId: string;
}

interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI path, e.g. `/api/v1/workspaces/{workspace}/clusters/{id}` */
  path: string;
  /** Status in the own workspace, per caller (the target cluster is the cluster manager's own). */
  expected: Record<Caller, number>;
  /** `targetId`: what `{id}` points at (for routes that name their target in the body). */
  body?: (version: number, own: OwnIds, targetId: string) => unknown;
  /** Extra request headers, e.g. the content type of an uploaded file. */
  headers?: Record<string, string>;
  query?: (version: number, own: OwnIds) => string;
  /**
   * `fresh`: a new record per request (deleting the own cluster is refused while it has managers).
   * `caller's`: a new record of the caller's own per request (a saved view belongs to one user).
   */
  target?: 'own' | 'fresh' | "caller's";
  /**
   * What `{id}` is (default: a cluster). The own organisation is the `member`'s, in the cluster
   * manager's cluster; the own person works there.
   */
  resource?: Resource;
  /** A new record of the own workspace per request, whose id replaces `{id}` (routes not about clusters). */
  freshId?: (db: Kysely<DB>, workspaceId: string) => Promise<string>;
  /** A fixed `{key}` (a D4.2 instrument to copy); an `instrument` route's `{key}` is its target's id. */
  key?: string;
  /** A new child of the target per request, whose id replaces `{participantId}`. */
  freshChild?: (db: Kysely<DB>, targetId: string, own: OwnIds) => Promise<string>;
}

const all = (status: number): Record<Caller, number> =>
  Object.fromEntries(CALLERS.map((c) => [c, status])) as Record<Caller, number>;
/** The network's readers (decision 0026): the partnership's staff and viewers. */
const networkReaders = (status: number) =>
  only({
    coordinator: status,
    cluster_manager: status,
    cluster_manager_of_other_cluster: status,
    viewer: status,
  });
/** The own workspace's network organisation (the cluster manager's cluster owns it) and person there. */
const networkIds = { organisationId: '', personId: '' };
/** The own workspace's B2B event (on an activity of the own cluster) and the member's participant in it. */
const eventIds = { eventId: '', memberParticipantId: '' };
const only = (allowed: Partial<Record<Caller, number>>): Record<Caller, number> => ({
  ...all(403),
  ...allowed,
});
/** A participant's agenda routes (issue 22): organisers any participant, a member its own. */
const agendaReaders = only({ coordinator: 200, cluster_manager: 200, member: 200 });
const eventManagers = (status: number) => only({ coordinator: status, cluster_manager: status });
const ofMemberParticipant = () => `?participantId=${eventIds.memberParticipantId}`;

const CASES: RouteCase[] = [
  // B2B events' set-up (issue 22): everyone reads an open event; its managers (coordinators, the
  // activity's cluster's manager) set it up; another cluster's manager passes the route's check
  // but not the event's.
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/events',
    expected: all(200),
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/events',
    expected: only({ coordinator: 201, cluster_manager: 201 }),
    resource: 'b2b_event',
    freshId: (db, workspaceId) => freshB2bActivity(db, workspaceId, matrixEventCluster.id),
    body: (_version, _own, activityId) => ({ activityId, format: 'in_person', slotMinutes: 30 }),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}',
    expected: all(200),
    resource: 'b2b_event',
  },
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    body: (version) => ({ version, venue: 'Hall 2' }),
    resource: 'b2b_event',
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}',
    expected: only({ coordinator: 204, cluster_manager: 204 }),
    query: (version) => `?version=${version}`,
    target: 'fresh',
    resource: 'b2b_event',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/status',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    body: () => ({ status: 'open' }),
    resource: 'b2b_event',
  },
  {
    method: 'PUT',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/sessions',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    body: () => ({
      sessions: [{ name: 'Morning', day: '2026-03-10', startTime: '09:00', endTime: '12:00', breaks: [] }],
    }),
    resource: 'b2b_event',
    // A fresh event: its activity runs on 2026-03-10 (the own event runs today, for the day's routes).
    target: 'fresh',
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/tables',
    expected: all(200),
    resource: 'b2b_event',
  },
  {
    method: 'PUT',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/tables',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    body: () => ({ tables: [{ number: 1, name: 'Table 1' }] }),
    resource: 'b2b_event',
    target: 'fresh',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/tables/generate',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    body: () => ({ count: 2 }),
    resource: 'b2b_event',
  },
  {
    method: 'PUT',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/co-organisers',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    body: () => ({ clusterIds: [] }),
    resource: 'b2b_event',
  },
  // The partnership pipeline (issue 21): staff read; coordinators and the own cluster's manager write.
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/network/relationships',
    expected: only({
      coordinator: 200,
      cluster_manager: 200,
      cluster_manager_of_other_cluster: 200,
      viewer: 200,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/network/relationships/board',
    expected: only({
      coordinator: 200,
      cluster_manager: 200,
      cluster_manager_of_other_cluster: 200,
      viewer: 200,
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/network/relationships',
    expected: only({ coordinator: 201, cluster_manager: 201 }),
    resource: 'relationship',
    // A new counterpart per request (one relationship per pair).
    freshId: async (db, workspaceId) => (await new PipelineRows(db).networkOrganisation(workspaceId)).id,
    body: (_version, own, counterpartId) => ({
      ourClusterId: own.clusterId,
      networkOrganisationId: counterpartId,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/network/relationships/{id}',
    expected: only({
      coordinator: 200,
      cluster_manager: 200,
      cluster_manager_of_other_cluster: 200,
      viewer: 200,
    }),
    resource: 'relationship',
  },
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/network/relationships/{id}',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    resource: 'relationship',
    body: (version) => ({ version, notes: 'Edited' }),
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/network/relationships/{id}/stage',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    resource: 'relationship',
    body: (version) => ({ version, stage: 'met' }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/network/relationships/{id}/changes/{changeId}',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    resource: 'relationship',
    freshChild: async (db, relationshipId) =>
      (
        await db
          .selectFrom('relationship_stage_change')
          .select('id')
          .where('relationship_id', '=', relationshipId)
          .orderBy('id')
          .executeTakeFirstOrThrow()
      ).id,
    body: (version) => ({ version, reason: null }),
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/network/relationships/{id}',
    expected: only({ coordinator: 204, cluster_manager: 204 }),
    resource: 'relationship',
    query: (version) => `?version=${version}`,
    target: 'fresh',
  },
  { method: 'GET', path: '/api/v1/workspaces/{workspace}/clusters', expected: all(200) },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/clusters',
    expected: only({ coordinator: 201 }),
    body: () => ({
      name: 'New',
      shortName: `N${Math.random().toString(36).slice(2, 8)}`,
      country: 'ES',
      city: 'Madrid',
      dayRateEur: 400,
    }),
  },
  { method: 'GET', path: '/api/v1/workspaces/{workspace}/clusters/{id}', expected: all(200) },
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/clusters/{id}',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    body: (version) => ({ version, city: 'Edited' }),
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/clusters/{id}',
    expected: only({ coordinator: 204 }),
    query: (version) => `?version=${version}`,
    target: 'fresh',
  },
  { method: 'GET', path: '/api/v1/workspaces/{workspace}/audit', expected: only({ coordinator: 200 }) },
  // Workspace settings (issue 20): every member reads them, coordinators change them. The matrix
  // sends a version far ahead, so a coordinator past the access check gets 409 and nothing changes.
  { method: 'GET', path: '/api/v1/workspaces/{workspace}/settings', expected: all(200) },
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/settings',
    expected: only({ coordinator: 409 }),
    body: () => ({ version: 1_000_000, timeZone: 'Europe/Brussels' }),
  },
  // No logo in the matrix's workspace: every member gets past the access check to a 404.
  { method: 'GET', path: '/api/v1/workspaces/{workspace}/logo', expected: all(404) },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/audit/actors',
    expected: only({ coordinator: 200 }),
  },
  { method: 'GET', path: '/api/v1/workspaces/{workspace}/organisations', expected: all(200) },
  { method: 'GET', path: '/api/v1/workspaces/{workspace}/organisations/export', expected: all(200) },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/organisations',
    expected: only({ coordinator: 201, cluster_manager: 201 }),
    body: (_version, own) => ({
      clusterId: own.clusterId,
      name: `New member ${Math.random().toString(36).slice(2, 10)}`,
      type: 'sme',
      country: 'ES',
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/organisations/{id}',
    expected: all(200),
    resource: 'organisation',
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/organisations/{id}/history',
    expected: all(200),
    resource: 'organisation',
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/organisations/{id}/activities',
    expected: all(200),
    resource: 'organisation',
  },
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/organisations/{id}',
    expected: only({ coordinator: 200, cluster_manager: 200, member: 200 }),
    body: (version) => ({ version, city: 'Edited' }),
    resource: 'organisation',
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/organisations/{id}',
    expected: only({ coordinator: 204, cluster_manager: 204 }),
    query: (version) => `?version=${version}`,
    target: 'fresh',
    resource: 'organisation',
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/organisations/{id}/people',
    expected: all(200),
    resource: 'organisation',
  },
  { method: 'GET', path: '/api/v1/workspaces/{workspace}/people', expected: all(200) },
  { method: 'GET', path: '/api/v1/workspaces/{workspace}/people/export', expected: all(200) },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/people',
    expected: only({ coordinator: 201, cluster_manager: 201 }),
    body: (_version, own) => ({
      organisationId: own.organisationId,
      name: 'New person',
      email: `new-${Math.random().toString(36).slice(2, 10)}@member.example`,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/people/{id}',
    expected: all(200),
    resource: 'person',
  },
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/people/{id}',
    expected: only({ coordinator: 200, cluster_manager: 200, member: 200 }),
    body: (version) => ({ version, roleTitle: 'Edited' }),
    resource: 'person',
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/people/{id}',
    expected: only({ coordinator: 204, cluster_manager: 204 }),
    query: (version) => `?version=${version}`,
    target: 'fresh',
    resource: 'person',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/imports/parse',
    expected: only({ coordinator: 200, cluster_manager: 200, cluster_manager_of_other_cluster: 200 }),
    headers: { 'content-type': 'text/csv' },
    body: () => 'Name,Country\nOrbitech,ES\n',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/imports/organisations',
    // A cluster manager of another cluster gets 200 with the row refused ("not your cluster").
    expected: only({ coordinator: 200, cluster_manager: 200, cluster_manager_of_other_cluster: 200 }),
    body: (_version, own) => ({
      dryRun: false,
      rows: [
        {
          name: `Imported ${randomBytes(4).toString('hex')}`,
          cluster: own.clusterId,
          type: 'sme',
          country: 'ES',
        },
      ],
    }),
    resource: 'organisation',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/imports/people',
    expected: only({ coordinator: 200, cluster_manager: 200, cluster_manager_of_other_cluster: 200 }),
    body: (_version, own) => ({
      dryRun: false,
      rows: [
        {
          name: 'Imported',
          organisation: own.organisationId,
          email: `i-${randomBytes(4).toString('hex')}@x.example`,
        },
      ],
    }),
    resource: 'person',
  },
  // Network imports, vCards and GDPR (issue 21, helper A2). The person routes take a fresh network
  // person of the coordinators' scope (no organisation) per request.
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/imports/network-organisations',
    // A cluster manager imports into its own cluster: every row is its cluster's.
    expected: only({ coordinator: 200, cluster_manager: 200, cluster_manager_of_other_cluster: 200 }),
    body: () => ({
      dryRun: false,
      rows: [{ name: `Network ${randomBytes(4).toString('hex')}`, type: 'agency', country: 'JP' }],
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/imports/network-people',
    // A cluster manager gets 200 with the row refused (no organisation of its cluster).
    expected: only({ coordinator: 200, cluster_manager: 200, cluster_manager_of_other_cluster: 200 }),
    body: () => ({
      dryRun: false,
      rows: [{ name: 'Imported contact', email: `n-${randomBytes(4).toString('hex')}@x.example` }],
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/network/people/vcards',
    expected: only({
      coordinator: 200,
      cluster_manager: 200,
      cluster_manager_of_other_cluster: 200,
      viewer: 200,
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/network/people/vcards',
    expected: only({ coordinator: 200, cluster_manager: 200, cluster_manager_of_other_cluster: 200 }),
    headers: { 'content-type': 'text/vcard' },
    query: () => '?dryRun=false&country=JP',
    body: () => `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Card ${randomBytes(4).toString('hex')}\r\nEND:VCARD\r\n`,
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/network/people/{id}/vcard',
    expected: only({
      coordinator: 200,
      cluster_manager: 200,
      cluster_manager_of_other_cluster: 200,
      viewer: 200,
    }),
    freshId: freshNetworkPerson,
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/network/people/{id}/data-export',
    expected: only({ coordinator: 200 }),
    freshId: freshNetworkPerson,
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/network/people/{id}/erase',
    expected: only({ coordinator: 200 }),
    body: () => ({ confirm: 'Matrix contact' }),
    freshId: freshNetworkPerson,
  },
  { method: 'GET', path: '/api/v1/workspaces/{workspace}/invitations', expected: only({ coordinator: 200 }) },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/invitations',
    expected: only({ coordinator: 201 }),
    body: () => ({
      email: `matrix-${randomBytes(4).toString('hex')}@example.test`,
      name: 'M',
      role: 'viewer',
    }),
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/invitations/{id}',
    expected: only({ coordinator: 204 }),
    freshId: freshInvitation,
  },
  { method: 'GET', path: '/api/v1/workspaces/{workspace}/me/abilities', expected: all(200) },
  { method: 'GET', path: '/api/v1/workspaces/{workspace}/members', expected: only({ coordinator: 200 }) },
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/members/{userId}',
    expected: only({ coordinator: 200 }),
    body: (version) => ({ version, role: 'mentor' }),
    target: 'fresh',
    resource: 'membership',
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/members/{userId}',
    expected: only({ coordinator: 204 }),
    query: (version) => `?version=${version}`,
    target: 'fresh',
    resource: 'membership',
  },
  { method: 'GET', path: '/api/v1/workspaces/{workspace}/markets', expected: all(200) },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/markets',
    expected: only({ coordinator: 201, cluster_manager: 201 }),
    body: (_version, own) => ({ name: 'New market', country: 'CA', ownerClusterId: own.clusterId }),
    resource: 'target_market',
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/markets/{id}',
    expected: all(200),
    resource: 'target_market',
  },
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/markets/{id}',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    body: (version) => ({ version, findings: 'Edited' }),
    resource: 'target_market',
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/markets/{id}',
    expected: only({ coordinator: 204 }),
    query: (version) => `?version=${version}`,
    target: 'fresh',
    resource: 'target_market',
  },
  { method: 'GET', path: '/api/v1/workspaces/{workspace}/plans', expected: all(200) },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/plans',
    expected: only({ coordinator: 201, cluster_manager: 201 }),
    body: (_version, own) => ({
      marketId: own.marketId,
      name: 'New plan',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    }),
    resource: 'plan',
  },
  { method: 'GET', path: '/api/v1/workspaces/{workspace}/plans/{id}', expected: all(200), resource: 'plan' },
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/plans/{id}',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    body: (version) => ({ version, notes: 'Edited' }),
    resource: 'plan',
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/plans/{id}',
    expected: only({ coordinator: 204, cluster_manager: 204 }),
    query: (version) => `?version=${version}`,
    target: 'fresh',
    resource: 'plan',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/plans/{id}/copy',
    expected: only({ coordinator: 201, cluster_manager: 201 }),
    body: (_version, own) => ({ marketId: own.marketId, includeActivities: false }),
    resource: 'plan',
  },

  // Planning (issue 4): the own activity is the cluster manager's cluster's; its budget lines too.
  { method: 'GET', path: '/api/v1/workspaces/{workspace}/activities', expected: all(200) },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/activities',
    expected: only({ coordinator: 201, cluster_manager: 201 }),
    body: (_version, own) => ({
      instrumentKey: 'study-visits',
      title: 'Mission',
      startsOn: '2026-04-13',
      endsOn: '2026-04-17',
      clusterId: own.clusterId,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/activities/{id}',
    expected: all(200),
    resource: 'activity',
  },
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/activities/{id}',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    body: (version) => ({ version, outcomeNotes: 'Edited' }),
    resource: 'activity',
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/activities/{id}',
    expected: only({ coordinator: 204, cluster_manager: 204 }),
    query: (version) => `?version=${version}`,
    target: 'fresh',
    resource: 'activity',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/activities/{id}/participants',
    expected: only({ coordinator: 201, cluster_manager: 201 }),
    body: (_version, own) => ({ organisationId: own.organisationId, role: 'participant' }),
    // A new activity each time: the same organisation twice is a 409.
    target: 'fresh',
    resource: 'activity',
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/activities/{id}/participants/{participantId}',
    expected: only({ coordinator: 204, cluster_manager: 204 }),
    resource: 'activity',
    freshChild: freshParticipant,
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/activities/{id}/cost-lines',
    expected: only({
      coordinator: 200,
      cluster_manager: 200,
      cluster_manager_of_other_cluster: 200,
      viewer: 200,
    }),
    resource: 'activity',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/activities/{id}/cost-lines',
    expected: only({ coordinator: 201, cluster_manager: 201 }),
    body: () => ({
      kind: 'actual',
      category: 'travel',
      fundingSource: 'cluster',
      description: 'Flight',
      amountEur: 640.5,
      incurredOn: '2026-04-13',
    }),
    resource: 'activity',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/activities/{id}/estimate',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    body: (version) => ({ parameters: { units: 2 }, fundingSource: 'cluster', apply: true, version }),
    resource: 'activity',
  },
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/cost-lines/{id}',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    body: (version) => ({ version, description: 'Edited' }),
    resource: 'cost_line',
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/cost-lines/{id}',
    expected: only({ coordinator: 204, cluster_manager: 204 }),
    query: (version) => `?version=${version}`,
    target: 'fresh',
    resource: 'cost_line',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/estimates',
    expected: only({
      coordinator: 200,
      cluster_manager: 200,
      cluster_manager_of_other_cluster: 200,
      viewer: 200,
    }),
    body: () => ({ instrumentKey: 'branding-toolkits', parameters: { units: 1 } }),
  },
  { method: 'GET', path: '/api/v1/workspaces/{workspace}/kpis/definitions', expected: all(200) },
  { method: 'GET', path: '/api/v1/workspaces/{workspace}/kpis/rollup', expected: all(200) },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/kpis/rollups',
    query: () => '?groupBy=workspace,phase,instrument,market',
    expected: all(200),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/kpis/records',
    query: () => '?kpiKey=held_activities',
    expected: all(200),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/budget/rollup',
    expected: only({
      coordinator: 200,
      cluster_manager: 200,
      cluster_manager_of_other_cluster: 200,
      viewer: 200,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/budget/burn',
    expected: only({
      coordinator: 200,
      cluster_manager: 200,
      cluster_manager_of_other_cluster: 200,
      viewer: 200,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/travel-rates',
    expected: only({
      coordinator: 200,
      cluster_manager: 200,
      cluster_manager_of_other_cluster: 200,
      viewer: 200,
    }),
  },
  {
    method: 'PUT',
    path: '/api/v1/workspaces/{workspace}/travel-rates/{country}',
    expected: only({ coordinator: 200 }),
    body: (version) => ({
      travelEur: 1100,
      accommodationPerNightEur: 140,
      subsistencePerDayEur: 65,
      version,
    }),
    resource: 'travel_rate',
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/travel-rates/{country}',
    expected: only({ coordinator: 204 }),
    query: (version) => `?version=${version}`,
    target: 'fresh',
    resource: 'travel_rate',
  },

  // KPIs (issue 5): targets and entries of the cluster manager's cluster's activities.
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/activities/{id}/participants/{participantId}',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    body: () => ({ attendance: 'present' }),
    resource: 'activity',
    freshChild: freshParticipant,
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/activities/{id}/kpis',
    expected: all(200),
    resource: 'activity',
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/kpi-targets',
    expected: all(200),
    query: (_version, own) => `?activityId=${own.activityId}`,
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/kpi-targets',
    expected: only({ coordinator: 201, cluster_manager: 201 }),
    // A new activity each time: a second target of the same KPI is a 409.
    body: (_version, _own, activityId) => ({ activityId, kpiKey: 'held_activities', value: 3 }),
    target: 'fresh',
    resource: 'activity',
  },
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/kpi-targets/{id}',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    body: (version) => ({ value: 5, version }),
    resource: 'kpi_target',
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/kpi-targets/{id}',
    expected: only({ coordinator: 204, cluster_manager: 204 }),
    query: (version) => `?version=${version}`,
    target: 'fresh',
    resource: 'kpi_target',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/kpi-entries',
    expected: only({ coordinator: 201, cluster_manager: 201 }),
    body: (_version, own) => ({
      activityId: own.studyVisitId,
      kpiKey: 'market_covered',
      value: 3,
      recordedOn: '2026-04-13',
    }),
    resource: 'kpi_entry',
  },
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/kpi-entries/{id}',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    body: (version) => ({ comment: 'Edited', version }),
    resource: 'kpi_entry',
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/kpi-entries/{id}',
    expected: only({ coordinator: 204, cluster_manager: 204 }),
    query: (version) => `?version=${version}`,
    target: 'fresh',
    resource: 'kpi_entry',
  },
  // Funder reports (issue 5): whoever may read budgets. `{id}` is a finished report job with its file.
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/reports',
    expected: only({
      coordinator: 202,
      cluster_manager: 202,
      cluster_manager_of_other_cluster: 202,
      viewer: 202,
    }),
    body: () => ({ from: '2026-01-01', to: '2026-12-31', format: 'xlsx' }),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/jobs',
    expected: only({
      coordinator: 200,
      cluster_manager: 200,
      cluster_manager_of_other_cluster: 200,
      viewer: 200,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/jobs/{id}',
    expected: only({
      coordinator: 200,
      cluster_manager: 200,
      cluster_manager_of_other_cluster: 200,
      viewer: 200,
    }),
    freshId: freshJob,
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/jobs/{id}/events',
    expected: only({
      coordinator: 200,
      cluster_manager: 200,
      cluster_manager_of_other_cluster: 200,
      viewer: 200,
    }),
    freshId: freshJob,
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/jobs/{id}/file',
    expected: only({
      coordinator: 200,
      cluster_manager: 200,
      cluster_manager_of_other_cluster: 200,
      viewer: 200,
    }),
    freshId: freshJob,
  },
  // The workspace's own instruments (issue 20): read by every member, adapted by those who plan.
  { method: 'GET', path: '/api/v1/workspaces/{workspace}/instruments', expected: all(200) },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/instruments',
    expected: only({ coordinator: 201, cluster_manager: 201, cluster_manager_of_other_cluster: 201 }),
    body: () => ({
      key: `bootcamp-${randomBytes(4).toString('hex')}`,
      name: 'Regional bootcamp',
      phase: 'preparatory',
      budgetItems: [{ kind: 'effort_days_per_unit', days: 3, unit: 'event', source: '' }],
      kpis: [{ key: 'bootcamps', label: 'Bootcamps held', kind: 'count', unit: 'bootcamps' }],
    }),
    resource: 'instrument',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/instruments/{key}/copy',
    key: 'training-to-go-international',
    expected: only({ coordinator: 201, cluster_manager: 201, cluster_manager_of_other_cluster: 201 }),
    body: () => ({ key: `training-copy-${randomBytes(4).toString('hex')}` }),
    resource: 'instrument',
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/instruments/{key}',
    expected: all(200),
    resource: 'instrument',
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/instruments/{key}/differences',
    expected: all(200),
    resource: 'instrument',
  },
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/instruments/{key}',
    expected: only({ coordinator: 200, cluster_manager: 200, cluster_manager_of_other_cluster: 200 }),
    body: (version) => ({ version, name: 'Edited training' }),
    resource: 'instrument',
    target: 'fresh',
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/instruments/{key}',
    expected: only({ coordinator: 204, cluster_manager: 204, cluster_manager_of_other_cluster: 204 }),
    query: (version) => `?version=${version}`,
    resource: 'instrument',
    target: 'fresh',
  },
  // Interactions with the network (issue 21): the partnership's staff read them; a cluster manager
  // writes its own cluster's (the record's scope), coordinators all.
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/network/interactions',
    expected: only({
      coordinator: 200,
      cluster_manager: 200,
      cluster_manager_of_other_cluster: 200,
      viewer: 200,
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/network/interactions',
    expected: only({ coordinator: 201, cluster_manager: 201 }),
    body: (_version, own) => ({
      kind: 'meeting',
      occurredOn: '2026-04-13',
      clusterId: own.clusterId,
      networkOrganisationId: own.networkOrganisationId,
    }),
    resource: 'interaction',
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/network/interactions/{id}',
    expected: only({
      coordinator: 200,
      cluster_manager: 200,
      cluster_manager_of_other_cluster: 200,
      viewer: 200,
    }),
    resource: 'interaction',
  },
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/network/interactions/{id}',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    body: (version) => ({ version, notes: 'Edited' }),
    resource: 'interaction',
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/network/interactions/{id}',
    expected: only({ coordinator: 204, cluster_manager: 204 }),
    query: (version) => `?version=${version}`,
    target: 'fresh',
    resource: 'interaction',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/network/interactions/{id}/next-step/done',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    target: 'fresh',
    resource: 'interaction',
  },
  // Workspace archives (issue 20): coordinators only. The upload here is not a ZIP, so a
  // coordinator's answer is the 400 naming it; everyone else is refused before it is read.
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/archive/exports',
    expected: only({ coordinator: 202 }),
    body: () => ({}),
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/archive/inspect',
    expected: only({ coordinator: 400 }),
    headers: { 'content-type': 'application/zip' },
    body: () => 'not a zip archive',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/archive/import',
    expected: only({ coordinator: 400 }),
    headers: { 'content-type': 'application/zip' },
    body: () => 'not a zip archive',
  },
  // The network's organisations and people (issue 21): the staff read them (not members or
  // mentors); the coordinators and the owner cluster's manager write them.
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/network/organisations',
    expected: networkReaders(200),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/network/organisations/duplicates',
    expected: networkReaders(200),
    query: () => '?name=Anything&country=JP',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/network/organisations',
    expected: only({ coordinator: 201, cluster_manager: 201 }),
    body: (_version, own) => ({
      ownerClusterId: own.clusterId,
      name: `Counterpart ${Math.random().toString(36).slice(2, 10)}`,
      type: 'agency',
      country: 'JP',
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/network/organisations/{id}',
    expected: networkReaders(200),
    resource: 'network_organisation',
  },
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/network/organisations/{id}',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    body: (version) => ({ version, city: 'Edited' }),
    resource: 'network_organisation',
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/network/organisations/{id}',
    expected: only({ coordinator: 204, cluster_manager: 204 }),
    query: (version) => `?version=${version}`,
    target: 'fresh',
    resource: 'network_organisation',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/network/organisations/{id}/merge',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    body: (version) => ({ intoId: networkIds.organisationId, version }),
    target: 'fresh',
    resource: 'network_organisation',
  },
  { method: 'GET', path: '/api/v1/workspaces/{workspace}/network/people', expected: networkReaders(200) },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/network/people',
    expected: only({ coordinator: 201, cluster_manager: 201 }),
    body: () => ({
      organisationId: networkIds.organisationId,
      name: 'New contact',
      email: `contact-${Math.random().toString(36).slice(2, 10)}@network.example`,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/network/people/{id}',
    expected: networkReaders(200),
    resource: 'network_person',
  },
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/network/people/{id}',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    body: (version) => ({ version, roleTitle: 'Edited' }),
    resource: 'network_person',
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/network/people/{id}',
    expected: only({ coordinator: 204, cluster_manager: 204 }),
    query: (version) => `?version=${version}`,
    target: 'fresh',
    resource: 'network_person',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/network/people/{id}/merge',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    body: (version) => ({ intoId: networkIds.personId, version }),
    target: 'fresh',
    resource: 'network_person',
  },
  // Lists and search (issue 18): every member searches and keeps saved views of their own.
  { method: 'GET', path: '/api/v1/workspaces/{workspace}/search', expected: all(200), query: () => '?q=a' },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/saved-views',
    expected: all(200),
    query: () => '?list=organisations',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/saved-views',
    expected: all(201),
    body: () => ({ list: 'people', name: `View ${randomBytes(4).toString('hex')}`, query: { q: 'a' } }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/saved-views/{id}',
    expected: all(200),
    body: (version) => ({ version, name: `Renamed ${randomBytes(4).toString('hex')}` }),
    target: "caller's",
    resource: 'saved_view',
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/saved-views/{id}',
    expected: all(204),
    query: (version) => `?version=${version}`,
    target: "caller's",
    resource: 'saved_view',
  },
  // Network health (issue 21 item 5): the network's readers (staff), not members or mentors.
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/network/health',
    expected: only({
      coordinator: 200,
      cluster_manager: 200,
      cluster_manager_of_other_cluster: 200,
      viewer: 200,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/network/health/organisations',
    expected: only({
      coordinator: 200,
      cluster_manager: 200,
      cluster_manager_of_other_cluster: 200,
      viewer: 200,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/network/funnel',
    expected: only({
      coordinator: 200,
      cluster_manager: 200,
      cluster_manager_of_other_cluster: 200,
      viewer: 200,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/network/markets/{id}/summary',
    expected: only({
      coordinator: 200,
      cluster_manager: 200,
      cluster_manager_of_other_cluster: 200,
      viewer: 200,
    }),
    resource: 'target_market',
  },
  // Collaborative projects (issue 21): staff read them, a cluster manager writes its cluster's.
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/network/projects',
    expected: only({
      coordinator: 200,
      cluster_manager: 200,
      cluster_manager_of_other_cluster: 200,
      viewer: 200,
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/network/projects',
    expected: only({ coordinator: 201, cluster_manager: 201 }),
    body: (_version, own) => ({ title: 'A common project', clusterId: own.clusterId }),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/network/projects/{id}',
    expected: only({
      coordinator: 200,
      cluster_manager: 200,
      cluster_manager_of_other_cluster: 200,
      viewer: 200,
    }),
    resource: 'project',
  },
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/network/projects/{id}',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    body: (version) => ({ version, description: 'Edited' }),
    resource: 'project',
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/network/projects/{id}',
    expected: only({ coordinator: 204, cluster_manager: 204 }),
    query: (version) => `?version=${version}`,
    target: 'fresh',
    resource: 'project',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/network/projects/{id}/partners',
    expected: only({ coordinator: 201, cluster_manager: 201 }),
    body: (_version, own) => ({ clusterId: own.clusterId, role: 'partner' }),
    target: 'fresh',
    resource: 'project',
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/network/projects/{id}/partners/{partnerId}',
    expected: only({ coordinator: 204, cluster_manager: 204 }),
    target: 'fresh',
    resource: 'project',
    freshChild: (db, projectId, own) => freshProjectPartner(db, projectId, own.organisationId),
  },
  // The marketplace of a B2B event (issue 22 item 3): the event's activity is the cluster manager's
  // cluster's; the member's organisation is an approved participant; anyone reads the catalogue.
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/catalogue',
    expected: all(200),
    resource: 'b2b_event',
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/suggestions',
    expected: only({ coordinator: 200, cluster_manager: 200, member: 200 }),
    query: () => `?participantId=${marketIds.memberParticipantId}`,
    resource: 'b2b_event',
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/requests',
    expected: only({ coordinator: 200, cluster_manager: 200, member: 200 }),
    resource: 'b2b_event',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/requests',
    expected: only({ coordinator: 201, cluster_manager: 201, member: 201 }),
    body: (_version, _own, eventId) => ({
      fromParticipantId: marketPairs.get(eventId)?.memberParticipantId,
      toParticipantId: marketPairs.get(eventId)?.outsideParticipantId,
      meetingType: 'b2b',
    }),
    target: 'fresh',
    resource: 'b2b_event',
  },
  ...(['accept', 'decline', 'cancel'] as const).map(
    (action): RouteCase => ({
      method: 'POST',
      path: `/api/v1/workspaces/{workspace}/events/{eventId}/requests/{requestId}/${action}`,
      expected: only({ coordinator: 200, cluster_manager: 200, member: 200 }),
      body: (version) => ({ version }),
      target: 'fresh',
      resource: 'b2b_event',
      // The member receives the request it may accept or decline, and sent the one it may cancel.
      freshChild: (db, eventId) => freshMarketRequest(db, eventId, action === 'cancel' ? 'sent' : 'received'),
    }),
  ),
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/requests/{requestId}',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    body: (version) => ({ version, priority: 3 }),
    target: 'fresh',
    resource: 'b2b_event',
    freshChild: (db, eventId) => freshMarketRequest(db, eventId, 'sent'),
  },
  // B2B event registration (issue 22): organisers list, add, decide and import; a member registers
  // and edits its own organisation's registration.
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/participants',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    resource: 'b2b_event',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/participants',
    expected: only({ coordinator: 201, cluster_manager: 201 }),
    resource: 'b2b_event',
    body: () => {
      const email = `added-${randomBytes(4).toString('hex')}@outside.example`;
      return {
        profile: { name: 'Outside Co', country: 'JP' },
        representatives: [{ name: 'Rep', email }],
        contactName: 'Rep',
        contactEmail: email,
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/participants/{participantId}',
    expected: only({ coordinator: 200, cluster_manager: 200, member: 200 }),
    resource: 'b2b_event',
    target: 'fresh',
    freshChild: (db, eventId, own) => registrationParticipant(db, eventId, own.organisationId),
  },
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/participants/{participantId}',
    expected: only({ coordinator: 200, cluster_manager: 200, member: 200 }),
    resource: 'b2b_event',
    target: 'fresh',
    freshChild: (db, eventId, own) => registrationParticipant(db, eventId, own.organisationId),
    body: () => ({ version: 1, profile: { offers: 'Edited' } }),
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/participants/{participantId}/cancel',
    expected: only({ coordinator: 200, cluster_manager: 200, member: 200 }),
    resource: 'b2b_event',
    target: 'fresh',
    freshChild: (db, eventId, own) => registrationParticipant(db, eventId, own.organisationId),
    body: () => ({ version: 1 }),
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/participants/{participantId}/decision',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    resource: 'b2b_event',
    target: 'fresh',
    freshChild: (db, eventId, own) => registrationParticipant(db, eventId, own.organisationId),
    body: () => ({ decision: 'approve', version: 1 }),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/registration/draft',
    expected: only({ coordinator: 200, cluster_manager: 200, member: 200 }),
    resource: 'b2b_event',
    query: (_version, own) => `?organisationId=${own.organisationId}`,
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/registration',
    expected: only({ coordinator: 201, cluster_manager: 201, member: 201 }),
    resource: 'b2b_event',
    target: 'fresh',
    body: (_version, own) => ({
      organisationId: own.organisationId,
      profile: { name: 'Own member', country: 'BE' },
      representatives: [{ name: 'Rep', email: 'rep@member.example' }],
      contactName: 'Rep',
      contactEmail: 'rep@member.example',
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/imports',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    resource: 'b2b_event',
    headers: { 'content-type': 'text/csv' },
    query: () => '?kind=participants',
    body: () => 'name,country,contact_name,contact_email\nImported,JP,Imp,imp@imported.example\n',
  },
  // The event's day (issue 22 items 6-7): `{id}` is the own event (the cluster manager's cluster runs it;
  // the member's organisation takes part). Organisers check in and see the day; members act for
  // their own participant (others of the workspace have none: 404); statistics are totals for all.
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/check-in',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    resource: 'b2b_event',
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/check-in/codes/{code}',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    resource: 'b2b_event',
    freshChild: (db, eventId) => freshEventParticipant(db, eventId).then((p) => p.checkin_code),
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/check-in/by-code',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    body: () => ({ code: b2bIds.code }),
    resource: 'b2b_event',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/check-in/me',
    expected: only({
      coordinator: 404,
      cluster_manager: 404,
      cluster_manager_of_other_cluster: 404,
      member: 200,
      member_of_other_organisation: 404,
    }),
    resource: 'b2b_event',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/participants/{participantId}/check-in',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    resource: 'b2b_event',
    freshChild: (db, eventId) => freshEventParticipant(db, eventId).then((p) => p.id),
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/participants/{participantId}/check-in',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    resource: 'b2b_event',
    freshChild: (db, eventId) => freshEventParticipant(db, eventId).then((p) => p.id),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/day',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    resource: 'b2b_event',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/meetings/{meetingId}/status',
    expected: only({
      coordinator: 200,
      cluster_manager: 200,
      cluster_manager_of_other_cluster: 404,
      member: 200,
      member_of_other_organisation: 404,
    }),
    body: () => ({ status: 'cancelled', version: 1 }),
    resource: 'b2b_event',
    freshChild: (db, eventId) => freshMemberMeeting(db, eventId, 'scheduled'),
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/meetings/{meetingId}/feedback',
    expected: only({
      coordinator: 404,
      cluster_manager: 404,
      cluster_manager_of_other_cluster: 404,
      member: 200,
      member_of_other_organisation: 404,
    }),
    body: () => ({ rating: 4, followUp: 'contact', comment: '' }),
    resource: 'b2b_event',
    freshChild: (db, eventId) => freshMemberMeeting(db, eventId, 'held'),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/follow-up',
    expected: only({
      coordinator: 404,
      cluster_manager: 404,
      cluster_manager_of_other_cluster: 404,
      member: 200,
      member_of_other_organisation: 404,
    }),
    resource: 'b2b_event',
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/statistics',
    expected: all(200),
    resource: 'b2b_event',
  },
  // Scheduling a B2B event (issue 22 item 4): the event's organisers only (coordinators, the
  // activity's cluster manager). `{eventId}` is the target event; `{runId}` a fresh finished run.
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/schedule',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    resource: 'b2b_event',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/schedule-runs',
    expected: only({ coordinator: 202, cluster_manager: 202 }),
    resource: 'b2b_event',
    target: 'fresh',
    body: () => ({ timeLimitSeconds: 5 }),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/schedule-runs',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    resource: 'b2b_event',
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/schedule-runs/{runId}',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    resource: 'b2b_event',
    freshChild: (db, eventId) => freshScheduleRun(db, eventId, 'done'),
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/schedule-runs/{runId}/apply',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    resource: 'b2b_event',
    target: 'fresh',
    freshChild: (db, eventId) => freshScheduleRun(db, eventId, 'done'),
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/schedule-runs/{runId}/discard',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    resource: 'b2b_event',
    freshChild: (db, eventId) => freshScheduleRun(db, eventId, 'done'),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/meetings',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    resource: 'b2b_event',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/publish',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    resource: 'b2b_event',
    target: 'fresh',
    freshChild: (db, eventId) => freshScheduleRun(db, eventId, 'applied'),
    body: (version) => ({ version }),
  },
  // Agendas of B2B events (issue 22 item 5): `{eventId}` is the own cluster's event.
  ...(['/agenda', '/agenda.pdf', '/agenda.ics', '/feed'] as const).map(
    (suffix): RouteCase => ({
      method: 'GET',
      path: `/api/v1/workspaces/{workspace}/events/{eventId}${suffix}`,
      expected: agendaReaders,
      query: ofMemberParticipant,
    }),
  ),
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/feed/revoke',
    expected: agendaReaders,
    query: ofMemberParticipant,
  },
  ...(['/agendas', '/agendas.pdf', '/grid.svg', '/grid.pdf', '/table-cards.pdf'] as const).map(
    (suffix): RouteCase => ({
      method: 'GET',
      path: `/api/v1/workspaces/{workspace}/events/{eventId}${suffix}`,
      expected: eventManagers(200),
    }),
  ),
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/events/{eventId}/agenda-mails',
    expected: eventManagers(202),
  },
  // Issue 23 — market surveys: a market's findings are read like the market (everyone) and written
  // by those who may edit it (coordinators, its owner cluster's manager). `{marketId}` is the own
  // market (owned by the cluster manager's cluster); `{id}` a fresh finding in it.
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/markets/{marketId}/findings',
    expected: all(200),
    resource: 'target_market',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/markets/{marketId}/findings',
    expected: only({ coordinator: 201, cluster_manager: 201 }),
    resource: 'target_market',
    body: () => ({ title: 'Integrators look for partners' }),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/markets/{marketId}/findings/{id}',
    expected: all(200),
    resource: 'target_market',
    freshId: freshMarketFinding,
  },
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/markets/{marketId}/findings/{id}',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    resource: 'target_market',
    freshId: freshMarketFinding,
    body: () => ({ version: 1, body: 'Edited' }),
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/markets/{marketId}/findings/{id}',
    expected: only({ coordinator: 204, cluster_manager: 204 }),
    resource: 'target_market',
    freshId: freshMarketFinding,
    query: () => '?version=1',
  },
  // Issue 23 — questionnaires: the staff read them; coordinators and any cluster manager adapt them
  // (a questionnaire is the workspace's). `{id}` is a fresh questionnaire of the own workspace.
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/surveys/questionnaires',
    expected: surveyReaders(200),
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/surveys/questionnaires',
    expected: surveyManagers(201),
    body: () => ({ name: 'A needs survey', kind: 'general' }),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/surveys/questionnaires/{id}',
    expected: surveyReaders(200),
    freshId: freshQuestionnaire,
  },
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/surveys/questionnaires/{id}',
    expected: surveyManagers(200),
    freshId: freshQuestionnaire,
    body: () => ({ version: 1, name: 'Edited' }),
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/surveys/questionnaires/{id}',
    expected: surveyManagers(204),
    freshId: freshQuestionnaire,
    query: () => '?version=1',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/surveys/questionnaires/{id}/duplicate',
    expected: surveyManagers(201),
    freshId: freshQuestionnaire,
    body: () => ({}),
  },
  ...(['archive', 'restore'] as const).map(
    (action): RouteCase => ({
      method: 'POST',
      path: `/api/v1/workspaces/{workspace}/surveys/questionnaires/{id}/${action}`,
      expected: surveyManagers(200),
      freshId: freshQuestionnaire,
      body: () => ({ version: 1 }),
    }),
  ),
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/surveys/questionnaires/{id}/versions/{number}',
    expected: surveyReaders(200),
    freshId: freshQuestionnaire,
    // A wave freezes version 1 of the questionnaire; `{number}` is that number.
    freshChild: async (db, questionnaireId) => {
      const { workspace_id } = await db
        .selectFrom('survey_questionnaire')
        .select('workspace_id')
        .where('id', '=', questionnaireId)
        .executeTakeFirstOrThrow();
      await new SurveyRows(db).wave(workspace_id, questionnaireId);
      return '1';
    },
  },
  // Issue 23 — survey waves: staff read every wave (as the network's readers); the coordinators and the managers of the wave's
  // cluster (the own cluster) write it; a member, a mentor nothing. `{id}` is a fresh wave.
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/surveys/waves',
    expected: networkReaders(200),
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/surveys/waves',
    expected: only({ coordinator: 201, cluster_manager: 201 }),
    freshId: freshSurveyQuestionnaire,
    body: (_version, own, questionnaireId) => ({
      questionnaireId,
      name: 'Readiness 2026',
      audience: { kind: 'members', clusterIds: [own.clusterId] },
      clusterId: own.clusterId,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/surveys/waves/questionnaire-options',
    expected: networkReaders(200),
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/surveys/waves/audience-preview',
    expected: only({ coordinator: 200, cluster_manager: 200, cluster_manager_of_other_cluster: 200 }),
    body: (_version, own) => ({ kind: 'members', clusterIds: [own.clusterId] }),
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/surveys/waves/{id}',
    expected: networkReaders(200),
    freshId: (db, workspaceId) => freshSurveyWave(db, workspaceId, 'open'),
  },
  {
    method: 'PATCH',
    path: '/api/v1/workspaces/{workspace}/surveys/waves/{id}',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    freshId: (db, workspaceId) => freshSurveyWave(db, workspaceId, 'draft'),
    body: () => ({ version: 1, name: 'Renamed wave' }),
  },
  {
    method: 'DELETE',
    path: '/api/v1/workspaces/{workspace}/surveys/waves/{id}',
    expected: only({ coordinator: 204, cluster_manager: 204 }),
    freshId: (db, workspaceId) => freshSurveyWave(db, workspaceId, 'draft'),
    query: () => '?version=1',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/surveys/waves/{id}/send',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    freshId: (db, workspaceId) => freshSurveyWave(db, workspaceId, 'draft'),
    body: () => ({ version: 1 }),
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/surveys/waves/{id}/remind',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    freshId: (db, workspaceId) => freshSurveyWave(db, workspaceId, 'open'),
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/surveys/waves/{id}/close',
    expected: only({ coordinator: 200, cluster_manager: 200 }),
    freshId: (db, workspaceId) => freshSurveyWave(db, workspaceId, 'open'),
    body: () => ({ version: 1 }),
  },
  // Issue 23 — results and readiness: a wave's results and exports for the partnership's staff
  // (survey.read, whatever the wave's cluster); a member's profile for the staff and the member
  // itself; a market's readiness for the staff and, limited to its own organisation, a member.
  ...(['/results', '/results.csv', '/results.xlsx'] as const).map(
    (suffix): RouteCase => ({
      method: 'GET',
      path: `/api/v1/workspaces/{workspace}/surveys/waves/{id}${suffix}`,
      expected: networkReaders(200),
      freshId: freshResultsWave,
    }),
  ),
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/organisations/{id}/readiness',
    expected: only({
      coordinator: 200,
      cluster_manager: 200,
      cluster_manager_of_other_cluster: 200,
      member: 200,
      viewer: 200,
    }),
    resource: 'organisation',
  },
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/markets/{id}/readiness',
    expected: { ...all(200), mentor: 403 },
    resource: 'target_market',
  },
  // Issue 23 — roadmap: the recommendation shows costs (budget.read); accepting it creates a plan
  // in the market's cluster (plan.create). `{id}` is a fresh market of the own cluster with an
  // interested member, so that accepting has something to accept.
  {
    method: 'GET',
    path: '/api/v1/workspaces/{workspace}/markets/{id}/recommendation',
    expected: only({
      coordinator: 200,
      cluster_manager: 200,
      cluster_manager_of_other_cluster: 200,
      viewer: 200,
    }),
    resource: 'target_market',
    freshId: freshRoadmapMarket,
    query: () => '?budget=2000000&from=2027-01-01&to=2027-12-31',
  },
  {
    method: 'POST',
    path: '/api/v1/workspaces/{workspace}/markets/{id}/recommendation/accept',
    expected: only({ coordinator: 201, cluster_manager: 201 }),
    resource: 'target_market',
    freshId: freshRoadmapMarket,
    body: () => ({ budget: 2_000_000, from: '2027-01-01', to: '2027-12-31', name: 'Recommended plan' }),
  },
];

/** The own market, whose findings the issue 23 rows read and write (set in beforeAll). */
const matrixFindingMarket = { id: '' };

/** A new finding (version 1) in the own market. */
async function freshMarketFinding(db: Kysely<DB>, workspaceId: string): Promise<string> {
  const now = new Date().toISOString();
  const id = `finding-${randomBytes(6).toString('hex')}`;
  await db
    .insertInto('market_finding')
    .values({
      id,
      workspace_id: workspaceId,
      market_id: matrixFindingMarket.id,
      wave_id: null,
      title: 'A finding',
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

// Issue 23 — survey waves: the rows the cases above need.
/** The own cluster: every member organisation of the own workspace is in it. */
async function surveyOwnCluster(db: Kysely<DB>, workspaceId: string): Promise<string> {
  const row = await db
    .selectFrom('organisation')
    .select(['id', 'cluster_id'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.cluster_id;
}

async function freshSurveyQuestionnaire(db: Kysely<DB>, workspaceId: string): Promise<string> {
  return (await new SurveyRows(db).questionnaire(workspaceId)).id;
}

/** A wave of the own cluster (version 1): a draft whose audience reaches one consenting person, or open. */
async function freshSurveyWave(
  db: Kysely<DB>,
  workspaceId: string,
  status: 'draft' | 'open',
): Promise<string> {
  const rows = new SurveyRows(db);
  const clusterId = await surveyOwnCluster(db, workspaceId);
  const questionnaire = await rows.questionnaire(workspaceId);
  const organisation = await new Factory(db).organisation(workspaceId, clusterId);
  await new Factory(db).person(workspaceId, organisation.id, {
    email: `respondent-${randomBytes(6).toString('hex')}@example.test`,
    consent: 1,
    consent_at: '2026-01-01',
  });
  const audience = JSON.stringify({ kind: 'members', organisationIds: [organisation.id] });
  if (status === 'open') {
    const wave = await rows.wave(workspaceId, questionnaire.id, { cluster_id: clusterId, audience });
    await rows.invitation(workspaceId, wave.id);
    return wave.id;
  }
  const now = new Date().toISOString();
  const wave = await db
    .insertInto('survey_wave')
    .values({
      id: `wave-${randomBytes(6).toString('hex')}`,
      workspace_id: workspaceId,
      questionnaire_id: questionnaire.id,
      questionnaire_version_id: null,
      activity_id: null,
      market_id: null,
      cluster_id: clusterId,
      name: 'A draft wave',
      audience,
      status: 'draft',
      opened_at: null,
      closes_at: null,
      closed_at: null,
      reminder_after_days: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return wave.id;
}

/** Issue 23 — roadmap: a market of the own cluster (the members' organisations') with a member interested in it. */
async function freshRoadmapMarket(db: Kysely<DB>, workspaceId: string): Promise<string> {
  const { cluster_id } = await db
    .selectFrom('membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select('o.cluster_id')
    .where('m.workspace_id', '=', workspaceId)
    .where('m.role', '=', 'member')
    .executeTakeFirstOrThrow();
  const factory = new Factory(db);
  const market = await factory.market(workspaceId, { country: 'NZ', owner_cluster_id: cluster_id });
  await factory.organisation(workspaceId, cluster_id, { target_market_interests: '["NZ"]' });
  return market.id;
}

/**
 * An event of the cluster's matchmaking activity that can be scheduled: a morning session, two
 * tables, two approved participants and an accepted request between them.
 */
async function freshScheduleEvent(db: Kysely<DB>, workspaceId: string, clusterId: string): Promise<string> {
  const activity = await new Factory(db).activity(workspaceId, null, {
    instrument: '1.2.1',
    cluster_id: clusterId,
  });
  const rows = new B2bRows(db);
  const event = await rows.event(workspaceId, activity.id);
  await rows.session(event.id);
  await rows.tables(event.id, 2);
  const a = await rows.participant(workspaceId, event.id);
  const b = await rows.participant(workspaceId, event.id);
  await rows.request(workspaceId, event.id, a.id, b.id);
  return event.id;
}

/** A finished (or applied) full run of the event, given what the event holds now, with no meeting placed. */
async function freshScheduleRun(
  db: Kysely<DB>,
  eventId: string,
  status: 'done' | 'applied',
): Promise<string> {
  const { workspace_id: workspaceId } = await db
    .selectFrom('b2b_event')
    .select('workspace_id')
    .where('id', '=', eventId)
    .executeTakeFirstOrThrow();
  const ref = await new EventRefReader(db).find(workspaceId, eventId);
  const input = await new ScheduleRepository(db).input(ref, 'full');
  const id = `run-${randomBytes(6).toString('hex')}`;
  const now = new Date().toISOString();
  await db
    .insertInto('b2b_schedule_run')
    .values({
      id,
      workspace_id: workspaceId,
      event_id: eventId,
      mode: 'full',
      status,
      result_status: 'optimal',
      breaks: 0,
      lower_bound: 0,
      requested: input.requests.length,
      time_limit_seconds: 5,
      fingerprint: scheduleFingerprint(input),
      created_at: now,
      finished_at: now,
      applied_at: status === 'applied' ? now : null,
    })
    .execute();
  return id;
}

/** The cluster the matrix's B2B events belong to (the cluster manager's own, set in beforeAll). */
const matrixEventCluster = { id: '' };

/** An activity of the matchmaking instrument (1.2.1) of the cluster, straight into the database. */
async function freshB2bActivity(
  db: Kysely<DB>,
  workspaceId: string,
  clusterId: string | null,
): Promise<string> {
  const instrument = await db
    .selectFrom('instrument')
    .select('id')
    .where('workspace_id', 'is', null)
    .where('code', '=', '1.2.1')
    .executeTakeFirstOrThrow();
  const id = `activity-${randomBytes(6).toString('hex')}`;
  const now = new Date().toISOString();
  await db
    .insertInto('activity')
    .values({
      id,
      workspace_id: workspaceId,
      plan_id: null,
      instrument_id: instrument.id,
      title: id,
      starts_on: '2026-03-10',
      ends_on: '2026-03-12',
      city: null,
      country: null,
      cluster_id: clusterId,
      status: 'planned',
      outcome_notes: '',
      estimate_parameters: '{}',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** The own event's member participant and a check-in code of it (set in beforeAll). */
const b2bIds = { memberParticipantId: '', code: '' };

/** An approved outside participant of the event, straight into the database. */
async function freshEventParticipant(db: Kysely<DB>, eventId: string) {
  const event = await db
    .selectFrom('b2b_event')
    .select('workspace_id')
    .where('id', '=', eventId)
    .executeTakeFirstOrThrow();
  return new B2bRows(db).participant(event.workspace_id, eventId);
}

/**
 * A meeting of the own member's participant with a new outside participant: tomorrow (a side may
 * cancel it) when scheduled, yesterday when held (a side may rate it).
 */
async function freshMemberMeeting(db: Kysely<DB>, eventId: string, status: 'scheduled' | 'held') {
  const rows = new B2bRows(db);
  const outside = await freshEventParticipant(db, eventId);
  const ws = outside.workspace_id;
  const request = await rows.request(ws, eventId, b2bIds.memberParticipantId, outside.id);
  const day = 24 * 3600_000;
  const at = new Date(Date.now() + (status === 'held' ? -day : day)).toISOString();
  return (await rows.meeting(ws, eventId, request.id, at, { status })).id;
}

/** A pending registration of the member organisation to the event. */
async function registrationParticipant(
  db: Kysely<DB>,
  eventId: string,
  organisationId: string,
): Promise<string> {
  const event = await db
    .selectFrom('b2b_event')
    .select('workspace_id')
    .where('id', '=', eventId)
    .executeTakeFirstOrThrow();
  return (
    await new B2bRows(db).participant(event.workspace_id, eventId, {
      organisation_id: organisationId,
      status: 'pending',
      source: 'member',
    })
  ).id;
}

/** The own workspace's marketplace event's member participant, and each fresh event's two participants. */
const marketIds = { memberParticipantId: '' };
const marketPairs = new Map<
  string,
  { workspaceId: string; memberParticipantId: string; outsideParticipantId: string }
>();

/**
 * A B2B event (its own matchmaking activity, of `clusterId`) with the member organisation as an
 * approved participant and an outside company, straight into the database.
 */
async function freshMarketEvent(
  db: Kysely<DB>,
  factory: Factory,
  workspaceId: string,
  clusterId: string,
  organisationId: string,
): Promise<string> {
  const rows = new B2bRows(db);
  const activity = await factory.activity(workspaceId, null, { instrument: '1.2.1', cluster_id: clusterId });
  const event = await rows.event(workspaceId, activity.id);
  const member = await rows.participant(workspaceId, event.id, { organisation_id: organisationId });
  const outside = await rows.participant(workspaceId, event.id);
  marketPairs.set(event.id, {
    workspaceId,
    memberParticipantId: member.id,
    outsideParticipantId: outside.id,
  });
  return event.id;
}

/** A pending request between a fresh event's two participants, sent or received by the member's. */
async function freshMarketRequest(
  db: Kysely<DB>,
  eventId: string,
  side: 'sent' | 'received',
): Promise<string> {
  const pair = marketPairs.get(eventId);
  if (!pair) throw new Error(`no marketplace event ${eventId}`);
  const [from, to] =
    side === 'sent'
      ? [pair.memberParticipantId, pair.outsideParticipantId]
      : [pair.outsideParticipantId, pair.memberParticipantId];
  return (await new B2bRows(db).request(pair.workspaceId, eventId, from, to, { status: 'pending' })).id;
}

/** A project of the workspace followed by the cluster, straight into the database. */
async function freshProject(db: Kysely<DB>, workspaceId: string, clusterId: string): Promise<string> {
  const id = `project-${randomBytes(6).toString('hex')}`;
  const now = new Date().toISOString();
  await db
    .insertInto('project')
    .values({
      id,
      workspace_id: workspaceId,
      cluster_id: clusterId,
      title: id,
      description: '',
      funding_programme: null,
      amount_minor: null,
      currency: null,
      status: 'idea',
      activity_id: null,
      instrument_id: null,
      starts_on: null,
      ends_on: null,
      completed_on: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A partner (a member organisation) of the project, straight into the database. */
async function freshProjectPartner(
  db: Kysely<DB>,
  projectId: string,
  organisationId: string,
): Promise<string> {
  const id = `partner-${randomBytes(6).toString('hex')}`;
  await db
    .insertInto('project_partner')
    .values({
      id,
      project_id: projectId,
      cluster_id: null,
      organisation_id: organisationId,
      network_organisation_id: null,
      role: 'partner',
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
}

/** A saved view of the user in the workspace, straight into the database. */
async function freshSavedView(db: Kysely<DB>, workspaceId: string, userId: string): Promise<string> {
  const id = `view-${randomBytes(6).toString('hex')}`;
  const now = new Date().toISOString();
  await db
    .insertInto('saved_view')
    .values({
      id,
      workspace_id: workspaceId,
      user_id: userId,
      list: 'organisations',
      name: id,
      query: '{"country":"BE"}',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A finished report job of the workspace with its file, straight into the database. */
/** A network person of the coordinators' scope (no organisation), named as the erase route confirms. */
async function freshNetworkPerson(db: Kysely<DB>, workspaceId: string): Promise<string> {
  const id = `np-${randomBytes(6).toString('hex')}`;
  const now = new Date().toISOString();
  await db
    .insertInto('network_person')
    .values({
      id,
      workspace_id: workspaceId,
      name: 'Matrix contact',
      notes: '',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

async function freshJob(db: Kysely<DB>, workspaceId: string): Promise<string> {
  const id = `job-${randomBytes(6).toString('hex')}`;
  const now = new Date().toISOString();
  await db
    .insertInto('job')
    .values({
      id,
      workspace_id: workspaceId,
      kind: 'report',
      status: 'succeeded',
      progress: 1,
      message: 'Done',
      params: JSON.stringify({ from: '2026-01-01', to: '2026-12-31', format: 'pdf' }),
      error: null,
      created_by: null,
      created_at: now,
      started_at: now,
      finished_at: now,
    })
    .execute();
  await db
    .insertInto('job_file')
    .values({
      job_id: id,
      file_name: 'report.pdf',
      content_type: 'application/pdf',
      size: 4,
      content: Buffer.from('%PDF'),
    })
    .execute();
  return id;
}

/** A participant (an organisation of its own) of the activity, straight into the database. */
async function freshParticipant(db: Kysely<DB>, activityId: string, own: OwnIds): Promise<string> {
  const id = `participant-${randomBytes(6).toString('hex')}`;
  await db
    .insertInto('activity_participant')
    .values({
      id,
      activity_id: activityId,
      organisation_id: own.organisationId,
      person_id: null,
      role: 'host',
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
}

/** Destinations for the travel rates the DELETE rows remove, one per request. */
const FRESH_COUNTRIES = ['AR', 'AU', 'BR', 'CA', 'CL', 'CO', 'IN', 'KR', 'MX', 'NZ', 'ZA', 'SG', 'TH', 'VN'];
let freshCountry = 0;

/** A pending invitation of the workspace, straight through the repository. */
async function freshInvitation(db: Kysely<DB>, workspaceId: string): Promise<string> {
  const now = new Date();
  const row = await new InvitationRepository(db).create(
    workspaceId,
    null,
    {
      email: `matrix-${randomBytes(4).toString('hex')}@example.test`,
      name: 'Matrix',
      role: 'viewer',
      cluster_id: null,
      organisation_id: null,
      token_hash: randomBytes(32).toString('hex'),
      expires_at: new Date(now.getTime() + 3600_000).toISOString(),
    },
    now.toISOString(),
  );
  return row.id;
}

describe.each(testDialects())('role matrix on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  const home = { slug: '', id: '' };
  const foreign = {
    slug: '',
    id: '',
    clusterId: '',
    organisationId: '',
    personId: '',
    memberUserId: '',
    marketId: '',
    planId: '',
    activityId: '',
    costLineId: '',
    travelRateId: '',
    kpiTargetId: '',
    kpiEntryId: '',
    savedViewId: '',
    instrumentId: '',
    networkOrganisationId: '',
    networkPersonId: '',
    interactionId: '',
    projectId: '',
    relationshipId: '',
    eventId: '',
  };
  const callers = new Map<Caller, Record<string, string>>();
  const callerUsers = new Map<Caller, string>();
  let ownClusterId = '';
  let otherOwnClusterId = '';
  let ownOrganisationId = '';
  let otherOwnOrganisationId = '';
  let ownPersonId = '';
  let ownMarketId = '';
  let ownPlanId = '';
  let ownActivityId = '';
  let ownCostLineId = '';
  let ownTravelRateId = '';
  let ownStudyVisitId = '';
  let ownKpiTargetId = '';
  let ownKpiEntryId = '';
  let ownInstrumentId = '';
  let ownNetworkOrganisationId = '';
  let ownInteractionId = '';
  let network: InteractionRows;
  let ownProjectId = '';
  let ownRelationshipId = '';
  let ownEventId = '';
  let ownMarketEventId = '';
  let planning: PlanningRows;

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    const workspace = await factory.workspace('Home');
    Object.assign(home, { slug: workspace.slug, id: workspace.id });
    const other = await factory.workspace('Elsewhere');
    const otherCluster = await factory.cluster(other.id);
    Object.assign(foreign, { slug: other.slug, id: other.id, clusterId: otherCluster.id });
    ownClusterId = (await factory.cluster(workspace.id)).id;
    otherOwnClusterId = (await factory.cluster(workspace.id)).id;
    // The other organisation is in the same cluster: being in the cluster gives a member nothing.
    ownOrganisationId = (await factory.organisation(workspace.id, ownClusterId)).id;
    otherOwnOrganisationId = (await factory.organisation(workspace.id, ownClusterId)).id;
    ownPersonId = (await factory.person(workspace.id, ownOrganisationId)).id;
    networkIds.organisationId = (
      await newNetworkOrganisation(t.database.db, workspace.id, { owner_cluster_id: ownClusterId })
    ).id;
    networkIds.personId = (
      await newNetworkPerson(t.database.db, workspace.id, { organisation_id: networkIds.organisationId })
    ).id;
    const foreignNetworkOrganisation = await newNetworkOrganisation(t.database.db, other.id, {
      owner_cluster_id: otherCluster.id,
    });
    Object.assign(foreign, {
      networkOrganisationId: foreignNetworkOrganisation.id,
      networkPersonId: (
        await newNetworkPerson(t.database.db, other.id, { organisation_id: foreignNetworkOrganisation.id })
      ).id,
    });
    // The own market belongs to the cluster manager's cluster; so does its plan.
    ownMarketId = (await factory.market(workspace.id, { owner_cluster_id: ownClusterId })).id;
    ownPlanId = (await factory.plan(workspace.id, ownMarketId)).id;
    const foreignMarket = await factory.market(other.id, { owner_cluster_id: otherCluster.id });
    Object.assign(foreign, {
      marketId: foreignMarket.id,
      planId: (await factory.plan(other.id, foreignMarket.id)).id,
    });
    const foreignOrganisation = await factory.organisation(other.id, otherCluster.id);
    Object.assign(foreign, {
      organisationId: foreignOrganisation.id,
      personId: (await factory.person(other.id, foreignOrganisation.id)).id,
      memberUserId: (await factory.memberWithToken(other.id, 'viewer')).user.id,
    });
    planning = new PlanningRows(t.database.db);
    ownActivityId = (await planning.activityRow(workspace.id, { cluster_id: ownClusterId })).id;
    ownCostLineId = (await planning.costLineRow(workspace.id, ownActivityId)).id;
    ownTravelRateId = await travelRate(workspace.id, 'JP');
    const foreignActivity = await planning.activityRow(other.id, { cluster_id: otherCluster.id });
    Object.assign(foreign, {
      activityId: foreignActivity.id,
      costLineId: (await planning.costLineRow(other.id, foreignActivity.id)).id,
      travelRateId: await travelRate(other.id, 'JP'),
    });
    ownStudyVisitId = (
      await planning.activityRow(workspace.id, {
        cluster_id: ownClusterId,
        instrumentKey: 'market-surveys-study',
      })
    ).id;
    ownKpiTargetId = (
      await planning.kpiTargetRow(workspace.id, {
        activity_id: ownActivityId,
        kpi_key: 'held_activities',
        value: 2,
      })
    ).id;
    ownKpiEntryId = (
      await planning.kpiEntryRow(workspace.id, ownStudyVisitId, {
        kpi_key: 'market_covered',
        value_number: 5,
      })
    ).id;
    const foreignStudyVisit = await planning.activityRow(other.id, {
      cluster_id: otherCluster.id,
      instrumentKey: 'market-surveys-study',
    });
    Object.assign(foreign, {
      kpiTargetId: (
        await planning.kpiTargetRow(other.id, {
          activity_id: foreignActivity.id,
          kpi_key: 'held_activities',
          value: 2,
        })
      ).id,
      kpiEntryId: (
        await planning.kpiEntryRow(other.id, foreignStudyVisit.id, {
          kpi_key: 'market_covered',
          value_number: 5,
        })
      ).id,
    });
    for (const caller of CALLERS) {
      const role: Role =
        caller === 'cluster_manager_of_other_cluster'
          ? 'cluster_manager'
          : caller === 'member_of_other_organisation'
            ? 'member'
            : caller;
      const clusterId =
        caller === 'cluster_manager'
          ? ownClusterId
          : caller === 'cluster_manager_of_other_cluster'
            ? otherOwnClusterId
            : null;
      const organisationId =
        caller === 'member'
          ? ownOrganisationId
          : caller === 'member_of_other_organisation'
            ? otherOwnOrganisationId
            : null;
      const member = await factory.memberWithToken(workspace.id, role, clusterId, organisationId);
      callers.set(caller, member.headers);
      callerUsers.set(caller, member.user.id);
    }
    foreign.savedViewId = await freshSavedView(t.database.db, other.id, foreign.memberUserId);
    ownInstrumentId = await customInstrument(workspace.id);
    foreign.instrumentId = await customInstrument(other.id);
    network = new InteractionRows(t.database.db);
    ownNetworkOrganisationId = (await network.networkOrganisation(workspace.id)).id;
    ownInteractionId = (
      await network.interaction(workspace.id, ownNetworkOrganisationId, { cluster_id: ownClusterId })
    ).id;
    foreign.interactionId = (
      await network.interaction(other.id, (await network.networkOrganisation(other.id)).id, {
        cluster_id: otherCluster.id,
      })
    ).id;
    ownProjectId = await freshProject(t.database.db, workspace.id, ownClusterId);
    foreign.projectId = await freshProject(t.database.db, other.id, otherCluster.id);
    ownRelationshipId = (await freshRelationship(t.database.db, workspace.id, ownClusterId)).id;
    foreign.relationshipId = (await freshRelationship(t.database.db, other.id, otherCluster.id)).id;
    matrixEventCluster.id = ownClusterId;
    matrixFindingMarket.id = ownMarketId;
    ownEventId = await freshScheduleEvent(t.database.db, workspace.id, ownClusterId);
    // The marketplace's routes (issue 22 item 3) run on an event of their own, where the member's
    // organisation and an outside company are approved participants.
    ownMarketEventId = await freshMarketEvent(
      t.database.db,
      factory,
      workspace.id,
      ownClusterId,
      ownOrganisationId,
    );
    marketIds.memberParticipantId = marketPairs.get(ownMarketEventId)?.memberParticipantId ?? '';
    // The own event runs today (so the member may check itself in), with the member's organisation
    // taking part (issue 22, the event's day).
    const dayOf = (offset: number) =>
      new Date(Date.now() + offset * 24 * 3600_000).toISOString().slice(0, 10);
    await t.database.db
      .updateTable('activity')
      .set({ starts_on: dayOf(-1), ends_on: dayOf(1) })
      .where('id', '=', (eb) => eb.selectFrom('b2b_event').select('activity_id').where('id', '=', ownEventId))
      .execute();
    const dayRows = new B2bRows(t.database.db);
    const ourParticipant = await dayRows.participant(workspace.id, ownEventId, {
      organisation_id: ownOrganisationId,
      organisation_type: null,
    });
    b2bIds.memberParticipantId = ourParticipant.id;
    b2bIds.code = (await dayRows.participant(workspace.id, ownEventId)).checkin_code;
    foreign.eventId = await freshScheduleEvent(t.database.db, other.id, otherCluster.id);
    const b2b = new B2bRows(t.database.db);
    const eventActivity = await factory.activity(workspace.id, null, {
      instrument: '1.2.1',
      cluster_id: ownClusterId,
    });
    eventIds.eventId = (
      await b2b.event(workspace.id, eventActivity.id, { published_at: new Date().toISOString() })
    ).id;
    eventIds.memberParticipantId = (
      await b2b.participant(workspace.id, eventIds.eventId, {
        organisation_id: ownOrganisationId,
        source: 'member',
      })
    ).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A custom instrument of the workspace (a copy of the D4.2 training, with its KPIs), straight into the database. */
  async function customInstrument(workspaceId: string): Promise<string> {
    const db = t.database.db;
    const training = await db
      .selectFrom('instrument')
      .selectAll()
      .where('key', '=', 'training-to-go-international')
      .where('workspace_id', 'is', null)
      .executeTakeFirstOrThrow();
    const id = `instrument-${randomBytes(6).toString('hex')}`;
    const suffix = randomBytes(3).toString('hex');
    await db
      .insertInto('instrument')
      .values({
        ...training,
        id,
        workspace_id: workspaceId,
        origin: 'custom',
        code: `C${suffix}`,
        key: `training-${suffix}`,
        based_on_key: training.key,
        position: 1000 + (Number.parseInt(suffix, 16) % 1000),
        version: 1,
      })
      .execute();
    const kpis = await db
      .selectFrom('instrument_kpi')
      .selectAll()
      .where('instrument_id', '=', training.id)
      .execute();
    for (const kpi of kpis) {
      await db
        .insertInto('instrument_kpi')
        .values({ ...kpi, id: `kpi-${randomBytes(6).toString('hex')}`, instrument_id: id })
        .execute();
    }
    return id;
  }

  /** A travel rate of the workspace for the country, straight into the database. */
  async function travelRate(workspaceId: string, country: string): Promise<string> {
    const now = new Date().toISOString();
    const id = `rate-${randomBytes(6).toString('hex')}`;
    await t.database.db
      .insertInto('travel_rate')
      .values({
        id,
        workspace_id: workspaceId,
        country,
        travel_cents: 100_000,
        accommodation_per_night_cents: 12_000,
        subsistence_per_day_cents: 6_000,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  }

  it('covers every workspace route of the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => path.startsWith('/api/v1/workspaces/'))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(CASES.map((c) => `${c.method} ${c.path}`).sort()).toEqual(documented);
  });

  async function request(
    route: RouteCase,
    caller: Caller,
    workspaceSlug: string,
    targetId: string,
    version: number,
    /** Values of the other path parameters (`{country}`, `{participantId}`). */
    params: Record<string, string> = {},
  ) {
    const own: OwnIds = {
      clusterId: ownClusterId,
      organisationId: ownOrganisationId,
      marketId: ownMarketId,
      activityId: ownActivityId,
      studyVisitId: ownStudyVisitId,
      networkOrganisationId: ownNetworkOrganisationId,
    };
    const url =
      route.path
        .replace('{workspace}', workspaceSlug)
        .replace(/\{(id|userId)\}/, targetId)
        // An event route's target is the event (resource b2b_event); the agendas' routes read the
        // own published event.
        .replace(
          '{eventId}',
          route.resource === 'b2b_event' ? targetId : (params.eventId ?? eventIds.eventId),
        )
        // A market's findings (issue 23) are the own market's.
        .replace('{marketId}', params.marketId ?? own.marketId)
        .replace(/\{(\w+)\}/g, (_all, name: string) => params[name] ?? name) +
      (route.query?.(version, own) ?? '');
    return t.app.inject({
      method: route.method,
      url,
      headers: { ...callers.get(caller), ...route.headers },
      ...(route.body ? { payload: route.body(version, own, targetId) as object } : {}),
    });
  }

  /** The own workspace's target of a route: the shared record, or a fresh one (deletes). */
  async function ownTarget(route: RouteCase, caller: Caller): Promise<string> {
    const fresh = route.target === 'fresh';
    switch (route.resource ?? 'cluster') {
      case 'saved_view':
        return freshSavedView(t.database.db, home.id, callerUsers.get(caller) as string);
      case 'instrument':
        return fresh ? await customInstrument(home.id) : ownInstrumentId;
      case 'cluster':
        return fresh ? (await factory.cluster(home.id)).id : ownClusterId;
      case 'organisation':
        return fresh ? (await factory.organisation(home.id, ownClusterId)).id : ownOrganisationId;
      case 'person':
        return fresh ? (await factory.person(home.id, ownOrganisationId)).id : ownPersonId;
      case 'target_market':
        return fresh ? (await factory.market(home.id, { owner_cluster_id: ownClusterId })).id : ownMarketId;
      case 'plan':
        return fresh ? (await factory.plan(home.id, ownMarketId)).id : ownPlanId;
      case 'activity':
        return fresh ? (await planning.activityRow(home.id, { cluster_id: ownClusterId })).id : ownActivityId;
      case 'cost_line':
        return fresh ? (await planning.costLineRow(home.id, ownActivityId)).id : ownCostLineId;
      case 'kpi_target': {
        if (!fresh) return ownKpiTargetId;
        const activity = await planning.activityRow(home.id, { cluster_id: ownClusterId });
        return (
          await planning.kpiTargetRow(home.id, {
            activity_id: activity.id,
            kpi_key: 'held_activities',
            value: 2,
          })
        ).id;
      }
      case 'interaction':
        return fresh
          ? (
              await network.interaction(home.id, ownNetworkOrganisationId, {
                cluster_id: ownClusterId,
                next_step: 'Send the brochure',
              })
            ).id
          : ownInteractionId;
      case 'kpi_entry':
        return fresh
          ? (
              await planning.kpiEntryRow(home.id, ownStudyVisitId, {
                kpi_key: 'market_covered',
                value_number: 5,
              })
            ).id
          : ownKpiEntryId;
      case 'travel_rate':
        return fresh
          ? await travelRate(home.id, FRESH_COUNTRIES[freshCountry++ % FRESH_COUNTRIES.length] as string)
          : ownTravelRateId;
      case 'network_organisation':
        return fresh
          ? (await newNetworkOrganisation(t.database.db, home.id, { owner_cluster_id: ownClusterId })).id
          : networkIds.organisationId;
      case 'network_person':
        return fresh
          ? (await newNetworkPerson(t.database.db, home.id, { organisation_id: networkIds.organisationId }))
              .id
          : networkIds.personId;
      case 'project':
        return fresh ? await freshProject(t.database.db, home.id, ownClusterId) : ownProjectId;
      case 'relationship':
        return fresh ? (await freshRelationship(t.database.db, home.id, ownClusterId)).id : ownRelationshipId;
      case 'b2b_event':
        if (/\/events\/\{eventId\}\/(catalogue|suggestions|requests)/.test(route.path))
          return fresh
            ? await freshMarketEvent(t.database.db, factory, home.id, ownClusterId, ownOrganisationId)
            : ownMarketEventId;
        return fresh ? await freshScheduleEvent(t.database.db, home.id, ownClusterId) : ownEventId;
      case 'membership': {
        // A new viewer each time: the callers' own memberships stay as they are.
        const { user } = await factory.memberWithToken(home.id, 'viewer');
        return (
          await t.database.db
            .selectFrom('membership')
            .select('id')
            .where('user_id', '=', user.id)
            .executeTakeFirstOrThrow()
        ).id;
      }
    }
  }

  async function userOfMembership(membershipId: string): Promise<string> {
    const row = await t.database.db
      .selectFrom('membership')
      .select('user_id')
      .where('id', '=', membershipId)
      .executeTakeFirstOrThrow();
    return row.user_id;
  }

  /** The rows of the route's table in a workspace (to prove a refused request changed nothing). */
  function rowsOf(route: RouteCase, workspaceId: string) {
    return t.database.db
      .selectFrom(route.resource ?? 'cluster')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('id')
      .execute();
  }

  describe.each(CASES)('$method $path', (route) => {
    it.each(CALLERS)('in the own workspace: %s gets the expected status', async (caller) => {
      const targetId = await ownTarget(route, caller);
      const current = await t.database.db
        .selectFrom(route.resource ?? 'cluster')
        .select(['id', 'version'])
        .where('id', '=', targetId)
        .executeTakeFirstOrThrow();
      const id = route.freshId
        ? await route.freshId(t.database.db, home.id)
        : route.resource === 'membership'
          ? await userOfMembership(current.id)
          : current.id;
      const params: Record<string, string> = {};
      if (route.resource === 'instrument') params.key = route.key ?? id;
      if (route.resource === 'travel_rate') {
        params.country = (
          await t.database.db
            .selectFrom('travel_rate')
            .select('country')
            .where('id', '=', current.id)
            .executeTakeFirstOrThrow()
        ).country;
      }
      if (route.freshChild) {
        params.participantId =
          params.requestId =
          params.partnerId =
          params.changeId =
          params.runId =
          params.meetingId =
          params.code =
          params.number =
            await route.freshChild(t.database.db, id, {
              clusterId: ownClusterId,
              organisationId: ownOrganisationId,
              marketId: ownMarketId,
              activityId: ownActivityId,
              studyVisitId: ownStudyVisitId,
              networkOrganisationId: ownNetworkOrganisationId,
            });
      }
      const before = await rowsOf(route, home.id);
      const res = await request(route, caller, home.slug, id, current.version, params);
      expect(res.statusCode, res.body).toBe(route.expected[caller]);
      if (res.statusCode === 403) expect(await rowsOf(route, home.id)).toEqual(before);
    });

    it.each(CALLERS)('in another workspace: %s gets 404 and changes nothing', async (caller) => {
      const before = await rowsOf(route, foreign.id);
      const foreignTarget = {
        cluster: foreign.clusterId,
        organisation: foreign.organisationId,
        person: foreign.personId,
        membership: foreign.memberUserId,
        target_market: foreign.marketId,
        plan: foreign.planId,
        activity: foreign.activityId,
        cost_line: foreign.costLineId,
        travel_rate: foreign.travelRateId,
        kpi_target: foreign.kpiTargetId,
        kpi_entry: foreign.kpiEntryId,
        saved_view: foreign.savedViewId,
        instrument: foreign.instrumentId,
        network_organisation: foreign.networkOrganisationId,
        network_person: foreign.networkPersonId,
        interaction: foreign.interactionId,
        project: foreign.projectId,
        relationship: foreign.relationshipId,
        b2b_event: foreign.eventId,
      }[route.resource ?? 'cluster'];
      const res = await request(route, caller, foreign.slug, foreignTarget, 1, {
        country: 'JP',
        participantId: 'participant',
        requestId: 'request',
        partnerId: 'partner',
        key: route.key ?? foreignTarget,
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().detail).toContain(foreign.slug);
      expect(await rowsOf(route, foreign.id)).toEqual(before);
    });
  });

  it.each(CALLERS)(
    "%s gets 404 for another workspace's organisation or person id in the own workspace's URL",
    async (caller) => {
      const targets = [
        { path: 'organisations', id: foreign.organisationId, payload: { version: 1, city: 'Hijacked' } },
        { path: 'people', id: foreign.personId, payload: { version: 1, roleTitle: 'Hijacked' } },
      ];
      for (const target of targets) {
        for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
          const res = await t.app.inject({
            method,
            url: `/api/v1/workspaces/${home.slug}/${target.path}/${target.id}${method === 'DELETE' ? '?version=1' : ''}`,
            headers: callers.get(caller),
            ...(method === 'PATCH' ? { payload: target.payload } : {}),
          });
          // Roles without the permission are refused before the lookup (403); nobody learns of the record.
          expect([403, 404], `${method} ${target.path}`).toContain(res.statusCode);
          if (method === 'GET' || caller === 'coordinator' || caller.startsWith('cluster_manager')) {
            expect(res.statusCode, `${method} ${target.path}`).toBe(404);
          }
        }
      }
      const organisation = await t.database.db
        .selectFrom('organisation')
        .select(['version', 'city'])
        .where('id', '=', foreign.organisationId)
        .executeTakeFirstOrThrow();
      expect(organisation).toEqual({ version: 1, city: null });
      const person = await t.database.db
        .selectFrom('person')
        .select('version')
        .where('id', '=', foreign.personId)
        .executeTakeFirstOrThrow();
      expect(person.version).toBe(1);
    },
  );

  it.each(CALLERS)(
    "%s gets 404 for another workspace's market or plan id in the own workspace's URL",
    async (caller) => {
      const targets = [
        { path: 'markets', id: foreign.marketId, payload: { version: 1, findings: 'Hijacked' } },
        { path: 'plans', id: foreign.planId, payload: { version: 1, notes: 'Hijacked' } },
      ];
      for (const target of targets) {
        for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
          const res = await t.app.inject({
            method,
            url: `/api/v1/workspaces/${home.slug}/${target.path}/${target.id}${method === 'DELETE' ? '?version=1' : ''}`,
            headers: callers.get(caller),
            ...(method === 'PATCH' ? { payload: target.payload } : {}),
          });
          // Roles without the permission are refused before the lookup (403); nobody learns of the record.
          expect([403, 404], `${method} ${target.path}`).toContain(res.statusCode);
          if (method === 'GET' || caller === 'coordinator') {
            expect(res.statusCode, `${method} ${target.path}`).toBe(404);
          }
        }
      }
      const copy = await t.app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${home.slug}/plans/${ownPlanId}/copy`,
        headers: callers.get(caller),
        payload: { marketId: foreign.marketId },
      });
      expect([403, 404]).toContain(copy.statusCode);
      if (caller === 'coordinator' || caller.startsWith('cluster_manager')) expect(copy.statusCode).toBe(404);
      const market = await t.database.db
        .selectFrom('target_market')
        .select(['version', 'findings'])
        .where('id', '=', foreign.marketId)
        .executeTakeFirstOrThrow();
      expect(market).toEqual({ version: 1, findings: '' });
      const plans = await t.database.db
        .selectFrom('plan')
        .select(['version', 'notes'])
        .where('workspace_id', '=', foreign.id)
        .execute();
      expect(plans).toEqual([{ version: 1, notes: '' }]);
    },
  );

  it.each(CALLERS)(
    "%s gets 404 (or 403 without the permission) for another workspace's member in the own workspace's URL",
    async (caller) => {
      for (const method of ['PATCH', 'DELETE'] as const) {
        const res = await t.app.inject({
          method,
          url: `/api/v1/workspaces/${home.slug}/members/${foreign.memberUserId}${method === 'DELETE' ? '?version=1' : ''}`,
          headers: callers.get(caller),
          ...(method === 'PATCH' ? { payload: { version: 1, role: 'coordinator' } } : {}),
        });
        expect(res.statusCode, method).toBe(caller === 'coordinator' ? 404 : 403);
      }
      const untouched = await t.database.db
        .selectFrom('membership')
        .select(['role', 'version'])
        .where('user_id', '=', foreign.memberUserId)
        .executeTakeFirstOrThrow();
      expect(untouched).toEqual({ role: 'viewer', version: 1 });
    },
  );

  it.each(CALLERS)(
    "%s gets 404 for another workspace's cluster id in the own workspace's URL",
    async (caller) => {
      for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
        const res = await t.app.inject({
          method,
          url: `/api/v1/workspaces/${home.slug}/clusters/${foreign.clusterId}${method === 'DELETE' ? '?version=1' : ''}`,
          headers: callers.get(caller),
          ...(method === 'PATCH' ? { payload: { version: 1, city: 'Hijacked' } } : {}),
        });
        // Members without the permission are refused before the lookup (403); nobody learns of the cluster.
        expect([403, 404], `${method}`).toContain(res.statusCode);
        if (method === 'GET' || caller === 'coordinator') expect(res.statusCode).toBe(404);
      }
      const untouched = await t.database.db
        .selectFrom('cluster')
        .select('city')
        .where('id', '=', foreign.clusterId)
        .executeTakeFirstOrThrow();
      expect(untouched.city).toBe('Brussels');
    },
  );

  it.each(CALLERS)(
    "%s gets 404 (or 403 without the permission) for another workspace's activity or cost line id in the own workspace's URL",
    async (caller) => {
      const base = `/api/v1/workspaces/${home.slug}`;
      const attempts = [
        { method: 'GET', url: `${base}/activities/${foreign.activityId}` },
        {
          method: 'PATCH',
          url: `${base}/activities/${foreign.activityId}`,
          payload: { version: 1, title: 'Hijacked' },
        },
        { method: 'DELETE', url: `${base}/activities/${foreign.activityId}?version=1` },
        {
          method: 'POST',
          url: `${base}/activities/${foreign.activityId}/participants`,
          payload: { organisationId: ownOrganisationId, role: 'host' },
        },
        { method: 'GET', url: `${base}/activities/${foreign.activityId}/cost-lines` },
        {
          method: 'POST',
          url: `${base}/activities/${foreign.activityId}/estimate`,
          payload: { parameters: { units: 1 }, fundingSource: 'cluster', apply: true, version: 1 },
        },
        {
          method: 'PATCH',
          url: `${base}/cost-lines/${foreign.costLineId}`,
          payload: { version: 1, amountEur: 1 },
        },
        { method: 'DELETE', url: `${base}/cost-lines/${foreign.costLineId}?version=1` },
      ] as const;
      for (const attempt of attempts) {
        const res = await t.app.inject({
          method: attempt.method,
          url: attempt.url,
          headers: callers.get(caller),
          ...('payload' in attempt ? { payload: attempt.payload } : {}),
        });
        // Roles without the permission are refused before the lookup (403); nobody learns of the record.
        expect([403, 404], `${attempt.method} ${attempt.url}`).toContain(res.statusCode);
        if (caller === 'coordinator' || (attempt.method === 'GET' && !attempt.url.endsWith('cost-lines'))) {
          expect(res.statusCode, `${attempt.method} ${attempt.url}`).toBe(404);
        }
      }
      const activity = await t.database.db
        .selectFrom('activity')
        .select(['title', 'version', 'estimate_parameters'])
        .where('id', '=', foreign.activityId)
        .executeTakeFirstOrThrow();
      expect(activity).toEqual({ title: 'An activity', version: 1, estimate_parameters: '{}' });
      const lines = await t.database.db
        .selectFrom('cost_line')
        .select(['amount_cents', 'version'])
        .where('activity_id', '=', foreign.activityId)
        .execute();
      expect(lines).toEqual([{ amount_cents: 10_000, version: 1 }]);
      const participants = await t.database.db
        .selectFrom('activity_participant')
        .select('id')
        .where('activity_id', '=', foreign.activityId)
        .execute();
      expect(participants).toEqual([]);
    },
  );

  it('answers 401 to every workspace route without credentials', async () => {
    for (const route of CASES) {
      const res = await request(route, 'viewer', home.slug, ownClusterId, 1).then(() =>
        t.app.inject({
          method: route.method,
          url: route.path.replace('{workspace}', home.slug).replace(/\{\w+\}/g, ownClusterId),
        }),
      );
      expect(res.statusCode, `${route.method} ${route.path}`).toBe(401);
    }
  });
});

// Issue 23 — questionnaires: who reads them (the staff), who adapts them (coordinators, any
// cluster manager), and a fresh questionnaire of a workspace.
function surveyReaders(status: number): Record<Caller, number> {
  return only({
    coordinator: status,
    cluster_manager: status,
    cluster_manager_of_other_cluster: status,
    viewer: status,
  });
}
function surveyManagers(status: number): Record<Caller, number> {
  return only({ coordinator: status, cluster_manager: status, cluster_manager_of_other_cluster: status });
}
async function freshQuestionnaire(db: Kysely<DB>, workspaceId: string): Promise<string> {
  return (await new SurveyRows(db).questionnaire(workspaceId)).id;
}

/** A new wave (issue 23 — results and readiness) of a new readiness questionnaire of the workspace. */
async function freshResultsWave(db: Kysely<DB>, workspaceId: string): Promise<string> {
  const surveys = new SurveyRows(db);
  const questionnaire = await surveys.questionnaire(workspaceId);
  return (await surveys.wave(workspaceId, questionnaire.id)).id;
}
