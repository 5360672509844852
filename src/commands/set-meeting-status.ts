import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { localDay, statusRefusal } from '../domain/matchmaking/day.ts';
import type { MeetingStatus, MeetingStatusBy } from '../domain/matchmaking/types.ts';
import { AuditRepository, diff } from '../features/audit/repository.ts';
import { DayRepository, type NamedMeetingRow } from '../features/b2b-day/repository.ts';
import type { MeetingOnTheDayDto } from '../features/b2b-day/schema.ts';
import { actingOn, type DayCaller, presentMeeting, sideOf } from '../features/b2b-day/service.ts';
import type { EventRef } from '../features/b2b-events/event-ref.ts';
import { InteractionRepository } from '../features/interactions/repository.ts';

const REFUSALS = {
  not_started: 'A meeting can be marked held or no-show from its start only',
  already_ended: 'The meeting is over: only an organiser can cancel or restore it now',
} as const;

/**
 * `POST …/meetings/{meetingId}/status` (workspace and portal): a side of the meeting or an
 * organiser marks it held, no-show, cancelled or back to scheduled (decision 0039). A held meeting
 * between a member organisation and an outside participant known to the network becomes an
 * interaction (`event_encounter`) at the event's activity; taking the mark back removes it. It
 * writes the meeting, the network's interactions and the audit log in one transaction, hence a
 * command. A change to a published meeting raises the event's agenda revision.
 */
export function setMeetingStatusCommand(db: Kysely<DB>, clock: () => Date = () => new Date()) {
  return (
    caller: DayCaller,
    eventId: string | null,
    meetingId: string,
    input: { status: MeetingStatus; version: number },
  ): Promise<MeetingOnTheDayDto> =>
    writeTransaction(db, async (trx) => {
      const acting = await actingOn(trx, caller, eventId);
      const { event } = acting;
      const day = new DayRepository(trx);
      const meeting = await day.findMeeting(event.workspaceId, event.id, meetingId);
      if (!meeting) throw new NotFoundError('meeting', meetingId, 'path.meetingId');
      const by: MeetingStatusBy =
        acting.participantId === null ? 'organiser' : sideOf(meeting, acting.participantId);
      const refusal = statusRefusal(
        {
          slotStartsAt: meeting.slot_starts_at,
          slotEndsAt: meeting.slot_ends_at,
          status: meeting.status as MeetingStatus,
        },
        input.status,
        by,
        clock(),
      );
      if (refusal) throw new ConflictError(REFUSALS[refusal]);
      if (meeting.version !== input.version) throw stale(meeting, input.version);
      if (meeting.status === input.status) return presentMeeting(meeting);
      if (meeting.status === 'cancelled' && meeting.table_id !== null) {
        // Restoring a cancelled meeting: its table may have been given to another one since.
        const taken = await day.tableTaken(meeting);
        if (taken) throw new ConflictError('The meeting’s table holds another meeting at that time now');
      }
      const updated = await day.updateStatus(
        meeting,
        event.activityId,
        input.version,
        input.status,
        input.status === 'scheduled' ? null : by,
      );
      if (!updated) throw stale(meeting, input.version);
      if (meeting.published) await day.bumpAgendaRevision(event.id);

      const audit = new AuditRepository(trx);
      let interactionId = meeting.interaction_id;
      if (input.status === 'held' && meeting.interaction_id === null) {
        interactionId = await recordEncounter(trx, event, meeting, acting.userId);
      } else if (input.status !== 'held' && meeting.interaction_id !== null) {
        await removeEncounter(trx, event, meeting.interaction_id, acting.userId);
        interactionId = null;
      }
      if (interactionId !== meeting.interaction_id) {
        await day.setInteraction(meeting, event.activityId, interactionId);
      }
      await audit.record({
        workspaceId: event.workspaceId,
        actorUserId: acting.userId,
        action: 'update',
        entityType: 'b2b_meeting',
        entityId: meeting.id,
        changes: diff(meeting, {
          status: updated.status,
          status_by: updated.status_by,
          interaction_id: interactionId,
        }),
      });
      const after = await day.findMeeting(event.workspaceId, event.id, meeting.id);
      if (!after) throw new NotFoundError('meeting', meeting.id);
      return presentMeeting(after);
    });
}

function stale(meeting: NamedMeetingRow, version: number): ConflictError {
  return new ConflictError(
    `The meeting changed since version ${version}: it is at version ${meeting.version}`,
    meeting.version,
  );
}

/**
 * The interaction a held meeting makes, when one side is a member organisation and the other an
 * outside participant kept in the network (`network_organisation_id`). Two members (even of
 * different clusters) or two outside participants make none: an interaction is always between one
 * of ours and a network organisation. @returns its id, or null.
 */
async function recordEncounter(
  trx: Kysely<DB>,
  event: EventRef,
  meeting: NamedMeetingRow,
  userId: string | null,
): Promise<string | null> {
  const day = new DayRepository(trx);
  const from = await day.side(meeting.from_participant_id);
  const to = await day.side(meeting.to_participant_id);
  const member = from.organisation_id ? from : to.organisation_id ? to : null;
  const outside = member === from ? to : from;
  if (!member || outside.organisation_id !== null || outside.network_organisation_id === null) return null;
  const theirs = await day.firstRepresentative(outside.id);
  const ours = await day.firstRepresentative(member.id);
  const values = {
    kind: 'event_encounter',
    occurred_on: localDay(meeting.slot_starts_at, event.timeZone),
    activity_id: event.activityId,
    cluster_id: member.cluster_id,
    staff_user_id: userId,
    member_organisation_id: member.organisation_id,
    member_person_id: ours?.person_id ?? null,
    network_organisation_id: outside.network_organisation_id,
    network_person_id: theirs?.network_person_id ?? null,
    notes: `B2B meeting at ${event.title}: ${meeting.from_name} and ${meeting.to_name}`,
    next_step: null,
    next_step_due_on: null,
    next_step_owner_user_id: null,
    next_step_done_at: null,
    created_by: userId,
  };
  const row = await new InteractionRepository(trx).create(event.workspaceId, values);
  await new AuditRepository(trx).record({
    workspaceId: event.workspaceId,
    actorUserId: userId,
    action: 'create',
    entityType: 'interaction',
    entityId: row.id,
    changes: diff({}, values),
  });
  return row.id;
}

async function removeEncounter(
  trx: Kysely<DB>,
  event: EventRef,
  interactionId: string,
  userId: string | null,
): Promise<void> {
  const interactions = new InteractionRepository(trx);
  const current = await interactions.find(event.workspaceId, interactionId);
  if (!current) return;
  await interactions.delete(event.workspaceId, current, current.version);
  await new AuditRepository(trx).record({
    workspaceId: event.workspaceId,
    actorUserId: userId,
    action: 'delete',
    entityType: 'interaction',
    entityId: interactionId,
    changes: { kind: [current.kind, null], occurred_on: [current.occurred_on, null] },
  });
}
