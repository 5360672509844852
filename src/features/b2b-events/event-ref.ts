import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { canParticipate, type ParticipationScope } from '../../domain/matchmaking/access.ts';
import { type EventSlot, eventSlots } from '../../domain/matchmaking/slots.ts';
import type {
  EventFormat,
  EventStatus,
  MeetingType,
  ParticipantStatus,
  SessionBreak,
} from '../../domain/matchmaking/types.ts';

/**
 * What every matchmaking feature needs to know of an event before it acts: where it belongs, who
 * runs it (its activity's cluster and the co-organisers, for `canManageEvent`), its clock and its
 * state. Read by `EventRefReader.find` in one query plus one for the co-organisers.
 */
export interface EventRef {
  id: string;
  workspaceId: string;
  activityId: string;
  /** The activity's title: the event's name. */
  title: string;
  /** The activity's dates (YYYY-MM-DD). */
  startsOn: string;
  endsOn: string;
  /** The activity's cluster (null: the coordinators'). */
  clusterId: string | null;
  coOrganiserClusterIds: string[];
  publicSlug: string;
  timeZone: string;
  format: EventFormat;
  status: EventStatus;
  slotMinutes: number;
  meetingTypes: MeetingType[];
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  requestDeadlineAt: string | null;
  maxRequestsPerParticipant: number | null;
  maxRepresentatives: number;
  requestExpiryDays: number | null;
  approval: 'manual' | 'automatic';
  publishedAt: string | null;
  publishedRunId: string | null;
  agendaRevision: number;
  version: number;
}

/** A member organisation's participant in an event, with what taking part for it needs. */
export interface OrganisationParticipant extends ParticipationScope {
  id: string;
  status: ParticipantStatus;
}

/** Reads events' references and slots (the only SQL of this module); used by every b2b feature. */
export class EventRefReader {
  constructor(private readonly db: Kysely<DB>) {}

  /** @throws NotFoundError when the event is not in the workspace. */
  async find(workspaceId: string, eventId: string): Promise<EventRef> {
    const ref = await this.findOrNull(workspaceId, eventId);
    if (!ref) throw new NotFoundError('event', eventId);
    return ref;
  }

  async findOrNull(workspaceId: string, eventId: string): Promise<EventRef | null> {
    const row = await this.db
      .selectFrom('b2b_event as e')
      .innerJoin('activity as a', 'a.id', 'e.activity_id')
      .where('e.workspace_id', '=', workspaceId)
      .where('e.id', '=', eventId)
      .select([
        'e.id',
        'e.workspace_id',
        'e.activity_id',
        'a.title',
        'a.starts_on',
        'a.ends_on',
        'a.cluster_id',
        'e.public_slug',
        'e.time_zone',
        'e.format',
        'e.status',
        'e.slot_minutes',
        'e.meeting_types',
        'e.registration_opens_at',
        'e.registration_closes_at',
        'e.request_deadline_at',
        'e.max_requests_per_participant',
        'e.max_representatives',
        'e.request_expiry_days',
        'e.approval',
        'e.published_at',
        'e.published_run_id',
        'e.agenda_revision',
        'e.version',
      ])
      .executeTakeFirst();
    if (!row) return null;
    const co = await this.db
      .selectFrom('b2b_event_co_organiser')
      .where('event_id', '=', row.id)
      .select('cluster_id')
      .orderBy('cluster_id')
      .execute();
    return {
      id: row.id,
      workspaceId: row.workspace_id,
      activityId: row.activity_id,
      title: row.title,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      clusterId: row.cluster_id,
      coOrganiserClusterIds: co.map((c) => c.cluster_id),
      publicSlug: row.public_slug,
      timeZone: row.time_zone,
      format: row.format,
      status: row.status,
      slotMinutes: row.slot_minutes,
      meetingTypes: JSON.parse(row.meeting_types) as MeetingType[],
      registrationOpensAt: row.registration_opens_at,
      registrationClosesAt: row.registration_closes_at,
      requestDeadlineAt: row.request_deadline_at,
      maxRequestsPerParticipant: row.max_requests_per_participant,
      maxRepresentatives: row.max_representatives,
      requestExpiryDays: row.request_expiry_days,
      approval: row.approval,
      publishedAt: row.published_at,
      publishedRunId: row.published_run_id,
      agendaRevision: row.agenda_revision,
      version: row.version,
    };
  }

  /** The member organisation's participant in the event, whatever its status (null: none). */
  async participantOfOrganisation(
    event: Pick<EventRef, 'id' | 'workspaceId'>,
    organisationId: string,
  ): Promise<OrganisationParticipant | null> {
    const row = await this.db
      .selectFrom('b2b_participant as p')
      .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
      .where('p.workspace_id', '=', event.workspaceId)
      .where('p.event_id', '=', event.id)
      .where('p.organisation_id', '=', organisationId)
      .select(['p.id', 'p.status', 'o.id as organisation_id', 'o.cluster_id'])
      .executeTakeFirst();
    return row
      ? { id: row.id, status: row.status, organisationId: row.organisation_id, clusterId: row.cluster_id }
      : null;
  }

  /**
   * The participant `actor` takes part as: its own organisation's, when it may act for it
   * (`canParticipate`); null for a user of no organisation, one not registered, or one without the
   * right.
   */
  async ownParticipant(
    actor: Actor,
    event: Pick<EventRef, 'id' | 'workspaceId'>,
  ): Promise<OrganisationParticipant | null> {
    if (!actor.organisationId) return null;
    const participant = await this.participantOfOrganisation(event, actor.organisationId);
    return participant && canParticipate(actor, participant) ? participant : null;
  }

  /** The event id of a public registration page's slug, with its workspace (null: none). */
  async findBySlug(slug: string): Promise<{ id: string; workspaceId: string } | null> {
    const row = await this.db
      .selectFrom('b2b_event')
      .where('public_slug', '=', slug)
      .select(['id', 'workspace_id'])
      .executeTakeFirst();
    return row ? { id: row.id, workspaceId: row.workspace_id } : null;
  }

  /** The event's meeting slots, in time order, numbered from 1 (`eventSlots`). */
  async slots(event: Pick<EventRef, 'id' | 'slotMinutes' | 'timeZone'>): Promise<EventSlot[]> {
    const sessions = await this.db
      .selectFrom('b2b_session')
      .where('event_id', '=', event.id)
      .select(['id', 'name', 'day', 'start_time', 'end_time', 'breaks'])
      .orderBy('day')
      .orderBy('start_time')
      .execute();
    return eventSlots(
      sessions.map((s) => ({
        id: s.id,
        name: s.name,
        day: s.day,
        startTime: s.start_time,
        endTime: s.end_time,
        breaks: JSON.parse(s.breaks) as SessionBreak[],
      })),
      event.slotMinutes,
      event.timeZone,
    );
  }
}
