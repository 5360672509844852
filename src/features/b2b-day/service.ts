import type { Kysely } from 'kysely';
import { nowIso } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, requireAccess } from '../../domain/access/policy.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import {
  canManageEvent,
  requireEventManager,
  requireParticipation,
} from '../../domain/matchmaking/access.ts';
import { isEventDay, rate } from '../../domain/matchmaking/day.ts';
import {
  FOLLOW_UPS,
  type FollowUp,
  type MeetingStatus,
  type MeetingStatusBy,
  PARTICIPANT_STATUSES,
  type ParticipantStatus,
  REQUEST_STATUSES,
  type RequestStatus,
} from '../../domain/matchmaking/types.ts';
import { AuditRepository } from '../audit/repository.ts';
import { type EventRef, EventRefReader } from '../b2b-events/event-ref.ts';
import type { PortalParticipant } from '../b2b-participants/portal-auth.ts';
import { DayRepository, type NamedMeetingRow } from './repository.ts';
import type {
  CheckInListDto,
  CheckInQuery,
  CheckInResultDto,
  CodeLookupDto,
  DayOverviewDto,
  FollowUpDto,
  MeetingOnTheDayDto,
  MyMeetingDto,
  StatisticsDto,
} from './schema.ts';

/**
 * Who acts on the event's day: a user of the workspace (an organiser, or a member for its own
 * organisation's participant), or an outside participant signed in by its event link.
 */
export type DayCaller = { kind: 'user'; actor: Actor } | { kind: 'portal'; participant: PortalParticipant };

/** The event and the role the caller plays in it: an organiser, or one participant. */
export interface Acting {
  event: EventRef;
  /** Null: an organiser. */
  participantId: string | null;
  userId: string | null;
}

/**
 * The event of a workspace route (404 outside the workspace), readable by everyone there, or the
 * portal participant's own event.
 */
export async function eventOf(db: Kysely<DB>, caller: DayCaller, eventId: string | null): Promise<EventRef> {
  const refs = new EventRefReader(db);
  if (caller.kind === 'portal') return refs.find(caller.participant.workspaceId, caller.participant.eventId);
  requireAccess(caller.actor, 'event.read');
  return refs.find(caller.actor.workspaceId, eventId ?? '');
}

/**
 * The caller as a participant of `event`: the portal's participant, or the participant of the
 * member user's own organisation (404 when it has none; `event.participate` in its scope).
 * Only approved participants act (409 otherwise).
 */
export async function participantOf(db: Kysely<DB>, caller: DayCaller, event: EventRef): Promise<string> {
  if (caller.kind === 'portal') {
    if (caller.participant.status !== 'approved') throw notApproved();
    return caller.participant.participantId;
  }
  const actor = caller.actor;
  const found = actor.organisationId
    ? await new EventRefReader(db).participantOfOrganisation(event, actor.organisationId)
    : null;
  if (!found) throw new NotFoundError('participant of your organisation', event.id);
  requireParticipation(actor, found);
  if (found.status !== 'approved') throw notApproved();
  return found.id;
}

/** Organisers act as organisers; anyone else acts for its participant. */
export async function actingOn(db: Kysely<DB>, caller: DayCaller, eventId: string | null): Promise<Acting> {
  const event = await eventOf(db, caller, eventId);
  if (caller.kind === 'user' && canManageEvent(caller.actor, event)) {
    return { event, participantId: null, userId: caller.actor.userId };
  }
  return {
    event,
    participantId: await participantOf(db, caller, event),
    userId: caller.kind === 'user' ? caller.actor.userId : null,
  };
}

/**
 * The side of a meeting `participantId` holds ('from' or 'to' of its request); 404 for a meeting
 * of another pair (it reveals nothing of it).
 */
export function sideOf(meeting: NamedMeetingRow, participantId: string): 'from' | 'to' {
  if (meeting.from_participant_id === participantId) return 'from';
  if (meeting.to_participant_id === participantId) return 'to';
  throw new NotFoundError('meeting', meeting.id);
}

function notApproved(): ConflictError {
  return new ConflictError('Only approved participants take part in the event’s day');
}

export function presentMeeting(row: NamedMeetingRow): MeetingOnTheDayDto {
  return {
    id: row.id,
    slotStartsAt: row.slot_starts_at,
    slotEndsAt: row.slot_ends_at,
    tableName: row.table_name,
    fromParticipantId: row.from_participant_id,
    fromName: row.from_name,
    toParticipantId: row.to_participant_id,
    toName: row.to_name,
    status: row.status as MeetingStatus,
    statusBy: row.status_by as MeetingStatusBy | null,
    published: row.published === 1 || (row.published as unknown) === true,
    interactionId: row.interaction_id,
    version: row.version,
  };
}

type MyMeetingRow = NamedMeetingRow & {
  rating: number | null;
  follow_up: string | null;
  comment: string | null;
  feedback_updated_at: string | null;
};

