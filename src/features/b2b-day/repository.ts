import { type Kysely, type Selectable, sql } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import type { B2bMeetingTable, DB } from '../../db/schema.ts';
import { markEvidence } from '../../db/write-transaction.ts';
import type { FollowUp, MeetingStatus, MeetingStatusBy } from '../../domain/matchmaking/types.ts';

export type MeetingRow = Selectable<B2bMeetingTable>;

/** A meeting with what its two sides and the day need (names, table, the request's sides). */
export interface NamedMeetingRow extends MeetingRow {
  from_participant_id: string;
  to_participant_id: string;
  from_name: string;
  to_name: string;
  table_name: string | null;
  table_number: number | null;
}

function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The only SQL of the event's day (issue 22 items 6 and 7): check-ins, meeting outcomes, feedback
 * and the statistics. Every query is bound to one workspace and one event. Writes to
 * `b2b_meeting` mark the event's activity (`markEvidence`): held meetings are KPI evidence.
 */
export class DayRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Approved participants, matching `q` on the name or a representative's, by name. */
  checkInList(workspaceId: string, eventId: string, q: string | undefined, limit: number) {
    let query = this.db
      .selectFrom('b2b_participant as p')
      .where('p.workspace_id', '=', workspaceId)
      .where('p.event_id', '=', eventId)
      .where('p.status', '=', 'approved');
    if (q) {
      const pattern = containsPattern(q);
      query = query.where((eb) =>
        eb.or([
          eb(sql`lower(p.name)`, 'like', sql`${pattern} escape '\\'`),
          eb.exists(
            eb
              .selectFrom('b2b_representative as r')
              .select('r.id')
              .whereRef('r.participant_id', '=', 'p.id')
              .where(sql<boolean>`lower(r.name) like ${pattern} escape '\\'`),
          ),
        ]),
      );
    }
    return query
      .select(['p.id', 'p.name', 'p.country', 'p.organisation_id', 'p.checked_in_at'])
      .orderBy('p.name')
      .orderBy('p.id')
      .limit(limit)
      .execute();
  }

  /** Representatives' names of these participants, in their order. */
  async representatives(participantIds: readonly string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (participantIds.length === 0) return map;
    const rows = await this.db
      .selectFrom('b2b_representative')
      .select(['participant_id', 'name'])
      .where('participant_id', 'in', participantIds)
      .orderBy('participant_id')
      .orderBy('position')
      .execute();
    for (const row of rows) map.set(row.participant_id, [...(map.get(row.participant_id) ?? []), row.name]);
    return map;
  }

  async checkInCounts(workspaceId: string, eventId: string) {
    const row = await this.db
      .selectFrom('b2b_participant')
      .where('workspace_id', '=', workspaceId)
      .where('event_id', '=', eventId)
      .where('status', '=', 'approved')
      .select([
        (eb) => eb.fn.countAll<number | string>().as('approved'),
        (eb) => eb.fn.count<number | string>('checked_in_at').as('checked_in'),
      ])
      .executeTakeFirstOrThrow();
    return { approved: Number(row.approved), checkedIn: Number(row.checked_in) };
  }

  findParticipant(workspaceId: string, eventId: string, id: string) {
    return this.db
      .selectFrom('b2b_participant')
      .select(['id', 'name', 'country', 'status', 'organisation_id', 'checked_in_at', 'checked_in_by'])
      .where('workspace_id', '=', workspaceId)
      .where('event_id', '=', eventId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  findParticipantByCode(workspaceId: string, eventId: string, code: string) {
    return this.db
      .selectFrom('b2b_participant')
      .select(['id', 'name', 'country', 'status', 'organisation_id', 'checked_in_at', 'checked_in_by'])
      .where('workspace_id', '=', workspaceId)
      .where('event_id', '=', eventId)
      .where('checkin_code', '=', code)
      .executeTakeFirst();
  }

  /** Sets or clears the check-in (not a profile edit: the participant's version is kept). */
  async setCheckIn(participantId: string, at: string | null, by: string | null): Promise<void> {
    await this.db
      .updateTable('b2b_participant')
      .set({ checked_in_at: at, checked_in_by: by, updated_at: nowIso() })
      .where('id', '=', participantId)
      .execute();
  }

  sessionDays(eventId: string): Promise<{ day: string }[]> {
    return this.db
      .selectFrom('b2b_session')
      .select('day')
      .distinct()
      .where('event_id', '=', eventId)
      .execute();
  }

  private namedMeetings(workspaceId: string, eventId: string) {
    return this.db
      .selectFrom('b2b_meeting as m')
      .innerJoin('b2b_request as q', 'q.id', 'm.request_id')
      .innerJoin('b2b_participant as f', 'f.id', 'q.from_participant_id')
      .innerJoin('b2b_participant as t', 't.id', 'q.to_participant_id')
      .leftJoin('b2b_table as tb', 'tb.id', 'm.table_id')
      .where('m.workspace_id', '=', workspaceId)
      .where('m.event_id', '=', eventId)
      .selectAll('m')
      .select([
        'q.from_participant_id',
        'q.to_participant_id',
        'f.name as from_name',
        't.name as to_name',
        'tb.name as table_name',
        'tb.number as table_number',
      ]);
  }

  findMeeting(workspaceId: string, eventId: string, id: string): Promise<NamedMeetingRow | undefined> {
    return this.namedMeetings(workspaceId, eventId).where('m.id', '=', id).executeTakeFirst();
  }

  /** Meetings whose slot starts at one of these instants, by time then table. */
  meetingsAt(workspaceId: string, eventId: string, starts: readonly string[]): Promise<NamedMeetingRow[]> {
    if (starts.length === 0) return Promise.resolve([]);
    return this.namedMeetings(workspaceId, eventId)
      .where('m.slot_starts_at', 'in', starts)
      .orderBy('m.slot_starts_at')
      .orderBy('tb.number')
      .orderBy('m.id')
      .execute();
  }

  /** The start of the slot running at `now` and of the next one with meetings (null: none). */
  async currentAndNextStart(
    workspaceId: string,
    eventId: string,
    now: string,
  ): Promise<{ current: string | null; next: string | null }> {
    const current = await this.db
      .selectFrom('b2b_meeting')
      .select((eb) => eb.fn.min('slot_starts_at').as('s'))
      .where('workspace_id', '=', workspaceId)
      .where('event_id', '=', eventId)
      .where('slot_starts_at', '<=', now)
      .where('slot_ends_at', '>', now)
      .executeTakeFirst();
    const next = await this.db
      .selectFrom('b2b_meeting')
      .select((eb) => eb.fn.min('slot_starts_at').as('s'))
      .where('workspace_id', '=', workspaceId)
      .where('event_id', '=', eventId)
      .where('slot_starts_at', '>', now)
      .executeTakeFirst();
    return { current: (current?.s as string | null) ?? null, next: (next?.s as string | null) ?? null };
  }

  /** A participant's meetings (either side), by time, with its own feedback. */
  meetingsOf(workspaceId: string, eventId: string, participantId: string) {
    return this.namedMeetings(workspaceId, eventId)
      .where((eb) =>
        eb.or([
          eb('q.from_participant_id', '=', participantId),
          eb('q.to_participant_id', '=', participantId),
        ]),
      )
      .leftJoin('b2b_meeting_feedback as fb', (join) =>
        join.onRef('fb.meeting_id', '=', 'm.id').on('fb.participant_id', '=', participantId),
      )
      .select(['fb.rating', 'fb.follow_up', 'fb.comment', 'fb.updated_at as feedback_updated_at'])
      .orderBy('m.slot_starts_at')
      .orderBy('m.id')
      .execute();
  }

  /**
   * Sets the status if the meeting is still at `version` (undefined otherwise); marks the event's
   * activity, whose held meetings are KPI evidence.
   */
  updateStatus(
    meeting: MeetingRow,
    activityId: string,
    version: number,
    status: MeetingStatus,
    by: MeetingStatusBy | null,
  ): Promise<MeetingRow | undefined> {
    markEvidence(this.db, [activityId]);
    const now = nowIso();
    return this.db
      .updateTable('b2b_meeting')
      .set((eb) => ({
        status,
        status_by: by,
        status_changed_at: status === 'scheduled' ? null : now,
        version: eb('version', '+', 1),
        updated_at: now,
      }))
      .where('workspace_id', '=', meeting.workspace_id)
      .where('id', '=', meeting.id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  /** Whether another live meeting holds the meeting's table at its slot. */
  async tableTaken(meeting: MeetingRow): Promise<boolean> {
    if (meeting.table_id === null) return false;
    const row = await this.db
      .selectFrom('b2b_meeting')
      .select('id')
      .where('table_id', '=', meeting.table_id)
      .where('slot_starts_at', '=', meeting.slot_starts_at)
      .where('status', '<>', 'cancelled')
      .where('id', '<>', meeting.id)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Links (or unlinks) the interaction a held meeting made. */
  async setInteraction(meeting: MeetingRow, activityId: string, interactionId: string | null): Promise<void> {
    markEvidence(this.db, [activityId]);
    await this.db
      .updateTable('b2b_meeting')
      .set({ interaction_id: interactionId })
      .where('id', '=', meeting.id)
      .execute();
  }

  /** Raises the event's agenda revision (its feeds and agendas show the change at once). */
  async bumpAgendaRevision(eventId: string): Promise<void> {
    await this.db
      .updateTable('b2b_event')
      .set((eb) => ({ agenda_revision: eb('agenda_revision', '+', 1), updated_at: nowIso() }))
      .where('id', '=', eventId)
      .execute();
  }

  findFeedback(meetingId: string, participantId: string) {
    return this.db
      .selectFrom('b2b_meeting_feedback')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .where('participant_id', '=', participantId)
      .executeTakeFirst();
  }

  /** Writes the side's feedback: one row per meeting and side (an update when there is one). */
  async upsertFeedback(
    workspaceId: string,
    meetingId: string,
    participantId: string,
    values: { rating: number | null; follow_up: FollowUp; comment: string },
  ) {
    const now = nowIso();
    const existing = await this.findFeedback(meetingId, participantId);
    if (existing) {
      return this.db
        .updateTable('b2b_meeting_feedback')
        .set({ ...values, updated_at: now })
        .where('id', '=', existing.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    }
    return this.db
      .insertInto('b2b_meeting_feedback')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        meeting_id: meetingId,
        participant_id: participantId,
        ...values,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The first representative (by position) of a participant, with its person links. */
  firstRepresentative(participantId: string) {
    return this.db
      .selectFrom('b2b_representative')
      .select(['id', 'name', 'person_id', 'network_person_id'])
      .where('participant_id', '=', participantId)
      .orderBy('position')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
  }

  /** What the network needs of a side: its member organisation (with cluster) or network organisation. */
  side(participantId: string) {
    return this.db
      .selectFrom('b2b_participant as p')
      .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
      .select(['p.id', 'p.name', 'p.organisation_id', 'o.cluster_id', 'p.network_organisation_id'])
      .where('p.id', '=', participantId)
      .executeTakeFirstOrThrow();
  }

  // --- statistics --------------------------------------------------------------------------------

  async countBy(
    table: 'b2b_participant' | 'b2b_request' | 'b2b_meeting',
    workspaceId: string,
    eventId: string,
  ): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom(table as 'b2b_meeting')
      .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('workspace_id', '=', workspaceId)
      .where('event_id', '=', eventId)
      .groupBy('status')
      .execute();
    return new Map(rows.map((row) => [row.status, Number(row.n)]));
  }

  async feedbackCounts(workspaceId: string, eventId: string) {
    const base = this.db
      .selectFrom('b2b_meeting_feedback as f')
      .innerJoin('b2b_meeting as m', 'm.id', 'f.meeting_id')
      .where('f.workspace_id', '=', workspaceId)
      .where('m.event_id', '=', eventId);
    const ratings = await base
      .select(['f.rating', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('f.rating', 'is not', null)
      .groupBy('f.rating')
      .execute();
    const followUps = await base
      .select(['f.follow_up', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('f.follow_up')
      .execute();
    return {
      ratings: new Map(ratings.map((row) => [Number(row.rating), Number(row.n)])),
      followUps: new Map(followUps.map((row) => [row.follow_up, Number(row.n)])),
    };
  }
}
