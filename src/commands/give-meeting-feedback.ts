import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { followUpStage, localDay } from '../domain/matchmaking/day.ts';
import { stageRank } from '../domain/network/types.ts';
import { AuditRepository, diff } from '../features/audit/repository.ts';
import { DayRepository, type NamedMeetingRow } from '../features/b2b-day/repository.ts';
import type { FeedbackInput, MyMeetingDto } from '../features/b2b-day/schema.ts';
import {
  type DayCaller,
  eventOf,
  participantOf,
  presentMyMeeting,
  sideOf,
} from '../features/b2b-day/service.ts';
import type { EventRef } from '../features/b2b-events/event-ref.ts';
import { RelationshipRepository, type RelationshipValues } from '../features/relationships/repository.ts';

/**
 * `POST …/meetings/{meetingId}/feedback` (workspace and portal): a side rates a held meeting and
 * says what follow-up it expects (one row per side; a second answer replaces the first). The
 * member side's feedback moves its relationship with the outside participant's network
 * organisation to `met`, or to `potential_partner` for a proposal or a partnership, creating it
 * when there is none, attributed to the event's activity; a relationship already further along
 * (or dormant, or closed) is left as it is. Feedback, relationships, stage changes and the audit
 * log in one transaction, hence a command.
 */
export function giveMeetingFeedbackCommand(db: Kysely<DB>, clock: () => Date = () => new Date()) {
  return (
    caller: DayCaller,
    eventId: string | null,
    meetingId: string,
    input: FeedbackInput,
  ): Promise<MyMeetingDto> =>
    writeTransaction(db, async (trx) => {
      const event = await eventOf(trx, caller, eventId);
      const participantId = await participantOf(trx, caller, event);
      const userId = caller.kind === 'user' ? caller.actor.userId : null;
      const day = new DayRepository(trx);
      const meeting = await day.findMeeting(event.workspaceId, event.id, meetingId);
      if (!meeting) throw new NotFoundError('meeting', meetingId, 'path.meetingId');
      sideOf(meeting, participantId);
      if (meeting.status !== 'held') {
        throw new ConflictError('Feedback is given on held meetings only: mark the meeting held first');
      }
      if (clock().getTime() < Date.parse(meeting.slot_starts_at)) {
        throw new ConflictError('Feedback is given once the meeting has taken place');
      }
      const before = await day.findFeedback(meeting.id, participantId);
      const values = { rating: input.rating, follow_up: input.followUp, comment: input.comment };
      const row = await day.upsertFeedback(event.workspaceId, meeting.id, participantId, values);
      await new AuditRepository(trx).record({
        workspaceId: event.workspaceId,
        actorUserId: userId,
        action: before ? 'update' : 'create',
        entityType: 'b2b_meeting_feedback',
        entityId: row.id,
        changes: diff(before ?? {}, values),
      });
      await moveRelationship(trx, event, meeting, participantId, input.followUp, userId);
      const mine = (await day.meetingsOf(event.workspaceId, event.id, participantId)).find(
        (m) => m.id === meeting.id,
      );
      if (!mine) throw new NotFoundError('meeting', meeting.id);
      return presentMyMeeting(mine, participantId, clock());
    });
}

/** The member side's follow-up moves (or starts) its relationship with the counterpart. */
async function moveRelationship(
  trx: Kysely<DB>,
  event: EventRef,
  meeting: NamedMeetingRow,
  participantId: string,
  followUp: FeedbackInput['followUp'],
  userId: string | null,
): Promise<void> {
  const day = new DayRepository(trx);
  const me = await day.side(participantId);
  const other = await day.side(
    meeting.from_participant_id === participantId ? meeting.to_participant_id : meeting.from_participant_id,
  );
  if (!me.organisation_id || !me.cluster_id) return;
  if (other.organisation_id !== null || other.network_organisation_id === null) return;
  const target = followUpStage(followUp);
  const on = localDay(meeting.slot_starts_at, event.timeZone);
  const relationships = new RelationshipRepository(trx);
  const audit = new AuditRepository(trx);
  const existing = await relationships.findPair(
    event.workspaceId,
    me.organisation_id,
    other.network_organisation_id,
  );
  if (!existing) {
    const values: RelationshipValues = {
      our_cluster_id: null,
      our_organisation_id: me.organisation_id,
      network_organisation_id: other.network_organisation_id,
      counterpart_organisation_id: null,
      cluster_id: me.cluster_id,
      market_id: null,
      stage: target,
      stage_reason: null,
      started_on: on,
      stage_changed_on: on,
      owner_user_id: null,
      notes: '',
    };
    const row = await relationships.create(event.workspaceId, values, {
      actorUserId: userId,
      activityId: event.activityId,
    });
    await audit.record({
      workspaceId: event.workspaceId,
      actorUserId: userId,
      action: 'create',
      entityType: 'relationship',
      entityId: row.id,
      changes: diff({}, { ...values, activity_id: event.activityId }),
    });
    return;
  }
  const rank = stageRank(existing.stage as Parameters<typeof stageRank>[0]);
  const targetRank = stageRank(target) as number;
  // Never backwards; a dormant or closed relationship is the staff's to reopen.
  if (rank === null || rank >= targetRank) return;
  const updated = await relationships.changeStage(existing, existing.version, {
    toStage: target,
    // The later of the meeting day and the current stage's day (ISO days sort as text).
    changedOn: [on, existing.stage_changed_on].sort()[1] as string,
    reason: null,
    actorUserId: userId,
    activityId: event.activityId,
  });
  if (!updated) throw new ConflictError('The relationship changed meanwhile: send the feedback again');
  await audit.record({
    workspaceId: event.workspaceId,
    actorUserId: userId,
    action: 'update',
    entityType: 'relationship',
    entityId: existing.id,
    changes: { stage: [existing.stage, target], activity_id: [null, event.activityId] },
  });
}