export function presentMyMeeting(row: MyMeetingRow, participantId: string, now: Date): MyMeetingDto {
  const mine = row.from_participant_id === participantId ? 'from' : 'to';
  return {
    ...presentMeeting(row),
    counterpartName: mine === 'from' ? row.to_name : row.from_name,
    started: now.getTime() >= Date.parse(row.slot_starts_at),
    feedback:
      row.follow_up !== null
        ? {
            rating: row.rating,
            followUp: row.follow_up as FollowUp,
            comment: row.comment ?? '',
            updatedAt: row.feedback_updated_at ?? '',
          }
        : null,
  };
}

/**
 * Use cases of the event's day that stay inside it (issue 22 items 6 and 7, decision 0039):
 * check-ins, the day's overview, a participant's follow-up list and the statistics. Meeting
 * outcomes and feedback write to the network too: commands `set-meeting-status.ts` and
 * `give-meeting-feedback.ts`.
 */
export class DayService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private async managed(actor: Actor, eventId: string): Promise<EventRef> {
    const event = await eventOf(this.db, { kind: 'user', actor }, eventId);
    requireEventManager(actor, event);
    return event;
  }

  async checkInList(actor: Actor, eventId: string, query: CheckInQuery): Promise<CheckInListDto> {
    const event = await this.managed(actor, eventId);
    const day = new DayRepository(this.db);
    const rows = await day.checkInList(event.workspaceId, event.id, query.q || undefined, query.limit);
    const reps = await day.representatives(rows.map((r) => r.id));
    return {
      participants: rows.map((row) => ({
        id: row.id,
        name: row.name,
        country: row.country,
        member: row.organisation_id !== null,
        representatives: reps.get(row.id) ?? [],
        checkedInAt: row.checked_in_at,
      })),
      counts: await day.checkInCounts(event.workspaceId, event.id),
    };
  }

  /** Who a QR code names (an organiser's scan, before checking in); 404 for a code of no participant here. */
  async lookupCode(actor: Actor, eventId: string, code: string): Promise<CodeLookupDto> {
    const event = await this.managed(actor, eventId);
    const day = new DayRepository(this.db);
    const row = await day.findParticipantByCode(event.workspaceId, event.id, code);
    if (!row) throw new NotFoundError('check-in code', code);
    const reps = await day.representatives([row.id]);
    return {
      participantId: row.id,
      name: row.name,
      country: row.country,
      status: row.status as ParticipantStatus,
      representatives: reps.get(row.id) ?? [],
      checkedInAt: row.checked_in_at,
    };
  }

  /** An organiser checks a participant in (again: no change) or undoes it (`checkedIn` false). */
  async setCheckIn(
    actor: Actor,
    eventId: string,
    participantId: string,
    checkedIn: boolean,
  ): Promise<CheckInResultDto> {
    return writeTransaction(this.db, async (trx) => {
      const event = await eventOf(trx, { kind: 'user', actor }, eventId);
      requireEventManager(actor, event);
      const row = await new DayRepository(trx).findParticipant(event.workspaceId, event.id, participantId);
      if (!row) throw new NotFoundError('participant', participantId, 'path.participantId');
      return this.write(trx, event, row, checkedIn, actor.userId);
    });
  }

  async checkInByCode(actor: Actor, eventId: string, code: string): Promise<CheckInResultDto> {
    return writeTransaction(this.db, async (trx) => {
      const event = await eventOf(trx, { kind: 'user', actor }, eventId);
      requireEventManager(actor, event);
      const row = await new DayRepository(trx).findParticipantByCode(event.workspaceId, event.id, code);
      if (!row) throw new NotFoundError('check-in code', code, 'body.code');
      return this.write(trx, event, row, true, actor.userId);
    });
  }

  /** A participant checks itself in, on one of the event's days only (its time zone; 409 otherwise). */
  async selfCheckIn(caller: DayCaller, eventId: string | null): Promise<CheckInResultDto> {
    return writeTransaction(this.db, async (trx) => {
      const event = await eventOf(trx, caller, eventId);
      const participantId = await participantOf(trx, caller, event);
      const day = new DayRepository(trx);
      const days = (await day.sessionDays(event.id)).map((r) => r.day);
      if (!isEventDay(this.clock(), event, days)) {
        throw new ConflictError(
          `Self check-in opens on the event’s days only (${event.startsOn} to ${event.endsOn}, ${event.timeZone})`,
        );
      }
      const row = await day.findParticipant(event.workspaceId, event.id, participantId);
      if (!row) throw new NotFoundError('participant', participantId);
      return this.write(trx, event, row, true, caller.kind === 'user' ? caller.actor.userId : null);
    });
  }

  private async write(
    trx: Kysely<DB>,
    event: EventRef,
    row: {
      id: string;
      name: string;
      status: string;
      checked_in_at: string | null;
      checked_in_by: string | null;
    },
    checkedIn: boolean,
    userId: string | null,
  ): Promise<CheckInResultDto> {
    if (checkedIn && row.status !== 'approved') throw notApproved();
    const day = new DayRepository(trx);
    let at = row.checked_in_at;
    if (checkedIn !== (row.checked_in_at !== null)) {
      at = checkedIn ? nowIso() : null;
      const by = checkedIn ? userId : null;
      await day.setCheckIn(row.id, at, by);
      await new AuditRepository(trx).record({
        workspaceId: event.workspaceId,
        actorUserId: userId,
        action: 'update',
        entityType: 'b2b_participant',
        entityId: row.id,
        changes: { checked_in_at: [row.checked_in_at, at], checked_in_by: [row.checked_in_by, by] },
      });
    }
    return {
      participantId: row.id,
      name: row.name,
      checkedInAt: at,
      counts: await day.checkInCounts(event.workspaceId, event.id),
    };
  }

  /** The organiser's day: the meetings of the slot running now and of the next slot, and the check-ins. */
  async overview(actor: Actor, eventId: string): Promise<DayOverviewDto> {
    const event = await this.managed(actor, eventId);
    const day = new DayRepository(this.db);
    const now = this.clock().toISOString();
    const { current, next } = await day.currentAndNextStart(event.workspaceId, event.id, now);
    const rows = await day.meetingsAt(
      event.workspaceId,
      event.id,
      [current, next].filter((s): s is string => s !== null),
    );
    const at = (start: string | null) =>
      start === null
        ? null
        : { startsAt: start, meetings: rows.filter((r) => r.slot_starts_at === start).map(presentMeeting) };
    return {
      now,
      current: at(current),
      next: at(next),
      counts: await day.checkInCounts(event.workspaceId, event.id),
    };
  }

  /** A participant's started meetings with its feedback, and its check-in. */
  async followUp(caller: DayCaller, eventId: string | null): Promise<FollowUpDto> {
    const event = await eventOf(this.db, caller, eventId);
    const participantId = await participantOf(this.db, caller, event);
    const day = new DayRepository(this.db);
    const now = this.clock();
    const rows = (await day.meetingsOf(event.workspaceId, event.id, participantId)) as MyMeetingRow[];
    const me = await day.findParticipant(event.workspaceId, event.id, participantId);
    const days = (await day.sessionDays(event.id)).map((r) => r.day);
    return {
      participantId,
      checkedInAt: me?.checked_in_at ?? null,
      canCheckIn: isEventDay(now, event, days),
      meetings: rows.map((row) => presentMyMeeting(row, participantId, now)),
    };
  }

  /** The event's figures (totals only: everyone who may read the event may read them). */
  async statistics(actor: Actor, eventId: string): Promise<StatisticsDto> {
    const event = await eventOf(this.db, { kind: 'user', actor }, eventId);
    const day = new DayRepository(this.db);
    const ws = event.workspaceId;
    const [participants, requests, meetings, feedback, checkIns] = await Promise.all([
      day.countBy('b2b_participant', ws, event.id),
      day.countBy('b2b_request', ws, event.id),
      day.countBy('b2b_meeting', ws, event.id),
      day.feedbackCounts(ws, event.id),
      day.checkInCounts(ws, event.id),
    ]);
    const byParticipant = Object.fromEntries(
      PARTICIPANT_STATUSES.map((s) => [s, participants.get(s) ?? 0]),
    ) as Record<ParticipantStatus, number>;
    const byRequest = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, requests.get(s) ?? 0])) as Record<
      RequestStatus,
      number
    >;
    const m = (s: MeetingStatus) => meetings.get(s) ?? 0;
    const distribution = [1, 2, 3, 4, 5].map((rating) => ({
      rating,
      count: feedback.ratings.get(rating) ?? 0,
    }));
    const ratings = distribution.reduce((sum, d) => sum + d.count, 0);
    const points = distribution.reduce((sum, d) => sum + d.rating * d.count, 0);
    return {
      registrations: {
        total: Object.values(byParticipant).reduce((a, b) => a + b, 0),
        byStatus: byParticipant,
      },
      requests: {
        sent: REQUEST_STATUSES.filter((s) => s !== 'cancelled').reduce((sum, s) => sum + byRequest[s], 0),
        byStatus: byRequest,
        acceptanceRate: rate(byRequest.accepted, byRequest.accepted + byRequest.declined + byRequest.expired),
      },
      meetings: {
        booked: m('scheduled') + m('held') + m('no_show'),
        held: m('held'),
        noShow: m('no_show'),
        cancelled: m('cancelled'),
        scheduled: m('scheduled'),
        noShowRate: rate(m('no_show'), m('held') + m('no_show')),
      },
      checkIns: checkIns,
      satisfaction: {
        ratings,
        average: ratings === 0 ? null : Math.round((points / ratings) * 100) / 100,
        distribution,
      },
      followUps: FOLLOW_UPS.map((followUp) => ({ followUp, count: feedback.followUps.get(followUp) ?? 0 })),
    };
  }
}
